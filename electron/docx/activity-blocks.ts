/** Building blocks shared by the sections and annexes of the Word rapport d’activité: numbered headings, texts, figures. */
import type { Paragraph, Table, TableOfContents } from 'docx';
import type { TrackingMission } from '@shared/contract/indicators';
import { formatChange, formatDecimal, formatEurosFromCents, NBSP, shortDate } from '@shared/format';
import type { KeyFigure, SectionTexts } from '@shared/reports/activity-report';
import { attainmentText, earnedOverMax, TRACKING_COLUMNS } from '@shared/reports/indicators-tracking';
import { freeText, gap, heading, para, photo, table } from './kit';

export type Block = Paragraph | Table | TableOfContents;

export const DASH = '—';
export const orDash = (value: string | null | undefined): string => (value ? value : DASH);
export const dateOrDash = (value: string | null | undefined): string => (value ? shortDate(value) : DASH);

/** Headings as the PDF prints them: sections numbered (« 3. Vie associative »), their subsections not. */
export class Outline {
  private section = 0;
  h1(title: string): Paragraph {
    this.section += 1;
    return heading(`${this.section}. ${title}`, 1);
  }
  h2(title: string): Paragraph {
    return heading(title, 2);
  }
}

// ——— Figures ———

const MINUS = '\u2212';

function signed(change: number, format: (value: number) => string): string {
  if (change === 0) return '=';
  return change > 0 ? `+${format(change)}` : `${MINUS}${format(-change)}`;
}

export function keyFigureChange(figure: KeyFigure): string {
  if (figure.previous === null) return DASH;
  const change = figure.value - figure.previous;
  if (figure.unit === 'euros_cents') return signed(change, formatEurosFromCents);
  if (figure.unit === 'percent') return signed(change, (value) => `${formatDecimal(value)}${NBSP}pt`);
  return formatChange(figure.value, figure.previous);
}

// ——— Texts of a section ———

export function textsBlocks(texts: SectionTexts, mission: boolean): Block[] {
  return [
    ...freeText(texts.body),
    ...(mission && texts.difficulties ? [heading('Difficultés rencontrées', 3), ...freeText(texts.difficulties)] : []),
    ...(mission && texts.nextSteps ? [heading('Prochaines étapes', 3), ...freeText(texts.nextSteps)] : []),
  ];
}

export function photosBlocks(texts: SectionTexts): Block[] {
  return texts.photos.flatMap((entry) => photo(entry.image, entry.caption));
}

/** « Part fixe 90 000 € · part variable maximale 35 000 € ». */
export function envelopeText(mission: TrackingMission): string {
  if (!mission.envelope) return 'Enveloppe de la mission non renseignée pour cette année.';
  return `Part fixe ${formatEurosFromCents(mission.envelope.fixedCents)} · part variable maximale ${formatEurosFromCents(mission.envelope.variableMaxCents)}`;
}

/**
 * Widths of the tableau de suivi's columns on a portrait page (the PDF prints it landscape): the figures' columns
 * keep « 100,0 % », « 31/12/2024 » and their headers whole, the indicator's wording takes what is left.
 */
const PORTRAIT_TRACKING_WIDTHS: Readonly<Record<string, number>> = {
  Indicateur: 19,
  'Valeur initiale': 12,
  Cible: 11,
  Réalisé: 12,
  'Palier atteint': 10,
  '€ obtenus / max': 13,
  Taux: 9,
  Justificatifs: 14,
};

/** The indicators of a mission as the tableau de suivi prints them, with the mission's subtotal. */
export function trackingTable(mission: TrackingMission): Block[] {
  if (mission.indicators.length === 0) return [para('Aucun indicateur pour cette mission.', { muted: true })];
  const { earnedCents, variableMaxCents } = mission.result;
  return [
    table(
      TRACKING_COLUMNS.map((column) => ({
        header: column.header,
        width: PORTRAIT_TRACKING_WIDTHS[column.header] ?? column.width,
        ...(column.numeric ? { numeric: true } : {}),
      })),
      mission.indicators.map((line) => TRACKING_COLUMNS.map((column) => column.text(line))),
      TRACKING_COLUMNS.map((column, index) => {
        if (index === 0) return 'Sous-total de la mission';
        if (column.header === '€ obtenus / max') return earnedOverMax(earnedCents, variableMaxCents);
        if (column.header === 'Taux') return attainmentText(earnedCents, variableMaxCents);
        return '';
      }),
    ),
    gap(),
  ];
}
