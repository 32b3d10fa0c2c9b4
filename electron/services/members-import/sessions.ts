import { randomUUID } from 'node:crypto';
import type { ImportOpened } from '@shared/contract';
import {
  cotisationHeaderField,
  cotisationPaidYearOf,
  cotisationYearOf,
  importFields,
  suggestMapping,
} from '@shared/domain/import-mapping';
import { UserError } from '../errors';
import { report, withProgress } from './progress';
import type { Spreadsheet } from './read';
import { readImportFile } from './reader';

/** An opened file stays available this long for the preview and the import. */
const SESSION_TTL_MS = 6 * 60 * 60 * 1000;
const MAX_SESSIONS = 5;
const SAMPLE_ROWS = 5;

// =================================================================================================================
// Sessions
// =================================================================================================================

interface ImportSession {
  token: string;
  sheet: Spreadsheet;
  openedAt: number;
}

const sessions = new Map<string, ImportSession>();

function pruneSessions(now: number): void {
  for (const [token, session] of sessions) if (now - session.openedAt > SESSION_TTL_MS) sessions.delete(token);
  while (sessions.size >= MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest === undefined) break;
    sessions.delete(oldest);
  }
}

export function sessionOf(token: string): ImportSession {
  const session = sessions.get(token);
  if (!session || Date.now() - session.openedAt > SESSION_TTL_MS) {
    sessions.delete(token);
    throw new UserError(
      'not_found',
      'Ce fichier d’import n’est plus ouvert (import expiré ou application redémarrée). Choisissez à nouveau le fichier.',
    );
  }
  return session;
}

/** Asks for the file to import, then opens it; `cancelled` when the user closes the file dialog. */
export async function chooseAndOpenImport(
  chooseFile: () => Promise<string | null>,
): Promise<ImportOpened | { cancelled: true }> {
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  return openImport(path);
}

/** Reads the file, keeps its rows in memory under a random token and suggests a mapping of its columns. */
export async function openImport(path: string, options: { now?: Date } = {}): Promise<ImportOpened> {
  // In a worker thread in the app: reading a big workbook never blocks the main process.
  const sheet = await withProgress('lecture', 'Lecture du fichier…', () =>
    readImportFile(path, (fraction, label) => report('lecture', fraction, label)),
  );
  const now = options.now ?? new Date();
  pruneSessions(Date.now());
  const token = randomUUID();
  sessions.set(token, { token, sheet, openedAt: Date.now() });
  const mapping = suggestMapping(sheet.headers);
  const year = now.getFullYear();
  const years = [year - 2, year - 1, year, year + 1];
  for (const field of mapping) {
    const fieldYear = field ? (cotisationYearOf(field) ?? cotisationPaidYearOf(field)) : null;
    if (fieldYear !== null) years.push(fieldYear);
  }
  for (const header of sheet.headers) {
    const field = cotisationHeaderField(header);
    const fieldYear = field ? (cotisationYearOf(field) ?? cotisationPaidYearOf(field)) : null;
    if (fieldYear !== null) years.push(fieldYear);
  }
  return {
    token,
    fileName: sheet.fileName,
    encoding: sheet.encoding,
    separator: sheet.separator,
    sheetName: sheet.sheetName,
    headers: sheet.headers,
    headerLine: sheet.headerLine,
    notes: sheet.notes,
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, SAMPLE_ROWS),
    mapping,
    fields: importFields(years),
  };
}

/** Forgets an opened file (after the import, or when the coordinator cancels). */
export function closeImport(token: string): void {
  sessions.delete(token);
}
