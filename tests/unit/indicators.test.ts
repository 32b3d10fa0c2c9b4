import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, KyselyPlugin } from 'kysely';
import type { ChannelInput, IndicatorRow } from '@shared/contract';
import type { DB } from '../../electron/db/schema';
import { computeAutoMeasure, trackingTable } from '../../electron/services/indicators';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

/** Contract signed 15 April 2023: year N runs 15 April to 14 April of the next year; year 4 holds « today ». */
const YEAR_STARTS = ['2023-04-15', '2024-04-15', '2025-04-15', '2026-04-15', '2027-04-15'];

async function insertContract(db: Kysely<DB>, number: string): Promise<{ id: number; years: number[] }> {
  const { id } = await db
    .insertInto('aci_contract')
    .values({ number, aci_version: 'avenant_2', signed_on: '2023-04-15', anniversary_on: '2023-04-15' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const years: number[] = [];
  for (const [index, start] of YEAR_STARTS.entries()) {
    const end = `${Number(start.slice(0, 4)) + 1}-04-14`;
    const row = await db
      .insertInto('aci_contract_year')
      .values({ contract_id: id, year_index: index + 1, start_on: start, end_on: end, taille: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    years.push(row.id);
  }
  return { id, years };
}

/** Every row of the tables this feature writes, to prove a refusal wrote nothing. */
async function snapshot(db: Kysely<DB>) {
  const tables = [
    'indicator',
    'indicator_target',
    'indicator_tier',
    'indicator_measure',
    'evidence_requirement',
    'evidence',
    'document',
    'audit_log',
  ] as const;
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await db.selectFrom(table).selectAll().execute();
  return rows;
}

type IndicatorInput = ChannelInput<'indicators.create'>;

const base = (contractId: number, over: Partial<IndicatorInput>): IndicatorInput => ({
  contractId,
  missionCode: 'acces',
  label: 'Indicateur',
  kind: 'resultat',
  valueType: 'nombre',
  direction: 'hausse',
  dataSource: 'cpam',
  ...over,
});

/** « Patients en ALD sans MT (initial 219) : ≤ 50 → 9 000 €, 51–100 → 6 000 €, 101–219 → 3 000 € ». */
const ALD_TIERS = [
  { rank: 1, label: 'socle', threshold: 219, amountCents: 300_000 },
  { rank: 2, label: 'intermédiaire', threshold: 100, amountCents: 600_000 },
  { rank: 3, label: 'objectif', threshold: 50, amountCents: 900_000 },
];
/** « Cancer du sein, initial 66,26 % : 69,70 % → 1 000 €, 72,40 % → 2 500 €, 75 % → 3 500 € ». */
const BREAST_TIERS = [
  { rank: 1, label: 'socle', threshold: 69.7, amountCents: 100_000 },
  { rank: 2, label: 'intermédiaire', threshold: 72.4, amountCents: 250_000 },
  { rank: 3, label: 'objectif', threshold: 75, amountCents: 350_000 },
];

let backend: Backend;
let contract: { id: number; years: number[] };
const year = (n: number) => contract.years[n - 1]!;

beforeEach(async () => {
  backend = await testBackend();
  contract = await insertContract(backend.database.db, 'CPTS-38-2023-01');
});
afterEach(async () => {
  await backend.database.dispose();
});

async function expectRefused<C extends Parameters<Backend['call']>[0]>(
  channel: C,
  input: ChannelInput<C>,
  pattern: RegExp,
) {
  const before = await snapshot(backend.database.db);
  const result = await backend.call(channel, input);
  expect(result.ok).toBe(false);
  if (result.ok) return null;
  expect(result.error.message).toMatch(pattern);
  expect(await snapshot(backend.database.db)).toEqual(before);
  return result.error;
}

describe('indicators of a contract', () => {
  it('creates, lists by mission with the fiche title, updates, archives and deletes', async () => {
    const db = backend.database.db;
    const fiche = await db
      .insertInto('fiche_action')
      .values({ code: 'FA-3', title: 'Parcours diabète', mission_code: 'parcours' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const prevention = await backend.ok(
      'indicators.create',
      base(contract.id, { missionCode: 'prevention', code: 'PRE-1', label: 'Cancer du sein', valueType: 'taux' }),
    );
    const parcours = await backend.ok(
      'indicators.create',
      base(contract.id, { missionCode: 'parcours', ficheId: fiche.id, label: 'Patients intégrés' }),
    );
    const acces = await backend.ok(
      'indicators.create',
      base(contract.id, { label: 'Patients en ALD sans médecin traitant', direction: 'baisse', baselineValue: 219 }),
    );
    const list = await backend.ok('indicators.list', { contractId: contract.id });
    expect(list.map((row) => row.label)).toEqual([
      'Patients en ALD sans médecin traitant',
      'Patients intégrés',
      'Cancer du sein',
    ]);
    expect(list[1]).toMatchObject({ ficheId: fiche.id, ficheTitle: 'Parcours diabète', missionCode: 'parcours' });
    expect(acces).toMatchObject({ baselineValue: 219, direction: 'baisse', archived: false, measureCount: 0 });
    expect(
      (await backend.ok('indicators.list', { contractId: contract.id, missionCode: 'prevention' })).map((r) => r.id),
    ).toEqual([prevention.id]);

    const updated = await backend.ok('indicators.update', {
      id: parcours.id,
      data: base(contract.id, { missionCode: 'parcours', ficheId: null, label: 'Patients inclus dans le parcours' }),
    });
    expect(updated).toMatchObject({ label: 'Patients inclus dans le parcours', ficheId: null, ficheTitle: null });

    const archived = await backend.ok('indicators.archive', { id: prevention.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await backend.ok('indicators.list', { contractId: contract.id })).map((row) => row.id)).not.toContain(
      prevention.id,
    );
    expect(
      (await backend.ok('indicators.list', { contractId: contract.id, includeArchived: true })).map((row) => row.id),
    ).toContain(prevention.id);
    expect((await backend.ok('indicators.get', { id: prevention.id })).label).toBe('Cancer du sein');

    await backend.ok('indicators.delete', { id: parcours.id });
    expect(await db.selectFrom('indicator').select('id').where('id', '=', parcours.id).execute()).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', '=', 'indicator')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'create', 'create', 'update', 'archive', 'delete']);
  });

  it('refuses to delete an indicator with measures and proposes to archive it, writing nothing', async () => {
    const indicator = await backend.ok('indicators.create', base(contract.id, { label: 'RCP tenues' }));
    await backend.ok('indicators.saveTarget', {
      indicatorId: indicator.id,
      contractYearId: year(2),
      paymentRule: 'tout_ou_rien',
      targetValue: 10,
      maxCents: 500_000,
    });
    await backend.ok('indicators.saveMeasure', {
      indicatorId: indicator.id,
      contractYearId: year(2),
      value: 12,
      measuredOn: '2025-04-20',
    });
    const error = await expectRefused('indicators.delete', { id: indicator.id }, /a 1 mesure.*Archivez-le plutôt/);
    expect(error?.code).toBe('conflict');
  });

  it('refuses an unknown automatic measure, or a fiche measure without a fiche, naming the field', async () => {
    const error = await expectRefused(
      'indicators.create',
      base(contract.id, { label: 'Réunions du groupe', autoMeasure: 'reunions_fiche' }),
      /rattachez d’abord l’indicateur à sa fiche/,
    );
    expect(error?.fields).toHaveProperty('autoMeasure');
    await expectRefused(
      'indicators.create',
      base(contract.id, { label: 'X', autoMeasure: 'adherents_profession:999' }),
      /Choisissez la profession/,
    );
    await expectRefused(
      'indicators.create',
      base(contract.id, { label: 'Taux de RCP', valueType: 'taux', autoMeasure: 'rcp_tenues' }),
      /choisissez le type de valeur « Nombre »/,
    );
    const nurses = await backend.ok(
      'indicators.create',
      base(contract.id, { label: 'Infirmiers adhérents', autoMeasure: 'adherents_profession:60' }),
    );
    expect(nurses.autoMeasure).toBe('adherents_profession:60');
  });

  it('refuses a change of value type that measures already saved contradict', async () => {
    const indicator = await backend.ok('indicators.create', base(contract.id, { label: 'Consultations' }));
    await backend.ok('indicators.saveTarget', {
      indicatorId: indicator.id,
      contractYearId: year(1),
      paymentRule: 'tout_ou_rien',
      targetValue: 100,
      maxCents: 100_000,
    });
    await backend.ok('indicators.saveMeasure', {
      indicatorId: indicator.id,
      contractYearId: year(1),
      value: 150,
      measuredOn: '2024-05-01',
    });
    await expectRefused(
      'indicators.update',
      { id: indicator.id, data: base(contract.id, { label: 'Consultations', valueType: 'taux' }) },
      /Un taux est un pourcentage entre 0 et 100/,
    );
  });
});

describe('targets per contract year', () => {
  let ald: IndicatorRow;
  beforeEach(async () => {
    ald = await backend.ok(
      'indicators.create',
      base(contract.id, { code: 'MT-1', label: 'Patients en ALD sans MT', direction: 'baisse', baselineValue: 219 }),
    );
  });

  it('saves the ALD sans MT tiers in one go, takes the top tier as cible and max, and replaces them on save', async () => {
    const saved = await backend.ok('indicators.saveTarget', {
      indicatorId: ald.id,
      contractYearId: year(3),
      paymentRule: 'paliers',
      tiers: ALD_TIERS,
      note: 'Annexe année 3',
    });
    expect(saved).toMatchObject({ yearIndex: 3, targetValue: 50, maxCents: 900_000, note: 'Annexe année 3' });
    expect(saved.tiers.map((tier) => [tier.rank, tier.threshold, tier.amountCents])).toEqual([
      [1, 219, 300_000],
      [2, 100, 600_000],
      [3, 50, 900_000],
    ]);
    const again = await backend.ok('indicators.saveTarget', {
      indicatorId: ald.id,
      contractYearId: year(3),
      paymentRule: 'paliers',
      tiers: ALD_TIERS.slice(0, 2),
    });
    expect(again.id).toBe(saved.id);
    expect(again.maxCents).toBe(600_000);
    const tiers = await backend.database.db.selectFrom('indicator_tier').selectAll().execute();
    expect(tiers.map((tier) => tier.rank)).toEqual([1, 2]);
  });

  it('refuses tiers in the wrong direction, naming the tier field, and writes nothing', async () => {
    const error = await expectRefused(
      'indicators.saveTarget',
      {
        indicatorId: ald.id,
        contractYearId: year(3),
        paymentRule: 'paliers',
        tiers: [ALD_TIERS[0]!, { ...ALD_TIERS[1]!, threshold: 250 }, ALD_TIERS[2]!],
      },
      /Palier 2 \(intermédiaire\) : le seuil \(250\) doit être plus bas que celui du palier 1 \(219\)/,
    );
    expect(error?.fields?.['tiers.1.threshold']).toMatch(/plus bas/);
    const amounts = await expectRefused(
      'indicators.saveTarget',
      {
        indicatorId: ald.id,
        contractYearId: year(3),
        paymentRule: 'paliers',
        tiers: [ALD_TIERS[0]!, ALD_TIERS[1]!, { ...ALD_TIERS[2]!, amountCents: 500_000 }],
        maxCents: 500_000,
      },
      /Palier 3 \(objectif\) : le montant/,
    );
    expect(amounts?.fields).toHaveProperty('tiers.2.amountCents');
  });

  it('refuses a target without cible, a oui/non by tiers, negative or fractional amounts', async () => {
    const noCible = await expectRefused(
      'indicators.saveTarget',
      { indicatorId: ald.id, contractYearId: year(1), paymentRule: 'tout_ou_rien', maxCents: 100_000 },
      /Une cible est nécessaire/,
    );
    expect(noCible?.fields).toHaveProperty('targetValue');
    const yesNo = await backend.ok(
      'indicators.create',
      base(contract.id, { label: 'Partenariat CPAM', valueType: 'oui_non' }),
    );
    const rule = await expectRefused(
      'indicators.saveTarget',
      {
        indicatorId: yesNo.id,
        contractYearId: year(1),
        paymentRule: 'paliers',
        tiers: [{ rank: 1, threshold: 1, amountCents: 200_000 }],
      },
      /oui\/non se paie en tout ou rien/,
    );
    expect(rule?.fields).toHaveProperty('paymentRule');
    const negative = await expectRefused(
      'indicators.saveTarget',
      { indicatorId: yesNo.id, contractYearId: year(1), paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: -100 },
      /négatif/,
    );
    expect(negative?.fields).toHaveProperty('maxCents');
    await expectRefused(
      'indicators.saveTarget',
      { indicatorId: yesNo.id, contractYearId: year(1), paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: 12.5 },
      /euros et centimes/,
    );
  });

  it('refuses a target for a contract year of another contract', async () => {
    const other = await insertContract(backend.database.db, 'AUTRE');
    const error = await expectRefused(
      'indicators.saveTarget',
      { indicatorId: ald.id, contractYearId: other.years[0]!, paymentRule: 'paliers', tiers: ALD_TIERS },
      /appartient à un autre contrat/,
    );
    expect(error?.fields).toHaveProperty('contractYearId');
  });

  it('carries over a target not met last year, and refuses to carry one that was met', async () => {
    const year1 = await backend.ok('indicators.saveTarget', {
      indicatorId: ald.id,
      contractYearId: year(1),
      paymentRule: 'paliers',
      tiers: ALD_TIERS,
    });
    // 120 patients: only the socle (≤ 219) is reached, 3 000 € of 9 000 €: not fully met.
    await backend.ok('indicators.saveMeasure', {
      indicatorId: ald.id,
      contractYearId: year(1),
      value: 120,
      measuredOn: '2024-05-10',
      status: 'valide',
    });
    const carried = await backend.ok('indicators.saveTarget', {
      indicatorId: ald.id,
      contractYearId: year(2),
      paymentRule: 'paliers',
      tiers: ALD_TIERS,
      carryOver: true,
    });
    expect(carried.carriedOverFromId).toBe(year1.id);
    expect(
      (await backend.ok('indicators.carryOverCandidates', { contractYearId: year(2) })).map((l) => l.indicator.id),
    ).toEqual([ald.id]);

    // Year 2 fully met (45 ≤ 50): nothing to carry into year 3.
    await backend.ok('indicators.saveMeasure', {
      indicatorId: ald.id,
      contractYearId: year(2),
      value: 45,
      measuredOn: '2025-05-10',
    });
    const history = (await backend.ok('indicators.get', { id: ald.id })).history;
    expect(history.map((y) => [y.yearIndex, y.measure?.value, y.result.earnedCents, y.result.status])).toEqual([
      [1, 120, 300_000, 'partiel'],
      [2, 45, 900_000, 'atteint'],
    ]);
    const error = await expectRefused(
      'indicators.saveTarget',
      { indicatorId: ald.id, contractYearId: year(3), paymentRule: 'paliers', tiers: ALD_TIERS, carryOver: true },
      /a été atteint l’année précédente/,
    );
    expect(error?.fields).toHaveProperty('carryOver');
    await expectRefused(
      'indicators.saveTarget',
      { indicatorId: ald.id, contractYearId: year(5), paymentRule: 'paliers', tiers: ALD_TIERS, carryOver: true },
      /n’avait pas de cible l’année précédente/,
    );
  });

  it('refuses to delete a target that has measures', async () => {
    const target = await backend.ok('indicators.saveTarget', {
      indicatorId: ald.id,
      contractYearId: year(1),
      paymentRule: 'paliers',
      tiers: ALD_TIERS,
    });
    await backend.ok('indicators.saveMeasure', {
      indicatorId: ald.id,
      contractYearId: year(1),
      value: 80,
      measuredOn: '2024-05-10',
    });
    await expectRefused('indicators.deleteTarget', { id: target.id }, /supprimez-les d’abord/);
  });
});

describe('measures', () => {
  let rate: IndicatorRow;
  let yesNo: IndicatorRow;
  beforeEach(async () => {
    rate = await backend.ok(
      'indicators.create',
      base(contract.id, {
        missionCode: 'prevention',
        label: 'Cancer du sein',
        valueType: 'taux',
        baselineValue: 66.26,
      }),
    );
    yesNo = await backend.ok(
      'indicators.create',
      base(contract.id, { label: 'Partenariat CPAM', valueType: 'oui_non' }),
    );
  });

  it('refuses a measure for a year without a target, with the indicator and the year', async () => {
    const error = await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: rate.id, contractYearId: year(3), value: 70, measuredOn: '2025-06-01' },
      /^Aucune cible n’est fixée pour « Cancer du sein » en année 3 : fixez d’abord la cible\.$/,
    );
    expect(error?.fields).toHaveProperty('contractYearId');
  });

  it('refuses values that do not fit the value type, and dates outside the contract year', async () => {
    await backend.ok('indicators.saveTarget', {
      indicatorId: rate.id,
      contractYearId: year(3),
      paymentRule: 'paliers',
      tiers: BREAST_TIERS,
    });
    await backend.ok('indicators.saveTarget', {
      indicatorId: yesNo.id,
      contractYearId: year(3),
      paymentRule: 'tout_ou_rien',
      targetValue: 1,
      maxCents: 200_000,
    });
    const over = await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: rate.id, contractYearId: year(3), value: 120, measuredOn: '2025-06-01' },
      /entre 0 et 100/,
    );
    expect(over?.fields).toHaveProperty('value');
    await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: yesNo.id, contractYearId: year(3), value: 2, measuredOn: '2025-06-01' },
      /oui \(1\) ou non \(0\)/,
    );
    const count = await backend.ok('indicators.create', base(contract.id, { label: 'Réunions' }));
    await backend.ok('indicators.saveTarget', {
      indicatorId: count.id,
      contractYearId: year(3),
      paymentRule: 'tout_ou_rien',
      targetValue: 4,
      maxCents: 100_000,
    });
    await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: count.id, contractYearId: year(3), value: -1, measuredOn: '2025-06-01' },
      /ne peut pas être négatif/,
    );
    const badDay = await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: count.id, contractYearId: year(3), value: 3, measuredOn: '2025-02-30' },
      /n'est pas une date valide/,
    );
    expect(badDay?.fields).toHaveProperty('measuredOn');
    const outside = await expectRefused(
      'indicators.saveMeasure',
      {
        indicatorId: rate.id,
        contractYearId: year(3),
        value: 70,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        measuredOn: '2026-05-01',
      },
      /du 15 avril 2025 au 14 avril 2026/,
    );
    expect(outside?.fields).toHaveProperty('periodStart');
    await expectRefused(
      'indicators.saveMeasure',
      { indicatorId: rate.id, contractYearId: year(3), value: 70, measuredOn: '2025-03-01' },
      /d’avant le début/,
    );
    // A measure taken after the year ended, for a period inside it, is the usual CPAM case.
    const measure = await backend.ok('indicators.saveMeasure', {
      indicatorId: rate.id,
      contractYearId: year(3),
      value: 72.4,
      periodStart: '2025-04-15',
      periodEnd: '2026-03-31',
      measuredOn: '2026-05-15',
      status: 'declare',
      source: 'Requête CPAM',
    });
    expect(measure).toMatchObject({ value: 72.4, status: 'declare', yearIndex: 3, computedFrom: null });
    const edited = await backend.ok('indicators.saveMeasure', {
      id: measure.id,
      indicatorId: rate.id,
      contractYearId: year(3),
      value: 72.4,
      measuredOn: '2026-06-01',
      status: 'valide',
    });
    expect(edited).toMatchObject({ id: measure.id, status: 'valide' });
    const detail = await backend.ok('indicators.get', { id: rate.id });
    expect(detail.measures).toHaveLength(1);
    expect(detail.targets[0]!.tiers).toHaveLength(3);
  });
});

/** Counts the queries a Kysely instance runs. */
function countingPlugin(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      plugin.count++;
      return args.node;
    },
    async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
      return args.result;
    },
  };
  return plugin;
}

describe('le tableau de suivi of a contract year', () => {
  /** Taille 3 envelopes seen in a signed year-5 annex (domain notes part 2, §1.2), in euros: fixe, variable. */
  const ENVELOPES = {
    acces: [90_000, 35_000],
    parcours: [45_000, 45_000],
    prevention: [17_500, 17_500],
    crise: [22_500, 67_500],
    qualite: [15_000, 15_000],
    accompagnement: [10_000, 10_000],
  } as const;

  interface Line {
    indicator: Partial<IndicatorInput>;
    target?: Omit<ChannelInput<'indicators.saveTarget'>, 'indicatorId' | 'contractYearId'>;
    measures?: { value: number; status?: 'brouillon' | 'declare' | 'valide'; measuredOn?: string }[];
  }

  const yesNo = (
    label: string,
    euros: number,
    value: number | null,
    missionCode: IndicatorInput['missionCode'],
  ): Line => ({
    indicator: { missionCode, label, valueType: 'oui_non', kind: 'moyens', dataSource: 'cpts' },
    target: { paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: euros * 100 },
    measures: value === null ? [] : [{ value }],
  });
  const count = (
    label: string,
    cible: number,
    euros: number,
    value: number | null,
    missionCode: IndicatorInput['missionCode'],
  ): Line => ({
    indicator: { missionCode, label, kind: 'processus' },
    target: { paymentRule: 'tout_ou_rien', targetValue: cible, maxCents: euros * 100 },
    measures: value === null ? [] : [{ value }],
  });

  const LINES: Line[] = [
    {
      indicator: { label: 'Patients en ALD sans MT', direction: 'baisse', baselineValue: 219 },
      target: { paymentRule: 'paliers', tiers: ALD_TIERS },
      measures: [{ value: 80, status: 'valide' }],
    },
    yesNo('Maintenir le partenariat avec la CPAM', 2_000, 1, 'acces'),
    {
      indicator: { label: 'Patients de plus de 70 ans sans MT', direction: 'baisse', baselineValue: 303 },
      target: { paymentRule: 'tout_ou_rien', targetValue: 203, maxCents: 2_400_000 },
      measures: [{ value: 250 }],
    },
    {
      indicator: { missionCode: 'parcours', label: 'Patients intégrés au parcours diabète' },
      target: { paymentRule: 'proportionnel', targetValue: 100, maxCents: 2_000_000 },
      measures: [{ value: 64 }],
    },
    yesNo('Soirée pluriprofessionnelle annuelle', 3_000, 1, 'parcours'),
    count('Réunions de suivi du parcours', 4, 22_000, null, 'parcours'),
    {
      indicator: {
        missionCode: 'prevention',
        label: 'Dépistage du cancer du sein',
        valueType: 'taux',
        baselineValue: 66.26,
      },
      target: { paymentRule: 'paliers', tiers: BREAST_TIERS },
      // The CPAM's validated 72,40 % counts, not the later draft at 76 %.
      measures: [
        { value: 72.4, status: 'valide', measuredOn: '2026-05-10' },
        { value: 76, status: 'brouillon', measuredOn: '2026-06-10' },
      ],
    },
    {
      indicator: {
        missionCode: 'prevention',
        label: 'Dépistage du cancer du col',
        valueType: 'taux',
        baselineValue: 64.08,
      },
      target: {
        paymentRule: 'paliers',
        tiers: [
          { rank: 1, label: 'socle', threshold: 66.7, amountCents: 100_000 },
          { rank: 2, label: 'intermédiaire', threshold: 67.45, amountCents: 200_000 },
          { rank: 3, label: 'objectif', threshold: 68.2, amountCents: 300_000 },
        ],
      },
      measures: [{ value: 66.5 }],
    },
    count('Journées de sensibilisation', 3, 11_000, 3, 'prevention'),
    yesNo('Plan de crise conforme à la trame nationale', 0, 1, 'crise'),
    count('Réunions de partage d’expérience', 2, 5_000, 2, 'qualite'),
    count('Soirées de formation', 2, 5_000, 3, 'qualite'),
    count('Revues de pertinence', 2, 5_000, 1, 'qualite'),
    { indicator: { missionCode: 'qualite', label: 'Indicateur sans cible cette année' } },
    {
      indicator: { missionCode: 'accompagnement', label: 'Stagiaires accueillis', baselineValue: 2 },
      target: { paymentRule: 'proportionnel', targetValue: 6, maxCents: 350_000 },
      measures: [{ value: 5 }],
    },
    count('Professionnels aidés à l’installation', 3, 3_500, 4, 'accompagnement'),
    yesNo('Boutons d’urgence pour la sécurité des soignants', 3_000, 0, 'accompagnement'),
  ];

  async function seedYear(yearId: number): Promise<IndicatorRow[]> {
    const db = backend.database.db;
    for (const [mission, [fixed, variable]] of Object.entries(ENVELOPES)) {
      await db
        .insertInto('aci_envelope')
        .values({
          contract_year_id: yearId,
          mission_code: mission as IndicatorInput['missionCode'],
          fixed_cents: fixed * 100,
          variable_max_cents: variable * 100,
        })
        .execute();
    }
    const indicators: IndicatorRow[] = [];
    for (const line of LINES) {
      const indicator = await backend.ok('indicators.create', base(contract.id, line.indicator));
      indicators.push(indicator);
      if (line.target) {
        await backend.ok('indicators.saveTarget', {
          ...line.target,
          indicatorId: indicator.id,
          contractYearId: yearId,
        });
      }
      for (const measure of line.measures ?? []) {
        await backend.ok('indicators.saveMeasure', {
          indicatorId: indicator.id,
          contractYearId: yearId,
          value: measure.value,
          status: measure.status ?? 'declare',
          measuredOn: measure.measuredOn ?? '2026-05-02',
        });
      }
    }
    // An archived indicator without a target this year stays out of the table.
    const archived = await backend.ok('indicators.create', base(contract.id, { label: 'Ancien indicateur' }));
    await backend.ok('indicators.archive', { id: archived.id, archived: true });
    return indicators;
  }

  it('computes each indicator, each mission and the year, hand-checked, in two queries', async () => {
    await seedYear(year(3));
    const counter = countingPlugin();
    const table = await trackingTable(backend.database.db.withPlugin(counter), year(3));
    expect(counter.count).toBe(2);

    expect(table).toMatchObject({
      yearIndex: 3,
      startOn: '2025-04-15',
      endOn: '2026-04-14',
      contractNumber: 'CPTS-38-2023-01',
    });
    expect(table.missions[0]).toMatchObject({
      label: 'Amélioration de l’accès aux soins',
      shortLabel: 'Accès aux soins',
    });
    expect(table.missions.map((mission) => mission.missionCode)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'crise',
      'qualite',
      'accompagnement',
    ]);
    const earned = Object.fromEntries(
      table.missions.map((mission) => [
        mission.missionCode,
        mission.indicators.map((line) => line.result?.earnedCents ?? null),
      ]),
    );
    expect(earned).toEqual({
      // ALD 80 patients: palier 2 (≤ 100) → 6 000 €; partenariat → 2 000 €; 250 > 203 → 0 €.
      acces: [600_000, 200_000, 0],
      // 64 / 100 of 20 000 € → 12 800 €; soirée → 3 000 €; not measured → 0 €.
      parcours: [1_280_000, 300_000, 0],
      // 72,40 % validé → palier 2 → 2 500 €; 66,5 % < 66,70 % → 0 €; 3 journées → 11 000 €.
      prevention: [250_000, 0, 1_100_000],
      crise: [0],
      qualite: [500_000, 500_000, 0, null],
      // (5 − 2) / (6 − 2) of 3 500 € → 2 625 €; 4 ≥ 3 → 3 500 €; non → 0 €.
      accompagnement: [262_500, 350_000, 0],
    });
    const breast = table.missions[2]!.indicators[0]!;
    expect(breast.measure).toMatchObject({ value: 72.4, status: 'valide' });
    expect(breast.measureCount).toBe(2);
    expect(breast.result?.tierReached).toMatchObject({ rank: 2, label: 'intermédiaire' });
    expect(table.missions[0]!.indicators[0]!.result?.status).toBe('partiel');
    expect(table.missions[4]!.indicators[3]).toMatchObject({ target: null, result: null });

    const acces = table.missions[0]!.result;
    expect(acces).toMatchObject({ fixedCents: 9_000_000, variableMaxCents: 3_500_000, indicatorsMaxCents: 3_500_000 });
    expect(acces.earnedCents).toBe(800_000);
    expect(acces.attainmentRate).toBeCloseTo(8_000 / 35_000, 10);
    expect(acces.mismatch).toBeNull();
    expect(table.missions.map((mission) => mission.result.earnedCents)).toEqual([
      800_000, 1_580_000, 1_350_000, 0, 1_000_000, 612_500,
    ]);

    // Crise: 67 500 € of variable part, no indicator priced: the warning says so.
    expect(table.warnings).toEqual([
      expect.stringMatching(
        /^Les indicateurs de la mission Crises sanitaires totalisent 0\u00a0€ pour une part variable de 67\u00a0500\u00a0€ \(écart 67\u00a0500\u00a0€\)\.$/,
      ),
    ]);
    expect(table.result).toMatchObject({
      fixedCents: 20_000_000,
      variableMaxCents: 19_000_000,
      indicatorsMaxCents: 12_250_000,
      earnedCents: 5_342_500,
      totalCents: 25_342_500,
      counts: { non_mesure: 1, atteint: 7, partiel: 4, non_atteint: 4 },
    });
    expect(table.result.attainmentRate).toBeCloseTo(53_425 / 190_000, 10);

    // What year 4 may carry over: every target of year 3 not fully met (the crisis plan, worth 0 €, was met).
    const candidates = await backend.ok('indicators.carryOverCandidates', { contractYearId: year(4) });
    expect(candidates.map((line) => line.indicator.label)).toEqual([
      'Patients en ALD sans MT',
      'Patients de plus de 70 ans sans MT',
      'Patients intégrés au parcours diabète',
      'Réunions de suivi du parcours',
      'Dépistage du cancer du sein',
      'Dépistage du cancer du col',
      'Revues de pertinence',
      'Stagiaires accueillis',
      'Boutons d’urgence pour la sécurité des soignants',
    ]);
    expect(await backend.ok('indicators.carryOverCandidates', { contractYearId: year(1) })).toEqual([]);
  });

  it('answers the same through the handler, and stays fast on 6 missions × 8 indicators × 5 years', async () => {
    await seedYear(year(3));
    const viaHandler = await backend.ok('indicators.results', { contractYearId: year(3) });
    expect(viaHandler.result.earnedCents).toBe(5_342_500);

    // A full contract: 48 indicators with a 3-tier target and two measures in each of the 5 years.
    const db = backend.database.db;
    const missions = ['acces', 'parcours', 'prevention', 'crise', 'qualite', 'accompagnement'] as const;
    await db.transaction().execute(async (trx) => {
      for (const [m, mission] of missions.entries()) {
        for (let i = 0; i < 8; i++) {
          const { id } = await trx
            .insertInto('indicator')
            .values({
              contract_id: contract.id,
              mission_code: mission,
              label: `Indicateur ${m}.${i}`,
              kind: 'resultat',
              value_type: 'taux',
              baseline_value: 50,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const yearId of contract.years) {
            if (yearId === year(3) && m === 0 && i === 0) continue;
            const target = await trx
              .insertInto('indicator_target')
              .values({
                indicator_id: id,
                contract_year_id: yearId,
                payment_rule: 'paliers',
                target_value: 70,
                max_cents: 300_000,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('indicator_tier')
              .values(
                [55, 60, 70].map((threshold, r) => ({
                  target_id: target.id,
                  rank: r + 1,
                  threshold,
                  amount_cents: (r + 1) * 100_000,
                })),
              )
              .execute();
            await trx
              .insertInto('indicator_measure')
              .values([
                {
                  indicator_id: id,
                  contract_year_id: yearId,
                  value: 58 + i,
                  measured_on: '2026-01-01',
                  status: 'declare',
                },
                {
                  indicator_id: id,
                  contract_year_id: yearId,
                  value: 61 + i,
                  measured_on: '2026-02-01',
                  status: 'valide',
                },
              ])
              .execute();
          }
        }
      }
    });
    const started = performance.now();
    const table = await trackingTable(db, year(5));
    const elapsed = performance.now() - started;
    expect(table.missions.flatMap((mission) => mission.indicators)).toHaveLength(48 + LINES.length);
    // 61 + i ≥ 60 → palier 2 (2 000 €) for i ≤ 8, palier 3 (3 000 €) from 70: i = 9 never occurs → 48 × 2 000 €.
    expect(table.result.earnedCents).toBe(48 * 200_000);
    console.log(`tableau de suivi, 48 indicateurs de plus, année 5 : ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(500);
  });
});

describe('evidence', () => {
  it('attaches a file, a meeting and a meeting document, checks them, and lists what is still missing', async () => {
    const source = join(backend.database.dir, 'emargement-soiree.pdf');
    writeFileSync(source, '%PDF-1.4 feuille');
    const withFile = await testBackend({ chooseOpenPath: async () => source });
    const db = withFile.database.db;
    const c = await insertContract(db, 'C');
    try {
      const soiree = await withFile.ok(
        'indicators.create',
        base(c.id, { missionCode: 'parcours', label: 'Soirée pluriprofessionnelle', valueType: 'oui_non' }),
      );
      const cpam = await withFile.ok('indicators.create', base(c.id, { label: 'Patients en ALD sans MT' }));
      const sheets = await withFile.ok('indicators.saveRequirement', {
        indicatorId: soiree.id,
        label: 'Feuilles d’émargement',
      });
      const minutes = await withFile.ok('indicators.saveRequirement', {
        indicatorId: soiree.id,
        label: 'Comptes rendus',
      });
      const support = await withFile.ok('indicators.saveRequirement', {
        indicatorId: soiree.id,
        label: 'Supports de présentation',
        required: false,
      });
      const data = await withFile.ok('indicators.saveRequirement', {
        indicatorId: cpam.id,
        label: 'Données statistiques CPAM',
      });

      const before = await withFile.ok('indicators.missingEvidence', { contractYearId: c.years[2]! });
      expect(before.map((row) => row.label)).toEqual([
        'Données statistiques CPAM',
        'Feuilles d’émargement',
        'Comptes rendus',
      ]);

      const attached = await withFile.ok('indicators.attachEvidenceFile', {
        requirementId: sheets.id,
        contractYearId: c.years[2]!,
        title: 'Émargement soirée diabète',
      });
      if ('cancelled' in attached) throw new Error('fichier attendu');
      expect(attached).toMatchObject({
        kind: 'document',
        label: 'Émargement soirée diabète',
        providedOn: '2026-11-23',
        checked: false,
      });
      expect(readdirSync(withFile.context.documentsDir)).toHaveLength(1);

      const meeting = await db
        .insertInto('meeting')
        .values({ type: 'commission', title: 'Soirée diabète', date: '2025-10-02', status: 'tenue' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const meetingDocument = await db
        .insertInto('meeting_document')
        .values({ meeting_id: meeting.id, file_name: 'compte-rendu.pdf', stored_name: 'abc.pdf', size: 10 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const linked = await withFile.ok('indicators.linkEvidence', {
        requirementId: minutes.id,
        contractYearId: c.years[2]!,
        source: { kind: 'meeting_document', meetingDocumentId: meetingDocument.id },
        remark: 'CR validé en bureau',
      });
      expect(linked).toMatchObject({
        kind: 'meeting_document',
        meetingId: meeting.id,
        label: 'compte-rendu.pdf (Soirée diabète)',
        meetingDate: '2025-10-02',
      });
      const checked = await withFile.ok('indicators.updateEvidence', { id: linked.id, checked: true, remark: 'Vu' });
      expect(checked).toMatchObject({ checked: true, remark: 'Vu' });

      const after = await withFile.ok('indicators.missingEvidence', { contractYearId: c.years[2]! });
      expect(after.map((row) => row.requirementId)).toEqual([data.id]);
      // Evidence counts for one year only.
      expect((await withFile.ok('indicators.missingEvidence', { contractYearId: c.years[3]! })).length).toBe(3);
      const all = await withFile.ok('indicators.evidence', { contractYearId: c.years[2]! });
      expect(all.find((row) => row.requirementId === support.id)).toMatchObject({ required: false, missing: false });

      await withFile.ok('indicators.deleteEvidence', { id: attached.id });
      expect(readdirSync(withFile.context.documentsDir)).toHaveLength(0);
      expect(await db.selectFrom('document').selectAll().execute()).toEqual([]);
    } finally {
      await withFile.database.dispose();
    }
  });

  it('asks for no file when the year is not the indicator’s contract, and returns cancelled on a closed dialog', async () => {
    const indicator = await backend.ok('indicators.create', base(contract.id, { label: 'Partenariat' }));
    const requirement = await backend.ok('indicators.saveRequirement', {
      indicatorId: indicator.id,
      label: 'Conventions signées',
    });
    const other = await insertContract(backend.database.db, 'AUTRE');
    await expectRefused(
      'indicators.attachEvidenceFile',
      { requirementId: requirement.id, contractYearId: other.years[0]! },
      /autre contrat/,
    );
    expect(
      await backend.ok('indicators.attachEvidenceFile', { requirementId: requirement.id, contractYearId: year(1) }),
    ).toEqual({ cancelled: true });
    expect(existsSync(backend.context.documentsDir) ? readdirSync(backend.context.documentsDir) : []).toEqual([]);
  });
});

describe('values Maillage measures itself', () => {
  /** Members: profession, joined, left. */
  const MEMBERS: [string | null, string, string | null][] = [
    ['10', '2022-01-10', null],
    ['10', '2025-06-01', null],
    ['60', '2025-09-15', null],
    ['60', '2023-02-01', '2025-12-31'],
    ['70', '2026-03-01', null],
    ['X-COORD', '2024-01-01', null],
    ['21', '2026-12-01', null],
  ];
  /** RCP: date, status, present professions (member indexes), guest professions present. */
  const RCPS: [string, 'tenue' | 'prevue' | 'annulee', number[], string[]][] = [
    ['2026-05-12', 'tenue', [0, 2], ['50']],
    ['2026-06-20', 'tenue', [1, 4, 5], []],
    ['2026-07-01', 'annulee', [6], ['40']],
    ['2026-03-01', 'tenue', [0], ['26']],
  ];

  async function seed() {
    const db = backend.database.db;
    const ids: number[] = [];
    for (const [profession, joined, left] of MEMBERS) {
      const row = await db
        .insertInto('member')
        .values({
          kind: 'person',
          last_name: 'Nom',
          first_name: 'Prénom',
          profession_code: profession,
          joined_on: joined,
          left_on: left,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    for (const [date, status, present, guests] of RCPS) {
      const meeting = await db
        .insertInto('meeting')
        .values({ type: 'rcp', title: 'RCP', date, status })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const index of present) {
        await db
          .insertInto('meeting_participant')
          .values({ meeting_id: meeting.id, member_id: ids[index]!, attendance: 'present' })
          .execute();
      }
      await db
        .insertInto('meeting_participant')
        .values({ meeting_id: meeting.id, member_id: ids[3]!, attendance: 'excuse' })
        .execute();
      for (const profession of guests) {
        await db
          .insertInto('meeting_participant')
          .values({ meeting_id: meeting.id, profession_code: profession, attendance: 'present' })
          .execute();
      }
    }
    const fiche = await db
      .insertInto('fiche_action')
      .values({ title: 'Parcours diabète' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [date, status, present, guests] of [
      ['2026-05-05', 'tenue', [0, 1], 2],
      ['2026-09-05', 'tenue', [0, 2], 1],
      ['2026-10-05', 'prevue', [4], 0],
      ['2025-10-05', 'tenue', [4], 0],
    ] as const) {
      const meeting = await db
        .insertInto('meeting')
        .values({ type: 'commission', title: 'Groupe diabète', date, status })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('fiche_action_meeting').values({ fiche_id: fiche.id, meeting_id: meeting.id }).execute();
      for (const index of present) {
        await db
          .insertInto('meeting_participant')
          .values({ meeting_id: meeting.id, member_id: ids[index]!, attendance: 'present' })
          .execute();
      }
      for (let g = 0; g < guests; g++) {
        await db
          .insertInto('meeting_participant')
          .values({ meeting_id: meeting.id, guest_name: `Invité ${g}`, attendance: 'present' })
          .execute();
      }
    }
    return { fiche: fiche.id };
  }

  /** Independent counts, from the seed arrays. */
  function expected(from: string, to: string) {
    const active = MEMBERS.filter(([, joined, left]) => joined <= to && (left === null || left > to));
    const held = RCPS.filter(([date, status]) => status === 'tenue' && date >= from && date <= to);
    const rcpProfessions = new Set(
      held
        .flatMap(([, , present, guests]) => [...present.map((i) => MEMBERS[i]![0]!), ...guests])
        .filter((p) => !p.startsWith('X-')),
    );
    return {
      rcp_tenues: held.length,
      rcp_professions: rcpProfessions.size,
      adherents_actifs: active.length,
      'adherents_profession:10': active.filter(([p]) => p === '10').length,
      adherents_professions: new Set(active.map(([p]) => p).filter((p) => p && !p.startsWith('X-'))).size,
      nouveaux_adherents: MEMBERS.filter(([, joined]) => joined >= from && joined <= to).length,
    };
  }

  it('counts RCP, professions and members over a period as an independent count does', async () => {
    await seed();
    const db = backend.database.db;
    for (const [from, to] of [
      ['2026-04-15', '2026-11-23'],
      ['2025-04-15', '2026-04-14'],
    ] as const) {
      const want = expected(from, to);
      for (const [code, value] of Object.entries(want)) {
        expect([code, await computeAutoMeasure(db, code, null, from, to)]).toEqual([code, value]);
      }
    }
    // Sanity of the fixture: year 4 so far holds 2 RCP held with médecin, infirmier, sage-femme, kiné.
    expect(expected('2026-04-15', '2026-11-23')).toMatchObject({ rcp_tenues: 2, rcp_professions: 4 });
  });

  it('counts the meetings of a fiche action and their participants', async () => {
    const { fiche } = await seed();
    const db = backend.database.db;
    // Held in year 4 up to today: 5 May (members 0, 1 + 2 guests) and 5 September (members 0, 2 + 1 guest).
    expect(await computeAutoMeasure(db, 'reunions_fiche', fiche, '2026-04-15', '2026-11-23')).toBe(2);
    expect(await computeAutoMeasure(db, 'participants_fiche', fiche, '2026-04-15', '2026-11-23')).toBe(3 + 3);
  });

  it('shows the live value with its explanation and freezes it as a draft measure', async () => {
    await seed();
    const indicator = await backend.ok(
      'indicators.create',
      base(contract.id, {
        missionCode: 'qualite',
        label: 'RCP tenues',
        dataSource: 'maillage',
        autoMeasure: 'rcp_tenues',
      }),
    );
    const live = await backend.ok('indicators.liveValue', { indicatorId: indicator.id, contractYearId: year(4) });
    expect(live).toMatchObject({ value: 2, periodStart: '2026-04-15', periodEnd: '2026-11-23' });
    expect(live.explanation).toMatch(
      /^RCP tenues, du 15 avril 2026 au 23 novembre 2026 : Nombre de réunions de type RCP/,
    );

    await expectRefused(
      'indicators.freezeMeasure',
      { indicatorId: indicator.id, contractYearId: year(4) },
      /fixez d’abord la cible/,
    );
    await backend.ok('indicators.saveTarget', {
      indicatorId: indicator.id,
      contractYearId: year(4),
      paymentRule: 'tout_ou_rien',
      targetValue: 10,
      maxCents: 500_000,
    });
    const frozen = await backend.ok('indicators.freezeMeasure', { indicatorId: indicator.id, contractYearId: year(4) });
    expect(frozen).toMatchObject({
      value: 2,
      status: 'brouillon',
      measuredOn: '2026-11-23',
      periodEnd: '2026-11-23',
      source: 'Maillage',
      computedFrom: live.explanation,
    });
    await expectRefused(
      'indicators.liveValue',
      { indicatorId: indicator.id, contractYearId: year(5) },
      /commence le 15 avril 2027/,
    );
    const catalogue = await backend.ok('indicators.autoMeasures');
    expect(catalogue.map((entry) => entry.code)).toContain('participants_fiche');
  });
});

describe('evidence kept with its indicator', () => {
  it('counts evidence per indicator in the tableau de suivi and removes stored files with their requirement or indicator', async () => {
    const source = join(backend.database.dir, 'convention.pdf');
    writeFileSync(source, '%PDF-1.4 convention');
    const withFile = await testBackend({ chooseOpenPath: async () => source });
    const db = withFile.database.db;
    const c = await insertContract(db, 'C');
    try {
      const indicator = await withFile.ok(
        'indicators.create',
        base(c.id, { label: 'Convention CPAM', valueType: 'oui_non' }),
      );
      await withFile.ok('indicators.saveTarget', {
        indicatorId: indicator.id,
        contractYearId: c.years[0]!,
        paymentRule: 'tout_ou_rien',
        targetValue: 1,
        maxCents: 200_000,
      });
      const signed = await withFile.ok('indicators.saveRequirement', {
        indicatorId: indicator.id,
        label: 'Conventions signées',
      });
      const sheets = await withFile.ok('indicators.saveRequirement', {
        indicatorId: indicator.id,
        label: 'Feuilles d’émargement',
      });
      const meeting = await db
        .insertInto('meeting')
        .values({ type: 'copil', title: 'COPIL CPAM', date: '2023-09-12', status: 'tenue' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const byMeeting = await withFile.ok('indicators.linkEvidence', {
        requirementId: sheets.id,
        contractYearId: c.years[0]!,
        source: { kind: 'meeting', meetingId: meeting.id },
        providedOn: '2023-09-15',
      });
      expect(byMeeting).toMatchObject({
        kind: 'meeting',
        meetingId: meeting.id,
        label: 'COPIL CPAM',
        providedOn: '2023-09-15',
      });
      let table = await withFile.ok('indicators.results', { contractYearId: c.years[0]! });
      expect(table.missions[0]!.indicators[0]!.evidence).toEqual({ required: 2, provided: 1, missing: 1 });

      await withFile.ok('indicators.attachEvidenceFile', { requirementId: signed.id, contractYearId: c.years[0]! });
      table = await withFile.ok('indicators.results', { contractYearId: c.years[0]! });
      expect(table.missions[0]!.indicators[0]!.evidence).toEqual({ required: 2, provided: 2, missing: 0 });
      expect((await withFile.ok('indicators.get', { id: indicator.id })).requirements.map((r) => r.label)).toEqual([
        'Conventions signées',
        'Feuilles d’émargement',
      ]);

      await withFile.ok('indicators.deleteRequirement', { id: signed.id });
      expect(readdirSync(withFile.context.documentsDir)).toEqual([]);
      expect(await db.selectFrom('document').selectAll().execute()).toEqual([]);

      const again = await withFile.ok('indicators.saveRequirement', {
        indicatorId: indicator.id,
        label: 'Conventions signées',
      });
      await withFile.ok('indicators.attachEvidenceFile', { requirementId: again.id, contractYearId: c.years[0]! });
      expect(readdirSync(withFile.context.documentsDir)).toHaveLength(1);
      await withFile.ok('indicators.delete', { id: indicator.id });
      expect(readdirSync(withFile.context.documentsDir)).toEqual([]);
      expect(await db.selectFrom('evidence').selectAll().execute()).toEqual([]);
      // The meeting itself stays: it was evidence, not owned by the indicator.
      expect(await db.selectFrom('meeting').select('id').execute()).toHaveLength(1);
    } finally {
      await withFile.database.dispose();
    }
  });
});
