import { searchKey } from '@shared/text';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, MemberTable } from '../../db/schema';
import { type CommuneRef, type CommuneReference, loadCommuneReference } from '../communes';

export type Db = Kysely<DB> | Transaction<DB>;
export type MemberRow = Selectable<MemberTable>;

// =================================================================================================================
// Context: reference data and existing members, loaded once per preview
// =================================================================================================================

interface CommuneIndex {
  byName: Map<string, CommuneRef[]>;
  byNameWithoutArticle: Map<string, CommuneRef[]>;
  byPostcode: Map<string, CommuneRef[]>;
}

const communeIndexes = new WeakMap<CommuneReference, CommuneIndex>();
export const ARTICLE = /^(le|la|les|l) /;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function communeIndex(reference: CommuneReference): CommuneIndex {
  let index = communeIndexes.get(reference);
  if (index) return index;
  index = { byName: new Map(), byNameWithoutArticle: new Map(), byPostcode: new Map() };
  for (const commune of reference.communes) {
    push(index.byName, commune.key, commune);
    push(index.byNameWithoutArticle, commune.key.replace(ARTICLE, ''), commune);
    for (const postcode of commune.codesPostaux) push(index.byPostcode, postcode, commune);
  }
  communeIndexes.set(reference, index);
  return index;
}

export interface StoredCotisation {
  amount_cents: number;
  paid_on: string | null;
}

export interface Context {
  reference: CommuneReference;
  communes: CommuneIndex;
  territory: Set<string>;
  colleges: { id: number; name: string; key: string }[];
  collegeNames: Map<number, string>;
  byId: Map<number, MemberRow>;
  byRpps: Map<string, MemberRow>;
  /** searchKey(last)|searchKey(first)|profession → persons */
  byPersonName: Map<string, MemberRow[]>;
  byFinessEt: Map<string, MemberRow>;
  bySiret: Map<string, MemberRow>;
  /** searchKey(structure name) → structures */
  byStructureName: Map<string, MemberRow[]>;
  cotisations: Map<number, Map<number, StoredCotisation>>;
  rates: Map<string, number>;
  /** The date given for the whole file, for payments and consents the file does not date; null: left undated. */
  undatedOn: string | null;
  /** Collèges of the file that do not exist yet, by key, with a provisional id (created on apply when asked). */
  missingColleges: Map<string, { id: number; name: string; rows: number }>;
  createColleges: boolean;
  communeMemo: Map<string, CommuneResolution>;
  /** Some identities were erased at the person's request: rows to create are checked against them. */
  hasErasedIdentities: boolean;
}

const keyCache = new Map<string, string>();

/** searchKey, memoised: the same names, communes and collèges come back on every row and every preview. */
export function nameKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    if (keyCache.size > 200_000) keyCache.clear();
    key = searchKey(text);
    keyCache.set(text, key);
  }
  return key;
}

export const personKey = (
  last: string | null | undefined,
  first: string | null | undefined,
  profession: string | null | undefined,
) => `${nameKey(last ?? '')}|${nameKey(first ?? '')}|${profession ?? ''}`;

export async function loadContext(db: Db, years: number[], options: ImportOptions): Promise<Context> {
  const reference = loadCommuneReference();
  const [territoryRows, collegeRows, memberRows, erasedIdentity] = await Promise.all([
    db.selectFrom('territory_commune').select('code_insee').execute(),
    db.selectFrom('college').select(['id', 'name']).orderBy('position').orderBy('name').execute(),
    db.selectFrom('member').selectAll().execute(),
    db.selectFrom('erased_identity').select('hash').limit(1).executeTakeFirst(),
  ]);
  const context: Context = {
    reference,
    communes: communeIndex(reference),
    territory: new Set(territoryRows.map((row) => row.code_insee)),
    colleges: collegeRows.map((row) => ({ id: row.id, name: row.name, key: nameKey(row.name) })),
    collegeNames: new Map(collegeRows.map((row) => [row.id, row.name])),
    byId: new Map(),
    byRpps: new Map(),
    byPersonName: new Map(),
    byFinessEt: new Map(),
    bySiret: new Map(),
    byStructureName: new Map(),
    cotisations: new Map(),
    rates: new Map(),
    undatedOn: options.undatedOn,
    missingColleges: new Map(),
    createColleges: options.createColleges,
    communeMemo: new Map(),
    hasErasedIdentities: erasedIdentity !== undefined,
  };
  for (const member of memberRows) {
    context.byId.set(member.id, member);
    if (member.rpps) context.byRpps.set(member.rpps, member);
    if (member.erased_at) continue;
    if (member.kind === 'person') {
      push(context.byPersonName, personKey(member.last_name, member.first_name, member.profession_code), member);
    } else {
      if (member.finess_et) context.byFinessEt.set(member.finess_et, member);
      if (member.siret) context.bySiret.set(member.siret, member);
      if (member.structure_name) push(context.byStructureName, nameKey(member.structure_name), member);
    }
  }
  if (years.length > 0) {
    const [cotisationRows, rateRows] = await Promise.all([
      db
        .selectFrom('cotisation')
        .select(['member_id', 'year', 'amount_cents', 'paid_on'])
        .where('year', 'in', years)
        .execute(),
      db.selectFrom('cotisation_rate').selectAll().where('year', 'in', years).execute(),
    ]);
    for (const row of cotisationRows) {
      let byYear = context.cotisations.get(row.member_id);
      if (!byYear) context.cotisations.set(row.member_id, (byYear = new Map()));
      byYear.set(row.year, { amount_cents: row.amount_cents, paid_on: row.paid_on });
    }
    for (const rate of rateRows) context.rates.set(`${rate.year}:${rate.member_type}`, rate.amount_cents);
  }
  return context;
}

export type CommuneResolution = { code: string | null; error?: string };

/** The choices of the preview step. */
export interface ImportOptions {
  /** The date for payments and « oui » consents the file does not date (ISO); null: they stay undated. */
  undatedOn: string | null;
  /** Create the collèges of the file that do not exist yet (default). */
  createColleges: boolean;
}

export const DEFAULT_OPTIONS: ImportOptions = { undatedOn: null, createColleges: true };

/** Ids given to the collèges to create while previewing (never stored: replaced by the real ids on apply). */
export const PROVISIONAL_COLLEGE_ID = 1_000_000_000;
