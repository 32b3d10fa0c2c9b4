import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { MailsExportResult } from '@shared/contract';
import type { DB } from '../db/schema';
import { getAgState } from './ag';
import { agFileName, convocationData, convocationMails, safeFileName } from './ag/reports';
import { writeFileAtomic } from './files';
import { meetingIcs } from './meeting-calendar';

/** What writing the convocation e-mails needs from outside: the clock, the folder chosen, the PDF renderer. */
export interface ConvocationMailOptions {
  now: () => Date;
  today: string;
  /** Asks in which folder to write (null: cancelled). */
  chooseFolder: () => Promise<string | null>;
  /** Renders the convocation PDF attached to every e-mail. */
  renderConvocation: (data: Awaited<ReturnType<typeof convocationData>>) => Promise<Uint8Array>;
}

/**
 * Writes, in a new folder inside the one chosen, one .eml per member with an e-mail address (convocation PDF and
 * .ics attached), the list of those to reach by post, and the convocation PDF itself.
 */
export async function exportConvocationMails(
  db: Kysely<DB>,
  meetingId: number,
  { now, today, chooseFolder, renderConvocation }: ConvocationMailOptions,
): Promise<MailsExportResult> {
  const state = await getAgState(db, meetingId, today);
  const folder = await chooseFolder();
  if (!folder) return { saved: false };
  // The letters go out today: the attached convocation is dated today unless a sending date is recorded.
  const data = await convocationData(db, meetingId, now(), today);
  if (!data.sentOn) data.sentOn = today;
  const pdf = await renderConvocation(data);
  const ics = await meetingIcs(db, { id: meetingId, date: state.date, visioUrl: data.meeting.visioUrl }, today);
  // A new folder each time: an earlier export never mixes with this one.
  const base = join(folder, `Convocations - ${safeFileName(state.title)} - ${state.date}`);
  let target = base;
  for (let n = 2; existsSync(target); n += 1) target = `${base} (${n})`;
  await mkdir(target, { recursive: true });
  const { count, bytes, withoutEmail, sender } = await convocationMails(
    db,
    meetingId,
    pdf,
    ics,
    now(),
    today,
    (name, content) => writeFileAtomic(join(target, name), content),
  );
  if (withoutEmail.length) {
    const list = `Membres sans adresse électronique : leur remettre la convocation imprimée ou l’envoyer par courrier.\n\n${withoutEmail.join('\n')}\n`;
    await writeFileAtomic(join(target, 'À envoyer par courrier.txt'), new TextEncoder().encode(list));
  }
  await writeFileAtomic(join(target, agFileName('Convocation', state)), pdf);
  return { saved: true, folder: target, count, withoutEmail, bytes, sender };
}
