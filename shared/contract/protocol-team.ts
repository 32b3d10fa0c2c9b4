/**
 * The people and the life of a protocol: its team (rédacteurs, utilisateurs, référents; délégants and délégués of a
 * cooperation protocol), the declarations of that team to the ARS, the anonymous log of its uses with their yearly
 * statistics, and the sessions where it was presented or taught.
 */
import { z } from '../zod-fr';
import {
  AGE_BAND_CODES,
  PATIENT_SEX_CODES,
  PROTOCOL_MEMBER_ROLE_CODES,
  PROTOCOL_SESSION_KIND_CODES,
  USE_OUTCOME_CODES,
  type AgeBand,
  type PatientSex,
  type ProtocolDeclarationKind,
  type ProtocolFamily,
  type ProtocolMemberRole,
  type ProtocolSessionKind,
  type UseOutcome,
} from '../domain/protocol-labels';
import { optionalId, optionalIsoDate, optionalText } from '../schemas/common';
import { channel, noInput } from './common';

const id = z.number().int().positive();
const protocolId = z.number({ error: 'Choisissez le protocole.' }).int().positive();
const memberId = z.number({ error: 'Choisissez l’adhérent.' }).int().positive();

/** A required ISO date; `label` names it in the message (« la date d’entrée dans l’équipe »). */
const requiredIsoDate = (label: string) =>
  optionalIsoDate.transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: `Renseignez ${label}.` });
      return z.NEVER;
    }
    return value;
  });

const year = z
  .number({ error: 'Indiquez l’année.' })
  .int('Indiquez l’année.')
  .min(2000, 'Année invalide.')
  .max(2100, 'Année invalide.');

// ---------- Team ----------

const teamMemberFields = {
  memberId,
  role: z.enum(PROTOCOL_MEMBER_ROLE_CODES, { error: 'Choisissez le rôle dans l’équipe.' }),
  joinedOn: requiredIsoDate('la date d’entrée dans l’équipe'),
  adhesionSignedOn: optionalIsoDate,
};

export const protocolTeamAddSchema = z.object({ protocolId, ...teamMemberFields });
export type ProtocolTeamAddInput = z.input<typeof protocolTeamAddSchema>;
export type ProtocolTeamAddData = z.output<typeof protocolTeamAddSchema>;

/** The same fields, and the date the member left the team when it is being corrected. */
export const protocolTeamUpdateSchema = z.object({ id, ...teamMemberFields, leftOn: optionalIsoDate });
export type ProtocolTeamUpdateInput = z.input<typeof protocolTeamUpdateSchema>;
export type ProtocolTeamUpdateData = z.output<typeof protocolTeamUpdateSchema>;

export interface ProtocolTeamRow {
  id: number;
  protocolId: number;
  memberId: number;
  /** « BERNARD Camille » (or « Membre anonymisé »). */
  memberName: string;
  professionCode: string | null;
  professionLabel: string | null;
  rpps: string | null;
  role: ProtocolMemberRole;
  roleLabel: string;
  joinedOn: string;
  leftOn: string | null;
  adhesionSignedOn: string | null;
  /** In the team today: joined, not left. */
  active: boolean;
  /** What a coordinator should fix (« RPPS manquant », « a quitté la CPTS »…), in French. */
  warnings: string[];
}

// ---------- ARS declarations ----------

/** A délégant or délégué as the ARS knows them (or should): one line of a declaration. */
export interface DeclaredTeamMember {
  memberId: number;
  memberName: string;
  role: ProtocolMemberRole;
  roleLabel: string;
  professionCode: string | null;
  professionLabel: string | null;
  rpps: string | null;
}

export interface ProtocolDeclarationStatus {
  protocolId: number;
  /** Only a cooperation protocol is declared to the ARS. */
  cooperation: boolean;
  owed: boolean;
  kind: ProtocolDeclarationKind | null;
  kindLabel: string | null;
  /** Délégants and délégués active today but not in the last declaration. */
  arrivals: DeclaredTeamMember[];
  /** Délégants and délégués of the last declaration who are no longer active (or changed role). */
  departures: DeclaredTeamMember[];
  lastDeclaredOn: string | null;
}

export const protocolDeclareSchema = z.object({
  protocolId,
  declaredOn: requiredIsoDate('la date de la déclaration'),
  channel: optionalText(200, 'Canal de la déclaration'),
  reference: optionalText(200, 'Référence du dossier'),
  referentMemberId: optionalId,
  projectAttestedOn: optionalIsoDate,
  note: optionalText(5_000, 'Note'),
});
export type ProtocolDeclareInput = z.input<typeof protocolDeclareSchema>;
export type ProtocolDeclareData = z.output<typeof protocolDeclareSchema>;

export interface ProtocolDeclarationRow {
  id: number;
  protocolId: number;
  kind: ProtocolDeclarationKind;
  kindLabel: string;
  declaredOn: string;
  channel: string | null;
  reference: string | null;
  referentMemberId: number | null;
  referentName: string | null;
  projectAttestedOn: string | null;
  note: string | null;
  /** The délégants and délégués as declared that day. */
  team: DeclaredTeamMember[];
}

/** A protocol that owes the ARS a declaration (dashboard). */
export interface ProtocolDeclarationOwed {
  protocolId: number;
  code: string | null;
  title: string;
  family: ProtocolFamily;
  kind: ProtocolDeclarationKind;
  kindLabel: string;
  arrivals: number;
  departures: number;
  lastDeclaredOn: string | null;
}

// ---------- Use log ----------

export const protocolUseSchema = z
  .object({
    protocolId,
    usedOn: requiredIsoDate('la date de l’utilisation'),
    professionalMemberId: z
      .number({ error: 'Choisissez le professionnel qui a appliqué le protocole.' })
      .int()
      .positive(),
    delegantMemberId: optionalId,
    ageBand: z.enum(AGE_BAND_CODES, { error: 'Choisissez la tranche d’âge du patient.' }),
    sex: z.enum(PATIENT_SEX_CODES, { error: 'Choisissez le sexe du patient (ou « Non précisé »).' }),
    hasMt: z.boolean({ error: 'Le patient a-t-il un médecin traitant ?' }),
    outcome: z.enum(USE_OUTCOME_CODES, { error: 'Choisissez l’issue de la prise en charge.' }),
    adverseEvent: z.boolean({ error: 'Y a-t-il eu un événement indésirable ?' }),
    adverseEventText: optionalText(2_000, 'Événement indésirable'),
    note: optionalText(2_000, 'Note'),
  })
  .superRefine((use, ctx) => {
    if (use.adverseEvent && !use.adverseEventText)
      ctx.addIssue({
        code: 'custom',
        path: ['adverseEventText'],
        message: 'Décrivez l’événement indésirable (sans identifier le patient).',
      });
    if (!use.adverseEvent && use.adverseEventText)
      ctx.addIssue({
        code: 'custom',
        path: ['adverseEvent'],
        message: 'Un événement indésirable est décrit : cochez « Événement indésirable ».',
      });
  });
export type ProtocolUseInput = z.input<typeof protocolUseSchema>;
export type ProtocolUseData = z.output<typeof protocolUseSchema>;

export interface ProtocolUseRow {
  id: number;
  protocolId: number;
  usedOn: string;
  professionalMemberId: number | null;
  professionalName: string | null;
  delegantMemberId: number | null;
  delegantName: string | null;
  ageBand: AgeBand | null;
  ageBandLabel: string | null;
  sex: PatientSex | null;
  sexLabel: string | null;
  hasMt: boolean | null;
  outcome: UseOutcome;
  outcomeLabel: string;
  adverseEvent: boolean;
  adverseEventText: string | null;
  note: string | null;
}

/** The yearly figures of one protocol, or of all of them (ARS yearly indicators, ACI indicators). */
export interface ProtocolUseFigures {
  uses: number;
  prisEnCharge: number;
  /** Réorientés vers le délégant. */
  reorientations: number;
  /** Orientés vers les urgences. */
  urgences: number;
  adverseEvents: number;
  /** Distinct professionals with at least one use in the year. */
  activeProfessionals: number;
  byAgeBand: Record<AgeBand, number>;
  bySex: Record<PatientSex, number>;
  /** Uses whose patient has a médecin traitant. */
  withMt: number;
}

export interface ProtocolUseStatsRow extends ProtocolUseFigures {
  protocolId: number;
  code: string | null;
  title: string;
  family: ProtocolFamily;
  /** When the yearly follow-up of that year was sent to the ARS, if it was. */
  reportSentOn: string | null;
}

export interface ProtocolUseStats {
  year: number;
  /** Every protocol with a use in the year or a version in force at some time during it, by code then title. */
  protocols: ProtocolUseStatsRow[];
  /** All protocols together (active professionals counted once even when they apply several protocols). */
  totals: ProtocolUseFigures;
}

export const protocolReportSentSchema = z.object({
  protocolId,
  year,
  sentOn: requiredIsoDate('la date d’envoi du suivi annuel'),
  note: optionalText(2_000, 'Note'),
});

export interface ProtocolYearlyReportRow {
  protocolId: number;
  year: number;
  sentOn: string;
  note: string | null;
}

// ---------- Sessions ----------

export const protocolSessionSchema = z.object({
  id: optionalId,
  protocolId,
  versionId: optionalId,
  kind: z.enum(PROTOCOL_SESSION_KIND_CODES, { error: 'Présentation, formation ou diffusion ?' }),
  heldOn: requiredIsoDate('la date de la séance'),
  meetingId: optionalId,
  audience: optionalText(300, 'Public'),
  attendees: z
    .number({ error: 'Le nombre de participants est un nombre entier.' })
    .int('Le nombre de participants est un nombre entier.')
    .min(0, 'Le nombre de participants ne peut pas être négatif.')
    .max(100_000, 'Nombre de participants trop élevé.')
    .nullish()
    .transform((value) => value ?? null),
  note: optionalText(5_000, 'Note'),
});
export type ProtocolSessionInput = z.input<typeof protocolSessionSchema>;
export type ProtocolSessionData = z.output<typeof protocolSessionSchema>;

export interface ProtocolSessionRow {
  id: number;
  protocolId: number;
  versionId: number | null;
  versionNumber: number | null;
  kind: ProtocolSessionKind;
  kindLabel: string;
  heldOn: string;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingDate: string | null;
  audience: string | null;
  /** The number typed in (used when no meeting is linked). */
  attendees: number | null;
  /** Present participants of the linked meeting when there is one, the typed number otherwise. */
  attendance: number | null;
  attendanceSource: 'reunion' | 'saisie' | null;
  note: string | null;
  /** Material handed out or shown at the session. */
  documents: ProtocolSessionDocument[];
}

/** A file attached to a session (its `id` is the protocol_document row, what `protocolSessions.deleteDocument` takes). */
export interface ProtocolSessionDocument {
  id: number;
  documentId: number;
  title: string | null;
  fileName: string;
}

// ---------- Channels ----------

const byId = z.object({ id });
const byProtocol = z.object({ protocolId });

/** Channels of a protocol's team, ARS declarations, use log and sessions. */
export const protocolTeamChannels = {
  'protocolTeam.list': channel<ProtocolTeamRow[]>()(byProtocol),
  'protocolTeam.add': channel<ProtocolTeamRow>()(protocolTeamAddSchema),
  'protocolTeam.update': channel<ProtocolTeamRow>()(protocolTeamUpdateSchema),
  'protocolTeam.leave': channel<ProtocolTeamRow>()(
    z.object({ id, leftOn: requiredIsoDate('la date de sortie de l’équipe') }),
  ),
  'protocolTeam.remove': channel<{ deleted: true }>()(byId),
  'protocolTeam.declarationStatus': channel<ProtocolDeclarationStatus>()(byProtocol),
  'protocolTeam.declarations': channel<ProtocolDeclarationRow[]>()(byProtocol),
  'protocolTeam.declare': channel<ProtocolDeclarationRow>()(protocolDeclareSchema),
  'protocolTeam.deleteDeclaration': channel<{ deleted: true }>()(byId),
  'protocolTeam.declarationsOwed': channel<ProtocolDeclarationOwed[]>()(noInput),

  'protocolUses.list': channel<ProtocolUseRow[]>()(z.object({ protocolId, year })),
  'protocolUses.log': channel<ProtocolUseRow>()(protocolUseSchema),
  'protocolUses.delete': channel<{ deleted: true }>()(byId),
  'protocolUses.stats': channel<ProtocolUseStats>()(z.object({ year, protocolId: optionalId })),
  'protocolUses.markReportSent': channel<ProtocolYearlyReportRow>()(protocolReportSentSchema),

  'protocolSessions.list': channel<ProtocolSessionRow[]>()(byProtocol),
  'protocolSessions.save': channel<ProtocolSessionRow>()(protocolSessionSchema),
  'protocolSessions.delete': channel<{ deleted: true }>()(byId),
  'protocolSessions.addDocument': channel<ProtocolSessionRow | { cancelled: true }>()(
    z.object({ sessionId: z.number().int().positive() }),
  ),
  'protocolSessions.deleteDocument': channel<ProtocolSessionRow>()(byId),
} as const;
