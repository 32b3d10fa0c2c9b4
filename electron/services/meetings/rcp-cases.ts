/**
 * Cases discussed at an RCP, pseudonymised (a code, an age band…), and the actions decided for each.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MeetingDetail } from '@shared/contract';
import { AGE_BANDS } from '@shared/domain/meetings';
import type { RcpCaseData } from '@shared/schemas/meetings';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { assertMeeting, assertNoPatientIdentity, type RcpText } from './guards';
import { rcpMotifs } from './motifs';
import { getMeeting } from './queries';

/** A case code that says nothing about the patient: year + random letters (ambiguous ones left out). */
function newCaseCode(date: string): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(5);
  const suffix = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `RCP${date.slice(2, 4)}-${suffix}`;
}

export async function saveRcpCase(db: Kysely<DB>, rcpCase: RcpCaseData, today: string): Promise<MeetingDetail> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertMeeting(trx, rcpCase.meetingId);
    if (meeting.type !== 'rcp') throw new UserError('invalid_input', 'Des cas ne peuvent être présentés qu’en RCP.');
    assertNoPatientIdentity([
      ['motifText', 'Précision du motif', rcpCase.motifText],
      ['summary', 'Situation', rcpCase.summary],
      ...rcpCase.decisions.map(
        (decision, index): RcpText => [`decisions.${index}.action`, 'Décision', decision.action],
      ),
    ]);
    if (rcpCase.motifCode && !(await rcpMotifs(trx)).some((motif) => motif.code === rcpCase.motifCode)) {
      throw new UserError('invalid_input', 'Motif inconnu : choisissez-le dans la liste.', {
        motifCode: 'Motif inconnu.',
      });
    }
    const participants = new Set(
      (
        await trx.selectFrom('meeting_participant').select('id').where('meeting_id', '=', rcpCase.meetingId).execute()
      ).map((row) => row.id),
    );
    for (const decision of rcpCase.decisions) {
      if (decision.ownerParticipantId !== null && !participants.has(decision.ownerParticipantId)) {
        throw new UserError('invalid_input', 'Le responsable d’une décision doit être un participant de la RCP.');
      }
    }
    if (!AGE_BANDS.some((band) => band.code === rcpCase.ageBand))
      throw new UserError('invalid_input', 'Tranche d’âge inconnue.');
    const values = {
      age_band: rcpCase.ageBand,
      sex: rcpCase.sex,
      over_75: rcpCase.over75 ? 1 : 0,
      ald: rcpCase.ald ? 1 : 0,
      motif_code: rcpCase.motifCode,
      motif_text: rcpCase.motifText,
      summary: rcpCase.summary,
      patient_informed: rcpCase.patientInformed ? 1 : 0,
      follow_up_on: rcpCase.followUpOn,
      follow_up_status: rcpCase.followUpStatus as 'a_faire' | 'fait' | 'sans_objet',
    };
    let caseId: number;
    if (rcpCase.id === null) {
      let code = newCaseCode(meeting.date);
      while (await trx.selectFrom('rcp_case').select('id').where('code', '=', code).executeTakeFirst())
        code = newCaseCode(meeting.date);
      caseId = (
        await trx
          .insertInto('rcp_case')
          .values({ meeting_id: rcpCase.meetingId, code, ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const existing = await trx
        .selectFrom('rcp_case')
        .select('meeting_id')
        .where('id', '=', rcpCase.id)
        .executeTakeFirst();
      if (!existing || existing.meeting_id !== rcpCase.meetingId)
        throw new UserError('not_found', 'Ce cas n’existe plus.');
      await trx.updateTable('rcp_case').set(values).where('id', '=', rcpCase.id).execute();
      caseId = rcpCase.id;
      await trx.deleteFrom('rcp_case_decision').where('case_id', '=', caseId).execute();
    }
    if (rcpCase.decisions.length) {
      await trx
        .insertInto('rcp_case_decision')
        .values(
          rcpCase.decisions.map((decision) => ({
            case_id: caseId,
            action: decision.action!,
            owner_participant_id: decision.ownerParticipantId,
            due_on: decision.dueOn,
            status: decision.status as 'a_faire' | 'en_cours' | 'fait' | 'abandonnee',
          })),
        )
        .execute();
    }
    await audit(trx, rcpCase.id === null ? 'create' : 'update', 'rcp_case', String(caseId), null);
  });
  return getMeeting(db, rcpCase.meetingId, today);
}

export async function deleteRcpCase(db: Kysely<DB>, id: number, today: string): Promise<MeetingDetail> {
  const row = await db.selectFrom('rcp_case').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce cas n’existe plus.');
  // The case and its audit entry together, or neither.
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rcp_case').where('id', '=', id).execute();
    await audit(trx, 'delete', 'rcp_case', String(id), null);
  });
  return getMeeting(db, row.meeting_id, today);
}
