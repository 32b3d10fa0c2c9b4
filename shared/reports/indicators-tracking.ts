/**
 * « Tableau de suivi des indicateurs » of a contract year, as the PDF and the XLSX export show it: one set of
 * columns read from the tableau de suivi (`indicators.results`), with the French text the PDF prints and the typed
 * value (number, euros, percentage, date) the spreadsheet stores. Built by electron/services/tracking-export.ts,
 * rendered by electron/pdf/indicators-tracking.
 */
import type { TrackingIndicator, TrackingMission, TrackingTable } from '@shared/contract/indicators';
import { ACI_MISSIONS } from '@shared/domain/aci/reference';
import {
  amountMismatch,
  formatIndicatorValue,
  orderedTiers,
  type IndicatorValueType,
  tierName,
} from '@shared/domain/aci/attainment';
import { MEASURE_STATUS_LABELS, PAYMENT_RULE_LABELS, TARGET_STATUS_LABELS } from '@shared/domain/indicator-labels';
import { dateLong, formatEurosFromCents, formatShare, NBSP, shortDate } from '@shared/format';

export interface IndicatorsTrackingData {
  generatedAt: string;
  cptsName: string;
  table: TrackingTable;
}

export const INDICATORS_TRACKING_TITLE = 'Tableau de suivi des indicateurs';

/** What a spreadsheet cell holds: a number with its display format, a date, or text. */
export type TrackingCellValue =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number; valueType: IndicatorValueType }
  | { type: 'euros'; cents: number }
  | { type: 'rate'; value: number }
  | { type: 'count'; value: number }
  | { type: 'date'; value: string }
  | { type: 'empty' };

const EMPTY: TrackingCellValue = { type: 'empty' };
const text = (value: string): TrackingCellValue => ({ type: 'text', value });

/**
 * The missions as the annex lists them: each with the indicators that have a target this contract year; a mission
 * with neither an envelope nor such an indicator is left out. `untargeted` counts the indicators left out.
 */
export function annexMissions(table: TrackingTable): { missions: TrackingMission[]; untargeted: number } {
  let untargeted = 0;
  const missions: TrackingMission[] = [];
  for (const mission of table.missions) {
    const indicators = mission.indicators.filter((line) => line.target !== null);
    untargeted += mission.indicators.length - indicators.length;
    if (mission.envelope || indicators.length > 0) missions.push({ ...mission, indicators });
  }
  return { missions, untargeted };
}

/** The mission's name in the accord (« Amélioration de l’accès aux soins »), the table's label otherwise. */
export function missionTitle(mission: Pick<TrackingMission, 'missionCode' | 'label'>): string {
  return ACI_MISSIONS.find((reference) => reference.code === mission.missionCode)?.label ?? mission.label;
}

/** « Les indicateurs de la mission … totalisent 33 000 € pour une part variable de 35 000 € (écart 2 000 €). » */
export function mismatchMessage(mission: TrackingMission): string | null {
  const { fixedCents, variableMaxCents, indicatorsMaxCents } = mission.result;
  return (
    amountMismatch({ label: missionTitle(mission), fixedCents, variableMaxCents }, indicatorsMaxCents)?.message ?? null
  );
}

/** « Année 5 du contrat n° 2022-093-017 ». */
export function contractYearHeading(table: Pick<TrackingTable, 'yearIndex' | 'contractNumber'>): string {
  const contract = table.contractNumber ? ` du contrat n°${NBSP}${table.contractNumber}` : ' du contrat ACI';
  return `Année ${table.yearIndex}${contract}`;
}

/** « du 15 avril 2026 au 14 avril 2027 ». */
export function contractYearPeriod(table: Pick<TrackingTable, 'startOn' | 'endOn'>): string {
  return `du ${dateLong(table.startOn)} au ${dateLong(table.endOn)}`;
}

/** « 2 500 € / 3 500 € ». */
export function earnedOverMax(earnedCents: number, maxCents: number): string {
  return `${formatEurosFromCents(earnedCents)} / ${formatEurosFromCents(maxCents)}`;
}

/** « 71,4 % » of earned over max, « — » without a maximum. */
export function attainmentText(earnedCents: number, maxCents: number): string {
  return formatShare(earnedCents, maxCents);
}

/** The value as the annex writes it (« 69,7 % », « oui », « 30 jours »). */
const valueText = (line: TrackingIndicator, value: number) => formatIndicatorValue(line.indicator.valueType, value);

/** « ≥ » or « ≤ » before a cible, in the indicator's direction. */
const comparator = (line: TrackingIndicator) => (line.indicator.direction === 'baisse' ? '≤' : '≥');

export function indicatorText(line: TrackingIndicator): string {
  const code = line.indicator.code ? `${line.indicator.code} — ` : '';
  const carried = line.target?.carriedOverFromId ? ' (reporté de l’année précédente)' : '';
  return `${code}${line.indicator.label}${carried}`;
}

/** « 66,26 % au 31/12/2024 », « — » without a baseline. */
export function baselineText(line: TrackingIndicator): string {
  const { baselineValue, baselineOn } = line.indicator;
  if (baselineValue === null) return '—';
  return `${valueText(line, baselineValue)}${baselineOn ? ` au ${shortDate(baselineOn)}` : ''}`;
}

/** Each tier « ≥ 69,7 % → 1 000 € », in rank order, with non-breaking spaces: a tier is never cut across lines. */
export function tierTexts(line: TrackingIndicator): string[] {
  if (!line.target) return [];
  return orderedTiers(line.target.tiers).map((tier) =>
    `${comparator(line)} ${valueText(line, tier.threshold)} → ${formatEurosFromCents(tier.amountCents)}`.replace(
      / /g,
      NBSP,
    ),
  );
}

/** The cible: the tiers for paliers, « ≥ 203 » otherwise, with the payment rule when it is not all or nothing. */
export function targetText(line: TrackingIndicator): string {
  const target = line.target;
  if (!target) return 'Pas de cible cette année';
  if (target.paymentRule === 'paliers') return tierTexts(line).join(`${NBSP}; `);
  if (target.targetValue === null) return '—';
  const level =
    line.indicator.valueType === 'oui_non'
      ? valueText(line, target.targetValue)
      : `${comparator(line)}${NBSP}${valueText(line, target.targetValue)}`;
  return target.paymentRule === 'proportionnel' ? `${level} (au prorata)` : level;
}

/** « 71,2 % (validé par la CPAM) », « — » when nothing is measured. */
export function measuredText(line: TrackingIndicator): string {
  if (!line.measure) return '—';
  const status = MEASURE_STATUS_LABELS[line.measure.status];
  return `${valueText(line, line.measure.value)} (${status.charAt(0).toLowerCase()}${status.slice(1)})`;
}

/** The tier reached for paliers, the status otherwise: « Palier 2 (intermédiaire) », « Atteint », « Non mesuré ». */
export function resultText(line: TrackingIndicator): string {
  const result = line.result;
  if (!result) return '—';
  if (line.target?.paymentRule === 'paliers' && result.status !== 'non_mesure') {
    return result.tierReached ? tierName(result.tierReached) : 'Aucun palier';
  }
  return TARGET_STATUS_LABELS[result.status];
}

/** « 2 / 3 » evidence provided over required, « — » when nothing is required. */
export function evidenceText(line: TrackingIndicator): string {
  const { required, provided } = line.evidence;
  return required === 0 ? '—' : `${provided} / ${required}`;
}

/** One column of the tableau de suivi: what the PDF prints, and what the spreadsheet stores. */
export interface TrackingColumn {
  header: string;
  /** Relative width in the PDF. */
  width: number;
  numeric?: boolean;
  text: (line: TrackingIndicator) => string;
}

/** The PDF's columns, in the order of the annex. */
export const TRACKING_COLUMNS: readonly TrackingColumn[] = [
  { header: 'Indicateur', width: 28, text: indicatorText },
  { header: 'Valeur initiale', width: 11, text: baselineText },
  { header: 'Cible', width: 16, text: targetText },
  { header: 'Réalisé', width: 12, text: measuredText },
  { header: 'Palier atteint', width: 11, text: resultText },
  {
    header: '€ obtenus / max',
    width: 14,
    numeric: true,
    text: (line) => (line.result ? earnedOverMax(line.result.earnedCents, line.result.maxCents) : '—'),
  },
  {
    header: 'Taux',
    width: 6,
    numeric: true,
    text: (line) => (line.result ? attainmentText(line.result.earnedCents, line.result.maxCents) : '—'),
  },
  { header: 'Justificatifs', width: 8, numeric: true, text: evidenceText },
];

/** One column of the spreadsheet: its header, its width in characters and the typed value of a line. */
export interface TrackingSheetColumn {
  header: string;
  width: number;
  cell: (line: TrackingIndicator, mission: TrackingMission) => TrackingCellValue;
}

const numberCell = (line: TrackingIndicator, value: number | null | undefined): TrackingCellValue =>
  value === null || value === undefined ? EMPTY : { type: 'number', value, valueType: line.indicator.valueType };

/** The spreadsheet's columns: the PDF's, with each figure in its own cell, as a number. */
export const TRACKING_SHEET_COLUMNS: readonly TrackingSheetColumn[] = [
  { header: 'Mission', width: 24, cell: (_line, mission) => text(missionTitle(mission)) },
  { header: 'Code', width: 10, cell: (line) => (line.indicator.code ? text(line.indicator.code) : EMPTY) },
  { header: 'Indicateur', width: 50, cell: (line) => text(line.indicator.label) },
  { header: 'Valeur initiale', width: 14, cell: (line) => numberCell(line, line.indicator.baselineValue) },
  {
    header: 'Date de la valeur initiale',
    width: 14,
    cell: (line) => (line.indicator.baselineOn ? { type: 'date', value: line.indicator.baselineOn } : EMPTY),
  },
  {
    header: 'Règle de paiement',
    width: 14,
    cell: (line) => (line.target ? text(PAYMENT_RULE_LABELS[line.target.paymentRule]) : EMPTY),
  },
  {
    header: 'Cible',
    width: 12,
    cell: (line) => (line.target?.paymentRule === 'paliers' ? EMPTY : numberCell(line, line.target?.targetValue)),
  },
  {
    header: 'Paliers',
    width: 40,
    cell: (line) => (line.target?.paymentRule === 'paliers' ? text(tierTexts(line).join(`${NBSP}; `)) : EMPTY),
  },
  {
    header: 'Report de N-1',
    width: 10,
    cell: (line) => (line.target ? text(line.target.carriedOverFromId ? 'oui' : 'non') : EMPTY),
  },
  { header: 'Réalisé', width: 12, cell: (line) => numberCell(line, line.measure?.value) },
  {
    header: 'Statut de la mesure',
    width: 18,
    cell: (line) => (line.measure ? text(MEASURE_STATUS_LABELS[line.measure.status]) : EMPTY),
  },
  { header: 'Palier atteint', width: 22, cell: (line) => (line.result ? text(resultText(line)) : EMPTY) },
  {
    header: '€ obtenus',
    width: 13,
    cell: (line) => (line.result ? { type: 'euros', cents: line.result.earnedCents } : EMPTY),
  },
  {
    header: '€ max',
    width: 13,
    cell: (line) => (line.result ? { type: 'euros', cents: line.result.maxCents } : EMPTY),
  },
  {
    header: 'Taux d’atteinte',
    width: 10,
    cell: (line) =>
      line.result?.attainmentRate === null || line.result?.attainmentRate === undefined
        ? EMPTY
        : { type: 'rate', value: line.result.attainmentRate },
  },
  {
    header: 'Justificatifs fournis',
    width: 11,
    cell: (line) => (line.evidence.required > 0 ? { type: 'count', value: line.evidence.provided } : EMPTY),
  },
  {
    header: 'Justificatifs attendus',
    width: 11,
    cell: (line) => (line.evidence.required > 0 ? { type: 'count', value: line.evidence.required } : EMPTY),
  },
];
