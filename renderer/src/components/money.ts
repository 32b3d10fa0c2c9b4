/** Amounts typed in euros (« 45 », « 45,50 », « 1 234,5 € ») ↔ integer cents. */

export type EuroParse = { ok: true; cents: number } | { ok: false; message: string };

/** Parses an amount typed in euros; an empty text is `null` (no amount). */
export function parseEuros(text: string): EuroParse | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR|EUR$/i, '');
  if (cleaned === '') return null;
  if (cleaned.startsWith('-')) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    return { ok: false, message: `« ${text.trim()} » n'est pas un montant en euros (exemples : 45 ou 45,50).` };
  }
  const euros = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');
  const cents = euros * 100 + Number(decimals || '0');
  if (!Number.isSafeInteger(cents) || cents > 10_000_000) return { ok: false, message: 'Montant trop élevé.' };
  return { ok: true, cents };
}

/** 4550 → « 45,50 », 4500 → « 45 » (what to put back in an input). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}
