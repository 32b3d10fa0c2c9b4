/**
 * Search of the library in SQL, accents and case ignored without a custom SQLite function: each letter of a word
 * becomes a GLOB class of its accented and upper-case forms (« cystite » → `*[cCçÇ][yYÿŸ]…*`).
 */

const VARIANTS: Record<string, string> = {
  a: 'aàâäáãåAÀÂÄÁÃÅ',
  c: 'cçCÇ',
  e: 'eéèêëEÉÈÊË',
  i: 'iîïíìIÎÏÍÌ',
  n: 'nñNÑ',
  o: 'oôöóòõOÔÖÓÒÕ',
  u: 'uùûüúUÙÛÜÚ',
  y: 'yÿYŸ',
};

/** The words of a search, lower-case and accent-free (empty when there is nothing to search). */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s'’]+/)
    .map((word) => word.replace(/[*?[\]]/g, ''))
    .filter(Boolean);
}

/** A GLOB pattern that finds the word anywhere in a text, whatever its accents and case. */
export function wordGlob(word: string): string {
  return `*${letterClasses(word)}*`;
}

/** A GLOB pattern for the whole text (a theme chosen in a list), whatever its accents and case. */
export function exactGlob(text: string): string {
  return letterClasses(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[*?[\]]/g, '?')
      .trim(),
  );
}

function letterClasses(word: string): string {
  let pattern = '';
  for (const char of word) {
    const variants = VARIANTS[char];
    if (variants) pattern += `[${variants}]`;
    else if (char.toLowerCase() !== char.toUpperCase()) pattern += `[${char}${char.toUpperCase()}]`;
    else pattern += char;
  }
  return pattern;
}
