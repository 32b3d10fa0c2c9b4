/** Splitting a full name written in one cell into civility, last name and first name. */
const NAME_PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'dos',
  'del',
  'della',
  'ben',
  'el',
  'al',
  'mac',
  'mc',
  "d'",
  "l'",
]);
const TITLES: Record<string, 'M.' | 'Mme' | null> = {
  m: 'M.',
  'm.': 'M.',
  mr: 'M.',
  'mr.': 'M.',
  monsieur: 'M.',
  mme: 'Mme',
  'mme.': 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  mademoiselle: 'Mme',
  dr: null,
  'dr.': null,
  docteur: null,
  docteure: null,
  pr: null,
  'pr.': null,
  professeur: null,
  professeure: null,
  me: null,
};

const isUpperWord = (word: string) =>
  /\p{Lu}/u.test(word) && word === word.toLocaleUpperCase('fr-FR') && /\p{L}{2,}/u.test(word);

/**
 * Splits a « nom et prénom » cell: « BERNARD Camille » and « Camille BERNARD » (the upper-case words are the last
 * name), « Bernard, Camille » (last name before the comma); otherwise the French order of lists, « Nom Prénom »
 * (« Le Goff Anne »). A title in front (« Mme », « Dr ») is removed; « M. », « Mme » give the civility.
 */
export function splitFullName(text: string): {
  lastName: string | null;
  firstName: string | null;
  civility: 'M.' | 'Mme' | null;
} {
  let value = text.trim().replace(/\s+/g, ' ');
  let civility: 'M.' | 'Mme' | null = null;
  for (;;) {
    const first = value.split(' ')[0] ?? '';
    const lower = first.toLowerCase();
    if (value.includes(' ') && lower in TITLES) {
      civility = civility ?? TITLES[lower] ?? null;
      value = value.slice(first.length).trim();
    } else break;
  }
  if (!value) return { lastName: null, firstName: null, civility };
  if (value.includes(',')) {
    const [last, ...rest] = value.split(',');
    return { lastName: last!.trim() || null, firstName: rest.join(',').trim() || null, civility };
  }
  const words = value.split(' ');
  if (words.length === 1) return { lastName: words[0]!, firstName: null, civility };
  const upper = words.map(isUpperWord);
  if (upper.some(Boolean) && !upper.every(Boolean)) {
    // The upper-case words, contiguous, at the start or at the end.
    const firstUpper = upper.indexOf(true);
    const lastUpper = upper.lastIndexOf(true);
    if (upper.slice(firstUpper, lastUpper + 1).every(Boolean) && (firstUpper === 0 || lastUpper === words.length - 1)) {
      const lastName = words.slice(firstUpper, lastUpper + 1).join(' ');
      const firstName = [...words.slice(0, firstUpper), ...words.slice(lastUpper + 1)].join(' ');
      return { lastName, firstName: firstName || null, civility };
    }
  }
  // « Nom Prénom », the name possibly with particles: « Le Goff Anne », « de La Fontaine Jean ».
  let split = 1;
  while (split < words.length - 1 && NAME_PARTICLES.has(words[split - 1]!.toLowerCase())) split++;
  return { lastName: words.slice(0, split).join(' '), firstName: words.slice(split).join(' ') || null, civility };
}

/** « JEAN-PIERRE » → « Jean-Pierre »; mixed-case names are kept as typed. */
export function tidyFirstName(text: string): string {
  if (text !== text.toLocaleUpperCase('fr-FR') && text !== text.toLocaleLowerCase('fr-FR')) return text;
  return text
    .toLocaleLowerCase('fr-FR')
    .replace(
      /(^|[\s\-'’])(\p{L})/gu,
      (_, separator: string, letter: string) => separator + letter.toLocaleUpperCase('fr-FR'),
    );
}
