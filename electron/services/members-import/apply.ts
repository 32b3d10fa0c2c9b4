import type { ImportResult } from '@shared/contract';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { constraintError, UserError } from '../errors';
import type { ImportOptions } from './context';
import { checkOptions, localToday, type Plan, planImport } from './plan';
import { report, withProgress, YIELD_EVERY, yieldToEventLoop } from './progress';
import { closeImport, sessionOf } from './sessions';

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

type CotisationRow = { member_id: number; year: number; amount_cents: number; paid_on: string | null; mode: null };
type AuditRow = { action: string; entity: string; entity_id: string; detail: string };

/** Inserts the rows by batches of 500 (well under SQLite's limit of bound parameters). */
async function insertByBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) await insert(rows.slice(start, start + 500));
}

/**
 * Writes the planned rows inside the import's transaction: creates and updates the members (collèges to create
 * replaced by their real ids), then records the cotisations and one audit line per member by batches.
 */
async function writeRows(
  trx: Transaction<DB>,
  plan: Plan,
  collegeIds: Map<number, number>,
  stamp: string,
): Promise<ImportResult> {
  const result: ImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skippedErrors: 0,
    skippedDuplicates: 0,
    cotisations: 0,
    collegesCreated: [],
  };
  const audits: AuditRow[] = [];
  const cotisationRows: CotisationRow[] = [];
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
  await insertByBatches(cotisationRows, (batch) =>
    trx
      .insertInto('cotisation')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['member_id', 'year']).doUpdateSet((eb) => ({
          amount_cents: eb.ref('excluded.amount_cents'),
          paid_on: eb.ref('excluded.paid_on'),
        })),
      )
      .execute(),
  );
  result.cotisations = cotisationRows.length;
  await insertByBatches(audits, (batch) => trx.insertInto('audit_log').values(batch).execute());
  return result;
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
        const result = await writeRows(trx, plan, collegeIds, stamp);
        result.collegesCreated = toCreate.map((college) => college.name);
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
