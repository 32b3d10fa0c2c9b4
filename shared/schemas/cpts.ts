import { z } from '../zod-fr';
import { checkPostcode, checkRna, checkSiren, checkSiret } from '../domain/identifiers';
import { optionalEmail, optionalIdentifier, optionalIsoDate as isoDate, optionalPhone, optionalText } from './common';

export { optionalText };

export const LEGAL_FORMS = ['Association loi 1901', 'Association de droit local (Alsace-Moselle)'] as const;

export const cptsIdentitySchema = z
  .object({
    name: z
      .string({ error: 'Le nom de la CPTS est obligatoire.' })
      .trim()
      .min(2, 'Le nom de la CPTS est obligatoire (2 caractères au moins).')
      .max(200, 'Le nom de la CPTS : 200 caractères au maximum.'),
    legalForm: z
      .enum(LEGAL_FORMS, { error: 'Choisissez une forme juridique dans la liste.' })
      .default('Association loi 1901'),
    rna: optionalIdentifier(checkRna),
    siren: optionalIdentifier(checkSiren),
    siret: optionalIdentifier(checkSiret),
    addressLine: optionalText(200, 'Adresse'),
    postalCode: optionalIdentifier(checkPostcode),
    city: optionalText(100, 'Commune du siège'),
    presidentName: optionalText(120, 'Président·e'),
    coordinatorName: optionalText(120, 'Coordinateur·rice'),
    email: optionalEmail,
    phone: optionalPhone,
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
  [
    'letterOfIntentSubmittedOn',
    'letterOfIntentValidatedOn',
    'La validation de la lettre d’intention ne peut pas précéder son dépôt.',
  ],
  [
    'healthProjectSubmittedOn',
    'healthProjectValidatedOn',
    'La validation du projet de santé ne peut pas précéder son dépôt.',
  ],
  [
    'letterOfIntentSubmittedOn',
    'healthProjectSubmittedOn',
    'Le projet de santé ne peut pas être déposé avant la lettre d’intention.',
  ],
  [
    'healthProjectValidatedOn',
    'aciSignedOn',
    'Le contrat ACI ne peut pas être signé avant la validation du projet de santé.',
  ],
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
