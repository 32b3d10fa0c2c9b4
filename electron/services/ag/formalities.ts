/**
 * Formalities that follow an assembly (PV to approve, declarations to the greffe…), with their due dates.
 */
import { addMonths, format, parseISO } from 'date-fns';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { FormalityRow } from '@shared/contract';
import type { DB, MeetingTable } from '../../db/schema';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

export async function formalityRows(
  db: Db,
  today: string,
  filter: { meetingId?: number; openOnly?: boolean },
): Promise<FormalityRow[]> {
  const rows = await db
    .selectFrom('formality')
    .innerJoin('meeting', 'meeting.id', 'formality.meeting_id')
    .select([
      'formality.id',
      'formality.meeting_id',
      'formality.kind',
      'formality.label',
      'formality.due_on',
      'formality.done_on',
      'formality.notes',
      'meeting.title as meeting_title',
      'meeting.date as meeting_date',
    ])
    .$if(filter.meetingId !== undefined, (query) => query.where('formality.meeting_id', '=', filter.meetingId!))
    .$if(Boolean(filter.openOnly), (query) => query.where('formality.done_on', 'is', null))
    .orderBy('formality.due_on')
    .orderBy('formality.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingDate: row.meeting_date,
    kind: row.kind,
    label: row.label,
    dueOn: row.due_on,
    doneOn: row.done_on,
    notes: row.notes,
    overdue: !row.done_on && row.due_on !== null && row.due_on < today,
  }));
}

/**
 * Once an assembly has voted, the dashboard reminds that its PV is to be approved and, if it changed dirigeants or
 * statuts, that the greffe must be told within 3 months of the assembly: PVs are often approved much later.
 */
export async function remindPvApproval(
  db: Db,
  meeting: Pick<Selectable<MeetingTable>, 'id' | 'type' | 'date'>,
): Promise<void> {
  if (meeting.type === 'ca' || meeting.type === 'bureau') return;
  const existing = await db
    .selectFrom('formality')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .where('kind', '=', 'pv_a_approuver')
    .executeTakeFirst();
  if (existing) return;
  const deadline = format(addMonths(parseISO(meeting.date), 3), 'yyyy-MM-dd');
  await db
    .insertInto('formality')
    .values({
      meeting_id: meeting.id,
      kind: 'pv_a_approuver',
      label: `Approuver le procès-verbal ; si l’assemblée a changé des dirigeants ou les statuts, les déclarer au greffe des associations avant le ${format(parseISO(deadline), 'dd/MM/yyyy')} (3 mois).`,
      due_on: deadline,
      done_on: null,
      notes: null,
    })
    .execute();
}

export async function saveFormality(
  db: Kysely<DB>,
  input: { id: number; doneOn: string | null; notes: string | null },
  today: string,
): Promise<FormalityRow[]> {
  if (input.doneOn && input.doneOn > today)
    throw new UserError('invalid_input', 'La date de réalisation ne peut pas être dans le futur.', {
      doneOn: 'Date future.',
    });
  const result = await db
    .updateTable('formality')
    .set({ done_on: input.doneOn, notes: input.notes })
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!result.numUpdatedRows) throw new UserError('not_found', 'Cette formalité n’existe plus.');
  return formalityRows(db, today, { openOnly: false });
}
