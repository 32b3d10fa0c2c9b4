import { z } from '../zod-fr';
import { checkAdeli, checkFiness, checkInseeCommune, checkRpps, checkSiret } from '../domain/identifiers';
import { PROFESSION_BY_CODE, STRUCTURE_TYPES } from '../domain/professions';
import { optionalEmail, optionalId, optionalIdentifier, optionalIsoDate, optionalPhone, optionalText } from './common';

export const MEMBER_KINDS = ['person', 'structure'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

const emptyToNull = (value: unknown) => (value === '' ? null : value);

/** One member, person or structure: the same schema validates the form, the IPC call and each imported row. */
export const memberSchema = z
  .object({
    kind: z.enum(MEMBER_KINDS, { error: 'Choisissez « Personne » ou « Structure ».' }),
    civility: z
      .preprocess(emptyToNull, z.enum(['M.', 'Mme'], { error: 'Civilité : « M. » ou « Mme ».' }).nullish())
      .transform((v) => v ?? null),
    lastName: optionalText(100, 'Nom'),
    firstName: optionalText(100, 'Prénom'),
    professionCode: z.preprocess(emptyToNull, z.string().nullish()).transform((value, ctx) => {
      if (!value) return null;
      if (!PROFESSION_BY_CODE.has(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `Profession inconnue (code « ${value} »). Choisissez-la dans la liste.`,
        });
        return z.NEVER;
      }
      return value;
    }),
    specialty: optionalText(100, 'Spécialité'),
    rpps: optionalIdentifier(checkRpps),
    adeli: optionalIdentifier(checkAdeli),
    practiceMode: z
      .preprocess(
        emptyToNull,
        z.enum(['liberal', 'salarie', 'mixte'], { error: 'Mode d’exercice : libéral, salarié ou mixte.' }).nullish(),
      )
      .transform((v) => v ?? null),
    structureName: optionalText(200, 'Nom de la structure'),
    structureType: z.preprocess(emptyToNull, z.string().nullish()).transform((value, ctx) => {
      if (!value) return null;
      if (!STRUCTURE_TYPES.some((type) => type.code === value)) {
        ctx.addIssue({ code: 'custom', message: `Type de structure inconnu (« ${value} »).` });
        return z.NEVER;
      }
      return value;
    }),
    finessEj: optionalIdentifier(checkFiness),
    finessEt: optionalIdentifier(checkFiness),
    siret: optionalIdentifier(checkSiret),
    representativeName: optionalText(150, 'Représentant·e'),
    communeCode: optionalIdentifier(checkInseeCommune),
    address: optionalText(250, 'Adresse'),
    /** Structure d'exercice when it is itself a member. */
    structureMemberId: optionalId,
    /** Structure d'exercice when it is not a member (free text). */
    structureLabel: optionalText(200, 'Structure d’exercice'),
    phone: optionalPhone,
    email: optionalEmail,
    collegeId: optionalId,
    joinedOn: optionalIsoDate,
    directoryConsentOn: optionalIsoDate,
    notes: optionalText(2000, 'Notes'),
  })
  .superRefine(
    (member, ctx) => {
      const need = (path: keyof typeof member, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (member.kind === 'person') {
        if (!member.lastName) need('lastName', 'Le nom est obligatoire.');
        if (!member.professionCode) need('professionCode', 'Choisissez la profession ou la qualité du membre.');
        if (member.specialty && member.professionCode !== '10')
          need('specialty', 'La spécialité ne concerne que les médecins.');
      } else {
        if (!member.structureName) need('structureName', 'Le nom de la structure est obligatoire.');
        if (!member.structureType) need('structureType', 'Choisissez le type de structure.');
      }
    },
    {
      // Also run when other fields failed, so that a form shows every missing field at once.
      when: (payload) => {
        const value = payload.value as { kind?: unknown } | null;
        return typeof value === 'object' && value !== null && (value.kind === 'person' || value.kind === 'structure');
      },
    },
  );

export type MemberInput = z.input<typeof memberSchema>;
export type MemberData = z.output<typeof memberSchema>;

export const departureSchema = z.object({
  id: z.number().int().positive(),
  leftOn: optionalIsoDate.refine((value) => value !== null, 'Indiquez la date de sortie.'),
  leftReason: optionalText(200, 'Motif de sortie'),
});

export const COTISATION_MODES = [
  { code: 'virement', label: 'Virement' },
  { code: 'cheque', label: 'Chèque' },
  { code: 'especes', label: 'Espèces' },
  { code: 'prelevement', label: 'Prélèvement' },
  { code: 'carte', label: 'Carte bancaire' },
  { code: 'helloasso', label: 'HelloAsso' },
  { code: 'exoneration', label: 'Exonération' },
  { code: 'autre', label: 'Autre' },
] as const;

export const cotisationSchema = z.object({
  memberId: z.number().int().positive(),
  year: z.number().int().min(2000, 'Année trop ancienne.').max(2100, 'Année invalide.'),
  /** Amount in euro cents. */
  amountCents: z.number().int().min(0, 'Le montant ne peut pas être négatif.').max(10_000_000, 'Montant trop élevé.'),
  paidOn: optionalIsoDate,
  mode: z
    .preprocess(emptyToNull, z.enum(COTISATION_MODES.map((m) => m.code) as [string, ...string[]]).nullish())
    .transform((v) => v ?? null),
});

export const MANDATE_ROLES = [
  { code: 'president', label: 'Président·e' },
  { code: 'vice_president', label: 'Vice-président·e' },
  { code: 'tresorier', label: 'Trésorier·ère' },
  { code: 'tresorier_adjoint', label: 'Trésorier·ère adjoint·e' },
  { code: 'secretaire', label: 'Secrétaire' },
  { code: 'secretaire_adjoint', label: 'Secrétaire adjoint·e' },
  { code: 'membre_ca', label: 'Membre du conseil d’administration' },
  { code: 'membre_bureau', label: 'Membre du bureau' },
  { code: 'referent_commission', label: 'Référent·e de commission' },
  { code: 'autre', label: 'Autre mandat' },
] as const;

export const mandateSchema = z
  .object({
    memberId: z.number().int().positive(),
    role: z.enum(MANDATE_ROLES.map((r) => r.code) as [string, ...string[]], {
      error: 'Choisissez le mandat dans la liste.',
    }),
    /** Precision, e.g. the name of the commission. */
    label: optionalText(150, 'Précision'),
    startOn: optionalIsoDate.refine((value) => value !== null, 'Indiquez la date de début du mandat.'),
    endOn: optionalIsoDate,
  })
  .superRefine((mandate, ctx) => {
    if (mandate.startOn && mandate.endOn && mandate.endOn < mandate.startOn) {
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'La fin du mandat ne peut pas précéder son début.' });
    }
  });

export const collegeSchema = z.object({
  id: optionalId,
  name: z
    .string()
    .trim()
    .min(2, 'Le nom du collège est obligatoire.')
    .max(120, 'Nom du collège : 120 caractères au maximum.'),
  votingRight: z.enum(['deliberative', 'consultative'], { error: 'Voix délibérative ou consultative ?' }),
  seats: z
    .preprocess(
      (v) => (v === '' ? null : v),
      z.coerce.number().int().min(0, 'Nombre de sièges invalide.').max(500).nullish(),
    )
    .transform((v) => v ?? null),
  /** Vote weight of each member of this collège (1 by default). */
  voteWeight: z.preprocess(
    (v) => (v === '' || v == null ? 1 : v),
    z.coerce.number().positive('Le poids de vote doit être positif.').max(100),
  ),
  description: optionalText(500, 'Description'),
});

/** Member types for the yearly cotisation amount. */
export const MEMBER_TYPES = [
  { code: 'professionnel', label: 'Professionnel·le (personne)' },
  { code: 'structure', label: 'Structure' },
  { code: 'autre', label: 'Usager·ère, élu·e, partenaire' },
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number]['code'];

export const cotisationRateSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  memberType: z.enum(['professionnel', 'structure', 'autre']),
  amountCents: z.number().int().min(0, 'Le montant ne peut pas être négatif.').max(10_000_000),
});

/** Filters of the member list; the same function applies them on screen, in exports and in PDFs. */
export const memberFiltersSchema = z.object({
  search: z.string().trim().max(200).default(''),
  professionCodes: z.array(z.string()).default([]),
  collegeIds: z.array(z.number().int()).default([]),
  practiceModes: z.array(z.enum(['liberal', 'salarie', 'mixte'])).default([]),
  communeCodes: z.array(z.string()).default([]),
  kind: z.enum(['all', 'person', 'structure']).default('all'),
  status: z.enum(['active', 'former', 'all']).default('active'),
  cotisationYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .nullish()
    .transform((v) => v ?? null),
  cotisationStatus: z.enum(['all', 'a_jour', 'non_a_jour']).default('all'),
});
export type MemberFilters = z.output<typeof memberFiltersSchema>;
export type MemberFiltersInput = z.input<typeof memberFiltersSchema>;
