/**
 * The « tableau de suivi des indicateurs » leaving the app: as a PDF of one contract year (its data, ready for the
 * PDF process) and as an XLSX workbook of the whole contract, one sheet per contract year, for the CPAM who works
 * in Excel. Both read the tableau de suivi of the indicators service and show the same columns
 * (shared/reports/indicators-tracking.ts); the workbook holds numbers as numbers, euros in a currency format, and
 * never a formula.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { ExportResult, TrackingTable } from '@shared/contract';
import {
  contractYearHeading,
  contractYearPeriod,
  INDICATORS_TRACKING_TITLE,
  type IndicatorsTrackingData,
  missionTitle,
  TRACKING_SHEET_COLUMNS,
  type TrackingCellValue,
} from '@shared/reports/indicators-tracking';
import type { ReportExport } from '@shared/reports/job';
import type { DB } from '../db/schema';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { writeFileAtomic } from './files';
import { trackingTable } from './indicators';
import { neutraliseCell } from './members-export';
import { suggestedFileName } from './reports';

async function cptsNameOf(db: Kysely<DB>, today: string): Promise<string> {
  const profile = await getCptsProfile(db, today);
  return profile.identity.name || 'CPTS';
}

/** The data of the PDF of one contract year. */
export async function indicatorsTrackingData(
  db: Kysely<DB>,
  contractYearId: number,
  now: Date,
  today: string,
): Promise<IndicatorsTrackingData> {
  const table = await trackingTable(db, contractYearId);
  return { generatedAt: now.toISOString(), cptsName: await cptsNameOf(db, today), table };
}

/** The PDF of one contract year, with the file name offered when saving it. */
export async function indicatorsTrackingExport(
  db: Kysely<DB>,
  contractYearId: number,
  { now, today }: { now: Date; today: string },
): Promise<ReportExport> {
  const data = await indicatorsTrackingData(db, contractYearId, now, today);
  return {
    fileName: suggestedFileName(`Tableau de suivi année ${data.table.yearIndex}`, data.cptsName, today),
    job: { kind: 'indicatorsTracking', data },
  };
}

// ---------- XLSX ----------

const EUROS = '#,##0.00 "€"';
const RATE = '0.0 %';
const FORMATS: Record<string, string> = {
  oui_non: '0',
  nombre: '#,##0.####',
  taux: '0.00 "%"',
  delai: '0 "jours"',
};
const DATE = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F6F7' } };

/** Writes a typed value into a cell: text is neutralised (never run as a formula), numbers keep their format. */
function setCell(cell: ExcelJS.Cell, value: TrackingCellValue): void {
  switch (value.type) {
    case 'empty':
      return;
    case 'text':
      cell.value = neutraliseCell(value.value);
      return;
    case 'number':
      if (value.valueType === 'oui_non' && (value.value === 0 || value.value === 1)) {
        cell.value = value.value === 1 ? 'oui' : 'non';
        return;
      }
      cell.value = value.value;
      cell.numFmt = FORMATS[value.valueType] ?? 'General';
      return;
    case 'euros':
      cell.value = value.cents / 100;
      cell.numFmt = EUROS;
      return;
    case 'rate':
      cell.value = value.value;
      cell.numFmt = RATE;
      return;
    case 'count':
      cell.value = value.value;
      cell.numFmt = '0';
      return;
    case 'date':
      cell.value = new Date(`${value.value}T00:00:00Z`);
      cell.numFmt = DATE;
      return;
  }
}

const columnIndex = (header: string): number =>
  TRACKING_SHEET_COLUMNS.findIndex((column) => column.header === header) + 1;

/** A closing row (mission subtotal or year total): its label, € obtenus, € max and taux d’atteinte. */
function addTotalRow(sheet: ExcelJS.Worksheet, label: string, earnedCents: number, maxCents: number): void {
  const row = sheet.addRow([]);
  row.getCell(1).value = neutraliseCell(label);
  setCell(row.getCell(columnIndex('€ obtenus')), { type: 'euros', cents: earnedCents });
  setCell(row.getCell(columnIndex('€ max')), { type: 'euros', cents: maxCents });
  if (maxCents > 0)
    setCell(row.getCell(columnIndex('Taux d’atteinte')), { type: 'rate', value: earnedCents / maxCents });
  row.font = { bold: true };
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.fill = TOTAL_FILL;
  });
}

/** The sheet of one contract year: a title block, the header row, each mission's lines and subtotal, the totals. */
function addYearSheet(workbook: ExcelJS.Workbook, table: TrackingTable, cptsName: string): void {
  const sheet = workbook.addWorksheet(`Année ${table.yearIndex}`, { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = TRACKING_SHEET_COLUMNS.map((column) => ({ width: column.width }));
  sheet.addRow([neutraliseCell(`${INDICATORS_TRACKING_TITLE} — ${cptsName}`)]).font = { bold: true, size: 13 };
  sheet.addRow([neutraliseCell(`${contractYearHeading(table)}, ${contractYearPeriod(table)}`)]);
  sheet.addRow([]);
  const header = sheet.addRow(TRACKING_SHEET_COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const mission of table.missions) {
    for (const line of mission.indicators) {
      const row = sheet.addRow([]);
      TRACKING_SHEET_COLUMNS.forEach((column, index) => {
        setCell(row.getCell(index + 1), column.cell(line, mission));
      });
    }
    addTotalRow(
      sheet,
      `Sous-total ${missionTitle(mission)}`,
      mission.result.earnedCents,
      mission.result.variableMaxCents,
    );
  }
  sheet.addRow([]);
  const { result } = table;
  addTotalRow(sheet, 'Part variable de l’année', result.earnedCents, result.variableMaxCents);
  const fixed = sheet.addRow([]);
  fixed.getCell(1).value = 'Part fixe de l’année';
  setCell(fixed.getCell(columnIndex('€ max')), { type: 'euros', cents: result.fixedCents });
  const total = sheet.addRow([]);
  total.getCell(1).value = 'Total de l’année (part fixe + part variable obtenue)';
  setCell(total.getCell(columnIndex('€ obtenus')), { type: 'euros', cents: result.totalCents });
  total.font = { bold: true };
}

/** The workbook of a contract: one sheet per contract year, in order. */
export async function trackingWorkbook(db: Kysely<DB>, contractId: number, today: string): Promise<Uint8Array> {
  const years = await db
    .selectFrom('aci_contract_year')
    .select(['id'])
    .where('contract_id', '=', contractId)
    .orderBy('year_index')
    .execute();
  if (years.length === 0) {
    const contract = await db.selectFrom('aci_contract').select('id').where('id', '=', contractId).executeTakeFirst();
    throw new UserError(
      contract ? 'conflict' : 'not_found',
      contract
        ? 'Ce contrat n’a encore aucune année : ajoutez ses années de contrat avant d’exporter le tableau de suivi.'
        : 'Ce contrat n’existe pas ou plus.',
    );
  }
  const cptsName = await cptsNameOf(db, today);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  workbook.created = new Date(`${today}T00:00:00Z`);
  for (const year of years) addYearSheet(workbook, await trackingTable(db, year.id), cptsName);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/**
 * Exports the tableau de suivi of a contract to the XLSX file the user chooses (nothing is written when the choice
 * is cancelled).
 */
export async function exportTrackingXlsx(
  db: Kysely<DB>,
  contractId: number,
  today: string,
  choosePath: (suggestedName: string) => Promise<string | null>,
): Promise<ExportResult> {
  const data = await trackingWorkbook(db, contractId, today);
  const cptsName = await cptsNameOf(db, today);
  const path = await choosePath(
    suggestedFileName('Tableau de suivi des indicateurs', cptsName, today).replace(/\.pdf$/, '.xlsx'),
  );
  if (!path) return { saved: false };
  await writeFileAtomic(path, data);
  return { saved: true, path, pages: 0, bytes: data.byteLength };
}
