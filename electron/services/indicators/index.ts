/**
 * Indicators of the ACI contract: the indicators (`indicators`), their target per contract year with tiers and
 * carry-over (`targets`), measures (`measures`), the values Maillage measures itself (`auto-measures`), evidence (`evidence`) and
 * the missing-evidence checklist (`evidence-checklist`), and the tableau de suivi of a contract year (`results`).
 */
export { AUTO_MEASURES, autoMeasureLabel, computeAutoMeasure, freezeMeasure, liveValue } from './auto-measures';
export {
  attachEvidenceFile,
  deleteEvidence,
  deleteRequirement,
  linkEvidence,
  saveRequirement,
  updateEvidence,
} from './evidence';
export { evidenceChecklist, missingEvidence } from './evidence-checklist';
export {
  archiveIndicator,
  createIndicator,
  deleteIndicator,
  getIndicator,
  listIndicators,
  reorderIndicators,
  updateIndicator,
} from './indicators';
export { deleteMeasure, saveMeasure } from './measures';
export { carryOverCandidatesFor, trackingTable } from './results';
export { deleteTarget, saveTarget } from './targets';
