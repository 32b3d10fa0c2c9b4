/**
 * The statutory rules of the CPTS, versioned by their date of entry into force, and the rules a meeting is held with.
 */
import { format, parseISO } from 'date-fns';
import type { Kysely, Transaction } from 'kysely';
import type { RulesOverview, RulesVersionRow } from '@shared/contract';
import { DEFAULT_RULES, statutoryRulesSchema, type StatutoryRules } from '@shared/domain/ag';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';

type Db = Kysely<DB> | Transaction<DB>;

function parseRules(json: string): StatutoryRules {
  return statutoryRulesSchema.parse(JSON.parse(json));
}

export async function rulesOverview(db: Db): Promise<RulesOverview> {
  const rows = await db.selectFrom('statutory_rules_version').selectAll().orderBy('effective_from', 'desc').execute();
  const versions: RulesVersionRow[] = rows.map((row) => ({
    id: row.id,
    effectiveFrom: row.effective_from,
    source: row.source,
    rules: parseRules(row.rules_json),
    createdAt: row.created_at,
  }));
  return { versions, defaults: DEFAULT_RULES };
}

export async function saveRulesVersion(
  db: Kysely<DB>,
  input: { id: number | null; effectiveFrom: string | null; rules: StatutoryRules },
): Promise<RulesOverview> {
  const effectiveFrom = input.effectiveFrom!;
  const clash = await db
    .selectFrom('statutory_rules_version')
    .select('id')
    .where('effective_from', '=', effectiveFrom)
    .$if(input.id !== null, (query) => query.where('id', '!=', input.id!))
    .executeTakeFirst();
  if (clash)
    throw new UserError(
      'conflict',
      `Une version des statuts entre déjà en vigueur le ${format(parseISO(effectiveFrom), 'dd/MM/yyyy')}.`,
    );
  const values = { effective_from: effectiveFrom, source: input.rules.source, rules_json: JSON.stringify(input.rules) };
  if (input.id === null) {
    const { id } = await db
      .insertInto('statutory_rules_version')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(db, 'create', 'statutory_rules_version', String(id), effectiveFrom);
  } else {
    const result = await db
      .updateTable('statutory_rules_version')
      .set(values)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw new UserError('not_found', 'Cette version des règles statutaires n’existe plus.');
    await audit(db, 'update', 'statutory_rules_version', String(input.id), effectiveFrom);
  }
  return rulesOverview(db);
}

export async function deleteRulesVersion(db: Kysely<DB>, id: number): Promise<RulesOverview> {
  const deleted = await db.deleteFrom('statutory_rules_version').where('id', '=', id).executeTakeFirst();
  if (!Number(deleted.numDeletedRows))
    throw new UserError('not_found', 'Cette version des règles statutaires n’existe plus.');
  await audit(db, 'delete', 'statutory_rules_version', String(id), null);
  return rulesOverview(db);
}

/** Statutory rules applied to a meeting, and where they come from. */
export interface RulesInForce {
  rules: StatutoryRules;
  versionId: number | null;
  effectiveFrom: string | null;
  source: string | null;
  isDefault: boolean;
}

/** The rules in force on `date`: the latest version that entered into force on or before it, else the defaults. */
export async function rulesAt(db: Db, date: string): Promise<RulesInForce> {
  const row = await db
    .selectFrom('statutory_rules_version')
    .selectAll()
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row)
    return {
      rules: DEFAULT_RULES,
      versionId: null,
      effectiveFrom: null,
      source: DEFAULT_RULES.source,
      isDefault: true,
    };
  const rules = parseRules(row.rules_json);
  return { rules, versionId: row.id, effectiveFrom: row.effective_from, source: rules.source, isDefault: false };
}

/** The rules an approved assembly was held with (stored at approval: later statuts do not change it). */
export function frozenRules(json: string): RulesInForce {
  const stored = JSON.parse(json) as Omit<RulesInForce, 'rules'> & { rules: unknown };
  return { ...stored, rules: statutoryRulesSchema.parse(stored.rules) };
}
