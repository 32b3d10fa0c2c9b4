/**
 * Each PDF report as an export ready to render: its data read from the database and the file name offered when
 * saving it. The IPC layer only asks where to save and hands the job to the PDF process.
 */
import type { Kysely } from 'kysely';
import type { ReportExport } from '@shared/reports/job';
import type { DB } from '../db/schema';
import { agFileName, attendanceSheetData, convocationData, pvData } from './ag/reports';
import { assertYearStarted, meetingMinutesData, rcpYearData } from './meeting-reports';
import { contractOverview } from './contract';
import { getFiche, listFiches, listPartnerships, partnershipLabel } from './fiches';
import { compositionData, identitySheetData, membersListData, suggestedFileName } from './reports';
import { getCptsProfile } from './cpts';
import { getIndicator } from './indicators';
import { indicatorHistoryRows } from '@shared/charts';
import { type FicheIndicatorHistory, ficheActionTitle } from '@shared/reports/fiche-action';
import {
  groupByMission,
  HEALTH_PROJECT_SUMMARY_TITLE,
  type HealthProjectSummaryData,
} from '@shared/reports/health-project-summary';

/** The clock of an export: the instant printed on the document and the local date used in its name. */
export interface ExportClock {
  now: Date;
  today: string;
}

export async function identitySheetExport(db: Kysely<DB>, { now, today }: ExportClock): Promise<ReportExport> {
  const data = await identitySheetData(db, now, today);
  return { fileName: suggestedFileName('Fiche d’identité', data.cpts.name, today), job: { kind: 'identity', data } };
}

export async function membersListExport(
  db: Kysely<DB>,
  options: Parameters<typeof membersListData>[1],
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await membersListData(db, options, now, today);
  const title = options.audience === 'bureau' ? 'Liste des adhérents' : 'Annuaire des adhérents';
  return { fileName: suggestedFileName(title, data.cptsName, today), job: { kind: 'membersList', data } };
}

export async function compositionExport(
  db: Kysely<DB>,
  year: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await compositionData(db, year, now, today);
  return {
    fileName: suggestedFileName(`Composition ${year}`, data.cptsName, today),
    job: { kind: 'composition', data },
  };
}

export async function meetingMinutesExport(
  db: Kysely<DB>,
  meetingId: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await meetingMinutesData(db, meetingId, now, today);
  const title = data.rcp ? 'Compte rendu de RCP' : 'Compte rendu';
  const fileName = `${title} - ${data.meeting.title.replace(/[\\/:*?"<>|]/g, '-')} - ${data.meeting.date}.pdf`;
  return { fileName, job: { kind: 'meetingMinutes', data } };
}

export async function rcpYearExport(db: Kysely<DB>, year: number, { now, today }: ExportClock): Promise<ReportExport> {
  assertYearStarted(year, today);
  const data = await rcpYearData(db, year, now, today);
  return { fileName: suggestedFileName(`Bilan des RCP ${year}`, data.cptsName, today), job: { kind: 'rcpYear', data } };
}

export async function convocationExport(
  db: Kysely<DB>,
  meetingId: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await convocationData(db, meetingId, now, today);
  return { fileName: agFileName('Convocation', data.meeting), job: { kind: 'convocation', data } };
}

export async function attendanceSheetExport(
  db: Kysely<DB>,
  meetingId: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await attendanceSheetData(db, meetingId, now, today);
  return { fileName: agFileName('Feuille d’émargement', data.meeting), job: { kind: 'attendanceSheet', data } };
}

export async function pvExport(db: Kysely<DB>, meetingId: number, { now, today }: ExportClock): Promise<ReportExport> {
  const data = await pvData(db, meetingId, now, today);
  const title = data.draft ? 'Procès-verbal (brouillon)' : 'Procès-verbal';
  return { fileName: agFileName(title, data.meeting), job: { kind: 'pv', data } };
}

/** The « Fiche action » PDF of one fiche, with the file name offered when saving it. */
export async function ficheActionExport(
  db: Kysely<DB>,
  ficheId: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const fiche = await getFiche(db, ficheId, today);
  const cptsName = (await getCptsProfile(db, today)).identity.name || 'CPTS';
  const indicatorHistories = await Promise.all(fiche.indicators.map(({ id }) => indicatorHistory(db, id)));
  const data = { generatedAt: now.toISOString(), cptsName, fiche, indicatorHistories };
  return {
    fileName: suggestedFileName(ficheActionTitle(fiche).replace(/[\\/:*?"<>|]/g, '-'), cptsName, today),
    job: { kind: 'ficheAction', data },
  };
}

/** An indicator with its cible and réalisé over every year of its contract, for its history chart. */
async function indicatorHistory(db: Kysely<DB>, indicatorId: number): Promise<FicheIndicatorHistory> {
  const {
    history,
    targets: _targets,
    measures: _measures,
    requirements: _requirements,
    ...indicator
  } = await getIndicator(db, indicatorId);
  const years = await db
    .selectFrom('aci_contract_year')
    .select(['id', 'year_index as index'])
    .where('contract_id', '=', indicator.contractId)
    .orderBy('year_index')
    .execute();
  return { indicator, rows: indicatorHistoryRows({ history }, years) };
}

/** The data of the « Synthèse du projet de santé »: every fiche by mission, the contract and the partnerships. */
export async function healthProjectSummaryData(
  db: Kysely<DB>,
  now: Date,
  today: string,
): Promise<HealthProjectSummaryData> {
  const [fiches, overview, partnerships, profile] = await Promise.all([
    listFiches(db, {}, today),
    contractOverview(db, today),
    listPartnerships(db, today),
    getCptsProfile(db, today),
  ]);
  const { missions, withoutMission } = groupByMission(fiches, overview.contract?.missions ?? []);
  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    contract: overview.contract
      ? {
          number: overview.contract.number,
          currentYearLabel: overview.currentYear?.label ?? null,
          currentYearPeriod: overview.currentYear?.periodLabel ?? null,
        }
      : null,
    missions,
    withoutMission,
    partnerships: partnerships.map((partnership) => ({
      label: partnershipLabel(partnership),
      fichesCount: partnership.fiches.length,
    })),
  };
}

/** The « Synthèse du projet de santé » PDF, with the file name offered when saving it. */
export async function healthProjectSummaryExport(db: Kysely<DB>, { now, today }: ExportClock): Promise<ReportExport> {
  const data = await healthProjectSummaryData(db, now, today);
  return {
    fileName: suggestedFileName(HEALTH_PROJECT_SUMMARY_TITLE, data.cptsName, today),
    job: { kind: 'healthProjectSummary', data },
  };
}
