import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ContractDetail } from '@shared/contract';
import { seedContract } from '../fixtures/contract';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

let backend: Backend;
let contract: ContractDetail;

beforeEach(async () => {
  backend = await testBackend();
  contract = await seedContract(backend);
});
afterEach(async () => {
  await backend.database.dispose();
});

const indicator = (over: Partial<ChannelInput<'indicators.create'>>): ChannelInput<'indicators.create'> => ({
  contractId: contract.id,
  missionCode: 'acces',
  label: 'Indicateur',
  kind: 'resultat',
  valueType: 'nombre',
  direction: 'hausse',
  dataSource: 'cpam',
  ...over,
});

/** The labels of a mission's indicators, in the order of the list and of the tableau de suivi of year 1. */
async function orders(missionCode: 'acces' | 'prevention' = 'acces') {
  const list = await backend.ok('indicators.list', { contractId: contract.id, missionCode, includeArchived: true });
  const table = await backend.ok('indicators.results', { contractYearId: contract.years[0]!.id });
  return {
    list: list.map((row) => row.label),
    table: table.missions.find((m) => m.missionCode === missionCode)!.indicators.map((line) => line.indicator.label),
  };
}

/** Positions and the journal: a refusal changes neither. */
async function snapshot() {
  const db = backend.database.db;
  return {
    indicators: await db.selectFrom('indicator').select(['id', 'position']).orderBy('id').execute(),
    audit: await db.selectFrom('audit_log').selectAll().execute(),
  };
}

async function seedAcces() {
  const labels = ['Patients sans médecin traitant', 'Soins non programmés', 'Téléconsultations', 'Délai du SAS'];
  const rows = [];
  for (const label of labels) rows.push(await backend.ok('indicators.create', indicator({ label })));
  return rows;
}

describe('reordering the indicators of a mission', () => {
  it('puts the whole list in the given order, in the list and in the tableau de suivi', async () => {
    const [a, b, c, d] = await seedAcces();
    const other = await backend.ok('indicators.create', indicator({ missionCode: 'prevention', label: 'Dépistage' }));
    const answer = await backend.ok('indicators.reorder', {
      contractId: contract.id,
      missionCode: 'acces',
      ids: [c!.id, a!.id, d!.id, b!.id],
    });
    const expected = ['Téléconsultations', 'Patients sans médecin traitant', 'Délai du SAS', 'Soins non programmés'];
    expect(answer.map((row) => row.label)).toEqual(expected);
    expect(answer.map((row) => row.position)).toEqual([1, 2, 3, 4]);
    expect(await orders()).toEqual({ list: expected, table: expected });
    expect((await orders('prevention')).list).toEqual(['Dépistage']);
    expect((await backend.ok('indicators.get', { id: other.id })).position).toBe(1);

    // A new indicator comes last.
    await backend.ok('indicators.create', indicator({ label: 'Nouveau' }));
    expect((await orders()).table).toEqual([...expected, 'Nouveau']);
  });

  it('swaps the places of the indicators a screen shows, the others keep theirs', async () => {
    const [a, b, c, d] = await seedAcces();
    await backend.ok('indicators.archive', { id: c!.id, archived: true });
    // The year's list no longer shows « Téléconsultations »: « Délai du SAS » moves up past « Soins non programmés ».
    await backend.ok('indicators.reorder', {
      contractId: contract.id,
      missionCode: 'acces',
      ids: [a!.id, d!.id, b!.id],
    });
    expect(await orders()).toEqual({
      list: ['Patients sans médecin traitant', 'Délai du SAS', 'Téléconsultations', 'Soins non programmés'],
      table: ['Patients sans médecin traitant', 'Délai du SAS', 'Soins non programmés'],
    });
    const positions = await backend.database.db
      .selectFrom('indicator')
      .select(['id', 'position'])
      .where('mission_code', '=', 'acces')
      .orderBy('position')
      .execute();
    expect(positions).toEqual([
      { id: a!.id, position: 1 },
      { id: d!.id, position: 2 },
      { id: c!.id, position: 3 },
      { id: b!.id, position: 4 },
    ]);
  });

  it('refuses an indicator of another mission or contract, twice the same one, or an unknown one, writing nothing', async () => {
    const [a, b] = await seedAcces();
    const prevention = await backend.ok(
      'indicators.create',
      indicator({ missionCode: 'prevention', label: 'Dépistage' }),
    );
    const db = backend.database.db;
    const { id: otherContractId } = await db
      .insertInto('aci_contract')
      .values({ number: 'CPTS-38-2017-001', aci_version: 'initial', signed_on: '2017-04-01', status: 'echu' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await backend.ok(
      'indicators.create',
      indicator({ contractId: otherContractId, label: 'Indicateur de l’ancien contrat' }),
    );
    const cases: [number[], RegExp][] = [
      [
        [b!.id, prevention.id, a!.id],
        /« Dépistage » n’appartient pas à cette mission du contrat.*Rien n’a été enregistré/,
      ],
      [[b!.id, foreign.id], /« Indicateur de l’ancien contrat » n’appartient pas à cette mission/],
      [[b!.id, a!.id, b!.id], /figure deux fois/],
      [[b!.id, 999_999], /n’existe pas ou plus/],
    ];
    const before = await snapshot();
    for (const [ids, message] of cases) {
      const result = await backend.call('indicators.reorder', { contractId: contract.id, missionCode: 'acces', ids });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    }
    const empty = await backend.call('indicators.reorder', { contractId: contract.id, missionCode: 'acces', ids: [] });
    expect(empty.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
