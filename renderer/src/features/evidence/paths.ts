import type { EvidenceChecklistRow } from '@shared/contract';

/** The page where a requirement's evidence is attached: its indicator's, or its fiche action's. */
export const evidenceOwnerPath = (row: EvidenceChecklistRow): string =>
  row.owner === 'indicator'
    ? `/projet-de-sante/indicateurs/${row.indicatorId}`
    : `/projet-de-sante/fiches/${row.ficheId}`;
