/**
 * The preview and the import of an annex for one contract year. Each row is read (`parseAnnexRow`) and matched
 * with the contract's indicators: the same code, or without a code the same mission and wording, is the same
 * indicator — never created twice. A known indicator gets the year's target if it has none, and is left as it is
 * when it has one (re-importing the annex changes nothing). A second row of the file for the same indicator is
 * refused. The import writes the valid rows in one transaction: indicators, targets, tiers, evidence required.
 */
import type { Kysely } from 'kysely';
import type {
  AnnexField,
  AnnexMissionTotal,
  AnnexPreview,
  AnnexResult,
  AnnexRowAction,
  AnnexRowPreview,
} from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import { amountMismatch } from '@shared/domain/aci/attainment';
import { formatEurosFromCents } from '@shared/format';
import { ACI_MISSIONS } from '@shared/domain/aci/reference';
import { searchKey } from '@shared/text';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { report, withProgress } from '../members-import/progress';
import { UserError } from '../errors';
import { type AnnexRow, parseAnnexRow } from './row';
import { annexSessionOf } from './sessions';

interface PlannedRow {
  preview: AnnexRowPreview;
  row: AnnexRow | null;
}

interface Plan {
  year: { id: number; contract_id: number; year_index: number };
  rows: PlannedRow[];
}

const missionName = (code: AciMissionCode) => ACI_MISSIONS.find((mission) => mission.code === code)?.label ?? code;
const wordingKey = (mission: string, label: string) => `${mission}|${searchKey(label)}`;

async function planAnnex(
  db: Kysely<DB>,
  token: string,
  contractYearId: number,
  mapping: readonly (AnnexField | null)[],
): Promise<Plan> {
  const sheet = annexSessionOf(token);
  const year = await db
    .selectFrom('aci_contract_year')
    .select(['id', 'contract_id', 'year_index'])
    .where('id', '=', contractYearId)
    .executeTakeFirst();
  if (!year) {
    throw new UserError('not_found', 'Cette année de contrat n’existe pas ou plus.', {
      contractYearId: 'Choisissez une année du contrat.',
    });
  }
  for (const field of ['mission', 'indicateur'] as const) {
    if (!mapping.includes(field)) {
      throw new UserError(
        'invalid_input',
        `Indiquez la colonne « ${field === 'mission' ? 'Mission' : 'Indicateur'} » : l’import en a besoin.`,
        { mapping: 'Colonne obligatoire manquante.' },
      );
    }
  }
  const known = await db
    .selectFrom('indicator')
    .leftJoin('indicator_target as t', (join) =>
      join.onRef('t.indicator_id', '=', 'indicator.id').on('t.contract_year_id', '=', year.id),
    )
    .select(['indicator.id', 'indicator.code', 'indicator.mission_code', 'indicator.label', 't.id as target_id'])
    .where('indicator.contract_id', '=', year.contract_id)
    .execute();
  const byCode = new Map(known.filter((k) => k.code).map((k) => [k.code!.toLowerCase(), k]));
  const byWording = new Map(known.map((k) => [wordingKey(k.mission_code, k.label), k]));
  const seen = new Map<string, number>();

  const rows: PlannedRow[] = sheet.rows.map((cells, index) => {
    const line = sheet.lines[index]!;
    const byField: Partial<Record<AnnexField, string>> = {};
    mapping.forEach((field, column) => {
      if (field && cells[column]) byField[field] = cells[column];
    });
    const parsed = parseAnnexRow(byField);
    const errors = parsed.ok ? [] : [...parsed.errors];
    const data = parsed.ok ? parsed.row : null;
    const code = data?.indicator.code ?? (byField.code?.trim() || null);
    const label = data?.indicator.label ?? byField.indicateur?.trim() ?? '';
    const missionCode = data?.indicator.missionCode ?? null;
    let action: AnnexRowAction = 'error';
    let existing: (typeof known)[number] | undefined;
    const notes: string[] = [];
    if (data) {
      const key = code ? `code:${code.toLowerCase()}` : wordingKey(data.indicator.missionCode, data.indicator.label);
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(`Même indicateur que la ligne ${first} du fichier : une seule ligne par indicateur.`);
      } else {
        seen.set(key, line);
        existing = code
          ? byCode.get(code.toLowerCase())
          : byWording.get(wordingKey(data.indicator.missionCode, data.indicator.label));
        if (existing && existing.mission_code !== data.indicator.missionCode) {
          errors.push(
            `Le code ${code} est déjà celui d’un indicateur de la mission ${missionName(existing.mission_code)}.`,
          );
        } else if (existing?.target_id) {
          action = 'unchanged';
          notes.push(`Cet indicateur a déjà une cible pour l’année ${year.year_index} : elle reste inchangée.`);
        } else {
          action = existing ? 'add_target' : 'create';
          if (existing) notes.push('Indicateur déjà connu : seule sa cible de l’année est ajoutée.');
        }
      }
    }
    return {
      row: action === 'create' || action === 'add_target' ? data : null,
      preview: {
        line,
        missionCode,
        code,
        label,
        summary: data?.summary ?? '',
        amountCents: data?.target.maxCents ?? null,
        action: errors.length > 0 ? 'error' : action,
        existingIndicatorId: existing?.id ?? null,
        errors,
        notes,
      },
    };
  });
  return { year, rows };
}

/** Σ of each mission's amounts (rows to import + targets already entered) against its variable maximum. */
async function missionTotals(db: Kysely<DB>, plan: Plan): Promise<AnnexMissionTotal[]> {
  const entered = await db
    .selectFrom('indicator_target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .select(['i.mission_code', (eb) => eb.fn.sum<number>('t.max_cents').as('cents')])
    .where('t.contract_year_id', '=', plan.year.id)
    .groupBy('i.mission_code')
    .execute();
  const envelopes = await db
    .selectFrom('aci_envelope')
    .select(['mission_code', 'variable_max_cents'])
    .where('contract_year_id', '=', plan.year.id)
    .execute();
  const totals = new Map<AciMissionCode, number>(entered.map((row) => [row.mission_code, Number(row.cents)]));
  for (const { row } of plan.rows) {
    if (row) totals.set(row.indicator.missionCode, (totals.get(row.indicator.missionCode) ?? 0) + row.target.maxCents);
  }
  return ACI_MISSIONS.filter((mission, index, all) => all.findIndex((m) => m.code === mission.code) === index)
    .map((mission) => mission.code)
    .filter((code) => totals.has(code))
    .map((code) => {
      const envelope = envelopes.find((row) => row.mission_code === code);
      const indicatorsCents = totals.get(code)!;
      const variableMaxCents = envelope?.variable_max_cents ?? null;
      const mismatch =
        variableMaxCents === null
          ? null
          : amountMismatch({ label: missionName(code), fixedCents: 0, variableMaxCents }, indicatorsCents);
      return {
        missionCode: code,
        indicatorsCents,
        variableMaxCents,
        warning:
          variableMaxCents === null
            ? `Pas d’enveloppe saisie pour la mission ${missionName(code)} cette année : ses indicateurs totalisent ${formatEurosFromCents(indicatorsCents)}.`
            : (mismatch?.message ?? null),
      };
    });
}

export async function previewAnnex(
  db: Kysely<DB>,
  token: string,
  contractYearId: number,
  mapping: readonly (AnnexField | null)[],
): Promise<AnnexPreview> {
  const plan = await withProgress('verification', 'Vérification des lignes de l’annexe…', () =>
    planAnnex(db, token, contractYearId, mapping),
  );
  const counts: Record<AnnexRowAction, number> = { create: 0, add_target: 0, unchanged: 0, error: 0 };
  for (const { preview } of plan.rows) counts[preview.action]++;
  return {
    token,
    contractYearId,
    yearIndex: plan.year.year_index,
    rows: plan.rows.map(({ preview }) => preview),
    counts,
    missions: await missionTotals(db, plan),
  };
}

/** Writes the valid rows of the annex for the contract year in one transaction; rows in error are left out. */
export async function applyAnnex(
  db: Kysely<DB>,
  token: string,
  contractYearId: number,
  mapping: readonly (AnnexField | null)[],
): Promise<AnnexResult> {
  const result: AnnexResult = { indicatorsCreated: 0, targetsCreated: 0, requirementsCreated: 0, skipped: 0 };
  await withProgress('enregistrement', 'Enregistrement des indicateurs…', () =>
    writeAnnex(db, token, contractYearId, mapping, result),
  );
  return result;
}

async function writeAnnex(
  db: Kysely<DB>,
  token: string,
  contractYearId: number,
  mapping: readonly (AnnexField | null)[],
  result: AnnexResult,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Planned inside the transaction: what is written is exactly what was checked against the database.
    const plan = await planAnnex(trx, token, contractYearId, mapping);
    const last = await trx
      .selectFrom('indicator')
      .select((eb) => eb.fn.max<number>('position').as('position'))
      .where('contract_id', '=', plan.year.contract_id)
      .executeTakeFirst();
    let position = Number(last?.position ?? 0);
    for (const [index, { row, preview }] of plan.rows.entries()) {
      report('enregistrement', index / plan.rows.length, 'Enregistrement des indicateurs…');
      if (!row) {
        result.skipped++;
        continue;
      }
      let indicatorId = preview.existingIndicatorId;
      if (indicatorId === null) {
        const { indicator } = row;
        indicatorId = (
          await trx
            .insertInto('indicator')
            .values({
              contract_id: plan.year.contract_id,
              mission_code: indicator.missionCode,
              fiche_id: null,
              code: indicator.code,
              label: indicator.label,
              kind: indicator.kind,
              value_type: indicator.valueType,
              unit: indicator.unit,
              direction: indicator.direction,
              definition: indicator.definition,
              data_source: indicator.dataSource,
              auto_measure: null,
              baseline_value: indicator.baselineValue,
              baseline_on: indicator.baselineOn,
              baseline_source: indicator.baselineSource,
              position: ++position,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        result.indicatorsCreated++;
        await audit(trx, 'create', 'indicator', String(indicatorId), 'import de l’annexe indicateurs');
        for (const label of row.requirements) {
          await trx
            .insertInto('evidence_requirement')
            .values({ indicator_id: indicatorId, label, required: 1 })
            .execute();
          result.requirementsCreated++;
        }
      }
      const { target } = row;
      const tiers = target.rule === 'paliers' ? target.tiers : [];
      const targetId = (
        await trx
          .insertInto('indicator_target')
          .values({
            indicator_id: indicatorId,
            contract_year_id: plan.year.id,
            payment_rule: target.rule,
            target_value: target.rule === 'paliers' ? (tiers.at(-1)?.threshold ?? null) : target.targetValue,
            max_cents: target.maxCents,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      if (tiers.length > 0) {
        await trx
          .insertInto('indicator_tier')
          .values(
            tiers.map((tier) => ({
              target_id: targetId,
              rank: tier.rank,
              label: tier.label || null,
              threshold: tier.threshold,
              amount_cents: tier.amountCents,
            })),
          )
          .execute();
      }
      result.targetsCreated++;
      await audit(
        trx,
        'create',
        'indicator_target',
        String(targetId),
        `année ${plan.year.year_index}, import de l’annexe`,
      );
    }
  });
}
