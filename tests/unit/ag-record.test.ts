/**
 * An assembly tells the truth and stays true: each vote states the count it was taken with, departures are in the
 * PV, weighted votes are entered as head counts per collège, nothing is recorded before the day without a
 * confirmation, multi-step writes are all-or-nothing, and an approved PV keeps the names it was approved with.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type StatutoryRules } from '@shared/domain/ag';
import { AG_DATE, seedAssembly } from '../fixtures/ag-seed';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const opened: Backend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.database.dispose();
});

/** A backend whose clock can be moved (`at('19:40')`), saving PDFs into its temp folder. */
async function backend(day = AG_DATE) {
  let clock = new Date(`${day}T18:30:00`);
  const saved: string[] = [];
  const b = await testBackend({
    now: () => clock,
    chooseSavePath: async (name) => {
      const path = join(b.database.dir, `${saved.length}-${name}`);
      saved.push(path);
      return path;
    },
  });
  opened.push(b);
  const at = (time: string) => {
    clock = new Date(`${day}T${time}:00`);
  };
  /** The PV exported through its channel, read back as one line of text. */
  const pvText = async (meetingId: number) => {
    await b.ok('reports.exportPv', { meetingId });
    // AG_PDF_PREVIEW=<folder> keeps the PVs for a look.
    if (process.env.AG_PDF_PREVIEW)
      copyFileSync(saved.at(-1)!, join(process.env.AG_PDF_PREVIEW, `pv-${saved.length}.pdf`));
    const raw = execFileSync('pdftotext', ['-raw', saved.at(-1)!, '-']).toString();
    return raw
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/-\n/g, '-')
      .replace(/\s+/g, ' ');
  };
  return Object.assign(b, { at, pvText });
}

function clone(rules: StatutoryRules): StatutoryRules {
  return JSON.parse(JSON.stringify(rules)) as StatutoryRules;
}

const auditFails = (b: Backend) =>
  sql`create trigger audit_fails before insert on audit_log begin select raise(abort, 'panne simulée'); end`.execute(
    b.database.db,
  );

describe('the PV states what each vote was taken with', () => {
  it('gives each resolution its own count and says who left before which vote', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    for (const name of ['Martin', 'Bernard', 'Durand', 'Petit'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: true });
    await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Petit! });
    b.at('18:50');
    await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 4, contre: 1 });
    b.at('19:40');
    await b.ok('ag.setPresence', { meetingId: id, memberId: m.Durand!, present: false });
    b.at('19:50');
    await b.ok('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[1]!,
      pour: 3,
      contre: 0,
      abstention: 1,
    });
    b.at('19:55');
    await b.ok('ag.setPresence', { meetingId: id, memberId: m.Durand!, present: true });
    // A second click on « arrivé » is not a new arrival.
    await b.ok('ag.setPresence', { meetingId: id, memberId: m.Durand!, present: true });
    b.at('20:05');
    await b.ok('ag.setPresence', { meetingId: id, memberId: m.Bernard!, present: false });
    const events = await b.database.db
      .selectFrom('ag_presence_event')
      .select(['member_id', 'kind'])
      .where('meeting_id', '=', id)
      .execute();
    expect(events.filter((event) => event.member_id === m.Durand)).toEqual([
      { member_id: m.Durand, kind: 'arrivee' },
      { member_id: m.Durand, kind: 'depart' },
      { member_id: m.Durand, kind: 'arrivee' },
    ]);

    const pv = await b.pvText(id);
    expect(pv).toContain('Votée avec 4 membres présents et 1 membre représenté, soit 5 membres votants sur 9.');
    expect(pv).toContain('Votée avec 3 membres présents et 1 membre représenté, soit 4 membres votants sur 9.');
    expect(pv).toContain('Départs en cours de séance (2)');
    expect(pv).toContain(
      'DURAND Thomas a quitté la séance à 19 h 40, avant le vote de la résolution n° 2 ; de retour à 19 h 55.',
    );
    expect(pv).toContain('BERNARD Éloïse a quitté la séance à 20 h 05, après le dernier vote.');
    expect(pv).toContain('Au premier vote : 5 membres présents ou représentés sur 9');
    expect(pv).toContain('chaque résolution indique le nombre de membres avec lequel elle a été votée');
    expect(pv).not.toContain('Au moment des votes');
  });
});

describe('weighted votes', () => {
  async function weightedAssembly() {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const colleges = await b.ok('colleges.list');
    const structures = colleges.find((college) => college.name === 'Structures et établissements')!;
    await b.ok('colleges.save', {
      id: structures.id,
      name: structures.name,
      votingRight: 'deliberative',
      voteWeight: 2,
    });
    const rules = clone(DEFAULT_RULES);
    rules.meetings.ago.voteWeighting = 'weight';
    await b.ok('rules.save', { effectiveFrom: '2026-01-01', rules });
    // Libéraux: 3 members present (1 voix each); structures: 2 present (2 voix each) — 7 voix.
    for (const name of ['Martin', 'Bernard', 'Durand', 'Girard', 'Lefèvre'])
      await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });
    return {
      b,
      seed,
      lib: seed.colleges['Professionnels libéraux']!,
      str: seed.colleges['Structures et établissements']!,
    };
  }

  it('takes head counts per collège, applies the weights and shows the calculation', async () => {
    const { b, seed, lib, str } = await weightedAssembly();
    const vote = (
      resolution: number,
      byCollege: { collegeId: number; pour: number; contre: number; abstention?: number }[],
    ) =>
      b.call('ag.recordVote', {
        meetingId: seed.meetingId,
        resolutionId: seed.resolutions[resolution]!,
        pour: 0,
        contre: 0,
        byCollege,
      });

    // 3 members for, 2 against: adopted by heads, but the 2 against weigh 4 voix against 3.
    const first = await vote(0, [
      { collegeId: lib, pour: 3, contre: 0 },
      { collegeId: str, pour: 0, contre: 2 },
    ]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const rejected = first.data.resolutions[0]!;
    expect(rejected).toMatchObject({ adopted: false, votes: { pour: 3, contre: 4, abstention: 0, blanc: 0 } });
    expect(rejected.arithmetic).toContain(
      'Structures et établissements (2 voix par membre) : pour 0, contre 2 × 2 = 4',
    );
    expect(rejected.arithmetic).toContain(
      'Total : pour 3, contre 4, abstentions 0, blancs 0 voix. Base : 7 suffrages exprimés',
    );
    expect(rejected.arithmetic).not.toMatch(/Pour 3, contre 4/);
    expect(rejected.arithmetic).toContain('Résolution rejetée.');

    const second = await vote(1, [
      { collegeId: lib, pour: 1, contre: 2 },
      { collegeId: str, pour: 2, contre: 0 },
    ]);
    expect(second.ok && second.data.resolutions[1]).toMatchObject({ adopted: true, votes: { pour: 5, contre: 2 } });

    // Weighted voix typed as heads: 4 « pour » in a collège with 2 members present is refused, nothing is written.
    const mistake = await vote(2, [
      { collegeId: lib, pour: 0, contre: 3 },
      { collegeId: str, pour: 4, contre: 0 },
    ]);
    expect(mistake).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining(
          'Collège « Structures et établissements » : 4 votes saisis (pour, contre, abstentions et blancs) pour seulement 2 membres votants présents ou représentés',
        ),
      },
    });
    const third = (await b.ok('ag.get', { meetingId: seed.meetingId })).resolutions[2]!;
    expect(third.votes).toBeNull();
    // Totals without head counts are refused when the collèges weigh the votes.
    expect(
      await b.call('ag.recordVote', {
        meetingId: seed.meetingId,
        resolutionId: seed.resolutions[2]!,
        pour: 5,
        contre: 0,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('saisissez le nombre de membres') },
    });
    // The PV prints the weighted totals with their calculation.
    const pv = await b.pvText(seed.meetingId);
    expect(pv).toContain(
      'Votée avec 5 membres présents et 0 membre représenté, soit 7 voix présentes ou représentées sur',
    );
    expect(pv).toContain('Professionnels libéraux (1 voix par membre) : pour 1 × 1 = 1, contre 2 × 1 = 2');
  });

  it('keeps today’s simple totals when the collèges do not weigh the votes', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    for (const name of ['Martin', 'Bernard', 'Durand'])
      await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });
    const lib = seed.colleges['Professionnels libéraux']!;
    expect(
      await b.call('ag.recordVote', {
        meetingId: seed.meetingId,
        resolutionId: seed.resolutions[0]!,
        pour: 3,
        contre: 0,
        byCollege: [{ collegeId: lib, pour: 3, contre: 0 }],
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('ne sont pas pondérés') } });
    const state = await b.ok('ag.recordVote', {
      meetingId: seed.meetingId,
      resolutionId: seed.resolutions[0]!,
      pour: 3,
      contre: 0,
    });
    expect(state.resolutions[0]).toMatchObject({ adopted: true, votes: { pour: 3, contre: 0 } });
  });
});

describe('before the day of the session', () => {
  it('records an arrival or a vote only when the call says it was confirmed', async () => {
    const b = await backend('2026-06-10');
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const refused = await b.call('ag.setPresence', { meetingId: id, memberId: seed.members.Martin!, present: true });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'La séance est prévue le 18 juin 2026 : confirmez que vous voulez enregistrer une arrivée dès aujourd’hui.',
      },
    });
    expect(await b.database.db.selectFrom('ag_presence').selectAll().execute()).toEqual([]);
    expect(await b.database.db.selectFrom('ag_presence_event').selectAll().execute()).toEqual([]);

    for (const name of ['Martin', 'Bernard', 'Durand'])
      await b.ok('ag.setPresence', {
        meetingId: id,
        memberId: seed.members[name]!,
        present: true,
        confirmedBeforeDate: true,
      });
    const vote = { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 3, contre: 0 };
    expect(await b.call('ag.recordVote', vote)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('enregistrer un vote dès aujourd’hui') },
    });
    expect((await b.ok('ag.get', { meetingId: id })).resolutions[0]!.votes).toBeNull();
    expect((await b.ok('ag.recordVote', { ...vote, confirmedBeforeDate: true })).resolutions[0]!.adopted).toBe(true);
    // A departure needs no confirmation.
    expect(
      (await b.ok('ag.setPresence', { meetingId: id, memberId: seed.members.Durand!, present: false })).voters.find(
        (voter) => voter.id === seed.members.Durand,
      )?.present,
    ).toBe(false);
  });
});

describe('atomic writes', () => {
  it('leaves a vote, its reminder and its audit entry all unwritten when one step fails', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    for (const name of ['Martin', 'Bernard', 'Durand'])
      await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members[name]!, present: true });
    await auditFails(b);
    const failed = await b.call('ag.recordVote', {
      meetingId: seed.meetingId,
      resolutionId: seed.resolutions[0]!,
      pour: 3,
      contre: 0,
    });
    expect(failed.ok).toBe(false);
    const row = await b.database.db
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', seed.resolutions[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ votes_pour: null, adopted: null, arithmetic: null, quorum_json: null, voted_at: null });
    expect(await b.database.db.selectFrom('formality').selectAll().execute()).toEqual([]);
  });

  it('records a pouvoir with its audit entry or not at all, and checks the cap in the same transaction', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const rules = clone(DEFAULT_RULES);
    rules.meetings.ago.proxies.maxPerMandataire = 1;
    await b.ok('rules.save', { effectiveFrom: '2026-01-01', rules });
    const m = seed.members;
    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: m.Martin!, present: true });
    // Two pouvoirs to the same mandataire sent at once: the cap of 1 lets only one through.
    const both = await Promise.all([
      b.call('ag.saveProxy', { meetingId: seed.meetingId, mandantId: m.Roux!, mandataireId: m.Martin! }),
      b.call('ag.saveProxy', { meetingId: seed.meetingId, mandantId: m.Petit!, mandataireId: m.Martin! }),
    ]);
    expect(both.map((result) => result.ok).sort()).toEqual([false, true]);
    expect(await b.database.db.selectFrom('ag_proxy').selectAll().execute()).toHaveLength(1);

    await auditFails(b);
    expect(
      (await b.call('ag.saveProxy', { meetingId: seed.meetingId, mandantId: m.Fournier!, mandataireId: m.Bernard! }))
        .ok,
    ).toBe(false);
    expect(await b.database.db.selectFrom('ag_proxy').selectAll().execute()).toHaveLength(1);
    // Deleting it needs its audit entry too.
    const kept = await b.database.db.selectFrom('ag_proxy').select('id').executeTakeFirstOrThrow();
    expect((await b.call('ag.deleteProxy', { meetingId: seed.meetingId, proxyId: kept.id })).ok).toBe(false);
    expect(await b.database.db.selectFrom('ag_proxy').selectAll().execute()).toHaveLength(1);
  });

  it('reopens a PV and deletes an RCP case in one transaction each', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    await b.ok('ag.setOfficers', {
      meetingId: seed.meetingId,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    await b.ok('ag.approvePv', {
      meetingId: seed.meetingId,
      approvedOn: AG_DATE,
      dirigeantsChanged: false,
      statutsChanged: false,
    });
    const rcp = await b.ok('meetings.create', {
      type: 'rcp',
      title: 'RCP du pôle de santé',
      date: '2026-06-10',
      rcpKind: 'clinique',
    });
    const withCase = await b.ok('rcp.saveCase', {
      meetingId: rcp.id,
      ageBand: '85+',
      over75: true,
      ald: true,
      motifCode: 'chutes',
      patientInformed: true,
    });
    await auditFails(b);
    expect((await b.call('ag.reopenPv', { meetingId: seed.meetingId })).ok).toBe(false);
    const meeting = await b.database.db
      .selectFrom('meeting')
      .select(['pv_status', 'pv_snapshot'])
      .where('id', '=', seed.meetingId)
      .executeTakeFirstOrThrow();
    expect(meeting.pv_status).toBe('approuve');
    expect(meeting.pv_snapshot).not.toBeNull();
    expect((await b.call('rcp.deleteCase', { id: withCase.cases[0]!.id })).ok).toBe(false);
    expect(await b.database.db.selectFrom('rcp_case').select('id').execute()).toHaveLength(1);
  });
});

describe('an approved PV is frozen', () => {
  it('keeps the names it was approved with; reopened, it follows the members again', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    for (const name of ['Martin', 'Bernard', 'Durand', 'Petit'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: true });
    await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Petit! });
    await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 5, contre: 0 });
    await b.ok('ag.setOfficers', { meetingId: id, presidentMemberId: m.Martin!, secretaireMemberId: m.Durand! });

    // Before approval, the PV follows a renamed member.
    const lib = seed.colleges['Professionnels libéraux']!;
    await b.ok('members.update', {
      id: m.Bernard!,
      data: {
        kind: 'person',
        lastName: 'Bernard-Lopez',
        firstName: 'Éloïse',
        professionCode: '60',
        collegeId: lib,
        joinedOn: '2025-01-15',
      } as never,
    });
    expect(await b.pvText(id)).toContain('BERNARD-LOPEZ Éloïse');

    await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: false, statutsChanged: false });
    const approved = await b.pvText(id);
    expect(approved).toContain(
      'La séance est présidée par MARTIN Paul. Le secrétariat de séance est assuré par DURAND Thomas.',
    );

    // After approval: renamed, then anonymised (RGPD) — the approved PV does not move.
    await b.ok('members.update', {
      id: m.Durand!,
      data: {
        kind: 'person',
        lastName: 'Durand-Vial',
        firstName: 'Thomas',
        professionCode: '10',
        collegeId: lib,
        joinedOn: '2025-01-15',
      } as never,
    });
    await b.ok('members.erase', { id: m.Roux!, confirm: 'EFFACER' });
    const after = await b.pvText(id);
    const withoutDate = (text: string) => text.replace(/Édité le .*?(?=Page|$)/g, '').replace(/\d{1,2} h \d{2}/g, '');
    expect(withoutDate(after)).toBe(withoutDate(approved));
    expect(after).toContain('ROUX Hugo — représenté·e par PETIT Lucie');
    expect(after).not.toContain('DURAND-VIAL');
    // Approving again would record today's names: refused while the PV is approved.
    expect(
      await b.call('ag.approvePv', {
        meetingId: id,
        approvedOn: AG_DATE,
        dirigeantsChanged: false,
        statutsChanged: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await b.pvText(id)).not.toContain('DURAND-VIAL');

    // Reopened, the PV is read live again.
    await b.ok('ag.reopenPv', { meetingId: id });
    expect(
      (await b.database.db.selectFrom('meeting').select('pv_snapshot').where('id', '=', id).executeTakeFirstOrThrow())
        .pv_snapshot,
    ).toBeNull();
    const reopened = await b.pvText(id);
    expect(reopened).toContain('DURAND-VIAL Thomas');
    expect(reopened).not.toContain('ROUX Hugo');
  });

  it('records a PV approved before this version at its first export, and keeps it from then on', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    await b.ok('ag.setOfficers', {
      meetingId: id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Durand!,
    });
    await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: false, statutsChanged: false });
    // As approved by an earlier version: no record.
    await b.database.db.updateTable('meeting').set({ pv_snapshot: null }).where('id', '=', id).execute();
    expect(await b.pvText(id)).toContain('DURAND Thomas');
    expect(
      (await b.database.db.selectFrom('meeting').select('pv_snapshot').where('id', '=', id).executeTakeFirstOrThrow())
        .pv_snapshot,
    ).not.toBeNull();
    const lib = seed.colleges['Professionnels libéraux']!;
    await b.ok('members.update', {
      id: seed.members.Durand!,
      data: {
        kind: 'person',
        lastName: 'Durand-Vial',
        firstName: 'Thomas',
        professionCode: '10',
        collegeId: lib,
        joinedOn: '2025-01-15',
      } as never,
    });
    const again = await b.pvText(id);
    expect(again).toContain('DURAND Thomas');
    expect(again).not.toContain('DURAND-VIAL');
  });

  it('refuses changes to the participants, decisions and documents of an approved session, but lets decisions be followed up', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const withDecision = await b.ok('decisions.save', {
      meetingId: id,
      text: 'Lancer le groupe de travail sur les soins non programmés',
      dueOn: '2026-09-30',
    });
    const decision = withDecision.decisions[0]!;
    await b.ok('ag.setOfficers', {
      meetingId: id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: false, statutsChanged: false });

    const frozen = {
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('rouvrez-le en brouillon') },
    };
    expect(
      await b.call('meetings.saveParticipants', {
        meetingId: id,
        participants: [{ memberId: seed.members.Martin!, attendance: 'present' }],
      }),
    ).toMatchObject(frozen);
    expect(await b.call('decisions.save', { meetingId: id, text: 'Une décision ajoutée après coup' })).toMatchObject(
      frozen,
    );
    expect(
      await b.call('decisions.save', {
        id: decision.id,
        meetingId: id,
        text: 'Texte réécrit après l’approbation',
        dueOn: '2026-09-30',
      }),
    ).toMatchObject(frozen);
    expect(await b.call('decisions.delete', { id: decision.id })).toMatchObject(frozen);
    const document = join(b.database.dir, 'rapport-moral.pdf');
    writeFileSync(document, '%PDF-1.4');
    b.context.chooseOpenPath = async () => document;
    expect(await b.call('meetings.addDocument', { meetingId: id })).toMatchObject(frozen);
    expect(await b.database.db.selectFrom('meeting_document').selectAll().execute()).toEqual([]);
    // Following the decision up goes on.
    const done = await b.ok('decisions.save', {
      id: decision.id,
      meetingId: id,
      text: decision.text,
      dueOn: '2026-09-30',
      status: 'fait',
    });
    expect(done.decisions[0]).toMatchObject({
      text: 'Lancer le groupe de travail sur les soins non programmés',
      status: 'fait',
    });
  });
});
