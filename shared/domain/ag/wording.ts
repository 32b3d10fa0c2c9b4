import { formatNumber, pl } from '../../format';
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

/** 1500 → « 1 500 », 12.5 → « 12,5 » (non-breaking spaces): the French numbers of `@shared/format`. */
export const fmt = formatNumber;
export { pl };
export const fractionText = (fraction: Fraction): string => `${fraction.numerator}/${fraction.denominator}`;
