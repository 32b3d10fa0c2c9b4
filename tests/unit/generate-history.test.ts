/**
 * The five-year history that the yearly documents are measured and tested on is deterministic and looks like a
 * taille-3 CPTS: its volumes are in the expected ranges, every AG reached its quorum and has an approved PV, and the
 * files it refers to exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/db/schema';
import { generateCptsHistory, RENEWAL_RESOLUTION } from '../../bench/generate-history';
import { tempDatabase } from '../helpers/db';

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function generated(seed = 1) {
  const database = await tempDatabase();
  disposers.push(database.dispose);
  const documentsDir = join(database.dir, 'documents');
  const history = await generateCptsHistory(database.db, { documentsDir, seed });
  return { db: database.db, documentsDir, history };
}

/** What the history is made of, without the times the database stamps itself. */
async function fingerprint(db: Kysely<DB>) {
  return {
    members: await db
      .selectFrom('member')
      .select(['last_name', 'first_name', 'profession_code', 'commune_code', 'joined_on', 'left_on'])
      .orderBy('id')
      .execute(),
    meetings: await db.selectFrom('meeting').select(['type', 'title', 'date', 'status']).orderBy('id').execute(),
    votes: await db.selectFrom('resolution').select(['votes_pour', 'votes_contre', 'adopted']).orderBy('id').execute(),
    measures: await db.selectFrom('indicator_measure').select(['indicator_id', 'value']).orderBy('id').execute(),
    evidence: await db
      .selectFrom('evidence')
      .select(['requirement_id', 'document_id', 'meeting_id'])
      .orderBy('id')
      .execute(),
    uses: await db.selectFrom('protocol_use').select(['protocol_id', 'used_on']).orderBy('id').execute(),
  };
}

const count = async (db: Kysely<DB>, table: keyof DB) =>
  Number((await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('generateCptsHistory', () => {
  it('makes the same history for the same seed, another for another seed', async () => {
    const first = await generated(1);
    const second = await generated(1);
    const other = await generated(2);
    expect(second.history).toEqual(first.history);
    const reference = await fingerprint(first.db);
    expect(await fingerprint(second.db)).toEqual(reference);
    expect((await fingerprint(other.db)).members).not.toEqual(reference.members);
  }, 60_000);

  it('looks like five years of a taille-3 CPTS', async () => {
    const { db, documentsDir, history } = await generated();
    expect(history.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(history.contractYears).toHaveLength(5);
    expect(history.contractYears[0]!.startOn).toBe('2021-04-01');
    expect(history.population).toBeGreaterThanOrEqual(80_000);
    expect(history.population).toBeLessThan(175_000);

    const cpts = await db.selectFrom('cpts').selectAll().executeTakeFirstOrThrow();
    expect(cpts.aci_signed_on).toBe('2021-04-01');
    const communes = await db.selectFrom('territory_commune').select(['code_insee', 'cog_year']).execute();
    expect(communes.length).toBeGreaterThan(5);
    expect(communes.some((commune) => commune.cog_year > 2021)).toBe(true);

    // Members: about 400 at the end, some joined and left over the years, all practising in the territory.
    expect(history.activeMembers).toBeGreaterThanOrEqual(370);
    expect(history.activeMembers).toBeLessThanOrEqual(430);
    const members = await db.selectFrom('member').select(['joined_on', 'left_on', 'commune_code']).execute();
    expect(members.filter((member) => member.left_on).length).toBeGreaterThan(10);
    const joinedYears = new Set(members.map((member) => member.joined_on!.slice(0, 4)));
    for (const year of ['2021', '2022', '2023', '2024', '2025']) expect(joinedYears.has(year)).toBe(true);
    const territory = new Set(communes.map((commune) => commune.code_insee));
    expect(members.every((member) => territory.has(member.commune_code!))).toBe(true);

    // Meetings: about 150 a year of every kind, an AG each year with its quorum met and its PV approved.
    const perYear = await db
      .selectFrom('meeting')
      .select([
        (eb) => eb.fn<string>('substr', ['date', eb.val(1), eb.val(4)]).as('year'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy('year')
      .execute();
    expect(perYear).toHaveLength(5);
    for (const row of perYear) expect(Number(row.n)).toBeGreaterThanOrEqual(130);
    const types = new Set((await db.selectFrom('meeting').select('type').distinct().execute()).map((row) => row.type));
    for (const type of ['ago', 'ca', 'bureau', 'commission', 'rcp', 'copil', 'dialogue_gestion'])
      expect(types.has(type)).toBe(true);
    const assemblies = await db.selectFrom('meeting').selectAll().where('type', '=', 'ago').execute();
    expect(assemblies).toHaveLength(5);
    for (const assembly of assemblies) {
      expect(assembly.pv_status).toBe('approuve');
      const resolutions = await db.selectFrom('resolution').selectAll().where('meeting_id', '=', assembly.id).execute();
      expect(resolutions.length).toBeGreaterThan(0);
      for (const resolution of resolutions) {
        expect(resolution.adopted).toBe(1);
        expect(JSON.parse(resolution.quorum_json!).met).toBe(true);
      }
    }
    // The AG of the contract's last year authorised its renewal.
    const renewal = await db
      .selectFrom('resolution')
      .innerJoin('meeting', 'meeting.id', 'resolution.meeting_id')
      .select(['meeting.date', 'resolution.adopted'])
      .where('resolution.title', '=', RENEWAL_RESOLUTION)
      .execute();
    expect(renewal.map((row) => [row.date.slice(0, 4), row.adopted])).toEqual([['2025', 1]]);
    expect(await count(db, 'rcp_case')).toBeGreaterThan(500);
    expect(await count(db, 'ag_presence')).toBeGreaterThan(100);

    // The projet de santé, the protocols, the staff.
    expect(history.fiches).toBe(60);
    expect(history.indicators).toBeGreaterThanOrEqual(36);
    expect(history.indicators).toBeLessThanOrEqual(44);
    expect(await count(db, 'indicator_target')).toBe(history.indicators * 5);
    const partnershipFiches = await db
      .selectFrom('fiche_action')
      .innerJoin('partnership', 'partnership.id', 'fiche_action.partnership_id')
      .select(['partnership.type', 'fiche_action.cpts_role'])
      .execute();
    expect(partnershipFiches.some((fiche) => fiche.type === 'cls')).toBe(true);
    expect(new Set(partnershipFiches.map((fiche) => fiche.cpts_role)).size).toBeGreaterThan(1);
    expect(history.protocols).toBe(30);
    expect(await count(db, 'protocol_use')).toBeGreaterThan(1000);
    expect(await count(db, 'staff_member')).toBe(3);
    const received = await db
      .selectFrom('aci_payment')
      .select('received_cents')
      .where('received_on', 'is not', null)
      .execute();
    expect(received.length).toBeGreaterThan(20);
    expect(await count(db, 'crisis_plan_event')).toBeGreaterThan(0);

    // Evidence partly provided, some as files that exist; the logo is a PNG on the cpts row.
    const requirements = await count(db, 'evidence_requirement');
    const evidence = await db.selectFrom('evidence').select(['document_id', 'meeting_id']).execute();
    expect(evidence.length).toBeGreaterThan(requirements);
    expect(evidence.length).toBeLessThan(requirements * 4);
    const files = await db
      .selectFrom('evidence')
      .innerJoin('document', 'document.id', 'evidence.document_id')
      .select(['document.stored_name', 'document.size'])
      .execute();
    expect(files.length).toBe(history.evidenceFiles);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = readFileSync(join(documentsDir, file.stored_name));
      expect(bytes.length).toBe(file.size);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const logo = await db
      .selectFrom('document')
      .select('stored_name')
      .where('id', '=', cpts.logo_document_id!)
      .executeTakeFirstOrThrow();
    expect(existsSync(join(documentsDir, logo.stored_name))).toBe(true);
    expect(readFileSync(join(documentsDir, logo.stored_name)).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);
});
