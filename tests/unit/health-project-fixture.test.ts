/**
 * The generated projet de santé that benchmarks and report tests build on is itself sound: every target passes the
 * app's own validation, each mission's indicator amounts add up to its variable part, and the figures it reports
 * match the rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateTarget } from '@shared/domain/aci';
import { generateCpts } from '../../bench/generate';
import { generateHealthProject } from '../../bench/generate-health-project';
import { SEG_CODES, tempDatabase } from '../helpers/db';

let dispose: (() => Promise<void>) | null = null;
afterEach(async () => {
  await dispose?.();
  dispose = null;
});

describe('generated projet de santé', () => {
  it('is valid by the app’s own rules', async () => {
    const database = await tempDatabase();
    dispose = database.dispose;
    const { db } = database;
    await db
      .insertInto('territory_commune')
      .values(SEG_CODES.map((code) => ({ code_insee: code, cog_year: 2026 })))
      .execute();
    await generateCpts(db, { members: 120, years: 2 });
    const project = await generateHealthProject(db, { indicatorsPerMission: 8, fiches: 60 });

    expect(project.indicators).toBe(48);
    expect(project.targets).toBe(48 * 5);
    expect(project.measures).toBe(48 * 4);
    expect(project.fiches).toBe(60);
    expect(await db.selectFrom('indicator').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(
      {
        n: 48,
      },
    );

    const indicators = new Map(
      (await db.selectFrom('indicator').selectAll().execute()).map((row) => [row.id, row] as const),
    );
    const tiers = await db.selectFrom('indicator_tier').selectAll().orderBy('rank').execute();
    const targets = await db.selectFrom('indicator_target').selectAll().execute();
    for (const target of targets) {
      const indicator = indicators.get(target.indicator_id)!;
      const errors = validateTarget(
        {
          rule: target.payment_rule,
          targetValue: target.target_value,
          maxAmountCents: target.max_cents,
          tiers: tiers
            .filter((tier) => tier.target_id === target.id)
            .map((tier) => ({
              rank: tier.rank,
              label: tier.label ?? '',
              threshold: tier.threshold,
              amountCents: tier.amount_cents,
            })),
        },
        { valueType: indicator.value_type, direction: indicator.direction, baseline: indicator.baseline_value },
      );
      expect(errors, `${indicator.label} (${target.payment_rule})`).toEqual([]);
    }

    const envelopes = await db.selectFrom('aci_envelope').selectAll().execute();
    for (const envelope of envelopes) {
      const sum = targets
        .filter(
          (target) =>
            target.contract_year_id === envelope.contract_year_id &&
            indicators.get(target.indicator_id)!.mission_code === envelope.mission_code,
        )
        .reduce((total, target) => total + target.max_cents, 0);
      expect(sum, `${envelope.mission_code}`).toBe(envelope.variable_max_cents);
    }
  });
});
