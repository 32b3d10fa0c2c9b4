import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  cotisationHeaderField,
  importFields,
  matchCivility,
  matchPracticeMode,
  matchProfession,
  matchStructureType,
  parseEuroAmount,
  parseFrenchDate,
  splitFullName,
  suggestMapping,
} from '@shared/domain/import-mapping';
import {
  applyImport,
  closeImport,
  openImport,
  previewImport,
  readSpreadsheet,
} from '../../electron/services/members-import';
import { summariseZip } from '../../electron/services/members-import/zip';
import { setImportWorker } from '../../electron/services/members-import/reader';
import { importProgress } from '../../electron/services/members-import';
import { loadCommuneReference } from '../../electron/services/communes';
import { eraseMember } from '../../electron/services/members';
import { UserError } from '../../electron/services/errors';
import { tempDatabase, tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';
import { rpps, wrongKey, writeCsv, writeXlsx, writeZipBomb, type XlsxCell } from '../fixtures/imports/builders';

type TempDb = Awaited<ReturnType<typeof tempDatabase>>;
let database: TempDb;
let files: { dir: string; cleanup: () => void };
beforeEach(async () => {
  database = await tempDatabase();
  files = tempDir('maillage-import-');
});
afterEach(async () => {
  await database.dispose();
  files.cleanup();
});

const RPPS_A = rpps('1000123456');
const RPPS_B = rpps('1000987654');
const RPPS_C = rpps('1001112223');
const SMH = '38421'; // Saint-Martin-d'Hères
const EYBENS = '38158';
const POISAT = '38309';

async function addCollege(
  name: string,
  votingRight: 'deliberative' | 'consultative' = 'deliberative',
): Promise<number> {
  const row = await database.db
    .insertInto('college')
    .values({ name, voting_right: votingRight, seats: null, description: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const readFileSyncBuffer = (path: string) => readFileSync(path);
const members = () => database.db.selectFrom('member').selectAll().orderBy('id').execute();
const cotisations = () =>
  database.db.selectFrom('cotisation').selectAll().orderBy('member_id').orderBy('year').execute();

async function expectUserError(promise: Promise<unknown>, pattern: RegExp): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toMatch(pattern);
  return error as UserError;
}

/** Opens a file and previews it with the suggested mapping. */
async function openAndPreview(path: string, mapping?: (string | null)[]) {
  const opened = await openImport(path);
  const preview = await previewImport(database.db, opened.token, mapping ?? opened.mapping);
  return { opened, preview, mapping: mapping ?? opened.mapping };
}

// =================================================================================================================

describe('import mapping (pure)', () => {
  it('maps French headers in any order, spelling, case and accents, each field once', () => {
    expect(
      suggestMapping([
        'NOM',
        'Prenom',
        'Métier',
        'Ville',
        'CP',
        'Portable',
        'Mail',
        'Cot. 2024',
        'Cotisation 2025',
        'N° RPPS',
        'Téléphone',
        'Colonne inconnue',
      ]),
    ).toEqual([
      'nom',
      'prenom',
      'profession',
      'commune',
      'code_postal',
      'telephone',
      'email',
      'cotisation:2024',
      'cotisation:2025',
      'rpps',
      null,
      null,
    ]);
    const cases: [string, string | null][] = [
      ['Nom de famille', 'nom'],
      ['Prénom', 'prenom'],
      ['Profession', 'profession'],
      ['Spécialité', 'specialite'],
      ['RPPS', 'rpps'],
      ['Numéro RPPS', 'rpps'],
      ['ADELI', 'adeli'],
      ['Commune', 'commune'],
      ["Lieu d'exercice", 'commune'],
      ['Code postal', 'code_postal'],
      ['Tél.', 'telephone'],
      ['E-mail', 'email'],
      ['Email', 'email'],
      ['Courriel', 'email'],
      ['Adresse mail pro', 'email'],
      ["Date d'adhésion", 'date_adhesion'],
      ['Collège', 'college'],
      ['Nom et prénom', 'nom_prenom'],
      ["Mode d'exercice", 'mode_exercice'],
      ['Nom de la structure', 'structure'],
      ['FINESS ET', 'finess_et'],
      ['Code INSEE', 'code_insee'],
      ['Civ.', 'civilite'],
      ['Date de paiement 2025', 'cotisation_payee:2025'],
      ['À jour 2025', null],
      ['Date de sortie', null],
      ['', null],
    ];
    for (const [header, field] of cases) expect(suggestMapping([header])[0], header).toBe(field);
  });

  it('recognises cotisation columns by their year', () => {
    expect(cotisationHeaderField('Cotisation 2025')).toBe('cotisation:2025');
    expect(cotisationHeaderField('Cot. 2024 (€)')).toBe('cotisation:2024');
    expect(cotisationHeaderField('Adhésion 2023')).toBe('cotisation:2023');
    expect(cotisationHeaderField('Cotisation 2025 payée le')).toBe('cotisation_payee:2025');
    expect(cotisationHeaderField('Cotisation')).toBeNull();
    expect(cotisationHeaderField('Promotion 2025')).toBeNull();
    expect(importFields([2025]).map((field) => field.code)).toEqual(
      expect.arrayContaining(['nom', 'commune', 'cotisation:2025', 'cotisation_payee:2025']),
    );
    expect(importFields([2025]).find((field) => field.code === 'nom_prenom')?.label).toMatch(/Nom et prénom/);
  });

  it('parses French dates and euro amounts', () => {
    expect(parseFrenchDate('05/03/2025')).toBe('2025-03-05');
    expect(parseFrenchDate('5/3/25')).toBe('2025-03-05');
    expect(parseFrenchDate('2025-03-05')).toBe('2025-03-05');
    expect(parseFrenchDate('05.03.2025')).toBe('2025-03-05');
    expect(parseFrenchDate('1er mars 2025')).toBe('2025-03-01');
    expect(parseFrenchDate('31/02/2025')).toBeNull();
    expect(parseFrenchDate('bientôt')).toBeNull();
    expect(parseEuroAmount('45,00 €')).toBe(4500);
    expect(parseEuroAmount('45 €')).toBe(4500);
    expect(parseEuroAmount('1 234,50')).toBe(123450);
    expect(parseEuroAmount('1.234,50 €')).toBe(123450);
    expect(parseEuroAmount('45.5')).toBe(4550);
    expect(parseEuroAmount('quarante')).toBeNull();
    // The euro sign between digits is the decimal mark (« 45€00 » is 45 €, not 4 500 €).
    expect(parseEuroAmount('45€00')).toBe(4500);
    expect(parseEuroAmount('45€5')).toBe(4550);
    expect(parseEuroAmount('1 234€50')).toBe(123450);
    expect(parseEuroAmount('45€000')).toBeNull();
    expect(parseEuroAmount('45,50 €')).toBe(4550);
    expect(parseEuroAmount('1 234,50 €')).toBe(123450);
    expect(parseEuroAmount('45€')).toBe(4500);
    expect(parseEuroAmount('€45')).toBe(4500);
    expect(parseEuroAmount('€ 45,50')).toBe(4550);
    expect(parseEuroAmount('-5')).toBeNull();
    expect(parseEuroAmount('4,567')).toBeNull();
  });

  it('matches professions through aliases, feminine and plural forms, and civilities', () => {
    expect(matchProfession('Infirmière libérale')).toEqual({ code: '60' });
    expect(matchProfession('IDEL')).toEqual({ code: '60' });
    expect(matchProfession('infirmier·ère')).toEqual({ code: '60' });
    expect(matchProfession('Masseuse-kinésithérapeute')).toEqual({ code: '70' });
    expect(matchProfession('KINE')).toEqual({ code: '70' });
    expect(matchProfession('Médecin généraliste')).toEqual({ code: '10', specialty: 'SM54' });
    expect(matchProfession('Pédiatre')).toEqual({ code: '10', specialty: 'Pédiatrie' });
    expect(matchProfession('Sages-femmes')).toEqual({ code: '50' });
    expect(matchProfession('Pharmacienne')).toEqual({ code: '21' });
    expect(matchProfession('Chirurgienne-dentiste')).toEqual({ code: '40' });
    expect(matchProfession('Coordinatrice')).toEqual({ code: 'X-COORD' });
    expect(matchProfession('Kinésiologue')).toBeNull();
    expect(matchCivility('Madame')).toBe('Mme');
    expect(matchCivility('M')).toBe('M.');
    expect(matchCivility('Dr')).toBeNull();
    expect(matchPracticeMode('Libérale')).toBe('liberal');
    expect(matchPracticeMode('libéral et salarié')).toBe('mixte');
    expect(matchStructureType('Maison de santé pluriprofessionnelle (MSP)')).toBe('MSP');
    expect(matchStructureType('ehpad')).toBe('EHPAD');
  });

  it('splits a « nom et prénom » cell', () => {
    expect(splitFullName('BERNARD Camille')).toEqual({ lastName: 'BERNARD', firstName: 'Camille', civility: null });
    expect(splitFullName('Camille BERNARD')).toEqual({ lastName: 'BERNARD', firstName: 'Camille', civility: null });
    expect(splitFullName('Bernard, Camille')).toEqual({ lastName: 'Bernard', firstName: 'Camille', civility: null });
    expect(splitFullName('Mme Le Goff Anne')).toEqual({ lastName: 'Le Goff', firstName: 'Anne', civility: 'Mme' });
  });
});

// =================================================================================================================

describe('readSpreadsheet', () => {
  const header = ['Nom', 'Prénom', 'Profession', 'Commune'];
  const data = [
    ['Bérénice', 'Hélène', 'Infirmière', "Saint-Martin-d'Hères"],
    ['Lefèvre', 'François', 'Masseur-kinésithérapeute', 'Eybens'],
  ];

  it('reads a « ; » CSV in UTF-8 with BOM', async () => {
    const sheet = await readSpreadsheet(writeCsv(files.dir, 'adherents.csv', [header, ...data], ';', 'utf8-bom'));
    expect(sheet).toMatchObject({
      fileName: 'adherents.csv',
      encoding: 'UTF-8 avec BOM',
      separator: ';',
      sheetName: null,
      headers: header,
      rows: data,
    });
    expect(sheet.lines).toEqual([2, 3]);
  });

  it('reads a « , » CSV in Windows-1252 (French Excel), with quoted cells', async () => {
    const rows = [
      header,
      ...data,
      ['Nœud', 'Zoé', 'Sage-femme', 'Poisat, Isère'],
      ['Ça', 'Jérôme', 'Pédicure-podologue', 'Eybens'],
    ];
    const sheet = await readSpreadsheet(writeCsv(files.dir, 'export excel.csv', rows, ',', 'cp1252'));
    expect(sheet.encoding).toBe('Windows-1252');
    expect(sheet.separator).toBe(',');
    expect(sheet.rows[0]).toEqual(data[0]);
    expect(sheet.rows[2]).toEqual(['Nœud', 'Zoé', 'Sage-femme', 'Poisat, Isère']);
    expect(sheet.rows[3]?.[0]).toBe('Ça');
  });

  it('reads a tab-separated UTF-8 file and skips empty lines', async () => {
    const sheet = await readSpreadsheet(
      writeCsv(files.dir, 'liste.txt', [[], header, ['', '', '', ''], ...data], '\t', 'utf8'),
    );
    expect(sheet.encoding).toBe('UTF-8');
    expect(sheet.separator).toBe('tabulation');
    expect(sheet.headers).toEqual(header);
    expect(sheet.rows).toEqual(data);
    expect(sheet.headerLine).toBe(2);
    expect(sheet.lines).toEqual([4, 5]);
  });

  it('reads an XLSX: first non-empty sheet, header on the first non-empty row, dates in ISO, numbers as text', async () => {
    const path = await writeXlsx(
      files.dir,
      'adherents.xlsx',
      [
        ['N° RPPS', 'NOM', 'Date d’adhésion', 'Cotisation 2025'],
        [Number(RPPS_A), 'Bernard', new Date(Date.UTC(2025, 2, 5)), 45.5],
      ],
      { before: 2, emptySheetFirst: true },
    );
    const sheet = await readSpreadsheet(path);
    expect(sheet).toMatchObject({ encoding: null, separator: null, sheetName: 'Adhérents', headerLine: 3 });
    expect(sheet.rows).toEqual([[RPPS_A, 'Bernard', '2025-03-05', '45.5']]);
    expect(sheet.lines).toEqual([4]);
  });

  it('refuses old .xls files, other formats, empty files, header-only and header-less files, with French messages', async () => {
    writeFileSync(join(files.dir, 'vieux.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expectUserError(readSpreadsheet(join(files.dir, 'vieux.xls')), /enregistrez-le au format \.xlsx ou \.csv/);
    writeFileSync(join(files.dir, 'liste.pdf'), '%PDF-1.4');
    await expectUserError(readSpreadsheet(join(files.dir, 'liste.pdf')), /\.xlsx \(Excel\) et \.csv/);
    writeFileSync(join(files.dir, 'vide.csv'), '');
    await expectUserError(readSpreadsheet(join(files.dir, 'vide.csv')), /est vide/);
    writeFileSync(join(files.dir, 'blancs.csv'), '\uFEFF;;\r\n;;\r\n');
    await expectUserError(readSpreadsheet(join(files.dir, 'blancs.csv')), /aucune donnée/);
    await expectUserError(
      readSpreadsheet(writeCsv(files.dir, 'titres.csv', [header], ';', 'utf8')),
      /que la ligne des titres/,
    );
    await expectUserError(
      readSpreadsheet(
        writeCsv(files.dir, 'sans-titres.csv', [['Bernard', 'Camille', RPPS_A, 'camille@exemple.fr']], ';', 'utf8'),
      ),
      /titres des colonnes/,
    );
    await expectUserError(readSpreadsheet(join(files.dir, 'absent.csv')), /introuvable/);
    writeFileSync(join(files.dir, 'faux.xlsx'), 'ceci n’est pas un classeur');
    await expectUserError(readSpreadsheet(join(files.dir, 'faux.xlsx')), /n'est pas un classeur Excel lisible/);
  });

  it('refuses files over 50 000 rows', async () => {
    const lines = ['Nom;Prénom'];
    for (let i = 0; i < 50_001; i++) lines.push(`Nom${i};Prénom`);
    writeFileSync(join(files.dir, 'enorme.csv'), lines.join('\n'));
    await expectUserError(readSpreadsheet(join(files.dir, 'enorme.csv')), /limité à 50\s000 lignes/);
  });
});

// =================================================================================================================

describe('reading files that try to break the import', () => {
  const header = ['Nom', 'Prénom', 'Profession', 'Commune'];
  const data = [
    ['Bérénice', 'Hélène', 'Infirmière', "Saint-Martin-d'Hères"],
    ['Lefèvre', 'François', 'Masseur-kinésithérapeute', 'Eybens'],
  ];

  it('finds the header row below the title rows of an XLSX and says which row it took', async () => {
    const path = await writeXlsx(files.dir, 'export.xlsx', [
      ['Liste des adhérents — export du 01/12/2026'],
      ['CPTS Sud-Est Grenoblois', null, null, 'Page 1'],
      [],
      header,
      ...data,
    ]);
    const sheet = await readSpreadsheet(path);
    expect(sheet.headers).toEqual(header);
    expect(sheet.headerLine).toBe(4);
    expect(sheet.rows).toEqual(data);
    expect(sheet.lines).toEqual([5, 6]);
    expect(sheet.notes).toEqual([
      'Titres des colonnes lus sur la ligne 4 ; les 2 lignes au-dessus (« Liste des adhérents — export du 01/12/2026 »…) sont ignorées.',
    ]);
    const opened = await openImport(path);
    expect(opened.headerLine).toBe(4);
    expect(opened.notes).toEqual(sheet.notes);
    expect(opened.mapping).toEqual(['nom', 'prenom', 'profession', 'commune']);
    closeImport(opened.token);
  });

  it('finds the header row below a title line of a CSV, whatever its separator', async () => {
    const text = `Liste des adhérents — export du 01/12/2026\r\n\r\n${[header, ...data].map((row) => row.join(',')).join('\r\n')}\r\n`;
    writeFileSync(join(files.dir, 'titre.csv'), text);
    const sheet = await readSpreadsheet(join(files.dir, 'titre.csv'));
    expect(sheet.separator).toBe(',');
    expect(sheet).toMatchObject({ headers: header, rows: data, headerLine: 3, lines: [4, 5] });
    expect(sheet.notes).toEqual([
      'Titres des colonnes lus sur la ligne 3 ; la ligne 1 au-dessus, « Liste des adhérents — export du 01/12/2026 », est ignorée.',
    ]);
    // A file that starts with its header has no note.
    expect((await readSpreadsheet(writeCsv(files.dir, 'simple.csv', [header, ...data], ';', 'utf8'))).notes).toEqual(
      [],
    );
  });

  it('refuses a file over 20 Mo before reading it', async () => {
    const path = join(files.dir, 'enorme.csv');
    writeFileSync(path, 'Nom;Prénom\r\n');
    truncateSync(path, 21 * 1024 * 1024);
    await expectUserError(
      readSpreadsheet(path),
      /^Le fichier « enorme\.csv » pèse 21 Mo : l'import est limité à 20 Mo\./,
    );
  });

  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    const path = await writeZipBomb(files.dir, 'bombe.xlsx', 200 * 1024 * 1024);
    const size = statSync(path).size;
    expect(size).toBeLessThan(400 * 1024);
    const summary = summariseZip(readFileSyncBuffer(path), 'bombe.xlsx');
    expect(summary).toMatchObject({ entries: 1, uncompressedBytes: 200 * 1024 * 1024 });
    expect(summary.maxRatio).toBeGreaterThan(500);
    const heapBefore = process.memoryUsage().arrayBuffers;
    await expectUserError(
      readSpreadsheet(path),
      /^Le fichier « bombe\.xlsx » est refusé : ses \d+ Ko se décompresseraient en 200 Mo, ce qui n'est pas une liste d'adhérents ordinaire \(fichier piégé ou abîmé\)\./,
    );
    // Nothing was inflated: far less than the 200 Mo of the bomb were allocated.
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(50 * 1024 * 1024);
    // A real workbook passes the same check.
    const real = await writeXlsx(files.dir, 'vrai.xlsx', [header, ...data]);
    expect(summariseZip(readFileSyncBuffer(real), 'vrai.xlsx').uncompressedBytes).toBeGreaterThan(0);
    expect((await readSpreadsheet(real)).rows).toEqual(data);
  });

  it('reads a UTF-8 CSV with a stray Latin-1 byte: every accent right, the repaired line named', async () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const bytes = Buffer.concat([
      utf8('Nom;Prénom;Profession;Commune\r\n'),
      utf8("Bérénice;Hélène;Infirmière;Saint-Martin-d'Hères\r\n"),
      utf8('Lef'),
      Buffer.from([0xe8]), // « è » in Latin-1, pasted from an old file
      utf8('vre;François;Masseur-kinésithérapeute;Eybens\r\n'),
      utf8('Noël;Zoé;Sage-femme;Poisat\r\n'),
    ]);
    writeFileSync(join(files.dir, 'melange.csv'), bytes);
    const sheet = await readSpreadsheet(join(files.dir, 'melange.csv'));
    expect(sheet.encoding).toBe('UTF-8 (quelques caractères en Windows-1252)');
    expect(sheet.headers).toEqual(header);
    expect(sheet.rows).toEqual([...data, ['Noël', 'Zoé', 'Sage-femme', 'Poisat']]);
    expect(sheet.notes).toEqual([
      "Encodage mélangé : le fichier est en UTF-8, mais la ligne 3 contient des caractères d'un autre encodage, lus comme Windows-1252 (« é », « è »…). Vérifiez les accents de cette ligne dans l'aperçu.",
    ]);
    // A whole Windows-1252 file is still read as such, without a note.
    const cp1252 = await readSpreadsheet(writeCsv(files.dir, 'excel.csv', [header, ...data], ';', 'cp1252'));
    expect(cp1252).toMatchObject({ encoding: 'Windows-1252', rows: data, notes: [] });
  });
});

describe('reading in a worker thread', () => {
  /** The worker's TypeScript source, started through tsx's loader (the app starts the built import-worker.js). */
  function workerBootstrap(): string {
    const path = join(files.dir, 'import-worker.mjs');
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/esm/api/index.mjs')).href;
    const worker = pathToFileURL(resolve('electron/services/members-import/worker.ts')).href;
    writeFileSync(path, `import { register } from '${tsx}';\nregister();\nawait import('${worker}');\n`);
    return path;
  }
  afterEach(() => setImportWorker(null));

  it('opens a file through the worker, with its progress, and brings back its French errors', async () => {
    setImportWorker(workerBootstrap());
    const rows = [
      ['Liste des adhérents'],
      ['Nom', 'Prénom', 'Profession', 'Commune'],
      ['Bernard', 'Camille', 'Infirmière', 'Eybens'],
    ];
    const path = await writeXlsx(files.dir, 'par-le-worker.xlsx', rows);
    const seen: string[] = [];
    const timer = setInterval(() => {
      const now = importProgress();
      if (now) seen.push(`${now.phase} ${now.percent}`);
    }, 1);
    const opened = await openImport(path).finally(() => clearInterval(timer));
    expect(opened).toMatchObject({ headers: rows[1], headerLine: 2, rowCount: 1, sample: [rows[2]] });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((entry) => entry.startsWith('lecture '))).toBe(true);
    expect(importProgress()).toBeNull();
    const preview = await previewImport(database.db, opened.token, opened.mapping);
    expect(preview.toCreate.map((row) => row.displayName)).toEqual(['BERNARD Camille']);

    const bomb = await writeZipBomb(files.dir, 'bombe.xlsx', 200 * 1024 * 1024);
    await expectUserError(
      openImport(bomb),
      /^Le fichier « bombe\.xlsx » est refusé : ses \d+ Ko se décompresseraient en 200 Mo/,
    );
    expect(importProgress()).toBeNull();
  });
});

describe('import preview', () => {
  it('opens a file with a suggested mapping, a sample and the field list', async () => {
    const path = writeCsv(
      files.dir,
      'a.csv',
      [
        ['Nom', 'Prénom', 'Métier', 'Cot. 2024'],
        ['Bernard', 'Camille', 'Médecin', '30'],
      ],
      ';',
      'utf8-bom',
    );
    const opened = await openImport(path);
    expect(opened).toMatchObject({
      fileName: 'a.csv',
      encoding: 'UTF-8 avec BOM',
      separator: ';',
      rowCount: 1,
      headers: ['Nom', 'Prénom', 'Métier', 'Cot. 2024'],
      mapping: ['nom', 'prenom', 'profession', 'cotisation:2024'],
      sample: [['Bernard', 'Camille', 'Médecin', '30']],
    });
    expect(opened.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.fields.map((field) => field.code)).toContain('cotisation:2024');
  });

  it('builds members from an XLSX with odd headers: Date cell, number RPPS, phone without its 0, commune in capitals, collège by name', async () => {
    const collegeId = await addCollege('Professionnels de santé libéraux');
    const rows: XlsxCell[][] = [
      [
        'N° RPPS',
        'NOM',
        'Prenom',
        'Métier',
        'Ville',
        'CP',
        'Portable',
        'E-mail',
        "Date d'adhésion",
        'Cot. 2025',
        'Collège',
        'Civ.',
      ],
      [
        Number(RPPS_A),
        'BERNARD',
        'CAMILLE',
        'Médecin généraliste',
        "ST MARTIN D'HERES",
        38400,
        612345678,
        'Camille.Bernard@Exemple.fr',
        new Date(Date.UTC(2025, 2, 5)),
        45,
        'professionnels de sante liberaux',
        'Madame',
      ],
      [
        null,
        'Dupont',
        'Marie',
        'Infirmière libérale',
        'Eybens',
        null,
        '04.76.00.00.02',
        'marie@exemple.fr',
        '12/01/2024',
        '40,00 €',
        null,
        'Mme',
      ],
      [null, 'Martin', 'Luc', 'Kiné', null, '38320', null, null, null, null, null, null],
    ];
    const { preview } = await openAndPreview(await writeXlsx(files.dir, 'odd.xlsx', rows));
    expect(preview.errors).toEqual([]);
    expect(preview.total).toBe(3);
    expect(preview.toCreate.map((row) => [row.line, row.displayName, row.professionLabel, row.communeName])).toEqual([
      [2, 'BERNARD Camille', 'Médecin', "Saint-Martin-d'Hères"],
      [3, 'DUPONT Marie', 'Infirmier', 'Eybens'],
      // 38320 serves Eybens, Poisat, Herbeys…: no commune, but no error either.
      [4, 'MARTIN Luc', 'Masseur-Kinésithérapeute', null],
    ]);
    // No payment date in the file: never « today »; the preview asks for one date for the whole file.
    expect(preview.toCreate[0]!.changes).toEqual([
      'Cotisation 2025 : 45\u00a0€ non payée (le fichier ne donne pas de date de paiement)',
    ]);
    expect(preview.undated).toEqual({ cotisations: 2, consents: 0 });

    const result = await applyImport(
      database.db,
      preview.token,
      (await openImport(await writeXlsx(files.dir, 'odd2.xlsx', rows))).mapping,
    );
    expect(result).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      skippedErrors: 0,
      skippedDuplicates: 0,
      cotisations: 2,
      collegesCreated: [],
    });
    const [bernard, dupont] = await members();
    expect(bernard).toMatchObject({
      kind: 'person',
      civility: 'Mme',
      last_name: 'BERNARD',
      first_name: 'Camille',
      profession_code: '10',
      specialty: 'Médecine générale',
      rpps: RPPS_A,
      commune_code: SMH,
      phone: '06 12 34 56 78',
      email: 'camille.bernard@exemple.fr',
      college_id: collegeId,
      joined_on: '2025-03-05',
    });
    expect(dupont).toMatchObject({
      profession_code: '60',
      commune_code: EYBENS,
      phone: '04 76 00 00 02',
      joined_on: '2024-01-12',
      college_id: null,
    });
    const paid = await cotisations();
    expect(paid.map((row) => [row.member_id, row.year, row.amount_cents, row.mode])).toEqual([
      [bernard!.id, 2025, 4500, null],
      [dupont!.id, 2025, 4000, null],
    ]);
    expect(paid.map((row) => row.paid_on)).toEqual([null, null]);
  });

  it('gives a French reason for each bad row', async () => {
    await addCollege('Usagers', 'consultative');
    const header = [
      'Nom',
      'Prénom',
      'Profession',
      'RPPS',
      'Commune',
      "Date d'adhésion",
      'Courriel',
      'Collège',
      'Cotisation 2025',
    ];
    const rows = [
      header,
      ['Valide', 'Anne', 'Infirmière', RPPS_A, 'Eybens', '01/02/2025', '', '', ''], // 2
      ['Clef', 'Paul', 'Médecin', wrongKey(RPPS_B), 'Eybens', '', '', '', ''], // 3
      ['Inconnue', 'Lou', 'Kinésiologue', '', 'Eybens', '', '', '', ''], // 4
      ['Ailleurs', 'Jean', 'Infirmier', '', 'Saint-Martin', '', '', '', ''], // 5
      ['Nullepart', 'Eve', 'Infirmier', '', 'Zzyzx-les-Bains', '', '', '', ''], // 6
      ['', 'Sans', 'Infirmier', '', 'Eybens', '', '', '', ''], // 7
      ['Autre', 'Anne', 'Infirmière', RPPS_A, 'Eybens', '', '', '', ''], // 8: same RPPS as line 2
      ['Date', 'Léa', 'Infirmière', '', 'Eybens', '31/02/2025', '', '', ''], // 9
      ['Mail', 'Léo', 'Infirmier', '', 'Eybens', '', 'leo@', '', ''], // 10
      ['College', 'Max', 'Infirmier', '', 'Eybens', '', '', 'Bureau', ''], // 11
      ['Cotis', 'Zoé', 'Infirmière', '', 'Eybens', '', '', '', 'quarante'], // 12
      ['Valide', 'Anne', 'Infirmière', '', 'Eybens', '', '', '', ''], // 13: same name, profession, commune as line 2
    ];
    const path = writeCsv(files.dir, 'erreurs.csv', rows, ';', 'utf8-bom');
    const opened = await openImport(path);
    const preview = await previewImport(database.db, opened.token, opened.mapping, { createColleges: false });
    expect(preview.toCreate.map((row) => row.line)).toEqual([2]);
    const reasons = new Map(preview.errors.map((row) => [row.line, row.errors.join(' | ')]));
    expect(reasons.get(3)).toMatch(/RPPS n'est pas valide \(clé de contrôle incorrecte\)/);
    expect(reasons.get(4)).toBe('Profession inconnue : « Kinésiologue ».');
    expect(reasons.get(5)).toMatch(
      /^Commune ambiguë : \d+ communes s'appellent « Saint-Martin » .*Précisez le code postal/,
    );
    expect(reasons.get(6)).toMatch(/^Commune inconnue : « Zzyzx-les-Bains »/);
    expect(reasons.get(7)).toBe('Le nom est obligatoire.');
    expect(reasons.get(9)).toBe("Date d'adhésion invalide : « 31/02/2025 » (format attendu : jj/mm/aaaa).");
    expect(reasons.get(10)).toMatch(/adresse électronique « leo@ » n'est pas valide/);
    expect(reasons.get(11)).toBe(
      'Collège inconnu : « Bureau » (collèges existants : « Usagers »). Cochez « Créer les collèges manquants » ou créez-le dans Collèges.',
    );
    expect(reasons.get(12)).toMatch(/^Cotisation 2025 : montant illisible « quarante »/);
    expect(preview.errors).toHaveLength(9);
    // A second occurrence of the same person is a duplicate, skipped, not an error to correct.
    expect(preview.duplicates.map((row) => [row.line, row.errors, row.duplicate])).toEqual([
      [8, [], { of: 2, reason: 'même RPPS', firstImported: true, ignoredValues: ['Nom : Autre'] }],
      [13, [], { of: 2, reason: 'même nom, profession et commune', firstImported: true, ignoredValues: [] }],
    ]);

    // Rows in error and duplicates are skipped by the import, the others go in.
    const result = await applyImport(database.db, preview.token, suggestMapping(header), { createColleges: false });
    expect(result).toMatchObject({ created: 1, skippedErrors: 9, skippedDuplicates: 2 });
  });

  it('tells homonym communes apart with the postcode, the département or the territory', async () => {
    const reference = loadCommuneReference();
    const beaulieus = reference.communes.filter((commune) => commune.nom === 'Beaulieu' && commune.kind === 'commune');
    expect(beaulieus.length).toBeGreaterThan(2);
    const target = beaulieus.find(
      (commune) =>
        commune.codesPostaux.length === 1 &&
        beaulieus.filter((other) => other.codesPostaux.includes(commune.codesPostaux[0]!)).length === 1,
    )!;
    const other = beaulieus.find((commune) => commune !== target)!;
    await database.db.insertInto('territory_commune').values({ code_insee: other.code, cog_year: 2026 }).execute();
    const rows = [
      ['Nom', 'Profession', 'Commune', 'Code postal'],
      ['Un', 'Infirmier', 'Beaulieu', target.codesPostaux[0]!],
      ['Deux', 'Infirmier', `Beaulieu (${target.departementCode})`, ''],
      ['Trois', 'Infirmier', `${target.codesPostaux[0]} BEAULIEU`, ''],
      ['Quatre', 'Infirmier', 'Beaulieu', ''], // the one of the CPTS territory
      ['Cinq', 'Infirmier', target.code, ''], // INSEE code
      ['Six', 'Infirmier', '', '38400'], // a postcode alone, serving one commune
    ];
    const { preview } = await openAndPreview(writeCsv(files.dir, 'homonymes.csv', rows, ';', 'utf8'));
    expect(preview.errors).toEqual([]);
    expect(preview.toCreate.map((row) => row.communeName)).toEqual([
      'Beaulieu',
      'Beaulieu',
      'Beaulieu',
      'Beaulieu',
      'Beaulieu',
      "Saint-Martin-d'Hères",
    ]);
    const mapping = suggestMapping(rows[0]!);
    await applyImport(database.db, preview.token, mapping);
    expect((await members()).map((member) => member.commune_code)).toEqual([
      target.code,
      target.code,
      target.code,
      other.code,
      target.code,
      SMH,
    ]);
  });

  it('splits « nom et prénom », infers structures, and reads oui/non answers', async () => {
    const rows = [
      [
        'Nom et prénom',
        'Profession',
        'Structure',
        'Type de structure',
        'Commune',
        'Consentement annuaire',
        "Mode d'exercice",
      ],
      ['Mme DURAND Sophie', 'Orthophoniste', '', '', 'Poisat', 'oui', 'Libérale'],
      ['', '', 'MSP des Alpes', 'MSP', 'Eybens', 'non', ''],
      ['Paul ROBERT', 'Pharmacien', 'Pharmacie du Centre', '', 'Eybens', '15/06/2024', 'salarié'],
    ];
    const { preview } = await openAndPreview(writeCsv(files.dir, 'mixte.csv', rows, ';', 'utf8'));
    expect(preview.errors).toEqual([]);
    // « oui » without a date: the preview asks for the date the consents were collected.
    expect(preview.undated).toEqual({ cotisations: 0, consents: 1 });
    expect(preview.toCreate.map((row) => [row.displayName, row.professionLabel])).toEqual([
      ['DURAND Sophie', 'Orthophoniste'],
      ['MSP des Alpes', 'Maison de santé pluriprofessionnelle (MSP)'],
      ['ROBERT Paul', 'Pharmacien'],
    ]);
    await applyImport(database.db, preview.token, suggestMapping(rows[0]!), { undatedOn: '2026-01-15' });
    const [durand, msp, robert] = await members();
    expect(durand).toMatchObject({
      kind: 'person',
      civility: 'Mme',
      last_name: 'DURAND',
      first_name: 'Sophie',
      practice_mode: 'liberal',
      commune_code: POISAT,
    });
    expect(durand!.directory_consent_on).toBe('2026-01-15');
    expect(msp).toMatchObject({
      kind: 'structure',
      structure_name: 'MSP des Alpes',
      structure_type: 'MSP',
      last_name: null,
      directory_consent_on: null,
    });
    expect(robert).toMatchObject({
      last_name: 'ROBERT',
      first_name: 'Paul',
      practice_mode: 'salarie',
      directory_consent_on: '2024-06-15',
      structure_label: 'Pharmacie du Centre',
    });
  });

  it('updates a known member with the list of changes, never blanking stored values with empty cells', async () => {
    const collegeId = await addCollege('Libéraux');
    await database.db
      .insertInto('member')
      .values([
        {
          kind: 'person',
          last_name: 'Bernard',
          first_name: 'Camille',
          profession_code: '10',
          rpps: RPPS_A,
          commune_code: SMH,
          phone: '04 76 00 00 01',
          email: 'camille@exemple.fr',
          college_id: collegeId,
        },
        {
          kind: 'person',
          last_name: 'Dupont',
          first_name: 'Marie',
          profession_code: '60',
          commune_code: EYBENS,
          phone: '04 76 00 00 02',
          address: '1 rue des Alpes',
        },
        {
          kind: 'person',
          last_name: 'Petit',
          first_name: 'Jean',
          profession_code: '70',
          commune_code: POISAT,
          email: 'jean@exemple.fr',
        },
      ])
      .execute();
    await database.db
      .insertInto('cotisation')
      .values({ member_id: 3, year: 2025, amount_cents: 4000, paid_on: '2025-02-01', mode: 'cheque' })
      .execute();
    const rows = [
      ['RPPS', 'Nom', 'Prénom', 'Profession', 'Commune', 'Téléphone', 'Courriel', 'Adresse', 'Cotisation 2025'],
      // Matched by RPPS despite the other spelling of the name: new phone, email left empty (kept).
      [RPPS_A, 'BERNARD', 'camille', 'Médecin', "Saint-Martin-d'Hères", '06 11 22 33 44', '', '', ''],
      // Matched by name + profession + commune: the RPPS is added, the address kept.
      [RPPS_B, 'dupont', 'Marie', 'Infirmière', 'Eybens', '04 76 00 00 02', 'marie@exemple.fr', '', ''],
      // Same values: unchanged, the cotisation too.
      ['', 'Petit', 'Jean', 'Kinésithérapeute', 'Poisat', '', 'JEAN@exemple.fr', '', '40 €'],
    ];
    const { preview, mapping } = await openAndPreview(writeCsv(files.dir, 'maj.csv', rows, ';', 'utf8-bom'));
    expect(preview.errors).toEqual([]);
    expect(preview.toCreate).toEqual([]);
    expect(preview.toUpdate.map((row) => [row.line, row.matchedMemberId, row.matchedBy, row.changes])).toEqual([
      [2, 1, 'rpps', ['Téléphone : 04 76 00 00 01 → 06 11 22 33 44']],
      [3, 2, 'nom_profession_commune', [`RPPS : (vide) → ${RPPS_B}`, 'Courriel : (vide) → marie@exemple.fr']],
    ]);
    expect(preview.unchanged.map((row) => [row.line, row.matchedMemberId, row.changes])).toEqual([[4, 3, []]]);

    const result = await applyImport(database.db, preview.token, mapping);
    expect(result).toEqual({
      created: 0,
      updated: 2,
      unchanged: 1,
      skippedErrors: 0,
      skippedDuplicates: 0,
      cotisations: 0,
      collegesCreated: [],
    });
    const [bernard, dupont, petit] = await members();
    expect(bernard).toMatchObject({
      last_name: 'Bernard',
      first_name: 'Camille',
      phone: '06 11 22 33 44',
      email: 'camille@exemple.fr',
      college_id: collegeId,
    });
    expect(dupont).toMatchObject({ rpps: RPPS_B, address: '1 rue des Alpes', email: 'marie@exemple.fr' });
    expect(dupont!.search_key).toContain(RPPS_B);
    expect(petit).toMatchObject({ email: 'jean@exemple.fr' });
    expect(await cotisations()).toEqual([
      expect.objectContaining({ member_id: 3, amount_cents: 4000, paid_on: '2025-02-01', mode: 'cheque' }),
    ]);
  });

  it('updates a member from a file with only the RPPS and a cotisation with its payment date', async () => {
    await database.db
      .insertInto('member')
      .values({ kind: 'person', last_name: 'Bernard', first_name: 'Camille', profession_code: '10', rpps: RPPS_A })
      .execute();
    await database.db
      .insertInto('cotisation')
      .values({ member_id: 1, year: 2024, amount_cents: 3000, paid_on: '2024-03-01', mode: 'virement' })
      .execute();
    const rows = [
      ['Numéro RPPS', 'Cotisation 2024', 'Cotisation 2025', 'Date de paiement 2025'],
      [RPPS_A, '35,00 €', '45', '10/02/2025'],
    ];
    const { preview, mapping } = await openAndPreview(writeCsv(files.dir, 'cotis.csv', rows, ',', 'cp1252'));
    expect(mapping).toEqual(['rpps', 'cotisation:2024', 'cotisation:2025', 'cotisation_payee:2025']);
    expect(preview.toUpdate[0]!.changes).toEqual([
      'Cotisation 2024 : 30\u00a0€ payée le 01/03/2024 → 35\u00a0€ payée le 01/03/2024',
      'Cotisation 2025 : 45\u00a0€ payée le 10/02/2025',
    ]);
    expect(await applyImport(database.db, preview.token, mapping)).toMatchObject({ updated: 1, cotisations: 2 });
    expect((await cotisations()).map((row) => [row.year, row.amount_cents, row.paid_on, row.mode])).toEqual([
      [2024, 3500, '2024-03-01', 'virement'],
      [2025, 4500, '2025-02-10', null],
    ]);
    expect((await members())[0]).toMatchObject({ last_name: 'Bernard', profession_code: '10' });
  });

  it('re-importing the same file creates no duplicate', async () => {
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'RPPS', 'Commune', 'Cotisation 2025'],
      ['Bernard', 'Camille', 'Médecin', RPPS_A, 'Eybens', '45'],
      ['Dupont', 'Marie', 'Infirmière', '', 'Poisat', '40'],
      ['Durand', 'Luc', 'Kiné', '', '', ''],
      ['', '', '', '', '', ''],
    ];
    const path = writeCsv(files.dir, 'liste.csv', rows, ';', 'utf8-bom');
    const first = await openAndPreview(path);
    expect(await applyImport(database.db, first.opened.token, first.mapping)).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      skippedErrors: 0,
      skippedDuplicates: 0,
      cotisations: 2,
      collegesCreated: [],
    });
    const again = await openAndPreview(path);
    expect(again.preview.toCreate).toEqual([]);
    expect(again.preview.toUpdate).toEqual([]);
    expect(again.preview.unchanged.map((row) => row.matchedBy)).toEqual([
      'rpps',
      'nom_profession_commune',
      'nom_profession_commune',
    ]);
    expect(await applyImport(database.db, again.opened.token, again.mapping)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skippedErrors: 0,
      skippedDuplicates: 0,
      cotisations: 0,
      collegesCreated: [],
    });
    // A successful import closes the file: the same session cannot be applied twice.
    await expectUserError(applyImport(database.db, again.opened.token, again.mapping), /n’est plus ouvert/);
    await expectUserError(previewImport(database.db, again.opened.token, again.mapping), /n’est plus ouvert/);
    expect(await members()).toHaveLength(3);
    expect(await cotisations()).toHaveLength(2);
  });

  it('writes everything or nothing: a failure on the last write rolls the whole import back', async () => {
    database.sqlite.exec(
      `CREATE TRIGGER simulated_failure BEFORE INSERT ON cotisation WHEN NEW.amount_cents = 99900 BEGIN SELECT RAISE(ABORT, 'échec simulé'); END`,
    );
    await database.db
      .insertInto('member')
      .values({
        kind: 'person',
        last_name: 'Ancien',
        first_name: 'Membre',
        profession_code: '60',
        phone: '04 76 00 00 09',
      })
      .execute();
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'Téléphone', 'Cotisation 2025'],
      ['Ancien', 'Membre', 'Infirmier', '06 00 00 00 09', '40'],
      ['Nouveau', 'Un', 'Infirmier', '', '40'],
      ['Nouveau', 'Deux', 'Infirmier', '', '999'],
    ];
    const { preview, mapping } = await openAndPreview(writeCsv(files.dir, 'echec.csv', rows, ';', 'utf8'));
    expect(preview.errors).toEqual([]);
    await expectUserError(
      applyImport(database.db, preview.token, mapping),
      /^L'import a échoué, aucune ligne n'est enregistrée\. La base de données a refusé/,
    );
    expect(await members()).toEqual([expect.objectContaining({ last_name: 'Ancien', phone: '04 76 00 00 09' })]);
    expect(await cotisations()).toEqual([]);
    expect(await database.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
  });

  it('refuses an unknown token and an inconsistent mapping', async () => {
    await expectUserError(previewImport(database.db, 'jeton-inconnu', []), /n’est plus ouvert/);
    const path = writeCsv(
      files.dir,
      'm.csv',
      [
        ['Nom', 'Nom de famille'],
        ['A', 'B'],
      ],
      ';',
      'utf8',
    );
    const opened = await openImport(path);
    await expectUserError(previewImport(database.db, opened.token, ['nom']), /ne correspond pas au fichier/);
    await expectUserError(
      previewImport(database.db, opened.token, ['nom', 'nom']),
      /« Nom » est associé à deux colonnes/,
    );
    await expectUserError(previewImport(database.db, opened.token, ['nom', 'age']), /Champ d'import inconnu/);
    await expectUserError(previewImport(database.db, opened.token, [null, null]), /Associez au moins une colonne/);
    closeImport(opened.token);
    await expectUserError(applyImport(database.db, opened.token, ['nom', null]), /n’est plus ouvert/);
  });
});

// =================================================================================================================

describe('import: review fixes', () => {
  const NOW = new Date(2026, 5, 15, 10, 0, 0); // 15/06/2026
  const at = { now: NOW };
  const count = async () => (await members()).length;

  async function importFile(path: string, mapping?: (string | null)[]) {
    const opened = await openImport(path, at);
    const used = mapping ?? opened.mapping;
    const preview = await previewImport(database.db, opened.token, used, at);
    const result = await applyImport(database.db, opened.token, used, at);
    return { preview, result };
  }

  it('never duplicates a member on re-import when a row has no commune', async () => {
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'Commune'],
      ['Bernard', 'Camille', 'Infirmière', 'Eybens'],
      ['BERNARD', 'Camille', 'IDE', ''],
    ];
    const path = writeCsv(files.dir, 'sans-commune.csv', rows, ';', 'utf8');
    const first = await importFile(path);
    expect(first.result).toMatchObject({ created: 1, skippedErrors: 0, skippedDuplicates: 1 });
    expect(first.preview.errors).toEqual([]);
    expect(first.preview.duplicates.map((row) => [row.line, row.duplicate])).toEqual([
      [
        3,
        {
          of: 2,
          reason: 'même nom et profession, sans commune pour les distinguer',
          firstImported: true,
          ignoredValues: [],
        },
      ],
    ]);
    for (let i = 0; i < 3; i++) {
      const again = await importFile(path);
      expect(again.result.created).toBe(0);
      expect(await count()).toBe(1);
    }
    // The row without a commune alone matches the one member of that name.
    const alone = await importFile(writeCsv(files.dir, 'seul.csv', [rows[0]!, rows[2]!], ';', 'utf8'));
    expect(alone.preview.unchanged.map((row) => [row.matchedMemberId, row.matchedBy])).toEqual([
      [1, 'nom_profession_commune'],
    ]);
    expect(await count()).toBe(1);
  });

  it('refuses a row that several members of the same name could be, and creates a homonym of another commune', async () => {
    await database.db
      .insertInto('member')
      .values([
        { kind: 'person', last_name: 'Bernard', first_name: 'Camille', profession_code: '60', commune_code: EYBENS },
        { kind: 'person', last_name: 'Bernard', first_name: 'Camille', profession_code: '60', commune_code: POISAT },
        { kind: 'person', last_name: 'Petit', first_name: 'Jean', profession_code: '70', commune_code: null },
        { kind: 'person', last_name: 'Petit', first_name: 'Jean', profession_code: '70', commune_code: null },
        { kind: 'structure', structure_name: 'MSP des Alpes', structure_type: 'MSP', commune_code: EYBENS },
        { kind: 'structure', structure_name: 'MSP des Alpes', structure_type: 'MSP', commune_code: POISAT },
      ])
      .execute();
    const header = ['Nom', 'Prénom', 'Profession', 'Structure', 'Type de structure', 'Commune'];
    const rows = [
      header,
      ['Bernard', 'Camille', 'Infirmière', '', '', 'Poisat'], // 2: the one of Poisat
      ['Bernard', 'Camille', 'Infirmière', '', '', "Saint-Martin-d'Hères"], // 3: a homonym elsewhere
      ['Petit', 'Jean', 'Kiné', '', '', 'Eybens'], // 4: two members without commune
      ['', '', '', 'MSP des Alpes', 'MSP', ''], // 5: two structures of that name
    ];
    const path = writeCsv(files.dir, 'homonymes.csv', rows, ';', 'utf8');
    const { preview, result } = await importFile(path);
    const ambiguous =
      /^Plusieurs membres s'appellent ainsi \(2 fiches dans Maillage : .*\) : précisez la commune ou le RPPS pour savoir lequel mettre à jour\.$/;
    expect(preview.errors.map((row) => row.line)).toEqual([4, 5]);
    for (const row of preview.errors) expect(row.errors).toEqual([expect.stringMatching(ambiguous)]);
    expect(preview.errors[0]!.errors[0]).toContain('sans commune, sans commune');
    expect(preview.unchanged.map((row) => [row.line, row.matchedMemberId])).toEqual([[2, 2]]);
    expect(preview.toCreate.map((row) => row.line)).toEqual([3]);
    expect(result).toMatchObject({ created: 1, skippedErrors: 2 });
    await importFile(path);
    // Without a commune, Camille Bernard could be the one of Eybens, Poisat or Saint-Martin-d'Hères.
    const vague = await importFile(
      writeCsv(files.dir, 'vague.csv', [header, ['Bernard', 'Camille', 'Infirmière', '', '', '']], ';', 'utf8'),
    );
    expect(vague.preview.errors.map((row) => row.errors)).toEqual([
      [
        expect.stringMatching(
          /^Plusieurs membres s'appellent ainsi \(3 fiches dans Maillage : Eybens, Poisat, Saint-Martin-d'Hères\) : précisez la commune/,
        ),
      ],
    ]);
    expect(await count()).toBe(7);
  });

  it('flags structures of the same name as duplicates in the file when one has no commune', async () => {
    const rows = [
      ['Structure', 'Type de structure', 'Commune'],
      ['MSP des Alpes', 'MSP', 'Eybens'],
      ['MSP DES ALPES', 'MSP', ''],
    ];
    const path = writeCsv(files.dir, 'structures.csv', rows, ';', 'utf8');
    const first = await importFile(path);
    expect(first.preview.errors).toEqual([]);
    expect(first.preview.duplicates.map((row) => [row.line, row.duplicate?.of, row.duplicate?.reason])).toEqual([
      [3, 2, 'même structure, sans commune pour les distinguer'],
    ]);
    expect(first.result.created).toBe(1);
    for (let i = 0; i < 3; i++) await importFile(path);
    expect(await count()).toBe(1);
  });

  it('records the payment date of cotisations honestly', async () => {
    await database.db
      .insertInto('member')
      .values([
        { kind: 'person', last_name: 'Impaye', first_name: 'Paul', profession_code: '60', commune_code: EYBENS },
        { kind: 'person', last_name: 'Paye', first_name: 'Anne', profession_code: '60', commune_code: EYBENS },
      ])
      .execute();
    await database.db
      .insertInto('cotisation')
      .values([
        { member_id: 1, year: 2025, amount_cents: 4000, paid_on: null, mode: null },
        { member_id: 1, year: 2026, amount_cents: 4500, paid_on: null, mode: null },
        { member_id: 2, year: 2025, amount_cents: 4000, paid_on: '2025-03-01', mode: 'cheque' },
        { member_id: 2, year: 2026, amount_cents: 4500, paid_on: '2026-01-10', mode: 'cheque' },
      ])
      .execute();
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'Commune', 'Cotisation 2025', 'Cotisation 2026', 'Date de paiement 2026'],
      ['Impaye', 'Paul', 'Infirmier', 'Eybens', '40', '45', 'oui'], // 2: stored unpaid 2025 stays unpaid; « oui » 2026: today
      ['Paye', 'Anne', 'Infirmière', 'Eybens', '45', '45', ''], // 3: stored dates kept
      ['Neuf', 'Un', 'Infirmier', 'Eybens', '40', '45', ''], // 4: past year → 31/12; empty date cell → unpaid
      ['Neuf', 'Deux', 'Infirmier', 'Eybens', '', '45', '03/02/2026'], // 5: the date of the file
    ];
    const path = writeCsv(files.dir, 'paiements.csv', rows, ';', 'utf8');

    // Without a payment-date column, nothing is invented: unpaid, and the preview counts what has no date.
    const opened = await openImport(path, at);
    expect(opened.mapping).toEqual([
      'nom',
      'prenom',
      'profession',
      'commune',
      'cotisation:2025',
      'cotisation:2026',
      'cotisation_payee:2026',
    ]);
    const withoutDates = await previewImport(database.db, opened.token, [...opened.mapping.slice(0, 6), null], at);
    const undatedText = 'non payée (le fichier ne donne pas de date de paiement)';
    expect(withoutDates.toCreate.map((row) => row.changes)).toEqual([
      [`Cotisation 2025 : 40\u00a0€ ${undatedText}`, `Cotisation 2026 : 45\u00a0€ ${undatedText}`],
      [`Cotisation 2026 : 45\u00a0€ ${undatedText}`],
    ]);
    expect(withoutDates.undated).toEqual({ cotisations: 3, consents: 0 });
    // An existing cotisation keeps its stored date, even « not paid ».
    expect(withoutDates.unchanged.map((row) => row.line)).toEqual([2]);
    // One date for the whole file: the coordinator's, never today.
    const withFileDate = await previewImport(database.db, opened.token, [...opened.mapping.slice(0, 6), null], {
      ...at,
      undatedOn: '2026-03-31',
    });
    expect(withFileDate.toCreate.map((row) => row.changes)).toEqual([
      ['Cotisation 2025 : 40\u00a0€ payée le 31/03/2026', 'Cotisation 2026 : 45\u00a0€ payée le 31/03/2026'],
      ['Cotisation 2026 : 45\u00a0€ payée le 31/03/2026'],
    ]);
    await expectUserError(
      previewImport(database.db, opened.token, opened.mapping, { ...at, undatedOn: '2026-07-01' }),
      /^La date donnée pour tout le fichier \(01\/07\/2026\) est dans le futur/,
    );
    await expectUserError(
      previewImport(database.db, opened.token, opened.mapping, { ...at, undatedOn: '2026-02-31' }),
      /n'est pas une date valide/,
    );

    // With the payment-date column: « oui » is paid but undated (the stored date, else the file's date, else unpaid).
    const preview = await previewImport(database.db, opened.token, opened.mapping, at);
    expect(preview.errors).toEqual([]);
    expect(preview.undated).toEqual({ cotisations: 2, consents: 0 }); // line 2 « oui » 2026, line 4 2025 (no 2025 date column)
    expect(preview.toUpdate.map((row) => [row.line, row.changes])).toEqual([
      [3, ['Cotisation 2025 : 40\u00a0€ payée le 01/03/2025 → 45\u00a0€ payée le 01/03/2025']],
    ]);
    await applyImport(database.db, opened.token, opened.mapping, { ...at, undatedOn: '2026-04-30' });
    expect((await cotisations()).map((row) => [row.member_id, row.year, row.amount_cents, row.paid_on])).toEqual([
      [1, 2025, 4000, null],
      [1, 2026, 4500, '2026-04-30'],
      [2, 2025, 4500, '2025-03-01'],
      [2, 2026, 4500, '2026-01-10'],
      [3, 2025, 4000, '2026-04-30'],
      [3, 2026, 4500, null],
      [4, 2026, 4500, '2026-02-03'],
    ]);
    expect((await cotisations()).some((row) => row.paid_on === '2026-06-15')).toBe(false);
  });

  it('an AG held before the import date sees as voters those whose file said they paid before it', async () => {
    const header = [
      'Nom',
      'Prénom',
      'Profession',
      'Commune',
      'Collège',
      'Cotisation 2026',
      'Date de paiement 2026',
      'Consentement annuaire',
    ];
    const path = writeCsv(
      files.dir,
      'cotisations-2026.csv',
      [
        header,
        ['Avant', 'Anne', 'Infirmière', 'Eybens', 'Professionnels libéraux', '30', '15/03/2026', 'oui'],
        ['Veille', 'Vincent', 'Médecin', 'Poisat', 'Professionnels libéraux', '30', '17/06/2026', '02/02/2026'],
        ['Apres', 'Paul', 'Kiné', 'Eybens', 'Professionnels libéraux', '30', '20/09/2026', ''],
        ['Sansdate', 'Sam', 'Infirmier', 'Eybens', 'Professionnels libéraux', '30', '', ''],
      ],
      ';',
      'utf8',
    );
    // The import is done on 23 November 2026, five months after the AG of 18 June.
    const backend = await testBackend({ chooseOpenPath: async () => path, now: () => new Date('2026-11-23T14:05:00') });
    try {
      const { ok } = backend;
      await ok('cotisationRates.save', { year: 2026, memberType: 'professionnel', amountCents: 3000 });
      const meeting = await ok('meetings.create', {
        type: 'ago',
        title: 'Assemblée générale 2026',
        date: '2026-06-18',
        startTime: '18:30',
        endTime: '20:30',
        place: 'Eybens',
      });
      const opened = await ok('members.importOpen');
      if ('cancelled' in opened) throw new Error('fichier attendu');
      const options = { undatedOn: null, createColleges: true };
      const preview = await ok('members.importPreview', { token: opened.token, mapping: opened.mapping, options });
      expect(preview.missingColleges).toEqual([{ name: 'Professionnels libéraux', rows: 4 }]);
      expect(preview.undated).toEqual({ cotisations: 0, consents: 1 });
      const result = await ok('members.importApply', { token: opened.token, mapping: opened.mapping, options });
      expect(result).toMatchObject({ created: 4, cotisations: 4, collegesCreated: ['Professionnels libéraux'] });
      const paidOn = await backend.database.db
        .selectFrom('cotisation')
        .select('paid_on')
        .orderBy('member_id')
        .execute();
      expect(paidOn.map((row) => row.paid_on)).toEqual(['2026-03-15', '2026-06-17', '2026-09-20', null]);
      // Nothing is dated on the day of the import: neither payments nor the undated « oui ».
      const consents = await backend.database.db
        .selectFrom('member')
        .select('directory_consent_on')
        .orderBy('id')
        .execute();
      expect(consents.map((row) => row.directory_consent_on)).toEqual([null, '2026-02-02', null, null]);

      const state = await ok('ag.get', { meetingId: meeting.id });
      expect(state.voters.map((voter) => voter.name).sort()).toEqual(['AVANT Anne', 'VEILLE Vincent']);
      expect(state.nonVoters.map((member) => member.name).sort()).toEqual(['APRES Paul', 'SANSDATE Sam']);
    } finally {
      await backend.database.dispose();
    }
  });

  it('refuses a CSV with an unclosed quote, naming the line', async () => {
    writeFileSync(
      join(files.dir, 'guillemet.csv'),
      'Nom;Prénom;Profession\r\nBernard;Camille;Infirmière\r\n"Dupont;Marie;Infirmière\r\nMartin;Luc;Kiné\r\n',
    );
    await expectUserError(
      readSpreadsheet(join(files.dir, 'guillemet.csv')),
      /^Le fichier contient un guillemet non fermé vers la ligne 3 : corrigez-le ou enregistrez le fichier à nouveau depuis Excel\.$/,
    );
  });

  it('gives the real file line when a quoted cell holds line breaks', async () => {
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'Adresse'],
      ['Bernard', 'Camille', 'Infirmière', '1 rue des Alpes\nBâtiment B\nEscalier 2'],
      ['Dupont', 'Marie', 'Infirmière', ''],
      ['Martin', 'Luc', 'Kinésiologue', ''],
    ];
    const path = writeCsv(files.dir, 'adresses.csv', rows, ';', 'utf8-bom');
    const sheet = await readSpreadsheet(path);
    expect(sheet.lines).toEqual([2, 5, 6]);
    expect(sheet.rows[0]![3]).toBe('1 rue des Alpes\nBâtiment B\nEscalier 2');
    const { preview } = await openAndPreview(path);
    expect(preview.errors.map((row) => [row.line, row.errors])).toEqual([
      [6, ['Profession inconnue : « Kinésiologue ».']],
    ]);
  });

  it('closes the file after a successful import: a second apply is refused', async () => {
    const path = writeCsv(
      files.dir,
      'une-fois.csv',
      [
        ['Nom', 'Prénom', 'Profession'],
        ['Bernard', 'Camille', 'Infirmière'],
      ],
      ';',
      'utf8',
    );
    const opened = await openImport(path, at);
    expect(await applyImport(database.db, opened.token, opened.mapping, at)).toMatchObject({ created: 1 });
    await expectUserError(
      applyImport(database.db, opened.token, opened.mapping, at),
      /n’est plus ouvert \(import expiré/,
    );
    expect(await count()).toBe(1);
  });

  it('does not bring back a person erased at her request (RGPD)', async () => {
    await database.db
      .insertInto('member')
      .values([
        { kind: 'person', last_name: 'Efface', first_name: 'Eve', profession_code: '60', commune_code: EYBENS },
        { kind: 'person', last_name: 'Rpps', first_name: 'Paul', profession_code: '10', rpps: RPPS_C },
      ])
      .execute();
    await eraseMember(database.db, 1, '2026-06-01');
    await eraseMember(database.db, 2, '2026-06-01');
    const rows = [
      ['Nom', 'Prénom', 'Profession', 'RPPS', 'Commune'],
      ['EFFACE', 'Ève', 'Infirmière', '', 'Poisat'],
      ['Autre', 'Nom', 'Médecin', RPPS_C, ''],
      ['Nouvelle', 'Anne', 'Infirmière', '', 'Eybens'],
    ];
    const { preview, result } = await importFile(writeCsv(files.dir, 'efface.csv', rows, ';', 'utf8'));
    const message =
      "Cette personne a demandé l'effacement de ses données (RGPD) : elle n'est pas réimportée. Si elle revient, créez sa fiche à la main.";
    expect(preview.errors.map((row) => [row.line, row.errors])).toEqual([
      [2, [message]],
      [3, [message]],
    ]);
    expect(result).toMatchObject({ created: 1, skippedErrors: 2 });
  });
});
