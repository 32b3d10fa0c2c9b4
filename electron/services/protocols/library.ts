/**
 * A protocol created (with its first draft), its identity updated, deleted while it has never applied, or archived
 * with its versions.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ProtocolData, ProtocolDetail } from '@shared/contract/protocols';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertFiche } from '../fiches/guards';
import { assertProtocol, getProtocol } from './library-queries';
import { releaseProtocolDocuments } from './protocol-documents';

export function protocolValues(data: ProtocolData) {
  return {
    code: data.code,
    title: data.title,
    theme: data.theme,
    family: data.family,
    mission_code: data.missionCode,
    fiche_id: data.ficheId,
    arrete_reference: data.arreteReference,
    arrete_on: data.arreteOn,
    review_every_months: data.reviewEveryMonths,
  };
}

/** A code is unique among protocols, whatever its case (« PC-01 », « pc-01 »). */
export async function assertCodeFree(trx: Transaction<DB>, code: string | null, exceptId: number | null) {
  if (!code) return;
  const other = await trx
    .selectFrom('protocol')
    .select(['id', 'title'])
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .$if(exceptId !== null, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (other) {
    const message = `Le code ${code} est déjà celui du protocole « ${other.title} ».`;
    throw new UserError('conflict', `${message} Rien n’a été enregistré.`, { code: message });
  }
}

async function assertIdentity(trx: Transaction<DB>, data: ProtocolData, exceptId: number | null) {
  await assertCodeFree(trx, data.code, exceptId);
  if (data.ficheId !== null)
    await assertFiche(trx, data.ficheId).catch(() => {
      throw new UserError('not_found', 'Cette fiche action n’existe plus. Rien n’a été enregistré.', {
        ficheId: 'Fiche action introuvable : actualisez la liste.',
      });
    });
}

/** A new protocol and its first version, a draft. */
export async function createProtocol(db: Kysely<DB>, data: ProtocolData, today: string): Promise<ProtocolDetail> {
  const id = await db.transaction().execute(async (trx) => {
    await assertIdentity(trx, data, null);
    const row = await trx.insertInto('protocol').values(protocolValues(data)).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('protocol_version').values({ protocol_id: row.id, number: 1, drafted_on: today }).execute();
    await audit(trx, 'create', 'protocol', String(row.id), data.family);
    return row.id;
  });
  return getProtocol(db, id, today);
}

export async function updateProtocol(
  db: Kysely<DB>,
  id: number,
  data: ProtocolData,
  today: string,
): Promise<ProtocolDetail> {
  await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, id);
    if (protocol.archived_on)
      throw new UserError('conflict', 'Ce protocole est archivé : il ne peut plus être modifié.');
    await assertIdentity(trx, data, id);
    await trx
      .updateTable('protocol')
      .set({ ...protocolValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'protocol', String(id), data.family);
  });
  return getProtocol(db, id, today);
}

/**
 * Deletes a protocol that never applied: once a version has been in force, or a use has been logged, it is part of
 * the CPTS's history — archive it instead. Its documents go with it.
 */
export async function deleteProtocol(db: Kysely<DB>, id: number, documentsDir: string): Promise<{ deleted: true }> {
  const documentIds = await db.transaction().execute(async (trx) => {
    await assertProtocol(trx, id);
    const applied = await trx
      .selectFrom('protocol_version')
      .select('number')
      .where('protocol_id', '=', id)
      .where((eb) =>
        eb.or([eb('in_force_on', 'is not', null), eb('status', 'in', ['en_vigueur', 'remplace', 'suspendu'])]),
      )
      .executeTakeFirst();
    if (applied)
      throw new UserError(
        'conflict',
        `La version ${applied.number} de ce protocole a été en vigueur : il fait partie de l’histoire de la CPTS et ne peut pas être supprimé. Archivez-le plutôt.`,
      );
    const uses = await trx
      .selectFrom('protocol_use')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('protocol_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(uses.n) > 0)
      throw new UserError(
        'conflict',
        `Ce protocole a déjà été utilisé (${uses.n} utilisation${Number(uses.n) > 1 ? 's' : ''} notée${Number(uses.n) > 1 ? 's' : ''}) : il ne peut pas être supprimé. Archivez-le plutôt.`,
      );
    const documents = await trx
      .selectFrom('protocol_document')
      .select('document_id')
      .where('protocol_id', '=', id)
      .union(
        trx
          .selectFrom('protocol_declaration')
          .select('document_id')
          .where('protocol_id', '=', id)
          .where('document_id', 'is not', null)
          .$narrowType<{ document_id: number }>(),
      )
      .execute();
    await trx.deleteFrom('protocol').where('id', '=', id).execute();
    await audit(trx, 'delete', 'protocol', String(id), null);
    return documents.map((row) => row.document_id);
  });
  await releaseProtocolDocuments(db, documentIds, documentsDir);
  return { deleted: true };
}

/**
 * Archives a protocol: it no longer applies from that date. Each version still in force, suspended, validated or in
 * draft is archived too (ended that day when it applied); superseded ones stay as they were.
 */
export async function archiveProtocol(db: Kysely<DB>, id: number, on: string, today: string): Promise<ProtocolDetail> {
  await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, id);
    if (protocol.archived_on) throw new UserError('conflict', 'Ce protocole est déjà archivé.');
    const lastStart = await trx
      .selectFrom('protocol_version')
      .select((eb) => eb.fn.max('in_force_on').as('latest'))
      .where('protocol_id', '=', id)
      .executeTakeFirst();
    if (lastStart?.latest && on < lastStart.latest) {
      const message = 'La date d’archivage ne peut pas précéder l’entrée en vigueur de la dernière version.';
      throw new UserError('invalid_input', `${message} Rien n’a été enregistré.`, { on: message });
    }
    const now = new Date().toISOString();
    await trx
      .updateTable('protocol_version')
      .set((eb) => ({
        status: 'archive',
        ended_on: eb
          .case()
          .when('status', 'in', ['en_vigueur', 'suspendu'])
          .then(eb.fn.coalesce('ended_on', eb.val(on)))
          .else(eb.ref('ended_on'))
          .end(),
        updated_at: now,
      }))
      .where('protocol_id', '=', id)
      .where('status', 'in', ['brouillon', 'valide', 'en_vigueur', 'suspendu'])
      .execute();
    await trx.updateTable('protocol').set({ archived_on: on, updated_at: now }).where('id', '=', id).execute();
    await audit(trx, 'archive', 'protocol', String(id), on);
  });
  return getProtocol(db, id, today);
}
