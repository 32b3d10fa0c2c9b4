/**
 * The library of protocols: each protocol's identity, its versions (HAS content, professions, steps) from draft to
 * validated, in force, superseded, suspended or archived, their review dates, the protocol's documents and the
 * import of a protocol written in Word. The team, ARS declarations, use log and sessions are in `./protocol-team`.
 */
import { z } from '../zod-fr';
import { ACI_MISSION_CODES, type AciMissionCode } from '../domain/aci';
import {
  PROTOCOL_DOCUMENT_KIND_CODES,
  PROTOCOL_FAMILY_CODES,
  PROTOCOL_VERSION_STATUS_CODES,
  type ProtocolDocumentKind,
  type ProtocolFamily,
  type ProtocolVersionStatus,
} from '../domain/protocol-labels';
import { PROFESSION_BY_CODE } from '../domain/professions';
import { optionalId, optionalIsoDate, optionalText } from '../schemas/common';
import { channel, noInput } from './common';

const id = z.number().int().positive();
const confirmDelete = z.literal(true, { error: 'Confirmez la suppression.' });
const requiredDate = (message: string) => optionalIsoDate.refine((value) => value !== null, message);

/** Where a protocol's review stands: due within 60 days is « bientot », past due « depassee ». */
export type ProtocolReview = 'a_jour' | 'bientot' | 'depassee';

// ---------- Identity ----------

export const protocolSchema = z.object({
  code: optionalText(30, 'Code'),
  title: z
    .string()
    .trim()
    .min(3, 'Donnez un titre au protocole (« Prise en charge de la cystite simple »).')
    .max(300, 'Titre : 300 caractères au maximum.'),
  theme: optionalText(200, 'Thème'),
  family: z.enum(PROTOCOL_FAMILY_CODES, { error: 'Choisissez la famille du protocole.' }).default('pluripro'),
  missionCode: z
    .preprocess((value) => (value === '' ? null : value), z.enum(ACI_MISSION_CODES).nullish())
    .transform((value) => value ?? null),
  ficheId: optionalId,
  /** The arrêté that authorises a national cooperation protocol (« arrêté du 9 mars 2023 »). */
  arreteReference: optionalText(300, 'Arrêté'),
  arreteOn: optionalIsoDate,
  reviewEveryMonths: z
    .number({ error: 'Indiquez la périodicité de révision en mois.' })
    .int('La périodicité de révision est un nombre entier de mois.')
    .min(1, 'La révision a lieu au moins tous les mois.')
    .max(120, 'La révision a lieu au plus tous les 120 mois (10 ans).')
    .default(24),
});
export type ProtocolInput = z.input<typeof protocolSchema>;
export type ProtocolData = z.output<typeof protocolSchema>;

export const protocolFiltersSchema = z.object({
  /** Words of the title, code, theme or of a step's action, accents and case ignored. */
  search: z.string().trim().max(200).nullish(),
  family: z.enum(PROTOCOL_FAMILY_CODES).nullish(),
  /** Status of the version that applies (see `ProtocolListRow.status`). */
  status: z.enum(PROTOCOL_VERSION_STATUS_CODES).nullish(),
  /** Among the professions or steps of the version that applies. */
  professionCode: z.string().trim().max(10).nullish(),
  theme: z.string().trim().max(200).nullish(),
  /** Only protocols whose review is due within 60 days or past due. */
  reviewDue: z.boolean().nullish(),
});
export type ProtocolFilters = z.output<typeof protocolFiltersSchema>;

export interface ProtocolListRow {
  id: number;
  code: string | null;
  title: string;
  theme: string | null;
  family: ProtocolFamily;
  familyLabel: string;
  missionCode: AciMissionCode | null;
  /**
   * Status of the version that applies: the one in force (or suspended), else the latest validated, else the latest
   * archived or superseded; « brouillon » while the protocol has only a draft.
   */
  status: ProtocolVersionStatus;
  statusLabel: string;
  /** Number of that version (or of the draft); null for a protocol left without any version. */
  versionNumber: number | null;
  validatedOn: string | null;
  inForceOn: string | null;
  nextReviewOn: string | null;
  /** Null when nothing validated applies (draft only, archived). */
  review: ProtocolReview | null;
  /** Professions of that version (its professions and its steps), by code. */
  professionCodes: string[];
  /** Members of the team who have not left. */
  teamSize: number;
  hasDraft: boolean;
  archivedOn: string | null;
}

export interface ProtocolVersionSummary {
  id: number;
  number: number;
  status: ProtocolVersionStatus;
  statusLabel: string;
  validatedOn: string | null;
  inForceOn: string | null;
  endedOn: string | null;
  nextReviewOn: string | null;
  changelog: string | null;
}

export interface ProtocolDocumentRow {
  /** Id of the protocol_document row (what `protocols.deleteDocument` takes). */
  id: number;
  documentId: number;
  title: string | null;
  fileName: string;
  size: number;
  addedAt: string;
  kind: ProtocolDocumentKind;
  kindLabel: string;
  /** The version the document belongs to (a signed version), or null for the protocol as a whole. */
  versionId: number | null;
}

export interface ProtocolDetail extends ProtocolListRow {
  /** The identity as entered, ready for the form. */
  data: ProtocolData;
  isCooperation: boolean;
  ficheId: number | null;
  ficheTitle: string | null;
  arreteReference: string | null;
  arreteOn: string | null;
  reviewEveryMonths: number;
  /** Newest first. */
  versions: ProtocolVersionSummary[];
  /** The version that applies (see `status`); null while only a draft exists. */
  currentVersionId: number | null;
  /** The draft being written, if any (one at a time). */
  draftVersionId: number | null;
  documents: ProtocolDocumentRow[];
  /** What is missing, in French (a national cooperation protocol without its arrêté…). */
  warnings: string[];
}

// ---------- Versions ----------

/** The HAS content of a version, as the form sends it. */
const versionContent = {
  situation: optionalText(20_000, 'Situation'),
  need: optionalText(10_000, 'Besoin'),
  population: optionalText(10_000, 'Population'),
  inclusionCriteria: optionalText(10_000, 'Critères d’inclusion'),
  exclusionCriteria: optionalText(10_000, 'Critères d’exclusion'),
  objectives: optionalText(10_000, 'Objectifs'),
  criticalPoints: optionalText(10_000, 'Points critiques'),
  traceability: optionalText(10_000, 'Traçabilité et communication'),
  referencesText: optionalText(10_000, 'Références'),
  evaluation: optionalText(10_000, 'Évaluation'),
  derogatoryActs: optionalText(10_000, 'Actes dérogatoires'),
  changelog: optionalText(5_000, 'Modifications depuis la version précédente'),
  draftedOn: optionalIsoDate,
};

const professionCode = z
  .string({ error: 'Choisissez la profession.' })
  .trim()
  .min(1, 'Choisissez la profession.')
  .max(10, 'Profession inconnue de la nomenclature.')
  .refine(
    (code) => PROFESSION_BY_CODE.has(code),
    'Profession inconnue de la nomenclature : choisissez-la dans la liste.',
  );

export const protocolStepSchema = z.object({
  professionCode,
  action: z
    .string({ error: 'Décrivez ce que fait ce professionnel à cette étape.' })
    .trim()
    .min(2, 'Décrivez ce que fait ce professionnel à cette étape.')
    .max(2_000, 'Action : 2 000 caractères au maximum.'),
  timing: optionalText(300, 'Quand'),
  place: optionalText(300, 'Où'),
  tool: optionalText(300, 'Outil'),
});

const versionObject = z.object({
  ...versionContent,
  professions: z
    .array(z.object({ professionCode, role: optionalText(2_000, 'Rôle de la profession') }))
    .max(60)
    .default([]),
  /** In order: the rank is the position in the list. */
  steps: z.array(protocolStepSchema).max(200).default([]),
});

/** Each profession once in the list. */
function checkProfessions(version: z.output<typeof versionObject>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  version.professions.forEach((profession, index) => {
    if (seen.has(profession.professionCode))
      ctx.addIssue({
        code: 'custom',
        path: ['professions', index, 'professionCode'],
        message: 'Cette profession est déjà dans la liste.',
      });
    seen.add(profession.professionCode);
  });
}

export const protocolVersionSchema = versionObject.superRefine(checkProfessions);
export const saveVersionSchema = versionObject.extend({ id }).superRefine(checkProfessions);
export type ProtocolVersionInput = z.input<typeof protocolVersionSchema>;
export type ProtocolVersionData = z.output<typeof protocolVersionSchema>;

export const validateVersionSchema = z
  .object({
    id,
    validatedOn: requiredDate('Indiquez la date de validation.'),
    /** The body that validated it (bureau, conseil d’administration, groupe de travail…). */
    validatedBy: optionalText(300, 'Instance de validation'),
    meetingId: optionalId,
    decisionId: optionalId,
    /** Defaults to the validation date plus the protocol's review period. */
    nextReviewOn: optionalIsoDate,
  })
  .superRefine((value, ctx) => {
    if (value.validatedOn && value.nextReviewOn && value.nextReviewOn <= value.validatedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['nextReviewOn'],
        message: 'La prochaine révision doit suivre la date de validation.',
      });
  });

/** What a version can be set to once validated (validation itself is `protocols.validateVersion`). */
export const VERSION_STATUS_TARGETS = ['en_vigueur', 'suspendu', 'archive'] as const;

export interface ProtocolVersionDetail {
  id: number;
  protocolId: number;
  protocolTitle: string;
  number: number;
  status: ProtocolVersionStatus;
  statusLabel: string;
  /** Only a draft can be edited. */
  editable: boolean;
  /** The content as entered, ready for the form. */
  data: ProtocolVersionData;
  situation: string | null;
  need: string | null;
  population: string | null;
  inclusionCriteria: string | null;
  exclusionCriteria: string | null;
  objectives: string | null;
  criticalPoints: string | null;
  traceability: string | null;
  referencesText: string | null;
  evaluation: string | null;
  derogatoryActs: string | null;
  changelog: string | null;
  draftedOn: string | null;
  importedFrom: string | null;
  inForceOn: string | null;
  endedOn: string | null;
  nextReviewOn: string | null;
  review: ProtocolReview | null;
  professions: { professionCode: string; professionLabel: string; role: string | null }[];
  steps: {
    id: number;
    rank: number;
    professionCode: string;
    professionLabel: string;
    action: string;
    timing: string | null;
    place: string | null;
    tool: string | null;
  }[];
  validation: {
    validatedOn: string | null;
    validatedBy: string | null;
    meeting: { id: number; title: string; date: string } | null;
    decision: { id: number; text: string } | null;
  };
}

// ---------- Channels ----------

/** Channels of the library of protocols. */
export const protocolsChannels = {
  'protocols.list': channel<ProtocolListRow[]>()(protocolFiltersSchema),
  'protocols.get': channel<ProtocolDetail>()(z.object({ id })),
  'protocols.getVersion': channel<ProtocolVersionDetail>()(z.object({ id })),
  'protocols.create': channel<ProtocolDetail>()(protocolSchema),
  'protocols.update': channel<ProtocolDetail>()(z.object({ id, data: protocolSchema })),
  'protocols.delete': channel<{ deleted: true }>()(z.object({ id, confirm: confirmDelete })),
  'protocols.archive': channel<ProtocolDetail>()(z.object({ id, on: requiredDate('Indiquez la date d’archivage.') })),

  'protocols.newVersion': channel<ProtocolVersionDetail>()(z.object({ protocolId: id })),
  'protocols.saveVersion': channel<ProtocolVersionDetail>()(saveVersionSchema),
  'protocols.deleteVersion': channel<ProtocolDetail>()(z.object({ id, confirm: confirmDelete })),
  'protocols.validateVersion': channel<ProtocolVersionDetail>()(validateVersionSchema),
  'protocols.setVersionStatus': channel<ProtocolDetail>()(
    z.object({
      id,
      status: z.enum(VERSION_STATUS_TARGETS, { error: 'Choisissez : en vigueur, suspendu ou archivé.' }),
      on: requiredDate('Indiquez la date.'),
    }),
  ),
  'protocols.reviewsDue': channel<ProtocolListRow[]>()(noInput),

  'protocols.addDocument': channel<ProtocolDetail | { cancelled: true }>()(
    z.object({
      protocolId: id,
      versionId: optionalId,
      kind: z.enum(PROTOCOL_DOCUMENT_KIND_CODES, { error: 'Choisissez la nature du document.' }).default('autre'),
      title: optionalText(200, 'Titre du document'),
    }),
  ),
  'protocols.deleteDocument': channel<ProtocolDetail>()(z.object({ id })),
  'protocols.importWord': channel<ProtocolDetail | { cancelled: true }>()(noInput),
} as const;
