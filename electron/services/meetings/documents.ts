/**
 * Documents attached to a meeting (copied into the app's data folder), never to an RCP.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { MeetingDetail } from '@shared/contract';
import type { DB } from '../../db/schema';
import { copyIntoDocuments } from '../documents';
import { UserError } from '../errors';
import { assertNotApproved, assertMeeting } from './guards';
import { getMeeting } from './queries';

type Db = Kysely<DB> | Transaction<DB>;

export const RCP_DOCUMENT_REFUSED =
  'Aucun document ne peut être joint à une RCP : Maillage ne peut pas vérifier qu’un fichier ne contient pas l’identité ' +
  'd’un patient, alors que tout ce qui concerne une RCP doit rester pseudonymisé. Les pièces justificatives (feuille ' +
  'd’émargement, support de présentation…) se joignent à une autre réunion, par exemple la réunion d’équipe qui prépare la RCP.';

/**
 * Documents can be attached to any meeting but an RCP, and not to a session whose PV is approved (checked before
 * the file dialog opens, and again on copy).
 */
export async function assertDocumentsAllowed(db: Db, meetingId: number): Promise<void> {
  const meeting = await assertMeeting(db, meetingId);
  if (meeting.type === 'rcp') throw new UserError('invalid_input', RCP_DOCUMENT_REFUSED);
  assertNotApproved(meeting);
}

/**
 * Asks for the file to attach (only once documents are allowed on this meeting), then copies it in; `cancelled` when
 * the user closes the file dialog.
 */
export async function chooseAndAddDocument(
  db: Kysely<DB>,
  meetingId: number,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<MeetingDetail | { cancelled: true }> {
  await assertDocumentsAllowed(db, meetingId);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  return addDocument(db, meetingId, path, documentsDir, today);
}

/** Copies a document into the app's data folder (not a link: it stays with the meeting). */
export async function addDocument(
  db: Kysely<DB>,
  meetingId: number,
  sourcePath: string,
  documentsDir: string,
  today: string,
): Promise<MeetingDetail> {
  await assertDocumentsAllowed(db, meetingId);
  await copyIntoDocuments(sourcePath, documentsDir, async (file) => {
    await db
      .insertInto('meeting_document')
      .values({ meeting_id: meetingId, file_name: file.fileName, stored_name: file.storedName, size: file.size })
      .execute();
  });
  return getMeeting(db, meetingId, today);
}

export async function deleteDocument(
  db: Kysely<DB>,
  meetingId: number,
  documentId: number,
  documentsDir: string,
  today: string,
): Promise<MeetingDetail> {
  assertNotApproved(await assertMeeting(db, meetingId));
  const document = await db
    .selectFrom('meeting_document')
    .select('stored_name')
    .where('id', '=', documentId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!document) throw new UserError('not_found', 'Ce document n’existe plus.');
  await db.deleteFrom('meeting_document').where('id', '=', documentId).execute();
  await unlink(join(documentsDir, document.stored_name)).catch(() => undefined);
  return getMeeting(db, meetingId, today);
}
