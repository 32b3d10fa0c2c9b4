import { describe, it, expect, afterEach } from 'vitest';
import { sql } from 'kysely';
import { writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput, ContractDetail } from '@shared/contract';
import { testBackend } from '../helpers/handlers';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';
import { SAMPLE_CONTRACT, SAMPLE_ENVELOPES, seedContract } from '../fixtures/contract';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

/** Every row of every contract table, to show a refusal wrote nothing. */
async function dump(b: Backend): Promise<string> {
  const tables = [
    'aci_contract',
    'aci_contract_signatory',
    'aci_contract_year',
    'aci_contract_mission',
    'aci_envelope',
    'aci_payment',
    'aci_dialogue',
    'document',
    'document_link',
    'audit_log',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables)
    out[table] = (await sql.raw(`select * from ${table} order by rowid`).execute(b.database.db)).rows;
  return JSON.stringify(out);
}

/** Calls a channel that must be refused: checks the code, that nothing was written, and returns the error. */
async function refused<C extends Parameters<Backend['call']>[0]>(
  b: Backend,
  channel: C,
  input: ChannelInput<C>,
  code = 'invalid_input',
) {
  const before = await dump(b);
  const result = await b.call(channel, input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepté');
  expect(result.error.code).toBe(code);
  expect(await dump(b)).toBe(before);
  return result.error;
}

const euros = (amount: number) => amount * 100;
/** French typography puts non-breaking spaces in dates and counts: compare with plain spaces. */
const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');
const mission = (contract: ContractDetail, code: string) => contract.missions.find((row) => row.code === code)!;

describe('contract: creation', () => {
  it('generates five years from anniversary to anniversary and the socle missions with their deadlines', async () => {
    const b = await backend();
    const contract = await b.ok('contract.create', { ...SAMPLE_CONTRACT, optionalMissions: ['qualite'] });
    expect(contract.years.map((year) => [year.index, year.startOn, year.endOn])).toEqual([
      [1, '2022-04-01', '2023-03-31'],
      [2, '2023-04-01', '2024-03-31'],
      [3, '2024-04-01', '2025-03-31'],
      [4, '2025-04-01', '2026-03-31'],
      [5, '2026-04-01', '2027-03-31'],
    ]);
    expect(contract.years[0]!.label).toBe('Année 1');
    expect(contract.years[0]!.periodLabel).toBe('du 1er avril 2022 au 31 mars 2023');
    expect(contract.endOn).toBe('2027-03-31');
    // Today (23 November 2026, the test clock) falls in year 5.
    expect(contract.years.filter((year) => year.current).map((year) => year.index)).toEqual([5]);
    expect(contract.missions.map((row) => [row.code, row.category, row.startDeadlineOn, row.deployDeadlineOn])).toEqual(
      [
        ['acces', 'socle', '2022-10-01', '2023-10-01'],
        ['parcours', 'socle', '2023-04-01', '2024-04-01'],
        ['prevention', 'socle', '2023-04-01', '2024-04-01'],
        ['crise', 'socle', '2022-10-01', '2023-10-01'],
        ['qualite', 'optionnelle', null, null],
      ],
    );
    expect(contract.signatories.map((row) => [row.partyLabel, row.organisation])).toEqual([
      ['CPTS', 'CPTS Sud-Est Grenoblois'],
      ['CPAM', 'CPAM de l’Isère'],
      ['ARS', 'ARS Auvergne-Rhône-Alpes'],
    ]);
    expect(contract.aciVersionLabel).toBe('avenant 2');
    expect(contract.statusLabel).toBe('Actif');
  });

  it('starts the years on the anniversary date when it differs from the signature', async () => {
    const b = await backend();
    const contract = await b.ok('contract.create', {
      aciVersion: 'aci_2019',
      signedOn: '2021-12-10',
      anniversaryOn: '2021-12-19',
      signatories: [],
    });
    expect(contract.years[0]).toMatchObject({ startOn: '2021-12-19', endOn: '2022-12-18' });
    expect(contract.years[4]).toMatchObject({ startOn: '2025-12-19', endOn: '2026-12-18' });
    // The 2019 accord has no crisis mission, and no optional mission was chosen.
    expect(contract.missions.map((row) => row.code)).toEqual(['acces', 'parcours', 'prevention']);
    // Deadlines count from the signature, not from the anniversary.
    expect(mission(contract, 'acces').startDeadlineOn).toBe('2022-06-10');
  });

  it('lists the contracts, latest first', async () => {
    const b = await backend();
    const first = await b.ok('contract.create', { aciVersion: 'aci_2019', signedOn: '2019-12-01', status: 'echu' });
    const second = await b.ok('contract.create', { ...SAMPLE_CONTRACT, previousContractId: first.id });
    const list = await b.ok('contract.list');
    expect(list.map((row) => [row.id, row.startOn, row.endOn, row.statusLabel, row.previousContractId])).toEqual([
      [second.id, '2022-04-01', '2027-03-31', 'Actif', first.id],
      [first.id, '2019-12-01', '2024-11-30', 'Échu', null],
    ]);
  });
});

describe('contract: prefill', () => {
  it('starts a first contract from the CPTS record: number, dates and signatories', async () => {
    const b = await backend();
    const empty = await b.ok('contract.prefill');
    expect(empty.data).toMatchObject({ signedOn: null, status: 'en_preparation', signatories: [] });

    await b.ok('cpts.saveIdentity', { ...MINIMAL_IDENTITY, presidentName: 'Claire Vasseur', cpam: 'CPAM de l’Isère' });
    await b.ok('cpts.saveLifecycle', {
      aciSignedOn: '2022-04-01',
      aciContractNumber: 'CPTS-38-2022-004',
      aciAnniversaryOn: '2022-04-15',
    });
    const draft = await b.ok('contract.prefill');
    expect(draft.data).toMatchObject({
      number: 'CPTS-38-2022-004',
      signedOn: '2022-04-01',
      anniversaryOn: '2022-04-15',
      aciVersion: 'avenant_2',
      status: 'actif',
      previousContractId: null,
    });
    expect(draft.data.signatories?.map((row) => [row.party, row.organisation, row.name ?? null])).toEqual([
      ['cpts', 'CPTS Sud-Est Grenoblois', 'Claire Vasseur'],
      ['cpam', 'CPAM de l’Isère', null],
      ['ars', 'ARS Auvergne-Rhône-Alpes', null],
    ]);
    expect(draft.notes.join(' ')).toContain('Ma CPTS');

    // The draft is a valid contract as it stands.
    const contract = await b.ok('contract.create', draft.data as ChannelInput<'contract.create'>);
    expect(contract.years[0]!.startOn).toBe('2022-04-15');

    // Then the next draft is a renewal of it.
    const renewal = await b.ok('contract.prefill');
    expect(renewal.data).toMatchObject({ previousContractId: contract.id, signedOn: null, status: 'en_preparation' });
    expect(renewal.data.signatories?.map((row) => row.organisation)).toEqual([
      'CPTS Sud-Est Grenoblois',
      'CPAM de l’Isère',
      'ARS Auvergne-Rhône-Alpes',
    ]);
  });

  it('writes the active contract’s dates and number on the CPTS record, which its fiche and stages read', async () => {
    const b = await backend();
    await b.ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    const draft = await b.ok('contract.prefill');
    const contract = await b.ok('contract.create', {
      ...(draft.data as ChannelInput<'contract.create'>),
      number: 'CPTS-38-2023-011',
      signedOn: '2023-06-01',
      anniversaryOn: null,
      status: 'actif',
    });
    expect((await b.ok('cpts.get')).lifecycle).toMatchObject({
      aciSignedOn: '2023-06-01',
      aciContractNumber: 'CPTS-38-2023-011',
      aciAnniversaryOn: null,
    });

    // A later change of the active contract follows on the record; a contract in preparation leaves it alone.
    const { optionalMissions: _missions, ...contractData } = SAMPLE_CONTRACT;
    await b.ok('contract.update', {
      id: contract.id,
      data: { ...contractData, number: 'CPTS-38-2023-011-A', signedOn: '2023-06-01', anniversaryOn: '2023-07-01' },
    });
    expect((await b.ok('cpts.get')).lifecycle).toMatchObject({
      aciSignedOn: '2023-06-01',
      aciContractNumber: 'CPTS-38-2023-011-A',
      aciAnniversaryOn: '2023-07-01',
    });
    await b.ok('contract.update', {
      id: contract.id,
      data: { ...contractData, number: 'BROUILLON', signedOn: '2023-06-01', status: 'en_preparation' },
    });
    expect((await b.ok('cpts.get')).lifecycle.aciContractNumber).toBe('CPTS-38-2023-011-A');
  });
});

describe('contract: years, envelopes and payments', () => {
  it('keeps envelopes in cents, deduces the taille and shows the established fonctionnement with its source', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const year1 = contract.years[0]!;
    expect(year1.envelopes.map((row) => [row.missionCode, row.fixedCents, row.variableMaxCents])).toEqual(
      Object.entries(SAMPLE_ENVELOPES).map(([code, [fixed, variable]]) => [code, euros(fixed), euros(variable)]),
    );
    expect(year1).toMatchObject({
      taille: 3,
      tailleFromPopulation: true,
      population: 120_000,
      populationRefYear: 2021,
    });
    // Signed after 31 December 2021: the base amount of taille 3, derived (tag inf) from the majorated one.
    expect(year1.fonctionnement).toMatchObject({
      cents: euros(75_000),
      source: 'reference',
      sourceLabel: 'Montant établi de l’ACI',
      reference: { cents: euros(75_000), sourceTag: 'inf' },
    });
    expect(year1.totals).toEqual({
      fixedCents: euros(200_000),
      variableMaxCents: euros(190_000),
      maxCents: euros(465_000),
    });

    // An amount with cents round-trips exactly; an entered fonctionnement and taille win over the deduced ones.
    const saved = await b.ok('contract.saveYear', {
      yearId: contract.years[1]!.id,
      taille: 4,
      population: 120_000,
      fonctionnementCents: 8_123_456,
      envelopes: [{ missionCode: 'prevention', fixedCents: 1_750_001, variableMaxCents: 99 }],
    });
    const year2 = saved.years[1]!;
    expect(year2).toMatchObject({ taille: 4, tailleFromPopulation: false });
    expect(year2.fonctionnement).toMatchObject({
      cents: 8_123_456,
      source: 'saisi',
      reference: { cents: euros(90_000) },
    });
    expect(year2.envelopes.find((row) => row.missionCode === 'prevention')).toMatchObject({
      fixedCents: 1_750_001,
      variableMaxCents: 99,
    });
    // The other envelopes of the year are left as they were.
    expect(year2.envelopes).toHaveLength(6);
  });

  it('sets expected payments against received ones, with the gap', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const year1 = contract.years[0]!;
    const line = (kind: string, missionCode: string | null) =>
      year1.payments.filter((row) => row.kind === kind && row.missionCode === missionCode);

    // Fonctionnement of year 1: paid in full at the signature, received on 22 April.
    expect(line('fonctionnement', null)).toEqual([
      expect.objectContaining({
        expectedOn: '2022-04-01',
        expectedCents: euros(75_000),
        receivedCents: euros(75_000),
        gapCents: 0,
        status: 'recu',
        reference: 'VIR-2022-0422',
      }),
    ]);
    // Accès started on 15 September 2022: 198 days of 365 until the anniversary.
    // 90 000 € × 198 / 365 = 48 821,92 €; 75 % = 36 616,44 €; 36 000 € received.
    const [advance] = line('avance_fixe', 'acces');
    expect(advance).toMatchObject({
      expectedOn: '2022-09-15',
      expectedCents: 3_661_644,
      receivedCents: 3_600_000,
      gapCents: -61_644,
      status: 'recu_partiel',
      statusLabel: 'Reçu en partie',
    });
    expect(advance!.label).toContain('au prorata de 198 jours sur 365');
    expect(line('solde_fixe', 'acces')[0]).toMatchObject({ expectedOn: '2023-04-01', expectedCents: 1_220_548 });
    expect(line('variable', 'acces')[0]).toMatchObject({ expectedCents: null, status: 'en_retard' });
    // Prévention starts in year 2: nothing expected for it in year 1; accompagnement has no start date at all.
    expect(line('avance_fixe', 'prevention')).toEqual([]);
    expect(
      contract.years.flatMap((year) => year.payments).filter((row) => row.missionCode === 'accompagnement'),
    ).toEqual([]);
    // Parcours: 31 days → 382 192 c prorated; crise: 182 days → 1 121 918 c.
    const expected = euros(75_000) + 4_882_192 + 382_192 + 1_121_918;
    expect(year1.paymentTotals).toEqual({
      expectedCents: expected,
      receivedCents: euros(111_000),
      dueCents: expected,
      gapCents: euros(111_000) - expected,
    });
    expect(contract.totals.receivedCents).toBe(euros(111_000));

    // Recording the balance against its expected date answers that line; an unforeseen payment gets its own line.
    const recorded = await b.ok('contract.savePayment', {
      yearId: year1.id,
      kind: 'solde_fixe',
      missionCode: 'acces',
      expectedOn: '2023-04-01',
      receivedOn: '2023-04-20',
      receivedCents: 1_282_192,
    });
    const again = recorded.years[0]!;
    expect(again.payments.filter((row) => row.kind === 'solde_fixe' && row.missionCode === 'acces')).toEqual([
      expect.objectContaining({ expectedCents: 1_220_548, receivedCents: 1_282_192, gapCents: 61_644, status: 'recu' }),
    ]);
    const other = await b.ok('contract.savePayment', {
      yearId: year1.id,
      kind: 'autre',
      payer: 'ars',
      label: 'Aide FIR au démarrage',
      receivedOn: '2022-06-01',
      receivedCents: euros(20_000),
    });
    const fir = other.years[0]!.payments.find((row) => row.kind === 'autre')!;
    expect(fir).toMatchObject({
      label: 'Aide FIR au démarrage',
      payerLabel: 'ARS',
      expectedCents: null,
      gapCents: null,
    });
    expect(other.years[0]!.payments).toHaveLength(10 + 1);

    // Updating and deleting a recorded payment.
    const updated = await b.ok('contract.savePayment', {
      id: fir.paymentId,
      yearId: year1.id,
      kind: 'autre',
      payer: 'ars',
      receivedOn: '2022-06-01',
      receivedCents: euros(25_000),
    });
    expect(updated.years[0]!.payments.find((row) => row.kind === 'autre')!.receivedCents).toBe(euros(25_000));
    const deleted = await b.ok('contract.deletePayment', { id: fir.paymentId! });
    expect(deleted.years[0]!.payments.some((row) => row.kind === 'autre')).toBe(false);
  });

  it('records the dialogue de gestion of a year', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    expect(contract.years[0]!.dialogues).toEqual([
      expect.objectContaining({
        heldOn: '2023-05-15',
        variableValidatedCents: euros(62_000),
        targetsAmended: true,
        amendmentNote: 'Cible « ALD sans médecin traitant » abaissée à 50 patients.',
        minutes: null,
      }),
    ]);
    const dialogue = contract.years[0]!.dialogues[0]!;
    const updated = await b.ok('contract.saveDialogue', {
      id: dialogue.id,
      yearId: contract.years[0]!.id,
      heldOn: '2023-05-16',
      targetsAmended: false,
    });
    expect(updated.years[0]!.dialogues[0]).toMatchObject({
      heldOn: '2023-05-16',
      targetsAmended: false,
      outcome: null,
    });
    const removed = await b.ok('contract.deleteDialogue', { id: dialogue.id });
    expect(removed.years[0]!.dialogues).toEqual([]);
  });
});

describe('contract: refusals write nothing', () => {
  it('refuses a second active contract, a far anniversary and a mission the version does not have', async () => {
    const b = await backend();
    await b.ok('contract.create', SAMPLE_CONTRACT);
    const second = await refused(b, 'contract.create', { ...SAMPLE_CONTRACT, number: 'AUTRE', signedOn: '2027-04-01' });
    expect(second.fields?.status).toContain('Un autre contrat est déjà actif (n° CPTS-38-2022-004)');
    const far = await refused(b, 'contract.create', {
      ...SAMPLE_CONTRACT,
      status: 'en_preparation',
      anniversaryOn: '2024-01-01',
    });
    expect(far.fields?.anniversaryOn).toContain('La date anniversaire (1er janvier 2024)');
    const crisis2019 = await refused(b, 'contract.create', {
      aciVersion: 'aci_2019',
      signedOn: '2020-01-01',
      status: 'echu',
      optionalMissions: ['crise'],
    });
    expect(crisis2019.fields?.optionalMissions).toContain('n’existe pas dans la version « ACI CPTS de 2019 »');
    const missingDate = await refused(b, 'contract.create', { ...SAMPLE_CONTRACT, signedOn: null } as never);
    expect(missingDate.fields?.signedOn).toBe('Renseignez la date de signature du contrat.');
  });

  it('refuses mission, payment and dialogue dates outside the contract', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const early = await refused(b, 'contract.saveMission', {
      contractId: contract.id,
      missionCode: 'accompagnement',
      startedOn: '2021-01-01',
    });
    expect(early.message).toBe(
      'La date de démarrage de la mission « Accompagnement » (1er janvier 2021) est en dehors du contrat (du 1er avril 2022 au 31 mars 2027).',
    );
    expect(early.fields).toHaveProperty('startedOn');
    const late = await refused(b, 'contract.saveMission', {
      contractId: contract.id,
      missionCode: 'parcours',
      startedOn: '2023-03-01',
      deployedOn: '2027-04-01',
    });
    expect(late.fields?.deployedOn).toContain('(1er avril 2027) est en dehors du contrat');
    const backwards = await refused(b, 'contract.saveMission', {
      contractId: contract.id,
      missionCode: 'parcours',
      startedOn: '2023-03-01',
      deployedOn: '2023-02-01',
    });
    expect(backwards.fields?.deployedOn).toBe('Une mission ne peut pas être déployée avant d’avoir démarré.');

    const year1 = contract.years[0]!.id;
    const before = await refused(b, 'contract.savePayment', {
      yearId: year1,
      kind: 'fonctionnement',
      receivedOn: '2022-03-31',
      receivedCents: 100,
    });
    expect(before.fields?.receivedOn).toContain(
      'La date de réception du versement (31 mars 2022) est en dehors du contrat',
    );
    // The last balance is paid at the final anniversary and may come late: up to a year after the end, not more.
    await refused(b, 'contract.savePayment', {
      yearId: year1,
      kind: 'variable',
      missionCode: 'acces',
      expectedOn: '2028-04-01',
    });
    const noMission = await refused(b, 'contract.savePayment', {
      yearId: year1,
      kind: 'avance_fixe',
      receivedCents: 100,
    });
    expect(noMission.fields).toHaveProperty('missionCode');
    const nothing = await refused(b, 'contract.savePayment', { yearId: year1, kind: 'autre' });
    expect(nothing.message).toContain('Renseignez au moins');

    const dialogue = await refused(b, 'contract.saveDialogue', { yearId: contract.years[1]!.id, heldOn: '2023-03-01' });
    expect(dialogue.fields?.heldOn).toContain('La date du dialogue de gestion (1er mars 2023)');
  });

  it('refuses negative, fractional-cent and non-numeric amounts with a French message', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const yearId = contract.years[0]!.id;
    const negative = await refused(b, 'contract.saveYear', {
      yearId,
      envelopes: [{ missionCode: 'acces', fixedCents: -100, variableMaxCents: 0 }],
    });
    expect(negative.fields?.['envelopes.0.fixedCents']).toBe('Le montant ne peut pas être négatif.');
    const fraction = await refused(b, 'contract.saveYear', {
      yearId,
      envelopes: [{ missionCode: 'acces', fixedCents: 0, variableMaxCents: 1234.5 }],
    });
    expect(fraction.fields?.['envelopes.0.variableMaxCents']).toBe(
      'Le montant doit être en euros et centimes, sans fraction de centime.',
    );
    const text = await refused(b, 'contract.saveYear', { yearId, fonctionnementCents: '75 000 €' } as never);
    expect(text.fields?.fonctionnementCents).toBe('Le montant doit être un nombre.');
    const payment = await refused(b, 'contract.savePayment', {
      yearId,
      kind: 'fonctionnement',
      receivedOn: '2022-05-01',
      receivedCents: -1,
    });
    expect(payment.fields?.receivedCents).toBe('Le montant ne peut pas être négatif.');
    const dialogue = await refused(b, 'contract.saveDialogue', {
      yearId,
      heldOn: '2023-05-01',
      variableValidatedCents: 0.5,
    });
    expect(dialogue.fields).toHaveProperty('variableValidatedCents');
  });

  it('refuses an envelope for a mission not in the contract, and removing a socle or used mission', async () => {
    const b = await backend();
    const contract = await b.ok('contract.create', { ...SAMPLE_CONTRACT, optionalMissions: ['qualite'] });
    const error = await refused(b, 'contract.saveYear', {
      yearId: contract.years[0]!.id,
      envelopes: [{ missionCode: 'accompagnement', fixedCents: 100, variableMaxCents: 100 }],
    });
    expect(error.fields?.['envelopes.0.missionCode']).toContain('« Accompagnement » ne figure pas au contrat');
    await refused(b, 'contract.removeMission', { contractId: contract.id, missionCode: 'acces' });
    await b.ok('contract.saveYear', {
      yearId: contract.years[0]!.id,
      envelopes: [{ missionCode: 'qualite', fixedCents: 100, variableMaxCents: 0 }],
    });
    await refused(b, 'contract.removeMission', { contractId: contract.id, missionCode: 'qualite' }, 'conflict');
  });

  it('refuses a shorter contract that would drop years holding targets or measures, and a version losing a mission', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const db = b.database.db;
    const year5 = contract.years[4]!.id;
    const { id: indicatorId } = await db
      .insertInto('indicator')
      .values({
        contract_id: contract.id,
        mission_code: 'acces',
        label: 'Patients en ALD sans médecin traitant',
        kind: 'resultat',
        value_type: 'nombre',
        direction: 'baisse',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator_target')
      .values({
        indicator_id: indicatorId,
        contract_year_id: year5,
        target_value: 50,
        payment_rule: 'tout_ou_rien',
        max_cents: 900_000,
      })
      .execute();
    await db
      .insertInto('indicator_measure')
      .values({ indicator_id: indicatorId, contract_year_id: year5, value: 61, measured_on: '2026-10-01' })
      .execute();
    const { id: _id, ...data } = { id: contract.id, ...SAMPLE_CONTRACT };
    const { optionalMissions: _missions, ...contractData } = data;
    const shorter = await refused(b, 'contract.update', {
      id: contract.id,
      data: { ...contractData, durationYears: 4 },
    });
    expect(shorter.fields?.durationYears).toBe(
      'Le contrat ne peut pas passer à 4 ans : les années retirées contiennent 1 cible, 1 mesure. Supprimez-les d’abord.',
    );
    const older = await refused(b, 'contract.update', {
      id: contract.id,
      data: { ...contractData, aciVersion: 'aci_2019' },
    });
    expect(older.fields).toHaveProperty('aciVersion');
  });

  it('refuses moving the contract so that recorded missions or payments fall outside it', async () => {
    const b = await backend();
    const contract = await seedContract(b);
    const { optionalMissions: _missions, ...data } = SAMPLE_CONTRACT;
    const later = await refused(b, 'contract.update', { id: contract.id, data: { ...data, signedOn: '2022-10-01' } });
    expect(plain(later.message)).toBe(
      'La date de démarrage de la mission « Accès aux soins » (15 septembre 2022) est en dehors du contrat (du 1er octobre 2022 au 30 septembre 2027).',
    );
    const payment = await refused(b, 'contract.update', { id: contract.id, data: { ...data, signedOn: '2022-06-01' } });
    expect(plain(payment.fields?.signedOn)).toBe(
      'La date de réception d’un versement enregistré (22 avril 2022) est en dehors du contrat (du 1er juin 2022 au 31 mai 2027).',
    );
  });

  it('answers not_found for rows that do not exist', async () => {
    const b = await backend();
    await refused(b, 'contract.get', { id: 4242 }, 'not_found');
    await refused(b, 'contract.saveYear', { yearId: 4242 }, 'not_found');
    await refused(b, 'contract.deletePayment', { id: 4242 }, 'not_found');
    await refused(b, 'contract.deleteDialogue', { id: 4242 }, 'not_found');
    await refused(b, 'contract.addDocument', { contractId: 4242 }, 'not_found');
  });
});

describe('contract: update', () => {
  it('moves the years with the anniversary, keeps their rows, and follows a longer duration or a newer version', async () => {
    const b = await backend();
    const created = await b.ok('contract.create', {
      aciVersion: 'aci_2019',
      signedOn: '2021-06-01',
      status: 'actif',
      signatories: [{ party: 'cpam', organisation: 'CPAM de l’Isère' }],
    });
    expect(created.missions.map((row) => row.code)).toEqual(['acces', 'parcours', 'prevention']);
    const updated = await b.ok('contract.update', {
      id: created.id,
      data: {
        aciVersion: 'avenant_2',
        signedOn: '2021-06-01',
        anniversaryOn: '2021-07-01',
        durationYears: 6,
        status: 'actif',
        signatories: [
          { party: 'cpam', organisation: 'CPAM de l’Isère' },
          { party: 'ars', organisation: 'ARS Auvergne-Rhône-Alpes' },
        ],
      },
    });
    expect(updated.years.map((year) => year.id).slice(0, 5)).toEqual(created.years.map((year) => year.id));
    expect(updated.years.map((year) => year.startOn)).toEqual([
      '2021-07-01',
      '2022-07-01',
      '2023-07-01',
      '2024-07-01',
      '2025-07-01',
      '2026-07-01',
    ]);
    // Avenant 2 adds the crisis mission; it came into force after the signature, so its delays count from then.
    const crise = mission(updated, 'crise');
    expect(crise).toMatchObject({ category: 'socle', startDeadlineOn: '2022-10-01', deployDeadlineOn: '2023-10-01' });
    expect(crise.deadlineNote).toContain('délais comptés depuis cette date');
    expect(updated.signatories.map((row) => row.partyLabel)).toEqual(['CPAM', 'ARS']);

    // A year without anything in it can go.
    const shorter = await b.ok('contract.update', {
      id: created.id,
      data: { aciVersion: 'avenant_2', signedOn: '2021-06-01', anniversaryOn: '2021-07-01', durationYears: 5 },
    });
    expect(shorter.years).toHaveLength(5);
  });
});

describe('contract: overview', () => {
  it('is empty before any contract', async () => {
    const b = await backend();
    expect(await b.ok('contract.overview')).toEqual({
      today: '2026-11-23',
      contract: null,
      currentYear: null,
      nextAnniversaryOn: null,
      nextDialogue: null,
      warnings: [],
    });
  });

  it('shows the current year, the next anniversary and dialogue, deadline statuses and what needs attention', async () => {
    const b = await backend();
    await seedContract(b);
    const overview = await b.ok('contract.overview');
    expect(overview.currentYear).toMatchObject({ index: 5, startOn: '2026-04-01', endOn: '2027-03-31' });
    expect(overview.nextAnniversaryOn).toBe('2027-04-01');
    // Year 1 had its dialogue; year 4 ended on 31 March 2026 without one.
    expect(overview.nextDialogue).toEqual({ yearIndex: 4, heldOn: null, dueAround: '2026-04-01' });
    const contract = overview.contract!;
    expect(mission(contract, 'acces').startStatus?.code).toBe('fait');
    expect(plain(mission(contract, 'acces').startStatus?.label)).toBe('Fait le 15 septembre 2022');
    expect(mission(contract, 'prevention').startStatus?.code).toBe('fait');
    expect(plain(mission(contract, 'prevention').startStatus?.label)).toBe(
      'Fait le 10 mai 2023, après l’échéance du 1er avril 2023',
    );
    expect(mission(contract, 'prevention').deployStatus?.code).toBe('depassee');
    expect(mission(contract, 'accompagnement')).toMatchObject({ startStatus: null, deployStatus: null });
    expect(overview.warnings.map(plain)).toContain(
      'Parcours, déploiement : Échéance dépassée depuis 966 jours, le 1er avril 2024.',
    );
    expect(
      overview.warnings.some((warning) => /versements attendus ne sont pas arrivés \(.+ au total\)\.$/.test(warning)),
    ).toBe(true);
    // Every year is entered: no amount left to enter.
    expect(overview.warnings.some((warning) => warning.includes('à saisir'))).toBe(false);
    // Totals over the five years.
    expect(contract.totals).toMatchObject({
      fixedCents: 5 * euros(200_000),
      variableMaxCents: 5 * euros(190_000),
      fonctionnementCents: 5 * euros(75_000),
    });

    // A dialogue planned ahead is the next one.
    await b.ok('contract.saveDialogue', { yearId: contract.years[4]!.id, heldOn: '2027-04-20' });
    expect((await b.ok('contract.overview')).nextDialogue).toEqual({
      yearIndex: 5,
      heldOn: '2027-04-20',
      dueAround: null,
    });
  });

  it('warns of a deadline within 60 days and of amounts to enter for the current year', async () => {
    const b = await backend();
    await b.ok('contract.create', { aciVersion: 'avenant_2', signedOn: '2026-07-01', status: 'actif' });
    const overview = await b.ok('contract.overview');
    const contract = overview.contract!;
    expect(mission(contract, 'acces').startStatus).toMatchObject({ code: 'proche', daysLeft: 39 });
    expect(plain(mission(contract, 'acces').startStatus?.label)).toBe('Échéance dans 39 jours, le 1er janvier 2027');
    expect(mission(contract, 'parcours').startStatus?.code).toBe('a_venir');
    expect(overview.warnings.map(plain)).toEqual([
      'Accès aux soins, démarrage : Échéance dans 39 jours, le 1er janvier 2027.',
      'Crises sanitaires, démarrage : Échéance dans 39 jours, le 1er janvier 2027.',
      // The fonctionnement of year 1 was due at the signature; its amount is not known yet.
      '1 versement attendu n’est pas arrivé.',
      'Année 1 : montant de fonctionnement à saisir (taille ou montant du contrat).',
      'Année 1 : enveloppes à saisir pour Accès aux soins, Parcours, Prévention, Crises sanitaires.',
    ]);
    expect(overview.nextDialogue).toEqual({ yearIndex: 1, heldOn: null, dueAround: '2027-07-01' });
  });
});

describe('contract: documents', () => {
  function withFile(b: { database: { dir: string } }, name: string) {
    const path = join(b.database.dir, name);
    writeFileSync(path, 'contenu du document');
    return path;
  }

  it('attaches the signed contract, a year’s annex and a dialogue’s minutes, and deletes them with their file', async () => {
    let next: string | null = null;
    const b = await backend({ chooseOpenPath: async () => next });
    const contract = await seedContract(b);
    expect(await b.ok('contract.addDocument', { contractId: contract.id, kind: 'contrat_signe' })).toEqual({
      cancelled: true,
    });

    next = withFile(b, 'contrat-signe.pdf');
    const signed = (await b.ok('contract.addDocument', {
      contractId: contract.id,
      kind: 'contrat_signe',
      title: 'Contrat ACI signé',
    })) as ContractDetail;
    expect(signed.documents).toEqual([
      expect.objectContaining({
        kindLabel: 'Contrat signé',
        title: 'Contrat ACI signé',
        fileName: 'contrat-signe.pdf',
      }),
    ]);

    next = withFile(b, 'annexe-annee-5.xlsx');
    const annex = (await b.ok('contract.addDocument', {
      contractId: contract.id,
      yearId: contract.years[4]!.id,
      kind: 'annexe_indicateurs',
    })) as ContractDetail;
    expect(annex.years[4]!.documents.map((row) => [row.kindLabel, row.fileName])).toEqual([
      ['Annexe indicateurs', 'annexe-annee-5.xlsx'],
    ]);
    expect(annex.documents).toHaveLength(1);
    // Year 5 now holds a document: the contract cannot lose that year.
    const { optionalMissions: _missions, ...data } = SAMPLE_CONTRACT;
    const shorter = await refused(b, 'contract.update', { id: contract.id, data: { ...data, durationYears: 4 } });
    expect(shorter.fields?.durationYears).toContain('les années retirées contiennent 1 document joint.');

    const dialogueId = contract.years[0]!.dialogues[0]!.id;
    next = withFile(b, 'compte-rendu-dialogue.pdf');
    const minutes = (await b.ok('contract.addDocument', { contractId: contract.id, dialogueId })) as ContractDetail;
    expect(minutes.years[0]!.dialogues[0]!.minutes).toMatchObject({ fileName: 'compte-rendu-dialogue.pdf' });
    expect(minutes.years[0]!.documents).toEqual([]);
    // One set of minutes per dialogue, refused before the file dialog.
    await refused(b, 'contract.addDocument', { contractId: contract.id, dialogueId }, 'conflict');

    const documentsDir = join(b.database.dir, 'documents');
    expect(readdirSync(documentsDir)).toHaveLength(3);
    const afterDelete = await b.ok('contract.deleteDocument', {
      contractId: contract.id,
      documentId: signed.documents[0]!.id,
    });
    expect(afterDelete.documents).toEqual([]);
    await b.ok('contract.deleteDialogue', { id: dialogueId });
    expect(readdirSync(documentsDir)).toHaveLength(1);
    expect(existsSync(join(documentsDir, readdirSync(documentsDir)[0]!))).toBe(true);
  });

  it('refuses an annex without its year before opening the file dialog', async () => {
    let asked = 0;
    const b = await backend({
      chooseOpenPath: async () => {
        asked += 1;
        return null;
      },
    });
    const contract = await b.ok('contract.create', SAMPLE_CONTRACT);
    const error = await refused(b, 'contract.addDocument', { contractId: contract.id, kind: 'annexe_indicateurs' });
    expect(error.fields?.yearId).toContain('se rattache à une année du contrat');
    expect(asked).toBe(0);
  });
});
