import { z } from '../zod-fr';
import { checkPostcode, checkRna, checkSiren, checkSiret, type CheckResult } from '../domain/identifiers';

/** Optional text: trims, turns an empty string into null, caps the length. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} : ${max} caractères au maximum.`)
    .nullish()
    .transform((value) => (value ? value : null));

/** Optional identifier checked by a pure rule from shared/domain/identifiers; stored normalised. */
const optionalIdentifier = (check: (input: string) => CheckResult) =>
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

const isoDate = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      ctx.addIssue({ code: 'custom', message: `La date « ${value} » n'est pas une date valide.` });
      return z.NEVER;
    }
    return value;
  });

export const LEGAL_FORMS = ['Association loi 1901', 'Association de droit local (Alsace-Moselle)'] as const;

export const cptsIdentitySchema = z
  .object({
    name: z
      .string({ error: 'Le nom de la CPTS est obligatoire.' })
      .trim()
      .min(2, 'Le nom de la CPTS est obligatoire (2 caractères au moins).')
      .max(200, 'Le nom de la CPTS : 200 caractères au maximum.'),
    legalForm: z.enum(LEGAL_FORMS, { error: 'Choisissez une forme juridique dans la liste.' }).default('Association loi 1901'),
    rna: optionalIdentifier(checkRna),
    siren: optionalIdentifier(checkSiren),
    siret: optionalIdentifier(checkSiret),
    addressLine: optionalText(200, 'Adresse'),
    postalCode: optionalIdentifier(checkPostcode),
    city: optionalText(100, 'Commune du siège'),
    presidentName: optionalText(120, 'Président·e'),
    coordinatorName: optionalText(120, 'Coordinateur·rice'),
    email: z
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
      }),
    phone: z
      .string()
      .trim()
      .nullish()
      .transform((value, ctx) => {
        if (!value) return null;
        const digits = value.replace(/[\s.\-()]/g, '');
        if (!/^(\+33\d{9}|0\d{9}|\+\d{8,15})$/.test(digits)) {
          ctx.addIssue({ code: 'custom', message: `Le numéro de téléphone « ${value} » n'est pas valide (exemple : 04 76 00 00 00).` });
          return z.NEVER;
        }
        return digits.startsWith('0') ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : digits;
      }),
    website: optionalText(200, 'Site internet'),
    arsRegionCode: optionalText(3, 'Région ARS'),
    cpam: optionalText(120, 'CPAM de rattachement'),
  })
  .superRefine((value, ctx) => {
    if (value.siren && value.siret && !value.siret.startsWith(value.siren)) {
      ctx.addIssue({
        code: 'custom',
        path: ['siret'],
        message: `Le SIRET ${value.siret} ne correspond pas au SIREN ${value.siren} (ses 9 premiers chiffres doivent être le SIREN).`,
      });
    }
  });

export type CptsIdentityInput = z.input<typeof cptsIdentitySchema>;
export type CptsIdentity = z.output<typeof cptsIdentitySchema>;

const ORDERED_STEPS: [keyof CptsLifecycle, keyof CptsLifecycle, string][] = [
  ['letterOfIntentSubmittedOn', 'letterOfIntentValidatedOn', 'La validation de la lettre d’intention ne peut pas précéder son dépôt.'],
  ['healthProjectSubmittedOn', 'healthProjectValidatedOn', 'La validation du projet de santé ne peut pas précéder son dépôt.'],
  ['letterOfIntentSubmittedOn', 'healthProjectSubmittedOn', 'Le projet de santé ne peut pas être déposé avant la lettre d’intention.'],
  ['healthProjectValidatedOn', 'aciSignedOn', 'Le contrat ACI ne peut pas être signé avant la validation du projet de santé.'],
];

export const cptsLifecycleSchema = z
  .object({
    letterOfIntentSubmittedOn: isoDate,
    letterOfIntentValidatedOn: isoDate,
    healthProjectSubmittedOn: isoDate,
    healthProjectValidatedOn: isoDate,
    aciSignedOn: isoDate,
    aciContractNumber: optionalText(60, 'Numéro du contrat ACI'),
    /** Date anniversaire of the contract; defaults to the signature date when empty. */
    aciAnniversaryOn: isoDate,
  })
  .superRefine((value, ctx) => {
    for (const [before, after, message] of ORDERED_STEPS) {
      const a = value[before];
      const b = value[after];
      if (a && b && b < a) ctx.addIssue({ code: 'custom', path: [after], message });
    }
    if (value.aciAnniversaryOn && !value.aciSignedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['aciSignedOn'],
        message: 'Renseignez la date de signature du contrat ACI avant sa date anniversaire.',
      });
    }
  });

export type CptsLifecycleInput = z.input<typeof cptsLifecycleSchema>;
export type CptsLifecycle = z.output<typeof cptsLifecycleSchema>;
