/**
 * The contract side of the rapport d’activité: which contract year its mission sections show, the payments received
 * during the calendar year, the envelopes against the fiches’ budgets, and the targets already set for the next
 * contract year. Everything is read through the contract and indicators services.
 */
import type { Kysely } from 'kysely';
import type { ContractDetail, ContractYearRow, TrackingTable } from '@shared/contract';
import { ACI_MISSION_CODES, type AciMissionCode } from '@shared/domain/aci';
import { PAYMENT_KINDS } from '@shared/domain/contract-labels';
import { shortDate } from '@shared/format';
import type { FinancesData, NextYearTarget } from '@shared/reports/activity-report';
import { indicatorText, targetText } from '@shared/reports/indicators-tracking';
import type { DB } from '../../db/schema';
import { getContract, listContracts } from '../contract';
import { missionShortLabel } from '../contract/payment-lines';

/** A contract year with the contract it belongs to. */
export interface DatedContractYear {
  contract: ContractDetail;
  year: ContractYearRow;
}

/** Every contract with its years, the years in date order. */
export async function allContractYears(db: Kysely<DB>, today: string): Promise<DatedContractYear[]> {
  const contracts = await listContracts(db);
  const details = await Promise.all(contracts.map((contract) => getContract(db, contract.id, today)));
  return details
    .flatMap((contract) => contract.years.map((year) => ({ contract, year })))
    .sort((a, b) => a.year.startOn.localeCompare(b.year.startOn));
}

/** « 15/04/2025 – 14/04/2026 ». */
export const periodOf = (year: Pick<ContractYearRow, 'startOn' | 'endOn'>): string =>
  `${shortDate(year.startOn)} – ${shortDate(year.endOn)}`;

/** « Année 3 (15/04/2025 – 14/04/2026) ». */
export const contractYearLabel = (year: Pick<ContractYearRow, 'label' | 'startOn' | 'endOn'>): string =>
  `${year.label} (${periodOf(year)})`;

/**
 * The contract year a report of calendar year `year` shows. In this order:
 * 1. the one the coordinator chose in the draft (any year of any contract);
 * 2. else the contract year that ended during the calendar year (its results are known at the AG that approves the
 *    report): the latest to end when two contracts overlap;
 * 3. else the one in progress on 31 December (a first contract year not yet ended);
 * null without any contract year overlapping the calendar year.
 */
export function reportContractYear(
  years: readonly DatedContractYear[],
  calendarYear: number,
  chosenId: number | null,
): DatedContractYear | null {
  if (chosenId !== null) {
    const chosen = years.find((entry) => entry.year.id === chosenId);
    if (chosen) return chosen;
  }
  const start = `${calendarYear}-01-01`;
  const end = `${calendarYear}-12-31`;
  const ended = years.filter((entry) => entry.year.endOn >= start && entry.year.endOn <= end);
  if (ended.length > 0) return ended.reduce((latest, entry) => (entry.year.endOn > latest.year.endOn ? entry : latest));
  return years.find((entry) => entry.year.startOn <= end && entry.year.endOn >= end) ?? null;
}

/** The contract years overlapping the calendar year, in date order. */
export function overlappingYears(years: readonly DatedContractYear[], calendarYear: number): DatedContractYear[] {
  const start = `${calendarYear}-01-01`;
  const end = `${calendarYear}-12-31`;
  return years.filter((entry) => entry.year.startOn <= end && entry.year.endOn >= start);
}

/** The contract year just before or after `of` (across a renewal), or null. */
export function neighbourYear(
  years: readonly DatedContractYear[],
  of: DatedContractYear,
  step: -1 | 1,
): DatedContractYear | null {
  const at = years.findIndex((entry) => entry.year.id === of.year.id);
  return years[at + step] ?? null;
}

const missionRank = (code: AciMissionCode | null) =>
  code === null ? ACI_MISSION_CODES.length : ACI_MISSION_CODES.indexOf(code);

/** ACI payments received during the calendar year (whatever contract year they belong to), by kind and mission. */
export function paymentsReceived(
  years: readonly DatedContractYear[],
  calendarYear: number,
): Pick<FinancesData, 'received' | 'receivedTotalCents'> {
  const prefix = String(calendarYear);
  const groups = new Map<string, FinancesData['received'][number] & { kindRank: number; missionRank: number }>();
  for (const { year } of years) {
    for (const payment of year.payments) {
      if (!payment.receivedOn?.startsWith(prefix) || payment.receivedCents === null) continue;
      const key = `${payment.kind}|${payment.missionCode ?? ''}`;
      const group = groups.get(key) ?? {
        kindLabel: payment.kindLabel,
        missionLabel: payment.missionLabel,
        cents: 0,
        kindRank: PAYMENT_KINDS.indexOf(payment.kind),
        missionRank: missionRank(payment.missionCode),
      };
      group.cents += payment.receivedCents;
      groups.set(key, group);
    }
  }
  const received = [...groups.values()]
    .sort((a, b) => a.kindRank - b.kindRank || a.missionRank - b.missionRank)
    .map(({ kindLabel, missionLabel, cents }) => ({ kindLabel, missionLabel, cents }));
  return { received, receivedTotalCents: received.reduce((sum, line) => sum + line.cents, 0) };
}

/** Budget of the fiches for the calendar year, per fiche, in cents. */
export interface FicheBudget {
  missionCode: AciMissionCode | null;
  plannedCents: number;
  spentCents: number;
}

/** Label of the fiches filed under no mission. */
export const WITHOUT_MISSION = 'Sans mission';

/**
 * Per mission: the envelope of the report’s contract year (fixed part + variable maximum) next to the budget its
 * fiches planned and spent in the calendar year. Missions of the contract first, in ACI order; a mission with
 * neither envelope nor budget is left out.
 */
export function budgetByMission(
  chosen: DatedContractYear | null,
  budgets: readonly FicheBudget[],
): FinancesData['byMission'] {
  const rows = new Map<
    AciMissionCode | null,
    { envelopeCents: number | null; plannedCents: number; spentCents: number }
  >();
  for (const envelope of chosen?.year.envelopes ?? []) {
    rows.set(envelope.missionCode, {
      envelopeCents: envelope.fixedCents + envelope.variableMaxCents,
      plannedCents: 0,
      spentCents: 0,
    });
  }
  for (const budget of budgets) {
    const row = rows.get(budget.missionCode) ?? { envelopeCents: null, plannedCents: 0, spentCents: 0 };
    row.plannedCents += budget.plannedCents;
    row.spentCents += budget.spentCents;
    rows.set(budget.missionCode, row);
  }
  return [...rows.entries()]
    .filter(([, row]) => row.envelopeCents !== null || row.plannedCents > 0 || row.spentCents > 0)
    .sort(([a], [b]) => missionRank(a) - missionRank(b))
    .map(([code, row]) => ({ missionLabel: missionShortLabel(code) ?? WITHOUT_MISSION, ...row }));
}

/** The targets already entered for the next contract year, mission by mission (perspectives). */
export function nextYearTargets(next: TrackingTable | null): NextYearTarget[] {
  if (!next) return [];
  return next.missions.flatMap((mission) =>
    mission.indicators
      .filter((line) => line.target !== null)
      .map((line) => ({ missionLabel: mission.shortLabel, indicator: indicatorText(line), target: targetText(line) })),
  );
}
