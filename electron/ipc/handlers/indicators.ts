import {
  archiveIndicator,
  attachEvidenceFile,
  AUTO_MEASURES,
  carryOverCandidatesFor,
  createIndicator,
  deleteEvidence,
  deleteIndicator,
  deleteMeasure,
  deleteRequirement,
  deleteTarget,
  evidenceChecklist,
  freezeMeasure,
  getIndicator,
  linkEvidence,
  listIndicators,
  liveValue,
  missingEvidence,
  reorderIndicators,
  saveMeasure,
  saveRequirement,
  saveTarget,
  trackingTable,
  updateEvidence,
  updateIndicator,
} from '../../services/indicators';
import type { indicatorsChannels } from '@shared/contract';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** Indicators of the ACI contract: targets, measures, evidence, live values and the tableau de suivi. */
export function indicatorsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof indicatorsChannels> {
  const today = todayIn(ctx);
  return {
    'indicators.list': async ({ contractId, ...options }) => listIndicators(ctx.db, contractId, options),
    'indicators.get': async ({ id }) => getIndicator(ctx.db, id),
    'indicators.create': async (data) => createIndicator(ctx.db, data),
    'indicators.update': async ({ id, data }) => updateIndicator(ctx.db, id, data),
    'indicators.archive': async ({ id, archived }) => archiveIndicator(ctx.db, id, archived, ctx.now().toISOString()),
    'indicators.delete': async ({ id }) => deleteIndicator(ctx.db, id, ctx.documentsDir),
    'indicators.reorder': async ({ contractId, missionCode, ids }) =>
      reorderIndicators(ctx.db, contractId, missionCode, ids),
    'indicators.saveTarget': async (data) => saveTarget(ctx.db, data),
    'indicators.carryOverCandidates': async ({ contractYearId }) => carryOverCandidatesFor(ctx.db, contractYearId),
    'indicators.deleteTarget': async ({ id }) => deleteTarget(ctx.db, id),
    'indicators.saveMeasure': async (data) => saveMeasure(ctx.db, data),
    'indicators.deleteMeasure': async ({ id }) => deleteMeasure(ctx.db, id),
    'indicators.results': async ({ contractYearId }) => trackingTable(ctx.db, contractYearId),
    'indicators.autoMeasures': async () => [...AUTO_MEASURES],
    'indicators.liveValue': async ({ indicatorId, contractYearId }) =>
      liveValue(ctx.db, indicatorId, contractYearId, today()),
    'indicators.freezeMeasure': async ({ indicatorId, contractYearId }) =>
      freezeMeasure(ctx.db, indicatorId, contractYearId, today()),
    'indicators.saveRequirement': async (data) => saveRequirement(ctx.db, data),
    'indicators.deleteRequirement': async ({ id }) => deleteRequirement(ctx.db, id, ctx.documentsDir),
    'indicators.evidence': async ({ contractYearId }) => evidenceChecklist(ctx.db, contractYearId),
    'indicators.missingEvidence': async ({ contractYearId }) => missingEvidence(ctx.db, contractYearId),
    'indicators.attachEvidenceFile': async (input) =>
      attachEvidenceFile(ctx.db, input, ctx.documentsDir, today(), () => ctx.chooseOpenPath('document')),
    'indicators.linkEvidence': async (input) => linkEvidence(ctx.db, input, today()),
    'indicators.updateEvidence': async (input) => updateEvidence(ctx.db, input, today()),
    'indicators.deleteEvidence': async ({ id }) => deleteEvidence(ctx.db, id, ctx.documentsDir),
  };
}
