/**
 * The generated library of protocols that benchmarks and report tests build on is itself sound: versions follow each
 * other, the team holds the app's rules, every generated use is one the app itself accepts, and the statistics add
 * up to the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkRpps } from '@shared/domain/identifiers';
import { isCooperation } from '@shared/domain/protocol-labels';
import { generateCpts } from '../../bench/generate';
import { generateProtocols } from '../../bench/generate-protocols';
import { inForcePeriods } from '../../electron/services/protocols/uses';
import { testBackend } from '../helpers/handlers';
import type { Backend } from '../helpers/protocol-team';

let backend: Backend | null = null;
afterEach(async () => {
  await backend?.database.dispose();
  backend = null;
});

describe('bibliothèque de protocoles générée', () => {
  it('respecte les règles de l’application', async () => {
    backend = await testBackend();
    const b = backend;
    const db = b.database.db;
    await generateCpts(db, { members: 300, years: 6 });
    const library = await generateProtocols(db, { protocols: 80, versionsPerProtocol: 3, uses: 5000 });
    expect(library.protocolIds).toHaveLength(80);
    expect(library.versions).toBe(240);
    expect(library.uses).toBe(5000);
    expect(library.years).toEqual([2024, 2025, 2026]);

    // Versions: 1 and 2 superseded, each ending the day the next one comes into force; 3 in force today.
    const versions = await db
      .selectFrom('protocol_version')
      .selectAll()
      .orderBy('protocol_id')
      .orderBy('number')
      .execute();
    for (const protocolId of library.protocolIds) {
      const own = versions.filter((version) => version.protocol_id === protocolId);
      expect(own.map((version) => [version.number, version.status])).toEqual([
        [1, 'remplace'],
        [2, 'remplace'],
        [3, 'en_vigueur'],
      ]);
      expect(own[0]!.ended_on).toBe(own[1]!.in_force_on);
      expect(own[1]!.ended_on).toBe(own[2]!.in_force_on);
      expect(own[2]!.ended_on).toBeNull();
      expect(own[0]!.in_force_on! < '2024-01-01').toBe(true);
      for (const version of own) expect(version.validated_on! < version.in_force_on!).toBe(true);
      expect(own[2]!.next_review_on! > own[2]!.validated_on!).toBe(true);
    }

    // The team: délégants and délégués only in cooperation protocols, with a valid RPPS; national délégants are médecins.
    const team = await db
      .selectFrom('protocol_member as pm')
      .innerJoin('protocol as p', 'p.id', 'pm.protocol_id')
      .innerJoin('member as m', 'm.id', 'pm.member_id')
      .select([
        'p.family',
        'pm.role',
        'pm.joined_on',
        'pm.left_on',
        'm.rpps',
        'm.profession_code',
        'm.left_on as member_left_on',
      ])
      .execute();
    expect(team.length).toBe(library.teamMembers);
    for (const row of team) {
      if (row.role === 'delegant' || row.role === 'delegue') {
        expect(isCooperation(row.family)).toBe(true);
        expect(checkRpps(row.rpps ?? '').ok).toBe(true);
      }
      if (row.role === 'delegant' && row.family === 'coop_nationale') expect(row.profession_code).toBe('10');
      expect(row.member_left_on).toBeNull();
      if (row.left_on) expect(row.left_on > row.joined_on).toBe(true);
    }
    const families = await db.selectFrom('protocol').select('family').execute();
    expect(new Set(families.map((row) => row.family))).toEqual(
      new Set(['pluripro', 'coop_nationale', 'coop_locale', 'parcours', 'autre']),
    );

    // Every use falls in a period when a version was in force.
    const uses = await db.selectFrom('protocol_use').selectAll().execute();
    for (const protocolId of library.protocolIds) {
      const periods = await inForcePeriods(db, protocolId);
      for (const use of uses.filter((row) => row.protocol_id === protocolId))
        expect(
          periods.some((period) => period.from <= use.used_on && (!period.until || use.used_on < period.until)),
        ).toBe(true);
    }
    // A cooperation protocol's uses: by a délégué of the team that day, under a délégant of the team that day.
    const outOfTeam = await db
      .selectFrom('protocol_use as u')
      .innerJoin('protocol as p', 'p.id', 'u.protocol_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.family', 'in', ['coop_nationale', 'coop_locale'])
      .where((eb) =>
        eb.or([
          eb.not(
            eb.exists(
              eb
                .selectFrom('protocol_member as pm')
                .select('pm.id')
                .whereRef('pm.protocol_id', '=', 'u.protocol_id')
                .whereRef('pm.member_id', '=', 'u.professional_member_id')
                .where('pm.role', '=', 'delegue')
                .whereRef('pm.joined_on', '<=', 'u.used_on')
                .where((inner) =>
                  inner.or([inner('pm.left_on', 'is', null), inner('pm.left_on', '>', inner.ref('u.used_on'))]),
                ),
            ),
          ),
          eb.and([
            eb('u.delegant_member_id', 'is not', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('protocol_member as pm')
                  .select('pm.id')
                  .whereRef('pm.protocol_id', '=', 'u.protocol_id')
                  .whereRef('pm.member_id', '=', 'u.delegant_member_id')
                  .where('pm.role', '=', 'delegant')
                  .whereRef('pm.joined_on', '<=', 'u.used_on')
                  .where((inner) =>
                    inner.or([inner('pm.left_on', 'is', null), inner('pm.left_on', '>', inner.ref('u.used_on'))]),
                  ),
              ),
            ),
          ]),
        ]),
      )
      .executeTakeFirstOrThrow();
    expect(Number(outOfTeam.n)).toBe(0);

    // A sample of the generated uses, logged again through the real handler: the app's rules accept each.
    for (const use of uses.filter((_, index) => index % 100 === 0)) {
      const result = await b.call('protocolUses.log', {
        protocolId: use.protocol_id,
        usedOn: use.used_on,
        professionalMemberId: use.professional_member_id!,
        delegantMemberId: use.delegant_member_id,
        ageBand: use.age_band!,
        sex: use.sex!,
        hasMt: use.has_mt === 1,
        outcome: use.outcome,
        adverseEvent: use.adverse_event === 1,
        adverseEventText: use.adverse_event_text,
      });
      expect(result.ok ? 'accepté' : result.error.message).toBe('accepté');
    }

    // Each declaration names at least one médecin délégant and one délégué; later arrivals make some owed.
    expect(library.declarations).toBeGreaterThan(10);
    const stored = await db
      .selectFrom('protocol_declaration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(library.declarations);
    const declarations = await b.ok('protocolTeam.declarationsOwed');
    expect(declarations.length).toBeGreaterThan(0);
    expect(declarations.every((owed) => isCooperation(owed.family))).toBe(true);
    for (const protocolId of library.protocolIds.slice(0, 20)) {
      for (const declaration of await b.ok('protocolTeam.declarations', { protocolId })) {
        expect(declaration.team.some((member) => member.role === 'delegant' && member.professionCode === '10')).toBe(
          true,
        );
        expect(declaration.team.some((member) => member.role === 'delegue')).toBe(true);
      }
    }

    // The statistics of the three years add up to the log (the sample logged again included).
    const sample = Math.ceil(5000 / 100);
    let total = 0;
    for (const year of library.years) total += (await b.ok('protocolUses.stats', { year })).totals.uses;
    expect(total).toBe(5000 + sample);
  });
});
