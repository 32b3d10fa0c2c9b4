import { describe, it, expect, afterEach, vi } from 'vitest';
import { sql } from 'kysely';
import { invokeChannel } from '../../electron/ipc/invoke';
import type { Handlers } from '../../electron/ipc/handlers';
import { constraintError } from '../../electron/services/errors';
import { tempDatabase } from '../helpers/db';

type Database = Awaited<ReturnType<typeof tempDatabase>>;
const opened: Database[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (opened.length) await opened.pop()!.dispose();
});

async function database(): Promise<Database> {
  const created = await tempDatabase();
  opened.push(created);
  return created;
}

/** Runs a raw write on the real database and returns what SQLite threw. */
async function failure(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write should have failed');
}

/** The answer the renderer gets when a handler hits that failure (the table is real; one handler is replaced). */
async function answer(error: unknown) {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const handlers = {
    'colleges.list': async () => {
      throw error;
    },
  } as unknown as Handlers;
  return invokeChannel(handlers, 'colleges.list', undefined);
}

const RAW_SQLITE = /constraint failed|SQLITE|UNIQUE|FOREIGN KEY|NOT NULL|CHECK/;

describe('SQLite constraint failures reach the user as French sentences', () => {
  it('names the duplicated field of a UNIQUE constraint', async () => {
    const { db } = await database();
    await db
      .insertInto('college')
      .values({ name: 'Médecins', voting_right: 'deliberative', seats: null, description: null })
      .execute();
    const error = await failure(() =>
      db
        .insertInto('college')
        .values({ name: 'Médecins', voting_right: 'deliberative', seats: null, description: null })
        .execute(),
    );
    expect((error as { code: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    const result = await answer(error);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Cette valeur existe déjà : le champ « nom du collège » doit être unique. Rien n’a été enregistré.',
      },
    });
  });

  it('names the RPPS when two members share it (partial unique index)', async () => {
    const { db } = await database();
    const member = { kind: 'person' as const, last_name: 'Martin', first_name: 'Anne', rpps: '10001234567' };
    await db.insertInto('member').values(member).execute();
    const error = await failure(() =>
      db
        .insertInto('member')
        .values({ ...member, first_name: 'Paul' })
        .execute(),
    );
    const result = await answer(error);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/« numéro RPPS » doit être unique/);
  });

  it('explains a FOREIGN KEY failure without SQLite words', async () => {
    const { db } = await database();
    const error = await failure(() =>
      db
        .insertInto('mandate')
        .values({ member_id: 999_999, role: 'president', label: null, start_on: '2026-01-01', end_on: null })
        .execute(),
    );
    expect((error as { code: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    const result = await answer(error);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toMatch(/fait référence à un élément qui n’existe plus/);
    expect(result.error.message).not.toMatch(RAW_SQLITE);
  });

  it('names the missing field of a NOT NULL constraint', async () => {
    const { db } = await database();
    const error = await failure(() =>
      sql`insert into meeting (type, title, date) values ('ca', null, '2026-11-22')`.execute(db),
    );
    expect((error as { code: string }).code).toBe('SQLITE_CONSTRAINT_NOTNULL');
    const result = await answer(error);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Une information obligatoire manque : titre de la réunion. Rien n’a été enregistré.',
      },
    });
  });

  it('names the refused field of a CHECK constraint', async () => {
    const { db } = await database();
    const error = await failure(() =>
      sql`insert into college (name, voting_right) values ('Infirmiers', 'absolu')`.execute(db),
    );
    expect((error as { code: string }).code).toBe('SQLITE_CONSTRAINT_CHECK');
    const result = await answer(error);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Une valeur n’est pas acceptée pour le champ « droit de vote du collège ». Rien n’a été enregistré.',
      },
    });
  });

  it('stays generic but useful for a table or column it cannot name', () => {
    const unknownColumn = Object.assign(new Error('UNIQUE constraint failed: audit_log.detail'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect(constraintError(unknownColumn)?.message).toBe(
      'Cet enregistrement existe déjà (le journal des modifications identique est déjà présent). Rien n’a été enregistré.',
    );
    const unknownTable = Object.assign(new Error('NOT NULL constraint failed: nowhere.thing'), {
      code: 'SQLITE_CONSTRAINT_NOTNULL',
    });
    expect(constraintError(unknownTable)?.message).toBe('Une information obligatoire manque. Rien n’a été enregistré.');
    const trigger = Object.assign(new Error('boom'), { code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect(constraintError(trigger)?.message).toMatch(/contredit des données existantes/);
    expect(constraintError(new Error('other'))).toBeNull();
  });

  it('keeps unknown errors generic and logs the raw detail only', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await answer(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/Cannot read|undefined/);
    expect(logged).toHaveBeenCalled();
  });
});
