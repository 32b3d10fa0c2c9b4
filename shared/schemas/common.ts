import { z } from '../zod-fr';
import type { CheckResult } from '../domain/identifiers';

/** Optional text: trims, turns an empty string into null, caps the length. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .nullish()
    .transform((value) => (value ? value : null));

/** Optional identifier checked by a pure rule from shared/domain/identifiers; stored normalised. */
export const optionalIdentifier = (check: (input: string) => CheckResult) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((value, ctx) => {
      if (!value) return null;
      const result = check(value);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result.value;
    });

/** Optional ISO date (yyyy-mm-dd). */
export const optionalIsoDate = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
      new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
    ) {
      ctx.addIssue({ code: 'custom', message: `La date « ${value} » n'est pas une date valide.` });
      return z.NEVER;
    }
    return value;
  });

export const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!z.email().safeParse(value).success) {
      ctx.addIssue({ code: 'custom', message: `L'adresse électronique « ${value} » n'est pas valide.` });
      return z.NEVER;
    }
    return value.toLowerCase();
  });

/** French or international phone number, stored as « 04 76 00 00 00 » or « +33476000000 ». */
export const optionalPhone = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const digits = value.replace(/[\s.\-()]/g, '');
    if (!/^(\+33\d{9}|0\d{9}|\+\d{8,15})$/.test(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: `Le numéro de téléphone « ${value} » n'est pas valide (exemple : 04 76 00 00 00).`,
      });
      return z.NEVER;
    }
    return digits.startsWith('0') ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : digits;
  });

/** An id of a row, from a form select (where '' means none) or from code. */
export const optionalId = z
  .union([z.number().int().positive(), z.string().trim().regex(/^\d*$/, 'Identifiant invalide.')])
  .nullish()
  .transform((value) => (value === '' || value === null || value === undefined ? null : Number(value)));
