/**
 * react-pdf only breaks lines at spaces (hyphenation is off, and its hyphenation would add a second "-" after
 * the hyphen of "Saint-Martin-"), so a long hyphenated commune name, an e-mail or a URL that is wider than its
 * column overflows into the next one. These helpers cut such words ourselves, after a hyphen, a slash, a dot,
 * an @ or an underscore (the French convention keeps the hyphen at the end of the line); each line is then
 * drawn as its own <Text>.
 */

/** Average advance of Inter for names and addresses is about 0.51 em; 0.55 keeps a safety margin. */
const AVERAGE_CHAR_EM = 0.55;

/** How many characters safely fit on one line of `widthPt` points at `fontSize`. */
export function maxCharsFor(widthPt: number, fontSize: number): number {
  return Math.max(4, Math.floor(widthPt / (fontSize * AVERAGE_CHAR_EM)));
}

const BREAK_AFTER = /[^-/.@_]*[-/.@_]?/g;

function splitWord(word: string, maxChars: number): string[] {
  const pieces: string[] = [];
  for (const segment of word.match(BREAK_AFTER) ?? [word]) {
    if (segment === '') continue;
    for (let start = 0; start < segment.length; start += maxChars) pieces.push(segment.slice(start, start + maxChars));
  }
  return pieces;
}

/** Greedy line split of `text` at spaces, long words cut after a hyphen, slash, dot, @ or underscore. */
export function wrapLines(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  const add = (piece: string, joiner: string) => {
    if (line === '') line = piece;
    else if (line.length + joiner.length + piece.length <= maxChars) line += joiner + piece;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const pieces = word.length <= maxChars ? [word] : splitWord(word, maxChars);
    pieces.forEach((piece, index) => add(piece, index === 0 ? ' ' : ''));
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lines for `text` when one of its words is longer than `maxChars`, or null when react-pdf can wrap it
 * by itself at spaces (the usual case: nothing to do).
 */
export function breakLongWords(text: string, maxChars: number): string[] | null {
  return text.split(' ').every((word) => word.length <= maxChars) ? null : wrapLines(text, maxChars);
}
