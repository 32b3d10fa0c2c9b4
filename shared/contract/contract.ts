/**
 * The ACI contract: its signatories, contract years (anniversary to anniversary) with taille, population,
 * fonctionnement and per-mission envelopes, missions with their deadlines, payments expected and received,
 * dialogues de gestion and attached documents. Money is integer cents, dates ISO.
 */
import { z } from '../zod-fr';
import {
  ACI_MISSION_CODES,
  ACI_VERSION_CODES,
  type AciMissionCategory,
  type AciMissionCode,
  type AciVersionCode,
  type DeadlineStatus,
  type SourceTag,
} from '../domain/aci';
import {
  CONTRACT_DOCUMENT_KINDS,
  CONTRACT_STATUSES,
  PAYERS,
  PAYMENT_KINDS,
  SIGNATORY_PARTIES,
  type ContractDocumentKind,
  type ContractStatus,
  type FonctionnementSource,
  type Payer,
  type PaymentKind,
  type PaymentStatus,
  type SignatoryParty,
} from '../domain/contract-labels';
import { optionalIsoDate, optionalText } from '../schemas/common';
import { channel, noInput } from './common';

// ---------- Input pieces ----------

const id = z.number().int().positive();

/** A required ISO date; `label` names it in the message (« la date de signature »). */
const requiredIsoDate = (label: string) =>
  optionalIsoDate.transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: `Renseignez ${label}.` });
      return z.NEVER;
    }
    return value;
  });

/** An amount in integer cents, ≥ 0 (10 million euros at most). */
export const centsSchema = z
  .number({ error: 'Le montant doit être un nombre.' })
  .int('Le montant doit être en euros et centimes, sans fraction de centime.')
  .min(0, 'Le montant ne peut pas être négatif.')
  .max(1_000_000_000, 'Le montant ne peut pas dépasser 10 000 000 €.');

const missionCode = z.enum(ACI_MISSION_CODES, { error: 'Choisissez une mission de l’ACI dans la liste.' });

export const signatorySchema = z.object({
  party: z.enum(SIGNATORY_PARTIES, { error: 'Choisissez le signataire : CPTS, CPAM, ARS ou autre.' }),
  organisation: z
    .string({ error: 'Renseignez le nom de l’organisme signataire.' })
    .trim()
    .min(2, 'Renseignez le nom de l’organisme signataire.')
    .max(200, 'Organisme : 200 caractères au maximum.'),
  name: optionalText(120, 'Nom du signataire'),
  role: optionalText(120, 'Qualité du signataire'),
  signedOn: optionalIsoDate,
});

export const contractDataSchema = z.object({
  number: optionalText(60, 'Numéro du contrat'),
  aciVersion: z.enum(ACI_VERSION_CODES, { error: 'Choisissez la version de l’ACI dans la liste.' }),
  signedOn: requiredIsoDate('la date de signature du contrat'),
  /** First day of contract year 1; the signature date when empty. */
  anniversaryOn: optionalIsoDate,
  durationYears: z
    .number({ error: 'La durée du contrat est un nombre d’années.' })
    .int('La durée du contrat est un nombre entier d’années.')
    .min(1, 'Le contrat dure au moins un an.')
    .max(10, 'Le contrat dure au plus 10 ans.')
    .default(5),
  status: z.enum(CONTRACT_STATUSES, { error: 'Choisissez le statut du contrat dans la liste.' }).default('actif'),
  previousContractId: id.nullish().transform((value) => value ?? null),
  note: optionalText(2000, 'Note'),
  signatories: z.array(signatorySchema).max(10, 'Dix signataires au plus.').default([]),
});
export type ContractData = z.output<typeof contractDataSchema>;
export type ContractDataInput = z.input<typeof contractDataSchema>;

export const contractCreateSchema = contractDataSchema.extend({
  /** Optional missions chosen at signature (socle missions are always added). */
  optionalMissions: z.array(missionCode).max(6).default([]),
});
export type ContractCreate = z.output<typeof contractCreateSchema>;

export const contractMissionSchema = z.object({
  contractId: id,
  missionCode,
  startedOn: optionalIsoDate,
  deployedOn: optionalIsoDate,
  note: optionalText(2000, 'Note'),
});

export const envelopeSchema = z.object({
  missionCode,
  fixedCents: centsSchema,
  variableMaxCents: centsSchema,
  note: optionalText(500, 'Note'),
});

export const contractYearSchema = z.object({
  yearId: id,
  /** Null: deduced from the population. */
  taille: z
    .number({ error: 'La taille est un nombre de 1 à 4.' })
    .int('La taille est un nombre de 1 à 4.')
    .min(1, 'La taille est un nombre de 1 à 4.')
    .max(4, 'La taille est un nombre de 1 à 4.')
    .nullish()
    .transform((value) => value ?? null),
  population: z
    .number({ error: 'La population est un nombre d’habitants.' })
    .int('La population est un nombre entier d’habitants.')
    .min(0, 'La population ne peut pas être négative.')
    .max(100_000_000, 'Population trop élevée.')
    .nullish()
    .transform((value) => value ?? null),
  populationRefYear: z
    .number({ error: 'L’année de référence de la population est une année.' })
    .int('L’année de référence de la population est une année.')
    .min(1990, 'L’année de référence de la population est une année entre 1990 et 2100.')
    .max(2100, 'L’année de référence de la population est une année entre 1990 et 2100.')
    .nullish()
    .transform((value) => value ?? null),
  /** Null: the established amount of the ACI for the taille, when there is one. */
  fonctionnementCents: centsSchema.nullish().transform((value) => value ?? null),
  envelopes: z.array(envelopeSchema).max(6, 'Six missions au plus.').default([]),
});
export type ContractYearInput = z.output<typeof contractYearSchema>;

export const paymentSchema = z.object({
  id: id.nullish().transform((value) => value ?? null),
  yearId: id,
  kind: z.enum(PAYMENT_KINDS, { error: 'Choisissez la nature du versement dans la liste.' }),
  missionCode: missionCode.nullish().transform((value) => value ?? null),
  payer: z.enum(PAYERS, { error: 'Choisissez le payeur : CPAM, ARS ou autre.' }).default('cpam'),
  label: optionalText(200, 'Libellé'),
  expectedOn: optionalIsoDate,
  expectedCents: centsSchema.nullish().transform((value) => value ?? null),
  receivedOn: optionalIsoDate,
  receivedCents: centsSchema.nullish().transform((value) => value ?? null),
  reference: optionalText(120, 'Référence du versement'),
  note: optionalText(2000, 'Note'),
});
export type PaymentInput = z.output<typeof paymentSchema>;

export const dialogueSchema = z.object({
  id: id.nullish().transform((value) => value ?? null),
  yearId: id,
  heldOn: requiredIsoDate('la date du dialogue de gestion'),
  participants: optionalText(2000, 'Participants'),
  documentsSent: optionalText(2000, 'Documents transmis'),
  outcome: optionalText(5000, 'Conclusions'),
  variableValidatedCents: centsSchema.nullish().transform((value) => value ?? null),
  targetsAmended: z.boolean({ error: 'Indiquez si des cibles ont été modifiées (oui ou non).' }).default(false),
  amendmentNote: optionalText(2000, 'Cibles modifiées'),
});
export type DialogueInput = z.output<typeof dialogueSchema>;

export const contractDocumentSchema = z.object({
  contractId: id,
  /** The contract year it belongs to (« annexe indicateurs » of a year); null for the whole contract. */
  yearId: id.nullish().transform((value) => value ?? null),
  /** The dialogue de gestion whose minutes this is. */
  dialogueId: id.nullish().transform((value) => value ?? null),
  kind: z.enum(CONTRACT_DOCUMENT_KINDS, { error: 'Choisissez la nature du document dans la liste.' }).default('autre'),
  title: optionalText(200, 'Titre du document'),
});
export type ContractDocumentInput = z.output<typeof contractDocumentSchema>;

// ---------- Output rows ----------

export interface ContractSignatoryRow {
  id: number;
  party: SignatoryParty;
  partyLabel: string;
  organisation: string;
  name: string | null;
  role: string | null;
  signedOn: string | null;
}

export interface ContractMissionRow {
  id: number;
  code: AciMissionCode;
  label: string;
  shortLabel: string;
  category: AciMissionCategory;
  categoryLabel: string;
  startedOn: string | null;
  deployedOn: string | null;
  startDeadlineOn: string | null;
  deployDeadlineOn: string | null;
  /** Why the delays do not count from the signature (a mission added by a later avenant), or null. */
  deadlineNote: string | null;
  /** Where the start and deployment stand today; null for a step without a deadline and not done. */
  startStatus: DeadlineStatus | null;
  deployStatus: DeadlineStatus | null;
  note: string | null;
}

export interface EnvelopeRow {
  missionCode: AciMissionCode;
  missionLabel: string;
  fixedCents: number;
  variableMaxCents: number;
  note: string | null;
}

export interface PaymentLine {
  /** Stable key for lists: the recorded payment, or the computed schedule entry. */
  key: string;
  /** The recorded payment, null for a payment only expected by the schedule. */
  paymentId: number | null;
  kind: PaymentKind;
  kindLabel: string;
  missionCode: AciMissionCode | null;
  missionLabel: string | null;
  payer: Payer;
  payerLabel: string;
  label: string;
  expectedOn: string | null;
  /** Null when unknown (the variable part before the dialogue de gestion, an envelope not entered). */
  expectedCents: number | null;
  receivedOn: string | null;
  receivedCents: number | null;
  /** received − expected, when both are known. */
  gapCents: number | null;
  status: PaymentStatus;
  statusLabel: string;
  reference: string | null;
  note: string | null;
}

export interface DialogueRow {
  id: number;
  heldOn: string;
  participants: string | null;
  documentsSent: string | null;
  outcome: string | null;
  variableValidatedCents: number | null;
  targetsAmended: boolean;
  amendmentNote: string | null;
  minutes: ContractDocumentRow | null;
}

export interface ContractDocumentRow {
  id: number;
  kind: ContractDocumentKind;
  kindLabel: string;
  title: string | null;
  fileName: string;
  size: number;
  addedAt: string;
}

export interface FonctionnementView {
  /** The amount that counts: the one entered, else the established one; null when neither is known. */
  cents: number | null;
  source: FonctionnementSource;
  sourceLabel: string;
  /** The amount the ACI establishes for this taille, with its source, when there is one. */
  reference: { cents: number; sourceTag: SourceTag; source: string; condition: string | null } | null;
}

export interface ContractYearRow {
  id: number;
  index: number;
  /** « Année 2 » */
  label: string;
  /** « du 1er avril 2023 au 31 mars 2024 » */
  periodLabel: string;
  startOn: string;
  endOn: string;
  /** Today falls in this contract year. */
  current: boolean;
  /** The taille that counts: the one entered, else the one of the population. */
  taille: number | null;
  tailleFromPopulation: boolean;
  population: number | null;
  populationRefYear: number | null;
  fonctionnement: FonctionnementView;
  envelopes: EnvelopeRow[];
  totals: {
    fixedCents: number;
    variableMaxCents: number;
    /** Fonctionnement + fixed + variable maximum. */
    maxCents: number;
  };
  payments: PaymentLine[];
  paymentTotals: {
    /** Σ of the expected amounts that are known. */
    expectedCents: number;
    receivedCents: number;
    /** Σ of the known expected amounts due by today. */
    dueCents: number;
    /** received − due: negative when money due has not come in. */
    gapCents: number;
  };
  dialogues: DialogueRow[];
  documents: ContractDocumentRow[];
}

export interface ContractDetail {
  id: number;
  number: string | null;
  aciVersion: AciVersionCode;
  aciVersionLabel: string;
  signedOn: string;
  anniversaryOn: string;
  /** Last day of the last contract year. */
  endOn: string;
  durationYears: number;
  status: ContractStatus;
  statusLabel: string;
  previousContractId: number | null;
  note: string | null;
  signatories: ContractSignatoryRow[];
  missions: ContractMissionRow[];
  years: ContractYearRow[];
  documents: ContractDocumentRow[];
  totals: { fixedCents: number; variableMaxCents: number; fonctionnementCents: number; receivedCents: number };
}

export interface ContractListRow {
  id: number;
  number: string | null;
  aciVersion: AciVersionCode;
  aciVersionLabel: string;
  signedOn: string;
  startOn: string;
  endOn: string;
  durationYears: number;
  status: ContractStatus;
  statusLabel: string;
  previousContractId: number | null;
}

/** What the new-contract form starts from: the CPTS record's contract dates, and its signatories. */
export interface ContractDraft {
  data: ContractDataInput & { optionalMissions: AciMissionCode[] };
  /** French notes on where the values come from. */
  notes: string[];
}

export interface ContractOverview {
  today: string;
  /** The active contract, else the latest; null before any contract. */
  contract: ContractDetail | null;
  currentYear: Pick<ContractYearRow, 'id' | 'index' | 'label' | 'periodLabel' | 'startOn' | 'endOn'> | null;
  /** The next anniversary from today within the contract (the end of the current year + 1 day). */
  nextAnniversaryOn: string | null;
  /** The next dialogue de gestion: one recorded on or after today, else the one due at the next anniversary. */
  nextDialogue: { yearIndex: number; heldOn: string | null; dueAround: string | null } | null;
  /** French warnings for the dashboard: deadlines passed or near, payments late, amounts to enter. */
  warnings: string[];
}

// ---------- Channels ----------

export const contractChannels = {
  'contract.list': channel<ContractListRow[]>()(noInput),
  'contract.get': channel<ContractDetail>()(z.object({ id })),
  'contract.prefill': channel<ContractDraft>()(noInput),
  'contract.create': channel<ContractDetail>()(contractCreateSchema),
  'contract.update': channel<ContractDetail>()(z.object({ id, data: contractDataSchema })),
  'contract.saveMission': channel<ContractDetail>()(contractMissionSchema),
  'contract.removeMission': channel<ContractDetail>()(z.object({ contractId: id, missionCode })),
  'contract.saveYear': channel<ContractDetail>()(contractYearSchema),
  'contract.savePayment': channel<ContractDetail>()(paymentSchema),
  'contract.deletePayment': channel<ContractDetail>()(z.object({ id })),
  'contract.saveDialogue': channel<ContractDetail>()(dialogueSchema),
  'contract.deleteDialogue': channel<ContractDetail>()(z.object({ id })),
  'contract.addDocument': channel<ContractDetail | { cancelled: true }>()(contractDocumentSchema),
  'contract.deleteDocument': channel<ContractDetail>()(z.object({ contractId: id, documentId: id })),
  'contract.overview': channel<ContractOverview>()(noInput),
} as const;
