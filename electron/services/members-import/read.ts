/**
 * Reading of a member list (CSV or XLSX) into rows of text: encoding and separator of a CSV, first non-empty sheet
 * of a workbook, the real header row (a title row above it is skipped), size and zip-bomb checks before anything is
 * inflated. No database, no Electron: this runs in a worker thread in the app (worker.ts) and in-process in tests.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { annexHeaderScore } from '@shared/domain/annex-mapping';
import { headerCellScore, suggestMapping } from '@shared/domain/import-mapping';
import { UserError } from '../errors';
import { assertSafeZip, formatBytes } from './zip';

/** More rows than this and the file is refused (split it). */
export const MAX_IMPORT_ROWS = 50_000;
/** A bigger file is refused before being read (a list of 50 000 members is about 5 Mo in CSV, 2 Mo in XLSX). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The header row is looked for among the first rows of the file. */
const HEADER_SEARCH_ROWS = 20;

export interface Spreadsheet {
  fileName: string;
  /** « UTF-8 », « UTF-8 avec BOM », « Windows-1252 », « UTF-16 » for CSV; null for XLSX. */
  encoding: string | null;
  /** « ; », « , » or « tabulation » for CSV; null for XLSX. */
  separator: string | null;
  sheetName: string | null;
  headers: string[];
  /** Data rows (without the header row and empty rows), as many cells as headers, trimmed text. */
  rows: string[][];
  /** Line (CSV) or row number (XLSX) of each data row in the file, the header being `headerLine`. */
  lines: number[];
  headerLine: number;
  /** French notes for the coordinator: title rows skipped above the header, lines whose encoding was repaired. */
  notes: string[];
}

/** Whose column titles find the header row: a member list's, or the ACI annexe indicateurs'. */
export type TableLayout = 'members' | 'annex';
const HEADER_SCORES: Record<TableLayout, (cell: string) => number> = {
  members: headerCellScore,
  annex: annexHeaderScore,
};

/** Progress of the reading, as a fraction (0 to 1) and a French label of the step. */
export type ReadProgress = (fraction: number, label: string) => void;

const SEPARATOR_LABELS: Record<string, string> = { ';': ';', ',': ',', '\t': 'tabulation' };

function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function describeReadError(error: unknown, fileName: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `Le fichier « ${fileName} » est introuvable. A-t-il été déplacé ou renommé ?`;
    case 'EACCES':
    case 'EPERM':
      return `Maillage n'a pas le droit de lire « ${fileName} ». Copiez-le dans vos Documents puis recommencez.`;
    case 'EBUSY':
      return `Le fichier « ${fileName} » est verrouillé par un autre logiciel. Fermez-le puis recommencez.`;
    case 'EISDIR':
      return `« ${fileName} » est un dossier : choisissez un fichier .xlsx ou .csv.`;
    default:
      return `Impossible de lire « ${fileName} » (${code ?? 'erreur inconnue'}).`;
  }
}

/** Windows-1252 bytes 0x80–0x9F (€, ’, œ, …); 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and kept as is. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 decoding done by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1 in some versions
 * (« œ » and « ’ » would come out as control characters).
 */
function decodeWindows1252(buffer: Buffer): string {
  let text = '';
  const chunk: number[] = [];
  const flush = () => {
    text += String.fromCharCode(...chunk);
    chunk.length = 0;
  };
  for (const byte of buffer) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte);
    if (chunk.length >= 8192) flush();
  }
  flush();
  return text;
}

interface Decoded {
  text: string;
  encoding: string;
  /** Lines (1-based) where bytes that are not UTF-8 were read as Windows-1252 in an otherwise UTF-8 file. */
  repairedLines: number[];
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function utf8SequenceLength(buffer: Buffer, i: number): number {
  const lead = buffer[i]!;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  if (i + length > buffer.length) return 0;
  const second = buffer[i + 1]!;
  if (second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const next = buffer[i + k]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * A file mostly in UTF-8 with a few stray bytes (a line pasted from an old Windows file): every valid UTF-8
 * sequence is read as UTF-8, every other byte as Windows-1252 (what such a byte almost always is: « é » = 0xE9),
 * and the lines concerned are noted. A file without a single multi-byte UTF-8 sequence is plain Windows-1252.
 */
function decodeMixed(buffer: Buffer): Decoded | null {
  let utf8Sequences = 0;
  const parts: string[] = [];
  const repaired = new Set<number>();
  let line = 1;
  let start = 0;
  for (let i = 0; i < buffer.length; ) {
    const byte = buffer[i]!;
    if (byte < 0x80) {
      if (byte === 0x0a) line++;
      i++;
      continue;
    }
    const length = utf8SequenceLength(buffer, i);
    if (length > 0) {
      utf8Sequences++;
      i += length;
      continue;
    }
    parts.push(buffer.toString('utf8', start, i), decodeWindows1252(buffer.subarray(i, i + 1)));
    repaired.add(line);
    i++;
    start = i;
  }
  if (utf8Sequences === 0) return null;
  parts.push(buffer.toString('utf8', start));
  return {
    text: parts.join(''),
    encoding: 'UTF-8 (quelques caractères en Windows-1252)',
    repairedLines: [...repaired],
  };
}

function decodeText(buffer: Buffer): Decoded {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    const body = buffer.subarray(3);
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(body),
        encoding: 'UTF-8 avec BOM',
        repairedLines: [],
      };
    } catch {
      const mixed = decodeMixed(body);
      if (mixed)
        return {
          ...mixed,
          encoding: 'UTF-8 avec BOM (quelques caractères en Windows-1252)',
          repairedLines: mixed.repairedLines,
        };
      return { text: decodeWindows1252(body), encoding: 'Windows-1252', repairedLines: [] };
    }
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'UTF-16', repairedLines: [] };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'UTF-16', repairedLines: [] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8', repairedLines: [] };
  } catch {
    // Mostly UTF-8 with stray bytes, or what French Excel writes with « CSV (séparateur : point-virgule) ».
    return decodeMixed(buffer) ?? { text: decodeWindows1252(buffer), encoding: 'Windows-1252', repairedLines: [] };
  }
}

/**
 * The separator: the most frequent of ; tab , outside quotes over the first non-empty lines (not the first line
 * only: a title line above the header, « Liste des adhérents », has none).
 */
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  let seenContent = false;
  let lines = 0;
  for (let i = 0; i < text.length && i < 200_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenContent && ++lines >= 10) break;
      seenContent = false;
    } else if (!quoted && ch in counts) counts[ch]!++;
    if (ch.trim() && ch !== ';' && ch !== ',' && ch !== '\t') seenContent = true;
  }
  let best = ';';
  for (const separator of [';', '\t', ',']) if (counts[separator]! > counts[best]!) best = separator;
  return best;
}

/** Excel's « ="0612" » trick and a leading apostrophe that forces text (or neutralises a formula, see the export). */
function cleanCsvCell(cell: string): string {
  const value = cell.trim();
  const formula = /^="(.*)"$/.exec(value);
  if (formula) return formula[1]!.trim();
  if (/^'[=+\-@\t\r]/.test(value)) return value.slice(1);
  return value;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaksIn = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

interface FileRecord {
  line: number;
  cells: string[];
}

function readCsv(
  buffer: Buffer,
  progress: ReadProgress,
): { encoding: string; separator: string; records: FileRecord[]; repairedLines: number[] } {
  const { text, encoding, repairedLines } = decodeText(buffer);
  progress(0.2, 'Lecture du fichier…');
  const separator = detectSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: false });
  progress(0.7, 'Lecture du fichier…');
  // A quote left open swallows the rest of the file into one cell: refuse the file rather than import half of it.
  const quoteErrors = parsed.errors
    .filter((error) => error.type === 'Quotes')
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (quoteErrors.length > 0) {
    const first = quoteErrors[0]!;
    const unclosed = quoteErrors.some(
      (error) => error.code === 'MissingQuotes' && (error.index ?? 0) === (first.index ?? 0),
    );
    const line = first.index !== undefined ? lineBreaksIn(text.slice(0, first.index)) + 1 : null;
    const where = line !== null ? ` vers la ligne ${line}` : '';
    throw new UserError(
      'invalid_input',
      `Le fichier contient un guillemet ${unclosed ? 'non fermé' : 'mal placé'}${where} : corrigez-le ou enregistrez le fichier à nouveau depuis Excel.`,
    );
  }
  const records: FileRecord[] = [];
  // A quoted cell may hold line breaks: the line of a record is 1 + the line breaks of the records before it.
  let line = 1;
  for (const cells of parsed.data) {
    records.push({ line, cells: cells.map((cell) => cleanCsvCell(String(cell ?? ''))) });
    line += 1;
    for (const cell of cells) line += lineBreaksIn(String(cell ?? ''));
  }
  return { encoding, separator, records, repairedLines };
}

function isoDateOf(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // exceljs gives dates at midnight UTC; round to the nearest day to absorb the seconds Excel sometimes keeps.
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return rounded.toISOString().slice(0, 10);
}

function numberText(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  // 45.5 → « 45.5 », 0.1 + 0.2 → « 0.3 »
  return String(Number(value.toPrecision(15)));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return isoDateOf(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText))
      return (object.richText as { text?: string }[])
        .map((part) => part.text ?? '')
        .join('')
        .trim();
    if ('result' in object) return cellText(object.result);
    if ('formula' in object || 'sharedFormula' in object) return '';
    if ('error' in object) return '';
    if ('text' in object) return cellText(object.text);
    if ('hyperlink' in object) return cellText(object.hyperlink);
  }
  return String(value).trim();
}

async function readXlsx(
  buffer: Buffer,
  fileName: string,
  progress: ReadProgress,
): Promise<{ sheetName: string; records: FileRecord[] }> {
  // The central directory first: a zip bomb is refused before a single byte is inflated.
  assertSafeZip(buffer, fileName);
  progress(0.05, 'Décompression du classeur…');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » n'est pas un classeur Excel lisible (fichier abîmé ou protégé par un mot de passe ?). Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format .xlsx ou .csv.`,
    );
  }
  progress(0.7, 'Lecture des lignes…');
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  for (const sheet of sheets) {
    const records: FileRecord[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) {
        const value = values[column];
        // A percentage shown « 66,26 % » is stored 0.6626: read it as it is shown.
        const percent = typeof value === 'number' && (row.getCell(column).numFmt ?? '').includes('%');
        cells.push(percent ? `${numberText(value * 100)} %` : cellText(value));
      }
      records.push({ line: rowNumber, cells });
    });
    if (records.some((record) => record.cells.some((cell) => cell !== ''))) return { sheetName: sheet.name, records };
  }
  return { sheetName: sheets[0]?.name ?? '', records: [] };
}

const looksLikeData = (cell: string) =>
  /@/.test(cell) ||
  /^\+?[\d\s.-]{9,}$/.test(cell) ||
  /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(cell) ||
  /^\d{4}-\d{2}-\d{2}$/.test(cell);

/**
 * The header row: among the first non-empty rows, the one whose cells best match the column titles Maillage knows
 * (the first one on a tie). A title row above it (« Liste des adhérents — export du 01/12/2026 ») or a blank
 * banner is skipped. Without any known title, the first non-empty row.
 */
export function findHeaderRow(records: { cells: string[] }[], layout: TableLayout = 'members'): number {
  const headerScore = HEADER_SCORES[layout];
  let best = 0;
  let bestScore = 0;
  for (let index = 0; index < Math.min(records.length, HEADER_SEARCH_ROWS); index++) {
    const score = records[index]!.cells.reduce((sum, cell) => sum + headerScore(cell), 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/** « « Liste des adhérents — export du 01/12/2026 » » for the note on skipped title rows (cut when long). */
function quoteRow(cells: string[]): string {
  const text = cells
    .filter((cell) => cell !== '')
    .join(' ')
    .replace(/\s+/g, ' ');
  return `« ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;
}

/** « 4, 7 et 12 », at most `max` listed. */
function listLines(lines: number[], max = 10): string {
  const shown = lines.slice(0, max).map(String);
  if (lines.length > max) return `${shown.join(', ')}… (${lines.length} lignes en tout)`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} et ${shown.at(-1)}`;
}

/** Refuses, in French, a file whose extension Maillage does not read (old Excel, LibreOffice, Numbers…). */
function checkExtension(fileName: string, extension: string): void {
  if (['.xls', '.ods', '.numbers', '.xlsb'].includes(extension)) {
    const format = extension === '.xls' ? 'l’ancien format Excel (.xls)' : `le format ${extension}`;
    throw new UserError(
      'invalid_input',
      `« ${fileName} » est enregistré dans ${format}, que Maillage ne lit pas. Ouvrez-le dans votre tableur et enregistrez-le au format .xlsx ou .csv, puis recommencez.`,
    );
  }
  if (!['.csv', '.txt', '.tsv', '.xlsx', '.xlsm'].includes(extension)) {
    throw new UserError(
      'invalid_input',
      `Maillage importe les fichiers .xlsx (Excel) et .csv. « ${fileName} » n'est ni l'un ni l'autre : enregistrez-le au format .xlsx ou .csv.`,
    );
  }
}

/** The file's bytes; a file above the size limit is refused before being loaded in memory. */
async function loadFile(path: string, fileName: string): Promise<Buffer> {
  try {
    // The size first: a huge file is refused before being loaded in memory.
    const { size } = await stat(path);
    if (size > MAX_IMPORT_BYTES) {
      throw new UserError(
        'invalid_input',
        `Le fichier « ${fileName} » pèse ${formatBytes(size)} : l'import est limité à ${formatBytes(MAX_IMPORT_BYTES)}. Une liste d'adhérents, même de plusieurs milliers de lignes, est bien plus petite : vérifiez qu'il s'agit du bon fichier, ou découpez-le.`,
      );
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('io', describeReadError(error, fileName));
  }
}

interface DecodedFile {
  encoding: string | null;
  separator: string | null;
  sheetName: string | null;
  records: FileRecord[];
  notes: string[];
}

/** The records of an XLSX workbook (first non-empty sheet) or of a CSV file (encoding and separator detected). */
async function decodeFile(
  buffer: Buffer,
  fileName: string,
  extension: string,
  progress: ReadProgress,
): Promise<DecodedFile> {
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  const isOle = buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0;
  if (isOle) {
    throw new UserError(
      'invalid_input',
      `« ${fileName} » est au format de l'ancien Excel (.xls), que Maillage ne lit pas. Ouvrez-le dans votre tableur et enregistrez-le au format .xlsx ou .csv, puis recommencez.`,
    );
  }

  let encoding: string | null = null;
  let separator: string | null = null;
  let sheetName: string | null = null;
  let records: FileRecord[];
  const notes: string[] = [];
  if (isZip || extension === '.xlsx' || extension === '.xlsm') {
    const xlsx = await readXlsx(buffer, fileName, progress);
    sheetName = xlsx.sheetName;
    records = xlsx.records;
  } else {
    if (buffer.subarray(0, 4096).includes(0) && !(buffer[0] === 0xff || buffer[0] === 0xfe)) {
      throw new UserError(
        'invalid_input',
        `« ${fileName} » n'est pas un fichier texte CSV lisible. Enregistrez-le au format .xlsx ou .csv.`,
      );
    }
    const csv = readCsv(buffer, progress);
    encoding = csv.encoding;
    separator = SEPARATOR_LABELS[csv.separator] ?? csv.separator;
    records = csv.records;
    if (csv.repairedLines.length > 0) {
      notes.push(
        `Encodage mélangé : le fichier est en UTF-8, mais ${csv.repairedLines.length === 1 ? 'la ligne' : 'les lignes'} ${listLines(csv.repairedLines)} ${
          csv.repairedLines.length === 1 ? 'contient' : 'contiennent'
        } des caractères d'un autre encodage, lus comme Windows-1252 (« é », « è »…). Vérifiez les accents de ${csv.repairedLines.length === 1 ? 'cette ligne' : 'ces lignes'} dans l'aperçu.`,
      );
    }
  }
  return { encoding, separator, sheetName, records, notes };
}

/**
 * The header row (the best match among the first rows) and the data rows under it, all as wide as the widest
 * row; untitled columns get their letter. Refuses an empty, header-less or too long table.
 */
function tableOf(
  layout: TableLayout,
  records: FileRecord[],
  fileName: string,
  notes: string[],
): Pick<Spreadsheet, 'headers' | 'rows' | 'lines' | 'headerLine'> {
  const nonEmpty = records.filter((record) => record.cells.some((cell) => cell !== ''));
  if (nonEmpty.length === 0)
    throw new UserError('invalid_input', `Le fichier « ${fileName} » ne contient aucune donnée.`);
  const headerIndex = findHeaderRow(nonEmpty, layout);
  const headerRecord = nonEmpty[headerIndex]!;
  const dataRecords = nonEmpty.slice(headerIndex + 1);
  if (headerIndex > 0) {
    const skipped = nonEmpty.slice(0, headerIndex);
    notes.unshift(
      `Titres des colonnes lus sur la ligne ${headerRecord.line} ; ${
        skipped.length === 1
          ? `la ligne ${skipped[0]!.line} au-dessus, ${quoteRow(skipped[0]!.cells)}, est ignorée`
          : `les ${skipped.length} lignes au-dessus (${quoteRow(skipped[0]!.cells)}…) sont ignorées`
      }.`,
    );
  }
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » compte ${dataRecords.length.toLocaleString('fr-FR')} lignes : l'import est limité à ${MAX_IMPORT_ROWS.toLocaleString('fr-FR')} lignes. Découpez-le en plusieurs fichiers.`,
    );
  }
  const rawHeaders = headerRecord.cells;
  const mapped = suggestMapping(rawHeaders).filter((field) => field !== null).length;
  if (mapped === 0 && rawHeaders.some(looksLikeData)) {
    throw new UserError(
      'invalid_input',
      `La première ligne de « ${fileName} » contient des données et non les titres des colonnes. Ajoutez une ligne de titres (Nom, Prénom, Profession, RPPS, Commune…) en haut du tableau, puis recommencez.`,
    );
  }
  if (dataRecords.length === 0) {
    throw new UserError(
      'invalid_input',
      `Le fichier « ${fileName} » ne contient que la ligne des titres, aucun membre à importer.`,
    );
  }
  let width = rawHeaders.length;
  for (const record of dataRecords) {
    for (let column = record.cells.length - 1; column >= width; column--) {
      if (record.cells[column] !== '') {
        width = column + 1;
        break;
      }
    }
  }
  // Trailing header cells without data nor title are dropped; untitled columns get their letter.
  while (width > 0 && !rawHeaders[width - 1] && !dataRecords.some((record) => record.cells[width - 1])) width--;
  const headers = Array.from({ length: width }, (_, column) => rawHeaders[column] || `Colonne ${columnLetter(column)}`);
  const rows = dataRecords.map((record) => Array.from({ length: width }, (_, column) => record.cells[column] ?? ''));
  return {
    headers,
    rows,
    lines: dataRecords.map((record) => record.line),
    headerLine: headerRecord.line,
  };
}

/**
 * Reads a CSV (separator ; , or tab, detected; UTF-8 with or without BOM, Windows-1252, UTF-8 with a few stray
 * Windows-1252 bytes, or UTF-16) or an XLSX file (first non-empty sheet). The header row is the row that best
 * matches known column titles among the first rows; empty rows are skipped. Throws a French UserError for an
 * unreadable, empty, header-less, too large (bytes, rows or inflated size) or unsupported file.
 */
export async function readSpreadsheet(
  path: string,
  progress: ReadProgress = () => {},
  layout: TableLayout = 'members',
): Promise<Spreadsheet> {
  const fileName = basename(path);
  const extension = extname(path).toLowerCase();
  checkExtension(fileName, extension);
  const buffer = await loadFile(path, fileName);
  if (buffer.length === 0) throw new UserError('invalid_input', `Le fichier « ${fileName} » est vide.`);
  progress(0.02, 'Lecture du fichier…');
  const { encoding, separator, sheetName, records, notes } = await decodeFile(buffer, fileName, extension, progress);
  progress(0.9, 'Lecture des lignes…');
  const table = tableOf(layout, records, fileName, notes);
  progress(1, 'Lecture terminée');
  return { fileName, encoding, separator, sheetName, ...table, notes };
}
