import type { ChannelInput, MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';

/** One line of the participants table as edited on screen, before it is saved. */
export interface ParticipantRow {
  key: number;
  id: number | null;
  memberId: number | null;
  name: string;
  professionLabel: string | null;
  guestName: string | null;
  guestQuality: string | null;
  professionCode: string | null;
  attendance: string;
  minutesSpent: string;
}

let nextKey = 1;

export const participantRows = (detail: MeetingDetail): ParticipantRow[] =>
  detail.participants.map((p) => ({
    key: nextKey++,
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    professionLabel: p.professionLabel,
    guestName: p.memberId === null && detail.data.type !== 'rcp' ? p.name : null,
    guestQuality: p.guestQuality,
    professionCode: p.memberId === null ? p.professionCode : null,
    attendance: p.attendance ?? '',
    minutesSpent: p.minutesSpent === null ? '' : String(p.minutesSpent),
  }));

/** A new participant, present, time not given. */
const newRow = (
  fields: Pick<ParticipantRow, 'memberId' | 'name' | 'professionLabel'> & Partial<ParticipantRow>,
): ParticipantRow => ({
  key: nextKey++,
  id: null,
  guestName: null,
  guestQuality: null,
  professionCode: null,
  attendance: 'present',
  minutesSpent: '',
  ...fields,
});

export const memberRow = (member: MemberListRow): ParticipantRow =>
  newRow({ memberId: member.id, name: member.displayName, professionLabel: member.professionLabel });

/** A guest of an RCP is known by profession only. */
export const rcpGuestRow = (professionCode: string): ParticipantRow => {
  const label = PROFESSION_BY_CODE.get(professionCode)?.label ?? professionCode;
  return newRow({ memberId: null, name: label, professionLabel: label, professionCode });
};

export const guestRow = (name: string, quality: string | null): ParticipantRow =>
  newRow({ memberId: null, name, professionLabel: null, guestName: name, guestQuality: quality });

/** What `meetings.saveParticipants` receives for the rows on screen. */
export const participantsInput = (
  meetingId: number,
  rows: ParticipantRow[],
): ChannelInput<'meetings.saveParticipants'> => ({
  meetingId,
  participants: rows.map((row) => ({
    id: row.id,
    memberId: row.memberId,
    guestName: row.guestName,
    guestQuality: row.guestQuality,
    professionCode: row.professionCode,
    attendance: row.attendance || null,
    minutesSpent: row.minutesSpent === '' ? null : Number(row.minutesSpent),
  })),
});
