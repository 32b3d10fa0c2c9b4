/**
 * Partnerships of the CPTS (CLS, CTS, hôpital de proximité, GHT, DAC, SAS, CPAM, collectivités, fédération): the
 * partner, the dates, the CPTS's seat in its bodies, the axes of its programme, its convention, and the fiches
 * actions recorded under it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { PartnershipData, PartnershipRow } from '@shared/contract';
import {
  type CptsRole,
  cptsRoleLabel,
  ficheStatusLabel,
  partnershipTypeLabel,
  partnershipTypeShort,
} from '@shared/domain/fiche-labels';
import { formatDateLong, plural } from '@shared/format';
import type { DB, PartnershipTable } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import {
  chooseAndLinkDocument,
  linkedDocumentIds,
  linkedDocuments,
  releaseDocuments,
  unlinkDocument,
} from './documents';
import { assertPartnership, type Db } from './guards';

function partnershipValues(data: PartnershipData) {
  return {
    type: data.type,
    partner: data.partner,
    title: data.title,
    signed_on: data.signedOn,
    starts_on: data.startsOn,
    ends_on: data.endsOn,
    cpts_seat: data.cptsSeat,
    axes: data.axes.length ? data.axes.join('\n') : null,
    fiches_total: data.fichesTotal,
    note: data.note,
  };
}

/** « CLS — Ville de Mulhouse »: how a partnership is named in a list of fiches. */
export function partnershipLabel(row: { type: string; partner: string; title: string | null }): string {
  return `${row.title ?? partnershipTypeShort(row.type)} — ${row.partner}`;
}

async function toRow(db: Db, row: Selectable<PartnershipTable>, today: string): Promise<PartnershipRow> {
  const fiches = await db
    .selectFrom('fiche_action')
    .select(['id', 'code', 'title', 'external_ref', 'cpts_role', 'status'])
    .where('partnership_id', '=', row.id)
    .orderBy('code')
    .orderBy('title')
    .execute();
  const fichesByRole: Record<CptsRole, number> = { porteur: 0, co_porteur: 0, participant: 0 };
  for (const fiche of fiches) fichesByRole[fiche.cpts_role] += 1;
  const warnings: string[] = [];
  if (row.fiches_total !== null && fiches.length > row.fiches_total)
    warnings.push(
      `${plural(fiches.length, 'fiche enregistrée', 'fiches enregistrées')} sous ce partenariat, qui n’en compte que ${row.fiches_total} : vérifiez le nombre de fiches du programme.`,
    );
  if (row.ends_on && row.ends_on < today)
    warnings.push(`Ce partenariat a pris fin le ${formatDateLong(row.ends_on)} : est-il renouvelé ?`);
  return {
    id: row.id,
    type: row.type,
    typeLabel: partnershipTypeLabel(row.type),
    typeShort: partnershipTypeShort(row.type),
    partner: row.partner,
    title: row.title,
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    cptsSeat: row.cpts_seat,
    axes: row.axes ? row.axes.split('\n') : [],
    fichesTotal: row.fiches_total,
    note: row.note,
    documents: await linkedDocuments(db, { partnershipId: row.id }),
    fiches: fiches.map((fiche) => ({
      id: fiche.id,
      code: fiche.code,
      title: fiche.title,
      externalRef: fiche.external_ref,
      cptsRole: fiche.cpts_role,
      cptsRoleLabel: cptsRoleLabel(fiche.cpts_role),
      status: fiche.status,
      statusLabel: ficheStatusLabel(fiche.status),
    })),
    fichesByRole,
    warnings,
  };
}

/** Every partnership, the most recently signed first (unsigned ones last), with its fiches. */
export async function listPartnerships(db: Db, today: string): Promise<PartnershipRow[]> {
  const rows = await db
    .selectFrom('partnership')
    .selectAll()
    .orderBy((eb) => eb.fn.coalesce('signed_on', 'starts_on'), 'desc')
    .orderBy('partner')
    .execute();
  return Promise.all(rows.map((row) => toRow(db, row, today)));
}

export async function getPartnership(db: Db, id: number, today: string): Promise<PartnershipRow> {
  const row = await db.selectFrom('partnership').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce partenariat n’existe plus.');
  return toRow(db, row, today);
}

export async function createPartnership(db: Kysely<DB>, data: PartnershipData, today: string): Promise<PartnershipRow> {
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('partnership')
      .values(partnershipValues(data))
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'partnership', String(row.id), data.type);
    return row.id;
  });
  return getPartnership(db, id, today);
}

export async function updatePartnership(
  db: Kysely<DB>,
  id: number,
  data: PartnershipData,
  today: string,
): Promise<PartnershipRow> {
  await db.transaction().execute(async (trx) => {
    await assertPartnership(trx, id);
    await trx.updateTable('partnership').set(partnershipValues(data)).where('id', '=', id).execute();
    await audit(trx, 'update', 'partnership', String(id), data.type);
  });
  return getPartnership(db, id, today);
}

/**
 * Deletes a partnership and its documents (unless kept elsewhere, as a justificatif). Its fiches stay, without a partnership: the result says how many.
 */
export async function deletePartnership(
  db: Kysely<DB>,
  id: number,
  documentsDir: string,
): Promise<{ deleted: true; fichesDetached: number }> {
  const { fichesDetached, documentIds } = await db.transaction().execute(async (trx) => {
    await assertPartnership(trx, id);
    const fiches = await trx
      .selectFrom('fiche_action')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('partnership_id', '=', id)
      .executeTakeFirstOrThrow();
    const documentIds = await linkedDocumentIds(trx, { partnershipId: id });
    await trx.deleteFrom('partnership').where('id', '=', id).execute();
    await audit(trx, 'delete', 'partnership', String(id), null);
    return { fichesDetached: Number(fiches.count), documentIds };
  });
  await releaseDocuments(db, documentIds, documentsDir);
  return { deleted: true, fichesDetached };
}

/** Attaches a document (the convention) chosen by the user; `cancelled` when the dialog is closed. */
export async function addPartnershipDocument(
  db: Kysely<DB>,
  partnershipId: number,
  documentsDir: string,
  today: string,
  chooseFile: () => Promise<string | null>,
): Promise<PartnershipRow | { cancelled: true }> {
  await assertPartnership(db, partnershipId);
  const documentId = await chooseAndLinkDocument(db, { partnershipId }, 'convention', documentsDir, chooseFile);
  if (documentId === null) return { cancelled: true };
  return getPartnership(db, partnershipId, today);
}

export async function deletePartnershipDocument(
  db: Kysely<DB>,
  partnershipId: number,
  documentId: number,
  documentsDir: string,
  today: string,
): Promise<PartnershipRow> {
  await unlinkDocument(db, { partnershipId }, documentId, documentsDir);
  return getPartnership(db, partnershipId, today);
}
