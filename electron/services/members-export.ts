/**
 * Export of the member list to a spreadsheet: CSV as French Excel opens it (UTF-8 with BOM, « ; » separator) or
 * XLSX (bold and frozen header row, column widths, real dates). The caller filters the rows (filterMembers);
 * the columns are the ones the import recognises, so an export can be re-imported as is.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Kysely } from 'kysely';
import type { ExportResult } from '@shared/contract';
import { filterMembers, type MemberListRow } from '@shared/domain/members';
import type { MemberFilters } from '@shared/schemas/members';
import type { DB } from '../db/schema';
import { listMembers } from './members';
import { formatFrenchDate, specialtyLabel } from '@shared/domain/import-mapping';
import { PRACTICE_MODES, STRUCTURE_TYPES } from '@shared/domain/professions';
import { writeFileAtomic } from './files';

interface Column {
  header: string;
  width: number;
  value: (row: MemberListRow) => string;
  /** An ISO date, written as a real date in XLSX. */
  date?: boolean;
}

const yesNo = (value: boolean) => (value ? 'oui' : 'non');

/** The columns of the export, for the year whose « à jour de cotisation » status is shown. */
export function exportColumns(year: number): Column[] {
  const person = (row: MemberListRow) => row.kind === 'person';
  return [
    { header: 'Civilité', width: 9, value: (row) => (person(row) ? (row.civility ?? '') : '') },
    { header: 'Nom', width: 22, value: (row) => (person(row) ? (row.lastName ?? '') : '') },
    { header: 'Prénom', width: 18, value: (row) => (person(row) ? (row.firstName ?? '') : '') },
    { header: 'Profession', width: 26, value: (row) => (person(row) ? (row.professionLabel ?? '') : '') },
    { header: 'Spécialité', width: 22, value: (row) => specialtyLabel(row.specialty) ?? '' },
    { header: 'RPPS', width: 13, value: (row) => row.rpps ?? '' },
    { header: 'ADELI', width: 11, value: (row) => row.adeli ?? '' },
    {
      header: 'Mode d’exercice',
      width: 14,
      value: (row) => PRACTICE_MODES.find((mode) => mode.code === row.practiceMode)?.label ?? '',
    },
    { header: 'Structure', width: 30, value: (row) => (person(row) ? '' : (row.structureName ?? '')) },
    {
      header: 'Type de structure',
      width: 30,
      value: (row) => STRUCTURE_TYPES.find((type) => type.code === row.structureType)?.label ?? row.structureType ?? '',
    },
    { header: 'FINESS ET', width: 11, value: (row) => row.finessEt ?? '' },
    { header: 'Commune', width: 24, value: (row) => row.communeName ?? '' },
    { header: 'Code INSEE', width: 11, value: (row) => row.communeCode ?? '' },
    { header: 'Téléphone', width: 16, value: (row) => row.phone ?? '' },
    { header: 'Courriel', width: 30, value: (row) => row.email ?? '' },
    { header: 'Collège', width: 24, value: (row) => row.collegeName ?? '' },
    { header: 'Date d’adhésion', width: 14, value: (row) => row.joinedOn ?? '', date: true },
    { header: 'Date de sortie', width: 14, value: (row) => row.leftOn ?? '', date: true },
    { header: 'Consentement annuaire', width: 12, value: (row) => yesNo(row.directoryConsent) },
    { header: `À jour ${year}`, width: 10, value: (row) => yesNo(row.upToDateYears.includes(year)) },
  ];
}

/** A plain negative number (« -12 », « -4,50 »): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * A cell a spreadsheet could run as a formula is prefixed with an apostrophe (OWASP « CSV injection »): anything
 * starting with =, +, -, @, a tab or a carriage return, « -1+1+cmd|' /C calc'!A0 » and « +33 6… » included. Only a
 * plain negative number stays as it is. The import removes the apostrophe again, so the round trip is exact.
 */
export function neutraliseCell(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value) || PLAIN_NEGATIVE_NUMBER.test(value)) return value;
  return `'${value}`;
}

function toCsv(rows: MemberListRow[], columns: Column[]): Uint8Array {
  const body = Papa.unparse(
    {
      fields: columns.map((column) => column.header),
      data: rows.map((row) =>
        columns.map((column) =>
          column.date ? formatFrenchDate(column.value(row)) : neutraliseCell(column.value(row)),
        ),
      ),
    },
    { delimiter: ';', newline: '\r\n', quotes: false },
  );
  return new TextEncoder().encode(`\uFEFF${body}\r\n`);
}

async function toXlsx(rows: MemberListRow[], columns: Column[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Adhérents', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.date ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
  }));
  for (const row of rows) {
    sheet.addRow(
      columns.map((column) => {
        const value = column.value(row);
        if (column.date) return value ? new Date(`${value}T00:00:00Z`) : null;
        // Identifiers and codes stay text: an RPPS must not become 1,0001E+10, nor 01053 lose its zero. A text
        // cell is never a formula in XLSX (« =SOMME() » is written as a shared string, not as <f>).
        return value;
      }),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/**
 * Writes the rows (already filtered by the caller) to `path`, atomically, as CSV or XLSX; `year` is the year of the
 * « À jour <année> » column. Erased members are left out (nothing left to export). Returns the size in bytes.
 */
export async function exportMembers(
  rows: MemberListRow[],
  format: 'csv' | 'xlsx',
  path: string,
  year: number,
): Promise<number> {
  const columns = exportColumns(year);
  const kept = rows.filter((row) => !row.erased);
  const data = format === 'csv' ? toCsv(kept, columns) : await toXlsx(kept, columns);
  await writeFileAtomic(path, data);
  return data.byteLength;
}

/**
 * Exports the members list as shown (same filters) to the file the user chooses; nothing is written when the
 * choice is cancelled. The « À jour » column is for the filtered cotisation year, or the current year.
 */
export async function exportMemberList(
  db: Kysely<DB>,
  { filters, format }: { filters: MemberFilters; format: 'csv' | 'xlsx' },
  today: string,
  choosePath: (suggestedName: string) => Promise<string | null>,
): Promise<ExportResult> {
  const rows = filterMembers(await listMembers(db, today), filters);
  const path = await choosePath(`Adhérents - ${today}.${format}`);
  if (!path) return { saved: false };
  const bytes = await exportMembers(rows, format, path, filters.cotisationYear ?? Number(today.slice(0, 4)));
  return { saved: true, path, pages: 0, bytes };
}
