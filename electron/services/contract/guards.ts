/**
 * What every write on a contract checks first: the contract or year exists, and a date falls within the contract.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { addDays, addYears, format, parseISO } from 'date-fns';
import { ACI_VERSION_CODES, contractYears, type AciVersionCode } from '@shared/domain/aci';
import { dateLong } from '@shared/format';
import type { AciContractTable, AciContractYearTable, DB } from '../../db/schema';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

export type ContractRow = Selectable<AciContractTable>;
export type YearRow = Selectable<AciContractYearTable>;

export async function assertContract(db: Db, contractId: number): Promise<ContractRow> {
  const row = await db.selectFrom('aci_contract').selectAll().where('id', '=', contractId).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce contrat n’existe plus.');
  return row;
}

/** A contract year and its contract. */
export async function assertYear(db: Db, yearId: number): Promise<{ year: YearRow; contract: ContractRow }> {
  const year = await db.selectFrom('aci_contract_year').selectAll().where('id', '=', yearId).executeTakeFirst();
  if (!year) throw new UserError('not_found', 'Cette année de contrat n’existe plus.');
  return { year, contract: await assertContract(db, year.contract_id) };
}

export const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');
export const plusDays = (isoDate: string, days: number) => isoDay(addDays(parseISO(isoDate), days));
export const plusYears = (isoDate: string, years: number) => isoDay(addYears(parseISO(isoDate), years));

/** The span of a contract: from its signature (or its first anniversary when earlier) to the end of its last year. */
export interface ContractSpan {
  startOn: string;
  endOn: string;
}

export function contractSpan(signedOn: string, years: readonly { startOn: string; endOn: string }[]): ContractSpan {
  const first = years[0]?.startOn ?? signedOn;
  return { startOn: first < signedOn ? first : signedOn, endOn: years[years.length - 1]?.endOn ?? signedOn };
}

/** The span of a stored contract, from its dates and duration. */
export function spanOfContract(contract: ContractRow): ContractSpan {
  return contractSpan(
    contract.signed_on,
    contractYears(contract.signed_on, contract.anniversary_on, contract.duration_years),
  );
}

/** Payment dates: the last year's balance and variable part come at the final anniversary, often later (a year). */
export function paymentBounds(span: ContractSpan): { from: string; to: string } {
  return { from: span.startOn, to: plusYears(span.endOn, 1) };
}

/** « La date de démarrage (1er mars 2021) est en dehors du contrat (du 1er avril 2022 au 31 mars 2027). » */
export function outsideContract(what: string, date: string, span: ContractSpan): string {
  return `La ${what} (${dateLong(date)}) est en dehors du contrat (du ${dateLong(span.startOn)} au ${dateLong(span.endOn)}).`;
}

/**
 * Refuses each date outside [from, to], naming its field. `span` is what the message shows (the contract's span),
 * the bounds may reach a little past it (a balance is paid at the last anniversary).
 */
export function checkDatesWithin(
  dates: { field: string; what: string; value: string | null }[],
  span: ContractSpan,
  bounds: { from: string; to: string } = { from: span.startOn, to: span.endOn },
): void {
  const fields: Record<string, string> = {};
  const messages: string[] = [];
  for (const { field, what, value } of dates) {
    if (value === null || (value >= bounds.from && value <= bounds.to)) continue;
    const message = outsideContract(what, value, span);
    messages.push(message);
    fields[field] ??= message;
  }
  if (messages.length) throw new UserError('invalid_input', messages.join(' '), fields);
}

/** The ACI version code a contract row stores (written from the contract's enum, checked again on the way out). */
export function versionCode(code: string): AciVersionCode {
  if ((ACI_VERSION_CODES as readonly string[]).includes(code)) return code as AciVersionCode;
  throw new UserError('conflict', `Ce contrat relève d’une version de l’ACI que Maillage ne connaît pas (${code}).`);
}
