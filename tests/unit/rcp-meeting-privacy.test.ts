import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testBackend } from '../helpers/handlers';
import type { ChannelInput } from '@shared/contract';
import {
  addDocument,
  addRcpMotif,
  createMeeting,
  getMeeting,
  saveAgenda,
  saveDecision,
  saveParticipants,
  saveRcpCase,
  updateMeeting,
} from '../../electron/services/meetings';
import { meetingSchema, rcpCaseSchema, type MeetingData } from '@shared/schemas/meetings';
import { UserError } from '../../electron/services/errors';

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

const TODAY = '2026-11-23';
/** What a coordinator pasted from a hospital letter: a name, a birth date, a NIR and a phone number. */
const IDENTITY = 'Mme Dupont née le 03/03/1948, NIR 2 48 03 75 123 456 78, 06 12 34 56 78';

const rcp: ChannelInput<'meetings.create'> = {
  type: 'rcp',
  title: 'RCP du pôle de santé',
  date: '2026-03-12',
  place: 'MSP des Eaux Claires',
  rcpKind: 'clinique',
  theme: 'Chutes chez la personne âgée',
};
const meetingData = (input: ChannelInput<'meetings.create'>): MeetingData => meetingSchema.parse(input);

/** Runs a service call that must be refused by the identifier guard; returns the UserError. */
async function refused(call: Promise<unknown>): Promise<UserError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const userError = error as UserError;
  expect(userError.code).toBe('invalid_input');
  expect(userError.message).toContain('pseudonymisés');
  return userError;
}

/** The stored database, as text: what was refused must not be anywhere in it. */
async function dump(b: Backend): Promise<string> {
  const tables = [
    'meeting',
    'agenda_item',
    'decision',
    'meeting_participant',
    'rcp_motif',
    'meeting_document',
  ] as const;
  const rows = await Promise.all(tables.map((table) => b.database.db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows);
}

describe('RCP meeting: every free text goes through the identifier guard', () => {
  it('refuses an identity in the title, place, organiser, theme or compte rendu when creating (service)', async () => {
    const b = await backend();
    const db = b.database.db;
    const before = await dump(b);
    for (const [field, label] of [
      ['title', 'Titre'],
      ['place', 'Lieu'],
      ['organiserLabel', 'Organisateur'],
      ['summary', 'Compte rendu'],
    ] as const) {
      const error = await refused(createMeeting(db, { ...meetingData(rcp), [field]: IDENTITY }, TODAY));
      expect(error.message).toContain(`Le texte « ${label} » contient`);
      expect(error.message).toContain('« Mme Dupont »');
      expect(error.fields?.[field]).toContain('Dupont');
    }
    // The theme is also refused when the schema is bypassed.
    const theme = await refused(createMeeting(db, { ...meetingData(rcp), theme: IDENTITY }, TODAY));
    expect(theme.fields?.['theme']).toContain('Le texte « Thème »');
    expect(await dump(b)).toBe(before);
  });

  it('refuses the same texts through the IPC channel, with the message under the field', async () => {
    const b = await backend();
    expect(await b.call('meetings.create', { ...rcp, title: 'Situation de Mme Dupont' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { title: expect.stringContaining('« Mme Dupont »') } },
    });
    expect(await b.call('meetings.create', { ...rcp, place: 'Domicile, 12 chemin des Vignes' })).toMatchObject({
      ok: false,
      error: { fields: { place: expect.stringContaining('adresse postale') } },
    });
    const meeting = await b.ok('meetings.create', rcp);
    const summary = await b.call('meetings.update', {
      id: meeting.id,
      data: { ...rcp, summary: 'Cas évoqué : patiente née le 03/03/1948.' },
    });
    expect(summary).toMatchObject({
      ok: false,
      error: { fields: { summary: expect.stringContaining('date de naissance') } },
    });
    expect((await b.ok('meetings.get', { id: meeting.id })).data.summary).toBeNull();
  });

  it('accepts the same texts on a meeting that is not an RCP', async () => {
    const b = await backend();
    const detail = await createMeeting(
      b.database.db,
      { ...meetingData({ type: 'ca', title: 'CA avec M. Martin', date: '2026-03-12' }), place: '12 rue des Lilas' },
      TODAY,
    );
    expect(detail.data).toMatchObject({ title: 'CA avec M. Martin', place: '12 rue des Lilas' });
  });

  it('refuses an identity in an agenda item title or in its minutes (service)', async () => {
    const b = await backend();
    const db = b.database.db;
    const meeting = await createMeeting(db, meetingData(rcp), TODAY);
    const title = await refused(
      saveAgenda(db, meeting.id, [{ id: null, title: 'Point sur M. Martin', minutes: null }], TODAY),
    );
    expect(title.fields).toEqual({
      'items.0.title': expect.stringContaining('Le texte « Point 1 de l’ordre du jour » contient'),
    });
    const minutes = await refused(
      saveAgenda(
        db,
        meeting.id,
        [
          { id: null, title: 'Situations complexes', minutes: null },
          { id: null, title: 'Cas présentés', minutes: `Relevé : ${IDENTITY}` },
        ],
        TODAY,
      ),
    );
    expect(minutes.fields).toEqual({
      'items.1.minutes': expect.stringContaining('Le texte « Relevé du point 2 » contient'),
    });
    expect((await getMeeting(db, meeting.id, TODAY)).agenda).toEqual([]);
    const saved = await saveAgenda(
      db,
      meeting.id,
      [{ id: null, title: 'Cas présentés', minutes: 'Deux situations de chutes ; avis du Dr Martin.' }],
      TODAY,
    );
    expect(saved.agenda).toHaveLength(1);
  });

  it('refuses an identity in a decision or its owner (service and IPC)', async () => {
    const b = await backend();
    const db = b.database.db;
    const meeting = await createMeeting(db, meetingData(rcp), TODAY);
    const decision = {
      id: null,
      meetingId: meeting.id,
      agendaItemId: null,
      ownerMemberId: null,
      ownerLabel: null,
      dueOn: null,
      status: 'a_faire',
    };
    const text = await refused(saveDecision(db, { ...decision, text: 'Appeler la fille au 06 12 34 56 78' }, TODAY));
    expect(text.fields).toEqual({
      text: expect.stringContaining('Le texte « Décision » contient un numéro de téléphone'),
    });
    const owner = await refused(
      saveDecision(db, { ...decision, text: 'Visite à domicile', ownerLabel: 'Madame Leroy' }, TODAY),
    );
    expect(owner.fields).toEqual({ ownerLabel: expect.stringContaining('Le texte « Responsable » contient') });
    expect(await b.call('decisions.save', { meetingId: meeting.id, text: 'Courrier à Mme Dupont' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { text: expect.stringContaining('« Mme Dupont »') } },
    });
    expect((await getMeeting(db, meeting.id, TODAY)).decisions).toEqual([]);
    expect(
      (await saveDecision(db, { ...decision, text: 'Bilan kiné à domicile', ownerLabel: 'IDE libérale' }, TODAY))
        .decisions,
    ).toHaveLength(1);
  });

  it('refuses an identity in a guest’s quality (service and IPC)', async () => {
    const b = await backend();
    const db = b.database.db;
    const meeting = await createMeeting(db, meetingData(rcp), TODAY);
    const guest = {
      id: null,
      memberId: null,
      guestName: null,
      professionCode: '60',
      attendance: 'present' as const,
      minutesSpent: null,
    };
    const error = await refused(
      saveParticipants(db, meeting.id, [{ ...guest, guestQuality: 'IDE de Mme Dupont' }], TODAY),
    );
    expect(error.fields).toEqual({
      'participants.0.guestQuality': expect.stringContaining('Le texte « Qualité de l’invité » contient'),
    });
    expect(
      await b.call('meetings.saveParticipants', {
        meetingId: meeting.id,
        participants: [{ professionCode: '60', guestQuality: 'Aidante, joignable au 06 12 34 56 78' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('numéro de téléphone') },
    });
    expect((await getMeeting(db, meeting.id, TODAY)).participants).toEqual([]);
    expect(
      (await saveParticipants(db, meeting.id, [{ ...guest, guestQuality: 'IDE du SSIAD' }], TODAY)).participants,
    ).toHaveLength(1);
  });

  it('refuses an identity in a custom RCP motif label (service and IPC)', async () => {
    const b = await backend();
    const error = await refused(addRcpMotif(b.database.db, 'Suivi de M. Durand'));
    expect(error.fields).toEqual({ label: expect.stringContaining('Le texte « Motif » contient') });
    expect(await b.call('rcp.addMotif', { label: 'Chutes, DDN:03031948' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('date de naissance') },
    });
    expect((await b.ok('rcp.motifs')).filter((motif) => motif.custom)).toEqual([]);
    expect(
      (await b.ok('rcp.addMotif', { label: 'Isolement social' })).some((motif) => motif.label === 'Isolement social'),
    ).toBe(true);
  });

  it('refuses an identity in an RCP case even when the schema is bypassed (service)', async () => {
    const b = await backend();
    const db = b.database.db;
    const meeting = await createMeeting(db, meetingData(rcp), TODAY);
    const rcpCase = rcpCaseSchema.parse({
      meetingId: meeting.id,
      ageBand: '85+',
      over75: true,
      motifCode: 'chutes',
      summary: 'Chutes répétées.',
    });
    const summary = await refused(saveRcpCase(db, { ...rcpCase, summary: IDENTITY }, TODAY));
    expect(summary.fields).toEqual({ summary: expect.stringContaining('Le texte « Situation » contient') });
    const motif = await refused(saveRcpCase(db, { ...rcpCase, motifText: 'fille : jd@free.fr' }, TODAY));
    expect(motif.fields).toEqual({ motifText: expect.stringContaining('adresse électronique') });
    const action = await refused(
      saveRcpCase(
        db,
        {
          ...rcpCase,
          decisions: [
            { id: null, action: 'Appeler M. Petit', ownerParticipantId: null, dueOn: null, status: 'a_faire' },
          ],
        },
        TODAY,
      ),
    );
    expect(action.fields).toEqual({ 'decisions.0.action': expect.stringContaining('« M. Petit »') });
    expect((await getMeeting(db, meeting.id, TODAY)).cases).toEqual([]);
  });

  it('checks what a meeting already holds when it becomes an RCP', async () => {
    const b = await backend();
    const db = b.database.db;
    const team = meetingData({ type: 'autre', title: 'Réunion d’équipe', date: '2026-03-12' });
    const meeting = await createMeeting(db, team, TODAY);
    await saveAgenda(
      db,
      meeting.id,
      [{ id: null, title: 'Situations', minutes: 'Point sur Mme Dupont, 12 rue des Lilas' }],
      TODAY,
    );
    const asRcp = { ...team, type: 'rcp' as const, rcpKind: 'clinique' as const };
    const agenda = await refused(updateMeeting(db, meeting.id, asRcp, TODAY));
    expect(agenda.message).toMatch(
      /^Cette réunion ne peut pas devenir une RCP tant que ses textes identifient un patient\. Le texte « Relevé du point 1 »/,
    );
    expect((await getMeeting(db, meeting.id, TODAY)).data.type).toBe('autre');

    await saveAgenda(db, meeting.id, [{ id: null, title: 'Situations', minutes: 'Deux situations discutées.' }], TODAY);
    await saveDecision(
      db,
      {
        id: null,
        meetingId: meeting.id,
        agendaItemId: null,
        text: 'Écrire à M. Petit',
        ownerMemberId: null,
        ownerLabel: null,
        dueOn: null,
        status: 'a_faire',
      },
      TODAY,
    );
    const decision = await refused(updateMeeting(db, meeting.id, asRcp, TODAY));
    expect(decision.fields).toEqual({ 'decisions.0.text': expect.stringContaining('« M. Petit »') });

    const other = await createMeeting(db, team, TODAY);
    await saveParticipants(
      db,
      other.id,
      [
        {
          id: null,
          memberId: null,
          guestName: 'Jeanne Roux',
          guestQuality: 'Assistante sociale',
          professionCode: null,
          attendance: 'present',
          minutesSpent: null,
        },
      ],
      TODAY,
    );
    const guestName = await updateMeeting(db, other.id, { ...asRcp, title: 'RCP' }, TODAY).catch((e: unknown) => e);
    expect(guestName).toBeInstanceOf(UserError);
    expect((guestName as UserError).message).toContain('sans son nom');
    expect((await getMeeting(db, other.id, TODAY)).data.type).toBe('autre');

    const third = await createMeeting(db, team, TODAY);
    await saveParticipants(
      db,
      third.id,
      [
        {
          id: null,
          memberId: null,
          guestName: null,
          guestQuality: 'Fille de Mme Roux',
          professionCode: null,
          attendance: 'present',
          minutesSpent: null,
        },
      ],
      TODAY,
    );
    const quality = await refused(updateMeeting(db, third.id, asRcp, TODAY));
    expect(quality.fields).toEqual({ 'participants.0.guestQuality': expect.stringContaining('« Mme Roux »') });

    const clean = await createMeeting(db, team, TODAY);
    await saveAgenda(db, clean.id, [{ id: null, title: 'Situations', minutes: 'Deux situations discutées.' }], TODAY);
    expect((await updateMeeting(db, clean.id, asRcp, TODAY)).data.type).toBe('rcp');
  });
});

describe('RCP meeting: attachments', () => {
  it('refuses a document on an RCP before the file dialog opens, and in the service', async () => {
    let dialogs = 0;
    const source = { path: '' };
    const b = await backend({ chooseOpenPath: async () => (dialogs++, source.path) });
    source.path = join(b.database.dir, 'courrier-hopital.pdf');
    writeFileSync(source.path, '%PDF-1.4 courrier');
    const meeting = await b.ok('meetings.create', rcp);
    const result = await b.call('meetings.addDocument', { meetingId: meeting.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Aucun document ne peut être joint à une RCP') },
    });
    expect(dialogs).toBe(0);
    await expect(addDocument(b.database.db, meeting.id, source.path, b.context.documentsDir, TODAY)).rejects.toThrow(
      /ne peut pas vérifier/,
    );
    expect((await b.ok('meetings.get', { id: meeting.id })).documents).toEqual([]);
    expect(readdirSync(b.database.dir)).not.toContain('documents');
  });

  it('never lists the existing attachments of an RCP in its compte rendu, and they can still be deleted', async () => {
    const saved: string[] = [];
    const source = { path: '' };
    const b = await backend({
      chooseOpenPath: async () => source.path,
      chooseSavePath: async (name) => (saved.push(join(b.database.dir, name)), saved.at(-1)!),
    });
    source.path = join(b.database.dir, 'liste-patients-mars.pdf');
    writeFileSync(source.path, '%PDF-1.4 liste');
    const team: ChannelInput<'meetings.create'> = {
      type: 'autre',
      title: 'Réunion d’équipe de mars',
      date: '2026-03-12',
    };
    const meeting = await b.ok('meetings.create', team);
    await b.ok('meetings.addDocument', { meetingId: meeting.id });
    await b.ok('reports.exportMeetingMinutes', { meetingId: meeting.id });
    expect(execFileSync('pdftotext', ['-layout', saved.at(-1)!, '-']).toString()).toContain('liste-patients-mars.pdf');

    const asRcp = await b.ok('meetings.update', {
      id: meeting.id,
      data: { ...team, type: 'rcp', rcpKind: 'clinique' },
    });
    expect(asRcp.documents.map((document) => document.fileName)).toEqual(['liste-patients-mars.pdf']);
    await b.ok('reports.exportMeetingMinutes', { meetingId: meeting.id });
    const minutes = execFileSync('pdftotext', ['-layout', saved.at(-1)!, '-']).toString();
    expect(minutes).toContain('Compte rendu de RCP');
    expect(minutes).not.toContain('liste-patients-mars');
    expect(minutes).not.toMatch(/^\s*Documents\s*$/m);

    const after = await b.ok('meetings.deleteDocument', { meetingId: meeting.id, documentId: asRcp.documents[0]!.id });
    expect(after.documents).toEqual([]);
    expect(readdirSync(b.context.documentsDir)).toEqual([]);
  });
});
