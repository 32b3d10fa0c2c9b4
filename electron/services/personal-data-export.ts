import type { Kysely } from 'kysely';
import type { ExportResult } from '@shared/contract';
import type { DB } from '../db/schema';
import { writeFileAtomic } from './files';
import { getMember, personalData } from './members';

/**
 * Writes everything Maillage holds about one member to a JSON file (right of access, RGPD art. 15), where the user
 * chooses (`choosePath` gets the suggested name; null: cancelled).
 */
export async function exportPersonalDataFile(
  db: Kysely<DB>,
  memberId: number,
  today: string,
  choosePath: (suggestedName: string) => Promise<string | null>,
): Promise<ExportResult> {
  const data = await personalData(db, memberId, today);
  const name = (await getMember(db, memberId, today)).displayName;
  const path = await choosePath(`Données personnelles - ${name.replace(/[\\/:*?"<>|]/g, '-')} - ${today}.json`);
  if (!path) return { saved: false };
  const bytes = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
  await writeFileAtomic(path, bytes);
  return { saved: true, path, pages: 0, bytes: bytes.byteLength };
}
