// ---------------------------------------------------------------------------------------------------------------
// Shared pieces of patterns
// ---------------------------------------------------------------------------------------------------------------

/** One optional separator inside a number: one to three spaces (a doubled space is a common slip), or a dot or a dash. */
export const SEP_REQUIRED = '(?:[ \\t\\u00A0\\u2007\\u202F]{1,3}|[.\\-\\u2010\\u2011])';
export const SEP = `${SEP_REQUIRED}?`;
/** Not glued to a letter or a digit on the left. */
export const LEFT = '(?<![\\p{L}\\p{N}])';

/** Accent-free lower case, to compare words with the stop lists. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function digitsOf(text: string): string {
  return text.replace(/[^0-9AaBb]/g, '').toUpperCase();
}
