/**
 * One member: read with cotisations and mandates, created, updated (with the checks on its references).
 */
import type { Kysely, Transaction } from 'kysely';
import type { CotisationRow, MandateRow, MemberDetail } from '@shared/contract';
import { memberTypeOf } from '@shared/domain/members';
import { MANDATE_ROLES, type MemberData } from '@shared/schemas/members';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { loadCommuneReference, type CommuneReference } from '../communes';
import { UserError } from '../errors';
import {
  displayNameOf,
  professionLabelOf,
  structureTypeLabelOf,
  memberValues,
  memberDataOf,
  isActive,
  type MemberRow,
} from './record';
import { rateTable, rateKey, isUpToDate } from './rates';

type Db = Kysely<DB> | Transaction<DB>;

function roleLabel(code: string): string {
  return MANDATE_ROLES.find((role) => role.code === code)?.label ?? code;
}

export async function getMember(
  db: Db,
  id: number,
  today: string,
  reference: CommuneReference = loadCommuneReference(),
): Promise<MemberDetail> {
  const row = await db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
  const [college, structure, mandates, cotisations, rates] = await Promise.all([
    row.college_id
      ? db.selectFrom('college').select('name').where('id', '=', row.college_id).executeTakeFirst()
      : undefined,
    row.structure_member_id
      ? db
          .selectFrom('member')
          .select(['kind', 'last_name', 'first_name', 'structure_name', 'erased_at'])
          .where('id', '=', row.structure_member_id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('mandate').selectAll().where('member_id', '=', id).orderBy('start_on', 'desc').execute(),
    db.selectFrom('cotisation').selectAll().where('member_id', '=', id).orderBy('year', 'desc').execute(),
    rateTable(db),
  ]);
  const memberType = memberTypeOf(row.kind, row.profession_code);
  const cotisationRows: CotisationRow[] = cotisations.map((cotisation) => {
    const expected = rates.get(rateKey(cotisation.year, memberType));
    return {
      year: cotisation.year,
      amountCents: cotisation.amount_cents,
      paidOn: cotisation.paid_on,
      mode: cotisation.mode,
      expectedCents: expected ?? null,
      upToDate: isUpToDate(cotisation, expected),
    };
  });
  const mandateRows: MandateRow[] = mandates.map((mandate) => ({
    id: mandate.id,
    role: mandate.role,
    roleLabel: roleLabel(mandate.role),
    label: mandate.label,
    startOn: mandate.start_on,
    endOn: mandate.end_on,
    current: mandate.start_on <= today && (!mandate.end_on || mandate.end_on >= today),
  }));
  return {
    id: row.id,
    data: memberDataOf(row),
    displayName: displayNameOf(row),
    professionLabel:
      row.kind === 'person' ? professionLabelOf(row.profession_code) : structureTypeLabelOf(row.structure_type),
    communeName: row.commune_code ? (reference.byCode.get(row.commune_code)?.nom ?? row.commune_code) : null,
    collegeName: college?.name ?? null,
    structureMemberName: structure ? displayNameOf(structure) : null,
    memberType,
    leftOn: row.left_on,
    leftReason: row.left_reason,
    active: !row.erased_at && isActive(row.left_on, today),
    erasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mandates: mandateRows,
    cotisations: cotisationRows,
    upToDateYears: cotisationRows
      .filter((c) => c.upToDate)
      .map((c) => c.year)
      .sort((a, b) => a - b),
  };
}

async function assertReferences(trx: Transaction<DB>, data: MemberData, selfId: number | null): Promise<void> {
  if (data.collegeId !== null) {
    const college = await trx.selectFrom('college').select('id').where('id', '=', data.collegeId).executeTakeFirst();
    if (!college)
      throw new UserError('invalid_input', 'Ce collège n’existe plus.', {
        collegeId: 'Choisissez un collège de la liste.',
      });
  }
  if (data.structureMemberId !== null) {
    if (data.structureMemberId === selfId) {
      throw new UserError('invalid_input', 'Un membre ne peut pas être sa propre structure d’exercice.', {
        structureMemberId: 'Choisissez une autre structure.',
      });
    }
    const structure = await trx
      .selectFrom('member')
      .select('kind')
      .where('id', '=', data.structureMemberId)
      .executeTakeFirst();
    if (structure?.kind !== 'structure') {
      throw new UserError('invalid_input', 'La structure d’exercice choisie n’est pas une structure adhérente.', {
        structureMemberId: 'Choisissez une structure de la liste.',
      });
    }
  }
  if (data.rpps) {
    const other = await trx
      .selectFrom('member')
      .select(['id', 'last_name', 'first_name', 'kind', 'structure_name', 'erased_at'])
      .where('rpps', '=', data.rpps)
      .$if(selfId !== null, (qb) => qb.where('id', '!=', selfId!))
      .executeTakeFirst();
    if (other) {
      const message = `Le RPPS ${data.rpps} est déjà celui de ${displayNameOf(other)} : un même professionnel ne peut pas être inscrit deux fois.`;
      throw new UserError('conflict', message, { rpps: message });
    }
  }
}

export async function createMember(db: Kysely<DB>, data: MemberData, today: string): Promise<MemberDetail> {
  const values = memberValues(data);
  const id = await db.transaction().execute(async (trx) => {
    await assertReferences(trx, data, null);
    const inserted = await trx
      .insertInto('member')
      .values({ ...values, joined_on: values.joined_on ?? today })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'member', String(inserted.id), null);
    return inserted.id;
  });
  return getMember(db, id, today);
}

export async function assertNotErased(trx: Db, id: number): Promise<MemberRow> {
  const row = await trx.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
  if (row.erased_at)
    throw new UserError('conflict', 'Ce membre a été anonymisé : sa fiche ne peut plus être modifiée.');
  return row;
}

export async function updateMember(db: Kysely<DB>, id: number, data: MemberData, today: string): Promise<MemberDetail> {
  const values = memberValues(data);
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, id);
    await assertReferences(trx, data, id);
    await trx
      .updateTable('member')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'member', String(id), null);
  });
  return getMember(db, id, today);
}
