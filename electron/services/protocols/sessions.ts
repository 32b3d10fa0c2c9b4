/**
 * Sessions where a protocol was presented, taught or handed out. A session held during a meeting of the CPTS takes
 * its attendance from that meeting (participants marked present); otherwise the number typed in counts.
 */
import { type Kysely, sql } from 'kysely';
import type { ProtocolSessionData, ProtocolSessionDocument, ProtocolSessionRow } from '@shared/contract/protocol-team';
import { protocolSessionKindLabel } from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument, storeDocument } from '../documents';
import { UserError } from '../errors';
import { assertProtocol } from './library-queries';
import { releaseProtocolDocuments } from './protocol-documents';
import { type Db, refuse } from './team';

function sessionsQuery(db: Db) {
  return db
    .selectFrom('protocol_session as s')
    .leftJoin('protocol_version as v', 'v.id', 's.version_id')
    .leftJoin('meeting as m', 'm.id', 's.meeting_id')
    .selectAll('s')
    .select([
      'v.number as version_number',
      'm.title as meeting_title',
      'm.date as meeting_date',
      (eb) =>
        eb
          .selectFrom('meeting_participant as mp')
          .select(sql<number>`count(*)`.as('present'))
          .whereRef('mp.meeting_id', '=', 's.meeting_id')
          .where('mp.attendance', '=', 'present')
          .as('present'),
    ]);
}
type SessionRecord = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['executeTakeFirstOrThrow']>>;

function rowOf(record: SessionRecord, documents: ProtocolSessionDocument[] = []): ProtocolSessionRow {
  const fromMeeting = record.meeting_id !== null && record.meeting_title !== null;
  const attendance = fromMeeting ? Number(record.present ?? 0) : record.attendees;
  return {
    id: record.id,
    protocolId: record.protocol_id,
    versionId: record.version_id,
    versionNumber: record.version_number,
    kind: record.kind,
    kindLabel: protocolSessionKindLabel(record.kind),
    heldOn: record.held_on,
    meetingId: record.meeting_id,
    meetingTitle: record.meeting_title,
    meetingDate: record.meeting_date,
    audience: record.audience,
    attendees: record.attendees,
    attendance,
    attendanceSource: fromMeeting ? 'reunion' : attendance === null ? null : 'saisie',
    note: record.note,
    documents,
  };
}

/** The sessions of a protocol, the latest first. */
export async function listSessions(db: Db, protocolId: number): Promise<ProtocolSessionRow[]> {
  await assertProtocol(db, protocolId);
  const records = await sessionsQuery(db)
    .where('s.protocol_id', '=', protocolId)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  const documents = await sessionDocuments(
    db,
    records.map((record) => record.id),
  );
  return records.map((record) => rowOf(record, documents.get(record.id)));
}

/** The files attached to these sessions, by session. */
async function sessionDocuments(
  db: Db,
  sessionIds: readonly number[],
): Promise<Map<number, ProtocolSessionDocument[]>> {
  const bySession = new Map<number, ProtocolSessionDocument[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .selectFrom('protocol_document as pd')
    .innerJoin('document as d', 'd.id', 'pd.document_id')
    .select(['pd.id', 'pd.session_id', 'd.id as document_id', 'd.title', 'd.file_name'])
    .where('pd.session_id', 'in', sessionIds)
    .orderBy('pd.id')
    .execute();
  for (const row of rows) {
    const list = bySession.get(row.session_id!) ?? [];
    list.push({ id: row.id, documentId: row.document_id, title: row.title, fileName: row.file_name });
    bySession.set(row.session_id!, list);
  }
  return bySession;
}

async function getSession(db: Db, id: number): Promise<ProtocolSessionRow> {
  const record = await sessionsQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!record) throw new UserError('not_found', 'Cette séance n’existe plus.');
  return rowOf(record, (await sessionDocuments(db, [id])).get(id));
}

/** Asks for a file (the material handed out) and attaches it to the session; cancelled when the dialog is closed. */
export async function addSessionDocument(
  db: Kysely<DB>,
  sessionId: number,
  documentsDir: string,
  chooseFile: () => Promise<string | null>,
): Promise<ProtocolSessionRow | { cancelled: true }> {
  const session = await getSession(db, sessionId);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  await storeDocument(db, path, documentsDir, {
    link: async (trx, documentId) => {
      const still = await trx
        .selectFrom('protocol_session')
        .select('id')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (!still) throw new UserError('not_found', 'Cette séance n’existe plus.');
      await trx
        .insertInto('protocol_document')
        .values({
          protocol_id: session.protocolId,
          version_id: session.versionId,
          session_id: sessionId,
          document_id: documentId,
          kind: 'support',
        })
        .execute();
      await audit(trx, 'attach', 'protocol_session', String(sessionId), 'support');
    },
  });
  return getSession(db, sessionId);
}

/** Removes a file from its session; the copy goes once nothing else in the app refers to it. */
export async function deleteSessionDocument(
  db: Kysely<DB>,
  id: number,
  documentsDir: string,
): Promise<ProtocolSessionRow> {
  const link = await db
    .selectFrom('protocol_document')
    .select(['session_id', 'document_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!link || link.session_id === null) throw new UserError('not_found', 'Ce document n’existe plus.');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('protocol_document').where('id', '=', id).execute();
    await audit(trx, 'detach', 'protocol_session', String(link.session_id), 'support');
  });
  await releaseProtocolDocuments(db, [link.document_id], documentsDir);
  return getSession(db, link.session_id);
}

/** Creates or updates a session; the version presented must be one of the protocol's, the meeting must exist. */
export async function saveSession(db: Kysely<DB>, data: ProtocolSessionData): Promise<ProtocolSessionRow> {
  const id = await db.transaction().execute(async (trx) => {
    await assertProtocol(trx, data.protocolId);
    if (data.id !== null) {
      const current = await trx
        .selectFrom('protocol_session')
        .select('protocol_id')
        .where('id', '=', data.id)
        .executeTakeFirst();
      if (!current) throw new UserError('not_found', 'Cette séance n’existe plus.');
      if (current.protocol_id !== data.protocolId)
        refuse('protocolId', 'Cette séance appartient à un autre protocole.', 'conflict');
    }
    if (data.versionId !== null) {
      const version = await trx
        .selectFrom('protocol_version')
        .select('protocol_id')
        .where('id', '=', data.versionId)
        .executeTakeFirst();
      if (!version || version.protocol_id !== data.protocolId)
        refuse('versionId', 'Choisissez une version de ce protocole.');
    }
    if (data.meetingId !== null) {
      const meeting = await trx.selectFrom('meeting').select('id').where('id', '=', data.meetingId).executeTakeFirst();
      if (!meeting) refuse('meetingId', 'Cette réunion n’existe plus : choisissez-en une dans la liste.');
    }
    const values = {
      protocol_id: data.protocolId,
      version_id: data.versionId,
      kind: data.kind,
      held_on: data.heldOn,
      meeting_id: data.meetingId,
      audience: data.audience,
      attendees: data.attendees,
      note: data.note,
    };
    if (data.id !== null) {
      await trx.updateTable('protocol_session').set(values).where('id', '=', data.id).execute();
      await audit(trx, 'update', 'protocol_session', String(data.id), data.kind);
      return data.id;
    }
    const row = await trx.insertInto('protocol_session').values(values).returning('id').executeTakeFirstOrThrow();
    await audit(trx, 'create', 'protocol_session', String(row.id), data.kind);
    return row.id;
  });
  return getSession(db, id);
}

/** Deletes a session and the training material attached to it (documents and their files). */
export async function deleteSession(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('protocol_session').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Cette séance n’existe plus.');
    const attached = await trx
      .selectFrom('protocol_document')
      .select('document_id')
      .where('session_id', '=', id)
      .execute();
    await trx.deleteFrom('protocol_session').where('id', '=', id).execute();
    for (const { document_id } of attached) await removeDocument(trx, document_id, documentsDir);
    await audit(trx, 'delete', 'protocol_session', String(id), null);
  });
  return { deleted: true };
}
