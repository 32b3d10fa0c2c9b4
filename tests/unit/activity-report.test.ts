/**
 * The data of the rapport d’activité, on a real database: a generated taille-3 CPTS (400 members over five years, a
 * contract signed in 2022 with its indicators, 60 fiches, 30 protocols) plus the meetings, AG, RCP, staff and
 * draft written here. Every figure is checked against a query written in the test, not the service’s.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_SECTIONS, type ActivitySectionKey } from '@shared/domain/report-labels';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import type { ActivityReportData, ActivityReportSection, ReportImage } from '@shared/reports/activity-report';
import { generateCpts } from '../../bench/generate';
import { generateHealthProject } from '../../bench/generate-health-project';
import { generateProtocols } from '../../bench/generate-protocols';
import { activityReportData, type ActivityReportDraft } from '../../electron/services/activity-report';
import { saveCptsIdentity } from '../../electron/services/cpts';
import type { DB } from '../../electron/db/schema';
import type { Kysely } from 'kysely';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';
import { SEG_CODES, tempDatabase } from '../helpers/db';

const YEAR = 2025;
const TODAY = '2026-03-15';
const NOW = new Date('2026-03-15T10:00:00Z');
const clock = { now: NOW, today: TODAY };

/** A draft as `reportDrafts.getActivity` returns it before the first save: every section included, no text. */
function defaultDraft(overrides: Partial<ActivityReportDraft> = {}): ActivityReportDraft {
  return {
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
    ...overrides,
  };
}

const noImages = () => null;

function sectionOf<K extends ActivityReportSection['key']>(data: ActivityReportData, key: K) {
  const found = data.sections.find((section) => section.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found as Extract<ActivityReportSection, { key: K }>;
}

function missionOf(data: ActivityReportData, key: `mission_${string}`) {
  const found = data.sections.find((section) => section.key === key);
  if (!found || !('mission' in found)) throw new Error(`no mission section ${key}`);
  return found;
}

const figure = (data: ActivityReportData, label: string) => {
  const found = sectionOf(data, 'synthese').keyFigures.find((entry) => entry.label === label);
  if (!found) throw new Error(`no key figure « ${label} »`);
  return found;
};

const one = async <T>(query: Promise<T | undefined>): Promise<T> => {
  const row = await query;
  if (row === undefined) throw new Error('no row');
  return row;
};

/** Meetings of every kind in 2024 and 2025, written as rows: governance, commissions, RCP with cases. */
async function seedMeetings(db: Kysely<DB>) {
  const members = (await db.selectFrom('member').select('id').where('left_on', 'is', null).limit(60).execute()).map(
    (row) => row.id,
  );
  const meeting = async (
    type: string,
    title: string,
    date: string,
    extra: Partial<{ theme: string; status: 'tenue' | 'annulee' | 'prevue'; rcp_kind: 'clinique' | 'thematique' }> = {},
  ) =>
    (
      await db
        .insertInto('meeting')
        .values({
          type,
          title,
          date,
          status: extra.status ?? 'tenue',
          theme: extra.theme ?? null,
          rcp_kind: extra.rcp_kind ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // 2025: an AG with a check-in and a vote, two CA, a bureau, a cancelled CA.
  const ag = await meeting('ago', 'Assemblée générale ordinaire 2025', '2025-06-12');
  await db
    .insertInto('ag_presence')
    .values(members.slice(0, 40).map((memberId) => ({ meeting_id: ag, member_id: memberId, present: 1 })))
    .execute();
  await db
    .insertInto('resolution')
    .values({
      meeting_id: ag,
      position: 1,
      title: 'Approbation des comptes',
      text: 'L’assemblée approuve les comptes.',
      adopted: 1,
      votes_pour: 38,
      votes_contre: 2,
      voted_at: '2025-06-12T19:00:00Z',
      quorum_json: JSON.stringify({
        sentence:
          '40 membres présents ou représentés sur 150 membres votants ; quorum requis : 1/4, soit 38 ; quorum atteint.',
        met: true,
        presentOrRepresented: { heads: 40, weight: 40 },
      }),
    })
    .execute();
  await meeting('ca', 'Conseil d’administration', '2025-03-04');
  await meeting('ca', 'Conseil d’administration', '2025-09-18');
  await meeting('ca', 'Conseil d’administration annulé', '2025-11-20', { status: 'annulee' });
  const bureau = await meeting('bureau', 'Bureau', '2025-01-09');
  await db.insertInto('decision').values({ meeting_id: bureau, text: 'Recruter une chargée de mission.' }).execute();
  // Commissions: « Soins non programmés » three times, « Prévention » once.
  for (const [date, theme] of [
    ['2025-02-10', 'Soins non programmés'],
    ['2025-05-12', 'Soins non programmés'],
    ['2025-10-06', 'Soins non programmés'],
    ['2025-04-14', 'Prévention'],
  ] as const) {
    const id = await meeting('commission', `Commission ${theme}`, date, { theme });
    await db
      .insertInto('meeting_participant')
      .values(
        members.slice(0, 6).map((memberId, index) => ({
          meeting_id: id,
          member_id: memberId,
          attendance: index < 5 ? ('present' as const) : ('excuse' as const),
        })),
      )
      .execute();
  }
  // RCP: three sessions in 2025 (five cases), one in 2024 (two cases).
  for (const [date, cases] of [
    ['2025-02-20', 2],
    ['2025-05-22', 1],
    ['2025-11-13', 2],
    ['2024-06-06', 2],
  ] as const) {
    const id = await meeting('rcp', 'RCP plaies chroniques', date, { rcp_kind: 'clinique' });
    for (let n = 1; n <= cases; n++) {
      await db
        .insertInto('rcp_case')
        .values({
          meeting_id: id,
          code: `${date}-${n}`,
          age_band: '18-39',
          over_75: 0,
          ald: n % 2,
          patient_informed: 1,
        })
        .execute();
    }
  }
  // 2024: an AG and a commission.
  await meeting('ago', 'Assemblée générale ordinaire 2024', '2024-06-13');
  await meeting('commission', 'Commission Soins non programmés', '2024-03-11', { theme: 'Soins non programmés' });
}

let database: Awaited<ReturnType<typeof tempDatabase>>;
let db: Kysely<DB>;
let report: ActivityReportData;
let elapsedMs = 0;

beforeAll(async () => {
  database = await tempDatabase();
  db = database.db;
  await db
    .insertInto('territory_commune')
    .values(SEG_CODES.map((code) => ({ code_insee: code, cog_year: 2026 })))
    .execute();
  await saveCptsIdentity(db, MINIMAL_IDENTITY, TODAY);
  await generateCpts(db, { members: 400, years: 5, lastYear: YEAR });
  await generateHealthProject(db, { indicatorsPerMission: 7, fiches: 60, signedOn: '2022-04-01' });
  await generateProtocols(db, { protocols: 30, lastYear: YEAR, lastDay: `${YEAR}-11-15` });
  await seedMeetings(db);
  await db
    .insertInto('staff_member')
    .values([
      { full_name: 'Claire Martin', role: 'Coordinatrice', employment: 'salarie', fte: 1, started_on: '2022-09-01' },
      {
        full_name: 'Paul Roux',
        role: 'Chargé de mission',
        employment: 'salarie',
        fte: 0.5,
        started_on: '2023-01-01',
        ended_on: '2024-12-31',
      },
      {
        full_name: 'Cabinet Compta',
        role: 'Expert-comptable',
        employment: 'prestataire',
        fte: null,
        started_on: '2025-03-01',
      },
    ])
    .execute();
  const started = performance.now();
  report = await activityReportData(db, { year: YEAR, draft: defaultDraft(), images: noImages }, clock);
  elapsedMs = performance.now() - started;
}, 120_000);

afterAll(async () => {
  await database?.dispose();
});

describe('rapport d’activité: the figures of a generated year', () => {
  it('prints every section in order when the draft leaves none out, the contract year that ended in the year', () => {
    expect(report.sections.map((section) => section.key)).toEqual(ACTIVITY_SECTIONS.map((section) => section.key));
    // Signed on 1 April 2022: year 3 ends on 31 March 2025.
    expect(report.contractYearLabel).toBe('Année 3 (01/04/2024 – 31/03/2025)');
    expect(report.cptsName).toBe('CPTS Sud-Est Grenoblois');
    expect(report.logo).toBeNull();
  });

  it('gathers the year in bounded time', () => {
    console.info(`activityReportData ${YEAR}: ${Math.round(elapsedMs)} ms`);
    // A guard against a slow regression, a few times what a shared and loaded machine measures (0,3 to 1 s).
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('counts members on 31 December, by profession and over the years, as the member rows say', async () => {
    const activeOn = async (date: string) =>
      Number(
        (
          await one(
            db
              .selectFrom('member')
              .select(sql<number>`count(*)`.as('n'))
              .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', date)]))
              .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', date)]))
              .executeTakeFirst(),
          )
        ).n,
      );
    const members = figure(report, 'Adhérents au 31 décembre');
    expect(members.value).toBe(await activeOn(`${YEAR}-12-31`));
    expect(members.previous).toBe(await activeOn(`${YEAR - 1}-12-31`));
    expect(members.value).toBeGreaterThan(300);

    const life = sectionOf(report, 'vie_associative').associativeLife;
    const expectedOverYears = [];
    for (let year = YEAR - 4; year <= YEAR; year++) {
      const count = await activeOn(`${year}-12-31`);
      if (count > 0 || expectedOverYears.length > 0) expectedOverYears.push({ year, count });
    }
    expect(life.membersOverYears).toEqual(expectedOverYears);

    const byCode = await db
      .selectFrom('member')
      .select(['profession_code', sql<number>`count(*)`.as('n')])
      .where('kind', '=', 'person')
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', `${YEAR}-12-31`)]))
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', `${YEAR}-12-31`)]))
      .groupBy('profession_code')
      .execute();
    const expected = new Map<string, number>();
    for (const row of byCode) {
      const label = PROFESSION_BY_CODE.get(row.profession_code ?? '')?.inclusive ?? 'Non renseignée';
      expected.set(label, (expected.get(label) ?? 0) + Number(row.n));
    }
    const printed = new Map(
      life.composition.byProfession.filter((row) => row.count > 0).map((row) => [row.label, row.count]),
    );
    expect(printed).toEqual(expected);
  });

  it('counts meetings held, by month, RCP sessions and cases, with the year before', async () => {
    const held = await db
      .selectFrom('meeting')
      .select(['type', 'date'])
      .where('status', '!=', 'annulee')
      .where('date', '>=', `${YEAR}-01-01`)
      .where('date', '<=', `${YEAR}-12-31`)
      .execute();
    expect(figure(report, 'Réunions tenues (hors RCP)').value).toBe(held.filter((row) => row.type !== 'rcp').length);
    expect(figure(report, 'Réunions tenues (hors RCP)')).toMatchObject({ value: 8, previous: 2 });
    expect(figure(report, 'Séances de RCP')).toMatchObject({ value: 3, previous: 1 });
    const cases = await one(
      db
        .selectFrom('rcp_case')
        .innerJoin('meeting', 'meeting.id', 'rcp_case.meeting_id')
        .select(sql<number>`count(*)`.as('n'))
        .where('meeting.date', 'like', `${YEAR}-%`)
        .executeTakeFirst(),
    );
    expect(figure(report, 'Cas présentés en RCP')).toMatchObject({ value: Number(cases.n), previous: 2 });
    const rcp = sectionOf(report, 'rcp').rcp;
    expect(rcp.totals.sessions).toBe(3);
    expect(rcp.totals.cases).toBe(Number(cases.n));

    const perMonth = Array.from({ length: 12 }, () => 0);
    for (const row of held) if (row.type !== 'rcp') perMonth[Number(row.date.slice(5, 7)) - 1]! += 1;
    expect(sectionOf(report, 'vie_associative').associativeLife.meetingsPerMonth).toEqual(perMonth);
  });

  it('lists the governance with the quorum of the AG, and the commissions with their participants', () => {
    const life = sectionOf(report, 'vie_associative').associativeLife;
    expect(life.governance.map((meeting) => [meeting.date, meeting.typeLabel])).toEqual([
      ['2025-01-09', 'Bureau'],
      ['2025-03-04', 'Conseil d’administration'],
      ['2025-06-12', 'Assemblée générale ordinaire'],
      ['2025-09-18', 'Conseil d’administration'],
    ]);
    const ag = life.governance.find((meeting) => meeting.typeLabel === 'Assemblée générale ordinaire');
    expect(ag?.quorum).toContain('40 membres présents ou représentés sur 150');
    expect(ag?.decisions).toBe(1);
    expect(life.governance[0]?.quorum).toBeNull();
    expect(life.governance[0]?.decisions).toBe(1);
    expect(life.workingGroups).toEqual([
      { name: 'Soins non programmés', typeLabel: 'Commission / groupe de travail', meetings: 3, participants: 5 },
      { name: 'Prévention', typeLabel: 'Commission / groupe de travail', meetings: 1, participants: 5 },
    ]);
  });

  it('lists the staff at work during the year', () => {
    const staff = sectionOf(report, 'vie_associative').associativeLife.staff;
    expect(staff.map((line) => [line.fullName, line.employmentLabel, line.fte])).toEqual([
      ['Claire Martin', 'Salarié(e)', 1],
      ['Cabinet Compta', 'Prestataire', null],
    ]);
  });

  it('counts the protocols’ uses of the year and the fiches by status as the rows say', async () => {
    const uses = await one(
      db
        .selectFrom('protocol_use')
        .select(sql<number>`count(*)`.as('n'))
        .where('used_on', 'like', `${YEAR}-%`)
        .executeTakeFirst(),
    );
    expect(figure(report, 'Utilisations de protocoles').value).toBe(Number(uses.n));
    expect(Number(uses.n)).toBeGreaterThan(0);
    const protocols = sectionOf(report, 'protocoles').protocols;
    expect(protocols.uses.reduce((sum, row) => sum + row.uses, 0)).toBe(Number(uses.n));
    const validated = await db
      .selectFrom('protocol_version')
      .select('id')
      .where('validated_on', 'like', `${YEAR}-%`)
      .execute();
    expect(protocols.versionsValidated).toHaveLength(validated.length);

    const realised = await db.selectFrom('fiche_action').select('id').where('status', '=', 'realisee').execute();
    expect(figure(report, 'Fiches actions réalisées')).toMatchObject({ value: realised.length, previous: null });
  });

  it('files each fiche under its mission and each partnership’s fiches as carried or taken part in', async () => {
    const missions = report.sections.filter((section) => section.key.startsWith('mission_'));
    expect(missions).toHaveLength(6);
    const fichesInMissions = missions.flatMap((section) => ('mission' in section ? section.mission.fiches : []));
    const withMission = await db
      .selectFrom('fiche_action')
      .select('id')
      .where('mission_code', 'is not', null)
      .execute();
    expect(fichesInMissions.length).toBeLessThanOrEqual(withMission.length);
    expect(fichesInMissions.length).toBeGreaterThan(0);

    const partnerships = sectionOf(report, 'partenariats').partnerships;
    const rows = await db
      .selectFrom('fiche_action')
      .innerJoin('partnership', 'partnership.id', 'fiche_action.partnership_id')
      .select(['partnership.partner', 'fiche_action.cpts_role', 'fiche_action.id'])
      .execute();
    for (const line of partnerships) {
      const own = rows.filter((row) => row.partner === line.partner);
      expect(line.carried.map((fiche) => fiche.id).sort()).toEqual(
        own
          .filter((row) => row.cpts_role !== 'participant')
          .map((row) => row.id)
          .sort(),
      );
      expect(line.participating.map((fiche) => fiche.id).sort()).toEqual(
        own
          .filter((row) => row.cpts_role === 'participant')
          .map((row) => row.id)
          .sort(),
      );
    }
    expect(partnerships.length).toBe(4);
    const porteurs = await db
      .selectFrom('fiche_action')
      .select(['id', 'porteur_org'])
      .where('cpts_role', '=', 'participant')
      .execute();
    for (const fiche of partnerships.flatMap((line) => line.participating))
      expect(fiche.porteur).toBe(porteurs.find((row) => row.id === fiche.id)?.porteur_org ?? null);
    const cls = partnerships.find((line) => line.typeLabel.includes('local de santé'));
    expect(cls).toMatchObject({ partner: 'Ville', title: 'Contrat local de santé III', fichesTotal: 25 });
  });

  it('adds up the payments received in the calendar year and the fiches’ budget per mission', async () => {
    const finances = sectionOf(report, 'finances').finances;
    const received = await one(
      db
        .selectFrom('aci_payment')
        .select(sql<number>`coalesce(sum(received_cents), 0)`.as('n'))
        .where('received_on', 'like', `${YEAR}-%`)
        .executeTakeFirst(),
    );
    expect(finances.receivedTotalCents).toBe(Number(received.n));
    expect(finances.receivedTotalCents).toBeGreaterThan(0);

    const budgets = await db
      .selectFrom('fiche_action_budget')
      .innerJoin('fiche_action', 'fiche_action.id', 'fiche_action_budget.fiche_id')
      .select(['fiche_action.mission_code', sql<number>`coalesce(sum(planned_cents), 0)`.as('planned')])
      .where('fiche_action_budget.year', '=', YEAR)
      .groupBy('fiche_action.mission_code')
      .execute();
    const planned = finances.byMission.reduce((sum, row) => sum + row.plannedCents, 0);
    expect(planned).toBe(budgets.reduce((sum, row) => sum + Number(row.planned), 0));
  });

  it('takes the part variable of the contract year and the targets of the next one', async () => {
    const years = await db.selectFrom('aci_contract_year').select(['id', 'year_index']).orderBy('year_index').execute();
    const next = years.find((year) => year.year_index === 4)!;
    const targets = await db
      .selectFrom('indicator_target')
      .innerJoin('indicator', 'indicator.id', 'indicator_target.indicator_id')
      .select('indicator_target.id')
      .where('contract_year_id', '=', next.id)
      .where('indicator.archived_at', 'is', null)
      .execute();
    expect(sectionOf(report, 'perspectives').nextYearTargets).toHaveLength(targets.length);
    expect(targets.length).toBeGreaterThan(0);

    const envelopes = await one(
      db
        .selectFrom('aci_envelope')
        .select(sql<number>`sum(variable_max_cents)`.as('n'))
        .where('contract_year_id', '=', years.find((year) => year.year_index === 3)!.id)
        .executeTakeFirst(),
    );
    expect(figure(report, 'Part variable maximale').value).toBe(Number(envelopes.n));
    expect(report.annexes.tracking?.yearIndex).toBe(3);
  });

  it('gives the attendance of the year’s meetings by type', () => {
    const commissions = report.annexes.attendance?.find((row) => row.typeLabel === 'Commission / groupe de travail');
    expect(commissions).toEqual({
      typeLabel: 'Commission / groupe de travail',
      meetings: 4,
      averagePresent: 5,
      averageInvited: 6,
    });
  });
});

describe('rapport d’activité: what the draft says', () => {
  const image: ReportImage = { mimeType: 'image/png', base64: 'iVBORw0KGgo=', width: 40, height: 20 };

  it('leaves out the sections left out and carries the texts, highlights, photos and logo', async () => {
    const photo = (
      await db
        .insertInto('document')
        .values({ file_name: 'atelier.png', stored_name: 'x-atelier.png', size: 10 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const logo = (
      await db
        .insertInto('document')
        .values({ file_name: 'logo.png', stored_name: 'x-logo.png', size: 10 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('cpts').set({ logo_document_id: logo }).execute();
    const consenting = (
      await db.selectFrom('member').select('id').where('left_on', 'is', null).orderBy('id').limit(25).execute()
    ).map((row) => row.id);
    await db.updateTable('member').set({ directory_consent_on: '2024-01-10' }).where('id', 'in', consenting).execute();
    const left: ActivitySectionKey[] = ['rcp', 'finances', 'mission_crise'];
    const draft = defaultDraft({
      introduction: 'Une année de consolidation.',
      includeTrackingAnnex: false,
      includeAttendance: false,
      includeMembersList: true,
      highlights: [
        { id: 1, title: 'Ouverture du centre de soins non programmés', body: null, happenedOn: '2025-09-01' },
      ],
      photos: [
        { id: 1, documentId: photo, fileName: 'atelier.png', sectionKey: 'mission_prevention', caption: 'Atelier' },
        { id: 2, documentId: photo, fileName: 'atelier.png', sectionKey: null, caption: 'Fête' },
        { id: 3, documentId: 999_999, fileName: 'perdue.png', sectionKey: 'mission_prevention', caption: null },
      ],
    });
    draft.sections = draft.sections.map((section) =>
      left.includes(section.key)
        ? { ...section, included: false }
        : section.key === 'mission_prevention'
          ? { ...section, body: 'Trois ateliers.', difficulties: 'Peu de salles.', nextSteps: 'Un quatrième.' }
          : section,
    );
    const images = (id: number) => (id === photo || id === logo ? image : null);
    const data = await activityReportData(db, { year: YEAR, draft, images }, clock);
    expect(data.sections.map((section) => section.key)).toEqual(
      ACTIVITY_SECTIONS.map((section) => section.key).filter((key) => !left.includes(key)),
    );
    expect(data.introduction).toBe('Une année de consolidation.');
    expect(data.highlights).toEqual([
      { title: 'Ouverture du centre de soins non programmés', body: null, happenedOn: '2025-09-01' },
    ]);
    expect(data.highlightPhotos).toEqual([{ caption: 'Fête', image }]);
    expect(data.logo).toEqual(image);
    const prevention = missionOf(data, 'mission_prevention');
    expect(prevention.texts).toEqual({
      body: 'Trois ateliers.',
      difficulties: 'Peu de salles.',
      nextSteps: 'Un quatrième.',
      photos: [{ caption: 'Atelier', image }],
    });
    expect(data.annexes.tracking).toBeNull();
    expect(data.annexes.attendance).toBeNull();
    const inDirectory = await db
      .selectFrom('member')
      .select('id')
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', TODAY)]))
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', TODAY)]))
      .where('directory_consent_on', 'is not', null)
      .where('erased_at', 'is', null)
      .execute();
    expect(data.annexes.membersList?.totalCount).toBe(inDirectory.length);
    expect(inDirectory.length).toBeGreaterThanOrEqual(consenting.length);
    expect(data.annexes.membersList?.audience).toBe('annuaire');
    await db.updateTable('cpts').set({ logo_document_id: null }).execute();
  });

  it('shows the contract year the coordinator chose', async () => {
    const year2 = await one(
      db.selectFrom('aci_contract_year').select('id').where('year_index', '=', 2).executeTakeFirst(),
    );
    const data = await activityReportData(
      db,
      { year: YEAR, draft: defaultDraft({ contractYearId: year2.id }), images: noImages },
      clock,
    );
    expect(data.contractYearLabel).toBe('Année 2 (01/04/2023 – 31/03/2024)');
    expect(data.annexes.tracking?.yearIndex).toBe(2);
  });
});

describe('rapport d’activité: a past year as it stood', () => {
  it('shows the milestones of a fiche as they stood on 31 December, not as they stand today', async () => {
    const fiche = (
      await db
        .insertInto('fiche_action')
        .values({ code: 'ZZ-1', title: 'Maison de santé itinérante', mission_code: 'acces', starts_on: '2025-01-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('fiche_action_milestone')
      .values([
        { fiche_id: fiche, label: 'Achat du véhicule', due_on: '2025-04-30', done_on: '2025-05-01' },
        { fiche_id: fiche, label: 'Première tournée', due_on: '2025-10-15', done_on: '2026-02-01' },
        { fiche_id: fiche, label: 'Bilan', due_on: '2026-06-01' },
      ])
      .execute();
    const data = await activityReportData(db, { year: YEAR, draft: defaultDraft(), images: noImages }, clock);
    const line = missionOf(data, 'mission_acces').mission.fiches.find((row) => row.id === fiche);
    expect(line?.lastDone).toEqual({ label: 'Achat du véhicule', doneOn: '2025-05-01' });
    expect(line?.nextDue).toEqual({ label: 'Première tournée', dueOn: '2025-10-15', late: true });
    await db.deleteFrom('fiche_action').where('id', '=', fiche).execute();
  });

  it('counts in the current year only the meetings whose date has come', async () => {
    for (const [date, status] of [
      ['2026-02-10', 'tenue'],
      ['2026-06-10', 'prevue'],
    ] as const) {
      await db
        .insertInto('meeting')
        .values({ type: 'commission', title: 'Commission parcours', date, status })
        .execute();
    }
    const data = await activityReportData(db, { year: 2026, draft: defaultDraft(), images: noImages }, clock);
    const held = await db
      .selectFrom('meeting')
      .select('id')
      .where('type', '!=', 'rcp')
      .where('status', '!=', 'annulee')
      .where('date', '>=', '2026-01-01')
      .where('date', '<=', TODAY)
      .execute();
    expect(figure(data, 'Réunions tenues (hors RCP)').value).toBe(held.length);
    expect(held.length).toBeGreaterThan(0);
    const perMonth = sectionOf(data, 'vie_associative').associativeLife.meetingsPerMonth;
    expect(perMonth[1]).toBe(1);
    expect(perMonth[5]).toBe(0);
    await db.deleteFrom('meeting').where('date', 'like', '2026-%').execute();
  });

  it('names the source of the population without making up its year', () => {
    const territory = sectionOf(report, 'identite').territory;
    expect(territory.populationYear).toBeNull();
    expect(territory.populationSource).toContain('populations légales');
    expect(territory.communes.map((commune) => commune.codeInsee).sort()).toEqual([...SEG_CODES].sort());
    expect(territory.population).toBe(territory.communes.reduce((sum, commune) => sum + (commune.population ?? 0), 0));
    expect(territory.tailleByContractYear.map((row) => row.yearLabel)).toEqual(['Année 3', 'Année 4']);
  });
});

describe('rapport d’activité: a CPTS with nothing yet', () => {
  it('builds a year without contract, AG or member: empty parts, no invented figure', async () => {
    const empty = await tempDatabase();
    try {
      const data = await activityReportData(empty.db, { year: YEAR, draft: defaultDraft(), images: noImages }, clock);
      expect(data.contractYearLabel).toBeNull();
      expect(data.annexes.tracking).toBeNull();
      const labels = sectionOf(data, 'synthese').keyFigures.map((entry) => entry.label);
      expect(labels).not.toContain('Part variable obtenue');
      expect(labels).not.toContain('Justificatifs fournis');
      expect(figure(data, 'Adhérents au 31 décembre')).toMatchObject({ value: 0 });
      const life = sectionOf(data, 'vie_associative').associativeLife;
      expect(life.governance).toEqual([]);
      expect(life.membersOverYears).toEqual([]);
      expect(life.staff).toEqual([]);
      const access = missionOf(data, 'mission_acces');
      expect(access.mission).toMatchObject({ inContract: false, fiches: [], tracking: null, evidence: [] });
      expect(sectionOf(data, 'finances').finances).toEqual({ received: [], receivedTotalCents: 0, byMission: [] });
      expect(sectionOf(data, 'perspectives').nextYearTargets).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });

  it('refuses a year not yet begun', async () => {
    await expect(
      activityReportData(db, { year: 2027, draft: defaultDraft(), images: noImages }, clock),
    ).rejects.toThrow('L’année 2027 n’est pas encore commencée.');
  });
});
