/**
 * Approval of an assembly's PV: the formalities that follow, and the PV recorded as approved (names included).
 * Reopening it as a draft lives here too. Recording the PV needs the report data of ./reports, which itself reads
 * the assembly state (./state).
 */
import { addMonths, format, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { AgState } from '@shared/contract';
import type { DB } from '../../db/schema';
import { assertAgMeeting } from './assembly';
import { assertDraft } from './guards';
import { pvRecord } from './reports';
import { frozenRules, rulesAt } from './rules';
import { getAgState } from './state';
import { audit } from '../audit';
import { UserError } from '../errors';

const FORMALITIES = {
  pv_signe: (approvedOn: string) => ({
    label:
      'Faire signer le procès-verbal par le président et le secrétaire de séance ; le classer avec la feuille d’émargement et les pouvoirs.',
    dueOn: format(addMonths(parseISO(approvedOn), 1), 'yyyy-MM-dd'),
  }),
  declaration_dirigeants: (meetingDate: string) => ({
    label:
      'Déclarer le changement de dirigeants au greffe des associations (cerfa 13971, ou en ligne) dans les 3 mois — amende jusqu’à 1 500 € sinon.',
    dueOn: format(addMonths(parseISO(meetingDate), 3), 'yyyy-MM-dd'),
  }),
  declaration_statuts: (meetingDate: string) => ({
    label:
      'Déclarer la modification des statuts au greffe (cerfa 13972) dans les 3 mois, avec les statuts signés par au moins deux dirigeants.',
    dueOn: format(addMonths(parseISO(meetingDate), 3), 'yyyy-MM-dd'),
  }),
  registre_special: (meetingDate: string) => ({
    label:
      'Inscrire les changements au registre spécial de l’association (art. 5 de la loi de 1901), avec la date du récépissé.',
    dueOn: format(addMonths(parseISO(meetingDate), 3), 'yyyy-MM-dd'),
  }),
} as const;

/** Approves the PV and lists the formalities that follow, with their due dates (3 months for the greffe). */
export async function approvePv(
  db: Kysely<DB>,
  input: { meetingId: number; approvedOn: string | null; dirigeantsChanged: boolean; statutsChanged: boolean },
  today: string,
): Promise<AgState> {
  const meeting = await assertAgMeeting(db, input.meetingId);
  // Approving again would record the names of today: the PV is reopened first (which discards its record).
  assertDraft(meeting);
  const approvedOn = input.approvedOn!;
  if (meeting.date > today)
    throw new UserError(
      'invalid_input',
      'La séance n’a pas encore eu lieu : son procès-verbal ne peut pas être approuvé.',
    );
  if (approvedOn < meeting.date)
    throw new UserError('invalid_input', 'Le procès-verbal ne peut pas être approuvé avant la séance.', {
      approvedOn: 'Avant la séance.',
    });
  if (approvedOn > today)
    throw new UserError('invalid_input', 'La date d’approbation ne peut pas être dans le futur.', {
      approvedOn: 'Date future.',
    });
  const rulesInForce = meeting.rules_snapshot ? frozenRules(meeting.rules_snapshot) : await rulesAt(db, meeting.date);
  if (!meeting.president_member_id || !meeting.secretaire_member_id) {
    throw new UserError(
      'invalid_input',
      'Désignez le président et le secrétaire de séance avant d’approuver le procès-verbal : ils le signent.',
    );
  }
  const wanted: (keyof typeof FORMALITIES)[] = ['pv_signe'];
  if (input.dirigeantsChanged) wanted.push('declaration_dirigeants');
  if (input.statutsChanged) wanted.push('declaration_statuts');
  if (input.dirigeantsChanged || input.statutsChanged) wanted.push('registre_special');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meeting')
      .set({
        pv_status: 'approuve',
        pv_approved_on: approvedOn,
        status: 'tenue',
        rules_snapshot: JSON.stringify(rulesInForce),
      })
      .where('id', '=', input.meetingId)
      .execute();
    // The reminder set when the assembly voted is done: the approval lists what follows.
    await trx
      .updateTable('formality')
      .set({ done_on: approvedOn })
      .where('meeting_id', '=', input.meetingId)
      .where('kind', '=', 'pv_a_approuver')
      .where('done_on', 'is', null)
      .execute();
    // The boxes ticked now decide: a formality listed at an earlier approval and not done is dropped if unticked.
    await trx
      .deleteFrom('formality')
      .where('meeting_id', '=', input.meetingId)
      .where('done_on', 'is', null)
      .where('kind', 'not in', wanted)
      .execute();
    const existing = new Set(
      (await trx.selectFrom('formality').select('kind').where('meeting_id', '=', input.meetingId).execute()).map(
        (row) => row.kind,
      ),
    );
    for (const kind of wanted) {
      if (existing.has(kind)) continue;
      const { label, dueOn } = FORMALITIES[kind](kind === 'pv_signe' ? approvedOn : meeting.date);
      await trx
        .insertInto('formality')
        .values({ meeting_id: input.meetingId, kind, label, due_on: dueOn, done_on: null, notes: null })
        .execute();
    }
    await audit(trx, 'approve_pv', 'meeting', String(input.meetingId), approvedOn);
    // The PV as approved, names included: a member renamed or anonymised later does not rewrite it.
    const record = await pvRecord(trx, input.meetingId, today);
    await trx
      .updateTable('meeting')
      .set({ pv_snapshot: JSON.stringify(record) })
      .where('id', '=', input.meetingId)
      .execute();
  });
  return getAgState(db, input.meetingId, today);
}

/** Back to a draft: the PV recorded at approval is discarded (names are read live again), the approval reminder reopens. */
export async function reopenPv(db: Kysely<DB>, meetingId: number, today: string): Promise<AgState> {
  await assertAgMeeting(db, meetingId);
  await db.transaction().execute(async (trx) => {
    // Reopened, the session keeps the rules it was held with (rules_snapshot).
    await trx
      .updateTable('meeting')
      .set({ pv_status: 'brouillon', pv_approved_on: null, pv_snapshot: null })
      .where('id', '=', meetingId)
      .execute();
    await trx
      .updateTable('formality')
      .set({ done_on: null })
      .where('meeting_id', '=', meetingId)
      .where('kind', '=', 'pv_a_approuver')
      .execute();
    await audit(trx, 'reopen_pv', 'meeting', String(meetingId), null);
  });
  return getAgState(db, meetingId, today);
}
