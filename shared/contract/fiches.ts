/**
 * Fiches actions of the projet de santé, the partnerships they come under (CLS, CTS, hôpital de proximité, GHT…)
 * and the crisis plan of the mission « réponse aux crises sanitaires graves ».
 */
import { z } from '../zod-fr';
import { ACI_MISSION_CODES } from '../domain/aci';
import {
  CPTS_ROLE_CODES,
  CRISIS_PLAN_EVENT_CODES,
  FICHE_STATUS_CODES,
  FUNDING_SOURCE_CODES,
  PARTNERSHIP_TYPE_CODES,
  type CptsRole,
  type CrisisPlanEventKind,
  type FicheStatus,
  type FundingSource,
  type PartnershipType,
} from '../domain/fiche-labels';
import { optionalId, optionalIsoDate, optionalText } from '../schemas/common';
import { channel, noInput } from './common';

const id = z.number().int().positive();
const confirmDelete = z.literal(true, { error: 'Confirmez la suppression.' });
/** An amount in integer cents (the form converts euros), never negative. */
const optionalCents = z
  .number({ error: 'Un montant s’écrit en euros et centimes.' })
  .int('Un montant s’écrit en euros et centimes.')
  .min(0, 'Un montant ne peut pas être négatif.')
  .max(100_000_000_00, 'Montant trop élevé.')
  .nullish()
  .transform((value) => value ?? null);
/** A list entered one item per line, or as an array: trimmed, blank lines dropped. */
const lines = (max: number, label: string) =>
  z
    .union([z.string().max(20_000, `${label} : le texte est trop long.`), z.array(z.string().max(1_000)).max(100)])
    .nullish()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? '').split('\n'))
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, max),
    );

function checkPeriod(
  value: { startsOn: string | null; endsOn: string | null },
  ctx: z.RefinementCtx,
  message = 'La fin doit suivre le début.',
) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message });
}

// ---------- Partnerships ----------

export const partnershipSchema = z
  .object({
    type: z.enum(PARTNERSHIP_TYPE_CODES, { error: 'Choisissez le type de partenariat.' }),
    partner: z
      .string()
      .trim()
      .min(2, 'Nommez le partenaire (la ville, l’hôpital, le GHT…).')
      .max(200, 'Partenaire : 200 caractères au maximum.'),
    title: optionalText(200, 'Intitulé'),
    signedOn: optionalIsoDate,
    startsOn: optionalIsoDate,
    endsOn: optionalIsoDate,
    cptsSeat: optionalText(2_000, 'Place de la CPTS dans les instances'),
    axes: lines(30, 'Axes'),
    fichesTotal: z
      .number()
      .int('Un nombre entier de fiches.')
      .min(0, 'Le nombre de fiches ne peut pas être négatif.')
      .max(1_000)
      .nullish()
      .transform((value) => value ?? null),
    note: optionalText(5_000, 'Note'),
  })
  .superRefine((value, ctx) => checkPeriod(value, ctx, 'La fin du partenariat doit suivre son début.'));
export type PartnershipInput = z.input<typeof partnershipSchema>;
export type PartnershipData = z.output<typeof partnershipSchema>;

export interface LinkedDocument {
  id: number;
  title: string | null;
  fileName: string;
  size: number;
  addedAt: string;
}

export interface PartnershipFiche {
  id: number;
  code: string | null;
  title: string;
  externalRef: string | null;
  cptsRole: CptsRole;
  cptsRoleLabel: string;
  status: FicheStatus;
  statusLabel: string;
}

export interface PartnershipRow {
  id: number;
  type: PartnershipType;
  typeLabel: string;
  typeShort: string;
  partner: string;
  title: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  cptsSeat: string | null;
  axes: string[];
  fichesTotal: number | null;
  note: string | null;
  documents: LinkedDocument[];
  /** The fiches recorded under this partnership, by code then title. */
  fiches: PartnershipFiche[];
  /** How many of them the CPTS carries, co-carries or takes part in. */
  fichesByRole: Record<CptsRole, number>;
  warnings: string[];
}

// ---------- Fiches actions ----------

export const ficheFiltersSchema = z.object({
  missionCode: z.enum(ACI_MISSION_CODES).nullish(),
  status: z.enum(FICHE_STATUS_CODES).nullish(),
  cptsRole: z.enum(CPTS_ROLE_CODES).nullish(),
  partnershipId: id.nullish(),
  search: z.string().trim().max(200).nullish(),
});
export type FicheFilters = z.output<typeof ficheFiltersSchema>;

const milestoneSchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(2, 'Chaque étape a un libellé (« Déploiement de l’unité mobile »).')
      .max(300, 'Étape : 300 caractères au maximum.'),
    dueOn: optionalIsoDate,
    doneOn: optionalIsoDate,
    note: optionalText(2_000, 'Note de l’étape'),
  })
  .refine((milestone) => milestone.dueOn || milestone.doneOn, {
    message: 'Datez l’étape : prévue le…, ou faite le…',
    path: ['dueOn'],
  });

const budgetLineSchema = z
  .object({
    year: z
      .number({ error: 'Indiquez l’année du budget.' })
      .int('Indiquez l’année du budget.')
      .min(2000, 'Année du budget invalide.')
      .max(2100, 'Année du budget invalide.'),
    source: z.enum(FUNDING_SOURCE_CODES, { error: 'Choisissez la source de financement.' }),
    plannedCents: optionalCents,
    actualCents: optionalCents,
  })
  .refine((line) => line.plannedCents !== null || line.actualCents !== null, {
    message: 'Indiquez le montant prévu ou réalisé.',
    path: ['plannedCents'],
  });

export const ficheSchema = z
  .object({
    code: optionalText(30, 'Code'),
    title: z
      .string()
      .trim()
      .min(3, 'Donnez un titre à la fiche action.')
      .max(300, 'Titre : 300 caractères au maximum.'),
    axis: optionalText(200, 'Axe'),
    missionCode: z
      .preprocess((value) => (value === '' ? null : value), z.enum(ACI_MISSION_CODES).nullish())
      .transform((value) => value ?? null),
    partnershipId: optionalId,
    externalRef: optionalText(100, 'Référence chez le partenaire'),
    cptsRole: z.enum(CPTS_ROLE_CODES, { error: 'Porteuse, co-porteuse ou participante ?' }).default('porteur'),
    porteurOrg: optionalText(200, 'Porteur'),
    context: optionalText(20_000, 'Contexte'),
    generalObjective: optionalText(5_000, 'Objectif général'),
    operationalObjectives: lines(30, 'Objectifs opérationnels'),
    description: optionalText(20_000, 'Description'),
    targetPublic: optionalText(2_000, 'Public'),
    communes: z
      .array(
        z
          .string()
          .trim()
          .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide (5 caractères attendus).'),
      )
      .max(500)
      .default([]),
    pilotMemberId: optionalId,
    referents: z
      .array(z.object({ memberId: id, role: optionalText(100, 'Rôle du référent') }))
      .max(50)
      .default([]),
    partners: z
      .array(
        z.object({
          organisation: z
            .string()
            .trim()
            .min(2, 'Nommez l’organisation partenaire.')
            .max(200, 'Partenaire : 200 caractères au maximum.'),
          role: optionalText(200, 'Rôle du partenaire'),
        }),
      )
      .max(50)
      .default([]),
    status: z.enum(FICHE_STATUS_CODES, { error: 'Choisissez le statut de la fiche.' }).default('non_debutee'),
    startsOn: optionalIsoDate,
    endsOn: optionalIsoDate,
    milestones: z.array(milestoneSchema).max(100).default([]),
    budget: z.array(budgetLineSchema).max(100).default([]),
    difficulties: optionalText(10_000, 'Difficultés'),
    nextSteps: optionalText(10_000, 'Perspectives'),
    meetingIds: z.array(id).max(500).default([]),
  })
  .superRefine((fiche, ctx) => {
    checkPeriod(fiche, ctx, 'La fin de l’action doit suivre son début.');
    const seen = new Set<string>();
    fiche.budget.forEach((line, index) => {
      const key = `${line.year}/${line.source}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['budget', index, 'source'],
          message: `Une seule ligne par année et par source : ${line.year} a déjà cette source de financement.`,
        });
      seen.add(key);
    });
    const referents = new Set<number>();
    fiche.referents.forEach((referent, index) => {
      if (referents.has(referent.memberId))
        ctx.addIssue({
          code: 'custom',
          path: ['referents', index, 'memberId'],
          message: 'Ce référent est déjà dans la liste.',
        });
      referents.add(referent.memberId);
    });
  });
export type FicheInput = z.input<typeof ficheSchema>;
export type FicheData = z.output<typeof ficheSchema>;

export interface FicheMilestoneRow {
  id: number;
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  /** Not done and its due date has passed. */
  late: boolean;
}

export interface FicheListRow {
  id: number;
  code: string | null;
  title: string;
  axis: string | null;
  missionCode: string | null;
  missionLabel: string | null;
  partnershipId: number | null;
  /** « CLS — Ville de Mulhouse » */
  partnershipLabel: string | null;
  externalRef: string | null;
  cptsRole: CptsRole;
  cptsRoleLabel: string;
  porteurOrg: string | null;
  status: FicheStatus;
  statusLabel: string;
  pilot: string | null;
  /** The last milestone done (« Déploiement de l’unité mobile », 14 mai 2024), if any. */
  lastDone: { label: string; doneOn: string } | null;
  /** The next milestone not done, by due date, if any. */
  nextDue: { label: string; dueOn: string; late: boolean } | null;
  indicatorCount: number;
}

export interface FicheMeetingRow {
  id: number;
  title: string;
  date: string;
  typeLabel: string;
  status: 'prevue' | 'tenue' | 'annulee';
  decisions: {
    id: number;
    text: string;
    owner: string | null;
    dueOn: string | null;
    status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
    doneOn: string | null;
  }[];
}

export interface FicheBudgetRow {
  year: number;
  source: FundingSource;
  sourceLabel: string;
  plannedCents: number | null;
  actualCents: number | null;
}

export interface FicheDetail extends FicheListRow {
  /** The fiche as entered, ready for the form. */
  data: FicheData;
  communes: { codeInsee: string; name: string }[];
  pilotMemberId: number | null;
  referents: { memberId: number; name: string; role: string | null; active: boolean }[];
  partners: { organisation: string; role: string | null }[];
  milestones: FicheMilestoneRow[];
  budget: FicheBudgetRow[];
  /** Per year: Σ planned, Σ actual (cents). */
  budgetByYear: { year: number; plannedCents: number; actualCents: number }[];
  meetings: FicheMeetingRow[];
  /** Indicators of the contract that point to this fiche (read-only here). */
  indicators: { id: number; code: string | null; label: string; missionCode: string; missionLabel: string }[];
  documents: LinkedDocument[];
  warnings: string[];
}

// ---------- Crisis plan ----------

export const crisisPlanEventSchema = z.object({
  id: optionalId,
  kind: z.enum(CRISIS_PLAN_EVENT_CODES, { error: 'Choisissez l’étape du plan de crise.' }),
  occurredOn: optionalIsoDate.refine((value) => value !== null, 'Indiquez la date.'),
  referentMemberId: optionalId,
  note: optionalText(5_000, 'Note'),
});
export type CrisisPlanEventInput = z.input<typeof crisisPlanEventSchema>;
export type CrisisPlanEventData = z.output<typeof crisisPlanEventSchema>;

export interface CrisisPlanEventRow {
  id: number;
  kind: CrisisPlanEventKind;
  kindLabel: string;
  occurredOn: string;
  referentMemberId: number | null;
  referent: string | null;
  note: string | null;
  document: LinkedDocument | null;
}

export interface CrisisPlan {
  /** Most recent first. */
  events: CrisisPlanEventRow[];
  /** First drafting, or null while the plan is not written. */
  writtenOn: string | null;
  /** Last drafting or update. */
  lastUpdatedOn: string | null;
  /** When the yearly update falls due (12 months after the last one). */
  updateDueOn: string | null;
  updateOverdue: boolean;
  sentToArsOn: string | null;
  /** The ARS has the current version (sent on or after the last update). */
  arsHasCurrentVersion: boolean;
  sharedWithMembersOn: string | null;
  lastExerciseOn: string | null;
  lastActivationOn: string | null;
  /** absent: never written; a_jour; a_mettre_a_jour: the yearly update is overdue. */
  state: 'absent' | 'a_jour' | 'a_mettre_a_jour';
  stateLabel: string;
  warnings: string[];
}

// ---------- Channels ----------

/** Channels of the fiches actions, partnerships and crisis plan. */
export const fichesChannels = {
  'partnerships.list': channel<PartnershipRow[]>()(noInput),
  'partnerships.create': channel<PartnershipRow>()(partnershipSchema),
  'partnerships.update': channel<PartnershipRow>()(z.object({ id, data: partnershipSchema })),
  'partnerships.delete': channel<{ deleted: true; fichesDetached: number }>()(z.object({ id, confirm: confirmDelete })),
  'partnerships.addDocument': channel<PartnershipRow | { cancelled: true }>()(z.object({ partnershipId: id })),
  'partnerships.deleteDocument': channel<PartnershipRow>()(z.object({ partnershipId: id, documentId: id })),

  'fiches.list': channel<FicheListRow[]>()(ficheFiltersSchema),
  'fiches.get': channel<FicheDetail>()(z.object({ id })),
  'fiches.create': channel<FicheDetail>()(ficheSchema),
  'fiches.update': channel<FicheDetail>()(z.object({ id, data: ficheSchema })),
  'fiches.delete': channel<{ deleted: true; indicatorsDetached: number; requirementsRemoved: number }>()(
    z.object({ id, confirm: confirmDelete }),
  ),
  'fiches.addDocument': channel<FicheDetail | { cancelled: true }>()(z.object({ ficheId: id })),
  'fiches.deleteDocument': channel<FicheDetail>()(z.object({ ficheId: id, documentId: id })),

  'crisisPlan.get': channel<CrisisPlan>()(noInput),
  'crisisPlan.saveEvent': channel<CrisisPlan>()(crisisPlanEventSchema),
  'crisisPlan.deleteEvent': channel<CrisisPlan>()(z.object({ id, confirm: confirmDelete })),
  'crisisPlan.attachDocument': channel<CrisisPlan | { cancelled: true }>()(z.object({ eventId: id })),
  'crisisPlan.detachDocument': channel<CrisisPlan>()(z.object({ eventId: id })),
} as const;
