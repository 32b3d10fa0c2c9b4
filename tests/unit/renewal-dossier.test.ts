/**
 * The renewal dossier: its figures against independent queries on the rows, and its PDF text. First on a contract
 * seeded by hand (tableau de suivi of year 5, members, meetings, payments, an AG deliberation), then on the
 * generated five-year history of a taille-3 CPTS, whose data and PDF times are reported.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { RENEWAL_SECTIONS } from '@shared/domain/report-labels';
import { formatEurosFromCents, formatInteger } from '@shared/format';
import type { RenewalDossierData, RenewalSeries } from '@shared/reports/renewal-dossier';
import type { DB } from '../../electron/db/schema';
import { renewalDossierExport } from '../../electron/services/renewal';
import { MEETINGS_LABEL, MEMBERS_LABEL, RECEIVED_LABEL } from '../../electron/services/renewal/data';
import { generateCptsHistory } from '../../bench/generate-history';
import { tempDatabase } from '../helpers/db';
import { testBackend } from '../helpers/handlers';
import { normalise, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';
import { expectedFromRows, seedTrackingYear, type SeededYear } from '../helpers/tracking-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render } = pdfWorkspace('maillage-pdf-renouvellement-', 'MAILLAGE_PDF_PREVIEW', 'renouvellement-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };

const seriesOf = (data: RenewalDossierData, label: string): RenewalSeries => {
  const chiffres = data.sections.find((section) => section.key === 'chiffres');
  if (chiffres?.key !== 'chiffres') throw new Error('section chiffres absente');
  const found = chiffres.groups.flatMap((group) => group.series).find((series) => series.label === label);
  if (!found) throw new Error(`série ${label} absente`);
  return found;
};

/** Independent counts per contract year, straight from the rows; null for a year not begun. */
async function expectedPerYear(db: Kysely<DB>, contractId: number, today: string) {
  const years = await db
    .selectFrom('aci_contract_year')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('year_index')
    .execute();
  const members: (number | null)[] = [];
  const meetings: (number | null)[] = [];
  const received: (number | null)[] = [];
  for (const year of years) {
    if (year.start_on > today) {
      members.push(null);
      meetings.push(null);
      received.push(null);
      continue;
    }
    const end = year.end_on < today ? year.end_on : today;
    const rows = await db.selectFrom('member').select(['joined_on', 'left_on']).execute();
    members.push(rows.filter((m) => (!m.joined_on || m.joined_on <= end) && (!m.left_on || m.left_on > end)).length);
    const held = await db.selectFrom('meeting').select(['date', 'status']).execute();
    meetings.push(held.filter((m) => m.status !== 'annulee' && m.date >= year.start_on && m.date <= end).length);
    const payments = await db
      .selectFrom('aci_payment')
      .select(['received_cents', 'received_on'])
      .where('contract_year_id', '=', year.id)
      .execute();
    received.push(
      payments
        .filter((p) => p.received_on !== null && p.received_on <= today)
        .reduce((sum, p) => sum + (p.received_cents ?? 0), 0),
    );
  }
  return { members, meetings, received };
}

describe('Dossier de renouvellement : contrat saisi à la main', () => {
  let backend: Backend;
  let seeded: SeededYear;
  let data: RenewalDossierData;
  let pdf: RenderedPdf;

  beforeAll(async () => {
    backend = await testBackend();
    seeded = await seedTrackingYear(backend);
    const db = backend.database.db;
    // Members joining and leaving over the five years.
    const people: [string, string, string | null][] = [
      ['Martin', '2020-01-10', null],
      ['Bernard', '2022-09-01', '2024-02-01'],
      ['Petit', '2023-05-01', null],
      ['Durand', '2024-06-15', null],
      ['Leroy', '2025-03-01', '2026-01-31'],
      ['Moreau', '2026-05-01', null],
    ];
    for (const [lastName, joined, left] of people)
      await db
        .insertInto('member')
        .values({ kind: 'person', last_name: lastName, first_name: 'Claire', joined_on: joined, left_on: left })
        .execute();
    const meeting = async (type: string, date: string, status: 'tenue' | 'annulee' = 'tenue') =>
      (
        await db
          .insertInto('meeting')
          .values({ type, date, title: `Réunion ${type} du ${date}`, status })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    for (const [type, date] of [
      ['ca', '2022-06-01'],
      ['bureau', '2022-10-12'],
      ['rcp', '2023-03-14'],
      ['commission', '2024-01-20'],
      ['ca', '2025-09-09'],
      ['rcp', '2026-05-05'],
      ['bureau', '2026-12-15'],
    ] as const)
      await meeting(type, date);
    await meeting('ca', '2024-03-03', 'annulee');
    const ag = await meeting('ago', '2026-06-12');
    const { id: resolutionId } = await db
      .insertInto('resolution')
      .values({
        meeting_id: ag,
        position: 1,
        title: 'Renouvellement du contrat ACI',
        text: 'L’assemblée générale autorise la présidente à signer le renouvellement du contrat ACI.',
        votes_pour: 84,
        votes_contre: 2,
        votes_abstention: 3,
        adopted: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [yearId, cents, on] of [
      [seeded.years[0]!, 4_500_000, '2022-10-01'],
      [seeded.years[2]!, 6_000_000, '2024-11-02'],
      [seeded.years[4]!, 3_000_000, '2026-10-01'],
    ] as const)
      await db
        .insertInto('aci_payment')
        .values({ contract_year_id: yearId, kind: 'fonctionnement', received_cents: cents, received_on: on })
        .execute();

    await backend.ok('renewal.saveDraft', {
      contractId: seeded.contractId,
      introduction: 'Au terme de cinq années, la CPTS demande le renouvellement de son contrat.',
      approvalMeetingId: ag,
      approvalResolutionId: resolutionId,
    });
    await backend.ok('renewal.saveSection', {
      contractId: seeded.contractId,
      key: 'territoire',
      included: false,
      body: null,
    });
    await backend.ok('renewal.saveSection', {
      contractId: seeded.contractId,
      key: 'missions',
      included: true,
      body: 'Chaque mission a trouvé ses porteurs parmi les adhérents.',
    });
    await backend.ok('renewal.seedProposals', { contractId: seeded.contractId });
    const { job } = await renewalDossierExport(db, seeded.contractId, CLOCK);
    if (job.kind !== 'renewalDossier') throw new Error('mauvais type de rapport');
    data = job.data;
    pdf = await render(job, 'saisi');
  });
  afterAll(async () => {
    await backend.database.dispose();
  });

  it('counts members, meetings and payments per contract year as the rows say; a year under way up to today', async () => {
    const expected = await expectedPerYear(backend.database.db, seeded.contractId, CLOCK.today);
    expect(data.years.map((year) => year.yearIndex)).toEqual([1, 2, 3, 4, 5]);
    expect(data.years[4]).toMatchObject({ ongoing: true, future: false });
    expect(seriesOf(data, MEMBERS_LABEL).values).toEqual(expected.members);
    expect(seriesOf(data, MEETINGS_LABEL).values).toEqual(expected.meetings);
    expect(seriesOf(data, RECEIVED_LABEL).values).toEqual(expected.received);
    // The bureau of 15 December 2026 is after today: not counted; the cancelled CA never is.
    expect(expected.meetings[4]).toBe(2);
  });

  it('computes the € earned of year 5 as the annex’s rules do on the rows, and nothing for years without targets', async () => {
    const expected = await expectedFromRows(backend, seeded.yearId);
    const earned = seriesOf(data, 'Part variable obtenue').values;
    expect(earned[4]).toBe(expected.reduce((sum, line) => sum + line.earned, 0));
    expect(earned[0]).toBe(0);
    const bilan = data.sections.find((section) => section.key === 'bilan');
    expect(bilan?.key === 'bilan' && bilan.totals.earnedCents).toBe(earned.reduce((a, b) => (a ?? 0) + (b ?? 0), 0));
  });

  it('prints each section chosen with its title, the years, an indicator and the deliberation; leaves out the territory', () => {
    const titles = RENEWAL_SECTIONS.filter((section) => section.key !== 'territoire').map((section) => section.label);
    for (const title of titles) expect(pdf.flat).toContain(normalise(title));
    expect(data.sections.some((section) => section.key === 'territoire')).toBe(false);
    expect(pdf.flat).not.toContain('Le territoire, hier et aujourd’hui');
    expect(pdf.flat).toContain('Année 5 (en cours)');
    expect(pdf.flat).toContain('ACC-3 — Patients de plus de 70 ans sans médecin traitant');
    expect(pdf.flat).toContain(
      'L’assemblée générale autorise la présidente à signer le renouvellement du contrat ACI.',
    );
    expect(pdf.flat).toContain('84 pour, 2 contre, 3 abstentions — adoptée');
    expect(pdf.flat).toContain('Au terme de cinq années, la CPTS demande le renouvellement de son contrat.');
    expect(pdf.flat).toContain('Chaque mission a trouvé ses porteurs parmi les adhérents.');
    const members = seriesOf(data, MEMBERS_LABEL).values;
    expect(pdf.flat).toContain(`${MEMBERS_LABEL} ${members.map((value) => formatInteger(value!)).join(' ')}`);
    expect(pdf.flat).toContain(normalise(formatEurosFromCents(6_000_000)));
    // The contents list the sections with their page numbers, and every page has its number.
    expect(pdf.pages[0]).toMatch(/Sommaire/);
    expect(pdf.pages[0]).toMatch(/Délibération\s*\.*\s*\d+/);
    expect(pdf.pages.at(-1)).toContain(`Page ${pdf.pageCount} / ${pdf.pageCount}`);
  });
});

describe('Dossier de renouvellement : cinq ans d’une CPTS de taille 3 générée', () => {
  let database: Awaited<ReturnType<typeof tempDatabase>>;
  let history: Awaited<ReturnType<typeof generateCptsHistory>>;
  let data: RenewalDossierData;
  let pdf: RenderedPdf;
  let dataMs = 0;

  beforeAll(async () => {
    database = await tempDatabase();
    history = await generateCptsHistory(database.db, { documentsDir: join(database.dir, 'documents') });
    const clock = { now: new Date(`${history.today}T10:00:00`), today: history.today };
    const started = performance.now();
    const { job } = await renewalDossierExport(database.db, history.contractId, clock);
    dataMs = performance.now() - started;
    if (job.kind !== 'renewalDossier') throw new Error('mauvais type de rapport');
    data = job.data;
    pdf = await render(job, 'cinq-ans');
    console.info(
      `Dossier de renouvellement (5 ans générés) : données ${Math.round(dataMs)} ms, PDF ${Math.round(pdf.ms)} ms, ${pdf.pageCount} pages`,
    );
  }, 240_000);
  afterAll(async () => {
    await database.dispose();
  });

  it('matches the rows year by year: members at the end of each year, meetings held, payments received', async () => {
    const expected = await expectedPerYear(database.db, history.contractId, history.today);
    expect(seriesOf(data, MEMBERS_LABEL).values).toEqual(expected.members);
    expect(seriesOf(data, MEETINGS_LABEL).values).toEqual(expected.meetings);
    expect(seriesOf(data, RECEIVED_LABEL).values).toEqual(expected.received);
    // A taille-3 CPTS: hundreds of members, about 150 meetings in a full year.
    expect(Math.max(...expected.members.map((value) => value ?? 0))).toBeGreaterThan(200);
    expect(expected.meetings[1]).toBeGreaterThan(100);
  });

  it('prints every indicator with a target, and each year', () => {
    const indicators = data.sections.find((section) => section.key === 'indicateurs');
    if (indicators?.key !== 'indicateurs') throw new Error('section indicateurs absente');
    const labels = indicators.missions.flatMap((mission) => mission.indicators.map((indicator) => indicator.label));
    expect(labels.length).toBeGreaterThan(20);
    for (const label of labels) expect(pdf.flat).toContain(normalise(label));
    for (const year of data.years) expect(pdf.flat).toContain(`Année ${year.yearIndex}`);
    expect(pdf.pageCount).toBeGreaterThan(10);
  });
});
