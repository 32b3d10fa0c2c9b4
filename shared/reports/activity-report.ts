/**
 * « Rapport d'activité » of a calendar year, as the PDF, the Word document and the in-app preview show it: every
 * figure read from the database by electron/services/activity-report/, every text the coordinator wrote in the
 * draft (`report_draft*`). Sections left out by the coordinator are absent from `sections` (and from the table of
 * contents); a section always carries its data, its text and its charts' series, never pre-formatted pages.
 * Rendered by electron/pdf/activity-report/ and electron/docx/activity-report.ts.
 */
import type { TrackingTable } from '@shared/contract/indicators';
import {
  formatChange,
  formatDecimal,
  formatEurosFromCents,
  formatInteger,
  NBSP,
  nonBreaking,
  shortDate,
} from '@shared/format';
import type { ActivitySectionKey } from '@shared/domain/report-labels';
import type { PvData } from './ag';
import type { CompositionData, MembersListData } from './members';
import type { RcpYearData } from './meetings';
import type { ProtocolRegisterData } from './protocol-register';

export const ACTIVITY_REPORT_TITLE = 'Rapport d’activité';

/** An image carried inside the job (the PDF worker and the docx writer read no file): PNG or JPEG bytes, base64. */
export interface ReportImage {
  mimeType: 'image/png' | 'image/jpeg';
  base64: string;
  /** Pixel size, for the aspect ratio. */
  width: number;
  height: number;
}

/** A key figure of the synthèse: « 412 adhérents (+ 37 sur un an) ». */
export interface KeyFigure {
  label: string;
  value: number;
  /** The same figure a year earlier, null when not comparable (first year, no data). */
  previous: number | null;
  /** How to print the value. */
  unit: 'count' | 'euros_cents' | 'percent';
}

/** What the coordinator wrote for one section. */
export interface SectionTexts {
  body: string | null;
  /** Mission sections only. */
  difficulties: string | null;
  nextSteps: string | null;
  photos: { caption: string | null; image: ReportImage }[];
}

export interface IdentityData {
  name: string;
  legalForm: string;
  rna: string | null;
  siret: string | null;
  /** « 12 rue …, 68100 Mulhouse ». */
  address: string | null;
  president: string | null;
  coordinator: string | null;
  email: string | null;
  website: string | null;
  aciSignedOn: string | null;
  contractNumber: string | null;
}

export interface TerritoryData {
  communes: { codeInsee: string; name: string; population: number | null }[];
  population: number;
  /** Year of the population figures (recensement millésimé shipped with the app), null when not known. */
  populationYear: number | null;
  /** Where the communes and their population come from: « Code officiel géographique 2026 (INSEE) et populations légales… ». */
  populationSource: string;
  /** Taille per contract year overlapping the report's year: « Année 3 (15/04/2025 – 14/04/2026) : taille 3 ». */
  tailleByContractYear: { yearLabel: string; periodLabel: string; taille: number | null; population: number | null }[];
}

export interface GovernanceMeeting {
  id: number;
  date: string;
  /** « Assemblée générale ordinaire », « Conseil d’administration », « Bureau ». */
  typeLabel: string;
  title: string;
  /** « Quorum atteint : 142 présents ou représentés sur 380 » for an AG with a check-in, null otherwise. */
  quorum: string | null;
  /** Count of decisions / resolutions adopted at this meeting. */
  decisions: number;
}

export interface StaffLine {
  fullName: string;
  role: string;
  employmentLabel: string;
  /** « 1 ETP », « 0,5 ETP », null for a prestataire. */
  fte: number | null;
  startedOn: string;
  endedOn: string | null;
}

export interface AssociativeLifeData {
  /** AG, CA, bureau held during the year, by date. */
  governance: GovernanceMeeting[];
  /** Commissions and working groups: meetings held in the year, by name (meeting title or theme). */
  workingGroups: { name: string; typeLabel: string; meetings: number; participants: number }[];
  /** Meetings held per month of the year (12 entries, January first), all types but RCP. */
  meetingsPerMonth: number[];
  /** Members at 31 December of the year and of the previous year, by profession, collège, commune. */
  composition: CompositionData;
  /** Active members on 31 December, for the last five years (the change over years chart). */
  membersOverYears: { year: number; count: number }[];
  staff: StaffLine[];
}

export interface MissionFiche {
  id: number;
  code: string | null;
  title: string;
  statusLabel: string;
  cptsRoleLabel: string;
  /** The organisation that carries a fiche the CPTS co-carries or takes part in: « Ville de Mulhouse ». */
  porteur: string | null;
  lastDone: { label: string; doneOn: string } | null;
  nextDue: { label: string; dueOn: string; late: boolean } | null;
  /** Budget of the fiche for the year (planned and spent), in cents. */
  budgetPlannedCents: number;
  budgetSpentCents: number;
}

export interface MissionEvidence {
  /** « Comptes rendus des réunions du groupe SNP ». */
  label: string;
  /** Indicator or fiche it justifies. */
  forLabel: string;
  provided: boolean;
  providedOn: string | null;
}

export interface MissionSection {
  key: ActivitySectionKey;
  missionCode: string;
  title: string;
  /** Whether the contract includes the mission (socle or chosen optional mission). */
  inContract: boolean;
  fiches: MissionFiche[];
  /** The mission's lines of the tableau de suivi of the report's contract year (null without a contract). */
  tracking: TrackingTable['missions'][number] | null;
  evidence: MissionEvidence[];
  /** Crisis mission only: « Plan rédigé le 15/01/2023, mis à jour le 12/02/2025, exercice le 03/10/2025 ». */
  crisisPlan: { kindLabel: string; occurredOn: string; note: string | null }[] | null;
  texts: SectionTexts;
}

export interface ProtocolsData {
  register: ProtocolRegisterData;
  /** Versions validated during the year and reviews due (or overdue) at its end. */
  versionsValidated: { protocol: string; version: number; validatedOn: string; instance: string | null }[];
  reviewsDue: { protocol: string; dueOn: string; overdue: boolean }[];
  /** Cooperation protocols: délégants and délégués active on 31 December. */
  teams: { protocol: string; delegants: number; delegues: number }[];
  /** Uses logged during the year, per protocol (anonymous counts). */
  uses: { protocol: string; uses: number; professionals: number }[];
}

export interface PartnershipLine {
  typeLabel: string;
  partner: string;
  title: string | null;
  signedOn: string | null;
  cptsSeat: string | null;
  note: string | null;
  /**
   * The frame's axes (« Prévenir », « Guérir »…) and its number of fiches actions, as entered. Always set by
   * activityReportData; optional so that hand-made data of the renderers’ tests stays valid.
   */
  axes?: string[];
  fichesTotal?: number | null;
  /** CLS and similar frames: the fiches the CPTS carries (porteur, co-porteur) vs takes part in. */
  carried: MissionFiche[];
  participating: MissionFiche[];
}

export interface FinancesData {
  /** ACI payments received during the calendar year, by kind (« Fonctionnement », « Part variable »…). */
  received: { kindLabel: string; missionLabel: string | null; cents: number }[];
  receivedTotalCents: number;
  /** Per mission: envelope of the contract year vs budget of its fiches (planned and spent in the year). */
  byMission: { missionLabel: string; envelopeCents: number | null; plannedCents: number; spentCents: number }[];
}

export interface ActivityReportAnnexes {
  /** PV of the AG that approved the report, when the coordinator chose that meeting and its PV exists. */
  approvalPv: PvData | null;
  membersList: MembersListData | null;
  /** Attendance statistics of the year's meetings, by type. */
  attendance: { typeLabel: string; meetings: number; averagePresent: number; averageInvited: number }[] | null;
  /** Tableau de suivi of the report's contract year (ACI-year annex). */
  tracking: TrackingTable | null;
}

/** One section in print order, discriminated by its key. */
export type ActivityReportSection =
  | { key: 'synthese'; title: string; texts: SectionTexts; keyFigures: KeyFigure[] }
  | { key: 'identite'; title: string; texts: SectionTexts; identity: IdentityData; territory: TerritoryData }
  | { key: 'vie_associative'; title: string; texts: SectionTexts; associativeLife: AssociativeLifeData }
  | { key: `mission_${string}`; title: string; texts: SectionTexts; mission: MissionSection }
  | { key: 'protocoles'; title: string; texts: SectionTexts; protocols: ProtocolsData }
  | { key: 'rcp'; title: string; texts: SectionTexts; rcp: RcpYearData }
  | { key: 'partenariats'; title: string; texts: SectionTexts; partnerships: PartnershipLine[] }
  | { key: 'finances'; title: string; texts: SectionTexts; finances: FinancesData }
  | { key: 'perspectives'; title: string; texts: SectionTexts; nextYearTargets: NextYearTarget[] };

/** A target already set for the next contract year, listed under perspectives. */
export interface NextYearTarget {
  missionLabel: string;
  indicator: string;
  target: string;
}

export interface ActivityReportData {
  generatedAt: string;
  cptsName: string;
  year: number;
  logo: ReportImage | null;
  /** The coordinator's introduction (« Le mot du président »), printed before the table of contents' first section. */
  introduction: string | null;
  highlights: { title: string; body: string | null; happenedOn: string | null }[];
  /** Photos the coordinator attached to no section: printed with the highlights. */
  highlightPhotos: { caption: string | null; image: ReportImage }[];
  /** The contract year whose indicators the mission sections show, « Année 3 (15/04/2025 – 14/04/2026) ». */
  contractYearLabel: string | null;
  sections: ActivityReportSection[];
  annexes: ActivityReportAnnexes;
}

// The wording of the figures, the same in the PDF, the Word document and the editor.

/** « 412 », « 35 000 € », « 72,5 % ». */
export function keyFigureValue(figure: Pick<KeyFigure, 'value' | 'unit'>, value: number = figure.value): string {
  switch (figure.unit) {
    case 'euros_cents':
      return formatEurosFromCents(value);
    case 'percent':
      return `${formatDecimal(value)}${NBSP}%`;
    default:
      return formatInteger(value);
  }
}

/** « + 37 sur un an (375) », « stable sur un an », or nothing when the previous year is not comparable. */
export function keyFigureDetail(figure: KeyFigure): string | undefined {
  if (figure.previous === null) return undefined;
  if (figure.previous === figure.value) return 'stable sur un an';
  if (figure.unit === 'count') return nonBreaking(`${formatChange(figure.value, figure.previous)} sur un an`);
  return nonBreaking(`${keyFigureValue(figure, figure.previous)} l’an passé`);
}

/** « 1 ETP », « 0,5 ETP », « — » for a prestataire. */
export function fteText(fte: number | null): string {
  return fte === null ? '—' : `${formatDecimal(fte)}${NBSP}ETP`;
}

/** « depuis le 01/03/2023 », « du 01/03/2023 au 30/06/2025 ». */
export function staffPeriod(line: Pick<StaffLine, 'startedOn' | 'endedOn'>): string {
  return line.endedOn
    ? `du ${shortDate(line.startedOn)} au ${shortDate(line.endedOn)}`
    : `depuis le ${shortDate(line.startedOn)}`;
}

/** « 1. Synthèse et chiffres clés ». */
export function numberedTitle(index: number, title: string): string {
  return `${index + 1}. ${title}`;
}
