/**
 * Import of a member list from a spreadsheet (CSV or XLSX): reading, mapping of the columns, preview, then one
 * transaction that creates the new members, updates the known ones and records the cotisations.
 *
 * Duplicate-safe by design: a row matches an existing member by RPPS first, then by name + profession + commune
 * (FINESS ET, SIRET, then name + commune for a structure); a row several members could be (no commune to tell them
 * apart) is refused, never created; a second occurrence of the same member in the file is shown as a duplicate of
 * the first and skipped. Re-importing the same file changes nothing. A person erased at her request (RGPD) is not
 * brought back.
 *
 * Nothing is invented: a cotisation paid without a date, or a « oui » to the directory consent, is dated with the
 * date the coordinator gives for the whole file, or left undated (unpaid, no consent) — never dated « today ».
 * Collèges of the file that do not exist yet are created in the same transaction, when the coordinator agrees.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { ImportOpened, ImportPreview, ImportProgress, ImportResult, ImportRowPreview } from '@shared/contract';
import {
  cotisationHeaderField,
  cotisationPaidField,
  cotisationPaidYearOf,
  cotisationYearOf,
  formatFrenchDate,
  importFieldLabel,
  importFields,
  isImportField,
  matchCivility,
  matchMemberKind,
  matchPracticeMode,
  matchProfession,
  matchSpecialty,
  matchStructureType,
  parseEuroAmount,
  parseFrenchDate,
  parseYesNo,
  specialtyLabel,
  splitFullName,
  suggestMapping,
  tidyFirstName,
} from '@shared/domain/import-mapping';
import { formatEurosFromCents } from '@shared/format';
import { memberTypeOf } from '@shared/domain/members';
import { checkRpps, normaliseIdentifier } from '@shared/domain/identifiers';
import { PRACTICE_MODES, STRUCTURE_TYPES } from '@shared/domain/professions';
import { cotisationSchema, memberSchema, type MemberData } from '@shared/schemas/members';
import { searchKey } from '@shared/text';
import type { DB, MemberTable } from '../../db/schema';
import { audit } from '../audit';
import { loadCommuneReference, searchCommunes, type CommuneRef, type CommuneReference } from '../communes';
import { constraintError, UserError } from '../errors';
import { displayNameOf, isErasedIdentity, memberDataOf, memberValues, professionLabelOf } from '../members';

import type { Spreadsheet } from './read';
import { readImportFile } from './reader';

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readSpreadsheet, type Spreadsheet } from './read';
export { setImportWorker } from './reader';

type Db = Kysely<DB> | Transaction<DB>;
type MemberRow = Selectable<MemberTable>;

/** An opened file stays available this long for the preview and the import. */
const SESSION_TTL_MS = 6 * 60 * 60 * 1000;
const MAX_SESSIONS = 5;
const SAMPLE_ROWS = 5;

// =================================================================================================================
// Sessions
// =================================================================================================================

interface ImportSession {
  token: string;
  sheet: Spreadsheet;
  openedAt: number;
}

const sessions = new Map<string, ImportSession>();

function pruneSessions(now: number): void {
  for (const [token, session] of sessions) if (now - session.openedAt > SESSION_TTL_MS) sessions.delete(token);
  while (sessions.size >= MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest === undefined) break;
    sessions.delete(oldest);
  }
}

function sessionOf(token: string): ImportSession {
  const session = sessions.get(token);
  if (!session || Date.now() - session.openedAt > SESSION_TTL_MS) {
    sessions.delete(token);
    throw new UserError(
      'not_found',
      'Ce fichier d’import n’est plus ouvert (import expiré ou application redémarrée). Choisissez à nouveau le fichier.',
    );
  }
  return session;
}

/** Reads the file, keeps its rows in memory under a random token and suggests a mapping of its columns. */
export async function openImport(path: string, options: { now?: Date } = {}): Promise<ImportOpened> {
  // In a worker thread in the app: reading a big workbook never blocks the main process.
  const sheet = await withProgress('lecture', 'Lecture du fichier…', () =>
    readImportFile(path, (fraction, label) => report('lecture', fraction, label)),
  );
  const now = options.now ?? new Date();
  pruneSessions(Date.now());
  const token = randomUUID();
  sessions.set(token, { token, sheet, openedAt: Date.now() });
  const mapping = suggestMapping(sheet.headers);
  const year = now.getFullYear();
  const years = [year - 2, year - 1, year, year + 1];
  for (const field of mapping) {
    const fieldYear = field ? (cotisationYearOf(field) ?? cotisationPaidYearOf(field)) : null;
    if (fieldYear !== null) years.push(fieldYear);
  }
  for (const header of sheet.headers) {
    const field = cotisationHeaderField(header);
    const fieldYear = field ? (cotisationYearOf(field) ?? cotisationPaidYearOf(field)) : null;
    if (fieldYear !== null) years.push(fieldYear);
  }
  return {
    token,
    fileName: sheet.fileName,
    encoding: sheet.encoding,
    separator: sheet.separator,
    sheetName: sheet.sheetName,
    headers: sheet.headers,
    headerLine: sheet.headerLine,
    notes: sheet.notes,
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, SAMPLE_ROWS),
    mapping,
    fields: importFields(years),
  };
}

/** Forgets an opened file (after the import, or when the coordinator cancels). */
export function closeImport(token: string): void {
  sessions.delete(token);
}

// =================================================================================================================
// Context: reference data and existing members, loaded once per preview
// =================================================================================================================

interface CommuneIndex {
  byName: Map<string, CommuneRef[]>;
  byNameWithoutArticle: Map<string, CommuneRef[]>;
  byPostcode: Map<string, CommuneRef[]>;
}

const communeIndexes = new WeakMap<CommuneReference, CommuneIndex>();
const ARTICLE = /^(le|la|les|l) /;

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

interface StoredCotisation {
  amount_cents: number;
  paid_on: string | null;
}

interface Context {
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
function nameKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    if (keyCache.size > 200_000) keyCache.clear();
    key = searchKey(text);
    keyCache.set(text, key);
  }
  return key;
}

const personKey = (
  last: string | null | undefined,
  first: string | null | undefined,
  profession: string | null | undefined,
) => `${nameKey(last ?? '')}|${nameKey(first ?? '')}|${profession ?? ''}`;

async function loadContext(db: Db, years: number[], options: ImportOptions): Promise<Context> {
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

// =================================================================================================================
// Values of a row
// =================================================================================================================

type CommuneResolution = { code: string | null; error?: string };

/** « 1053 » (a code whose leading zero a spreadsheet dropped) → « 01053 ». */
const padCode = (text: string) => (/^\d{4}$/.test(text) ? `0${text}` : text);

function resolveCommune(
  context: Context,
  communeText: string,
  inseeText: string,
  postcodeText: string,
): CommuneResolution {
  const memoKey = `${communeText}\u0000${inseeText}\u0000${postcodeText}`;
  const known = context.communeMemo.get(memoKey);
  if (known) return known;
  const result = resolveCommuneUncached(context, communeText, inseeText, postcodeText);
  context.communeMemo.set(memoKey, result);
  return result;
}

function resolveCommuneUncached(
  context: Context,
  communeText: string,
  inseeText: string,
  postcodeText: string,
): CommuneResolution {
  const { reference, communes } = context;
  let postcode = padCode(postcodeText.replace(/\s/g, ''));
  if (!/^\d{5}$/.test(postcode)) postcode = '';

  if (inseeText) {
    const code = padCode(normaliseIdentifier(inseeText));
    if (reference.byCode.has(code)) return { code };
    return { code: null, error: `Code INSEE de commune inconnu : « ${inseeText} ».` };
  }
  if (!communeText) {
    // A postcode alone gives the commune when it serves a single one.
    if (!postcode) return { code: null };
    const served = (communes.byPostcode.get(postcode) ?? []).filter((commune) => commune.kind === 'commune');
    return { code: served.length === 1 ? served[0]!.code : null };
  }

  let name = communeText.replace(/\s+cedex(\s*\d+)?\s*$/i, '').trim();
  const asCode = padCode(normaliseIdentifier(name));
  if (/^(\d{5}|2[AB]\d{3})$/.test(asCode)) {
    if (reference.byCode.has(asCode)) return { code: asCode };
    const served = (communes.byPostcode.get(asCode) ?? []).filter((commune) => commune.kind === 'commune');
    if (served.length === 1) return { code: served[0]!.code };
    if (served.length > 1) {
      return {
        code: null,
        error: `Commune imprécise : « ${communeText} » est un code postal partagé par ${served.length} communes (${served
          .slice(0, 4)
          .map((commune) => commune.nom)
          .join(', ')}${served.length > 4 ? '…' : ''}). Indiquez le nom de la commune ou son code INSEE.`,
      };
    }
    return {
      code: null,
      error: `Commune inconnue : « ${communeText} » n'est ni un code INSEE ni un code postal connu.`,
    };
  }
  // « 38400 Saint-Martin-d'Hères », « Saint-Martin-d'Hères 38400 », « Grenoble (38) »
  let departement = '';
  const leading = /^(\d{5})\s+(.+)$/.exec(name) ?? /^(.+?)\s+(\d{5})$/.exec(name);
  if (leading) {
    const [, a, b] = leading;
    if (/^\d{5}$/.test(a!)) {
      postcode = postcode || a!;
      name = b!;
    } else {
      postcode = postcode || b!;
      name = a!;
    }
  }
  const departementHint = /^(.+?)\s*\((\d{2,3}|2[AB])\)$/i.exec(name);
  if (departementHint) {
    name = departementHint[1]!;
    departement = departementHint[2]!.toUpperCase();
  }
  const key = nameKey(name);
  let candidates = communes.byName.get(key) ?? communes.byNameWithoutArticle.get(key.replace(ARTICLE, '')) ?? [];
  if (candidates.length > 1) {
    const only = candidates.filter((commune) => commune.kind === 'commune');
    if (only.length > 0) candidates = only;
  }
  if (candidates.length > 1 && postcode) {
    const byPostcode = candidates.filter((commune) => commune.codesPostaux.includes(postcode));
    if (byPostcode.length > 0) candidates = byPostcode;
    else {
      const dep = postcode.startsWith('97')
        ? postcode.slice(0, 3)
        : postcode.startsWith('20')
          ? '2'
          : postcode.slice(0, 2);
      const byDepartement = candidates.filter((commune) =>
        dep === '2' ? /^2[AB]$/.test(commune.departementCode) : commune.departementCode === dep,
      );
      if (byDepartement.length > 0) candidates = byDepartement;
    }
  }
  if (candidates.length > 1 && departement) {
    const byDepartement = candidates.filter((commune) => commune.departementCode === departement);
    if (byDepartement.length > 0) candidates = byDepartement;
  }
  if (candidates.length > 1) {
    const inTerritory = candidates.filter((commune) => context.territory.has(commune.code));
    if (inTerritory.length === 1) candidates = inTerritory;
  }
  if (candidates.length === 1) return { code: candidates[0]!.code };
  if (candidates.length > 1) {
    const departements = [...new Set(candidates.map((commune) => commune.departementCode))].sort();
    return {
      code: null,
      error: `Commune ambiguë : ${candidates.length} communes s'appellent « ${communeText} » (départements ${departements.slice(0, 6).join(', ')}${
        departements.length > 6 ? '…' : ''
      }). Précisez le code postal ou le code INSEE.`,
    };
  }
  const suggestion = key.length >= 3 ? searchCommunes(name, 1, reference)[0] : undefined;
  return {
    code: null,
    error: `Commune inconnue : « ${communeText} »${suggestion ? ` (vouliez-vous dire ${suggestion.nom}, ${suggestion.departementCode} ?)` : ''}.`,
  };
}

/** An Excel serial date (days since 1899-12-30) a CSV or a number cell may hold. */
function excelSerialToIso(text: string): string | null {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 20_000 || serial > 80_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const parseDateCell = (text: string): string | null => parseFrenchDate(text) ?? excelSerialToIso(text);

/** Phone as typed, repaired when a spreadsheet dropped its leading zero (« 612345678 »). */
function phoneOf(text: string): string {
  const first = text.split(/\s*[/;|]\s*|\s+ou\s+/i).find((part) => part.trim()) ?? '';
  const value = first.replace(/\(0\)/g, '').trim();
  const digits = value.replace(/[\s.\-()]/g, '');
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  if (/^33[1-9]\d{8}$/.test(digits)) return `+${digits}`;
  return value;
}

const emailOf = (text: string) =>
  (text.split(/[\s;,]+/).find((part) => part.includes('@')) ?? text).replace(/^mailto:/i, '').trim();

interface RowCotisation {
  year: number;
  /** Cents, or 'expected' (« oui » in the amount column: the amount set for the year). */
  amount: number | 'expected' | null;
  /** A date, 'yes' (« oui », paid on a date the file does not say), null (« non »), or undefined (no payment-date column, or an empty cell). */
  paid: string | 'yes' | null | undefined;
  /** A payment-date column of that year is mapped (its empty cell then means « not paid » for a new cotisation). */
  paidColumn: boolean;
}

interface RowInput {
  kind: 'person' | 'structure';
  /** Member input for memberSchema: only what the file says. */
  input: Record<string, unknown>;
  /** Fields the file gives a value to (an explicit « non » for the consent included). */
  filled: Set<keyof MemberData>;
  /** Paths already explained by an error of the import (« Profession inconnue… »): schema messages there are redundant. */
  explained: Set<string>;
  errors: string[];
  cotisations: RowCotisation[];
  /** The directory consent answer « oui »: keeps an existing date. */
  consentYes: boolean;
  raw: { name: string; profession: string; commune: string };
}

type Cells = Map<string, string>;

function interpretRow(context: Context, cells: Cells): RowInput {
  const get = (field: string) => cells.get(field) ?? '';
  const errors: string[] = [];
  const explained = new Set<string>();
  const filled = new Set<keyof MemberData>();
  const input: Record<string, unknown> = {};
  const set = (field: keyof MemberData, value: unknown) => {
    input[field] = value;
    filled.add(field);
  };
  const fail = (field: keyof MemberData | null, message: string) => {
    errors.push(message);
    if (field) explained.add(field);
  };

  // ----- Kind -----
  const kindText = get('type_membre');
  let kind = kindText ? matchMemberKind(kindText) : null;
  if (kindText && !kind) errors.push(`Type de membre inconnu : « ${kindText} » (Personne ou Structure).`);
  const professionText = get('profession');
  const structureTypeText = get('type_structure');
  const structureText = get('structure');
  const hasPersonName = Boolean(get('nom') || get('prenom') || get('nom_prenom'));
  const profession = professionText ? matchProfession(professionText) : null;
  const professionAsStructureType = professionText && !profession ? matchStructureType(professionText) : null;
  if (!kind) {
    const structure =
      !hasPersonName &&
      !get('rpps') &&
      !get('adeli') &&
      (Boolean(structureTypeText) || Boolean(professionAsStructureType) || (Boolean(structureText) && !professionText));
    kind = structure ? 'structure' : 'person';
  }
  input.kind = kind;

  // ----- Identity -----
  if (kind === 'person') {
    let lastName = get('nom');
    let firstName = get('prenom');
    let civility: 'M.' | 'Mme' | null = null;
    const fullName = get('nom_prenom');
    if (fullName && (!lastName || !firstName)) {
      const split = splitFullName(fullName);
      if (!lastName && !firstName) {
        lastName = split.lastName ?? '';
        firstName = split.firstName ?? '';
      } else if (!lastName) lastName = split.lastName ?? fullName;
      else if (!firstName) firstName = split.firstName ?? '';
      civility = split.civility;
    }
    if (lastName) set('lastName', lastName);
    if (firstName) set('firstName', tidyFirstName(firstName));
    const civilityText = get('civilite');
    if (civilityText) {
      const matched = matchCivility(civilityText);
      if (matched) set('civility', matched);
      else fail('civility', `Civilité inconnue : « ${civilityText} » (M. ou Mme).`);
    } else if (civility) set('civility', civility);

    if (professionText) {
      if (profession) set('professionCode', profession.code);
      else fail('professionCode', `Profession inconnue : « ${professionText} ».`);
    }
    const specialtyText = get('specialite');
    if (specialtyText) set('specialty', matchSpecialty(specialtyText));
    else if (profession?.specialty) set('specialty', specialtyLabel(profession.specialty));

    let rpps = get('rpps');
    let adeli = get('adeli');
    if (rpps) {
      const normalised = normaliseIdentifier(rpps);
      // The IdNat_PS « 8 » + RPPS, or an ADELI number in a « RPPS / ADELI » column.
      if (/^8\d{11}$/.test(normalised)) rpps = normalised.slice(1);
      else if (normalised.length === 9 && !adeli) {
        adeli = rpps;
        rpps = '';
      }
    }
    if (rpps) set('rpps', rpps);
    if (adeli) set('adeli', adeli);

    const modeText = get('mode_exercice');
    if (modeText) {
      const mode = matchPracticeMode(modeText);
      if (mode) set('practiceMode', mode);
      else fail('practiceMode', `Mode d'exercice inconnu : « ${modeText} » (libéral, salarié ou mixte).`);
    }
    if (structureText) {
      const key = nameKey(structureText);
      const structures = (context.byStructureName.get(key) ?? []).filter((member) => member.kind === 'structure');
      if (structures.length === 1) {
        set('structureMemberId', structures[0]!.id);
        set('structureLabel', null);
      } else set('structureLabel', structureText);
    }
  } else {
    if (structureText) set('structureName', structureText);
    else if (hasPersonName) set('structureName', get('nom') || get('nom_prenom'));
    if (structureTypeText) {
      const type = matchStructureType(structureTypeText);
      if (type) set('structureType', type);
      else fail('structureType', `Type de structure inconnu : « ${structureTypeText} ».`);
    } else if (professionAsStructureType) set('structureType', professionAsStructureType);
    else if (professionText) fail('structureType', `Type de structure inconnu : « ${professionText} ».`);
    for (const [field, key] of [
      ['finess_ej', 'finessEj'],
      ['finess_et', 'finessEt'],
      ['siret', 'siret'],
      ['representant', 'representativeName'],
    ] as const) {
      const value = get(field);
      if (value) set(key, value);
    }
  }

  // ----- Place and contact -----
  const communeText = get('commune');
  const inseeText = get('code_insee');
  const commune = resolveCommune(context, communeText, inseeText, get('code_postal'));
  if (commune.error) fail('communeCode', commune.error);
  else if (commune.code) set('communeCode', commune.code);
  if (get('adresse')) set('address', get('adresse'));
  if (get('telephone')) set('phone', phoneOf(get('telephone')));
  if (get('email')) set('email', emailOf(get('email')));
  if (get('notes')) set('notes', get('notes'));

  // ----- Membership -----
  const collegeText = get('college');
  if (collegeText) {
    const key = nameKey(collegeText);
    let college = context.colleges.filter((candidate) => candidate.key === key);
    if (college.length === 0)
      college = context.colleges.filter((candidate) => candidate.key.startsWith(key) || key.startsWith(candidate.key));
    if (college.length === 1) set('collegeId', college[0]!.id);
    else if (college.length > 1)
      fail('collegeId', `Collège imprécis : « ${collegeText} » (${college.map((c) => c.name).join(', ')}).`);
    else {
      // Not in Maillage yet: created on apply, in the same transaction, when the coordinator agrees (the app's own
      // export imported into a fresh install); otherwise the row is in error.
      let missing = context.missingColleges.get(key);
      if (!missing)
        context.missingColleges.set(
          key,
          (missing = { id: PROVISIONAL_COLLEGE_ID + context.missingColleges.size, name: collegeText.trim(), rows: 0 }),
        );
      missing.rows++;
      if (context.createColleges) set('collegeId', missing.id);
      else {
        const names = context.colleges.map((candidate) => `« ${candidate.name} »`).join(', ');
        fail(
          'collegeId',
          `Collège inconnu : « ${collegeText} » (${names ? `collèges existants : ${names}` : 'aucun collège n’est encore défini dans Maillage'}). Cochez « Créer les collèges manquants » ou créez-le dans Collèges.`,
        );
      }
    }
  }
  const joinedText = get('date_adhesion');
  if (joinedText) {
    const date = parseDateCell(joinedText);
    if (date) set('joinedOn', date);
    else fail('joinedOn', `Date d'adhésion invalide : « ${joinedText} » (format attendu : jj/mm/aaaa).`);
  }
  let consentYes = false;
  const consentText = get('consentement_annuaire');
  if (consentText) {
    const date = parseDateCell(consentText);
    const answer = date ? null : parseYesNo(consentText);
    if (date) set('directoryConsentOn', date);
    else if (answer === true) {
      // « oui » without a date: the date given for the whole file, else the stored date is kept (see planImport).
      consentYes = true;
      if (context.undatedOn) set('directoryConsentOn', context.undatedOn);
    } else if (answer === false) set('directoryConsentOn', null);
    else fail('directoryConsentOn', `Consentement annuaire non compris : « ${consentText} » (oui, non ou une date).`);
  }

  // ----- Cotisations -----
  const cotisations = new Map<number, RowCotisation>();
  const cotisationOf = (year: number) => {
    let cotisation = cotisations.get(year);
    if (!cotisation)
      cotisations.set(
        year,
        (cotisation = { year, amount: null, paid: undefined, paidColumn: cells.has(cotisationPaidField(year)) }),
      );
    return cotisation;
  };
  for (const [field, text] of cells) {
    if (!text) continue;
    const year = cotisationYearOf(field);
    if (year !== null) {
      const cents = parseEuroAmount(text);
      const answer = cents === null ? parseYesNo(text) : null;
      if (cents !== null) {
        if (cents > 0) cotisationOf(year).amount = cents;
      } else if (answer === true) cotisationOf(year).amount = 'expected';
      else if (answer !== false && !/^[-–—]$/.test(text))
        errors.push(`Cotisation ${year} : montant illisible « ${text} » (exemple : 45,00 €).`);
      continue;
    }
    const paidYear = cotisationPaidYearOf(field);
    if (paidYear !== null) {
      const date = parseDateCell(text);
      const answer = date ? null : parseYesNo(text);
      if (date) cotisationOf(paidYear).paid = date;
      else if (answer === true) cotisationOf(paidYear).paid = 'yes';
      else if (answer === false) cotisationOf(paidYear).paid = null;
      else errors.push(`Cotisation ${paidYear} : date de paiement invalide « ${text} » (format attendu : jj/mm/aaaa).`);
    }
  }

  return {
    kind,
    input,
    filled,
    explained,
    errors,
    cotisations: [...cotisations.values()].sort((a, b) => a.year - b.year),
    consentYes,
    raw: {
      name: get('nom') || get('nom_prenom') || structureText || get('prenom'),
      profession: professionText || structureTypeText,
      commune: communeText || inseeText,
    },
  };
}

// =================================================================================================================
// Matching and changes
// =================================================================================================================

type Match =
  | { member: MemberRow; by: NonNullable<ImportRowPreview['matchedBy']> }
  | { erased: MemberRow }
  | { ambiguous: MemberRow[] }
  | null;

type Pick = { member: MemberRow } | { ambiguous: MemberRow[] } | null;

/**
 * The one candidate (same name, and profession for a person) the row is: same commune, or unknown on either side,
 * exact commune first. Candidates that cannot be told apart are ambiguous (the row is refused, never created: a
 * second import must not duplicate the member); none (all in other communes) is a homonym elsewhere.
 */
function pickByCommune(candidates: MemberRow[], communeCode: string | null): Pick {
  if (candidates.length === 0) return null;
  if (!communeCode) return candidates.length === 1 ? { member: candidates[0]! } : { ambiguous: candidates };
  const exact = candidates.filter((member) => member.commune_code === communeCode);
  if (exact.length === 1) return { member: exact[0]! };
  if (exact.length > 1) return { ambiguous: exact };
  const open = candidates.filter((member) => member.commune_code === null);
  if (open.length === 1) return { member: open[0]! };
  if (open.length > 1) return { ambiguous: open };
  return null;
}

function matchOf(pick: Pick, by: NonNullable<ImportRowPreview['matchedBy']>): Match {
  if (!pick) return null;
  return 'member' in pick ? { member: pick.member, by } : pick;
}

/**
 * The payment date to record. A « Cotisation YYYY » amount lists what was paid. A date in the payment-date column
 * wins; « non » there means unpaid; a mapped payment-date column left empty means unpaid. A stored cotisation keeps
 * its paid_on. Otherwise (no payment-date column, or « oui » there) the file does not say when: the date given for
 * the whole file, else unpaid — `undated` tells the preview to ask. Never « today ».
 */
function paidOnOf(
  cotisation: RowCotisation,
  previous: StoredCotisation | undefined,
  undatedOn: string | null,
): { paidOn: string | null; undated: boolean } {
  if (cotisation.paid === 'yes') {
    if (previous?.paid_on) return { paidOn: previous.paid_on, undated: false };
    return { paidOn: undatedOn, undated: true };
  }
  if (cotisation.paid !== undefined) return { paidOn: cotisation.paid, undated: false };
  if (previous) return { paidOn: previous.paid_on, undated: false };
  if (cotisation.paidColumn) return { paidOn: null, undated: false };
  return { paidOn: undatedOn, undated: true };
}

function findMatch(context: Context, row: RowInput, identity: Identity): Match {
  if (row.kind === 'person') {
    if (identity.rpps) {
      const member = context.byRpps.get(identity.rpps);
      if (member)
        return member.erased_at ? { erased: member } : member.kind === 'person' ? { member, by: 'rpps' } : null;
    }
    if (!identity.lastName || !identity.professionCode) return null;
    const candidates = (
      context.byPersonName.get(personKey(identity.lastName, identity.firstName, identity.professionCode)) ?? []
    ).filter(
      // Two different RPPS are two different people, whatever their names.
      (member) => !(identity.rpps && member.rpps && member.rpps !== identity.rpps),
    );
    return matchOf(pickByCommune(candidates, identity.communeCode), 'nom_profession_commune');
  }
  if (identity.finessEt) {
    const member = context.byFinessEt.get(identity.finessEt);
    if (member) return { member, by: 'finess_siret' };
  }
  if (identity.siret) {
    const member = context.bySiret.get(identity.siret);
    if (member) return { member, by: 'finess_siret' };
  }
  if (!identity.structureName) return null;
  return matchOf(
    pickByCommune(context.byStructureName.get(nameKey(identity.structureName)) ?? [], identity.communeCode),
    'nom_commune',
  );
}

/** « Plusieurs membres s'appellent ainsi (3 fiches : Eybens, Poisat, sans commune) : … ». */
function ambiguityMessage(context: Context, candidates: MemberRow[]): string {
  const communes = candidates.map((member) =>
    member.commune_code
      ? (context.reference.byCode.get(member.commune_code)?.nom ?? member.commune_code)
      : 'sans commune',
  );
  const listed = communes.slice(0, 5).join(', ') + (communes.length > 5 ? '…' : '');
  return `Plusieurs membres s'appellent ainsi (${candidates.length} fiches dans Maillage : ${listed}) : précisez la commune ou le RPPS pour savoir lequel mettre à jour.`;
}

interface Identity {
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
  communeCode: string | null;
  structureName: string | null;
  finessEt: string | null;
  siret: string | null;
}

/** The keys a row is identified by, normalised as the schema would store them. */
function identityOf(row: RowInput): Identity {
  const text = (field: keyof MemberData) => {
    const value = row.input[field];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const normalised = (field: keyof MemberData, check?: (value: string) => { ok: boolean; value?: string }) => {
    const value = text(field);
    if (!value) return null;
    if (check) {
      const result = check(value);
      return result.ok ? (result.value ?? null) : null;
    }
    return normaliseIdentifier(value);
  };
  return {
    rpps: normalised('rpps', checkRpps),
    lastName: text('lastName'),
    firstName: text('firstName'),
    professionCode: text('professionCode'),
    communeCode: text('communeCode'),
    structureName: text('structureName'),
    finessEt: normalised('finessEt'),
    siret: normalised('siret'),
  };
}

/** Identifiers of the file that identify a member, for the duplicates inside the file (names are compared apart). */
function fileKeys(row: RowInput, identity: Identity): { key: string; label: string }[] {
  const keys: { key: string; label: string }[] = [];
  if (row.kind === 'person') {
    if (identity.rpps) keys.push({ key: `rpps:${identity.rpps}`, label: 'même RPPS' });
  } else {
    if (identity.finessEt) keys.push({ key: `finess:${identity.finessEt}`, label: 'même FINESS' });
    if (identity.siret) keys.push({ key: `siret:${identity.siret}`, label: 'même SIRET' });
  }
  return keys;
}

const FIELD_LABELS: Record<keyof MemberData, string> = {
  kind: 'Type de membre',
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  professionCode: 'Profession',
  specialty: 'Spécialité',
  rpps: 'RPPS',
  adeli: 'ADELI',
  practiceMode: 'Mode d’exercice',
  structureName: 'Nom de la structure',
  structureType: 'Type de structure',
  finessEj: 'FINESS EJ',
  finessEt: 'FINESS ET',
  siret: 'SIRET',
  representativeName: 'Représentant·e',
  communeCode: 'Commune',
  address: 'Adresse',
  structureMemberId: 'Structure d’exercice',
  structureLabel: 'Structure d’exercice',
  phone: 'Téléphone',
  email: 'Courriel',
  collegeId: 'Collège',
  joinedOn: 'Date d’adhésion',
  directoryConsentOn: 'Consentement annuaire',
  notes: 'Notes',
};

/** Free-text fields where a difference of case or accents only is not a change (« BERNARD » = « Bernard »). */
const LOOSE_TEXT: (keyof MemberData)[] = [
  'lastName',
  'firstName',
  'structureName',
  'structureLabel',
  'address',
  'representativeName',
];

function describe(context: Context, field: keyof MemberData, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  switch (field) {
    case 'professionCode':
      return professionLabelOf(String(value)) ?? String(value);
    case 'communeCode':
      return context.reference.byCode.get(String(value))?.nom ?? String(value);
    case 'collegeId':
      return (
        context.collegeNames.get(Number(value)) ??
        [...context.missingColleges.values()]
          .find((college) => college.id === Number(value))
          ?.name.concat(' (collège créé par l’import)') ??
        `n° ${value}`
      );
    case 'structureMemberId': {
      const structure = context.byId.get(Number(value));
      return structure?.structure_name ?? `n° ${value}`;
    }
    case 'joinedOn':
    case 'directoryConsentOn':
      return formatFrenchDate(String(value));
    case 'practiceMode':
      return PRACTICE_MODES.find((mode) => mode.code === value)?.label ?? String(value);
    case 'structureType':
      return STRUCTURE_TYPES.find((type) => type.code === value)?.label ?? String(value);
    case 'specialty':
      return specialtyLabel(String(value)) ?? String(value);
    default:
      return String(value);
  }
}

function memberChanges(context: Context, before: MemberData, after: MemberData): string[] {
  const changes: string[] = [];
  for (const field of Object.keys(FIELD_LABELS) as (keyof MemberData)[]) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a === b) continue;
    // The structure d'exercice is one notion stored in two columns: report it once.
    if (field === 'structureLabel' && (before.structureMemberId ?? null) !== (after.structureMemberId ?? null))
      continue;
    if (field === 'structureMemberId') {
      const show = (data: MemberData) =>
        data.structureMemberId
          ? describe(context, 'structureMemberId', data.structureMemberId)
          : describe(context, 'structureLabel', data.structureLabel);
      if (show(before) !== show(after)) changes.push(`${FIELD_LABELS[field]} : ${show(before)} → ${show(after)}`);
      continue;
    }
    changes.push(`${FIELD_LABELS[field]} : ${describe(context, field, a)} → ${describe(context, field, b)}`);
  }
  return changes;
}

function schemaErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
  explained: Set<string>,
  fromFile: Set<keyof MemberData> | null,
): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (explained.has(field)) continue;
    const prefix = fromFile && field && !fromFile.has(field as keyof MemberData) ? 'Fiche existante : ' : '';
    const message = `${prefix}${issue.message}`;
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}

// =================================================================================================================
// Plan: preview and the writes of the import
// =================================================================================================================

interface CotisationWrite {
  year: number;
  amountCents: number;
  paidOn: string | null;
}

interface PlannedRow {
  preview: ImportRowPreview;
  status: 'create' | 'update' | 'unchanged' | 'error' | 'duplicate';
  memberId: number | null;
  values: Omit<Insertable<MemberTable>, 'id'> | null;
  cotisations: CotisationWrite[];
}

interface Plan {
  rows: PlannedRow[];
  /** Cotisations and « oui » consents the file gives without a date (dated with `undatedOn`, or left undated). */
  undated: { cotisations: number; consents: number };
  /** Collèges of the file that do not exist yet (created on apply when the coordinator agrees). */
  missingColleges: { id: number; name: string; rows: number }[];
}

/** The choices of the preview step. */
export interface ImportOptions {
  /** The date for payments and « oui » consents the file does not date (ISO); null: they stay undated. */
  undatedOn: string | null;
  /** Create the collèges of the file that do not exist yet (default). */
  createColleges: boolean;
}

const DEFAULT_OPTIONS: ImportOptions = { undatedOn: null, createColleges: true };

/** Ids given to the collèges to create while previewing (never stored: replaced by the real ids on apply). */
const PROVISIONAL_COLLEGE_ID = 1_000_000_000;

function checkOptions(options: Partial<ImportOptions> | undefined, today: string): ImportOptions {
  const checked = { ...DEFAULT_OPTIONS, ...options };
  if (checked.undatedOn !== null) {
    if (!parseFrenchDate(checked.undatedOn) || checked.undatedOn < '2000-01-01') {
      throw new UserError(
        'invalid_input',
        `La date donnée pour tout le fichier n'est pas une date valide : « ${checked.undatedOn} ».`,
      );
    }
    if (checked.undatedOn > today) {
      throw new UserError(
        'invalid_input',
        `La date donnée pour tout le fichier (${formatFrenchDate(checked.undatedOn)}) est dans le futur : indiquez le jour où les paiements et les accords ont été recueillis.`,
      );
    }
  }
  return checked;
}

function checkMapping(sheet: Spreadsheet, mapping: (string | null)[]): void {
  if (mapping.length !== sheet.headers.length) {
    throw new UserError(
      'invalid_input',
      `L'association des colonnes ne correspond pas au fichier (${mapping.length} colonnes associées pour ${sheet.headers.length} colonnes). Rouvrez le fichier.`,
    );
  }
  const seen = new Map<string, number>();
  mapping.forEach((field, column) => {
    if (field === null || field === '') return;
    if (!isImportField(field))
      throw new UserError(
        'invalid_input',
        `Champ d'import inconnu : « ${field} » (colonne « ${sheet.headers[column]} »).`,
      );
    const previous = seen.get(field);
    if (previous !== undefined) {
      throw new UserError(
        'invalid_input',
        `Le champ « ${importFieldLabel(field)} » est associé à deux colonnes, « ${sheet.headers[previous]} » et « ${sheet.headers[column]} ». Choisissez-en une seule.`,
      );
    }
    seen.set(field, column);
  });
  if (seen.size === 0)
    throw new UserError(
      'invalid_input',
      'Associez au moins une colonne du fichier à un champ de Maillage (Nom, Profession, RPPS…).',
    );
}

function localToday(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function describeCotisation(write: CotisationWrite, undated = false): string {
  const paid = write.paidOn
    ? ` payée le ${formatFrenchDate(write.paidOn)}`
    : undated
      ? ' non payée (le fichier ne donne pas de date de paiement)'
      : ' non payée';
  return `${formatEurosFromCents(write.amountCents)}${paid}`;
}

/** Lets the event loop run (IPC, progress) during a long loop over the rows. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const YIELD_EVERY = 250;

async function planImport(
  db: Db,
  sheet: Spreadsheet,
  mapping: (string | null)[],
  options: ImportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<Plan> {
  checkMapping(sheet, mapping);
  const years = [
    ...new Set(
      mapping
        .flatMap((field) => (field ? [cotisationYearOf(field) ?? cotisationPaidYearOf(field)] : []))
        .filter((year): year is number => year !== null),
    ),
  ];
  const context = await loadContext(db, years, options);
  const columns = mapping.flatMap((field, column) => (field ? [{ field, column }] : []));
  const undated = { cotisations: 0, consents: 0 };

  /** Cells and status of the first occurrence of each line, for the duplicates that follow. */
  const firstRows = new Map<number, { row: RowInput; planned: PlannedRow }>();
  const seenKeys = new Map<string, number>();
  const seenNames = new Map<
    string,
    { line: number; rpps: string | null; finessEt: string | null; siret: string | null; commune: string | null }[]
  >();
  const seenMembers = new Map<number, number>();
  const rows: PlannedRow[] = [];

  for (let index = 0; index < sheet.rows.length; index++) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) {
      onProgress?.(index, sheet.rows.length);
      await yieldToEventLoop();
    }
    const cellsOfRow = sheet.rows[index]!;
    const line = sheet.lines[index] ?? index + 2;
    const cells: Cells = new Map();
    let any = false;
    for (const { field, column } of columns) {
      const value = cellsOfRow[column] ?? '';
      if (value) any = true;
      cells.set(field, value);
    }
    if (!any) continue;

    const row = interpretRow(context, cells);
    const identity = identityOf(row);
    const errors = [...row.errors];

    // Duplicates inside the file: same identifier, or same name (and profession for a person) in the same commune
    // or without a commune on either side (nothing tells them apart), unless both rows carry different identifiers
    // (two homonyms).
    let duplicate: { of: number; reason: string } | null = null;
    for (const { key, label } of fileKeys(row, identity)) {
      const first = seenKeys.get(key);
      if (first !== undefined) {
        duplicate = { of: first, reason: label };
        break;
      }
    }
    for (const { key } of fileKeys(row, identity)) if (!seenKeys.has(key)) seenKeys.set(key, line);
    const rowNameKey =
      row.kind === 'person'
        ? identity.lastName && identity.professionCode
          ? `person:${personKey(identity.lastName, identity.firstName, identity.professionCode)}`
          : null
        : identity.structureName
          ? `structure:${nameKey(identity.structureName)}`
          : null;
    if (rowNameKey) {
      const earlier = seenNames.get(rowNameKey) ?? [];
      const differs = (a: string | null, b: string | null) => Boolean(a && b && a !== b);
      const same = earlier.find(
        (entry) =>
          !differs(entry.rpps, identity.rpps) &&
          !differs(entry.finessEt, identity.finessEt) &&
          !differs(entry.siret, identity.siret) &&
          !differs(entry.commune, identity.communeCode),
      );
      if (same && !duplicate) {
        const sameCommune = Boolean(same.commune && same.commune === identity.communeCode);
        const label =
          row.kind === 'person'
            ? sameCommune
              ? 'même nom, profession et commune'
              : 'même nom et profession, sans commune pour les distinguer'
            : sameCommune
              ? 'même structure et commune'
              : 'même structure, sans commune pour les distinguer';
        duplicate = { of: same.line, reason: label };
      }
      earlier.push({
        line,
        rpps: identity.rpps,
        finessEt: identity.finessEt,
        siret: identity.siret,
        commune: identity.communeCode,
      });
      seenNames.set(rowNameKey, earlier);
    }

    // Existing member.
    const match = findMatch(context, row, identity);
    let existing: MemberRow | null = null;
    let matchedBy: ImportRowPreview['matchedBy'] = null;
    if (match && 'erased' in match) {
      errors.push('Ce RPPS appartient à un membre anonymisé : la ligne n’est pas importée.');
    } else if (match && 'ambiguous' in match) {
      errors.push(ambiguityMessage(context, match.ambiguous));
    } else if (match) {
      existing = match.member;
      matchedBy = match.by;
      const first = seenMembers.get(existing.id);
      if (first !== undefined && !duplicate)
        duplicate = { of: first, reason: `même membre de Maillage : ${displayNameOf(existing)}` };
      if (first === undefined) seenMembers.set(existing.id, line);
    } else if (
      row.kind === 'person' &&
      context.hasErasedIdentities &&
      (identity.rpps || (identity.lastName && identity.professionCode))
    ) {
      // A person erased at her request (RGPD) must not come back with the next import of an old list.
      const erased = await isErasedIdentity(db, {
        rpps: identity.rpps,
        lastName: identity.lastName,
        firstName: identity.firstName,
        professionCode: identity.professionCode,
      });
      if (erased) {
        errors.push(
          "Cette personne a demandé l'effacement de ses données (RGPD) : elle n'est pas réimportée. Si elle revient, créez sa fiche à la main.",
        );
      }
    }

    // Validation with the member schema: the file alone for a new member, the stored member overlaid with the
    // non-empty cells of the file for a known one (an empty cell never blanks a stored value).
    let data: MemberData | null = null;
    let before: MemberData | null = null;
    if (existing) {
      before = memberDataOf(existing);
      const merged: Record<string, unknown> = { ...before };
      for (const field of row.filled) {
        const value = row.input[field];
        const old = before[field];
        if (field === 'directoryConsentOn' && row.consentYes && old) continue;
        if (
          LOOSE_TEXT.includes(field) &&
          typeof value === 'string' &&
          typeof old === 'string' &&
          value !== old &&
          nameKey(value) === nameKey(old)
        )
          continue;
        merged[field] = value;
      }
      merged.kind = existing.kind;
      // A spécialité left from a previous profession would now be refused: it goes with the profession.
      if (row.filled.has('professionCode') && merged.professionCode !== '10' && !row.filled.has('specialty'))
        merged.specialty = null;
      const parsed = memberSchema.safeParse(merged);
      if (parsed.success) data = parsed.data;
      else errors.push(...schemaErrors(parsed.error.issues, row.explained, row.filled));
    } else {
      const parsed = memberSchema.safeParse(row.input);
      if (parsed.success) data = parsed.data;
      else errors.push(...schemaErrors(parsed.error.issues, row.explained, null));
    }

    let values: Omit<Insertable<MemberTable>, 'id'> | null = null;
    if (data && errors.length === 0) {
      try {
        values = memberValues(data, context.reference);
      } catch (error) {
        errors.push(error instanceof UserError ? error.message : 'Valeurs impossibles à enregistrer.');
      }
    }

    // Cotisations.
    const memberKind = data?.kind ?? row.kind;
    const professionCode =
      data?.professionCode ?? (typeof row.input.professionCode === 'string' ? row.input.professionCode : null);
    const memberType = memberTypeOf(memberKind, professionCode);
    const stored = existing ? context.cotisations.get(existing.id) : undefined;
    const cotisationWrites: CotisationWrite[] = [];
    const cotisationChanges: string[] = [];
    let undatedCotisations = 0;
    for (const cotisation of row.cotisations) {
      const previous = stored?.get(cotisation.year);
      let amount = cotisation.amount;
      if (amount === 'expected' || (amount === null && cotisation.paid)) {
        amount = previous?.amount_cents ?? context.rates.get(`${cotisation.year}:${memberType}`) ?? null;
        if (amount === null) {
          errors.push(
            `Cotisation ${cotisation.year} : indiquez le montant (aucun tarif ${cotisation.year} n’est défini pour ce type de membre).`,
          );
          continue;
        }
      }
      if (amount === null) continue;
      const { paidOn, undated: withoutDate } = paidOnOf(cotisation, previous, context.undatedOn);
      if (withoutDate) undatedCotisations++;
      const checked = cotisationSchema.safeParse({
        memberId: 1,
        year: cotisation.year,
        amountCents: amount,
        paidOn,
        mode: null,
      });
      if (!checked.success) {
        errors.push(`Cotisation ${cotisation.year} : ${checked.error.issues[0]?.message ?? 'valeur invalide'}`);
        continue;
      }
      const write = { year: cotisation.year, amountCents: amount, paidOn };
      if (previous && previous.amount_cents === write.amountCents && previous.paid_on === write.paidOn) continue;
      cotisationWrites.push(write);
      cotisationChanges.push(
        previous
          ? `Cotisation ${cotisation.year} : ${describeCotisation({ year: cotisation.year, amountCents: previous.amount_cents, paidOn: previous.paid_on })} → ${describeCotisation(write)}`
          : `Cotisation ${cotisation.year} : ${describeCotisation(write, withoutDate)}`,
      );
    }

    const displayed = data ?? (row.input as Partial<MemberData>);
    const displayName =
      data || row.raw.name
        ? displayNameOf({
            kind: memberKind,
            last_name: (displayed.lastName as string | null | undefined) ?? null,
            first_name: (displayed.firstName as string | null | undefined) ?? null,
            structure_name: (displayed.structureName as string | null | undefined) ?? row.raw.name ?? null,
            erased_at: null,
          })
        : `Ligne ${line}`;
    const communeCode = (displayed.communeCode as string | null | undefined) ?? null;
    const structureType = (displayed.structureType as string | null | undefined) ?? null;
    const preview: ImportRowPreview = {
      line,
      displayName,
      professionLabel:
        memberKind === 'structure'
          ? (STRUCTURE_TYPES.find((type) => type.code === structureType)?.label ?? null)
          : professionLabelOf((displayed.professionCode as string | null | undefined) ?? null),
      communeName: communeCode ? (context.reference.byCode.get(communeCode)?.nom ?? null) : null,
      matchedMemberId: existing?.id ?? null,
      matchedBy,
      changes: [],
      errors,
      duplicate: null,
    };

    if (duplicate) {
      // A second occurrence of the same member: skipped, never an error to « correct in the file ». What it says
      // differently from the first occurrence is listed, so nothing is lost without a word.
      const first = firstRows.get(duplicate.of);
      const ignoredValues = first ? differencesOf(context, row, first.row) : [];
      preview.errors = [];
      preview.duplicate = {
        of: duplicate.of,
        reason: duplicate.reason,
        firstImported: first ? first.planned.status !== 'error' && first.planned.status !== 'duplicate' : false,
        ignoredValues,
      };
      rows.push({ preview, status: 'duplicate', memberId: null, values: null, cotisations: [] });
      continue;
    }

    let planned: PlannedRow;
    if (errors.length > 0 || !data || !values) {
      planned = { preview, status: 'error', memberId: existing?.id ?? null, values: null, cotisations: [] };
    } else if (!existing) {
      preview.changes = cotisationChanges;
      planned = { preview, status: 'create', memberId: null, values, cotisations: cotisationWrites };
    } else {
      const changes = memberChanges(context, before!, data);
      preview.changes = [...changes, ...cotisationChanges];
      planned = {
        preview,
        status: preview.changes.length > 0 ? 'update' : 'unchanged',
        memberId: existing.id,
        values: changes.length > 0 ? values : null,
        cotisations: cotisationWrites,
      };
    }
    if (planned.status !== 'error') {
      undated.cotisations += undatedCotisations;
      if (row.consentYes && !before?.directoryConsentOn) undated.consents++;
    }
    firstRows.set(line, { row, planned });
    rows.push(planned);
  }
  onProgress?.(sheet.rows.length, sheet.rows.length);
  return { rows, undated, missingColleges: [...context.missingColleges.values()] };
}

/** What a duplicate row says that its first occurrence does not (« Téléphone : 06 12 34 56 78 »), in French. */
function differencesOf(context: Context, row: RowInput, first: RowInput): string[] {
  const same = (a: unknown, b: unknown) =>
    typeof a === 'string' && typeof b === 'string' ? nameKey(a) === nameKey(b) : (a ?? null) === (b ?? null);
  const differences: string[] = [];
  for (const field of Object.keys(FIELD_LABELS) as (keyof MemberData)[]) {
    if (!row.filled.has(field) || same(row.input[field], first.input[field])) continue;
    differences.push(`${FIELD_LABELS[field]} : ${describe(context, field, row.input[field])}`);
  }
  for (const cotisation of row.cotisations) {
    const other = first.cotisations.find((candidate) => candidate.year === cotisation.year);
    if (other && other.amount === cotisation.amount && other.paid === cotisation.paid) continue;
    const amount =
      typeof cotisation.amount === 'number' ? formatEurosFromCents(cotisation.amount) : 'montant de l’année';
    const paid =
      typeof cotisation.paid === 'string' && cotisation.paid !== 'yes'
        ? ` payée le ${formatFrenchDate(cotisation.paid)}`
        : '';
    differences.push(`Cotisation ${cotisation.year} : ${amount}${paid}`);
  }
  return differences;
}

function previewOf(token: string, plan: Plan): ImportPreview {
  const pick = (status: PlannedRow['status']) =>
    plan.rows.filter((row) => row.status === status).map((row) => row.preview);
  return {
    token,
    total: plan.rows.length,
    toCreate: pick('create'),
    toUpdate: pick('update'),
    unchanged: pick('unchanged'),
    errors: pick('error'),
    duplicates: pick('duplicate'),
    undated: plan.undated,
    missingColleges: plan.missingColleges.map((college) => ({ name: college.name, rows: college.rows })),
  };
}

// =================================================================================================================
// Progress: one import at a time (one window); the screen asks for it while a long call runs
// =================================================================================================================

let progress: ImportProgress | null = null;

function report(phase: ImportProgress['phase'], fraction: number, label: string): void {
  progress = { phase, percent: Math.max(0, Math.min(100, Math.round(fraction * 100))), label };
}

/** Where the running import is (reading, checking, recording), for the progress bar; null when none runs. */
export function importProgress(): ImportProgress | null {
  return progress;
}

async function withProgress<T>(phase: ImportProgress['phase'], label: string, work: () => Promise<T>): Promise<T> {
  report(phase, 0, label);
  try {
    return await work();
  } finally {
    progress = null;
  }
}

/**
 * What the import would do with this mapping of the columns (field per column, null: ignored) and these choices:
 * members to create, to update (with the French list of changes), unchanged, duplicates of an earlier line
 * (skipped), rows in error with their French reasons, cotisations and consents the file does not date, and the
 * collèges it would create.
 */
export async function previewImport(
  db: Kysely<DB>,
  token: string,
  mapping: (string | null)[],
  options: Partial<ImportOptions> & { now?: Date } = {},
): Promise<ImportPreview> {
  const session = sessionOf(token);
  const checked = checkOptions(options, localToday(options.now ?? new Date()));
  const plan = await withProgress('verification', 'Vérification des lignes…', () =>
    planImport(db, session.sheet, mapping, checked, (done, total) =>
      report('verification', done / total, 'Vérification des lignes…'),
    ),
  );
  return previewOf(token, plan);
}

/** Creates the collèges the file needs, inside the import's transaction; returns provisional id → real id. */
async function createMissingColleges(
  trx: Transaction<DB>,
  missing: Plan['missingColleges'],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (missing.length === 0) return ids;
  const last = await trx
    .selectFrom('college')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  let position = Number(last?.max ?? 0);
  for (const college of missing) {
    const inserted = await trx
      .insertInto('college')
      .values({
        name: college.name,
        voting_right: 'deliberative',
        seats: null,
        description: null,
        position: ++position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(college.id, inserted.id);
    await audit(trx, 'create', 'college', String(inserted.id), `${college.name} (import)`);
  }
  return ids;
}

/**
 * Imports the file: re-runs the preview, then in one transaction creates the collèges the file needs (when asked),
 * creates the new members, updates the known ones and records the cotisations. Rows in error and duplicates are
 * skipped; any failure writes nothing. A successful import closes the file (its token is then expired).
 */
export async function applyImport(
  db: Kysely<DB>,
  token: string,
  mapping: (string | null)[],
  options: Partial<ImportOptions> & { now?: Date } = {},
): Promise<ImportResult> {
  const session = sessionOf(token);
  const now = options.now ?? new Date();
  const checked = checkOptions(options, localToday(now));
  const stamp = now.toISOString();
  let imported: ImportResult;
  try {
    imported = await withProgress('enregistrement', 'Vérification des lignes…', () =>
      db.transaction().execute(async (trx) => {
        const plan = await planImport(trx, session.sheet, mapping, checked, (done, total) =>
          report('enregistrement', (done / total) * 0.5, 'Vérification des lignes…'),
        );
        const toCreate = checked.createColleges ? plan.missingColleges : [];
        const collegeIds = await createMissingColleges(trx, toCreate);
        const result: ImportResult = {
          created: 0,
          updated: 0,
          unchanged: 0,
          skippedErrors: 0,
          skippedDuplicates: 0,
          cotisations: 0,
          collegesCreated: toCreate.map((college) => college.name),
        };
        const audits: { action: string; entity: string; entity_id: string; detail: string }[] = [];
        const cotisationRows: {
          member_id: number;
          year: number;
          amount_cents: number;
          paid_on: string | null;
          mode: null;
        }[] = [];
        let done = 0;
        for (const row of plan.rows) {
          if (++done % YIELD_EVERY === 0) {
            report('enregistrement', 0.5 + (done / plan.rows.length) * 0.45, 'Enregistrement des adhérents…');
            await yieldToEventLoop();
          }
          if (row.status === 'error') {
            result.skippedErrors++;
            continue;
          }
          if (row.status === 'duplicate') {
            result.skippedDuplicates++;
            continue;
          }
          if (row.status === 'unchanged') {
            result.unchanged++;
            continue;
          }
          const values =
            row.values && collegeIds.has(row.values.college_id ?? 0)
              ? { ...row.values, college_id: collegeIds.get(row.values.college_id!)! }
              : row.values;
          let memberId = row.memberId!;
          if (row.status === 'create') {
            const inserted = await trx.insertInto('member').values(values!).returning('id').executeTakeFirstOrThrow();
            memberId = inserted.id;
            result.created++;
          } else {
            if (values)
              await trx
                .updateTable('member')
                .set({ ...values, updated_at: stamp })
                .where('id', '=', memberId)
                .execute();
            result.updated++;
          }
          // The member's history (RGPD access requests) shows the import; no personal data in the detail.
          audits.push({ action: row.status, entity: 'member', entity_id: String(memberId), detail: 'import' });
          for (const cotisation of row.cotisations) {
            cotisationRows.push({
              member_id: memberId,
              year: cotisation.year,
              amount_cents: cotisation.amountCents,
              paid_on: cotisation.paidOn,
              mode: null,
            });
          }
        }
        report('enregistrement', 0.95, 'Enregistrement des cotisations…');
        // Cotisations and audit lines by batches of 500 rows (well under SQLite's limit of bound parameters).
        for (let start = 0; start < cotisationRows.length; start += 500) {
          await trx
            .insertInto('cotisation')
            .values(cotisationRows.slice(start, start + 500))
            .onConflict((oc) =>
              oc.columns(['member_id', 'year']).doUpdateSet((eb) => ({
                amount_cents: eb.ref('excluded.amount_cents'),
                paid_on: eb.ref('excluded.paid_on'),
              })),
            )
            .execute();
        }
        result.cotisations = cotisationRows.length;
        for (let start = 0; start < audits.length; start += 500) {
          await trx
            .insertInto('audit_log')
            .values(audits.slice(start, start + 500))
            .execute();
        }
        await audit(
          trx,
          'members.import',
          'member',
          null,
          `Import : ${result.created} créés, ${result.updated} mis à jour, ${result.unchanged} inchangés, ${result.skippedErrors} en erreur, ${result.skippedDuplicates} doublons ignorés, ${result.cotisations} cotisations, ${result.collegesCreated.length} collèges créés`,
        );
        return result;
      }),
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
    // The database's own refusal, in French (never SQLite's text): the whole import was rolled back.
    const refused = constraintError(error);
    if (refused)
      throw new UserError(refused.code, `L'import a échoué, aucune ligne n'est enregistrée. ${refused.message}`);
    throw error;
  }
  // Done: the rows (personal data) leave memory, and the same file cannot be imported twice by mistake.
  closeImport(token);
  return imported;
}
