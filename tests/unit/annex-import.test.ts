import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { AnnexField, AnnexOpened } from '@shared/contract';
import type { DB } from '../../electron/db/schema';
import { trackingTable } from '../../electron/services/indicators';
import { tempDir } from '../helpers/db';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

/** An annex as a CPAM sends it: a title row, French headers, tiers « seuil → montant », and bad rows. */
const ANNEX_CSV = [
  'Annexe indicateurs – Année 5 (du 15/04/2026 au 14/04/2027);;;;;;;;;',
  'Mission;Code;Indicateur;Valeur initiale;Date valeur initiale;Cible;Paliers;Montant (€);Source;Justificatifs',
  'Accès aux soins;ACC-1;Patients en ALD sans médecin traitant;219;31/12/2025;;"≤ 50 → 9 000 € ; 51–100 → 6 000 € ; 101–219 → 3 000 €";9 000 €;Requête CPAM;Données statistiques CPAM',
  'Accès aux soins;ACC-2;Maintenir le partenariat en place avec la CPAM;;;;;2 000 €;Déclaratif CPTS;"Conventions signées ; Comptes rendus"',
  'Accès aux soins;ACC-3;Patients de plus de 70 ans sans médecin traitant;303;30/06/2025;203;;5 000 €;CPAM;',
  'Parcours pluriprofessionnels;PAR-1;Patients intégrés au parcours diabète;;;100;;20 000 €;;Bilans et évaluations',
  'Prévention;PRE-1;Dépistage organisé du cancer du sein;66,26 %;31/12/2024;;"socle 69,70 % → 1 000 € ; intermédiaire 72,40 % → 2 500 € ; objectif 75 % → 3 500 €";3 500 €;CPAM;',
  'Santé mentale;SM-1;Repérage de la souffrance psychique;;;10;;1 000 €;;',
  'Prévention;PRE-2;Dépistage du cancer du col de l’utérus;64,08 %;;;"66,70 % → 1 000 € ; 67,45 % → 2 000 € ; 68,20 % → 3 000 €";3 000,555 €;CPAM;',
  'Prévention;PRE-3;Dépistage du cancer colorectal;23,50 %;;;"25 % → 1 000 € ; 27 % → 2 000 € ; 26,10 % → 3 000 €";3 000 €;CPAM;',
  'Accès aux soins;ACC-1;Patients en ALD sans médecin traitant (doublon);219;;;"≤ 50 → 9 000 €";9 000 €;;',
  'Qualité et pertinence des soins;QUA-1;Réunions de partage d’expérience avec compte rendu;;;3;;15 000 €;;Comptes rendus',
].join('\r\n');

const MAPPING: (AnnexField | null)[] = [
  'mission',
  'code',
  'indicateur',
  'valeur_initiale',
  'date_valeur_initiale',
  'cible',
  'paliers',
  'montant',
  'source',
  'justificatifs',
];

let backend: Backend;
let files: { dir: string; cleanup: () => void };
let yearId: number;
let contractId: number;

async function insertYear(db: Kysely<DB>): Promise<void> {
  contractId = (
    await db
      .insertInto('aci_contract')
      .values({ number: '2022-093-017', aci_version: 'avenant_2', signed_on: '2022-04-15' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  yearId = (
    await db
      .insertInto('aci_contract_year')
      .values({ contract_id: contractId, year_index: 5, start_on: '2026-04-15', end_on: '2027-04-14', taille: 3 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const [mission, variable] of [
    ['acces', 35_000],
    ['parcours', 45_000],
    ['prevention', 17_500],
    ['qualite', 15_000],
  ] as const) {
    await db
      .insertInto('aci_envelope')
      .values({ contract_year_id: yearId, mission_code: mission, fixed_cents: 0, variable_max_cents: variable * 100 })
      .execute();
  }
}

async function snapshot(db: Kysely<DB>) {
  const rows: Record<string, unknown[]> = {};
  for (const table of [
    'indicator',
    'indicator_target',
    'indicator_tier',
    'evidence_requirement',
    'audit_log',
  ] as const) {
    rows[table] = await db.selectFrom(table).selectAll().execute();
  }
  return rows;
}

async function open(name: string, content: string | Buffer): Promise<AnnexOpened> {
  const path = join(files.dir, name);
  writeFileSync(path, content);
  backend.context.chooseOpenPath = async (purpose) => (purpose === 'annex-import' ? path : null);
  const opened = await backend.ok('annex.open');
  if ('cancelled' in opened) throw new Error('ouverture annulée');
  return opened;
}

beforeEach(async () => {
  files = tempDir('maillage-annexe-');
  backend = await testBackend();
  await insertYear(backend.database.db);
});
afterEach(async () => {
  await backend.database.dispose();
  files.cleanup();
});

describe('import of the annexe indicateurs', () => {
  it('finds the header under the title row and guesses every column', async () => {
    const opened = await open('annexe.csv', ANNEX_CSV);
    expect(opened.headerLine).toBe(2);
    expect(opened.rowCount).toBe(10);
    expect(opened.mapping).toEqual(MAPPING);
    expect(opened.notes[0]).toContain('ligne 2');
    expect(opened.fields.find((field) => field.code === 'paliers')?.label).toBe('Paliers « seuil → montant »');
  });

  it('previews each row, naming the reason of every bad one, and warns about mission totals', async () => {
    const opened = await open('annexe.csv', ANNEX_CSV);
    const before = await snapshot(backend.database.db);
    const preview = await backend.ok('annex.preview', {
      token: opened.token,
      contractYearId: yearId,
      mapping: MAPPING,
    });
    expect(await snapshot(backend.database.db)).toEqual(before);
    expect(preview.counts).toEqual({ create: 6, add_target: 0, unchanged: 0, error: 4 });
    const byLine = new Map(preview.rows.map((row) => [row.line, row]));
    expect(byLine.get(8)!.errors).toEqual([
      'Mission inconnue « Santé mentale » : accès aux soins, parcours, prévention, crises sanitaires, qualité ou accompagnement.',
    ]);
    expect(byLine.get(9)!.errors).toEqual([
      'Montant « 3 000,555 € » : un montant positif en euros et centimes est attendu (par exemple 3 500 €).',
    ]);
    expect(byLine.get(10)!.errors).toEqual([
      'Palier 3 : le seuil (26,1\u00a0%) doit être plus haut que celui du palier 2 (27\u00a0%) pour un indicateur à la hausse.',
    ]);
    expect(byLine.get(11)!.errors).toEqual([
      'Même indicateur que la ligne 3 du fichier : une seule ligne par indicateur.',
    ]);
    expect(byLine.get(3)!.summary).toBe(
      'Par paliers : ≤\u00a0219\u00a0→\u00a03\u00a0000\u00a0€ ; ≤\u00a0100\u00a0→\u00a06\u00a0000\u00a0€ ; ≤\u00a050\u00a0→\u00a09\u00a0000\u00a0€',
    );
    expect(byLine.get(4)!.summary).toBe('Tout ou rien : oui, 2\u00a0000\u00a0€');
    const acces = preview.missions.find((mission) => mission.missionCode === 'acces')!;
    expect(acces.indicatorsCents).toBe(1_600_000);
    expect(acces.warning).toBe(
      'Les indicateurs de la mission Amélioration de l’accès aux soins totalisent 16\u00a0000\u00a0€ pour une part variable de 35\u00a0000\u00a0€ (écart 19\u00a0000\u00a0€).',
    );
    expect(preview.missions.find((mission) => mission.missionCode === 'qualite')!.warning).toBeNull();
  });

  it('imports the valid rows in one go: indicators, targets and tiers the attainment maths read right', async () => {
    const opened = await open('annexe.csv', ANNEX_CSV);
    const result = await backend.ok('annex.apply', { token: opened.token, contractYearId: yearId, mapping: MAPPING });
    expect(result).toEqual({ indicatorsCreated: 6, targetsCreated: 6, requirementsCreated: 5, skipped: 4 });
    const db = backend.database.db;
    expect(await db.selectFrom('indicator_tier').select('id').execute()).toHaveLength(6);
    const table = await trackingTable(db, yearId);
    const line = (code: string) =>
      table.missions.flatMap((mission) => mission.indicators).find((entry) => entry.indicator.code === code)!;
    const ald = line('ACC-1');
    expect(ald.indicator).toMatchObject({
      direction: 'baisse',
      valueType: 'nombre',
      baselineValue: 219,
      baselineOn: '2025-12-31',
      dataSource: 'cpam',
      kind: 'resultat',
    });
    expect(ald.target!.tiers.map((tier) => [tier.threshold, tier.amountCents])).toEqual([
      [219, 300_000],
      [100, 600_000],
      [50, 900_000],
    ]);
    expect(line('PRE-1').indicator).toMatchObject({ valueType: 'taux', direction: 'hausse', baselineValue: 66.26 });
    expect(line('PRE-1').target!.tiers.map((tier) => tier.label)).toEqual(['socle', 'intermédiaire', 'objectif']);
    expect(line('ACC-2').indicator).toMatchObject({ valueType: 'oui_non', kind: 'moyens', dataSource: 'cpts' });
    expect(line('ACC-2').target).toMatchObject({ paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: 200_000 });
    expect(line('ACC-2').evidence.required).toBe(2);
    expect(line('ACC-3').indicator.direction).toBe('baisse');
    expect(line('ACC-3').target).toMatchObject({ paymentRule: 'tout_ou_rien', targetValue: 203, maxCents: 500_000 });
    expect(table.missions.find((mission) => mission.missionCode === 'prevention')!.indicators).toHaveLength(1);
    // A measure of 87 for ALD sans MT reaches the second tier, as the annex says.
    await backend.ok('indicators.saveMeasure', {
      indicatorId: ald.indicator.id,
      contractYearId: yearId,
      value: 87,
      measuredOn: '2026-11-15',
      status: 'valide',
    });
    expect(line('ACC-1').target!.maxCents).toBe(900_000);
    const after = await trackingTable(db, yearId);
    const measured = after.missions[0]!.indicators.find((entry) => entry.indicator.code === 'ACC-1')!;
    expect(measured.result!.earnedCents).toBe(600_000);
  });

  it('changes nothing when the same annex is imported again', async () => {
    const first = await open('annexe.csv', ANNEX_CSV);
    await backend.ok('annex.apply', { token: first.token, contractYearId: yearId, mapping: MAPPING });
    const before = await snapshot(backend.database.db);
    const again = await open('annexe-bis.csv', ANNEX_CSV);
    const preview = await backend.ok('annex.preview', { token: again.token, contractYearId: yearId, mapping: MAPPING });
    expect(preview.counts).toEqual({ create: 0, add_target: 0, unchanged: 6, error: 4 });
    expect(preview.rows.find((row) => row.code === 'QUA-1')!.notes).toEqual([
      'Cet indicateur a déjà une cible pour l’année 5 : elle reste inchangée.',
    ]);
    const result = await backend.ok('annex.apply', { token: again.token, contractYearId: yearId, mapping: MAPPING });
    expect(result).toEqual({ indicatorsCreated: 0, targetsCreated: 0, requirementsCreated: 0, skipped: 10 });
    expect(await snapshot(backend.database.db)).toEqual(before);
  });

  it('reads an XLSX annex with numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Annexe année 5');
    sheet.addRow(['Mission', 'Indicateur', 'Cible', 'Montant', 'Justificatifs']);
    sheet.addRow(['Parcours', 'Patients intégrés au parcours insuffisance cardiaque', 50, 11_000, 'Bilans']);
    sheet.addRow(['Accompagnement des professionnels', 'Accueil de stagiaires', 'oui', '3 500', '']);
    // A taux as Excel stores it: 0,75 shown « 75,00 % ».
    sheet.addRow(['Prévention', 'Dépistage du cancer du sein', 0.75, 3_500, '']).getCell(3).numFmt = '0.00%';
    const opened = await open('annexe.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(opened.mapping).toEqual(['mission', 'indicateur', 'cible', 'montant', 'justificatifs']);
    const result = await backend.ok('annex.apply', {
      token: opened.token,
      contractYearId: yearId,
      mapping: opened.mapping,
    });
    expect(result).toEqual({ indicatorsCreated: 3, targetsCreated: 3, requirementsCreated: 1, skipped: 0 });
    const targets = await backend.database.db
      .selectFrom('indicator_target')
      .innerJoin('indicator', 'indicator.id', 'indicator_target.indicator_id')
      .select(['indicator.mission_code', 'indicator.value_type', 'target_value', 'max_cents'])
      .orderBy('indicator.id')
      .execute();
    expect(targets).toEqual([
      { mission_code: 'parcours', value_type: 'nombre', target_value: 50, max_cents: 1_100_000 },
      { mission_code: 'accompagnement', value_type: 'oui_non', target_value: 1, max_cents: 350_000 },
      { mission_code: 'prevention', value_type: 'taux', target_value: 75, max_cents: 350_000 },
    ]);
  });

  it('refuses without writing: unknown year, missing mission column, expired file, not an annex', async () => {
    const opened = await open('annexe.csv', ANNEX_CSV);
    const before = await snapshot(backend.database.db);
    const unknownYear = await backend.call('annex.apply', {
      token: opened.token,
      contractYearId: 9999,
      mapping: MAPPING,
    });
    expect(unknownYear.ok).toBe(false);
    if (!unknownYear.ok) expect(unknownYear.error.message).toBe('Cette année de contrat n’existe pas ou plus.');
    const noMission = await backend.call('annex.apply', {
      token: opened.token,
      contractYearId: yearId,
      mapping: [null, ...MAPPING.slice(1)],
    });
    expect(noMission.ok).toBe(false);
    if (!noMission.ok) expect(noMission.error.message).toContain('Indiquez la colonne « Mission »');
    await backend.ok('annex.close', { token: opened.token });
    const expired = await backend.call('annex.apply', {
      token: opened.token,
      contractYearId: yearId,
      mapping: MAPPING,
    });
    expect(expired.ok).toBe(false);
    if (!expired.ok) expect(expired.error.message).toContain('n’est plus ouvert');
    expect(await snapshot(backend.database.db)).toEqual(before);
    const path = join(files.dir, 'adherents.csv');
    writeFileSync(path, 'Nom;Prénom;Profession\r\nMartin;Claire;Infirmière\r\n');
    backend.context.chooseOpenPath = async () => path;
    const wrong = await backend.call('annex.open');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('ne ressemble à celles d’une annexe indicateurs');
    backend.context.chooseOpenPath = async () => null;
    expect(await backend.ok('annex.open')).toEqual({ cancelled: true });
  });
});
