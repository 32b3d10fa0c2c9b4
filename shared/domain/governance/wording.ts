import type { Fraction } from './rules';
import type { MeetingType } from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------
// French wording shared by the governance sentences
// ---------------------------------------------------------------------------------------------------------------

/** How each meeting type is named inside a French sentence. */
export const WORDING: Readonly<Record<MeetingType, { the: string; meeting: string; body: string }>> = {
  ago: { the: "l'assemblée générale ordinaire", meeting: "l'assemblée", body: "l'assemblée" },
  age: { the: "l'assemblée générale extraordinaire", meeting: "l'assemblée", body: "l'assemblée" },
  constitutive: { the: "l'assemblée générale constitutive", meeting: "l'assemblée", body: "l'assemblée" },
  ca: {
    the: "le conseil d'administration",
    meeting: "la réunion du conseil d'administration",
    body: "le conseil d'administration",
  },
  bureau: { the: 'le bureau', meeting: 'la réunion du bureau', body: 'le bureau' },
};

const NBSP = '\u00a0';
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
/** 1500 → « 1 500 », 12.5 → « 12,5 » (non-breaking spaces, as in shared/format). */
export function fmt(value: number): string {
  return numberFormat.format(value).replace(/[\u202f\u00a0]/g, NBSP);
}
/** French plural: 0 and 1 are singular. */
export const pl = (count: number, singular: string, plural: string): string => (count >= 2 ? plural : singular);
export const fractionText = (fraction: Fraction): string => `${fraction.numerator}/${fraction.denominator}`;
