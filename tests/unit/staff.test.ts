import { afterEach, describe, expect, it } from 'vitest';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend() {
  const created = await testBackend();
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const COORDINATOR = {
  fullName: 'Camille Bernard',
  role: 'Coordinatrice',
  employment: 'salarie' as const,
  fte: 0.8,
  startedOn: '2022-03-01',
  endedOn: null,
  note: null,
};

describe('staff', () => {
  it('lists the team with French labels, present first, and tells who is still there', async () => {
    const { ok } = await backend();
    await ok('staff.save', { ...COORDINATOR, fullName: 'Léa Martin', startedOn: '2021-01-04', endedOn: '2023-06-30' });
    await ok('staff.save', COORDINATOR);
    await ok('staff.save', {
      fullName: 'Cabinet Hippocrate',
      role: 'Comptabilité',
      employment: 'prestataire',
      fte: null,
      startedOn: '2023-01-01',
      endedOn: null,
      note: 'Forfait annuel',
    });
    const list = await ok('staff.list');
    expect(list.map((row) => [row.fullName, row.employmentLabel, row.fte, row.active])).toEqual([
      ['Camille Bernard', 'Salarié(e)', 0.8, true],
      ['Cabinet Hippocrate', 'Prestataire', null, true],
      ['Léa Martin', 'Salarié(e)', 0.8, false],
    ]);
  });

  it('updates a member of the team and deletes it after confirmation', async () => {
    const { ok, call, database } = await backend();
    const saved = await ok('staff.save', COORDINATOR);
    const updated = await ok('staff.save', { ...COORDINATOR, id: saved.id, role: 'Coordinatrice générale', fte: 1 });
    expect([updated.id, updated.role, updated.fte]).toEqual([saved.id, 'Coordinatrice générale', 1]);

    const unconfirmed = await call('staff.delete', { id: saved.id, confirm: false as unknown as true });
    expect(unconfirmed.ok).toBe(false);
    expect(await database.db.selectFrom('staff_member').select('id').execute()).toHaveLength(1);

    await ok('staff.delete', { id: saved.id, confirm: true });
    expect(await ok('staff.list')).toEqual([]);
    const again = await call('staff.delete', { id: saved.id, confirm: true });
    expect(again.ok ? null : again.error.message).toBe('Cette personne ne figure plus dans l’équipe.');
  });

  it('refuses a departure before the arrival and a time outside ]0, 1] ETP, under the field, and writes nothing', async () => {
    const { call, database } = await backend();
    const early = await call('staff.save', { ...COORDINATOR, endedOn: '2022-02-28' });
    expect(early.ok ? null : early.error.fields).toEqual({
      endedOn: 'La date de départ ne peut pas précéder la date d’arrivée.',
    });
    const zero = await call('staff.save', { ...COORDINATOR, fte: 0 });
    expect(zero.ok ? null : zero.error.fields?.fte).toBe('Le temps de travail est supérieur à 0 ETP.');
    const over = await call('staff.save', { ...COORDINATOR, fte: 1.2 });
    expect(over.ok ? null : over.error.fields?.fte).toBe('Le temps de travail ne dépasse pas 1 ETP.');
    const noDate = await call('staff.save', { ...COORDINATOR, startedOn: '' });
    expect(noDate.ok ? null : noDate.error.fields?.startedOn).toBe('Indiquez la date d’arrivée.');
    expect(await database.db.selectFrom('staff_member').select('id').execute()).toEqual([]);
  });
});
