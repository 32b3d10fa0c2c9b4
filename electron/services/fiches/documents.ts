/**
 * Documents attached to a partnership (its convention) or to a fiche action: copied into the app's documents folder
 * and linked by a `document_link` row written in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { LinkedDocument } from '@shared/contract';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument, storeDocument } from '../documents';
import { UserError } from '../errors';
import type { Db } from './guards';

/** What a document is attached to. */
export type DocumentOwner = { partnershipId: number } | { ficheId: number };

function ownerColumn(owner: DocumentOwner): ['partnership_id' | 'fiche_id', number] {
  return 'partnershipId' in owner ? ['partnership_id', owner.partnershipId] : ['fiche_id', owner.ficheId];
}

/** The documents of one owner, oldest first. */
export async function linkedDocuments(db: Db, owner: DocumentOwner): Promise<LinkedDocument[]> {
  const [column, id] = ownerColumn(owner);
  const rows = await db
    .selectFrom('document_link')
    .innerJoin('document', 'document.id', 'document_link.document_id')
    .select(['document.id', 'document.title', 'document.file_name', 'document.size', 'document.added_at'])
    .where(`document_link.${column}`, '=', id)
    .orderBy('document.added_at')
    .orderBy('document.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    size: row.size,
    addedAt: row.added_at,
  }));
}

/** Ids of the documents linked to an owner (to remove them with it). */
export async function linkedDocumentIds(db: Db, owner: DocumentOwner): Promise<number[]> {
  return (await linkedDocuments(db, owner)).map((document) => document.id);
}

/** Asks for a file, copies it in and links it; null when the user closes the dialog. */
export async function chooseAndLinkDocument(
  db: Kysely<DB>,
  owner: DocumentOwner,
  kind: 'convention' | 'autre',
  documentsDir: string,
  chooseFile: () => Promise<string | null>,
): Promise<number | null> {
  const path = await chooseFile();
  if (!path) return null;
  const [column, id] = ownerColumn(owner);
  return storeDocument(db, path, documentsDir, {
    link: async (trx, documentId) => {
      await trx
        .insertInto('document_link')
        .values({ document_id: documentId, kind, [column]: id })
        .execute();
      await audit(trx, 'attach', column === 'partnership_id' ? 'partnership' : 'fiche_action', String(id), kind);
    },
  });
}

/** Detaches a document from this owner; the document itself goes once nothing else refers to it. */
export async function unlinkDocument(
  db: Kysely<DB>,
  owner: DocumentOwner,
  documentId: number,
  documentsDir: string,
): Promise<void> {
  const [column, id] = ownerColumn(owner);
  await db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('document_link')
      .select('id')
      .where('document_id', '=', documentId)
      .where(column, '=', id)
      .executeTakeFirst();
    if (!link) throw new UserError('not_found', 'Ce document n’existe plus.');
    await trx.deleteFrom('document_link').where('id', '=', link.id).execute();
    await audit(trx, 'detach', column === 'partnership_id' ? 'partnership' : 'fiche_action', String(id), null);
  });
  await releaseDocuments(db, [documentId], documentsDir);
}

/**
 * Of these documents, those nothing refers to any more (no link, no evidence, no crisis plan step, no dialogue de
 * gestion): what to remove once their owner is gone.
 */
export async function unreferencedDocuments(db: Db, documentIds: readonly number[]): Promise<number[]> {
  if (!documentIds.length) return [];
  const referenced = new Set<number>();
  const ids = [...new Set(documentIds)];
  for (const rows of await Promise.all([
    db.selectFrom('document_link').select('document_id').where('document_id', 'in', ids).execute(),
    db.selectFrom('evidence').select('document_id').where('document_id', 'in', ids).execute(),
    db.selectFrom('crisis_plan_event').select('document_id').where('document_id', 'in', ids).execute(),
    db
      .selectFrom('aci_dialogue')
      .select('minutes_document_id as document_id')
      .where('minutes_document_id', 'in', ids)
      .execute(),
  ]))
    for (const row of rows) if (row.document_id !== null) referenced.add(row.document_id);
  return ids.filter((id) => !referenced.has(id));
}

/**
 * Removes, row and file, those of these documents that nothing refers to any more: a convention also kept as a
 * justificatif stays.
 */
export async function releaseDocuments(db: Kysely<DB>, documentIds: readonly number[], documentsDir: string) {
  for (const documentId of await unreferencedDocuments(db, documentIds))
    await removeDocument(db, documentId, documentsDir).catch(() => undefined);
}
