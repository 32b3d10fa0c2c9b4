/** Plain data of the « Fiche action » PDF: the fiche as the fiches service reads it. Rendered by electron/pdf. */
import type { IndicatorHistoryRow } from '@shared/charts';
import type { FicheDetail } from '@shared/contract/fiches';
import type { IndicatorRow } from '@shared/contract/indicators';

/** An indicator of the fiche with its cible and réalisé for every year of its contract. */
export interface FicheIndicatorHistory {
  indicator: IndicatorRow;
  rows: IndicatorHistoryRow[];
}

export interface FicheActionData {
  generatedAt: string;
  cptsName: string;
  fiche: FicheDetail;
  /** The fiche's indicators, in the fiche's order, for their history charts. */
  indicatorHistories: FicheIndicatorHistory[];
}

/** « Fiche action FA-3 — Parcours diabète », or without its code. */
export function ficheActionTitle(fiche: Pick<FicheDetail, 'code' | 'title'>): string {
  return `Fiche action ${fiche.code ? `${fiche.code} — ` : ''}${fiche.title}`;
}
