import type { ImportPreview } from '@shared/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ImportOptions } from './context';
import { checkOptions, localToday, type Plan, planImport, type PlannedRow } from './plan';
import { report, withProgress } from './progress';
import { sessionOf } from './sessions';

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
