/** The CPTS's own team (salariés, prestataires, mis à disposition, bénévoles), listed in the rapport d’activité. */
import type { Kysely, Selectable } from 'kysely';
import type { StaffRow, StaffSaveData } from '@shared/contract';
import { staffEmploymentLabel } from '@shared/domain/report-labels';
import type { DB } from '../db/schema';
import type { StaffMemberTable } from '../db/schema-reports';
import { audit } from './audit';
import { UserError } from './errors';

function staffRow(row: Selectable<StaffMemberTable>, today: string): StaffRow {
  return {
    id: row.id,
    fullName: row.full_name,
    role: row.role,
    employment: row.employment,
    employmentLabel: staffEmploymentLabel(row.employment),
    fte: row.fte,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    note: row.note,
    active: row.started_on <= today && (row.ended_on === null || row.ended_on >= today),
  };
}

/** Everyone who works or worked for the CPTS: present first, then by arrival, then by name. */
export async function listStaff(db: Kysely<DB>, today: string): Promise<StaffRow[]> {
  const rows = await db.selectFrom('staff_member').selectAll().orderBy('started_on').orderBy('full_name').execute();
  const list = rows.map((row) => staffRow(row, today));
  return [...list.filter((row) => row.active), ...list.filter((row) => !row.active)];
}

/** Creates (no id) or updates a member of the team. */
export async function saveStaff(db: Kysely<DB>, data: StaffSaveData, today: string): Promise<StaffRow> {
  const values = {
    full_name: data.fullName,
    role: data.role,
    employment: data.employment,
    fte: data.fte,
    started_on: data.startedOn,
    ended_on: data.endedOn,
    note: data.note,
  };
  const id = await db.transaction().execute(async (trx) => {
    if (data.id) {
      const result = await trx.updateTable('staff_member').set(values).where('id', '=', data.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new UserError('not_found', 'Cette personne ne figure plus dans l’équipe.');
      }
      await audit(trx, 'update', 'staff_member', String(data.id), null);
      return data.id;
    }
    const { id } = await trx.insertInto('staff_member').values(values).returning('id').executeTakeFirstOrThrow();
    await audit(trx, 'create', 'staff_member', String(id), null);
    return id;
  });
  const row = await db.selectFrom('staff_member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return staffRow(row, today);
}

export async function deleteStaff(db: Kysely<DB>, id: number): Promise<{ deleted: true }> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('staff_member').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new UserError('not_found', 'Cette personne ne figure plus dans l’équipe.');
    }
    await audit(trx, 'delete', 'staff_member', String(id), null);
  });
  return { deleted: true };
}
