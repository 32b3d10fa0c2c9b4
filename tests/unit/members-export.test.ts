import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { filterMembers, type MemberListRow } from '@shared/domain/members';
import { memberFiltersSchema } from '@shared/schemas/members';
import { exportMembers, neutraliseCell } from '../../electron/services/members-export';
import { applyImport, openImport, previewImport, readSpreadsheet } from '../../electron/services/members-import';
import { eraseMember, listMembers } from '../../electron/services/members';
import { UserError } from '../../electron/services/errors';
import { tempDatabase, tempDir } from '../helpers/db';
import { rpps, writeCsv } from '../fixtures/imports/builders';

type TempDb = Awaited<ReturnType<typeof tempDatabase>>;
let databases: TempDb[] = [];
let files: { dir: string; cleanup: () => void };
beforeEach(() => {
  files = tempDir('maillage-export-');
});
afterEach(async () => {
  for (const database of databases) await database.dispose();
  databases = [];
  files.cleanup();
});

const TODAY = '2025-06-30';
const YEAR = 2025;

async function newDatabase(): Promise<TempDb> {
  const database = await tempDatabase();
  databases.push(database);
  for (const [name, votingRight] of [
    ['Professionnels de santé libéraux', 'deliberative'],
    ['Usagers', 'consultative'],
  ] as const) {
    await database.db
      .insertInto('college')
      .values({ name, voting_right: votingRight, seats: null, description: null })
      .execute();
  }
  return database;
}

const SOURCE = [
  [
    'Civilité',
    'Nom',
    'Prénom',
    'Profession',
    'Spécialité',
    'RPPS',
    'ADELI',
    "Mode d'exercice",
    'Structure',
    'Type de structure',
    'FINESS ET',
    'Commune',
    'Code postal',
    'Téléphone',
    'Courriel',
    'Collège',
    "Date d'adhésion",
    'Consentement annuaire',
    'Cotisation 2025',
  ],
  [
    'Mme',
    'Bernard',
    'Camille',
    'Médecin généraliste',
    '',
    rpps('1000123456'),
    '',
    'libéral',
    '',
    '',
    '',
    "Saint-Martin-d'Hères",
    '',
    '04 76 00 00 01',
    'camille@exemple.fr',
    'Professionnels de santé libéraux',
    '05/03/2024',
    'oui',
    '45',
  ],
  [
    'M.',
    'Lefèvre',
    'François',
    'Médecin',
    'Pédiatrie',
    rpps('1000987654'),
    '',
    'mixte',
    '',
    '',
    '',
    'Eybens',
    '',
    '',
    'francois@exemple.fr',
    '',
    '12/01/2025',
    'non',
    '',
  ],
  [
    'Mme',
    'Dupont',
    'Marie-Ève',
    'Infirmière',
    '',
    '',
    '381234567',
    'salariée',
    'Clinique des Alpes',
    '',
    '',
    'Beaulieu',
    '63570',
    '06 12 34 56 78',
    '',
    '',
    '',
    '',
    '30',
  ],
  [
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'MSP du Sud-Est',
    'Maison de santé pluriprofessionnelle (MSP)',
    '',
    'Poisat',
    '',
    '04 76 00 00 03',
    'msp@exemple.fr',
    'Professionnels de santé libéraux',
    '01/09/2023',
    '',
    '120',
  ],
  ['M.', '=DANGER()', 'Zéro', 'Usager', '', '', '', '', '', '', '', '', '', '', '', 'Usagers', '', '', ''],
];

/** What a member is, for comparing two databases. */
function essentials(row: MemberListRow) {
  return {
    kind: row.kind,
    civility: row.civility,
    lastName: row.lastName,
    firstName: row.firstName,
    professionCode: row.professionCode,
    specialty: row.specialty,
    rpps: row.rpps,
    adeli: row.adeli,
    practiceMode: row.practiceMode,
    structureName: row.structureName,
    structureType: row.structureType,
    finessEt: row.finessEt,
    communeCode: row.communeCode,
    collegeName: row.collegeName,
    email: row.email,
    phone: row.phone,
    joinedOn: row.joinedOn,
    directoryConsent: row.directoryConsent,
  };
}

/** The date the coordinator gives for the « oui » consents of the file (it does not date them). */
const CONSENTS_ON = '2025-01-15';

async function importFile(
  database: TempDb,
  path: string,
  options: { undatedOn?: string | null; createColleges?: boolean } = { undatedOn: CONSENTS_ON },
) {
  const opened = await openImport(path);
  const preview = await previewImport(database.db, opened.token, opened.mapping, options);
  const result = await applyImport(database.db, opened.token, opened.mapping, options);
  return { opened, preview, result };
}

async function seeded(): Promise<{ database: TempDb; rows: MemberListRow[] }> {
  const database = await newDatabase();
  await database.db
    .insertInto('cotisation_rate')
    .values({ year: YEAR, member_type: 'professionnel', amount_cents: 4000 })
    .execute();
  const { preview, result } = await importFile(database, writeCsv(files.dir, 'source.csv', SOURCE, ';', 'utf8-bom'));
  expect(preview.errors).toEqual([]);
  expect(result.created).toBe(5);
  const rows = filterMembers(await listMembers(database.db, TODAY), memberFiltersSchema.parse({ status: 'all' }));
  return { database, rows };
}

describe('member export', () => {
  it('writes a CSV French Excel opens: UTF-8 with BOM, « ; », French headers, dd/mm/yyyy, formulas neutralised', async () => {
    const { rows } = await seeded();
    const path = join(files.dir, 'adherents.csv');
    const bytes = await exportMembers(rows, 'csv', path, YEAR);
    const raw = readFileSync(path);
    expect(bytes).toBe(raw.byteLength);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Civilité;Nom;Prénom;Profession;Spécialité;RPPS;ADELI;Mode d’exercice;Structure;Type de structure;FINESS ET;Commune;Code INSEE;Téléphone;Courriel;Collège;Date d’adhésion;Date de sortie;Consentement annuaire;À jour 2025',
    );
    const bernard = lines.find((line) => line.includes('Bernard'))!.split(';');
    expect(bernard).toEqual([
      'Mme',
      'Bernard',
      'Camille',
      'Médecin',
      'Médecine générale',
      rpps('1000123456'),
      '',
      'Libéral',
      '',
      '',
      '',
      "Saint-Martin-d'Hères",
      '38421',
      '04 76 00 00 01',
      'camille@exemple.fr',
      'Professionnels de santé libéraux',
      '05/03/2024',
      '',
      'oui',
      'oui',
    ]);
    expect(
      lines
        .find((line) => line.includes('Dupont'))!
        .split(';')
        .at(-1),
    ).toBe('non'); // 30 € < 40 € expected
    expect(lines.some((line) => line.includes(";'=DANGER();"))).toBe(true);
    expect(readdirSync(files.dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('round trip: the exported CSV re-imported gives the same members, and changes nothing where they are', async () => {
    const { database, rows } = await seeded();
    const path = join(files.dir, 'export.csv');
    await exportMembers(rows, 'csv', path, YEAR);

    // In the same database: everything is recognised, nothing changes.
    const again = await importFile(database, path);
    expect(again.preview.errors).toEqual([]);
    expect(again.preview.toCreate).toEqual([]);
    expect(again.preview.toUpdate).toEqual([]);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 5 });

    // In another database: the same members.
    const other = await newDatabase();
    const copy = await importFile(other, path);
    expect(copy.preview.errors).toEqual([]);
    expect(copy.result.created).toBe(5);
    const copied = await listMembers(other.db, TODAY);
    const byName = (a: { lastName: string | null; structureName: string | null }, b: typeof a) =>
      (a.lastName ?? a.structureName ?? '').localeCompare(b.lastName ?? b.structureName ?? '');
    expect(copied.map(essentials).sort(byName)).toEqual(rows.map(essentials).sort(byName));
  });

  it('round trip into a fresh install: the collèges of the export are offered and created in the same transaction, the members are the same', async () => {
    const { rows } = await seeded();
    for (const format of ['xlsx', 'csv'] as const) {
      const path = join(files.dir, `vers-neuf.${format}`);
      await exportMembers(rows, format, path, YEAR);
      const fresh = await tempDatabase();
      databases.push(fresh);

      // Without creating them, every row of a collège is in error, with a clear way out.
      const refused = await openImport(path);
      const without = await previewImport(fresh.db, refused.token, refused.mapping, {
        undatedOn: CONSENTS_ON,
        createColleges: false,
      });
      expect(without.errors.map((row) => row.errors[0])).toEqual(
        Array(3).fill(
          expect.stringMatching(
            /^Collège inconnu : .*aucun collège n’est encore défini dans Maillage\)\. Cochez « Créer les collèges manquants »/,
          ),
        ),
      );
      // The preview still names them, so that the coordinator can change her mind.
      expect(without.missingColleges.map((college) => college.name)).toEqual([
        'Professionnels de santé libéraux',
        'Usagers',
      ]);

      const { preview, result } = await importFile(fresh, path, { undatedOn: CONSENTS_ON, createColleges: true });
      expect(preview.errors).toEqual([]);
      expect(preview.missingColleges).toEqual([
        { name: 'Professionnels de santé libéraux', rows: 2 },
        { name: 'Usagers', rows: 1 },
      ]);
      expect(preview.toCreate).toHaveLength(5);
      expect(result).toMatchObject({
        created: 5,
        skippedErrors: 0,
        collegesCreated: ['Professionnels de santé libéraux', 'Usagers'],
      });
      const colleges = await fresh.db
        .selectFrom('college')
        .select(['name', 'voting_right'])
        .orderBy('position')
        .execute();
      expect(colleges).toEqual([
        { name: 'Professionnels de santé libéraux', voting_right: 'deliberative' },
        { name: 'Usagers', voting_right: 'deliberative' },
      ]);
      const copied = await listMembers(fresh.db, TODAY);
      const byName = (a: { lastName: string | null; structureName: string | null }, b: typeof a) =>
        (a.lastName ?? a.structureName ?? '').localeCompare(b.lastName ?? b.structureName ?? '');
      expect(copied.map(essentials).sort(byName), format).toEqual(rows.map(essentials).sort(byName));
    }
  });

  it('creates nothing when the import fails: the collèges go with the members or not at all', async () => {
    const { rows } = await seeded();
    const path = join(files.dir, 'echec.csv');
    await exportMembers(rows, 'csv', path, YEAR);
    const fresh = await tempDatabase();
    databases.push(fresh);
    fresh.sqlite.exec(
      `CREATE TRIGGER simulated_failure BEFORE INSERT ON audit_log WHEN NEW.action = 'members.import' BEGIN SELECT RAISE(ABORT, 'échec simulé'); END`,
    );
    const error = await importFile(fresh, path, { undatedOn: CONSENTS_ON, createColleges: true }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^L'import a échoué, aucune ligne n'est enregistrée\. La base de données a refusé/,
    );
    expect((error as UserError).message).not.toContain('échec simulé');
    expect(await fresh.db.selectFrom('college').selectAll().execute()).toEqual([]);
    expect(await fresh.db.selectFrom('member').selectAll().execute()).toEqual([]);
  });

  it('writes an XLSX exceljs reads back: bold frozen header, widths, real dates, identifiers as text; it re-imports unchanged', async () => {
    const { database, rows } = await seeded();
    const path = join(files.dir, 'adherents.xlsx');
    await exportMembers(rows, 'xlsx', path, 2024);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Adhérents');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Civilité',
      'Nom',
      'Prénom',
      'Profession',
      'Spécialité',
      'RPPS',
      'ADELI',
      'Mode d’exercice',
      'Structure',
      'Type de structure',
      'FINESS ET',
      'Commune',
      'Code INSEE',
      'Téléphone',
      'Courriel',
      'Collège',
      'Date d’adhésion',
      'Date de sortie',
      'Consentement annuaire',
      'À jour 2024',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    expect(sheet.rowCount).toBe(6);
    const bernard = sheet.getRows(2, 5)!.find((row) => row.getCell(2).value === 'Bernard')!;
    expect(bernard.getCell(6).value).toBe(rpps('1000123456'));
    expect(bernard.getCell(17).value).toEqual(new Date('2024-03-05T00:00:00Z'));
    expect(bernard.getCell(17).numFmt).toBe('dd/mm/yyyy');

    const again = await importFile(database, path);
    expect(again.opened.sheetName).toBe('Adhérents');
    expect(again.preview.errors).toEqual([]);
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect((await readSpreadsheet(path)).rows.find((row) => row[1] === 'Bernard')?.[16]).toBe('2024-03-05');
  });

  it('neutralises every cell a spreadsheet could run as a formula, in CSV; XLSX keeps them as plain text; both re-import as typed', async () => {
    const cases: [string, string][] = [
      ["-1+1+cmd|' /C calc'!A0", "'-1+1+cmd|' /C calc'!A0"],
      ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
      ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
      ['+A1', "'+A1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ['-12', '-12'],
      ['-4,50', '-4,50'],
      ['-4.5', '-4.5'],
      ['-', "'-"],
      ['Dupont-Martin', 'Dupont-Martin'],
      ['', ''],
    ];
    for (const [value, expected] of cases) expect(neutraliseCell(value), JSON.stringify(value)).toBe(expected);

    const database = await newDatabase();
    const attack = "-1+1+cmd|' /C calc'!A0";
    await database.db
      .insertInto('member')
      .values([
        {
          kind: 'person',
          last_name: attack,
          first_name: '=1+1',
          profession_code: '60',
          phone: '+33 6 12 34 56 78',
          email: '@evil',
        },
        { kind: 'person', last_name: 'Sage', first_name: 'Anne', profession_code: '60', phone: '04 76 00 00 01' },
      ])
      .execute();
    const rows = filterMembers(await listMembers(database.db, TODAY), memberFiltersSchema.parse({ status: 'all' }));

    const csvPath = join(files.dir, 'injection.csv');
    await exportMembers(rows, 'csv', csvPath, YEAR);
    const lines = readFileSync(csvPath, 'utf8').slice(1).split('\r\n');
    const cells = lines.find((line) => line.includes('cmd|'))!.split(';');
    expect(cells.slice(1, 3)).toEqual([`'${attack}`, "'=1+1"]);
    expect(cells[13]).toBe("'+33 6 12 34 56 78");
    expect(cells[14]).toBe("'@evil");
    // No cell of the file starts with a formula character any more.
    for (const line of lines.slice(1))
      for (const cell of line.split(';')) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
    const csvBack = await readSpreadsheet(csvPath);
    expect(csvBack.rows.find((row) => row[2] === '=1+1')?.slice(1, 3)).toEqual([attack, '=1+1']);

    const xlsxPath = join(files.dir, 'injection.xlsx');
    await exportMembers(rows, 'xlsx', xlsxPath, YEAR);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.getRows(2, 2)!.find((candidate) => candidate.getCell(3).value === '=1+1')!;
    for (const column of [2, 3, 14, 15])
      expect(row.getCell(column).type, `colonne ${column}`).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe(attack);
    const xlsxBack = await readSpreadsheet(xlsxPath);
    expect(xlsxBack.rows.find((cells) => cells[2] === '=1+1')?.slice(1, 3)).toEqual([attack, '=1+1']);
  });

  it('exports the rows it is given (the caller filters), leaving erased members out', async () => {
    const { database, rows } = await seeded();
    const dupont = rows.find((row) => row.lastName === 'Dupont')!;
    await eraseMember(database.db, dupont.id, TODAY);
    const all = await listMembers(database.db, TODAY);
    const path = join(files.dir, 'actifs.csv');
    await exportMembers(
      filterMembers(all, memberFiltersSchema.parse({ status: 'all', kind: 'person' })),
      'csv',
      path,
      YEAR,
    );
    const lines = readFileSync(path, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3);
    expect(lines.join('\n')).not.toMatch(/MSP du Sud-Est|Membre anonymisé/);
  });

  it('reports an unwritable destination in French', async () => {
    const { rows } = await seeded();
    const error = await exportMembers(rows, 'csv', join(files.dir, 'absent', 'liste.csv'), YEAR).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/n'existe pas/);
  });
});
