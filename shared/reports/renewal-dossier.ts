/**
 * « Dossier de renouvellement » of an ACI contract: five years read from the database by
 * electron/services/renewal/data.ts (series per contract year, what each mission achieved, the territory then and
 * now, the tableau de suivi of every year), the proposed indicator annex and the deliberation, with the texts the
 * coordinator wrote (`report_draft` of kind « renouvellement »). Sections left out are absent from `sections`.
 * A figure that does not exist (a year not begun, nothing measured) is null and prints « — »: nothing is invented.
 * Rendered by electron/pdf/renewal-dossier/.
 */
import type { RenewalProposal } from '@shared/contract/renewal';
import type { ReportImage } from './activity-report';

export const RENEWAL_DOSSIER_TITLE = 'Dossier de renouvellement';

/** One contract year, a column of every series. */
export interface RenewalYear {
  contractYearId: number;
  yearIndex: number;
  startOn: string;
  endOn: string;
  /** The year has not begun on the day of the export: its figures are all null. */
  future: boolean;
  /** The year is under way: its figures run to the day of the export. */
  ongoing: boolean;
}

/** A series over the contract years: one value per entry of `RenewalDossierData.years`. */
export interface RenewalSeries {
  label: string;
  unit: 'count' | 'euros_cents';
  values: (number | null)[];
}

/** A group of series printed as one table (« Adhérents et réunions », « Contrat et versements »). */
export interface RenewalSeriesGroup {
  title: string;
  series: RenewalSeries[];
}

export interface RenewalIndicatorYear {
  /** « ≥ 203 (au prorata) », null when the indicator has no target that year. */
  target: string | null;
  /** « 253 (validé par la CPAM) », null when nothing is measured. */
  measured: string | null;
  /** « Palier 2 (intermédiaire) », « Atteint », « Non mesuré ». */
  result: string | null;
  /** For the chart: the cible and the réalisé as numbers (null when there is none). */
  targetValue: number | null;
  measuredValue: number | null;
  earnedCents: number | null;
  maxCents: number | null;
}

export interface RenewalIndicator {
  id: number;
  /** « ACC-1 — Patients en ALD sans médecin traitant ». */
  label: string;
  valueType: 'oui_non' | 'nombre' | 'taux' | 'delai';
  direction: 'hausse' | 'baisse' | 'atteindre';
  baseline: number | null;
  /** One entry per contract year. */
  years: RenewalIndicatorYear[];
  /** Σ earned and Σ max over the contract. */
  earnedCents: number;
  maxCents: number;
  /** Years where the target was met in full (status « atteint »). */
  yearsReached: number;
  yearsTargeted: number;
}

export interface RenewalMissionIndicators {
  missionCode: string;
  title: string;
  indicators: RenewalIndicator[];
}

export interface RenewalFiche {
  code: string | null;
  title: string;
  statusLabel: string;
  cptsRoleLabel: string;
  lastDone: { label: string; doneOn: string } | null;
}

/** What a mission achieved over the contract. */
export interface RenewalMissionBilan {
  missionCode: string;
  title: string;
  /** Dates the mission started and was deployed, as the contract records them. */
  startedOn: string | null;
  deployedOn: string | null;
  /** Fiches réalisées or déployées, with their last milestone done. */
  fichesDone: RenewalFiche[];
  /** Count of the mission's fiches by status label (« En cours » : 3). */
  fichesByStatus: { statusLabel: string; count: number }[];
  indicatorsTotal: number;
  /** Indicators met in full in their last year with a measure. */
  indicatorsReached: number;
  earnedCents: number;
  maxCents: number;
}

export interface RenewalTerritory {
  signedOn: string;
  /** Communes of the territory at the signature (added on or before it) and today. */
  communesThen: { code: string; name: string }[];
  communesNow: { code: string; name: string; population: number | null }[];
  /** Communes added after the signature. */
  added: { code: string; name: string }[];
  /** Population of today's communes (reference year given). */
  populationNow: number;
  populationYear: number | null;
  /** Taille and population per contract year, as entered on the contract (null when not entered). */
  byYear: { taille: number | null; population: number | null; populationYear: number | null }[];
}

export interface RenewalDeliberation {
  meetingTypeLabel: string;
  date: string;
  meetingTitle: string;
  kind: 'resolution' | 'decision' | null;
  /** Resolution: « Renouvellement du contrat ACI » ; decision: null. */
  title: string | null;
  text: string | null;
  /** AG resolution only, when the vote is recorded. */
  vote: { pour: number; contre: number; abstention: number; adopted: boolean | null } | null;
}

export interface RenewalTotals {
  earnedCents: number;
  maxCents: number;
  receivedCents: number;
}

export type RenewalDossierSection =
  | { key: 'bilan'; title: string; body: string | null; totals: RenewalTotals; highlights: RenewalSeries[] }
  | { key: 'territoire'; title: string; body: string | null; territory: RenewalTerritory }
  | { key: 'chiffres'; title: string; body: string | null; groups: RenewalSeriesGroup[] }
  | { key: 'missions'; title: string; body: string | null; missions: RenewalMissionBilan[] }
  | { key: 'indicateurs'; title: string; body: string | null; missions: RenewalMissionIndicators[] }
  | { key: 'annexe_proposee'; title: string; body: string | null; proposals: RenewalProposal[] }
  | { key: 'deliberation'; title: string; body: string | null; deliberation: RenewalDeliberation | null };

export interface RenewalDossierData {
  generatedAt: string;
  cptsName: string;
  logo: ReportImage | null;
  contract: { id: number; number: string | null; signedOn: string; endOn: string | null };
  /** Up to five contract years, in order: the columns of every series. */
  years: RenewalYear[];
  introduction: string | null;
  sections: RenewalDossierSection[];
}

/** « Année 2 », the header of a year column. */
export function yearColumnLabel(year: Pick<RenewalYear, 'yearIndex'>): string {
  return `Année ${year.yearIndex}`;
}

/** « 2022-2023 », the period of a contract year in a chart's x axis. */
export function yearSpanLabel(year: Pick<RenewalYear, 'startOn' | 'endOn'>): string {
  return `${year.startOn.slice(0, 4)}-${year.endOn.slice(0, 4)}`;
}
