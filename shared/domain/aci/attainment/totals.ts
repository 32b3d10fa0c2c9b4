import type { TargetResult, TargetStatus } from './types';
import { formatEurosFromCents } from '@shared/format';

/** A mission's envelopes for one contract year, with the name its warnings use (« Accès aux soins »). */
export interface MissionEnvelope {
  label: string;
  fixedCents: number;
  variableMaxCents: number;
}

/** A mission whose indicators' amounts do not add up to its variable maximum. */
export interface AmountMismatch {
  missionLabel: string;
  indicatorsMaxCents: number;
  variableMaxCents: number;
  /** indicatorsMaxCents − variableMaxCents: negative when the indicators leave part of the envelope unpriced. */
  differenceCents: number;
  message: string;
}

export interface MissionResult {
  label: string;
  fixedCents: number;
  variableMaxCents: number;
  /** Σ of its indicators' max amounts: equals variableMaxCents in a contract that adds up. */
  indicatorsMaxCents: number;
  earnedCents: number;
  /** Σ earned / variable max (taux d’atteinte of the mission), null when the variable max is 0. */
  attainmentRate: number | null;
  /** How many of its targets are in each status. */
  counts: Record<TargetStatus, number>;
  mismatch: AmountMismatch | null;
}

export interface YearResult {
  fixedCents: number;
  variableMaxCents: number;
  indicatorsMaxCents: number;
  earnedCents: number;
  /** Fixed parts + variable earned: what the contract year pays if the results stand. */
  totalCents: number;
  /** Σ earned / Σ variable max, null when no mission has a variable part. */
  attainmentRate: number | null;
  counts: Record<TargetStatus, number>;
  mismatches: AmountMismatch[];
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const rate = (earned: number, max: number): number | null => (max > 0 ? earned / max : null);

function countStatuses(statuses: readonly TargetStatus[]): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = { non_mesure: 0, atteint: 0, partiel: 0, non_atteint: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

/**
 * « Les indicateurs de la mission Accès aux soins totalisent 33 000 € pour une part variable de 35 000 €
 * (écart 2 000 €). », null when they add up.
 */
export function amountMismatch(envelope: MissionEnvelope, indicatorsMaxCents: number): AmountMismatch | null {
  const differenceCents = indicatorsMaxCents - envelope.variableMaxCents;
  if (differenceCents === 0) return null;
  return {
    missionLabel: envelope.label,
    indicatorsMaxCents,
    variableMaxCents: envelope.variableMaxCents,
    differenceCents,
    message: `Les indicateurs de la mission ${envelope.label} totalisent ${formatEurosFromCents(indicatorsMaxCents)} pour une part variable de ${formatEurosFromCents(envelope.variableMaxCents)} (écart ${formatEurosFromCents(Math.abs(differenceCents))}).`,
  };
}

/**
 * A mission's results for a contract year: Σ earned and Σ max of its indicators' targets, taux d’atteinte =
 * Σ earned / variable max. The earned sum is not capped: when the indicators are priced above the envelope the
 * rate may pass 1, and the mismatch says why.
 */
export function missionResult(
  envelope: MissionEnvelope,
  targetResults: readonly Pick<TargetResult, 'status' | 'earnedCents' | 'maxCents'>[],
): MissionResult {
  const indicatorsMaxCents = sum(targetResults.map((result) => result.maxCents));
  const earnedCents = sum(targetResults.map((result) => result.earnedCents));
  return {
    label: envelope.label,
    fixedCents: envelope.fixedCents,
    variableMaxCents: envelope.variableMaxCents,
    indicatorsMaxCents,
    earnedCents,
    attainmentRate: rate(earnedCents, envelope.variableMaxCents),
    counts: countStatuses(targetResults.map((result) => result.status)),
    mismatch: amountMismatch(envelope, indicatorsMaxCents),
  };
}

/** A contract year's totals over its missions: fixed parts, variable maxima, earned, rate, every mismatch. */
export function yearResult(missions: readonly MissionResult[]): YearResult {
  const fixedCents = sum(missions.map((mission) => mission.fixedCents));
  const variableMaxCents = sum(missions.map((mission) => mission.variableMaxCents));
  const earnedCents = sum(missions.map((mission) => mission.earnedCents));
  const counts = countStatuses([]);
  for (const mission of missions) {
    for (const status of Object.keys(counts) as TargetStatus[]) counts[status] += mission.counts[status];
  }
  return {
    fixedCents,
    variableMaxCents,
    indicatorsMaxCents: sum(missions.map((mission) => mission.indicatorsMaxCents)),
    earnedCents,
    totalCents: fixedCents + earnedCents,
    attainmentRate: rate(earnedCents, variableMaxCents),
    counts,
    mismatches: missions.flatMap((mission) => (mission.mismatch === null ? [] : [mission.mismatch])),
  };
}
