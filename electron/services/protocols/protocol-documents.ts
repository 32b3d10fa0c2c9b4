/**
 * Files of a protocol (the signed protocol, annexes, the Word original, training material): copied into the app's
 * documents folder and linked by a `protocol_document` row written in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { ProtocolDetail } from '@shared/contract/protocols';
import type { ProtocolDocumentKind } from '@shared/domain/protocol-labels';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument, storeDocument } from '../documents';
import { UserError } from '../errors';
import { unreferencedDocuments } from '../fiches/documents';
import { assertProtocol, type Db, getProtocol } from './library-queries';

/**
 * Removes, row and file, those of these documents nothing refers to any more (no protocol, no ARS declaration, nor
 * anything else of the app).
 */
export async function releaseProtocolDocuments(db: Kysely<DB>, documentIds: readonly number[], documentsDir: string) {
  const candidates = await unreferencedDocuments(db, documentIds);
  if (!candidates.length) return;
  const still = new Set<number>();
  for (const rows of await Promise.all([
    db.selectFrom('protocol_document').select('document_id').where('document_id', 'in', candidates).execute(),
    db.selectFrom('protocol_declaration').select('document_id').where('document_id', 'in', candidates).execute(),
  ]))
    for (const row of rows) if (row.document_id !== null) still.add(row.document_id);
  for (const documentId of candidates.filter((id) => !still.has(id)))
    await removeDocument(db, documentId, documentsDir).catch(() => undefined);
}

async function assertVersionOf(db: Db, protocolId: number, versionId: number) {
  const version = await db
    .selectFrom('protocol_version')
    .select('id')
    .where('id', '=', versionId)
    .where('protocol_id', '=', protocolId)
    .executeTakeFirst();
  if (!version)
    throw new UserError('not_found', 'Cette version n’est pas une version de ce protocole. Rien n’a été enregistré.', {
      versionId: 'Version introuvable : actualisez l’écran.',
    });
}

/** Asks for a file and attaches it to the protocol (and to one of its versions); cancelled when the dialog is closed. */
export async function addProtocolDocument(
  db: Kysely<DB>,
  input: { protocolId: number; versionId: number | null; kind: ProtocolDocumentKind; title: string | null },
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<ProtocolDetail | { cancelled: true }> {
  await assertProtocol(db, input.protocolId);
  if (input.versionId !== null) await assertVersionOf(db, input.protocolId, input.versionId);
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  await storeDocument(db, path, documentsDir, {
    title: input.title,
    link: async (trx, documentId) => {
      await assertProtocol(trx, input.protocolId);
      await trx
        .insertInto('protocol_document')
        .values({
          protocol_id: input.protocolId,
          version_id: input.versionId,
          document_id: documentId,
          kind: input.kind,
        })
        .execute();
      await audit(trx, 'attach', 'protocol', String(input.protocolId), input.kind);
    },
  });
  return getProtocol(db, input.protocolId, today);
}

/** Detaches a document from its protocol; the file goes once nothing else refers to it. */
export async function deleteProtocolDocument(
  db: Kysely<DB>,
  id: number,
  documentsDir: string,
  today: string,
): Promise<ProtocolDetail> {
  const link = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('protocol_document')
      .select(['protocol_id', 'document_id', 'kind'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Ce document n’existe plus.');
    await trx.deleteFrom('protocol_document').where('id', '=', id).execute();
    await audit(trx, 'detach', 'protocol', String(row.protocol_id), row.kind);
    return row;
  });
  await releaseProtocolDocuments(db, [link.document_id], documentsDir);
  return getProtocol(db, link.protocol_id, today);
}
