/** Migration 0006: an assembly held before it keeps its presences (now as dated events) and its votes. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database';
import { migrations } from '../../electron/db/migrations/index';
import { tempDir } from '../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('0006_assembly_record', () => {
  it('turns the known arrival and departure times into events and keeps resolutions, votes and meetings', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'maillage.sqlite');
    // The migrations released before 0006 (later ones, such as 0007, come after it).
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006_assembly_record'));
    const v5 = await openDatabase({ file, migrations: before });
    const martin = await v5.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Martin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bernard = await v5.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Bernard' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const meeting = await v5.db
      .insertInto('meeting')
      .values({ type: 'ago', title: 'AG 2026', date: '2026-06-18' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await v5.db
      .insertInto('ag_presence')
      .values([
        {
          meeting_id: meeting.id,
          member_id: martin.id,
          present: 1,
          arrived_at: '2026-06-18T16:31:00.000Z',
          left_at: null,
        },
        {
          meeting_id: meeting.id,
          member_id: bernard.id,
          present: 0,
          arrived_at: '2026-06-18T16:32:00.000Z',
          left_at: '2026-06-18T17:40:00.000Z',
        },
      ])
      .execute();
    await v5.db
      .insertInto('resolution')
      .values({
        meeting_id: meeting.id,
        agenda_item_id: null,
        position: 1,
        title: 'Comptes',
        text: 'L’assemblée approuve les comptes.',
        votes_pour: 2,
        votes_contre: 0,
        adopted: 1,
      })
      .execute();
    await v5.close();

    const v6 = await openDatabase({ file });
    const events = await v6.db
      .selectFrom('ag_presence_event')
      .select(['member_id', 'kind', 'at'])
      .orderBy('at')
      .execute();
    expect(events).toEqual([
      { member_id: martin.id, kind: 'arrivee', at: '2026-06-18T16:31:00.000Z' },
      { member_id: bernard.id, kind: 'arrivee', at: '2026-06-18T16:32:00.000Z' },
      { member_id: bernard.id, kind: 'depart', at: '2026-06-18T17:40:00.000Z' },
    ]);
    expect(
      await v6.db
        .selectFrom('resolution')
        .select(['title', 'votes_pour', 'adopted', 'voted_at', 'college_votes_json'])
        .execute(),
    ).toEqual([{ title: 'Comptes', votes_pour: 2, adopted: 1, voted_at: null, college_votes_json: null }]);
    expect(await v6.db.selectFrom('meeting').select(['title', 'pv_snapshot']).execute()).toEqual([
      { title: 'AG 2026', pv_snapshot: null },
    ]);
    await expect(
      v6.db
        .insertInto('ag_presence_event')
        .values({ meeting_id: meeting.id, member_id: martin.id, kind: 'retour' as never, at: 'x' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    // Deleting the meeting removes its events, not the members.
    await v6.db.deleteFrom('meeting').where('id', '=', meeting.id).execute();
    expect(await v6.db.selectFrom('ag_presence_event').selectAll().execute()).toEqual([]);
    expect(await v6.db.selectFrom('member').select('id').execute()).toHaveLength(2);
    await v6.close();
  });
});
