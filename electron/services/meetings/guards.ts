/**
 * Checks before a meeting changes: it exists, its PV is not approved, and an RCP's free texts name no patient
 * (the same direct-identifier guard and French messages everywhere).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { rcpTextProblem } from '@shared/domain/rcp-guard';
import type { MeetingData } from '@shared/schemas/meetings';
import type { DB, MeetingTable } from '../../db/schema';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

/** An assembly whose procès-verbal is approved is a record: reopen the PV in draft to change it. */
export function assertNotApproved(meeting: Selectable<MeetingTable>): void {
  if (meeting.pv_status === 'approuve') {
    throw new UserError(
      'conflict',
      'Le procès-verbal de cette séance est approuvé : rouvrez-le en brouillon (onglet « Procès-verbal ») avant de la modifier ou de la supprimer.',
    );
  }
}

export async function assertMeeting(db: Db, id: number): Promise<Selectable<MeetingTable>> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette réunion n’existe pas ou plus.');
  return row;
}

/** A free text of an RCP meeting: the key of its field (as the forms name it), its French label and its value. */
export type RcpText = readonly [field: string, label: string, value: string | null | undefined];

/**
 * An RCP meeting is pseudonymised like its cases: every free text it holds (title, place, compte rendu, agenda,
 * decisions, guests) goes through the same direct-identifier guard, with the same French messages. Nothing is
 * written when one of them is refused.
 */
export function assertNoPatientIdentity(texts: readonly RcpText[], intro = ''): void {
  const fields: Record<string, string> = {};
  for (const [field, label, value] of texts) {
    const problem = value ? rcpTextProblem(value, label) : null;
    if (problem && !fields[field]) fields[field] = problem;
  }
  const messages = Object.values(fields);
  if (messages.length) throw new UserError('invalid_input', `${intro}${messages.join(' ')}`, fields);
}

export const meetingTexts = (data: MeetingData): RcpText[] => [
  ['title', 'Titre', data.title],
  ['place', 'Lieu', data.place],
  ['organiserLabel', 'Organisateur', data.organiserLabel],
  ['theme', 'Thème', data.theme],
  ['summary', 'Compte rendu', data.summary],
];

export const agendaTexts = (items: readonly { title: string; minutes: string | null }[]): RcpText[] =>
  items.flatMap((item, index): RcpText[] => [
    [`items.${index}.title`, `Point ${index + 1} de l’ordre du jour`, item.title],
    [`items.${index}.minutes`, `Relevé du point ${index + 1}`, item.minutes],
  ]);

export const decisionTexts = (decision: { text: string; ownerLabel: string | null }): RcpText[] => [
  ['text', 'Décision', decision.text],
  ['ownerLabel', 'Responsable', decision.ownerLabel],
];

export const RCP_GUEST_NAME = 'En RCP, un professionnel extérieur est noté par sa seule profession, sans son nom.';

/** Before a meeting becomes an RCP, what it already holds must be as pseudonymised as an RCP's own texts. */
export async function assertCanBecomeRcp(trx: Transaction<DB>, meetingId: number): Promise<void> {
  const intro = 'Cette réunion ne peut pas devenir une RCP tant que ses textes identifient un patient. ';
  const [agenda, decisions, guests] = await Promise.all([
    trx
      .selectFrom('agenda_item')
      .select(['title', 'minutes'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('decision')
      .select(['text', 'owner_label'])
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('meeting_participant')
      .select(['guest_name', 'guest_quality'])
      .where('meeting_id', '=', meetingId)
      .where('member_id', 'is', null)
      .execute(),
  ]);
  if (guests.some((guest) => guest.guest_name))
    throw new UserError(
      'invalid_input',
      `Cette réunion ne peut pas devenir une RCP : ${RCP_GUEST_NAME.charAt(0).toLowerCase()}${RCP_GUEST_NAME.slice(1)} Retirez d’abord le nom des invités.`,
    );
  assertNoPatientIdentity(
    [
      ...agendaTexts(agenda),
      ...decisions.flatMap((decision, index): RcpText[] => [
        [`decisions.${index}.text`, `Décision ${index + 1}`, decision.text],
        [`decisions.${index}.ownerLabel`, `Responsable de la décision ${index + 1}`, decision.owner_label],
      ]),
      ...guests.map(
        (guest, index): RcpText => [`participants.${index}.guestQuality`, 'Qualité de l’invité', guest.guest_quality],
      ),
    ],
    intro,
  );
}
