import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { storeDocument } from '../../electron/services/documents';
import { testBackend } from '../helpers/handlers';
import { tempDir } from '../helpers/db';
import { type Backend, insertProtocol, protocolSnapshot, seedTeamMembers } from '../helpers/protocol-team';

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
  while (cleanups.length) cleanups.pop()!();
});

async function seeded() {
  const b = await testBackend();
  backends.push(b);
  const members = await seedTeamMembers(b);
  const chute = await insertProtocol(b, 'Prévention des chutes', 'pluripro', [
    { status: 'remplace', inForceOn: '2024-01-01', endedOn: '2025-09-01' },
    { status: 'en_vigueur', inForceOn: '2025-09-01' },
  ]);
  const other = await insertProtocol(b, 'Cystite simple', 'coop_nationale');
  // A training evening of the CPTS: three members present, one excused, a guest present.
  const meeting = await b.ok('meetings.create', {
    type: 'information',
    title: 'Soirée de formation : prévention des chutes',
    date: '2025-10-14',
    status: 'tenue',
  });
  await b.ok('meetings.saveParticipants', {
    meetingId: meeting.id,
    participants: [
      { memberId: members.doctor, attendance: 'present' },
      { memberId: members.pharmacist, attendance: 'present' },
      { memberId: members.nurse, attendance: 'present' },
      { memberId: members.doctor2, attendance: 'excuse' },
      { guestName: 'Kinésithérapeute du territoire', attendance: 'present' },
    ],
  });
  return { b, ...members, chute, other, meetingId: meeting.id };
}

describe('séances de présentation et de formation', () => {
  it('prend la présence dans la réunion liée, sinon le nombre saisi', async () => {
    const { b, chute, meetingId } = await seeded();
    const training = await b.ok('protocolSessions.save', {
      protocolId: chute.id,
      versionId: chute.versionIds[1],
      kind: 'formation',
      heldOn: '2025-10-14',
      meetingId,
      audience: 'Professionnels de la CPTS',
      attendees: 40,
    });
    expect(training).toMatchObject({
      kind: 'formation',
      kindLabel: 'Formation',
      versionNumber: 2,
      meetingTitle: 'Soirée de formation : prévention des chutes',
      meetingDate: '2025-10-14',
      attendees: 40,
      attendance: 4,
      attendanceSource: 'reunion',
    });
    const handout = await b.ok('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'diffusion',
      heldOn: '2024-02-05',
      audience: 'Pharmacies du territoire',
      attendees: 12,
    });
    expect(handout).toMatchObject({ versionId: null, attendance: 12, attendanceSource: 'saisie' });
    const unknownCount = await b.ok('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'presentation',
      heldOn: '2024-01-20',
    });
    expect(unknownCount).toMatchObject({ attendance: null, attendanceSource: null, kindLabel: 'Présentation' });

    const updated = await b.ok('protocolSessions.save', {
      id: handout.id,
      protocolId: chute.id,
      kind: 'diffusion',
      heldOn: '2024-02-05',
      attendees: 15,
    });
    expect(updated).toMatchObject({ id: handout.id, attendance: 15, audience: null });
    expect((await b.ok('protocolSessions.list', { protocolId: chute.id })).map((row) => row.heldOn)).toEqual([
      '2025-10-14',
      '2024-02-05',
      '2024-01-20',
    ]);
  });

  it('refuse la version d’un autre protocole, une réunion inconnue, une séance d’un autre protocole', async () => {
    const { b, chute, other } = await seeded();
    const before = await protocolSnapshot(b);
    const wrongVersion = await b.call('protocolSessions.save', {
      protocolId: chute.id,
      versionId: other.versionIds[0],
      kind: 'presentation',
      heldOn: '2025-01-10',
    });
    expect(wrongVersion.ok ? null : wrongVersion.error.fields?.versionId).toBe(
      'Choisissez une version de ce protocole.',
    );
    const noMeeting = await b.call('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'presentation',
      heldOn: '2025-01-10',
      meetingId: 9999,
    });
    expect(noMeeting.ok ? null : noMeeting.error.fields?.meetingId).toBe(
      'Cette réunion n’existe plus : choisissez-en une dans la liste.',
    );
    const negative = await b.call('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'presentation',
      heldOn: '2025-01-10',
      attendees: -3,
    });
    expect(negative.ok ? null : negative.error.message).toContain(
      'Le nombre de participants ne peut pas être négatif.',
    );
    expect(await protocolSnapshot(b)).toEqual(before);

    const session = await b.ok('protocolSessions.save', {
      protocolId: other.id,
      kind: 'presentation',
      heldOn: '2025-01-10',
    });
    const moved = await b.call('protocolSessions.save', {
      id: session.id,
      protocolId: chute.id,
      kind: 'presentation',
      heldOn: '2025-01-10',
    });
    expect(moved.ok ? null : moved.error.fields?.protocolId).toBe('Cette séance appartient à un autre protocole.');
  });

  it('supprime une séance avec le support qui lui est joint', async () => {
    const { b, chute } = await seeded();
    const session = await b.ok('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'formation',
      heldOn: '2025-10-14',
    });
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'support.pdf');
    writeFileSync(file, '%PDF-1.4 support de formation');
    const documentId = await storeDocument(b.database.db, file, b.context.documentsDir, {
      link: async (trx, id) => {
        await trx
          .insertInto('protocol_document')
          .values({ protocol_id: chute.id, session_id: session.id, document_id: id, kind: 'support' })
          .execute();
      },
    });
    const stored = await b.database.db
      .selectFrom('document')
      .select('stored_name')
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    expect(existsSync(join(b.context.documentsDir, stored.stored_name))).toBe(true);

    expect(await b.ok('protocolSessions.delete', { id: session.id })).toEqual({ deleted: true });
    expect(await b.ok('protocolSessions.list', { protocolId: chute.id })).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);
    expect(existsSync(join(b.context.documentsDir, stored.stored_name))).toBe(false);
    const again = await b.call('protocolSessions.delete', { id: session.id });
    expect(again.ok ? null : again.error.message).toBe('Cette séance n’existe plus.');
  });

  it('joint un support à une séance par le dialogue, le liste avec elle, le retire et supprime sa copie', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'Diaporama chutes.pdf');
    writeFileSync(file, '%PDF-1.4 diaporama');
    let chosen: string | null = null;
    const b = await testBackend({ chooseOpenPath: async () => chosen });
    backends.push(b);
    const chute = await insertProtocol(b, 'Prévention des chutes', 'pluripro', [
      { status: 'en_vigueur', inForceOn: '2025-09-01' },
    ]);
    const session = await b.ok('protocolSessions.save', {
      protocolId: chute.id,
      kind: 'formation',
      heldOn: '2025-10-14',
    });

    expect(await b.ok('protocolSessions.addDocument', { sessionId: session.id })).toEqual({ cancelled: true });
    expect(await b.database.db.selectFrom('protocol_document').selectAll().execute()).toEqual([]);

    chosen = file;
    const withSupport = await b.ok('protocolSessions.addDocument', { sessionId: session.id });
    if ('cancelled' in withSupport) throw new Error('le support aurait dû être joint');
    expect(withSupport.documents).toEqual([expect.objectContaining({ title: null, fileName: 'Diaporama chutes.pdf' })]);
    const [listed] = await b.ok('protocolSessions.list', { protocolId: chute.id });
    expect(listed!.documents).toEqual(withSupport.documents);
    const link = await b.database.db.selectFrom('protocol_document').selectAll().executeTakeFirstOrThrow();
    expect(link).toMatchObject({ protocol_id: chute.id, session_id: session.id, kind: 'support' });
    // A session's material is not listed again among the protocol's own documents.
    expect((await b.ok('protocols.get', { id: chute.id })).documents).toEqual([]);

    const stored = await b.database.db.selectFrom('document').select('stored_name').executeTakeFirstOrThrow();
    const after = await b.ok('protocolSessions.deleteDocument', { id: withSupport.documents[0]!.id });
    expect(after.documents).toEqual([]);
    expect(await b.database.db.selectFrom('document').selectAll().execute()).toEqual([]);
    expect(existsSync(join(b.context.documentsDir, stored.stored_name))).toBe(false);
    const missing = await b.call('protocolSessions.addDocument', { sessionId: 9999 });
    expect(missing.ok ? null : missing.error.message).toBe('Cette séance n’existe plus.');
  });
});
