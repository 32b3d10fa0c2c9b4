import type { Candidate } from './labels';
import { fold, LEFT } from './patterns';

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

const MONTHS =
  'janvier|janv|f[ée]vrier|f[ée]vr?|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|sept|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c';

const MONTH_NUMBERS: ReadonlyArray<[string, number]> = [
  ['jan', 1],
  ['fev', 2],
  ['mar', 3],
  ['avr', 4],
  ['mai', 5],
  ['juin', 6],
  ['juil', 7],
  ['aou', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

function monthNumber(name: string): number | null {
  const folded = fold(name);
  for (const [prefix, month] of MONTH_NUMBERS) if (folded.startsWith(prefix)) return month;
  return null;
}

/** Day-month-year with one of / . - (spaces around allowed), or yyyy-mm-dd. */
const NUMERIC_DATE = '\\d{1,2}\\s*[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*(?:\\d{4}|\\d{2})';
const ISO_DATE = '\\d{4}-\\d{1,2}-\\d{1,2}';
/** « 3 mars 1948 », « 1er avril 1950 », « 12 déc. 1937 ». */
const TEXT_DATE_WITH_YEAR = `(?:1er|\\d{1,2})\\s+(?:${MONTHS})(?![\\p{L}])\\.?\\s+\\d{4}`;
/** After a birth cue, the year may be missing or written with 2 digits, and a space may separate the numbers. */
const TEXT_DATE_ANY = `(?:1er|\\d{1,2})\\s+(?:${MONTHS})(?![\\p{L}])\\.?(?:\\s+(?:\\d{4}|\\d{2})(?![\\p{N}]))?`;
const SPACED_DATE = '\\d{1,2}\\s+\\d{1,2}\\s+(?:\\d{4}|\\d{2})';
const DAY_MONTH = '\\d{1,2}\\s*[/.]\\s*\\d{1,2}';
/** « DDN:03031948 », « né le 030348 »: digits glued together, only after a birth cue. */
const COMPACT_DATE = '\\d{8}|\\d{6}';

const DATE_END = '(?![\\p{N}])(?!\\s*[/.\\-]\\s*\\p{N})';

/** Full dates anywhere (kept if the year is before 2000). */
const FULL_DATE_RE = new RegExp(
  `${LEFT}(?<![\\p{N}]\\s*[/.\\-]\\s*)(?:${ISO_DATE}|${NUMERIC_DATE}|${TEXT_DATE_WITH_YEAR})${DATE_END}`,
  'giu',
);

/**
 * A birth cue, an optional place (« à Saint-Étienne », « au Maroc »), an optional connector (« le », « : »,
 * « du »), then a date, possibly without its year. The cue is part of the match: it is what makes it a birth date.
 */
const BIRTH_CUE =
  '(?:date\\s+de\\s+naissance|date\\s+naiss\\.?|naissance|n[ée]\\s*\\(\\s*e\\s*\\)s?|né(?:es?|s)?|nees?|ne(?=\\s+le\\s)|d\\.?\\s?d\\.?\\s?n\\.?|dob)';
const BIRTH_PLACE = "(?:\\s+(?:à|a|au|aux|en)\\s+[\\p{L}'’\\-]+(?:\\s+[\\p{L}'’\\-]+){0,3}?)?";
const BIRTH_CONNECTOR = '\\s*(?:[:=\\-–]\\s*)?(?:(?:le|du|en\\s+date\\s+du|au)\\s+)?';
const BIRTH_DATE_RE = new RegExp(
  `${LEFT}${BIRTH_CUE}(?![\\p{L}])${BIRTH_PLACE}${BIRTH_CONNECTOR}` +
    `(?<date>${ISO_DATE}|${NUMERIC_DATE}|${TEXT_DATE_ANY}|${SPACED_DATE}|${DAY_MONTH}|${COMPACT_DATE})${DATE_END}`,
  'giu',
);

interface ParsedDate {
  day: number;
  month: number;
  /** Four-digit year, or null when the date has none. */
  year: number | null;
  twoDigitYear: boolean;
  /** The separator of a numeric date (« / », « . », « - », « » for spaces), null for a date written in words. */
  separator: string | null;
}

/** Two-digit years up to five years ahead are read as 20xx, the others as 19xx. */
function expandYear(twoDigits: number): number {
  const pivot = (new Date().getFullYear() % 100) + 5;
  return twoDigits <= pivot ? 2000 + twoDigits : 1900 + twoDigits;
}

function parseDate(raw: string): ParsedDate | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[3]), Number(m[2]), m[1]!, '-');
  m = /^(\d{1,2})\s*([/.\-]|\s)\s*(\d{1,2})\s*([/.\-]|\s)\s*(\d{4}|\d{2})$/.exec(s);
  if (m) {
    if (m[2]!.trim() !== m[4]!.trim()) return null;
    return checked(Number(m[1]), Number(m[3]), m[5]!, m[2]!.trim());
  }
  m = /^(1er|\d{1,2})\s+([\p{L}]+)\.?(?:\s+(\d{4}|\d{2}))?$/iu.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === null) return null;
    return checked(m[1]!.toLowerCase() === '1er' ? 1 : Number(m[1]), month, m[3] ?? null, null);
  }
  m = /^(\d{1,2})\s*([/.])\s*(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[3]), null, m[2]!);
  // Glued digits: ddmmyyyy or ddmmyy, else yyyymmdd.
  m = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const dayFirst = checked(Number(m[1]), Number(m[2]), m[3]!, '');
    if (dayFirst) return dayFirst;
    const yearFirst = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (yearFirst) return checked(Number(yearFirst[3]), Number(yearFirst[2]), yearFirst[1]!, '');
  }
  return null;
}

function checked(day: number, month: number, yearText: string | null, separator: string | null): ParsedDate | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  if (yearText === null) return { day, month, year: null, twoDigitYear: false, separator };
  const twoDigitYear = yearText.length === 2;
  const year = twoDigitYear ? expandYear(Number(yearText)) : Number(yearText);
  if (year < 1880 || year > 2099) return null;
  return { day, month, year, twoDigitYear, separator };
}

export function findDates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(BIRTH_DATE_RE)) {
    const date = m.groups?.['date'];
    if (date === undefined || parseDate(date) === null) continue;
    out.push({ kind: 'date_naissance', label: 'birth', index: m.index, match: m[0] });
  }
  for (const m of text.matchAll(FULL_DATE_RE)) {
    const parsed = parseDate(m[0]);
    if (parsed === null || parsed.year === null || parsed.year >= 2000) continue;
    // « 1-0-12 »-like dashes with a 2-digit year are posologies, not dates.
    if (parsed.twoDigitYear && parsed.separator === '-') continue;
    out.push({ kind: 'date_naissance', label: 'oldDate', index: m.index, match: m[0] });
  }
}
