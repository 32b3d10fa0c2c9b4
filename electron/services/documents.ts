/**
 * Files attached in the app (a signed contract, a convention, an evidence document, a meeting's documents): copied
 * into the app's documents folder beside the database, never linked, so they travel with backups.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, stat, unlink } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { UserError } from './errors';

type Db = Kysely<DB> | Transaction<DB>;

/** Largest file the app copies in. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface StoredFile {
  fileName: string;
  storedName: string;
  size: number;
}

/**
 * Copies a file into the documents folder under a random name, then runs `record` (which writes the row that refers
 * to it); if `record` fails the copy is removed, so no orphan file stays behind.
 */
export async function copyIntoDocuments<T>(
  sourcePath: string,
  documentsDir: string,
  record: (file: StoredFile) => Promise<T>,
): Promise<T> {
  const fileName = basename(sourcePath);
  const info = await stat(sourcePath).catch(() => null);
  if (!info?.isFile()) throw new UserError('io', `Le fichier « ${fileName} » est introuvable.`);
  if (info.size > MAX_DOCUMENT_BYTES) throw new UserError('invalid_input', `Le fichier « ${fileName} » dépasse 50 Mo.`);
  await mkdir(documentsDir, { recursive: true });
  const storedName = `${randomBytes(8).toString('hex')}${extname(sourcePath).toLowerCase()}`;
  try {
    await copyFile(sourcePath, join(documentsDir, storedName));
    return await record({ fileName, storedName, size: info.size });
  } catch (error) {
    await unlink(join(documentsDir, storedName)).catch(() => undefined);
    if (error instanceof UserError) throw error;
    throw new UserError('io', `Impossible de copier « ${fileName} » dans le dossier de Maillage.`);
  }
}

/** Copies a file in and records it as a document; returns its id. `link` writes what it is attached to. */
export async function storeDocument(
  db: Kysely<DB>,
  sourcePath: string,
  documentsDir: string,
  options: { title?: string | null; link?: (trx: Transaction<DB>, documentId: number) => Promise<void> } = {},
): Promise<number> {
  return copyIntoDocuments(sourcePath, documentsDir, (file) =>
    db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('document')
        .values({
          title: options.title ?? null,
          file_name: file.fileName,
          stored_name: file.storedName,
          size: file.size,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await options.link?.(trx, id);
      return id;
    }),
  );
}

/** Removes a document, what links to it (by cascade) and its file. */
export async function removeDocument(db: Db, documentId: number, documentsDir: string): Promise<void> {
  const document = await db
    .selectFrom('document')
    .select('stored_name')
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!document) throw new UserError('not_found', 'Ce document n’existe plus.');
  await db.deleteFrom('document').where('id', '=', documentId).execute();
  await unlink(join(documentsDir, document.stored_name)).catch(() => undefined);
}

/** A file Maillage keeps: a document of the app, or a document attached to a meeting. */
export type DocumentRef = { documentId: number } | { meetingDocumentId: number };

/** Where a kept file is on disk; a French error when its row or its file is gone. */
export async function keptFilePath(db: Db, documentsDir: string, ref: DocumentRef): Promise<string> {
  const row =
    'documentId' in ref
      ? await db
          .selectFrom('document')
          .select(['stored_name', 'file_name'])
          .where('id', '=', ref.documentId)
          .executeTakeFirst()
      : await db
          .selectFrom('meeting_document')
          .select(['stored_name', 'file_name'])
          .where('id', '=', ref.meetingDocumentId)
          .executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce document n’existe plus.');
  const path = join(documentsDir, row.stored_name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    throw new UserError(
      'io',
      `Le fichier « ${row.file_name} » est introuvable dans le dossier des documents de Maillage. Joignez-le de nouveau.`,
    );
  }
  return path;
}

/** Opens a kept file with the computer's usual application for its type. */
export async function openKeptFile(
  db: Db,
  documentsDir: string,
  ref: DocumentRef,
  openFile: (path: string) => Promise<void>,
): Promise<{ opened: true }> {
  await openFile(await keptFilePath(db, documentsDir, ref));
  return { opened: true };
}
