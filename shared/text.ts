import { PDF_FONT_RANGES } from './pdf-charset';

/** Lower-case, accent-free, separators as single spaces; « St » and « Ste » spelled out. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/['’`\-_.,/()@]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Safe user text: applied to every z.string() of the shared schemas (shared/zod-fr.ts), on both sides of the IPC.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Invisible and bidirectional control characters: zero-width space, joiners and marks (U+200B–U+200F), bidi
 * embeddings and overrides (U+202A–U+202E), word joiner and invisible operators (U+2060–U+2064), bidi isolates
 * (U+2066–U+2069), byte-order mark (U+FEFF) and soft hyphen (U+00AD). Pasted from a web page or a PDF, they hide
 * text from the RCP guard and from search, reorder what a PDF shows, and print as nothing or a box.
 */
const INVISIBLE_RE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Invisible and bidi controls removed, then composed (NFC: « e » + accent typed apart becomes « é »). */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE_RE, '').normalize('NFC');
}

/** Can the shipped PDF font draw this code point? Tab and line breaks are layout, not glyphs. */
export function pdfCanDraw(codePoint: number): boolean {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return true;
  let low = 0;
  let high = PDF_FONT_RANGES.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < PDF_FONT_RANGES[2 * mid]!) high = mid - 1;
    else if (codePoint > PDF_FONT_RANGES[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

const SHOWN_MAX = 5;
const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** A character as the message shows it: itself, or « U+0007 » when it has nothing to see. */
function shown(grapheme: string): string {
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(grapheme)) return `« ${grapheme} »`;
  return [...grapheme].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

const hex = (codePoint: number) => `\\u{${codePoint.toString(16)}}`;
/** Any code point outside the font's ranges (and not a tab or line break): one native scan instead of a loop in JS. */
const UNDRAWABLE_RE = new RegExp(
  `[^\\t\\n\\r${Array.from({ length: PDF_FONT_RANGES.length / 2 }, (_, i) => `${hex(PDF_FONT_RANGES[2 * i]!)}-${hex(PDF_FONT_RANGES[2 * i + 1]!)}`).join('')}]`,
  'u',
);

/** The characters (whole graphemes: « 👍🏽 », not its halves) the PDF font cannot draw, once each, in order. */
export function undrawableInPdf(text: string): string[] {
  if (!UNDRAWABLE_RE.test(text)) return [];
  const found: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (found.includes(segment)) continue;
    for (const ch of segment) {
      if (!pdfCanDraw(ch.codePointAt(0)!)) {
        found.push(segment);
        break;
      }
    }
  }
  return found;
}

/**
 * null when the text can be printed; otherwise a French message naming the offending characters (Arabic, Chinese,
 * emoji…: the PDF font would draw a wrong glyph or nothing). Refused rather than lost silently in a compte rendu.
 */
export function pdfTextProblem(text: string): string | null {
  const found = undrawableInPdf(text);
  if (found.length === 0) return null;
  const list = found.slice(0, SHOWN_MAX).map(shown).join(', ') + (found.length > SHOWN_MAX ? ', …' : '');
  return found.length === 1
    ? `Ce texte contient un caractère que les documents PDF ne peuvent pas afficher : ${list}. Retirez-le ou remplacez-le.`
    : `Ce texte contient des caractères que les documents PDF ne peuvent pas afficher : ${list}. Retirez-les ou remplacez-les.`;
}
