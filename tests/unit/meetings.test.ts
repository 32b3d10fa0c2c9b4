import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBackend } from '../helpers/handlers';
import type { ChannelInput } from '@shared/contract';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const rcpMeeting: ChannelInput<'meetings.create'> = {
  type: 'rcp',
  title: 'RCP du pôle de santé',
  date: '2026-03-12',
  startTime: '12h30',
  endTime: '14:00',
  place: 'MSP des Eaux Claires',
  rcpKind: 'clinique',
  theme: 'Chutes chez la personne âgée',
};

async function withMembers(b: Backend) {
  const nurse = await b.ok('members.create', {
    kind: 'person',
    lastName: 'Bernard',
    firstName: 'Éloïse',
    professionCode: '60',
  });
  const doctor = await b.ok('members.create', {
    kind: 'person',
    lastName: 'Durand',
    firstName: 'Thomas',
    professionCode: '10',
  });
  return { nurse, doctor };
}

describe('meetings', () => {
  it('validates a meeting in French and normalises the times', async () => {
    const b = await backend();
    const bad = await b.call('meetings.create', {
      type: 'rcp',
      title: '',
      date: '2026-02-30',
      startTime: '25h',
      visioUrl: 'http://x',
    } as ChannelInput<'meetings.create'>);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) {
      expect(bad.error.fields).toMatchObject({
        title: 'Donnez un titre à la réunion.',
        date: expect.stringContaining("n'est pas une date valide"),
        startTime: expect.stringContaining("n'est pas valide"),
        visioUrl: expect.stringContaining('https://'),
      });
    }
    const created = await b.ok('meetings.create', rcpMeeting);
    expect(created.data).toMatchObject({ startTime: '12:30', endTime: '14:00', status: 'prevue', rcpKind: 'clinique' });
    expect(await b.call('meetings.create', { ...rcpMeeting, endTime: '12:00' })).toMatchObject({
      ok: false,
      error: { fields: { endTime: expect.any(String) } },
    });
    expect(await b.call('meetings.create', { ...rcpMeeting, theme: 'Cas de Mme Dupont' })).toMatchObject({
      ok: false,
      error: { fields: { theme: expect.stringContaining('Dupont') } },
    });
  });

  it('keeps the agenda in order, updates and removes points', async () => {
    const b = await backend();
    const meeting = await b.ok('meetings.create', {
      type: 'ca',
      title: 'Conseil d’administration',
      date: '2026-04-02',
    });
    let detail = await b.ok('meetings.saveAgenda', {
      meetingId: meeting.id,
      items: [{ title: 'Budget 2026' }, { title: 'Recrutement' }, { title: 'Questions diverses' }],
    });
    expect(detail.agenda.map((item) => item.title)).toEqual(['Budget 2026', 'Recrutement', 'Questions diverses']);
    const [budget, , questions] = detail.agenda;
    detail = await b.ok('meetings.saveAgenda', {
      meetingId: meeting.id,
      items: [
        { id: questions!.id, title: 'Questions diverses', minutes: 'Aucune.' },
        { id: budget!.id, title: 'Budget 2026 (vote)', minutes: 'Budget présenté par le trésorier.' },
      ],
    });
    expect(detail.agenda).toEqual([
      { id: questions!.id, position: 1, title: 'Questions diverses', minutes: 'Aucune.' },
      { id: budget!.id, position: 2, title: 'Budget 2026 (vote)', minutes: 'Budget présenté par le trésorier.' },
    ]);
  });

  it('records participants and warns when an RCP gathers too few professions', async () => {
    const b = await backend();
    const { nurse, doctor } = await withMembers(b);
    const meeting = await b.ok('meetings.create', rcpMeeting);
    let detail = await b.ok('meetings.saveParticipants', {
      meetingId: meeting.id,
      participants: [{ memberId: nurse.id, attendance: 'present', minutesSpent: 90 }],
    });
    expect(detail.professionCount).toBe(1);
    expect(detail.warnings[0]).toMatch(/réunit 1 profession de santé ; la CPTS en demande au moins 2/);
    detail = await b.ok('meetings.saveParticipants', {
      meetingId: meeting.id,
      participants: [
        { id: detail.participants[0]!.id, memberId: nurse.id, attendance: 'present', minutesSpent: 90 },
        { memberId: doctor.id, attendance: 'present' },
        { professionCode: '70', attendance: 'present' },
      ],
    });
    expect(detail.participants.map((participant) => participant.name)).toEqual([
      'BERNARD Éloïse',
      'DURAND Thomas',
      'Masseur·se-kinésithérapeute (invité·e)',
    ]);
    expect(detail.professionCount).toBe(3);
    expect(detail.warnings).toEqual([]);
    // An external professional is noted in an RCP by profession only.
    expect(
      await b.call('meetings.saveParticipants', {
        meetingId: meeting.id,
        participants: [{ guestName: 'Jean Kiné', professionCode: '70' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('sans son nom') },
    });
    expect(
      await b.call('meetings.saveParticipants', {
        meetingId: meeting.id,
        participants: [{ memberId: nurse.id }, { memberId: nurse.id }],
      }),
    ).toMatchObject({ ok: false });
  });

  it('follows decisions across meetings: open, overdue, done', async () => {
    const b = await backend();
    const { nurse } = await withMembers(b);
    const meeting = await b.ok('meetings.create', { type: 'bureau', title: 'Bureau de mars', date: '2026-03-05' });
    await b.ok('decisions.save', {
      meetingId: meeting.id,
      text: 'Relancer la mairie pour les locaux',
      ownerMemberId: nurse.id,
      dueOn: '2026-04-01',
    });
    const detail = await b.ok('decisions.save', {
      meetingId: meeting.id,
      text: 'Préparer le budget',
      ownerLabel: 'Trésorier',
      dueOn: '2027-01-15',
    });
    expect(detail.decisions.map((decision) => [decision.text, decision.owner, decision.overdue])).toEqual([
      ['Relancer la mairie pour les locaux', 'BERNARD Éloïse', true],
      ['Préparer le budget', 'Trésorier', false],
    ]);
    expect((await b.ok('decisions.list', { status: 'en_retard' })).map((decision) => decision.text)).toEqual([
      'Relancer la mairie pour les locaux',
    ]);
    const first = detail.decisions[0]!;
    const done = await b.ok('decisions.save', {
      id: first.id,
      meetingId: meeting.id,
      text: first.text,
      ownerMemberId: nurse.id,
      dueOn: first.dueOn,
      status: 'fait',
    });
    expect(done.decisions[0]).toMatchObject({ status: 'fait', doneOn: '2026-11-23', overdue: false });
    expect(await b.ok('decisions.list', { status: 'en_retard' })).toEqual([]);
    expect((await b.ok('decisions.list', { status: 'faites' })).length).toBe(1);
    expect((await b.ok('decisions.list', { status: 'ouvertes' })).length).toBe(1);
  });

  it('copies attached documents into the data folder and removes them with the meeting', async () => {
    const source = { path: '' };
    const b = await backend({ chooseOpenPath: async () => source.path });
    source.path = join(b.database.dir, 'ordre-du-jour.pdf');
    writeFileSync(source.path, '%PDF-1.4 document de séance');
    const meeting = await b.ok('meetings.create', {
      type: 'ago',
      title: 'Assemblée générale 2026',
      date: '2026-06-20',
    });
    const detail = await b.ok('meetings.addDocument', { meetingId: meeting.id });
    expect('documents' in detail && detail.documents).toEqual([
      expect.objectContaining({
        fileName: 'ordre-du-jour.pdf',
        size: Buffer.byteLength('%PDF-1.4 document de séance'),
      }),
    ]);
    const stored = readdirSync(b.context.documentsDir);
    expect(stored).toHaveLength(1);
    expect(readFileSync(join(b.context.documentsDir, stored[0]!), 'utf8')).toBe('%PDF-1.4 document de séance');
    expect(await b.ok('meetings.delete', { id: meeting.id, confirm: true })).toEqual({ deleted: true });
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
    expect(await b.call('meetings.get', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exports the meetings of a period as an iCalendar file', async () => {
    const target = { path: '' };
    const b = await backend({ chooseSavePath: async (name) => (target.path = join(b.database.dir, name)) });
    await b.ok('meetings.create', rcpMeeting);
    await b.ok('meetings.create', {
      type: 'ago',
      title: 'Assemblée générale',
      date: '2026-06-20',
      startTime: '18:30',
      place: 'Salle des fêtes',
    });
    await b.ok('meetings.create', { type: 'bureau', title: 'Bureau annulé', date: '2026-06-21', status: 'annulee' });
    const result = await b.ok('meetings.exportIcs', { from: '2026-01-01', to: '2026-12-31' });
    expect(result.saved).toBe(true);
    const text = readFileSync(target.path, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('SUMMARY:Assemblée générale (Assemblée générale ordinaire)');
    expect(text).toContain('LOCATION:Salle des fêtes');
    expect(text).not.toContain('Bureau annulé');
    // The calendar's type filter: only the assemblies.
    await b.ok('meetings.exportIcs', { from: '2026-01-01', to: '2026-12-31', type: 'ago' });
    const assemblies = readFileSync(target.path, 'utf8');
    expect(assemblies.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(assemblies).toContain('SUMMARY:Assemblée générale');
    expect(await b.call('meetings.exportIcs', { from: '2030-01-01', to: '2030-12-31' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Aucune réunion') },
    });
  });
});

describe('RCP cases', () => {
  it('refuses direct identifiers in every text, keeps a generated code, checks ≥ 75 and the decision owner', async () => {
    const b = await backend();
    const { nurse, doctor } = await withMembers(b);
    const meeting = await b.ok('meetings.create', rcpMeeting);
    const detail = await b.ok('meetings.saveParticipants', {
      meetingId: meeting.id,
      participants: [
        { memberId: nurse.id, attendance: 'present' },
        { memberId: doctor.id, attendance: 'present' },
      ],
    });
    const owner = detail.participants[0]!.id;
    const base = {
      meetingId: meeting.id,
      ageBand: '85+',
      over75: true,
      ald: true,
      motifCode: 'chutes',
      patientInformed: true,
      followUpOn: '2027-01-10',
    };

    const refused = await b.call('rcp.saveCase', {
      ...base,
      summary: 'Mme Dupont, née le 03/03/1941, vit seule au 12 rue des Lilas.',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!refused.ok) expect(refused.error.fields?.summary).toMatch(/Situation.*Dupont/s);
    expect(
      await b.call('rcp.saveCase', { ...base, decisions: [{ action: 'Appeler le 06 12 34 56 78' }] }),
    ).toMatchObject({ ok: false });
    expect(await b.call('rcp.saveCase', { ...base, over75: false })).toMatchObject({
      ok: false,
      error: { fields: { over75: expect.any(String) } },
    });
    expect(
      await b.call('rcp.saveCase', { ...base, decisions: [{ action: 'Bilan kiné', ownerParticipantId: 99999 }] }),
    ).toMatchObject({ ok: false });
    expect(await b.call('rcp.saveCase', { ...base, motifCode: null })).toMatchObject({
      ok: false,
      error: { fields: { motifCode: expect.any(String) } },
    });

    const saved = await b.ok('rcp.saveCase', {
      ...base,
      summary: 'Patiente de 87 ans, chutes répétées, vit seule ; IDE 3 passages par semaine.',
      decisions: [
        {
          action: 'Bilan de kinésithérapie et aménagement du domicile',
          ownerParticipantId: owner,
          dueOn: '2026-12-15',
        },
      ],
    });
    const rcpCase = saved.cases[0]!;
    expect(rcpCase.code).toMatch(/^RCP26-[A-Z2-9]{5}$/);
    expect(rcpCase).toMatchObject({
      motifLabel: 'Chutes répétées',
      over75: true,
      ald: true,
      decisions: [{ owner: 'BERNARD Éloïse', dueOn: '2026-12-15' }],
    });
    const motifs = await b.ok('rcp.addMotif', { label: 'Isolement social' });
    expect(motifs.find((motif) => motif.label === 'Isolement social')).toMatchObject({ custom: true });
    expect(await b.call('rcp.addMotif', { label: 'isolement social' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Nothing identifying reached the database.
    const stored = JSON.stringify(await b.database.db.selectFrom('rcp_case').selectAll().execute());
    expect(stored).not.toMatch(/Dupont|1941|Lilas/);
  });

  it('exports a pseudonymised CR and the yearly summary of RCP', async () => {
    const saved: string[] = [];
    const b = await backend({
      chooseSavePath: async (name) => (saved.push(join(b.database.dir, name)), saved.at(-1)!),
    });
    const { nurse, doctor } = await withMembers(b);
    for (const [date, band, over75, ald] of [
      ['2026-03-12', '85+', true, false],
      ['2026-05-07', '40-59', false, true],
      ['2026-05-07', '18-39', false, false],
    ] as const) {
      const existing = (await b.ok('meetings.list', { from: date, to: date }))[0];
      const meeting = existing ?? (await b.ok('meetings.create', { ...rcpMeeting, date }));
      await b.ok('meetings.saveParticipants', {
        meetingId: meeting.id,
        participants: [
          { memberId: nurse.id, attendance: 'present' },
          { memberId: doctor.id, attendance: 'present' },
        ],
      });
      await b.ok('rcp.saveCase', {
        meetingId: meeting.id,
        ageBand: band,
        over75,
        ald,
        motifCode: 'polymedication',
        summary: 'Situation discutée en équipe.',
      });
    }
    const first = (await b.ok('meetings.list', { from: '2026-03-12', to: '2026-03-12' }))[0]!;
    expect((await b.ok('reports.exportMeetingMinutes', { meetingId: first.id })).saved).toBe(true);
    const minutes = execFileSync('pdftotext', ['-layout', saved.at(-1)!, '-']).toString();
    expect(minutes).toMatch(/Compte rendu de RCP/);
    expect(minutes).toMatch(/pseudonymis/);
    expect(minutes).toMatch(/RCP26-[A-Z2-9]{5}/);

    expect((await b.ok('reports.exportRcpYear', { year: 2026 })).saved).toBe(true);
    const year = execFileSync('pdftotext', ['-layout', saved.at(-1)!, '-'])
      .toString()
      .replace(/\u00a0/g, ' ');
    expect(year).toMatch(/Bilan des RCP 2026/);
    expect(year).toMatch(/Polymédication/);
    expect(await b.call('reports.exportRcpYear', { year: 2099 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('pas encore commencée') },
    });
    expect(existsSync(saved.at(-1)!)).toBe(true);
  });
});
