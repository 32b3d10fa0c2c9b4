/** Plain data of the « Fiche action » PDF: the fiche as the fiches service reads it. Rendered by electron/pdf. */
import type { FicheDetail } from '@shared/contract/fiches';

export interface FicheActionData {
  generatedAt: string;
  cptsName: string;
  fiche: FicheDetail;
}

/** « Fiche action FA-3 — Parcours diabète », or without its code. */
export function ficheActionTitle(fiche: Pick<FicheDetail, 'code' | 'title'>): string {
  return `Fiche action ${fiche.code ? `${fiche.code} — ` : ''}${fiche.title}`;
}
