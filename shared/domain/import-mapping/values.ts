/** Parsing of French cell values: dates, amounts, civilities, yes/no. */
import { searchKey } from '../../text';

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

/**
 * A French date as typed in a spreadsheet: « 05/03/2025 », « 5/3/25 », « 05-03-2025 », « 05.03.2025 »,
 * « 5 mars 2025 », or ISO « 2025-03-05 » (a time after it is ignored) → '2025-03-05'. Null when not a real date.
 */
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+(?:à\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?$/.exec(value);
  if (match) return isoOf(fullYear(match[3]!), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:er)?\s+([a-zéèêûô.]+)\s+(\d{4})$/i.exec(value);
  if (match) {
    const month = MONTHS[searchKey(match[2]!).replace(/\s/g, '')];
    return month ? isoOf(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}

/** '2025-03-05' → '05/03/2025'. */
export function formatFrenchDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * An amount in euros as typed: « 45,00 € », « 45 € », « 45€00 », « 1 234,50 », « 1.234,50 », « 45.5 », « EUR 45 » → cents
 * (4500). Null when it is not a positive amount with at most 2 decimals.
 */
export function parseEuroAmount(text: string): number | null {
  const value = text
    .trim()
    // « 45€00 », « 12 € 50 »: a euro sign between digits is the decimal mark.
    .replace(/(\d)[\s\u00A0\u202F]*€[\s\u00A0\u202F]*(?=\d)/g, '$1,')
    .replace(/€|euros?|eur/gi, '')
    .replace(/[\s\u00A0\u202F\u2007']/g, '');
  if (!value || !/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  let decimalMark: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) decimalMark = value.indexOf(',') === lastComma ? ',' : null;
  else if (lastDot >= 0) {
    // « 1.234 » or « 1.234.567 »: thousands; « 45.5 », « 45.50 »: decimals.
    decimalMark = value.indexOf('.') === lastDot && !/^\d{1,3}\.\d{3}$/.test(value) ? '.' : null;
  }
  let integer = value;
  let fraction = '';
  if (decimalMark) {
    const index = value.lastIndexOf(decimalMark);
    integer = value.slice(0, index);
    fraction = value.slice(index + 1);
  }
  const thousands = decimalMark === ',' ? '.' : ',';
  if (decimalMark === null) {
    if (!/^\d{1,3}([.,]\d{3})*$/.test(integer) && !/^\d+$/.test(integer)) return null;
    integer = integer.replace(/[.,]/g, '');
  } else {
    if (integer.includes(decimalMark)) return null;
    if (integer.includes(thousands) && !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(integer)) return null;
    integer = integer.split(thousands).join('');
  }
  if (!/^\d+$/.test(integer || '0') || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(integer || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** « M. », « Monsieur », « Mr », « H » → 'M.'; « Mme », « Madame », « Mlle », « F » → 'Mme'; null otherwise. */
export function matchCivility(text: string): 'M.' | 'Mme' | null {
  const key = searchKey(text).replace(/\s/g, '');
  if (['m', 'mr', 'monsieur', 'mon', 'msieur', 'h', 'homme', 'masculin'].includes(key)) return 'M.';
  if (['mme', 'madame', 'mlle', 'mademoiselle', 'melle', 'mle', 'f', 'femme', 'feminin'].includes(key)) return 'Mme';
  return null;
}

/** « oui », « x », « 1 », « vrai » → true; « non », « 0 », « faux » → false; null otherwise. */
export function parseYesNo(text: string): boolean | null {
  const key = searchKey(text);
  if (
    [
      'oui',
      'o',
      'x',
      'yes',
      'y',
      '1',
      'vrai',
      'true',
      'ok',
      'accord',
      'd accord',
      'paye',
      'payee',
      'regle',
      'reglee',
    ].includes(key)
  )
    return true;
  if (['non', 'n', 'no', '0', 'faux', 'false', 'refus', 'refuse'].includes(key)) return false;
  return null;
}
