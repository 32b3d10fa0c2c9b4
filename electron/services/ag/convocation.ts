/**
 * Convocation of an assembly: the sending recorded, and the second convocation after a first without quorum.
 */
import { format, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { AgState } from '@shared/contract';
import { secondConvocation } from '@shared/domain/ag';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertAgMeeting, loadAssembly } from './assembly';
import { assertDraft } from './guards';
import { getAgState } from './state';

export async function markConvocationSent(
  db: Kysely<DB>,
  input: { meetingId: number; sentOn: string | null; mode: string },
  today: string,
): Promise<AgState> {
  const meeting = await assertAgMeeting(db, input.meetingId);
  assertDraft(meeting);
  if (input.sentOn! > today)
    throw new UserError('invalid_input', 'La date d’envoi ne peut pas être dans le futur.', { sentOn: 'Date future.' });
  if (input.sentOn! > meeting.date)
    throw new UserError('invalid_input', 'La convocation ne peut pas être envoyée après l’assemblée.', {
      sentOn: 'Après la réunion.',
    });
  await db
    .updateTable('meeting')
    .set({ convocation_sent_on: input.sentOn, convocation_mode: input.mode, updated_at: new Date().toISOString() })
    .where('id', '=', input.meetingId)
    .execute();
  await audit(db, 'convocation', 'meeting', String(input.meetingId), input.sentOn);
  return getAgState(db, input.meetingId, today);
}

/**
 * Convenes the assembly again after a first convocation without quorum: a new meeting on `date` with the
 * second-round rules, the same ordre du jour and resolutions (not their votes). Pouvoirs are not carried over:
 * each names the meeting it was given for.
 */
export async function createSecondConvocation(
  db: Kysely<DB>,
  input: { meetingId: number; date: string | null; startTime?: string | null },
  today: string,
): Promise<{ meetingId: number }> {
  const assembly = await loadAssembly(db, input.meetingId, today);
  const { meeting, type, rules, quorum } = assembly;
  if (assembly.round === 2) throw new UserError('invalid_input', 'Cette assemblée est déjà sur deuxième convocation.');
  const second = secondConvocation(rules, type);
  if (!second.possible) throw new UserError('invalid_input', second.message);
  if (quorum.met)
    throw new UserError(
      'invalid_input',
      'Le quorum est atteint : l’assemblée peut délibérer sur première convocation.',
    );
  const date = input.date!;
  const startTime = input.startTime ?? meeting.start_time;
  const sameDayLater =
    date === meeting.date && startTime !== null && meeting.start_time !== null && startTime > meeting.start_time;
  if (date < meeting.date || (date === meeting.date && !sameDayLater)) {
    throw new UserError(
      'invalid_input',
      'La deuxième assemblée se tient après la première : un autre jour, ou le même jour à une heure plus tardive.',
      { date: 'Date trop tôt.' },
    );
  }
  if (date < today)
    throw new UserError('invalid_input', 'La date de la deuxième assemblée est déjà passée.', { date: 'Date passée.' });

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('meeting')
      .select('id')
      .where('first_round_meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (existing)
      throw new UserError('conflict', 'Une assemblée sur deuxième convocation existe déjà pour cette réunion.');
    const { id } = await trx
      .insertInto('meeting')
      .values({
        type,
        title: `${meeting.title} — deuxième convocation`,
        date,
        start_time: startTime,
        end_time: null,
        place: meeting.place,
        visio_url: meeting.visio_url,
        organiser_member_id: meeting.organiser_member_id,
        organiser_label: meeting.organiser_label,
        status: 'prevue',
        summary: null,
        rcp_kind: null,
        theme: null,
        convocation_sent_on: null,
        convocation_mode: null,
        president_member_id: null,
        secretaire_member_id: null,
        pv_approved_on: null,
        convocation_round: 2,
        first_round_meeting_id: meeting.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await trx
      .selectFrom('agenda_item')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute();
    const itemIds = new Map<number, number>();
    for (const item of items) {
      const copy = await trx
        .insertInto('agenda_item')
        .values({ meeting_id: id, position: item.position, title: item.title, minutes: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      itemIds.set(item.id, copy.id);
    }
    const resolutions = await trx
      .selectFrom('resolution')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute();
    for (const resolution of resolutions) {
      await trx
        .insertInto('resolution')
        .values({
          meeting_id: id,
          agenda_item_id: resolution.agenda_item_id === null ? null : (itemIds.get(resolution.agenda_item_id) ?? null),
          position: resolution.position,
          title: resolution.title,
          text: resolution.text,
          kind: resolution.kind,
        })
        .execute();
    }
    const note = `Quorum non atteint sur première convocation (${quorum.sentence}). Assemblée convoquée à nouveau le ${format(parseISO(date), 'dd/MM/yyyy')}.`;
    await trx
      .updateTable('meeting')
      .set({ status: 'tenue', summary: meeting.summary ? `${meeting.summary}\n\n${note}` : note })
      .where('id', '=', meeting.id)
      .execute();
    await audit(trx, 'second_convocation', 'meeting', String(id), `première convocation ${meeting.id}`);
    return { meetingId: id };
  });
}
