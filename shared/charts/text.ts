/**
 * Text measure and shortening for chart labels. The default measure is a per-character estimate of Inter,
 * slightly generous so that an estimated label never overflows; the PDFs pass Inter's real advance widths.
 */
import type { MeasureText, TextWeight } from './types';

const NARROW = new Set(" .,;:'’!|()[]-/ilIjtfr\u00a0");
const WIDE = new Set('mwMW@%…—');

/** Rough width of one character of Inter, in ems. */
function estimateEm(char: string): number {
  if (NARROW.has(char)) return 0.32;
  if (WIDE.has(char)) return 0.92;
  if (/[0-9]/.test(char)) return 0.63;
  if (char !== char.toLowerCase()) return 0.72;
  return 0.6;
}

/** Margin over the estimate, so that it stays at or above Inter's real widths for ordinary French labels. */
const ESTIMATE_MARGIN = 1.04;

/** The default measure: an estimate of Inter's widths, 6 % wider for semibold. */
export const estimateTextWidth: MeasureText = (text: string, fontSize: number, weight: TextWeight): number => {
  let em = 0;
  for (const char of text) em += estimateEm(char);
  return em * fontSize * ESTIMATE_MARGIN * (weight === 'semibold' ? 1.06 : 1);
};

const ELLIPSIS = '…';

/**
 * `text` on one line if it fits in `maxWidth`, otherwise on two: the first holds as many whole words as fit, the
 * second the rest (shortened with « … » if it still does not fit). A single word too long is shortened on one line.
 */
export function twoLines(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: TextWeight,
  measure: MeasureText,
): string[] {
  if (measure(text, fontSize, weight) <= maxWidth) return [text];
  const words = text.split(' ');
  let count = 0;
  while (count < words.length - 1 && measure(words.slice(0, count + 1).join(' '), fontSize, weight) <= maxWidth) {
    count += 1;
  }
  if (count === 0) return [ellipsize(text, maxWidth, fontSize, weight, measure)];
  const rest = words.slice(count).join(' ');
  return [words.slice(0, count).join(' '), ellipsize(rest, maxWidth, fontSize, weight, measure)];
}

/**
 * `text` if it fits in `maxWidth`, otherwise its longest beginning that fits followed by « … » (trailing spaces
 * and punctuation dropped before the ellipsis); an empty string when not even « … » fits.
 */
export function ellipsize(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: TextWeight,
  measure: MeasureText,
): string {
  if (measure(text, fontSize, weight) <= maxWidth) return text;
  if (measure(ELLIPSIS, fontSize, weight) > maxWidth) return '';
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  // The longest prefix whose shortened form fits (binary search: widths grow with the prefix).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = chars.slice(0, middle).join('').trimEnd() + ELLIPSIS;
    if (measure(candidate, fontSize, weight) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  const prefix = chars
    .slice(0, low)
    .join('')
    .replace(/[\s,;:.\-–—]+$/u, '');
  return prefix === '' ? ELLIPSIS : prefix + ELLIPSIS;
}
