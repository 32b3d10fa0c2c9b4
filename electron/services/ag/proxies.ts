/**
 * Pouvoirs given by a member to another for one meeting, checked against the statutory rules.
 */
import type { Kysely } from 'kysely';
import type { AgState } from '@shared/contract';
import { validateProxy } from '@shared/domain/ag';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertAgMeeting, loadAssembly } from './assembly';
import { assertOpen } from './guards';
import { getAgState } from './state';

/** Checks the pouvoir against the rules (cap per mandataire…) and records it in one transaction: two pouvoirs saved at once cannot both pass the cap. */
export async function saveProxy(
  db: Kysely<DB>,
  input: { meetingId: number; mandantId: number; mandataireId: number; receivedOn: string | null },
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const assembly = await loadAssembly(trx, input.meetingId, today);
    await assertOpen(trx, assembly.meeting);
    if (input.receivedOn && input.receivedOn > assembly.meeting.date) {
      throw new UserError('invalid_input', 'Un pouvoir est reçu au plus tard le jour de la séance.', {
        receivedOn: 'Date après la séance.',
      });
    }
    if (!assembly.byId.has(input.mandataireId)) {
      throw new UserError(
        'invalid_input',
        'Pouvoir refusé : le mandataire doit être membre de l’association à la date de la séance.',
        { mandataireId: 'Pas membre à cette date.' },
      );
    }
    const validation = validateProxy(
      { mandantId: input.mandantId, mandataireId: input.mandataireId },
      {
        rules: assembly.rules,
        meetingType: assembly.type,
        roll: assembly.roll,
        proxies: assembly.proxies,
        attendance: assembly.attendance,
      },
    );
    if (!validation.ok) {
      throw new UserError(
        'invalid_input',
        `Pouvoir refusé : ${validation.reasons.map((reason) => reason.message).join(' ; ')}`,
      );
    }
    const { id } = await trx
      .insertInto('ag_proxy')
      .values({
        meeting_id: input.meetingId,
        mandant_member_id: input.mandantId,
        mandataire_member_id: input.mandataireId,
        received_on: input.receivedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'ag_proxy', String(id), `réunion ${input.meetingId}`);
  });
  return getAgState(db, input.meetingId, today);
}

export async function deleteProxy(db: Kysely<DB>, meetingId: number, proxyId: number, today: string): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertAgMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx.deleteFrom('ag_proxy').where('id', '=', proxyId).where('meeting_id', '=', meetingId).execute();
    await audit(trx, 'delete', 'ag_proxy', String(proxyId), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}
