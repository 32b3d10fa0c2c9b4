import type { Candidate, LabelKey } from './labels';
import { digitsOf, LEFT, SEP } from './patterns';

// ---------------------------------------------------------------------------------------------------------------
// NIR (numéro de sécurité sociale), INS and other labelled patient numbers
// ---------------------------------------------------------------------------------------------------------------

/**
 * NIR shape, separators allowed between the groups only (sexe, année, mois, département, commune, ordre, clé):
 * « 1 84 12 75 123 456 78 », « 184127512345678 », « 2 84 12 2A 123 456 ». Separators inside a group are refused
 * so that an 11-digit RPPS followed by a number (« 10003198511 12 ») is not read as a NIR. A number preceded by a
 * digit and a dot, dash or slash is part of something else.
 */
const NIR_RE = new RegExp(
  `${LEFT}(?<![\\p{N}][.\\-/,])` +
    `[1-478]${SEP}\\d{2}${SEP}\\d{2}${SEP}(?:\\d{2}|2[AaBb])${SEP}\\d{3}${SEP}\\d{3}(?:${SEP}\\d{2})?` +
    '(?![\\p{N}])(?![AaBb](?![\\p{L}]))',
  'gu',
);

/** Months 01–12, or the conventional 20–42 and 50–99 used when the month of birth is unknown. */
function plausibleNirMonth(digits: string): boolean {
  const month = Number(digits.slice(3, 5));
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

/**
 * A NIR copied in pairs of digits, as some read it aloud or type it: « 18 41 27 51 23 45 67 8 » (15 digits) or
 * « 18 41 27 51 23 45 6 » (13). The pairs do not follow the groups of the NIR, so this needs its own pattern.
 */
const NIR_PAIRS_RE = new RegExp(
  `${LEFT}(?<![\\p{N}][.\\-/,])[1-478]\\d(?:${SEP}\\d{2}){5,6}${SEP}\\d(?![\\p{N}])`,
  'gu',
);

export function findNirs(text: string, out: Candidate[]): void {
  for (const m of [...text.matchAll(NIR_RE), ...text.matchAll(NIR_PAIRS_RE)]) {
    const digits = digitsOf(m[0]);
    if (digits.length !== 13 && digits.length !== 15) continue;
    if (!plausibleNirMonth(digits)) continue;
    out.push({ kind: 'nir', label: 'nir', index: m.index, match: m[0] });
  }
}

/**
 * A label naming a patient number, then a number of at least 6 digits: « INS : 1 84 … », « NIR 184… »,
 * « n° sécu 1841275 », « n° de sécurité sociale … », « carte Vitale … », « IPP 00123456 ».
 */
const LABELLED_NUMBER_RE = new RegExp(
  `${LEFT}(?:` +
    '(?<ins>matricule\\s+INS|INS(?:[\\- ]?[CA])?|identifiant\\s+national\\s+de\\s+sant[ée])' +
    '|(?<ipp>IPP)' +
    '|(?<nir>NIR|NIA|(?:n°|n[or]\\.?|num(?:[ée]ro)?\\.?)\\s*(?:de\\s+)?(?:s[ée]cu(?:rit[ée]\\s+sociale)?|ss)' +
    '|s[ée]curit[ée]\\s+sociale|carte\\s+vitale|immatriculation)' +
    ')(?![\\p{L}])' +
    '\\s*(?:(?:n°|no|num[ée]ro)\\s*)?[:=\\-–]?\\s*' +
    `\\d(?:${SEP}(?:\\d|(?<=2)[AaBb](?![\\p{L}])))*(?![\\p{N}])`,
  'giu',
);

export function findLabelledNumbers(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(LABELLED_NUMBER_RE)) {
    const groups = m.groups ?? {};
    const labelText = groups['ins'] ?? groups['ipp'] ?? groups['nir'] ?? '';
    const number = m[0].slice(labelText.length);
    if (digitsOf(number).length < 6) continue;
    const label: LabelKey = groups['ins'] ? 'ins' : groups['ipp'] ? 'ipp' : 'nir';
    out.push({ kind: label === 'nir' ? 'nir' : 'ins', label, index: m.index, match: m[0].trimEnd() });
  }
}
