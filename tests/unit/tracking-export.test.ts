import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';
import { type Expected, expectedFromRows, seedTrackingYear, type SeededYear } from '../helpers/tracking-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

let backend: Backend;
let seeded: SeededYear;
let expected: Expected[];
let files: { dir: string; cleanup: () => void };
let workbook: ExcelJS.Workbook;
let file: string;

/** The cells of a row by header (row 4 holds the headers). */
function rowsOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell>[] {
  const headers = (sheet.getRow(4).values as unknown[]).map((value) => String(value ?? ''));
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 4) return;
    const cells = new Map<string, ExcelJS.Cell>();
    headers.forEach((header, column) => {
      if (column > 0) cells.set(header, row.getCell(column));
    });
    rows.push(cells);
  });
  return rows;
}

beforeAll(async () => {
  files = tempDir('maillage-suivi-xlsx-');
  backend = await testBackend();
  seeded = await seedTrackingYear(backend);
  // A wording a spreadsheet could run as a formula: it must stay text.
  const formula = await backend.ok('indicators.create', {
    contractId: seeded.contractId,
    missionCode: 'accompagnement',
    code: 'ACP-2',
    label: '=HYPERLINK("http://exemple.invalid","Accueil de stagiaires")',
    kind: 'moyens',
    valueType: 'nombre',
    direction: 'hausse',
    dataSource: 'cpts',
  });
  await backend.ok('indicators.saveTarget', {
    indicatorId: formula.id,
    contractYearId: seeded.yearId,
    paymentRule: 'tout_ou_rien',
    targetValue: 4,
    maxCents: 0,
  });
  expected = await expectedFromRows(backend, seeded.yearId);
  file = join(files.dir, 'suivi.xlsx');
  let suggested = '';
  backend.context.chooseSavePath = async (name) => {
    suggested = name;
    return file;
  };
  const result = await backend.ok('annex.exportTracking', { contractId: seeded.contractId });
  expect(result).toMatchObject({ saved: true, path: file });
  expect(suggested).toBe('Tableau de suivi des indicateurs - CPTS Grenoble Sud - 2026-11-23.xlsx');
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
});
afterAll(async () => {
  await backend.database.dispose();
  files.cleanup();
});

describe('tableau de suivi exported to XLSX', () => {
  it('writes one sheet per contract year, titled with the CPTS, the contract and the dates', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Année 1',
      'Année 2',
      'Année 3',
      'Année 4',
      'Année 5',
    ]);
    const sheet = workbook.getWorksheet('Année 5')!;
    expect(sheet.getCell('A1').value).toBe('Tableau de suivi des indicateurs — CPTS Grenoble Sud');
    expect(sheet.getCell('A2').value).toBe(
      'Année 5 du contrat n°\u00a02022-093-017, du 15 avril 2026 au 14 avril 2027',
    );
  });

  it('stores each indicator’s figures as numbers, euros in a currency format, computed from the rows', () => {
    const rows = rowsOf(workbook.getWorksheet('Année 5')!);
    for (const line of expected) {
      const row = rows.find((cells) => cells.get('Code')?.value === line.code);
      expect(row, line.code).toBeDefined();
      const earned = row!.get('€ obtenus')!;
      const max = row!.get('€ max')!;
      expect(earned.value).toBe(line.earned / 100);
      expect(max.value).toBe(line.max / 100);
      expect(earned.numFmt).toContain('€');
      expect(max.numFmt).toContain('€');
      const rate = row!.get('Taux d’atteinte')!;
      if (line.max > 0) {
        expect(rate.value).toBeCloseTo(line.earned / line.max, 10);
        expect(rate.numFmt).toContain('%');
      } else expect(rate.value).toBeNull();
      if (line.required > 0) {
        expect(row!.get('Justificatifs fournis')!.value).toBe(line.provided);
        expect(row!.get('Justificatifs attendus')!.value).toBe(line.required);
      }
    }
    const ald = rows.find((cells) => cells.get('Code')?.value === 'ACC-1')!;
    expect(ald.get('Valeur initiale')!.value).toBe(219);
    expect(ald.get('Date de la valeur initiale')!.value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(ald.get('Réalisé')!.value).toBe(87);
    expect(ald.get('Statut de la mesure')!.value).toBe('Validé par la CPAM');
    expect(ald.get('Palier atteint')!.value).toBe('Palier 2 (intermédiaire)');
    expect(ald.get('Paliers')!.value).toBe(
      '≤ 219 → 3 000 € ; ≤ 100 → 6 000 € ; ≤ 50 → 9 000 €'
        .replace(/ /g, '\u00a0')
        .replace(/\u00a0;\u00a0/g, '\u00a0; '),
    );
    const breast = rows.find((cells) => cells.get('Code')?.value === 'PRE-1')!;
    expect(breast.get('Réalisé')!.value).toBe(71.2);
    expect(breast.get('Réalisé')!.numFmt).toContain('%');
    const partnership = rows.find((cells) => cells.get('Code')?.value === 'ACC-2')!;
    expect(partnership.get('Réalisé')!.value).toBe('oui');
    expect(rows.find((cells) => cells.get('Code')?.value === 'PAR-3')!.get('Report de N-1')!.value).toBe('oui');
  });

  it('closes each mission with its subtotal and the year with its totals', async () => {
    const rows = rowsOf(workbook.getWorksheet('Année 5')!);
    const envelopes = await backend.database.db
      .selectFrom('aci_envelope')
      .selectAll()
      .where('contract_year_id', '=', seeded.yearId)
      .execute();
    const label = (cells: Map<string, ExcelJS.Cell>) => String(cells.get('Mission')?.value ?? '');
    const subtotals = rows.filter((cells) => label(cells).startsWith('Sous-total'));
    expect(subtotals).toHaveLength(envelopes.length);
    const acces = subtotals.find((cells) => label(cells) === 'Sous-total Amélioration de l’accès aux soins')!;
    const accesEarned = expected.filter((line) => line.mission === 'acces').reduce((sum, line) => sum + line.earned, 0);
    expect(acces.get('€ obtenus')!.value).toBe(accesEarned / 100);
    expect(acces.get('€ max')!.value).toBe(35_000);
    const earned = expected.reduce((sum, line) => sum + line.earned, 0);
    const variable = envelopes.reduce((sum, envelope) => sum + envelope.variable_max_cents, 0);
    const fixed = envelopes.reduce((sum, envelope) => sum + envelope.fixed_cents, 0);
    const year = rows.find((cells) => label(cells) === 'Part variable de l’année')!;
    expect(year.get('€ obtenus')!.value).toBe(earned / 100);
    expect(year.get('€ max')!.value).toBe(variable / 100);
    expect(year.get('Taux d’atteinte')!.value).toBeCloseTo(earned / variable, 10);
    expect(rows.find((cells) => label(cells) === 'Part fixe de l’année')!.get('€ max')!.value).toBe(fixed / 100);
    expect(rows.find((cells) => label(cells).startsWith('Total de l’année'))!.get('€ obtenus')!.value).toBe(
      (fixed + earned) / 100,
    );
  });

  it('never writes a formula: a wording starting with « = » stays text', () => {
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        });
      });
    }
    const rows = rowsOf(workbook.getWorksheet('Année 5')!);
    const formula = rows.find((cells) => cells.get('Code')?.value === 'ACP-2')!;
    expect(formula.get('Indicateur')!.value).toBe('\'=HYPERLINK("http://exemple.invalid","Accueil de stagiaires")');
  });

  it('writes nothing when the save is cancelled, and refuses an unknown contract', async () => {
    const other = join(files.dir, 'annule.xlsx');
    backend.context.chooseSavePath = async () => null;
    expect(await backend.ok('annex.exportTracking', { contractId: seeded.contractId })).toEqual({ saved: false });
    expect(existsSync(other)).toBe(false);
    const refused = await backend.call('annex.exportTracking', { contractId: 9999 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Ce contrat n’existe pas ou plus.');
  });
});
