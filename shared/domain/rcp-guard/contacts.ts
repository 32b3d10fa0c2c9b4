import type { Candidate } from './labels';
import { SEP, SEP_REQUIRED } from './patterns';

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses and phone numbers
// ---------------------------------------------------------------------------------------------------------------

const EMAIL_RE = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}/gu;

/** 0X XX XX XX XX (spaces, dots, dashes or nothing), +33 X XX XX XX XX, +33 (0)X…, 0033 X… */
const PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)\\s?33\\s?(?:\\(0\\)\\s?|0)?[1-9]|0[1-9])(?:${SEP}\\d{2}){4}(?![\\p{N}])`,
  'gu',
);

/**
 * Any « +<country code> » number, grouped as it comes (« +262 692 12 34 56 », « +33 6 12 345 678 »,
 * « +44 20 7946 0958 »): 8 to 15 digits in all (E.164), an optional « (0) » not counted.
 */
const INTL_PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}+])\\+\\s?[1-9]\\d{0,2}(?:\\s?\\(0\\))?(?:(?:${SEP_REQUIRED}\\d{1,4}){1,8}|\\d{5,12})(?![\\p{N}])`,
  'gu',
);

export function findContacts(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(EMAIL_RE)) out.push({ kind: 'email', label: 'email', index: m.index, match: m[0] });
  for (const m of text.matchAll(PHONE_RE)) {
    out.push({ kind: 'telephone', label: 'telephone', index: m.index, match: m[0] });
  }
  for (const m of text.matchAll(INTL_PHONE_RE)) {
    const digits = m[0].replace(/\(0\)/g, '').replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15) out.push({ kind: 'telephone', label: 'telephone', index: m.index, match: m[0] });
  }
}
