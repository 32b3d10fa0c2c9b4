/**
 * Cache policy and query hooks of the indicators: their targets, measures and evidence, and the tableau de suivi of
 * a contract year that the missions overview and the mission pages read. Any write of an indicator may change the
 * figures of its mission and of its contract year: the lists, the detail, the results and the evidence checklists
 * are read again; a write that answers with the indicator's fresh row stores nothing more (its detail holds more).
 */
import type { Channel } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import { createWriteHook, defineCachePolicy, useApiQuery } from '../../api';

/** What any write of an indicator, a target, a measure or a piece of evidence may change. */
const INDICATOR_READS = [
  'indicators.list',
  'indicators.get',
  'indicators.results',
  'indicators.evidence',
  'indicators.missingEvidence',
  'indicators.carryOverCandidates',
] as const satisfies readonly Channel[];

const indicatorWrite = { stale: INDICATOR_READS };
/** A fiche action lists its indicators: creating, editing, archiving or deleting one changes that list. */
const indicatorDefinitionWrite = { stale: [...INDICATOR_READS, 'fiches.get', 'fiches.list'] as const };

export const indicatorsPolicy = defineCachePolicy({
  'indicators.create': indicatorDefinitionWrite,
  'indicators.update': indicatorDefinitionWrite,
  'indicators.archive': indicatorDefinitionWrite,
  'indicators.delete': indicatorDefinitionWrite,
  'indicators.reorder': indicatorDefinitionWrite,
  'indicators.saveTarget': indicatorWrite,
  'indicators.deleteTarget': indicatorWrite,
  'indicators.saveMeasure': indicatorWrite,
  'indicators.deleteMeasure': indicatorWrite,
  'indicators.freezeMeasure': indicatorWrite,
  'indicators.saveRequirement': indicatorWrite,
  'indicators.deleteRequirement': indicatorWrite,
  // Answers « cancelled » when the coordinator closed the file dialog: nothing changed then, but reading again is cheap.
  'indicators.attachEvidenceFile': indicatorWrite,
  'indicators.linkEvidence': indicatorWrite,
  'indicators.updateEvidence': indicatorWrite,
  'indicators.deleteEvidence': indicatorWrite,
  // The annex import: opening, checking and closing the file write nothing; applying creates indicators and targets.
  'annex.open': {},
  'annex.preview': {},
  'annex.apply': indicatorDefinitionWrite,
  'annex.close': {},
  // Exports: nothing to refresh.
  'reports.exportIndicatorsTracking': {},
  'reports.exportManagementDialogue': {},
  'annex.exportTracking': {},
});

/** Writes of the indicator screens: `useIndicatorsWrite('indicators.saveMeasure', { onSuccess })`. */
export const useIndicatorsWrite = createWriteHook(indicatorsPolicy);

/** The tableau de suivi of a contract year (every mission, indicator, target, measure and result). */
export const useTrackingTable = (contractYearId: number | null) =>
  useApiQuery('indicators.results', [{ contractYearId: contractYearId ?? 0 }], { enabled: contractYearId !== null });
export const useIndicator = (id: number) => useApiQuery('indicators.get', [{ id }]);
export const useAutoMeasures = () =>
  useApiQuery('indicators.autoMeasures', [], { staleTime: Number.POSITIVE_INFINITY });
export const useEvidence = (contractYearId: number) => useApiQuery('indicators.evidence', [{ contractYearId }]);
export const useLiveValue = (indicatorId: number, contractYearId: number, enabled: boolean) =>
  useApiQuery('indicators.liveValue', [{ indicatorId, contractYearId }], { enabled });
/** Last year's targets not fully met, which this contract year may carry over. */
export const useCarryOverCandidates = (contractYearId: number, enabled: boolean) =>
  useApiQuery('indicators.carryOverCandidates', [{ contractYearId }], { enabled });
/** The indicators of a mission, archived ones included. */
export const useMissionIndicators = (contractId: number, missionCode: AciMissionCode) =>
  useApiQuery('indicators.list', [{ contractId, missionCode, includeArchived: true }]);
