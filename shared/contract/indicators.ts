/**
 * Indicators of an ACI contract: the indicator itself (mission, fiche action, wording, kind, value type, direction,
 * data source, baseline), its target per contract year (payment rule, amount, tiers, carry-over), its measures,
 * the evidence it requires, the values Maillage measures from its own data, and the « tableau de suivi » of a
 * contract year (one read for the screen, the PDF and the export).
 */
import { z } from '../zod-fr';
import {
  ACI_MISSION_CODES,
  type AciMissionCode,
  type IndicatorDirection,
  type IndicatorValueType,
  type MeasureStatus,
  type MissionResult,
  type PaymentRule,
  type TargetResult,
  type TargetStatus,
  type Tier,
  type YearResult,
} from '../domain/aci';
import {
  INDICATOR_DATA_SOURCES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_VALUE_TYPES,
  MEASURE_STATUSES,
  PAYMENT_RULES,
  type IndicatorDataSource,
  type IndicatorKind,
} from '../domain/indicator-labels';
import { optionalIsoDate, optionalText } from '../schemas/common';
import { channel, noInput } from './common';

const id = z.number().int().positive();
/** A required ISO date, checked as a real day of the calendar. */
const requiredIsoDate = (message: string) =>
  optionalIsoDate.transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });

/** An indicator value: finite, within what a double holds exactly enough for four decimals. */
const value = z
  .number({ error: 'Saisissez un nombre.' })
  .refine(Number.isFinite, 'Saisissez un nombre.')
  .refine((v) => Math.abs(v) <= 1e12, 'Ce nombre est trop grand.');
const cents = z
  .number({ error: 'Saisissez un montant.' })
  .int('Le montant doit être en euros et centimes.')
  .min(0, 'Le montant ne peut pas être négatif.')
  .max(100_000_000_00, 'Montant trop élevé.');

export const indicatorSchema = z.object({
  contractId: id,
  missionCode: z.enum(ACI_MISSION_CODES, { error: 'Choisissez la mission.' }),
  ficheId: id.nullish().transform((v) => v ?? null),
  code: optionalText(40, 'Code'),
  label: z
    .string()
    .trim()
    .min(1, 'Le libellé de l’indicateur est obligatoire.')
    .max(500, 'Libellé : 500 caractères au maximum.'),
  kind: z.enum(INDICATOR_KINDS, { error: 'Choisissez la nature de l’indicateur.' }),
  valueType: z.enum(INDICATOR_VALUE_TYPES, { error: 'Choisissez le type de valeur.' }),
  unit: optionalText(40, 'Unité'),
  direction: z.enum(INDICATOR_DIRECTIONS, { error: 'Choisissez le sens de l’indicateur.' }),
  definition: optionalText(4000, 'Définition'),
  dataSource: z.enum(INDICATOR_DATA_SOURCES, { error: 'Choisissez la source des données.' }),
  baselineValue: value.nullish().transform((v) => v ?? null),
  baselineOn: optionalIsoDate,
  baselineSource: optionalText(300, 'Source de la valeur initiale'),
  autoMeasure: optionalText(80, 'Mesure automatique'),
});
export type IndicatorData = z.output<typeof indicatorSchema>;

export const tierSchema = z.object({
  rank: z.number().int('Le rang est un entier.').min(1, 'Le rang commence à 1.').max(20),
  label: z.string().trim().max(60, 'Libellé du palier : 60 caractères au maximum.').default(''),
  threshold: value,
  amountCents: cents,
});

export const targetSchema = z.object({
  indicatorId: id,
  contractYearId: id,
  paymentRule: z.enum(PAYMENT_RULES, { error: 'Choisissez la règle de rémunération.' }),
  targetValue: value.nullish().transform((v) => v ?? null),
  /** For paliers it may be left empty: the top tier's amount stands for it. */
  maxCents: cents.nullish().transform((v) => v ?? null),
  tiers: z.array(tierSchema).max(10, 'Dix paliers au plus.').default([]),
  /** Carry last year's target of this indicator over (« non atteint en N-1 »). */
  carryOver: z.boolean().default(false),
  note: optionalText(2000, 'Note'),
});
export type TargetData = z.output<typeof targetSchema>;

export const measureSchema = z.object({
  id: id.nullish().transform((v) => v ?? null),
  indicatorId: id,
  contractYearId: id,
  value,
  periodStart: optionalIsoDate,
  periodEnd: optionalIsoDate,
  measuredOn: requiredIsoDate('La date de la mesure est obligatoire.'),
  source: optionalText(300, 'Source'),
  status: z.enum(MEASURE_STATUSES, { error: 'Choisissez le statut de la mesure.' }).default('brouillon'),
  comment: optionalText(2000, 'Commentaire'),
});
export type MeasureData = z.output<typeof measureSchema>;

/** What an indicator or a fiche action must prove: exactly one of them owns the requirement. */
export const requirementSchema = z
  .object({
    id: id.nullish().transform((v) => v ?? null),
    indicatorId: id.nullish().transform((v) => v ?? null),
    ficheId: id.nullish().transform((v) => v ?? null),
    label: z
      .string()
      .trim()
      .min(1, 'Le libellé du justificatif est obligatoire.')
      .max(200, 'Libellé : 200 caractères au maximum.'),
    required: z.boolean().default(true),
  })
  .refine((requirement) => (requirement.indicatorId === null) !== (requirement.ficheId === null), {
    message: 'Un justificatif attendu se rattache soit à un indicateur, soit à une fiche action.',
    path: ['indicatorId'],
  });
export type RequirementData = z.output<typeof requirementSchema>;

const evidenceDetails = {
  providedOn: optionalIsoDate,
  remark: optionalText(1000, 'Remarque'),
};

/** A piece of evidence as the checklist edits it: checked, its date « fourni le » and its remark. */
export const evidenceUpdateSchema = z.object({ id, checked: z.boolean(), ...evidenceDetails });

export interface IndicatorRow {
  id: number;
  contractId: number;
  missionCode: AciMissionCode;
  ficheId: number | null;
  ficheTitle: string | null;
  code: string | null;
  label: string;
  kind: IndicatorKind;
  valueType: IndicatorValueType;
  unit: string | null;
  direction: IndicatorDirection;
  definition: string | null;
  dataSource: IndicatorDataSource;
  autoMeasure: string | null;
  baselineValue: number | null;
  baselineOn: string | null;
  baselineSource: string | null;
  position: number;
  archived: boolean;
  measureCount: number;
}

export interface TargetRow {
  id: number;
  indicatorId: number;
  contractYearId: number;
  yearIndex: number;
  paymentRule: PaymentRule;
  targetValue: number | null;
  maxCents: number;
  tiers: Tier[];
  carriedOverFromId: number | null;
  note: string | null;
}

export interface MeasureRow {
  id: number;
  indicatorId: number;
  contractYearId: number;
  yearIndex: number;
  value: number;
  periodStart: string | null;
  periodEnd: string | null;
  measuredOn: string;
  source: string | null;
  status: MeasureStatus;
  comment: string | null;
  /** For a value Maillage computed and the coordinator froze: how it was computed. */
  computedFrom: string | null;
}

export interface EvidenceRow {
  id: number;
  requirementId: number;
  contractYearId: number;
  /** What the evidence is: a document of the app, a meeting's document, or a meeting itself. */
  kind: 'document' | 'meeting_document' | 'meeting';
  documentId: number | null;
  meetingDocumentId: number | null;
  meetingId: number | null;
  /** Document title (else file name), « fichier.pdf (Titre de la réunion) », or the meeting's title. */
  label: string;
  meetingDate: string | null;
  providedOn: string | null;
  checked: boolean;
  remark: string | null;
}

/** A requirement of the indicator, as its detail lists them. */
export interface RequirementRow {
  id: number;
  indicatorId: number;
  label: string;
  required: boolean;
}

/** A requirement as saved: an indicator's or a fiche action's. */
export interface SavedRequirement {
  id: number;
  indicatorId: number | null;
  ficheId: number | null;
  label: string;
  required: boolean;
}

/** One contract year of an indicator's history: the target, the measure that counts and the result. */
export interface IndicatorYear {
  contractYearId: number;
  yearIndex: number;
  target: TargetRow;
  measure: MeasureRow | null;
  result: TargetResult;
}

export interface IndicatorDetail extends IndicatorRow {
  targets: TargetRow[];
  measures: MeasureRow[];
  requirements: RequirementRow[];
  /** Cible vs réalisé, year by year (the years with a target), for the indicator's page and its chart. */
  history: IndicatorYear[];
}

/** One line of the tableau de suivi: an indicator, its target for the year, the measure that counts, its result. */
export interface TrackingIndicator {
  indicator: IndicatorRow;
  target: TargetRow | null;
  /** The measure that counts (validated by the CPAM first, then declared, then the latest). */
  measure: MeasureRow | null;
  measureCount: number;
  /** Null when the indicator has no target this year. */
  result: TargetResult | null;
  evidence: { required: number; provided: number; missing: number };
}

export interface TrackingMission {
  missionCode: AciMissionCode;
  /** « Amélioration de l’accès aux soins »; `result.label` and the warnings use the short name (« Accès aux soins »). */
  label: string;
  shortLabel: string;
  /** The mission's envelope for the year, null when none is entered. */
  envelope: { fixedCents: number; variableMaxCents: number } | null;
  indicators: TrackingIndicator[];
  result: MissionResult;
}

export interface TrackingTable {
  contractId: number;
  contractNumber: string | null;
  contractYearId: number;
  yearIndex: number;
  startOn: string;
  endOn: string;
  missions: TrackingMission[];
  result: YearResult;
  /** French warnings: indicator amounts not adding up to a mission's variable maximum. */
  warnings: string[];
}

export interface AutoMeasureEntry {
  code: string;
  label: string;
  explanation: string;
  /** `fiche`: the indicator must belong to a fiche action; `profession`: the code carries a profession. */
  needs: 'fiche' | 'profession' | null;
}

export interface LiveValue {
  value: number;
  periodStart: string;
  periodEnd: string;
  /** How Maillage computed it, in French, with the period. */
  explanation: string;
}

interface ChecklistRowBase {
  requirementId: number;
  label: string;
  required: boolean;
  evidence: EvidenceRow[];
  /** Required and nothing provided for the year. */
  missing: boolean;
}

/** What an indicator of the contract must prove. */
export interface IndicatorChecklistRow extends ChecklistRowBase {
  owner: 'indicator';
  indicatorId: number;
  indicatorCode: string | null;
  indicatorLabel: string;
  missionCode: AciMissionCode;
  ficheId: null;
  ficheCode: null;
  ficheTitle: null;
}

/** What a fiche action must prove; a fiche may not be filed under a mission yet. */
export interface FicheChecklistRow extends ChecklistRowBase {
  owner: 'fiche';
  indicatorId: null;
  indicatorCode: null;
  indicatorLabel: null;
  missionCode: AciMissionCode | null;
  ficheId: number;
  ficheCode: string | null;
  ficheTitle: string;
}

/** One line of the evidence checklist of a contract year: a requirement and what was provided for the year. */
export type EvidenceChecklistRow = IndicatorChecklistRow | FicheChecklistRow;

export type { TargetStatus };

/** Channels of the indicators, their targets, measures and evidence. */
export const indicatorsChannels = {
  'indicators.list': channel<IndicatorRow[]>()(
    z.object({
      contractId: id,
      missionCode: z.enum(ACI_MISSION_CODES).nullish(),
      includeArchived: z.boolean().default(false),
    }),
  ),
  'indicators.get': channel<IndicatorDetail>()(z.object({ id })),
  'indicators.create': channel<IndicatorRow>()(indicatorSchema),
  'indicators.update': channel<IndicatorRow>()(z.object({ id, data: indicatorSchema })),
  'indicators.archive': channel<IndicatorRow>()(z.object({ id, archived: z.boolean() })),
  'indicators.delete': channel<{ deleted: true }>()(z.object({ id })),
  /** The mission's indicators in the given order (all of them, or those a screen shows: the others keep their place). */
  'indicators.reorder': channel<IndicatorRow[]>()(
    z.object({
      contractId: id,
      missionCode: z.enum(ACI_MISSION_CODES, { error: 'Choisissez la mission.' }),
      ids: z.array(id).min(1, 'Donnez les indicateurs dans leur nouvel ordre.').max(500),
    }),
  ),

  'indicators.saveTarget': channel<TargetRow>()(targetSchema),
  /** Last year's targets not fully met, that may be carried into this contract year (« non atteints en N-1 »). */
  'indicators.carryOverCandidates': channel<TrackingIndicator[]>()(z.object({ contractYearId: id })),
  'indicators.deleteTarget': channel<{ deleted: true }>()(z.object({ id })),
  'indicators.saveMeasure': channel<MeasureRow>()(measureSchema),
  'indicators.deleteMeasure': channel<{ deleted: true }>()(z.object({ id })),
  'indicators.results': channel<TrackingTable>()(z.object({ contractYearId: id })),

  'indicators.autoMeasures': channel<AutoMeasureEntry[]>()(noInput),
  'indicators.liveValue': channel<LiveValue>()(z.object({ indicatorId: id, contractYearId: id })),
  'indicators.freezeMeasure': channel<MeasureRow>()(z.object({ indicatorId: id, contractYearId: id })),

  'indicators.saveRequirement': channel<SavedRequirement>()(requirementSchema),
  'indicators.deleteRequirement': channel<{ deleted: true }>()(z.object({ id })),
  'indicators.evidence': channel<EvidenceChecklistRow[]>()(z.object({ contractYearId: id })),
  'indicators.missingEvidence': channel<EvidenceChecklistRow[]>()(z.object({ contractYearId: id })),
  'indicators.attachEvidenceFile': channel<EvidenceRow | { cancelled: true }>()(
    z.object({ requirementId: id, contractYearId: id, title: optionalText(200, 'Titre'), ...evidenceDetails }),
  ),
  'indicators.linkEvidence': channel<EvidenceRow>()(
    z.object({
      requirementId: id,
      contractYearId: id,
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('meeting'), meetingId: id }),
        z.object({ kind: z.literal('meeting_document'), meetingDocumentId: id }),
      ]),
      ...evidenceDetails,
    }),
  ),
  /** The whole row as the checklist shows it: a date or remark left out is cleared; no date in the future. */
  'indicators.updateEvidence': channel<EvidenceRow>()(evidenceUpdateSchema),
  'indicators.deleteEvidence': channel<{ deleted: true }>()(z.object({ id })),
} as const;
