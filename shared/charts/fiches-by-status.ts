/**
 * The fiches actions of each mission by status, as stacked columns (one colour per status, the total above each
 * column). The « Synthèse du projet de santé » draws it.
 */
import { FICHE_STATUSES, type FicheStatus } from '@shared/domain/fiche-labels';
import { columnChart } from './columns';
import { SERIES_COLORS } from './palette';
import type { ChartGeometry, MeasureText } from './types';

/** A colour that says the status: grey not started, blue under way, teal deployed, orange suspended… */
const STATUS_COLORS: Record<FicheStatus, string> = {
  non_debutee: SERIES_COLORS[7],
  en_cours: SERIES_COLORS[2],
  deployee: SERIES_COLORS[0],
  suspendue: SERIES_COLORS[1],
  abandonnee: SERIES_COLORS[5],
  realisee: SERIES_COLORS[4],
};

export const FICHES_BY_MISSION_TITLE = 'Fiches actions par mission et par état';

export interface FichesGroup {
  /** The column's name, short enough to sit under it (« Accès aux soins », « Sans mission »). */
  label: string;
  fiches: readonly { status: FicheStatus }[];
}

/** One column per group, stacked by status; only the statuses some fiche has are drawn and named in the legend. */
export function fichesByMissionChart(input: {
  groups: readonly FichesGroup[];
  width: number;
  height: number;
  measureText?: MeasureText;
  fontSize?: number;
}): ChartGeometry {
  const statuses = FICHE_STATUSES.filter((status) =>
    input.groups.some((group) => group.fiches.some((fiche) => fiche.status === status.code)),
  );
  return columnChart({
    title: FICHES_BY_MISSION_TITLE,
    width: input.width,
    height: input.height,
    ...(input.measureText ? { measureText: input.measureText } : {}),
    ...(input.fontSize ? { fontSize: input.fontSize } : {}),
    format: 'integer',
    mode: 'stacked',
    categoryHeader: 'Mission',
    categories: input.groups.map((group) => group.label),
    series: statuses.map((status) => ({
      label: status.label,
      color: STATUS_COLORS[status.code],
      values: input.groups.map((group) => group.fiches.filter((fiche) => fiche.status === status.code).length),
    })),
  });
}
