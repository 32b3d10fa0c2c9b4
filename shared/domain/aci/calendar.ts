/**
 * The calendar of an ACI contract: contract years from anniversary to anniversary (not calendar years), the
 * deadlines by which each socle mission must start and be deployed, and the payments the CPAM owes, by date.
 *
 * Payment rules (domain notes §1.1):
 * - fonctionnement (ACI art. 9.1) [V]: year 1 is paid in full at the signature; from year 2 on, an advance of 75 % at
 *   the start of the contract year, and the balance at the next anniversary;
 * - missions (contrat type art. 6.2) [V]: from the mission's start date, an advance of 75 % of the year's fixed
 *   envelope, prorated between the start date and the next anniversary; then at each anniversary (Sénat r25-0325)
 *   75 % of year N's fixed part, the balance of year N−1's fixed part and year N−1's variable part. The variable
 *   part depends on the indicators met: its amount is unknown until the dialogue de gestion.
 *
 * Proration [inf]: the fixed envelope of the year the mission starts is first prorated — envelope × days from the
 * start date (included) to the next anniversary (excluded) ÷ days in that contract year (365 or 366), rounded
 * half-up to the cent — then split into an advance of 75 % (rounded half-up to the cent) and its balance, so that
 * advance + balance always equal the prorated envelope.
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { dateLong, frenchSpacing, plural } from '@shared/format';
import {
  ACI_CONTRACT_YEARS,
  ACI_MISSIONS,
  aciMission,
  versionIntroducing,
  type AciMissionCategory,
  type AciMissionCode,
  type AciVersionCode,
} from './reference';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const plusDays = (isoDate: string, days: number) => iso(addDays(parseISO(isoDate), days));
const daysFrom = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

/** Non-negative integer division rounded half-up: the rounding of every amount below. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

// ---------------------------------------------------------------------------------------------------------------
// Contract years
// ---------------------------------------------------------------------------------------------------------------

export interface ContractYear {
  /** 1 to 5. */
  index: number;
  startOn: string;
  /** The day before the next anniversary. */
  endOn: string;
  /** 365 or 366. */
  days: number;
  /** « Année 2 » */
  label: string;
  /** « du 19 décembre 2022 au 18 décembre 2023 » */
  periodLabel: string;
}

/**
 * The contract years of a contract: year 1 starts on the date anniversaire (the signature date when none is set),
 * each year ends the day before the next anniversary. Anniversaries are counted from the first one, so a
 * 29 February anniversary falls on 28 February in the other years and on 29 February again in leap years.
 */
export function contractYears(
  signedOn: string,
  anniversaryOn?: string | null,
  count: number = ACI_CONTRACT_YEARS,
): ContractYear[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Nombre d’années de contrat invalide : ${count}`);
  const anchor = parseISO(anniversaryOn ?? signedOn);
  return Array.from({ length: count }, (_, offset) => {
    const startOn = iso(addYears(anchor, offset));
    const nextAnniversary = iso(addYears(anchor, offset + 1));
    const endOn = plusDays(nextAnniversary, -1);
    return {
      index: offset + 1,
      startOn,
      endOn,
      days: daysFrom(startOn, nextAnniversary),
      label: `Année ${offset + 1}`,
      periodLabel: `du ${dateLong(startOn)} au ${dateLong(endOn)}`,
    };
  });
}

/** The contract year a date falls in, or null outside the contract. */
export function contractYearAt(years: readonly ContractYear[], date: string): ContractYear | null {
  return years.find((year) => year.startOn <= date && date <= year.endOn) ?? null;
}

/** The part of a contract year that falls in one calendar year. */
export interface CalendarYearSlice {
  year: number;
  startOn: string;
  endOn: string;
  days: number;
}

/**
 * The calendar years a contract year overlaps, with the days of each: the rapport d'activité counts calendar years,
 * the contract counts from anniversary to anniversary. One slice when the anniversary is 1 January.
 */
export function calendarYearsCovered(year: Pick<ContractYear, 'startOn' | 'endOn'>): CalendarYearSlice[] {
  const first = Number(year.startOn.slice(0, 4));
  const last = Number(year.endOn.slice(0, 4));
  const slices: CalendarYearSlice[] = [];
  for (let calendarYear = first; calendarYear <= last; calendarYear++) {
    const startOn = calendarYear === first ? year.startOn : `${calendarYear}-01-01`;
    const endOn = calendarYear === last ? year.endOn : `${calendarYear}-12-31`;
    slices.push({ year: calendarYear, startOn, endOn, days: daysFrom(startOn, endOn) + 1 });
  }
  return slices;
}

// ---------------------------------------------------------------------------------------------------------------
// Mission deadlines
// ---------------------------------------------------------------------------------------------------------------

export interface MissionDeadlines {
  missionCode: AciMissionCode;
  category: AciMissionCategory;
  /** Date by which the mission must start; null when the CPTS chooses (optional mission). */
  startBy: string | null;
  /** Date by which the mission must be deployed; null when the CPTS chooses. */
  deployBy: string | null;
  /** The date the delays count from: the signature, or the entry into force of the version adding the mission. */
  countedFrom: string;
  /** Why the delays do not count from the signature, in French; null when they do. */
  countedFromNote: string | null;
}

/**
 * The start and deployment deadlines of a mission for a contract signed on `signedOn`, under a version of the ACI;
 * null when the version has no such mission. Delays count in calendar months from the signature (a 31 August
 * signature plus 6 months gives 28 or 29 February). For a mission added by a later version (the crisis mission,
 * avenant 2) to a contract signed before that version came into force, they count from its entry into force [inf].
 */
export function missionDeadlines(
  signedOn: string,
  missionCode: AciMissionCode,
  versionCode: AciVersionCode,
): MissionDeadlines | null {
  const mission = aciMission(versionCode, missionCode);
  if (!mission) return null;
  const introducedBy = versionIntroducing(missionCode);
  const lateAddition = introducedBy !== null && introducedBy.effectiveFrom > signedOn;
  const countedFrom = lateAddition ? introducedBy.effectiveFrom : signedOn;
  const after = (months: number | null) => (months === null ? null : iso(addMonths(parseISO(countedFrom), months)));
  return {
    missionCode,
    category: mission.category,
    startBy: after(mission.startDelayMonths),
    deployBy: after(mission.deployDelayMonths),
    countedFrom,
    countedFromNote: lateAddition
      ? `Mission en vigueur depuis le ${dateLong(countedFrom)} (${introducedBy.shortLabel}) : délais comptés depuis cette date`
      : null,
  };
}

export type DeadlineStatusCode = 'fait' | 'a_venir' | 'proche' | 'depassee';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatusCode, string> = {
  fait: 'Fait',
  a_venir: 'À venir',
  proche: 'Échéance proche',
  depassee: 'Échéance dépassée',
};

export interface DeadlineStatus {
  code: DeadlineStatusCode;
  /** A French sentence with the dates: « Échéance dans 12 jours, le 15 mars 2023 ». */
  label: string;
  /** Days from today to the deadline (negative once passed); null when done or without a deadline. */
  daysLeft: number | null;
}

/**
 * Where a deadline stands on `today`: done (whatever the deadline), passed, near (within `warnDays` days, the
 * deadline day included) or to come. Null for a step neither done nor due (an optional mission's calendar).
 */
export function deadlineStatus(
  deadline: string | null,
  doneOn: string | null,
  today: string,
  warnDays = 60,
): DeadlineStatus | null {
  if (doneOn) {
    const late = deadline !== null && doneOn > deadline;
    return {
      code: 'fait',
      label: frenchSpacing(`Fait le ${dateLong(doneOn)}${late ? `, après l’échéance du ${dateLong(deadline)}` : ''}`),
      daysLeft: null,
    };
  }
  if (deadline === null) return null;
  const daysLeft = daysFrom(today, deadline);
  const on = dateLong(deadline);
  if (daysLeft < 0) {
    return {
      code: 'depassee',
      label: frenchSpacing(`Échéance dépassée depuis ${plural(-daysLeft, 'jour')}, le ${on}`),
      daysLeft,
    };
  }
  if (daysLeft <= warnDays) {
    const when = daysLeft === 0 ? 'aujourd’hui' : `dans ${plural(daysLeft, 'jour')}`;
    return { code: 'proche', label: frenchSpacing(`Échéance ${when}, le ${on}`), daysLeft };
  }
  return { code: 'a_venir', label: frenchSpacing(`À faire d’ici le ${on}`), daysLeft };
}

// ---------------------------------------------------------------------------------------------------------------
// Expected payments
// ---------------------------------------------------------------------------------------------------------------

export const ACI_PAYMENT_KINDS = [
  'fonctionnement',
  'avance_fixe',
  'solde_fixe',
  'variable',
  'lettre_intention',
  'autre',
] as const;
export type AciPaymentKind = (typeof ACI_PAYMENT_KINDS)[number];

/** Which share of a year's amount a payment is. */
export type PaymentPart = 'integral' | 'avance' | 'solde' | 'variable';

export interface MissionPaymentPlan {
  missionCode: AciMissionCode;
  /** The mission's start date (actual, or planned when not started yet); no payment is expected without one. */
  startOn: string | null;
  /** Fixed envelope per contract year in cents, index 0 = year 1; null or missing when not entered. */
  fixedCents: ReadonlyArray<number | null>;
}

export interface ExpectedPaymentsInput {
  signedOn: string;
  anniversaryOn?: string | null;
  /** Number of contract years, 5 by default. */
  yearCount?: number;
  /** Fonctionnement per contract year in cents, index 0 = year 1; null or missing when not entered. */
  fonctionnementCents: ReadonlyArray<number | null>;
  missions: readonly MissionPaymentPlan[];
}

export interface Proration {
  fromOn: string;
  /** The next anniversary (excluded). */
  toOn: string;
  days: number;
  daysInYear: number;
}

export interface ExpectedPayment {
  kind: AciPaymentKind;
  part: PaymentPart;
  missionCode: AciMissionCode | null;
  /** The contract year the money is for (a balance paid at the anniversary belongs to the year just ended). */
  yearIndex: number;
  expectedOn: string;
  /** Null when unknown: the variable part until the dialogue de gestion, or an envelope not entered. */
  expectedCents: number | null;
  label: string;
  /** For the first advance of a mission that starts during a contract year. */
  proration: Proration | null;
}

const PART_ORDER: readonly PaymentPart[] = ['integral', 'solde', 'variable', 'avance'];
const MISSION_ORDER: readonly AciMissionCode[] = [...new Set(ACI_MISSIONS.map((mission) => mission.code))];

function missionName(code: AciMissionCode): string {
  return ACI_MISSIONS.find((mission) => mission.code === code)?.shortLabel ?? code;
}

function checkCents(cents: number | null | undefined, what: string): number | null {
  if (cents === null || cents === undefined) return null;
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError(`${what} : montant invalide (${cents})`);
  return cents;
}

/** The 75 % advance of an amount in cents and its balance, the advance rounded half-up to the cent. */
export function splitAdvance(cents: number): { advanceCents: number; balanceCents: number } {
  const advanceCents = divideHalfUp(cents * 3, 4);
  return { advanceCents, balanceCents: cents - advanceCents };
}

/** The share of a contract year from `fromOn` (included) to the next anniversary (excluded). */
export function prorationFrom(year: ContractYear, fromOn: string): Proration {
  const toOn = plusDays(year.endOn, 1);
  return { fromOn, toOn, days: daysFrom(fromOn, toOn), daysInYear: year.days };
}

/** An amount in cents prorated, rounded half-up to the cent. */
export function prorate(cents: number, proration: Proration): number {
  return divideHalfUp(cents * proration.days, proration.daysInYear);
}

/**
 * The payments an ACI contract brings, in date order: fonctionnement every year, and for each mission with a
 * start date its advances, balances and variable parts (see the rules at the top of this file).
 */
export function expectedPayments(input: ExpectedPaymentsInput): ExpectedPayment[] {
  const years = contractYears(input.signedOn, input.anniversaryOn, input.yearCount);
  const payments: ExpectedPayment[] = [];
  const push = (payment: Omit<ExpectedPayment, 'label' | 'proration'>, label: string, proration: Proration | null) =>
    payments.push({ ...payment, label: frenchSpacing(label), proration });
  const nextAnniversary = (year: ContractYear) => plusDays(year.endOn, 1);

  for (const year of years) {
    const cents = checkCents(input.fonctionnementCents[year.index - 1], `Fonctionnement, année ${year.index}`);
    const base = { kind: 'fonctionnement' as const, missionCode: null, yearIndex: year.index };
    const name = `Fonctionnement, année ${year.index}`;
    if (year.index === 1) {
      push(
        { ...base, part: 'integral', expectedOn: input.signedOn, expectedCents: cents },
        `${name} : versement intégral à la signature`,
        null,
      );
      continue;
    }
    const split = cents === null ? null : splitAdvance(cents);
    push(
      { ...base, part: 'avance', expectedOn: year.startOn, expectedCents: split?.advanceCents ?? null },
      `${name} : avance de 75 %`,
      null,
    );
    push(
      { ...base, part: 'solde', expectedOn: nextAnniversary(year), expectedCents: split?.balanceCents ?? null },
      `${name} : solde`,
      null,
    );
  }

  for (const mission of input.missions) {
    const startedOn = mission.startOn;
    const first = startedOn ? years.find((year) => startedOn <= year.endOn) : undefined;
    if (!startedOn || !first) continue;
    // A mission started before the contract's first year counts from it.
    const startOn = contractYearAt(years, startedOn) ? startedOn : first.startOn;
    for (const year of years.filter((candidate) => candidate.index >= first.index)) {
      const name = `${missionName(mission.missionCode)}, année ${year.index}`;
      const envelope = checkCents(mission.fixedCents[year.index - 1], name);
      const base = { missionCode: mission.missionCode, yearIndex: year.index };
      // The first year's envelope is prorated when the mission starts after the anniversary.
      const proration = year === first && startOn !== year.startOn ? prorationFrom(year, startOn) : null;
      const due = envelope !== null && proration ? prorate(envelope, proration) : envelope;
      const split = due === null ? null : splitAdvance(due);
      push(
        {
          ...base,
          kind: 'avance_fixe',
          part: 'avance',
          expectedOn: year === first ? startOn : year.startOn,
          expectedCents: split?.advanceCents ?? null,
        },
        `${name} : avance de 75 % de la part fixe${
          proration ? `, au prorata de ${proration.days} jours sur ${proration.daysInYear}` : ''
        }`,
        proration,
      );
      push(
        {
          ...base,
          kind: 'solde_fixe',
          part: 'solde',
          expectedOn: nextAnniversary(year),
          expectedCents: split?.balanceCents ?? null,
        },
        `${name} : solde de la part fixe`,
        null,
      );
      push(
        { ...base, kind: 'variable', part: 'variable', expectedOn: nextAnniversary(year), expectedCents: null },
        `${name} : part variable, selon l’atteinte des indicateurs`,
        null,
      );
    }
  }

  const missionRank = (code: AciMissionCode | null) => (code === null ? -1 : MISSION_ORDER.indexOf(code));
  return payments.sort(
    (a, b) =>
      a.expectedOn.localeCompare(b.expectedOn) ||
      missionRank(a.missionCode) - missionRank(b.missionCode) ||
      a.yearIndex - b.yearIndex ||
      PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part),
  );
}

/** The expected total of the payments whose amount is known, in cents. */
export function knownTotalCents(payments: readonly ExpectedPayment[]): number {
  return payments.reduce((total, payment) => total + (payment.expectedCents ?? 0), 0);
}
