import type { ImportRowPreview } from '@shared/contract';
import {
  cotisationPaidYearOf,
  cotisationYearOf,
  formatFrenchDate,
  importFieldLabel,
  isImportField,
  parseFrenchDate,
} from '@shared/domain/import-mapping';
import { memberTypeOf } from '@shared/domain/members';
import { STRUCTURE_TYPES } from '@shared/domain/professions';
import { formatEurosFromCents } from '@shared/format';
import { cotisationSchema, type MemberData, memberSchema } from '@shared/schemas/members';
import type { Insertable } from 'kysely';
import type { MemberTable } from '../../db/schema';
import { UserError } from '../errors';
import { displayNameOf, isErasedIdentity, memberDataOf, memberValues, professionLabelOf } from '../members';
import {
  type Context,
  type Db,
  DEFAULT_OPTIONS,
  type ImportOptions,
  loadContext,
  type MemberRow,
  nameKey,
  personKey,
} from './context';
import {
  ambiguityMessage,
  describe,
  FIELD_LABELS,
  fileKeys,
  findMatch,
  type Identity,
  identityOf,
  LOOSE_TEXT,
  memberChanges,
  paidOnOf,
  schemaErrors,
} from './matching';
import { YIELD_EVERY, yieldToEventLoop } from './progress';
import type { Spreadsheet } from './read';
import { type Cells, interpretRow, type RowInput } from './row';

// =================================================================================================================
// Plan: preview and the writes of the import
// =================================================================================================================

interface CotisationWrite {
  year: number;
  amountCents: number;
  paidOn: string | null;
}

/** A member's columns as stored, without the id. */
type MemberValues = Omit<Insertable<MemberTable>, 'id'>;

export interface PlannedRow {
  preview: ImportRowPreview;
  status: 'create' | 'update' | 'unchanged' | 'error' | 'duplicate';
  memberId: number | null;
  values: MemberValues | null;
  cotisations: CotisationWrite[];
}

export interface Plan {
  rows: PlannedRow[];
  /** Cotisations and « oui » consents the file gives without a date (dated with `undatedOn`, or left undated). */
  undated: { cotisations: number; consents: number };
  /** Collèges of the file that do not exist yet (created on apply when the coordinator agrees). */
  missingColleges: { id: number; name: string; rows: number }[];
}

export function checkOptions(options: Partial<ImportOptions> | undefined, today: string): ImportOptions {
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

export function localToday(now: Date): string {
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

/** Years of the cotisation columns the mapping uses. */
function cotisationYearsOf(mapping: (string | null)[]): number[] {
  return [
    ...new Set(
      mapping
        .flatMap((field) => (field ? [cotisationYearOf(field) ?? cotisationPaidYearOf(field)] : []))
        .filter((year): year is number => year !== null),
    ),
  ];
}

/** The mapped cells of one row, by field; null when all of them are empty (a blank line is skipped). */
function cellsOf(cellsOfRow: string[], columns: { field: string; column: number }[]): Cells | null {
  const cells: Cells = new Map();
  let any = false;
  for (const { field, column } of columns) {
    const value = cellsOfRow[column] ?? '';
    if (value) any = true;
    cells.set(field, value);
  }
  return any ? cells : null;
}

type Duplicate = { of: number; reason: string };

interface NameSeen {
  line: number;
  rpps: string | null;
  finessEt: string | null;
  siret: string | null;
  commune: string | null;
}

/** What the rows read so far say, to recognise a member the file gives twice. */
interface FileMemory {
  /** Identifier key → line of its first occurrence. */
  keys: Map<string, number>;
  /** Name key → the earlier rows with that name. */
  names: Map<string, NameSeen[]>;
  /** Id of a member of Maillage → line of the first row that matched it. */
  members: Map<number, number>;
}

/**
 * An earlier row of the file for the same member: same identifier, or same name (and profession for a person) in
 * the same commune or without a commune on either side (nothing tells them apart), unless both rows carry
 * different identifiers (two homonyms). Remembers this row for the rows that follow.
 */
function duplicateInFile(memory: FileMemory, row: RowInput, identity: Identity, line: number): Duplicate | null {
  let duplicate: Duplicate | null = null;
  for (const { key, label } of fileKeys(row, identity)) {
    const first = memory.keys.get(key);
    if (first !== undefined) {
      duplicate = { of: first, reason: label };
      break;
    }
  }
  for (const { key } of fileKeys(row, identity)) if (!memory.keys.has(key)) memory.keys.set(key, line);
  const rowNameKey =
    row.kind === 'person'
      ? identity.lastName && identity.professionCode
        ? `person:${personKey(identity.lastName, identity.firstName, identity.professionCode)}`
        : null
      : identity.structureName
        ? `structure:${nameKey(identity.structureName)}`
        : null;
  if (!rowNameKey) return duplicate;
  const earlier = memory.names.get(rowNameKey) ?? [];
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
  memory.names.set(rowNameKey, earlier);
  return duplicate;
}

interface ExistingMatch {
  existing: MemberRow | null;
  matchedBy: ImportRowPreview['matchedBy'];
  /** A member of Maillage an earlier row already matched. */
  duplicate: Duplicate | null;
}

/**
 * The member of Maillage the row is about, if any. An anonymised or ambiguous match, or a person erased at her
 * request (RGPD), is an error of the row.
 */
async function matchExisting(
  db: Db,
  context: Context,
  memory: FileMemory,
  row: RowInput,
  identity: Identity,
  line: number,
  errors: string[],
): Promise<ExistingMatch> {
  const match = findMatch(context, row, identity);
  if (match && 'erased' in match) {
    errors.push('Ce RPPS appartient à un membre anonymisé : la ligne n’est pas importée.');
  } else if (match && 'ambiguous' in match) {
    errors.push(ambiguityMessage(context, match.ambiguous));
  } else if (match) {
    const existing = match.member;
    const first = memory.members.get(existing.id);
    if (first === undefined) memory.members.set(existing.id, line);
    const duplicate =
      first !== undefined ? { of: first, reason: `même membre de Maillage : ${displayNameOf(existing)}` } : null;
    return { existing, matchedBy: match.by, duplicate };
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
  return { existing: null, matchedBy: null, duplicate: null };
}

/**
 * Validation with the member schema: the file alone for a new member, the stored member overlaid with the
 * non-empty cells of the file for a known one (an empty cell never blanks a stored value).
 */
function validateRow(
  row: RowInput,
  existing: MemberRow | null,
  errors: string[],
): { data: MemberData | null; before: MemberData | null } {
  if (!existing) {
    const parsed = memberSchema.safeParse(row.input);
    if (parsed.success) return { data: parsed.data, before: null };
    errors.push(...schemaErrors(parsed.error.issues, row.explained, null));
    return { data: null, before: null };
  }
  const before = memberDataOf(existing);
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
  if (parsed.success) return { data: parsed.data, before };
  errors.push(...schemaErrors(parsed.error.issues, row.explained, row.filled));
  return { data: null, before };
}

/** The values to store, or null (with an error) when they cannot be stored. */
function valuesOf(context: Context, data: MemberData | null, errors: string[]): MemberValues | null {
  if (!data || errors.length > 0) return null;
  try {
    return memberValues(data, context.reference);
  } catch (error) {
    errors.push(error instanceof UserError ? error.message : 'Valeurs impossibles à enregistrer.');
    return null;
  }
}

interface CotisationPlan {
  writes: CotisationWrite[];
  /** What changes, in French (« Cotisation 2026 : 45,00 € payée le … »). */
  changes: string[];
  /** Cotisations the file marks paid without a date. */
  undated: number;
}

/**
 * The cotisations to record: an amount « oui » (or a payment without an amount) takes the stored amount or the
 * rate of the year; a cotisation identical to the stored one is not written again.
 */
function planCotisations(
  context: Context,
  row: RowInput,
  existing: MemberRow | null,
  memberType: ReturnType<typeof memberTypeOf>,
  errors: string[],
): CotisationPlan {
  const stored = existing ? context.cotisations.get(existing.id) : undefined;
  const plan: CotisationPlan = { writes: [], changes: [], undated: 0 };
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
    if (withoutDate) plan.undated++;
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
    plan.writes.push(write);
    plan.changes.push(
      previous
        ? `Cotisation ${cotisation.year} : ${describeCotisation({ year: cotisation.year, amountCents: previous.amount_cents, paidOn: previous.paid_on })} → ${describeCotisation(write)}`
        : `Cotisation ${cotisation.year} : ${describeCotisation(write, withoutDate)}`,
    );
  }
  return plan;
}

/** How the row shows in the preview: name, profession or type of structure, commune, matched member, errors. */
function rowPreviewOf(
  context: Context,
  row: RowInput,
  data: MemberData | null,
  memberKind: 'person' | 'structure',
  line: number,
  found: ExistingMatch,
  errors: string[],
): ImportRowPreview {
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
  return {
    line,
    displayName,
    professionLabel:
      memberKind === 'structure'
        ? (STRUCTURE_TYPES.find((type) => type.code === structureType)?.label ?? null)
        : professionLabelOf((displayed.professionCode as string | null | undefined) ?? null),
    communeName: communeCode ? (context.reference.byCode.get(communeCode)?.nom ?? null) : null,
    matchedMemberId: found.existing?.id ?? null,
    matchedBy: found.matchedBy,
    changes: [],
    errors,
    duplicate: null,
  };
}

/**
 * A second occurrence of the same member: skipped, never an error to « correct in the file ». What it says
 * differently from the first occurrence is listed, so nothing is lost without a word.
 */
function duplicateRow(
  context: Context,
  row: RowInput,
  preview: ImportRowPreview,
  duplicate: Duplicate,
  first: { row: RowInput; planned: PlannedRow } | undefined,
): PlannedRow {
  const ignoredValues = first ? differencesOf(context, row, first.row) : [];
  preview.errors = [];
  preview.duplicate = {
    of: duplicate.of,
    reason: duplicate.reason,
    firstImported: first ? first.planned.status !== 'error' && first.planned.status !== 'duplicate' : false,
    ignoredValues,
  };
  return { preview, status: 'duplicate', memberId: null, values: null, cotisations: [] };
}

/** Create, update, unchanged or error, with the French list of changes. */
function plannedRowOf(
  context: Context,
  preview: ImportRowPreview,
  existing: MemberRow | null,
  validated: { data: MemberData | null; before: MemberData | null },
  values: MemberValues | null,
  cotisations: CotisationPlan,
): PlannedRow {
  const { data, before } = validated;
  if (preview.errors.length > 0 || !data || !values)
    return { preview, status: 'error', memberId: existing?.id ?? null, values: null, cotisations: [] };
  if (!existing) {
    preview.changes = cotisations.changes;
    return { preview, status: 'create', memberId: null, values, cotisations: cotisations.writes };
  }
  const changes = memberChanges(context, before!, data);
  preview.changes = [...changes, ...cotisations.changes];
  return {
    preview,
    status: preview.changes.length > 0 ? 'update' : 'unchanged',
    memberId: existing.id,
    values: changes.length > 0 ? values : null,
    cotisations: cotisations.writes,
  };
}

/**
 * Reads every row with the mapping and decides what the import does with it (see the module doc). The same plan
 * serves the preview and, re-run inside the transaction, the import itself.
 */
export async function planImport(
  db: Db,
  sheet: Spreadsheet,
  mapping: (string | null)[],
  options: ImportOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<Plan> {
  checkMapping(sheet, mapping);
  const context = await loadContext(db, cotisationYearsOf(mapping), options);
  const columns = mapping.flatMap((field, column) => (field ? [{ field, column }] : []));
  const undated = { cotisations: 0, consents: 0 };
  /** Cells and status of the first occurrence of each line, for the duplicates that follow. */
  const firstRows = new Map<number, { row: RowInput; planned: PlannedRow }>();
  const memory: FileMemory = { keys: new Map(), names: new Map(), members: new Map() };
  const rows: PlannedRow[] = [];

  for (let index = 0; index < sheet.rows.length; index++) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) {
      onProgress?.(index, sheet.rows.length);
      await yieldToEventLoop();
    }
    const line = sheet.lines[index] ?? index + 2;
    const cells = cellsOf(sheet.rows[index]!, columns);
    if (!cells) continue;

    const row = interpretRow(context, cells);
    const identity = identityOf(row);
    const errors = [...row.errors];
    const inFile = duplicateInFile(memory, row, identity, line);
    const found = await matchExisting(db, context, memory, row, identity, line, errors);
    const duplicate = inFile ?? found.duplicate;
    const validated = validateRow(row, found.existing, errors);
    const values = valuesOf(context, validated.data, errors);
    const memberKind = validated.data?.kind ?? row.kind;
    const professionCode =
      validated.data?.professionCode ??
      (typeof row.input.professionCode === 'string' ? row.input.professionCode : null);
    const cotisations = planCotisations(context, row, found.existing, memberTypeOf(memberKind, professionCode), errors);
    const preview = rowPreviewOf(context, row, validated.data, memberKind, line, found, errors);

    if (duplicate) {
      rows.push(duplicateRow(context, row, preview, duplicate, firstRows.get(duplicate.of)));
      continue;
    }
    const planned = plannedRowOf(context, preview, found.existing, validated, values, cotisations);
    if (planned.status !== 'error') {
      undated.cotisations += cotisations.undated;
      if (row.consentYes && !validated.before?.directoryConsentOn) undated.consents++;
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
