import type { Kysely } from 'kysely';
import type { ExportResult } from '@shared/contract';
import type { DB } from '../db/schema';
import { meetingsToIcs } from './calendar';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { writeFileAtomic } from './files';
import { getMeeting, listMeetings } from './meetings';

/** Which meetings go into an .ics file: one meeting, or every meeting of a period (of one type when given). */
export type IcsSelection = { meetingId: number } | { from: string; to: string; type?: string | undefined };

/** The .ics text of one meeting (with its visio link), as a calendar invitation sent by the CPTS. */
export async function meetingIcs(
  db: Kysely<DB>,
  meeting: { id: number; date: string; visioUrl?: string | null },
  today: string,
): Promise<string> {
  const cptsName = (await getCptsProfile(db, today)).identity.name || 'CPTS';
  const rows = (await listMeetings(db, meeting.date, meeting.date, today))
    .filter((row) => row.id === meeting.id)
    .map((row) => ({ ...row, visioUrl: meeting.visioUrl }));
  return meetingsToIcs(rows, cptsName);
}

/** Writes the meetings chosen to an .ics file where the user chooses (`choosePath`; null: cancelled). */
export async function exportMeetingsIcs(
  db: Kysely<DB>,
  selection: IcsSelection,
  today: string,
  choosePath: (suggestedName: string) => Promise<string | null>,
): Promise<ExportResult> {
  let text;
  let name;
  if ('meetingId' in selection) {
    const detail = await getMeeting(db, selection.meetingId, today);
    const { date, visioUrl } = detail.data;
    text = await meetingIcs(db, { id: selection.meetingId, date, visioUrl }, today);
    name = `Réunion - ${detail.data.title.replace(/[\\/:*?"<>|]/g, '-')} - ${detail.data.date}.ics`;
  } else {
    if (selection.to < selection.from) throw new UserError('invalid_input', 'La fin de la période précède son début.');
    const cptsName = (await getCptsProfile(db, today)).identity.name || 'CPTS';
    const meetings = await listMeetings(db, selection.from, selection.to, today);
    text = meetingsToIcs(
      meetings.filter((row) => !selection.type || row.type === selection.type),
      cptsName,
    );
    name = `Réunions du ${selection.from} au ${selection.to}.ics`;
  }
  const path = await choosePath(name);
  if (!path) return { saved: false };
  const bytes = new TextEncoder().encode(text);
  await writeFileAtomic(path, bytes);
  return { saved: true, path, pages: 0, bytes: bytes.byteLength };
}
