import { describe, it, expect } from 'vitest';
import {
  calendarYearsCovered,
  contractYearAt,
  contractYears,
  deadlineStatus,
  expectedPayments,
  fonctionnementAmount,
  knownTotalCents,
  missionDeadlines,
  type ExpectedPayment,
} from '@shared/domain/aci';

/** Labels use non-breaking spaces before « : » and « % »: compare them as plain text. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/**
 * Sample envelopes of a taille 3 contract, year 5, seen in two signed contracts (domain notes §1.2): test data
 * only, never a default.
 */
const SAMPLE_T3_FIXED_CENTS = { acces: 9_000_000, parcours: 4_500_000, crise: 2_250_000 };

describe('contract years', () => {
  it('runs from anniversary to anniversary: signed on 19/12/2021, year 5 is 19/12/2025–18/12/2026', () => {
    const years = contractYears('2021-12-19');
    expect(years.map((year) => [year.index, year.startOn, year.endOn, year.days])).toEqual([
      [1, '2021-12-19', '2022-12-18', 365],
      [2, '2022-12-19', '2023-12-18', 365],
      [3, '2023-12-19', '2024-12-18', 366],
      [4, '2024-12-19', '2025-12-18', 365],
      [5, '2025-12-19', '2026-12-18', 365],
    ]);
    expect(years[4]!.label).toBe('Année 5');
    expect(years[4]!.periodLabel).toBe('du 19 décembre 2025 au 18 décembre 2026');
  });

  it('puts a 29 February anniversary on 28 February in the other years', () => {
    const years = contractYears('2024-02-29');
    expect(years.map((year) => [year.startOn, year.endOn, year.days])).toEqual([
      ['2024-02-29', '2025-02-27', 365],
      ['2025-02-28', '2026-02-27', 365],
      ['2026-02-28', '2027-02-27', 365],
      ['2027-02-28', '2028-02-28', 366],
      ['2028-02-29', '2029-02-27', 365],
    ]);
  });

  it('counts from the date anniversaire when it differs from the signature', () => {
    const years = contractYears('2023-07-09', '2023-09-01', 2);
    expect(years.map((year) => [year.startOn, year.endOn, year.days])).toEqual([
      ['2023-09-01', '2024-08-31', 366],
      ['2024-09-01', '2025-08-31', 365],
    ]);
    expect(contractYearAt(years, '2023-08-15')).toBeNull();
    expect(() => contractYears('2023-07-09', null, 0)).toThrow(RangeError);
  });

  it('finds the contract year of a date, none outside the contract', () => {
    const years = contractYears('2021-12-19');
    expect(contractYearAt(years, '2021-12-18')).toBeNull();
    expect(contractYearAt(years, '2021-12-19')?.index).toBe(1);
    expect(contractYearAt(years, '2022-12-18')?.index).toBe(1);
    expect(contractYearAt(years, '2022-12-19')?.index).toBe(2);
    expect(contractYearAt(years, '2026-01-15')?.index).toBe(5);
    expect(contractYearAt(years, '2026-12-18')?.index).toBe(5);
    expect(contractYearAt(years, '2026-12-19')).toBeNull();
  });

  it('splits a contract year over the calendar years of the rapport d’activité', () => {
    const year5 = contractYears('2021-12-19')[4]!;
    expect(calendarYearsCovered(year5)).toEqual([
      { year: 2025, startOn: '2025-12-19', endOn: '2025-12-31', days: 13 },
      { year: 2026, startOn: '2026-01-01', endOn: '2026-12-18', days: 352 },
    ]);
    const january = contractYears('2024-01-01')[0]!;
    expect(calendarYearsCovered(january)).toEqual([
      { year: 2024, startOn: '2024-01-01', endOn: '2024-12-31', days: 366 },
    ]);
  });
});

describe('mission deadlines', () => {
  it('counts 6 and 18 months for accès, 12 and 24 for parcours and prévention, none for optional missions', () => {
    expect(missionDeadlines('2021-12-19', 'acces', 'avenant_2')).toMatchObject({
      category: 'socle',
      startBy: '2022-06-19',
      deployBy: '2023-06-19',
      countedFrom: '2021-12-19',
      countedFromNote: null,
    });
    expect(missionDeadlines('2021-12-19', 'parcours', 'avenant_2')).toMatchObject({
      startBy: '2022-12-19',
      deployBy: '2023-12-19',
    });
    expect(missionDeadlines('2021-12-19', 'prevention', 'aci_2019')).toMatchObject({
      startBy: '2022-12-19',
      deployBy: '2023-12-19',
    });
    expect(missionDeadlines('2021-12-19', 'qualite', 'avenant_2')).toMatchObject({
      category: 'optionnelle',
      startBy: null,
      deployBy: null,
    });
  });

  it('ends a month-based delay on the last day of a shorter month', () => {
    expect(missionDeadlines('2021-08-31', 'acces', 'avenant_2')).toMatchObject({
      startBy: '2022-02-28',
      deployBy: '2023-02-28',
    });
    expect(missionDeadlines('2023-08-31', 'acces', 'avenant_2')?.startBy).toBe('2024-02-29');
  });

  it('counts the crisis mission from avenant 2’s entry into force for a contract signed before it', () => {
    const early = missionDeadlines('2020-06-15', 'crise', 'avenant_2')!;
    expect(early).toMatchObject({ countedFrom: '2022-04-01', startBy: '2022-10-01', deployBy: '2023-10-01' });
    expect(early.countedFromNote).toBe(
      'Mission en vigueur depuis le 1er avril 2022 (avenant 2) : délais comptés depuis cette date',
    );
    expect(missionDeadlines('2023-03-01', 'crise', 'avenant_2')).toMatchObject({
      countedFrom: '2023-03-01',
      startBy: '2023-09-01',
      deployBy: '2024-09-01',
    });
    expect(missionDeadlines('2020-06-15', 'crise', 'aci_2019')).toBeNull();
  });
});

describe('deadline status', () => {
  const deadline = '2023-03-15';

  it('warns 60 days ahead, the deadline day included', () => {
    expect(deadlineStatus(deadline, null, '2023-01-13')).toMatchObject({ code: 'a_venir', daysLeft: 61 });
    expect(plain(deadlineStatus(deadline, null, '2023-01-13')!.label)).toBe('À faire d’ici le 15 mars 2023');
    expect(deadlineStatus(deadline, null, '2023-01-14')).toMatchObject({ code: 'proche', daysLeft: 60 });
    const near = deadlineStatus(deadline, null, '2023-03-03')!;
    expect(near).toMatchObject({ code: 'proche', daysLeft: 12 });
    expect(plain(near.label)).toBe('Échéance dans 12 jours, le 15 mars 2023');
    expect(plain(deadlineStatus(deadline, null, '2023-03-15')!.label)).toBe('Échéance aujourd’hui, le 15 mars 2023');
    expect(deadlineStatus(deadline, null, '2023-02-20', 20)).toMatchObject({ code: 'a_venir', daysLeft: 23 });
  });

  it('flags a passed deadline with the days since', () => {
    const passed = deadlineStatus(deadline, null, '2023-03-20')!;
    expect(passed).toMatchObject({ code: 'depassee', daysLeft: -5 });
    expect(plain(passed.label)).toBe('Échéance dépassée depuis 5 jours, le 15 mars 2023');
    expect(plain(deadlineStatus(deadline, null, '2023-03-16')!.label)).toBe(
      'Échéance dépassée depuis 1 jour, le 15 mars 2023',
    );
  });

  it('says done, and done late, whatever today is', () => {
    expect(deadlineStatus(deadline, '2023-03-01', '2024-01-01')).toMatchObject({
      code: 'fait',
      label: 'Fait le 1er mars 2023',
      daysLeft: null,
    });
    expect(plain(deadlineStatus(deadline, '2023-04-02', '2024-01-01')!.label)).toBe(
      'Fait le 2 avril 2023, après l’échéance du 15 mars 2023',
    );
    expect(deadlineStatus(null, '2023-04-02', '2024-01-01')?.code).toBe('fait');
    expect(deadlineStatus(null, null, '2024-01-01')).toBeNull();
  });
});

describe('expected payments', () => {
  const fonctionnement = fonctionnementAmount('avenant_2', 3, '2021-12-19')!.amountCents;
  const payments = expectedPayments({
    signedOn: '2021-12-19',
    fonctionnementCents: [fonctionnement, fonctionnement, fonctionnement, fonctionnement, fonctionnement],
    missions: [
      { missionCode: 'acces', startOn: '2022-03-01', fixedCents: Array(5).fill(SAMPLE_T3_FIXED_CENTS.acces) },
      { missionCode: 'qualite', startOn: null, fixedCents: [1_500_000] },
    ],
  });
  const row = (payment: ExpectedPayment) => [
    payment.expectedOn,
    payment.kind,
    payment.missionCode,
    payment.yearIndex,
    payment.expectedCents,
  ];

  it('pays the first year of fonctionnement in full at signature, then 75 % at each anniversary and the balance a year later', () => {
    const rows = payments.filter((payment) => payment.kind === 'fonctionnement').map(row);
    expect(rows).toEqual([
      ['2021-12-19', 'fonctionnement', null, 1, 13_125_000],
      ['2022-12-19', 'fonctionnement', null, 2, 9_843_750],
      ['2023-12-19', 'fonctionnement', null, 2, 3_281_250],
      ['2023-12-19', 'fonctionnement', null, 3, 9_843_750],
      ['2024-12-19', 'fonctionnement', null, 3, 3_281_250],
      ['2024-12-19', 'fonctionnement', null, 4, 9_843_750],
      ['2025-12-19', 'fonctionnement', null, 4, 3_281_250],
      ['2025-12-19', 'fonctionnement', null, 5, 9_843_750],
      ['2026-12-19', 'fonctionnement', null, 5, 3_281_250],
    ]);
    const fonctionnementOnly = payments.filter((payment) => payment.kind === 'fonctionnement');
    expect(knownTotalCents(fonctionnementOnly)).toBe(5 * 13_125_000);
    expect(plain(fonctionnementOnly[0]!.label)).toBe('Fonctionnement, année 1 : versement intégral à la signature');
    expect(plain(fonctionnementOnly[1]!.label)).toBe('Fonctionnement, année 2 : avance de 75 %');
    expect(plain(fonctionnementOnly[2]!.label)).toBe('Fonctionnement, année 2 : solde');
  });

  it('prorates the first advance of a mission started mid-year: 293 days of 365 from 1 March 2022', () => {
    const acces = payments.filter((payment) => payment.missionCode === 'acces');
    // 90 000 € × 293 / 365 = 72 246,575… € → 72 246,58 €; 75 % = 54 184,935 € → 54 184,94 €; balance 18 061,64 €.
    expect(acces.slice(0, 4).map(row)).toEqual([
      ['2022-03-01', 'avance_fixe', 'acces', 1, 5_418_494],
      ['2022-12-19', 'solde_fixe', 'acces', 1, 1_806_164],
      ['2022-12-19', 'variable', 'acces', 1, null],
      ['2022-12-19', 'avance_fixe', 'acces', 2, 6_750_000],
    ]);
    expect(acces[0]!.proration).toEqual({ fromOn: '2022-03-01', toOn: '2022-12-19', days: 293, daysInYear: 365 });
    expect(plain(acces[0]!.label)).toBe(
      'Accès aux soins, année 1 : avance de 75 % de la part fixe, au prorata de 293 jours sur 365',
    );
    expect(plain(acces[2]!.label)).toBe('Accès aux soins, année 1 : part variable, selon l’atteinte des indicateurs');
    expect(acces[3]!.proration).toBeNull();
    // Five years of advance, balance and variable; the last ones fall on the fifth anniversary.
    expect(acces).toHaveLength(15);
    expect(acces.at(-1)).toMatchObject({ expectedOn: '2026-12-19', kind: 'variable', yearIndex: 5 });
    expect(acces.at(-2)).toMatchObject({ expectedOn: '2026-12-19', kind: 'solde_fixe', expectedCents: 2_250_000 });
  });

  it('expects nothing for a mission without a start date, and orders one anniversary’s payments', () => {
    expect(payments.some((payment) => payment.missionCode === 'qualite')).toBe(false);
    expect(payments).toHaveLength(9 + 15);
    const anniversary = payments.filter((payment) => payment.expectedOn === '2022-12-19');
    expect(anniversary.map((payment) => [payment.missionCode, payment.yearIndex, payment.part])).toEqual([
      [null, 2, 'avance'],
      ['acces', 1, 'solde'],
      ['acces', 1, 'variable'],
      ['acces', 2, 'avance'],
    ]);
  });

  it('prorates over 366 days in a contract year holding 29 February', () => {
    const [advance, balance] = expectedPayments({
      signedOn: '2023-07-09',
      fonctionnementCents: [],
      missions: [{ missionCode: 'parcours', startOn: '2024-01-10', fixedCents: [SAMPLE_T3_FIXED_CENTS.parcours] }],
    }).filter((payment) => payment.missionCode === 'parcours');
    // 45 000 € × 181 / 366 = 22 254,098… € → 22 254,10 €; 75 % = 16 690,575 € → 16 690,58 €; balance 5 563,52 €.
    expect(advance).toMatchObject({
      expectedOn: '2024-01-10',
      expectedCents: 1_669_058,
      proration: { days: 181, daysInYear: 366 },
    });
    expect(balance).toMatchObject({ expectedOn: '2024-07-09', expectedCents: 556_352 });
  });

  it('pays a full advance to a mission started on an anniversary, and clamps a start before the contract', () => {
    const rows = expectedPayments({
      signedOn: '2021-12-19',
      fonctionnementCents: [],
      yearCount: 2,
      missions: [
        { missionCode: 'crise', startOn: '2022-12-19', fixedCents: [null, SAMPLE_T3_FIXED_CENTS.crise] },
        { missionCode: 'prevention', startOn: '2021-11-01', fixedCents: [1_750_000, 1_750_000] },
        { missionCode: 'parcours', startOn: '2024-01-01', fixedCents: [4_500_000, 4_500_000] },
      ],
    });
    const crise = rows.filter((payment) => payment.missionCode === 'crise');
    expect(crise.map(row)).toEqual([
      ['2022-12-19', 'avance_fixe', 'crise', 2, 1_687_500],
      ['2023-12-19', 'solde_fixe', 'crise', 2, 562_500],
      ['2023-12-19', 'variable', 'crise', 2, null],
    ]);
    expect(crise[0]!.proration).toBeNull();
    const prevention = rows.filter((payment) => payment.missionCode === 'prevention');
    expect(prevention[0]).toMatchObject({ expectedOn: '2021-12-19', expectedCents: 1_312_500, proration: null });
    expect(rows.some((payment) => payment.missionCode === 'parcours')).toBe(false);
    // No fonctionnement entered: its payments are listed with an unknown amount.
    expect(rows.filter((payment) => payment.kind === 'fonctionnement').map((payment) => payment.expectedCents)).toEqual(
      [null, null, null],
    );
  });

  it('leaves the amounts of a year whose envelope is not entered unknown', () => {
    const rows = expectedPayments({
      signedOn: '2021-12-19',
      fonctionnementCents: [],
      yearCount: 2,
      missions: [{ missionCode: 'acces', startOn: '2022-03-01', fixedCents: [null, 9_000_000] }],
    });
    expect(rows.filter((payment) => payment.yearIndex === 1 && payment.missionCode).map(row)).toEqual([
      ['2022-03-01', 'avance_fixe', 'acces', 1, null],
      ['2022-12-19', 'solde_fixe', 'acces', 1, null],
      ['2022-12-19', 'variable', 'acces', 1, null],
    ]);
    expect(() => expectedPayments({ signedOn: '2021-12-19', fonctionnementCents: [12.5], missions: [] })).toThrow(
      /Fonctionnement, année 1 : montant invalide/,
    );
  });
});
