/**
 * The general assembly through the real channels on a temporary database: statutory rules by version, voting roll,
 * live presence, pouvoirs, quorum, votes, second convocation, convocation e-mails, PDFs and the approved PV.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type StatutoryRules } from '@shared/domain/ag';
import { AG_DATE, seedAssembly } from '../fixtures/ag-seed';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const opened: Backend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.database.dispose();
});

/** A backend whose clock is the evening of the AG (18:40), saving files into its temp folder. */
async function backend(now = `${AG_DATE}T18:40:00`) {
  const saved: string[] = [];
  let folder: string | null = null;
  const b = await testBackend({
    now: () => new Date(now),
    chooseSavePath: async (name) => {
      const path = join(b.database.dir, name);
      saved.push(path);
      return path;
    },
    chooseOpenPath: async (purpose) => (purpose === 'mail-folder' ? folder : null),
  });
  opened.push(b);
  folder = join(b.database.dir, 'courriels');
  mkdirSync(folder);
  return Object.assign(b, { saved, folder });
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ');
}

function clone(rules: StatutoryRules): StatutoryRules {
  return JSON.parse(JSON.stringify(rules)) as StatutoryRules;
}

describe('statutory rules', () => {
  it('applies the version in force at the meeting date, else the usual defaults', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    let state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.rules.isDefault).toBe(true);
    expect(state.quorum.required?.heads).toBe(3); // ceil(9 × 1/4)

    const rules = clone(DEFAULT_RULES);
    rules.source = 'Statuts du 12 mars 2021, article 12';
    rules.meetings.ago.quorum.first.fraction = { numerator: 1, denominator: 3 };
    rules.meetings.ago.proxies.maxPerMandataire = 1;
    await b.ok('rules.save', { effectiveFrom: '2026-01-01', rules });
    const later = clone(rules);
    later.meetings.ago.quorum.first.fraction = { numerator: 1, denominator: 2 };
    const overview = await b.ok('rules.save', { effectiveFrom: '2026-09-01', rules: later });
    expect(overview.versions.map((version) => version.effectiveFrom)).toEqual(['2026-09-01', '2026-01-01']);

    state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.rules).toMatchObject({
      isDefault: false,
      effectiveFrom: '2026-01-01',
      source: 'Statuts du 12 mars 2021, article 12',
    });
    expect(state.quorum.required?.heads).toBe(3); // ceil(9 × 1/3)
    expect(state.rules.reminders).toContain('Pouvoirs : 1 pouvoir au plus par mandataire, donnés à un membre votant.');

    expect(await b.call('rules.save', { effectiveFrom: '2026-01-01', rules })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('01/01/2026') },
    });
    const broken = clone(rules);
    broken.meetings.age.quorum.first.fraction = { numerator: 1, denominator: 0 };
    const refused = await b.call('rules.save', { effectiveFrom: '2027-01-01', rules: broken });
    expect(refused.ok).toBe(false);
    expect((await b.ok('rules.list')).versions).toHaveLength(2);
  });
});

describe('the assembly', () => {
  it('builds the roll: voting members by collège, the others with the reason', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.voters).toHaveLength(9);
    expect(Object.fromEntries(state.nonVoters.map((other) => [other.name, other.reason]))).toEqual({
      'MERCIER Léo': 'cotisation 2026 non à jour',
      'BLANC Sarah': 'cotisation 2026 non à jour',
      'GARNIER Anne': 'collège consultatif',
    });
    expect(state.convocation).toMatchObject({ recipients: 12, withoutEmail: 1, requiredDays: 15 });
  });

  it('recomputes the quorum on each arrival, pouvoir and departure, and refuses forbidden pouvoirs with the reason', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    let state = await b.ok('ag.setPresence', { meetingId: id, memberId: m.Martin!, present: true });
    state = await b.ok('ag.setPresence', { meetingId: id, memberId: m.Bernard!, present: true });
    expect(state.quorum).toMatchObject({ met: false, missing: 1 });
    expect(state.voters.find((voter) => voter.id === m.Martin)?.arrivedAt).toBe(
      new Date(`${AG_DATE}T18:40:00`).toISOString(),
    );

    state = await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Durand!, mandataireId: m.Martin! });
    expect(state.quorum.met).toBe(true);
    expect(state.quorum.presentOrRepresented.heads).toBe(3);
    state = await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Petit!, mandataireId: m.Martin! });

    const overCap = await b.call('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Martin! });
    expect(overCap).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Pouvoir refusé : .*2 pouvoirs/) },
    });
    const nonVoting = await b.call('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Mercier! });
    expect(nonVoting).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cotisation 2026 non à jour') },
    });
    const present = await b.call('ag.saveProxy', { meetingId: id, mandantId: m.Bernard!, mandataireId: m.Girard! });
    expect(present).toMatchObject({ ok: false, error: { message: expect.stringMatching(/présent/) } });

    // The mandataire leaves: both pouvoirs stop counting, visibly, and the quorum is lost.
    state = await b.ok('ag.setPresence', { meetingId: id, memberId: m.Martin!, present: false });
    expect(state.proxies.map((proxy) => [proxy.mandantName, proxy.counted, proxy.reason])).toEqual([
      ['DURAND Thomas', false, expect.stringContaining('mandataire absent')],
      ['PETIT Lucie', false, expect.stringContaining('mandataire absent')],
    ]);
    expect(state.quorum).toMatchObject({ met: false });
    expect(state.quorum.presentOrRepresented.heads).toBe(1);
    expect(state.voters.find((voter) => voter.id === m.Martin)?.leftAt).not.toBeNull();
  });

  it('decides each resolution by its majority and shows the arithmetic; refuses impossible totals and votes without quorum', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    const noQuorum = await b.call('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[0]!,
      pour: 1,
      contre: 0,
    });
    expect(noQuorum).toMatchObject({ ok: false, error: { message: expect.stringMatching(/quorum/i) } });

    for (const name of ['Martin', 'Bernard', 'Durand', 'Petit'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: true });
    await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Martin! });
    let state = await b.ok('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[0]!,
      pour: 3,
      contre: 1,
      abstention: 1,
    });
    const first = state.resolutions[0]!;
    expect(first).toMatchObject({ adopted: true, votes: { pour: 3, contre: 1, abstention: 1, blanc: 0 } });
    expect(first.arithmetic).toMatch(/adoptée/);
    state = await b.ok('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[1]!,
      pour: 2,
      contre: 2,
      abstention: 1,
    });
    expect(state.resolutions[1]).toMatchObject({ adopted: false });
    expect(state.resolutions[1]!.arithmetic).toMatch(/rejetée/);

    const tooMany = await b.call('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[2]!,
      pour: 5,
      contre: 1,
    });
    expect(tooMany).toMatchObject({ ok: false, error: { message: expect.stringMatching(/5|6/) } });
    expect((await b.ok('ag.get', { meetingId: id })).resolutions[2]!.votes).toBeNull();

    const reworded = await b.call('ag.saveResolution', {
      meetingId: id,
      id: first.id,
      agendaItemId: first.agendaItemId,
      title: first.title,
      text: 'Un autre texte pour la résolution.',
      kind: 'ordinaire',
    });
    expect(reworded).toMatchObject({ ok: false, error: { code: 'conflict' } });
    state = await b.ok('ag.clearVote', { meetingId: id, resolutionId: first.id });
    expect(state.resolutions[0]).toMatchObject({ votes: null, adopted: null, arithmetic: null });
  });

  it('warns when the convocation is sent too late', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    let state = await b.ok('ag.markConvocationSent', {
      meetingId: seed.meetingId,
      sentOn: '2026-06-10',
      mode: 'courriel',
    });
    expect(state.convocation.delayProblem).toBe(
      "La convocation a été envoyée 8 jours avant l'assemblée ; les statuts en demandent 15.",
    );
    state = await b.ok('ag.markConvocationSent', { meetingId: seed.meetingId, sentOn: '2026-05-29', mode: 'courriel' });
    expect(state.convocation).toMatchObject({ sentOn: '2026-05-29', modeLabel: 'par courriel', delayProblem: null });
    expect(
      await b.call('ag.markConvocationSent', { meetingId: seed.meetingId, sentOn: '2026-06-19', mode: 'courriel' }),
    ).toMatchObject({ ok: false });
  });

  it('proposes a second convocation when the quorum is missed, with the same agenda and resolutions and the second-round rules', async () => {
    const b = await backend(`2026-06-19T09:00:00`);
    const seed = await seedAssembly(b.ok);
    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Martin!, present: true });
    const state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.secondConvocation).toMatchObject({
      proposed: true,
      possible: true,
      message: expect.stringContaining('aucun quorum requis'),
    });
    expect(await b.call('ag.createSecondConvocation', { meetingId: seed.meetingId, date: '2026-06-10' })).toMatchObject(
      { ok: false },
    );

    const { meetingId } = await b.ok('ag.createSecondConvocation', {
      meetingId: seed.meetingId,
      date: '2026-07-09',
      startTime: '18:30',
    });
    const second = await b.ok('ag.get', { meetingId });
    expect(second).toMatchObject({
      round: 2,
      firstRoundMeetingId: seed.meetingId,
      title: 'Assemblée générale 2026 — deuxième convocation',
    });
    expect(second.resolutions.map((resolution) => resolution.title)).toEqual(
      state.resolutions.map((resolution) => resolution.title),
    );
    expect(
      second.resolutions.every((resolution) => resolution.votes === null && resolution.agendaItemId !== null),
    ).toBe(true);
    expect(second.quorum.required).toBeNull();
    expect(second.rules.reminders[0]).toBe('Quorum : aucun quorum requis sur deuxième convocation.');
    const again = await b.ok('ag.setPresence', {
      meetingId,
      memberId: seed.members.Bernard!,
      present: true,
      confirmedBeforeDate: true,
    });
    expect(again.quorum.met).toBe(true);
    expect((await b.ok('ag.get', { meetingId: seed.meetingId })).secondRoundMeetingId).toBe(meetingId);
    expect(await b.call('ag.createSecondConvocation', { meetingId: seed.meetingId, date: '2026-07-10' })).toMatchObject(
      { ok: false, error: { code: 'conflict' } },
    );
  });

  it('approves the PV once officers are named, lists the formalities with their due dates, and locks the session', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    expect(await b.call('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: true })).toMatchObject(
      { ok: false, error: { message: expect.stringContaining('président et le secrétaire de séance') } },
    );
    await b.ok('ag.setOfficers', {
      meetingId: id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    const state = await b.ok('ag.approvePv', {
      meetingId: id,
      approvedOn: AG_DATE,
      dirigeantsChanged: true,
      statutsChanged: false,
    });
    expect(state.pv).toEqual({ status: 'approuve', approvedOn: AG_DATE });
    expect(state.formalities.map((formality) => [formality.kind, formality.dueOn])).toEqual([
      ['pv_signe', '2026-07-18'],
      ['declaration_dirigeants', '2026-09-18'],
      ['registre_special', '2026-09-18'],
    ]);
    expect(
      await b.call('ag.setPresence', { meetingId: id, memberId: seed.members.Petit!, present: true }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const open = await b.ok('formalities.list', { status: 'ouvertes' });
    expect(open).toHaveLength(3);
    const done = await b.ok('formalities.save', {
      id: open[1]!.id,
      doneOn: AG_DATE,
      notes: 'Déclaré en ligne, récépissé reçu.',
    });
    expect(done.find((formality) => formality.id === open[1]!.id)).toMatchObject({
      doneOn: AG_DATE,
      notes: 'Déclaré en ligne, récépissé reçu.',
    });
    expect(await b.ok('formalities.list', { status: 'ouvertes' })).toHaveLength(2);

    const reopened = await b.ok('ag.reopenPv', { meetingId: id });
    expect(reopened.pv.status).toBe('brouillon');
    expect(
      (await b.ok('ag.setPresence', { meetingId: id, memberId: seed.members.Petit!, present: true })).voters.find(
        (voter) => voter.id === seed.members.Petit,
      )?.present,
    ).toBe(true);
  });

  it('limits a CA to the members holding a CA mandate on that day', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    await b.ok('members.addMandate', { memberId: seed.members.Martin!, role: 'president', startOn: '2025-06-01' });
    await b.ok('members.addMandate', { memberId: seed.members.Bernard!, role: 'membre_ca', startOn: '2025-06-01' });
    await b.ok('members.addMandate', {
      memberId: seed.members.Durand!,
      role: 'membre_ca',
      startOn: '2024-06-01',
      endOn: '2025-06-01',
    });
    const ca = await b.ok('meetings.create', { type: 'ca', title: 'Conseil d’administration de juin', date: AG_DATE });
    const state = await b.ok('ag.get', { meetingId: ca.id });
    expect(state.voters.map((voter) => voter.name).sort()).toEqual(['BERNARD Éloïse', 'MARTIN Paul']);
    expect(state.proxiesAllowed).toBe(true);
    const rcp = await b.ok('meetings.create', { type: 'rcp', title: 'RCP', date: AG_DATE, rcpKind: 'clinique' });
    expect(await b.call('ag.get', { meetingId: rcp.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('documents of the assembly', () => {
  it('writes one .eml per member with an address, the PDF and the .ics attached, and lists who must get it by post', async () => {
    const b = await backend('2026-05-28T10:00:00');
    const seed = await seedAssembly(b.ok);
    const result = await b.ok('ag.exportConvocationMails', { meetingId: seed.meetingId });
    if (!result.saved) throw new Error('export annulé');
    expect(result.count).toBe(11);
    expect(result.withoutEmail).toEqual(['ROUX Hugo']);
    expect(result.sender).toBe('contact@cpts-seg.fr');
    const files = readdirSync(result.folder);
    expect(files.filter((name) => name.endsWith('.eml'))).toHaveLength(11);
    expect(files).toContain('À envoyer par courrier.txt');
    expect(files.some((name) => name.startsWith('Convocation - ') && name.endsWith('.pdf'))).toBe(true);
    const eml = readFileSync(join(result.folder, 'MARTIN Paul.eml'), 'utf8');
    expect(eml).toContain('X-Unsent: 1');
    expect(eml).toMatch(/^To: .*<paul\.martin@exemple\.fr>/m);
    expect(eml).toContain('From: "CPTS Sud-Est Grenoblois" <contact@cpts-seg.fr>');
    expect(eml).toMatch(/Content-Type: application\/pdf/);
    expect(eml).toMatch(/Content-Type: text\/calendar/);
    expect(readFileSync(join(result.folder, 'À envoyer par courrier.txt'), 'utf8')).toContain('ROUX Hugo');
    expect(await b.ok('ag.exportConvocationMails', { meetingId: seed.meetingId }).then((again) => again.saved)).toBe(
      true,
    );
  });

  it('exports the convocation, the feuille d’émargement and the PV as PDFs holding what the law asks', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    await b.ok('ag.markConvocationSent', { meetingId: id, sentOn: '2026-05-29', mode: 'courriel' });

    const convocation = await b.ok('reports.exportConvocation', { meetingId: id });
    expect(convocation.saved).toBe(true);
    const convocationText = pdfText(b.saved.at(-1)!);
    expect(convocationText).toContain('Approbation des comptes');
    expect(convocationText).toContain('Comptes de l’exercice');
    expect(convocationText).toMatch(/Pouvoir/);
    expect(convocationText).toMatch(/2 pouvoirs/);

    for (const name of ['Martin', 'Bernard', 'Durand', 'Garnier'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: true });
    await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Petit!, mandataireId: m.Martin! });
    expect((await b.ok('reports.exportAttendanceSheet', { meetingId: id })).saved).toBe(true);
    const sheet = pdfText(b.saved.at(-1)!);
    expect(sheet).toMatch(/Feuille d.émargement/);
    expect(sheet).toContain('Professionnels libéraux');
    expect(sheet).toContain('Structures et établissements');
    expect(sheet).toContain('PETIT Lucie');
    expect(sheet).toMatch(/Représenté·e par MARTIN Paul/);
    expect(sheet).toContain('GARNIER Anne');
    expect(sheet).toMatch(/collège consultatif/);

    await b.ok('ag.recordVote', {
      meetingId: id,
      resolutionId: seed.resolutions[0]!,
      pour: 3,
      contre: 0,
      abstention: 1,
    });
    await b.ok('ag.setOfficers', { meetingId: id, presidentMemberId: m.Martin!, secretaireMemberId: m.Bernard! });
    const detail = await b.ok('meetings.get', { id });
    await b.ok('meetings.saveAgenda', {
      meetingId: id,
      items: detail.agenda.map((item, index) => ({
        id: item.id,
        title: item.title,
        minutes:
          index === 0
            ? 'Le président présente le rapport d’activité ; trois questions sur la permanence des soins.'
            : null,
      })),
    });
    expect((await b.ok('reports.exportPv', { meetingId: id })).saved).toBe(true);
    const draft = pdfText(b.saved.at(-1)!);
    expect(b.saved.at(-1)).toContain('Procès-verbal (brouillon)');
    expect(draft).toMatch(/BROUILLON/);
    expect(draft).toContain('CPTS Sud-Est Grenoblois');
    expect(draft).toMatch(/Convocation adressée par courriel le 29 mai 2026/);
    expect(draft).toContain('MARTIN Paul');
    expect(draft).toContain('PETIT Lucie — représenté·e par MARTIN Paul');
    expect(draft).toContain('trois questions sur la permanence des soins');
    expect(draft).toMatch(/Adoptée/);
    expect(draft).toMatch(/Non votée/);
    expect(draft).toMatch(/20 h 30|20:30/);

    await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: false, statutsChanged: false });
    await b.ok('reports.exportPv', { meetingId: id });
    const approved = pdfText(b.saved.at(-1)!);
    expect(approved).not.toMatch(/BROUILLON/);
    expect(approved).toMatch(/Approuvé le 18 juin 2026/);
  });
});

describe('a session is a record', () => {
  it('keeps each vote with the quorum of its moment: departures at the end change neither the PV nor a correction', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const m = seed.members;
    for (const name of ['Martin', 'Bernard', 'Durand', 'Petit'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: true });
    await b.ok('ag.saveProxy', { meetingId: id, mandantId: m.Roux!, mandataireId: m.Petit! });
    await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 4, contre: 1 });
    // Three members leave before the end, among them the mandataire.
    for (const name of ['Durand', 'Petit', 'Bernard'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: m[name]!, present: false });
    let state = await b.ok('ag.get', { meetingId: id });
    expect(state.quorum.met).toBe(false);
    expect(state.resolutions[0]!.quorumAtVote).toEqual({
      sentence: expect.stringContaining('5 membres présents ou représentés sur 9'),
      met: true,
    });

    // A typo corrected after the departures is decided against the voting power of the vote.
    await b.ok('ag.clearVote', { meetingId: id, resolutionId: seed.resolutions[0]! });
    state = await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 3, contre: 2 });
    expect(state.resolutions[0]).toMatchObject({ adopted: true });
    // A new vote now is refused: the quorum is gone.
    expect(
      await b.call('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[1]!, pour: 1, contre: 0 }),
    ).toMatchObject({ ok: false });

    await b.ok('ag.setOfficers', { meetingId: id, presidentMemberId: m.Martin!, secretaireMemberId: m.Bernard! });
    await b.ok('reports.exportPv', { meetingId: id });
    const pv = pdfText(b.saved.at(-1)!).replace(/\s+/g, ' ');
    expect(pv).toContain('Au moment des votes : 5 membres présents ou représentés sur 9');
    for (const name of ['MARTIN Paul', 'BERNARD Éloïse', 'DURAND Thomas', 'PETIT Lucie']) expect(pv).toContain(name);
    expect(pv).toContain('ROUX Hugo — représenté·e par PETIT Lucie');
  });

  it('builds the roll as it was on the day: a cotisation paid later does not add a voter, an anonymised member stays counted', async () => {
    const b = await backend('2026-09-10T10:00:00');
    const seed = await seedAssembly(b.ok);
    await b.ok('members.setCotisation', {
      memberId: seed.members.Mercier!,
      year: 2026,
      amountCents: 3000,
      paidOn: '2026-09-01',
      mode: 'virement',
    });
    let state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.voters).toHaveLength(9);
    expect(state.nonVoters.find((other) => other.name === 'MERCIER Léo')?.reason).toBe('cotisation 2026 non à jour');

    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Girard!, present: true });
    await b.ok('members.erase', { id: seed.members.Girard!, confirm: 'EFFACER' });
    state = await b.ok('ag.get', { meetingId: seed.meetingId });
    expect(state.voters).toHaveLength(9);
    expect(state.voters.filter((voter) => voter.present).map((voter) => voter.name)).toEqual(['Membre anonymisé']);
    // A later assembly no longer lists the anonymised member.
    const later = await b.ok('meetings.create', { type: 'ago', title: 'AG 2027', date: '2027-06-17' });
    expect(
      (await b.ok('ag.get', { meetingId: later.id })).voters.some((voter) => voter.name === 'Membre anonymisé'),
    ).toBe(false);
  });

  it('locks an approved session everywhere, keeps the rules it was held with, and refuses approval before it is held', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    const future = await b.ok('meetings.create', { type: 'ago', title: 'AG de décembre', date: '2026-12-10' });
    await b.ok('ag.setOfficers', {
      meetingId: future.id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    expect(await b.call('ag.approvePv', { meetingId: future.id, approvedOn: AG_DATE })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('pas encore eu lieu') },
    });

    await b.ok('ag.setOfficers', {
      meetingId: id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    expect(await b.call('ag.approvePv', { meetingId: id, approvedOn: '2026-06-30' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('futur') },
    });
    await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: true });

    const detail = await b.ok('meetings.get', { id });
    for (const [channel, input] of [
      ['meetings.update', { id, data: { ...detail.data, date: '2027-06-18' } }],
      ['meetings.saveAgenda', { meetingId: id, items: [] }],
      ['meetings.delete', { id, confirm: true }],
      ['ag.markConvocationSent', { meetingId: id, sentOn: '2026-06-01', mode: 'courriel' }],
      ['ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 1, contre: 0 }],
    ] as const) {
      expect(await b.call(channel, input as never), channel).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }

    // New statuts dated before the AG do not change an approved session.
    const rules = clone(DEFAULT_RULES);
    rules.meetings.ago.quorum.first.fraction = { numerator: 1, denominator: 2 };
    await b.ok('rules.save', { effectiveFrom: '2026-01-01', rules });
    expect((await b.ok('ag.get', { meetingId: id })).quorum.required?.heads).toBe(3);
    expect((await b.ok('ag.get', { meetingId: future.id })).quorum.required?.heads).toBe(5);

    // Approved again without « dirigeants »: the greffe formality not done goes away.
    await b.ok('ag.reopenPv', { meetingId: id });
    const again = await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, dirigeantsChanged: false });
    expect(again.formalities.map((formality) => formality.kind)).toEqual(['pv_signe']);
  });

  it('proposes a second convocation only once the session started, allows it the same evening, and closes the first session', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    expect((await b.ok('ag.get', { meetingId: seed.meetingId })).secondConvocation.proposed).toBe(false);
    await b.ok('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Martin!, present: true });
    expect((await b.ok('ag.get', { meetingId: seed.meetingId })).secondConvocation.proposed).toBe(true);
    expect(
      await b.call('ag.createSecondConvocation', { meetingId: seed.meetingId, date: AG_DATE, startTime: '18:00' }),
    ).toMatchObject({ ok: false });
    const { meetingId } = await b.ok('ag.createSecondConvocation', {
      meetingId: seed.meetingId,
      date: AG_DATE,
      startTime: '19:30',
    });
    expect((await b.ok('ag.get', { meetingId })).round).toBe(2);
    expect(
      await b.call('ag.setPresence', { meetingId: seed.meetingId, memberId: seed.members.Bernard!, present: true }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reminds, from the first vote, that the PV is to be approved and the greffe told within 3 months', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    const id = seed.meetingId;
    for (const name of ['Martin', 'Bernard', 'Durand'])
      await b.ok('ag.setPresence', { meetingId: id, memberId: seed.members[name]!, present: true });
    expect(await b.ok('formalities.list', { status: 'ouvertes' })).toEqual([]);
    await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[0]!, pour: 3, contre: 0 });
    await b.ok('ag.recordVote', { meetingId: id, resolutionId: seed.resolutions[1]!, pour: 3, contre: 0 });
    const open = await b.ok('formalities.list', { status: 'ouvertes' });
    expect(open.map((formality) => [formality.kind, formality.dueOn])).toEqual([['pv_a_approuver', '2026-09-18']]);
    expect(open[0]!.label).toContain('avant le 18/09/2026');
    await b.ok('ag.setOfficers', {
      meetingId: id,
      presidentMemberId: seed.members.Martin!,
      secretaireMemberId: seed.members.Bernard!,
    });
    const approved = await b.ok('ag.approvePv', { meetingId: id, approvedOn: AG_DATE, statutsChanged: true });
    expect(approved.formalities.find((formality) => formality.kind === 'pv_a_approuver')?.doneOn).toBe(AG_DATE);
    expect((await b.ok('formalities.list', { status: 'ouvertes' })).map((formality) => formality.kind)).toEqual([
      'pv_signe',
      'declaration_statuts',
      'registre_special',
    ]);
  });

  it('refuses a pouvoir received after the session, or given to someone who is not a member that day', async () => {
    const b = await backend();
    const seed = await seedAssembly(b.ok);
    expect(
      await b.call('ag.saveProxy', {
        meetingId: seed.meetingId,
        mandantId: seed.members.Durand!,
        mandataireId: seed.members.Martin!,
        receivedOn: '2026-06-20',
      }),
    ).toMatchObject({ ok: false });
    const newcomer = await b.ok('members.create', {
      kind: 'person',
      lastName: 'Nouveau',
      firstName: 'Jean',
      professionCode: '10',
      joinedOn: '2026-09-01',
    } as never);
    const refused = await b.call('ag.saveProxy', {
      meetingId: seed.meetingId,
      mandantId: seed.members.Durand!,
      mandataireId: newcomer.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('membre de l’association à la date de la séance') },
    });
  });

  it('words the e-mails for a CA, writes them into a new folder each time, and never lets two names collide', async () => {
    const b = await backend('2026-06-01T10:00:00');
    const seed = await seedAssembly(b.ok);
    await b.ok('members.addMandate', { memberId: seed.members.Martin!, role: 'president', startOn: '2025-06-01' });
    await b.ok('members.addMandate', { memberId: seed.members.Bernard!, role: 'membre_ca', startOn: '2025-06-01' });
    const twin = await b.ok('members.create', {
      kind: 'person',
      lastName: 'MARTIN',
      firstName: 'PAUL',
      professionCode: '60',
      email: 'autre.martin@exemple.fr',
      joinedOn: '2025-01-01',
    } as never);
    await b.ok('members.addMandate', { memberId: twin.id, role: 'membre_ca', startOn: '2025-06-01' });
    const ca = await b.ok('meetings.create', {
      type: 'ca',
      title: 'Conseil d’administration de juin',
      date: AG_DATE,
      startTime: '18:00',
    });
    // Without the CPTS's own address, the messages have no sender: the answer says so for the screen to warn.
    await b.ok('cpts.saveIdentity', { name: 'CPTS Sud-Est Grenoblois' });
    const first = await b.ok('ag.exportConvocationMails', { meetingId: ca.id });
    const second = await b.ok('ag.exportConvocationMails', { meetingId: ca.id });
    if (!first.saved || !second.saved) throw new Error('export annulé');
    expect(second.folder).not.toBe(first.folder);
    expect(first.sender).toBeNull();
    const files = readdirSync(first.folder).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(3);
    expect(new Set(files.map((name) => name.toLowerCase())).size).toBe(3);
    const eml = readFileSync(join(first.folder, 'BERNARD Éloïse.eml'), 'utf8');
    expect(eml).not.toMatch(/^From:/m);
    const body = Buffer.from(eml.split('\r\n\r\n').slice(1).join('\n'), 'latin1')
      .toString('utf8')
      .replace(/=\r?\n/g, '');
    expect(decodeQuotedPrintable(body)).toContain('au conseil d’administration de la CPTS Sud-Est Grenoblois');
  });
});

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '=' && /^[0-9A-F]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
