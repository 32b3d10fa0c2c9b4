/**
 * An annex file opened for import: read with the member import's reader (same size and zip-bomb limits, in a
 * worker thread in the app), its header row found among the first rows by the annex's own column titles, kept in
 * memory under a random token for the preview and the import.
 */
import { randomUUID } from 'node:crypto';
import type { AnnexOpened } from '@shared/contract';
import { UserError } from '../errors';
import type { Spreadsheet } from '../members-import';
import { report, withProgress } from '../members-import/progress';
import { readImportFile } from '../members-import/reader';
import {
  ANNEX_FIELD_CODES,
  ANNEX_FIELD_LABELS,
  annexHeaderScore,
  suggestAnnexMapping,
} from '@shared/domain/annex-mapping';

const SESSION_TTL_MS = 6 * 60 * 60 * 1000;
const MAX_SESSIONS = 5;
const SAMPLE_ROWS = 5;
/** The header row is looked for among the first rows of the table. */
const HEADER_SEARCH_ROWS = 20;

interface AnnexSession {
  sheet: Spreadsheet;
  openedAt: number;
}

const sessions = new Map<string, AnnexSession>();

export function annexSessionOf(token: string): Spreadsheet {
  const session = sessions.get(token);
  if (!session || Date.now() - session.openedAt > SESSION_TTL_MS) {
    sessions.delete(token);
    throw new UserError(
      'not_found',
      'Ce fichier d’annexe n’est plus ouvert (import expiré ou application redémarrée). Choisissez à nouveau le fichier.',
    );
  }
  return session.sheet;
}

const rowScore = (cells: readonly string[]) => cells.reduce((sum, cell) => sum + annexHeaderScore(cell), 0);

/**
 * The reader finds the header row by the member list's titles; an annex has its own: when one of the first data
 * rows matches the annex's titles better (a title row « Annexe indicateurs – année 5 » above the table), it
 * becomes the header and the rows above it are noted as skipped.
 */
export function withAnnexHeader(sheet: Spreadsheet): Spreadsheet {
  let best = -1;
  let bestScore = rowScore(sheet.headers);
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
    const score = rowScore(cells);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  if (bestScore === 0) {
    throw new UserError(
      'invalid_input',
      `Aucune colonne de « ${sheet.fileName} » ne ressemble à celles d’une annexe indicateurs (Mission, Indicateur, Valeur initiale, Cible, Paliers, Montant…). Vérifiez qu’il s’agit du bon fichier.`,
    );
  }
  if (best < 0) return sheet;
  const headerLine = sheet.lines[best]!;
  const rows = sheet.rows.slice(best + 1);
  if (rows.length === 0) {
    throw new UserError(
      'invalid_input',
      `Le fichier « ${sheet.fileName} » ne contient aucun indicateur sous ses titres.`,
    );
  }
  return {
    ...sheet,
    headers: sheet.rows[best]!.map((cell, column) => cell || `Colonne ${column + 1}`),
    rows,
    lines: sheet.lines.slice(best + 1),
    headerLine,
    notes: [
      `Titres des colonnes lus sur la ligne ${headerLine} ; les lignes au-dessus sont ignorées.`,
      ...sheet.notes.filter((note) => !note.startsWith('Titres des colonnes')),
    ],
  };
}

/** Reads the file, keeps its rows under a random token and suggests what each column holds. */
export async function openAnnex(path: string): Promise<AnnexOpened> {
  // The progress of the member import: one import at a time, which the screen asks for while the file is read.
  const sheet = withAnnexHeader(
    await withProgress('lecture', 'Lecture du fichier…', () =>
      readImportFile(path, (fraction, label) => report('lecture', fraction, label), 'annex'),
    ),
  );
  const now = Date.now();
  for (const [token, session] of sessions) if (now - session.openedAt > SESSION_TTL_MS) sessions.delete(token);
  while (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  const token = randomUUID();
  sessions.set(token, { sheet, openedAt: now });
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
    mapping: suggestAnnexMapping(sheet.headers),
    fields: ANNEX_FIELD_CODES.map((code) => ({ code, label: ANNEX_FIELD_LABELS[code] })),
  };
}

/** Asks for the annex file, then opens it; `cancelled` when the user closes the dialog. */
export async function chooseAndOpenAnnex(
  chooseFile: () => Promise<string | null>,
): Promise<AnnexOpened | { cancelled: true }> {
  const path = await chooseFile();
  if (!path) return { cancelled: true };
  return openAnnex(path);
}

export function closeAnnex(token: string): { closed: true } {
  sessions.delete(token);
  return { closed: true };
}
