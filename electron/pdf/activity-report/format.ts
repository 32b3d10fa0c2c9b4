import { formatDecimal, formatEurosFromCents, formatInteger, NBSP, nonBreaking, shortDate } from '@shared/format';
import type { KeyFigure, StaffLine } from '@shared/reports/activity-report';
import { formatChange } from '../components/change';

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
