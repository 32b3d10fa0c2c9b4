/**
 * Resolutions of an assembly and their votes, decided against the quorum of the moment they were taken.
 */
import type { Kysely } from 'kysely';
import type { AgState } from '@shared/contract';
import {
  computeVote,
  weighCollegeVotes,
  type CollegeHeadCount,
  type QuorumResult,
  type WeighedVotes,
} from '@shared/domain/ag';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertAgMeeting, loadAssembly } from './assembly';
import { remindPvApproval } from './formalities';
import { assertHeldOrConfirmed, assertOpen } from './guards';
import { getAgState } from './state';
import type { StoredQuorum } from './stored-quorum';

export type { StoredQuorum } from './stored-quorum';

export async function saveResolution(
  db: Kysely<DB>,
  input: {
    meetingId: number;
    id: number | null;
    agendaItemId: number | null;
    title: string;
    text: string;
    kind: string;
  },
  today: string,
): Promise<AgState> {
  const assembly = await loadAssembly(db, input.meetingId, today);
  await assertOpen(db, assembly.meeting);
  if (!Object.hasOwn(assembly.rules.meetings[assembly.type].majorities, input.kind)) {
    throw new UserError(
      'invalid_input',
      `Les statuts en vigueur ne prévoient pas de majorité pour ce type de résolution (« ${input.kind} »).`,
      { kind: 'Type inconnu.' },
    );
  }
  if (input.agendaItemId !== null) {
    const item = await db
      .selectFrom('agenda_item')
      .select('id')
      .where('id', '=', input.agendaItemId)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!item)
      throw new UserError('invalid_input', 'Ce point de l’ordre du jour n’appartient pas à cette réunion.', {
        agendaItemId: 'Point inconnu.',
      });
  }
  const values = { agenda_item_id: input.agendaItemId, title: input.title, text: input.text, kind: input.kind };
  if (input.id === null) {
    const last = await db
      .selectFrom('resolution')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    await db
      .insertInto('resolution')
      .values({ ...values, meeting_id: input.meetingId, position: Number(last?.max ?? 0) + 1 })
      .execute();
  } else {
    const existing = await db
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', input.id)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!existing) throw new UserError('not_found', 'Cette résolution n’existe plus.');
    const reworded = existing.text !== input.text || existing.kind !== input.kind;
    if (reworded && existing.votes_pour !== null) {
      throw new UserError(
        'conflict',
        'Cette résolution a déjà été votée : effacez le vote avant d’en changer le texte ou le type.',
      );
    }
    await db.updateTable('resolution').set(values).where('id', '=', input.id).execute();
  }
  return getAgState(db, input.meetingId, today);
}

export async function deleteResolution(db: Kysely<DB>, meetingId: number, id: number, today: string): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertAgMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx.deleteFrom('resolution').where('id', '=', id).where('meeting_id', '=', meetingId).execute();
    await audit(trx, 'delete', 'resolution', String(id), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}

function storedQuorumOf(quorum: QuorumResult): StoredQuorum {
  return {
    sentence: quorum.sentence,
    met: quorum.met,
    presentOrRepresented: quorum.presentOrRepresented,
    present: quorum.present,
    represented: quorum.represented,
    voting: quorum.voting,
    byCollege: quorum.byCollege.map((line) => ({
      collegeId: line.collegeId,
      collegeName: line.collegeName,
      heads: line.present.heads + line.represented.heads,
      weight: Math.round((line.present.weight + line.represented.weight) * 1000) / 1000,
    })),
  };
}

/**
 * Records the result of a vote; refused (French message) when the quorum is not met or the figures are impossible.
 * The quorum of that moment is kept with the vote: the PV reports it even if members leave afterwards, and a vote
 * cleared for a correction is decided again against the same voting power. When the collèges weigh the votes, the
 * coordinator gives head counts per collège and the weights are applied here. The vote, its audit entry and the
 * reminder to approve the PV are written in one transaction.
 */
export async function recordVote(
  db: Kysely<DB>,
  input: {
    meetingId: number;
    resolutionId: number;
    pour: number;
    contre: number;
    abstention: number;
    blanc: number;
    byCollege?: CollegeHeadCount[] | null;
    confirmedBeforeDate?: boolean;
  },
  now: Date,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const assembly = await loadAssembly(trx, input.meetingId, today);
    await assertOpen(trx, assembly.meeting);
    assertHeldOrConfirmed(assembly.meeting, today, input.confirmedBeforeDate, 'un vote');
    const resolution = await trx
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', input.resolutionId)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!resolution) throw new UserError('not_found', 'Cette résolution n’existe plus.');
    const stored: StoredQuorum = resolution.quorum_json
      ? (JSON.parse(resolution.quorum_json) as StoredQuorum)
      : storedQuorumOf(assembly.quorum);
    const weighted = assembly.rules.meetings[assembly.type].voteWeighting === 'weight';
    let votes = { pour: input.pour, contre: input.contre, abstention: input.abstention, blanc: input.blanc };
    let weighing: Extract<WeighedVotes, { ok: true }> | null = null;
    if (weighted) {
      if (!input.byCollege?.length) {
        throw new UserError(
          'invalid_input',
          'Les collèges ont des poids de vote : saisissez le nombre de membres pour, contre, abstentionnistes et blancs de chaque collège ; l’application applique les poids.',
        );
      }
      // A vote recorded before head counts were kept has no per-collège figures: the current ones stand in.
      const powers = stored.byCollege ?? storedQuorumOf(assembly.quorum).byCollege!;
      const result = weighCollegeVotes(input.byCollege, powers);
      if (!result.ok) throw new UserError('invalid_input', result.message);
      weighing = result;
      votes = result.totals;
    } else if (input.byCollege?.length) {
      throw new UserError(
        'invalid_input',
        'Les votes de cette séance ne sont pas pondérés : saisissez les totaux de la salle, sans détail par collège.',
      );
    }
    const result = computeVote(votes, assembly.rules, resolution.kind, {
      meetingType: assembly.type,
      presentOrRepresented: stored.presentOrRepresented,
      met: stored.met,
    });
    if (!result.ok) throw new UserError('invalid_input', result.message);
    await trx
      .updateTable('resolution')
      .set({
        votes_pour: votes.pour,
        votes_contre: votes.contre,
        votes_abstention: votes.abstention,
        votes_blanc: votes.blanc,
        adopted: result.adopted ? 1 : 0,
        // The weighted totals already open the text: the reasoning follows them, not a second tally.
        arithmetic: weighing ? `${weighing.sentence} ${result.reasoning}` : result.sentence,
        quorum_json: JSON.stringify(stored),
        // A corrected vote keeps the time it was taken at (the PV orders departures against it).
        voted_at: resolution.voted_at ?? now.toISOString(),
        college_votes_json: weighing ? JSON.stringify(weighing.colleges) : null,
      })
      .where('id', '=', input.resolutionId)
      .execute();
    await audit(trx, 'vote', 'resolution', String(input.resolutionId), result.adopted ? 'adoptée' : 'rejetée');
    await remindPvApproval(trx, assembly.meeting);
  });
  return getAgState(db, input.meetingId, today);
}

/** Clears a recorded vote for a correction; the quorum of the vote is kept (see recordVote). */
export async function clearVote(
  db: Kysely<DB>,
  meetingId: number,
  resolutionId: number,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertAgMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx
      .updateTable('resolution')
      .set({
        votes_pour: null,
        votes_contre: null,
        votes_abstention: null,
        votes_blanc: null,
        adopted: null,
        arithmetic: null,
        college_votes_json: null,
      })
      .where('id', '=', resolutionId)
      .where('meeting_id', '=', meetingId)
      .execute();
    await audit(trx, 'clear_vote', 'resolution', String(resolutionId), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}
