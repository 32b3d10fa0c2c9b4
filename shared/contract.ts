/**
 * The one IPC contract between the renderer and the main process: channel → zod input schema → output type.
 * The preload exposes exactly these channels as `window.api`; main registers exactly these handlers.
 */
import { z } from './zod-fr';
import { cptsIdentitySchema, cptsLifecycleSchema, type CptsIdentity, type CptsLifecycle } from './schemas/cpts';
import type { LifecycleStatus } from './domain/lifecycle';
import type { MemberListRow } from './domain/members';
import {
  collegeSchema,
  cotisationRateSchema,
  cotisationSchema,
  departureSchema,
  mandateSchema,
  memberFiltersSchema,
  memberSchema,
  type MemberData,
  type MemberType,
} from './schemas/members';

import { MAX_BACKUP_KEEP, MIN_PASSPHRASE_LENGTH, type BackupKind } from './domain/backups';
import type { MeetingType as GovernanceMeetingType, QuorumResult, StatutoryRules } from './domain/governance';
import {
  approvePvSchema,
  convocationSentSchema,
  formalitySchema,
  officersSchema,
  presenceSchema,
  proxySchema,
  resolutionSchema,
  rulesVersionSchema,
  secondConvocationSchema,
  voteSchema,
} from './schemas/ag';
import {
  agendaSchema,
  decisionSchema,
  meetingSchema,
  participantsSchema,
  rcpCaseSchema,
  type MeetingData,
} from './schemas/meetings';

export type { MemberListRow };

// ---------- Output types ----------

export interface AppInfo {
  version: string;
  databasePath: string;
  backupsDir: string;
  referenceData: string;
}

export interface CptsProfile {
  identity: CptsIdentity;
  lifecycle: CptsLifecycle;
  status: LifecycleStatus;
  arsName: string | null;
  updatedAt: string | null;
}

export interface CommuneHit {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  codesPostaux: string[];
  population: number;
  /** « commune » or « arrondissement municipal » */
  kind: 'commune' | 'arrondissement';
  inTerritory: boolean;
}

export interface TerritoryCommune {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  regionCode: string;
  population: number;
  epciCode: string | null;
  epciNom: string | null;
}

export interface TerritorySummary {
  referenceLabel: string;
  communes: TerritoryCommune[];
  communeCount: number;
  totalPopulation: number;
  sizeClass: { taille: number; label: string; tableVersion: string } | null;
  departements: { code: string; nom: string; communeCount: number; population: number; cpamSuggestion: string }[];
  regions: { code: string; nom: string; arsName: string }[];
  epcis: { code: string; nom: string; communesInTerritory: number; communesTotal: number }[];
  /** French sentences about stored communes that the reference data no longer knows, for instance. */
  warnings: string[];
}

export interface CollegeRow {
  id: number;
  name: string;
  votingRight: 'deliberative' | 'consultative';
  seats: number | null;
  voteWeight: number;
  description: string | null;
  position: number;
  /** Active members in this collège. */
  memberCount: number;
}

export interface MandateRow {
  id: number;
  role: string;
  roleLabel: string;
  label: string | null;
  startOn: string;
  endOn: string | null;
  /** Running today. */
  current: boolean;
}

export interface CotisationRow {
  year: number;
  amountCents: number;
  paidOn: string | null;
  mode: string | null;
  /** Amount expected that year for this member's type, if the CPTS set one. */
  expectedCents: number | null;
  upToDate: boolean;
}

export interface MemberDetail {
  id: number;
  /** The values of the form, as stored. */
  data: MemberData;
  displayName: string;
  professionLabel: string | null;
  communeName: string | null;
  collegeName: string | null;
  structureMemberName: string | null;
  memberType: MemberType;
  leftOn: string | null;
  leftReason: string | null;
  active: boolean;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  mandates: MandateRow[];
  cotisations: CotisationRow[];
  upToDateYears: number[];
}

export interface MemberStats {
  year: number;
  activeCount: number;
  personCount: number;
  structureCount: number;
  byProfession: { code: string; label: string; count: number }[];
  byStructureType: { code: string; label: string; count: number }[];
  byCollege: { id: number | null; name: string; votingRight: 'deliberative' | 'consultative' | null; count: number }[];
  /** Territory communes where at least one active member practises. */
  communesCovered: number;
  territoryCommunes: number;
  coveredShare: number | null;
  cotisations: { upToDate: number; outstanding: number; collectedCents: number; outstandingCents: number };
}

export interface CotisationRateRow {
  year: number;
  memberType: MemberType;
  amountCents: number;
}

/** A field a spreadsheet column can fill; `cotisation:2025` records the 2025 cotisation amount. */
export type ImportField = string;

export interface ImportOpened {
  token: string;
  fileName: string;
  /** « UTF-8 », « UTF-8 avec BOM », « Windows-1252 » for CSV; null for XLSX. */
  encoding: string | null;
  /** « ; », « , » or « tabulation » for CSV; null for XLSX. */
  separator: string | null;
  sheetName: string | null;
  headers: string[];
  /** Row of the file the column titles were read on (title rows above it are skipped). */
  headerLine: number;
  /** French notes on the reading: title rows skipped, lines whose encoding was repaired. */
  notes: string[];
  rowCount: number;
  /** First rows, as text, for the mapping step. */
  sample: string[][];
  /** Suggested field per column (null: ignored). */
  mapping: (ImportField | null)[];
  /** Every field a column can be mapped to, with its French label. */
  fields: { code: ImportField; label: string }[];
}

export interface ImportRowPreview {
  /** Line in the file (1 = header). */
  line: number;
  displayName: string;
  professionLabel: string | null;
  communeName: string | null;
  matchedMemberId: number | null;
  /** How the row was recognised: RPPS (person), FINESS or SIRET (structure), or names and commune. */
  matchedBy: 'rpps' | 'finess_siret' | 'nom_profession_commune' | 'nom_commune' | null;
  /** French descriptions of what changes for an update (« Téléphone : 04… → 06… »). */
  changes: string[];
  /** French reasons of the errors of this row. */
  errors: string[];
  /** A second occurrence of a member of the file: skipped, with what it says differently (« Téléphone : « 06… » »). */
  duplicate: { of: number; reason: string; firstImported: boolean; ignoredValues: string[] } | null;
}

export interface ImportPreview {
  token: string;
  total: number;
  toCreate: ImportRowPreview[];
  toUpdate: ImportRowPreview[];
  unchanged: ImportRowPreview[];
  errors: ImportRowPreview[];
  /** Second occurrences of a member of the file, skipped. */
  duplicates: ImportRowPreview[];
  /** Paid cotisations and « oui » consents the file gives without a date: the preview asks for one. */
  undated: { cotisations: number; consents: number };
  /** Collèges named in the file that do not exist yet (created by the import when asked). */
  missingColleges: { name: string; rows: number }[];
}

/** Where a long import call is, for its progress bar. */
export interface ImportProgress {
  phase: 'lecture' | 'verification' | 'enregistrement';
  percent: number;
  /** French label of the step (« Décompression du classeur… »). */
  label: string;
}

/** The choices of the import's preview step: one date for what the file does not date, creating missing collèges. */
export const importOptionsSchema = z.object({
  undatedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indiquez une date au format jj/mm/aaaa.' })
    .nullable(),
  createColleges: z.boolean(),
});

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skippedErrors: number;
  skippedDuplicates: number;
  cotisations: number;
  /** Names of the collèges the import created. */
  collegesCreated: string[];
}

export interface MeetingListRow {
  id: number;
  type: string;
  typeLabel: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  status: 'prevue' | 'tenue' | 'annulee';
  participantCount: number;
  presentCount: number;
  caseCount: number;
  openDecisions: number;
}

export interface MeetingParticipantRow {
  id: number;
  memberId: number | null;
  /** Member's display name, the guest's name, or for an RCP guest only their profession. */
  name: string;
  professionCode: string | null;
  professionLabel: string | null;
  guestQuality: string | null;
  attendance: 'present' | 'excuse' | 'absent' | 'represente' | null;
  minutesSpent: number | null;
}

export interface DecisionRow {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  agendaItemId: number | null;
  text: string;
  ownerMemberId: number | null;
  owner: string | null;
  dueOn: string | null;
  status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
  doneOn: string | null;
  overdue: boolean;
}

export interface RcpCaseRow {
  id: number;
  code: string;
  ageBand: string;
  sex: 'F' | 'M' | null;
  over75: boolean;
  ald: boolean;
  motifCode: string | null;
  motifLabel: string | null;
  motifText: string | null;
  summary: string | null;
  patientInformed: boolean;
  followUpOn: string | null;
  followUpStatus: 'a_faire' | 'fait' | 'sans_objet';
  decisions: {
    id: number;
    action: string;
    ownerParticipantId: number | null;
    owner: string | null;
    dueOn: string | null;
    status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
  }[];
}

export interface MeetingDetail {
  id: number;
  data: MeetingData;
  typeLabel: string;
  agenda: { id: number; position: number; title: string; minutes: string | null }[];
  participants: MeetingParticipantRow[];
  decisions: DecisionRow[];
  documents: { id: number; fileName: string; size: number; addedAt: string }[];
  cases: RcpCaseRow[];
  /** RCP only: different professions among participants present (or all participants before the session). */
  professionCount: number;
  /** French warnings, e.g. too few professions for an RCP. */
  warnings: string[];
}

export type ExportResult = { saved: true; path: string; pages: number; bytes: number } | { saved: false };

// ---------- Sauvegardes ----------

export interface BackupRow {
  fileName: string;
  kind: BackupKind;
  /** When the copy was taken (ISO, UTC). */
  createdAt: string;
  size: number;
  check: 'ok' | 'endommagee';
  /** First line of the integrity check of a damaged copy. */
  checkDetail: string | null;
}

export interface BackupsOverview {
  dir: string;
  /** Automatic (and manual) copies kept. */
  keep: number;
  /** Newest first. */
  entries: BackupRow[];
}

/** What a file to restore holds, shown before anything happens. */
export interface RestorePreviewData {
  cptsName: string | null;
  members: number;
  meetings: number;
  documents: number;
  lastChange: string | null;
  pendingMigrations: number;
}

export type RestoreInspection =
  | { cancelled: true }
  /** An encrypted transfer file: ask for its passphrase, then inspect again with the token. */
  | { needsPassphrase: true; token: string; fileName: string }
  | { token: string; fileName: string; origin: 'sauvegarde' | 'fichier' | 'transfert'; preview: RestorePreviewData };

/** A PDF being prepared: waiting for the PDF worker, laid out, or written to disk (for the progress line and « Annuler »). */
export type PdfExportStatus =
  | { running: false }
  | { running: true; stage: 'queued' | 'layout' | 'writing'; seconds: number };

// ---------- General assembly ----------

export interface RulesVersionRow {
  id: number;
  effectiveFrom: string;
  source: string | null;
  rules: StatutoryRules;
  createdAt: string;
}

export interface RulesOverview {
  versions: RulesVersionRow[];
  /** Usual values (domain defaults) proposed for a first version. */
  defaults: StatutoryRules;
}

/** A pouvoir and whether it counts now (its mandataire present, within the cap…). */
export interface AgProxyRow {
  id: number;
  mandantId: number;
  mandantName: string;
  mandataireId: number;
  mandataireName: string;
  receivedOn: string | null;
  counted: boolean;
  /** Why it does not count now, in French (« mandataire absent »…). */
  reason: string | null;
}

export interface AgVoterRow {
  id: number;
  name: string;
  quality: string | null;
  collegeId: number | null;
  collegeName: string | null;
  weight: number;
  present: boolean;
  arrivedAt: string | null;
  leftAt: string | null;
  /** Proxy ids held (see proxies). */
  proxiesHeld: number[];
  /** Proxy id given by this member, if any. */
  proxyGiven: number | null;
}

export interface AgNonVoterRow {
  id: number;
  name: string;
  quality: string | null;
  collegeName: string | null;
  reason: string;
  present: boolean;
}

export interface AgResolutionRow {
  id: number;
  agendaItemId: number | null;
  position: number;
  title: string;
  text: string;
  kind: string;
  kindLabel: string;
  majorityLabel: string;
  votes: { pour: number; contre: number; abstention: number; blanc: number } | null;
  /** Head counts per collège of a weighted vote (members, before the weights), for a correction. */
  collegeVotes: { collegeId: number | null; pour: number; contre: number; abstention: number; blanc: number }[] | null;
  adopted: boolean | null;
  /** The arithmetic of the recorded vote, ending with « Résolution adoptée. » or « … rejetée. » */
  arithmetic: string | null;
  /** The quorum when the vote was recorded (kept when the vote is cleared for a correction). */
  quorumAtVote: { sentence: string; met: boolean } | null;
}

export interface FormalityRow {
  id: number;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  kind: string;
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  notes: string | null;
  overdue: boolean;
}

/** Everything the AG screens need at once: recomputed after every change (arrival, pouvoir, vote…). */
export interface AgState {
  meetingId: number;
  meetingType: GovernanceMeetingType;
  typeLabel: string;
  title: string;
  date: string;
  round: 1 | 2;
  firstRoundMeetingId: number | null;
  secondRoundMeetingId: number | null;
  /** Year whose cotisation decides who votes (the meeting's year). */
  year: number;
  rules: {
    versionId: number | null;
    effectiveFrom: string | null;
    source: string | null;
    isDefault: boolean;
    reminders: string[];
  };
  weighted: boolean;
  convocation: {
    sentOn: string | null;
    mode: string | null;
    modeLabel: string | null;
    requiredDays: number;
    /** French warning when the statutory delay is not met (or cannot be met any more). */
    delayProblem: string | null;
    recipients: number;
    withoutEmail: number;
  };
  voters: AgVoterRow[];
  nonVoters: AgNonVoterRow[];
  proxies: AgProxyRow[];
  proxiesAllowed: boolean;
  quorum: QuorumResult;
  resolutions: AgResolutionRow[];
  resolutionKinds: { code: string; label: string; majorityLabel: string }[];
  /** Proposed when the quorum is not met on a first convocation and the statuts provide a second one. */
  secondConvocation: { proposed: boolean; possible: boolean; message: string };
  officers: {
    presidentMemberId: number | null;
    secretaireMemberId: number | null;
    presidentName: string | null;
    secretaireName: string | null;
  };
  pv: { status: 'brouillon' | 'approuve'; approvedOn: string | null };
  formalities: FormalityRow[];
}

export type MailsExportResult =
  | {
      saved: true;
      folder: string;
      count: number;
      withoutEmail: string[];
      bytes: number;
      /** The CPTS's address written as sender (Ma CPTS), or null: the mail client then asks for it. */
      sender: string | null;
    }
  | { saved: false };

// ---------- Channels ----------

const noInput = z.undefined();
const meetingId = z.number().int().positive();
const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export const contract = {
  'app.info': channel<AppInfo>()(noInput),
  'cpts.get': channel<CptsProfile>()(noInput),
  'cpts.saveIdentity': channel<CptsProfile>()(cptsIdentitySchema),
  'cpts.saveLifecycle': channel<CptsProfile>()(cptsLifecycleSchema),
  'reference.arsRegions': channel<{ code: string; nom: string; arsName: string }[]>()(noInput),
  'communes.search': channel<CommuneHit[]>()(
    z.object({
      query: z.string().trim().max(100, 'Recherche trop longue (100 caractères au maximum).'),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ),
  'territory.get': channel<TerritorySummary>()(noInput),
  'territory.addCommunes': channel<TerritorySummary>()(
    z.object({
      codes: z
        .array(
          z
            .string()
            .trim()
            .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide (5 caractères attendus).'),
        )
        .min(1, 'Choisissez au moins une commune.')
        .max(500, 'Ajoutez 500 communes au plus à la fois.'),
    }),
  ),
  'territory.removeCommune': channel<TerritorySummary>()(
    z.object({
      code: z
        .string()
        .trim()
        .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide.'),
    }),
  ),
  'reports.exportIdentitySheet': channel<ExportResult>()(noInput),
  'reports.pdfStatus': channel<PdfExportStatus>()(noInput),
  'reports.cancelPdf': channel<{ cancelled: boolean }>()(noInput),

  'colleges.list': channel<CollegeRow[]>()(noInput),
  'colleges.save': channel<CollegeRow[]>()(collegeSchema),
  'colleges.delete': channel<CollegeRow[]>()(z.object({ id: z.number().int().positive() })),
  'cotisationRates.list': channel<CotisationRateRow[]>()(noInput),
  'cotisationRates.save': channel<CotisationRateRow[]>()(cotisationRateSchema),

  'members.list': channel<MemberListRow[]>()(noInput),
  'members.get': channel<MemberDetail>()(z.object({ id: z.number().int().positive() })),
  'members.create': channel<MemberDetail>()(memberSchema),
  'members.update': channel<MemberDetail>()(z.object({ id: z.number().int().positive(), data: memberSchema })),
  'members.depart': channel<MemberDetail>()(departureSchema),
  'members.reinstate': channel<MemberDetail>()(z.object({ id: z.number().int().positive() })),
  'members.erase': channel<{ erased: true }>()(
    z.object({
      id: z.number().int().positive(),
      confirm: z.literal('EFFACER', { error: 'Tapez EFFACER pour confirmer l’anonymisation.' }),
    }),
  ),
  'members.exportPersonalData': channel<ExportResult>()(z.object({ id: z.number().int().positive() })),
  'members.setCotisation': channel<MemberDetail>()(cotisationSchema),
  'members.deleteCotisation': channel<MemberDetail>()(
    z.object({ memberId: z.number().int().positive(), year: z.number().int() }),
  ),
  'members.addMandate': channel<MemberDetail>()(mandateSchema),
  'members.deleteMandate': channel<MemberDetail>()(
    z.object({ memberId: z.number().int().positive(), mandateId: z.number().int().positive() }),
  ),
  'members.stats': channel<MemberStats>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  'members.exportList': channel<ExportResult>()(
    z.object({ filters: memberFiltersSchema, format: z.enum(['csv', 'xlsx']) }),
  ),
  'members.importOpen': channel<ImportOpened | { cancelled: true }>()(noInput),
  'members.importPreview': channel<ImportPreview>()(
    z.object({
      token: z.string().min(1),
      mapping: z.array(z.string().nullable()),
      options: importOptionsSchema.optional(),
    }),
  ),
  'members.importApply': channel<ImportResult>()(
    z.object({
      token: z.string().min(1),
      mapping: z.array(z.string().nullable()),
      options: importOptionsSchema.optional(),
    }),
  ),
  'members.importProgress': channel<ImportProgress | null>()(noInput),

  'reports.exportMembersList': channel<ExportResult>()(
    z.object({ groupBy: z.enum(['profession', 'college']), audience: z.enum(['bureau', 'annuaire']) }),
  ),
  'reports.exportComposition': channel<ExportResult>()(z.object({ year: z.number().int().min(2000).max(2100) })),

  'meetings.list': channel<MeetingListRow[]>()(
    z.object({
      from: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullish(),
      to: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullish(),
    }),
  ),
  'meetings.get': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
  'meetings.create': channel<MeetingDetail>()(meetingSchema),
  'meetings.update': channel<MeetingDetail>()(z.object({ id: z.number().int().positive(), data: meetingSchema })),
  'meetings.delete': channel<{ deleted: true }>()(
    z.object({ id: z.number().int().positive(), confirm: z.literal(true, { error: 'Confirmez la suppression.' }) }),
  ),
  'meetings.saveAgenda': channel<MeetingDetail>()(agendaSchema),
  'meetings.saveParticipants': channel<MeetingDetail>()(participantsSchema),
  'meetings.addDocument': channel<MeetingDetail | { cancelled: true }>()(
    z.object({ meetingId: z.number().int().positive() }),
  ),
  'meetings.deleteDocument': channel<MeetingDetail>()(
    z.object({ meetingId: z.number().int().positive(), documentId: z.number().int().positive() }),
  ),
  'meetings.exportIcs': channel<ExportResult>()(
    z.union([
      z.object({ meetingId: z.number().int().positive() }),
      z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    ]),
  ),
  'decisions.save': channel<MeetingDetail>()(decisionSchema),
  'decisions.delete': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
  'decisions.list': channel<DecisionRow[]>()(
    z.object({ status: z.enum(['ouvertes', 'en_retard', 'faites', 'toutes']).default('ouvertes') }),
  ),
  'rcp.motifs': channel<{ code: string; label: string; custom: boolean }[]>()(noInput),
  'rcp.addMotif': channel<{ code: string; label: string; custom: boolean }[]>()(
    z.object({ label: z.string().trim().min(2, 'Intitulé du motif trop court.').max(120) }),
  ),
  'rcp.saveCase': channel<MeetingDetail>()(rcpCaseSchema),
  'rcp.deleteCase': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
  'reports.exportMeetingMinutes': channel<ExportResult>()(z.object({ meetingId: z.number().int().positive() })),
  'reports.exportRcpYear': channel<ExportResult>()(z.object({ year: z.number().int().min(2000).max(2100) })),

  'settings.get': channel<{ rcpMinProfessions: number }>()(noInput),
  'settings.save': channel<{ rcpMinProfessions: number }>()(
    z.object({
      rcpMinProfessions: z
        .number({ error: 'Indiquez un nombre de professions.' })
        .int('Nombre entier attendu.')
        .min(1, 'Au moins une profession.')
        .max(10, 'Dix professions au plus.'),
    }),
  ),
  // ---------- Sauvegardes ----------
  'backups.list': channel<BackupsOverview>()(noInput),
  'backups.saveNow': channel<ExportResult>()(noInput),
  'backups.setKeep': channel<BackupsOverview>()(
    z.object({
      keep: z
        .number({ error: 'Indiquez un nombre de sauvegardes.' })
        .int('Nombre entier attendu.')
        .min(1, 'Gardez au moins une sauvegarde.')
        .max(MAX_BACKUP_KEEP, `${MAX_BACKUP_KEEP} sauvegardes au plus.`),
    }),
  ),
  'backups.inspect': channel<RestoreInspection>()(
    z.union([
      z.object({ source: z.literal('fichier') }),
      z.object({
        source: z.literal('sauvegarde'),
        fileName: z.string().regex(/^maillage-[a-z-]+-[0-9T-]+\.sqlite$/, 'Sauvegarde inconnue.'),
      }),
      z.object({ token: z.string().uuid(), passphrase: z.string().min(1, 'Saisissez la phrase secrète.').max(1000) }),
    ]),
  ),
  'backups.restore': channel<{ restored: true; safetyCopy: string }>()(
    z.object({ token: z.string().uuid(), confirm: z.literal(true, { error: 'Confirmez la restauration.' }) }),
  ),
  'backups.discard': channel<{ discarded: true }>()(z.object({ token: z.string().uuid() })),
  'backups.transfer': channel<ExportResult>()(
    z.object({
      passphrase: z
        .string()
        .min(MIN_PASSPHRASE_LENGTH, `La phrase secrète doit compter au moins ${MIN_PASSPHRASE_LENGTH} caractères.`)
        .max(1000)
        .nullable(),
    }),
  ),
  'rules.list': channel<RulesOverview>()(noInput),
  'rules.save': channel<RulesOverview>()(rulesVersionSchema),
  'rules.delete': channel<RulesOverview>()(z.object({ id: meetingId })),
  'ag.get': channel<AgState>()(z.object({ meetingId })),
  'ag.markConvocationSent': channel<AgState>()(convocationSentSchema),
  'ag.setPresence': channel<AgState>()(presenceSchema),
  'ag.saveProxy': channel<AgState>()(proxySchema),
  'ag.deleteProxy': channel<AgState>()(z.object({ meetingId, proxyId: meetingId })),
  'ag.saveResolution': channel<AgState>()(resolutionSchema),
  'ag.deleteResolution': channel<AgState>()(z.object({ meetingId, id: meetingId })),
  'ag.recordVote': channel<AgState>()(voteSchema),
  'ag.clearVote': channel<AgState>()(z.object({ meetingId, resolutionId: meetingId })),
  'ag.setOfficers': channel<AgState>()(officersSchema),
  'ag.createSecondConvocation': channel<{ meetingId: number }>()(secondConvocationSchema),
  'ag.approvePv': channel<AgState>()(approvePvSchema),
  'ag.reopenPv': channel<AgState>()(z.object({ meetingId })),
  'ag.exportConvocationMails': channel<MailsExportResult>()(z.object({ meetingId })),
  'formalities.list': channel<FormalityRow[]>()(
    z.object({ status: z.enum(['ouvertes', 'toutes']).default('ouvertes') }),
  ),
  'formalities.save': channel<FormalityRow[]>()(formalitySchema),
  'reports.exportConvocation': channel<ExportResult>()(z.object({ meetingId })),
  'reports.exportAttendanceSheet': channel<ExportResult>()(z.object({ meetingId })),
  'reports.exportPv': channel<ExportResult>()(z.object({ meetingId })),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

/** Prefix of every IPC channel name on the wire. */
export const IPC_PREFIX = 'maillage:';

// ---------- Results and errors ----------

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'io' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** A French sentence for the user. */
  message: string;
  /** Per-field French messages for forms, keyed by dotted path. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.api`. */
export type Api = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<ApiResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<ApiResult<ChannelOutput<C>>>;
};
