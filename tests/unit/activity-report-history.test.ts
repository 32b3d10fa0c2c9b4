/**
 * The rapport d’activité of a generated five-year taille-3 CPTS (bench/generate-history.ts): its key figures and
 * its members-by-profession chart against queries written here, and the time the data takes to gather.
 */
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersByProfessionChart } from '@shared/charts';
import { ACTIVITY_SECTIONS } from '@shared/domain/report-labels';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { ActivityReportData, ActivityReportSection } from '@shared/reports/activity-report';
import { type CptsHistory, generateCptsHistory } from '../../bench/generate-history';
import type { DB } from '../../electron/db/schema';
import { activityReportData, type ActivityReportDraft } from '../../electron/services/activity-report';
import { tempDatabase } from '../helpers/db';

const YEAR = 2024;

const draft: ActivityReportDraft = {
  introduction: null,
  contractYearId: null,
  approvalMeetingId: null,
  includeMembersList: false,
  membersListAudience: 'annuaire',
  includeAttendance: true,
  includeTrackingAnnex: true,
  sections: ACTIVITY_SECTIONS.map((section) => ({
    key: section.key,
    title: section.label,
    missionCode: 'missionCode' in section ? section.missionCode : null,
    included: true,
    body: null,
    difficulties: null,
    nextSteps: null,
  })),
  highlights: [],
  photos: [],
};

let database: Awaited<ReturnType<typeof tempDatabase>>;
let db: Kysely<DB>;
let history: CptsHistory;
let report: ActivityReportData;
let elapsedMs = 0;

beforeAll(async () => {
  database = await tempDatabase();
  db = database.db;
  history = await generateCptsHistory(db, { documentsDir: join(database.dir, 'documents') });
  const clock = { now: new Date(`${history.today}T12:00:00Z`), today: history.today };
  report = await activityReportData(db, { year: YEAR, draft, images: () => null }, clock);
  // Timed once warm, as in the running app (the first call also compiles the code and the statements).
  const started = performance.now();
  await activityReportData(db, { year: YEAR, draft, images: () => null }, clock);
  elapsedMs = performance.now() - started;
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

function sectionOf<K extends 'synthese' | 'vie_associative' | 'rcp' | 'protocoles'>(key: K) {
  const found = report.sections.find((section) => section.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found as Extract<ActivityReportSection, { key: K }>;
}

const figure = (label: string) => {
  const found = sectionOf('synthese').keyFigures.find((entry) => entry.label === label);
  if (!found) throw new Error(`no key figure « ${label} »`);
  return found;
};

const scalar = async (query: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | null }> }) =>
  Number((await query.executeTakeFirstOrThrow()).n ?? 0);

const activeOn = (date: string) =>
  scalar(
    db
      .selectFrom('member')
      .select(sql<number>`count(*)`.as('n'))
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', date)]))
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', date)])),
  );

describe(`rapport d’activité ${YEAR} of the generated five-year CPTS`, () => {
  it('gathers the year in bounded time', () => {
    console.info(`activityReportData ${YEAR} (five-year history): ${Math.round(elapsedMs)} ms`);
    // A guard against a slow regression, a few times what a shared and loaded machine measures (0,3 to 1 s).
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('states the key figures the rows give, with the year before', async () => {
    expect(figure('Adhérents au 31 décembre')).toMatchObject({
      value: await activeOn(`${YEAR}-12-31`),
      previous: await activeOn(`${YEAR - 1}-12-31`),
    });
    const heldIn = (year: number, rcp: boolean) =>
      scalar(
        db
          .selectFrom('meeting')
          .select(sql<number>`count(*)`.as('n'))
          .where('status', '!=', 'annulee')
          .where('date', 'like', `${year}-%`)
          .where('type', rcp ? '=' : '!=', 'rcp'),
      );
    expect(figure('Réunions tenues (hors RCP)')).toMatchObject({
      value: await heldIn(YEAR, false),
      previous: await heldIn(YEAR - 1, false),
    });
    expect(figure('Séances de RCP')).toMatchObject({
      value: await heldIn(YEAR, true),
      previous: await heldIn(YEAR - 1, true),
    });
    const casesIn = (year: number) =>
      scalar(
        db
          .selectFrom('rcp_case')
          .innerJoin('meeting', 'meeting.id', 'rcp_case.meeting_id')
          .select(sql<number>`count(*)`.as('n'))
          .where('meeting.status', '!=', 'annulee')
          .where('meeting.date', 'like', `${year}-%`),
      );
    expect(figure('Cas présentés en RCP')).toMatchObject({
      value: await casesIn(YEAR),
      previous: await casesIn(YEAR - 1),
    });
    expect(sectionOf('rcp').rcp.totals.cases).toBe(await casesIn(YEAR));
    const usesIn = (year: number) =>
      scalar(db.selectFrom('protocol_use').select(sql<number>`count(*)`.as('n')).where('used_on', 'like', `${year}-%`));
    expect(figure('Utilisations de protocoles')).toMatchObject({
      value: await usesIn(YEAR),
      previous: await usesIn(YEAR - 1),
    });
    // A taille-3 CPTS: hundreds of members, about 150 meetings a year.
    expect(figure('Adhérents au 31 décembre').value).toBeGreaterThan(250);
    expect(figure('Réunions tenues (hors RCP)').value + figure('Séances de RCP').value).toBeGreaterThan(100);
  });

  it('counts the justificatifs of the contract year as the evidence rows say', async () => {
    const yearId = report.annexes.tracking?.contractYearId;
    if (yearId === undefined) throw new Error('no contract year');
    const provided = new Set(
      (await db.selectFrom('evidence').select('requirement_id').where('contract_year_id', '=', yearId).execute()).map(
        (row) => row.requirement_id,
      ),
    );
    // Required pieces of the contract's indicators (current, or archived with a target this year) and of the fiches
    // (an abandoned fiche only when something was provided for it).
    const requirements = await db
      .selectFrom('evidence_requirement as r')
      .leftJoin('indicator as i', 'i.id', 'r.indicator_id')
      .leftJoin('indicator_target as t', (join) =>
        join.onRef('t.indicator_id', '=', 'i.id').on('t.contract_year_id', '=', yearId),
      )
      .leftJoin('fiche_action as f', 'f.id', 'r.fiche_id')
      .select(['r.id', 'i.archived_at', 't.id as target_id', 'r.indicator_id', 'f.status'])
      .where('r.required', '=', 1)
      .execute();
    const counted = requirements.filter((row) =>
      row.indicator_id !== null
        ? row.archived_at === null || row.target_id !== null
        : row.status !== 'abandonnee' || provided.has(row.id),
    );
    expect(figure('Justificatifs attendus').value).toBe(counted.length);
    expect(figure('Justificatifs fournis').value).toBe(counted.filter((row) => provided.has(row.id)).length);
    expect(figure('Justificatifs fournis').value).toBeGreaterThan(0);
  });

  it('draws members by profession with the counts of the member rows on 31 December', async () => {
    const date = `${YEAR}-12-31`;
    const rows = await db
      .selectFrom('member')
      .select(['profession_code', sql<number>`count(*)`.as('n')])
      .where('kind', '=', 'person')
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', date)]))
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', date)]))
      .groupBy('profession_code')
      .execute();
    const expected = new Map<string, number>();
    for (const row of rows) {
      const label = PROFESSION_BY_CODE.get(row.profession_code ?? '')?.inclusive ?? 'Non renseignée';
      expected.set(label, (expected.get(label) ?? 0) + Number(row.n));
    }
    const chart = membersByProfessionChart(sectionOf('vie_associative').associativeLife.composition);
    expect(new Map(chart.table.rows.map(([label, count]) => [label, Number(count)]))).toEqual(expected);
    expect(chart.table.rows.length).toBeGreaterThan(5);
  });

  it('lists each AG with the quorum it deliberated with', async () => {
    const assemblies = await db
      .selectFrom('meeting')
      .select(['id', 'date'])
      .where('type', 'in', ['ago', 'age'])
      .where('status', '!=', 'annulee')
      .where('date', 'like', `${YEAR}-%`)
      .execute();
    const governance = sectionOf('vie_associative').associativeLife.governance;
    const printed = governance.filter((meeting) => assemblies.some((row) => row.id === meeting.id));
    expect(printed).toHaveLength(assemblies.length);
    expect(printed.length).toBeGreaterThan(0);
    for (const meeting of printed) expect(meeting.quorum).toMatch(/présents ou représentés/);
  });
});
