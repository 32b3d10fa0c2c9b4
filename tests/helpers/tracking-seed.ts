/**
 * A realistic contract year for the tableau de suivi: a taille-3 contract whose year 5 runs 15 April 2026 to
 * 14 April 2027, the per-mission envelopes seen in two signed annexes (domain notes part 2, §1.2), indicators of
 * every payment rule with measures and evidence, a carried-over target and a mission whose indicators do not add up
 * to its variable maximum. Written through the real handlers, except the contract and its years (rows).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput } from '@shared/contract';
import type { AciMissionCode } from '@shared/domain/aci';
import { SAMPLE_IDENTITY } from '../components/seed-cpts';
import type { testBackend } from './handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

export const CONTRACT_NUMBER = '2022-093-017';

/** Envelopes of year 5, in euros: fixe, variable (crise left without an envelope on purpose). */
export const ENVELOPES: Partial<Record<AciMissionCode, readonly [number, number]>> = {
  acces: [90_000, 35_000],
  parcours: [45_000, 45_000],
  prevention: [17_500, 17_500],
  qualite: [15_000, 15_000],
  accompagnement: [10_000, 10_000],
};

export interface SeededYear {
  contractId: number;
  years: number[];
  /** Year 5's id. */
  yearId: number;
}

const YEAR_STARTS = ['2022-04-15', '2023-04-15', '2024-04-15', '2025-04-15', '2026-04-15'];

type IndicatorInput = ChannelInput<'indicators.create'>;
type TargetInput = Omit<ChannelInput<'indicators.saveTarget'>, 'indicatorId' | 'contractYearId'>;
type MeasureInput = Omit<ChannelInput<'indicators.saveMeasure'>, 'indicatorId' | 'contractYearId'>;

interface Spec {
  indicator: Omit<IndicatorInput, 'contractId' | 'kind' | 'dataSource'> &
    Partial<Pick<IndicatorInput, 'kind' | 'dataSource'>>;
  target: TargetInput;
  measures?: MeasureInput[];
  /** Evidence required; the first `provided` get a document for year 5. */
  evidence?: { labels: string[]; provided: number };
  /** A year-4 target with no measure (not met), carried over into year 5. */
  carriedOver?: boolean;
}

const tiers = (...list: [string, number, number][]) =>
  list.map(([label, threshold, euros], index) => ({ rank: index + 1, label, threshold, amountCents: euros * 100 }));

export const SPECS: Spec[] = [
  {
    indicator: {
      missionCode: 'acces',
      code: 'ACC-1',
      label: 'Patients en ALD sans médecin traitant',
      valueType: 'nombre',
      direction: 'baisse',
      baselineValue: 219,
      baselineOn: '2025-12-31',
      dataSource: 'cpam',
    },
    target: {
      paymentRule: 'paliers',
      tiers: tiers(['socle', 219, 3_000], ['intermédiaire', 100, 6_000], ['objectif', 50, 9_000]),
    },
    measures: [
      { value: 120, measuredOn: '2026-10-01', status: 'brouillon' },
      { value: 87, measuredOn: '2026-11-15', status: 'valide', periodEnd: '2026-10-31' },
    ],
    evidence: { labels: ['Données statistiques CPAM'], provided: 1 },
  },
  {
    indicator: {
      missionCode: 'acces',
      code: 'ACC-2',
      label: 'Maintenir le partenariat en place avec la CPAM',
      valueType: 'oui_non',
      direction: 'atteindre',
      kind: 'moyens',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: 200_000 },
    measures: [{ value: 1, measuredOn: '2026-11-01', status: 'declare' }],
    evidence: { labels: ['Conventions signées', 'Comptes rendus'], provided: 1 },
  },
  {
    indicator: {
      missionCode: 'acces',
      code: 'ACC-3',
      label: 'Patients de plus de 70 ans sans médecin traitant',
      valueType: 'nombre',
      direction: 'baisse',
      baselineValue: 303,
      baselineOn: '2025-06-30',
      dataSource: 'cpam',
    },
    target: { paymentRule: 'proportionnel', targetValue: 203, maxCents: 500_000 },
    measures: [{ value: 253, measuredOn: '2026-11-20', status: 'valide' }],
  },
  {
    indicator: {
      missionCode: 'acces',
      code: 'ACC-4',
      label: 'Recensement des médecins participant au SAS',
      valueType: 'nombre',
      direction: 'hausse',
      kind: 'processus',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 40, maxCents: 300_000 },
    measures: [{ value: 32, measuredOn: '2026-11-05', status: 'brouillon' }],
  },
  {
    indicator: {
      missionCode: 'parcours',
      code: 'PAR-1',
      label: 'Patients intégrés au parcours diabète',
      valueType: 'nombre',
      direction: 'hausse',
    },
    target: { paymentRule: 'proportionnel', targetValue: 100, maxCents: 2_000_000 },
    measures: [{ value: 80, measuredOn: '2026-11-10', status: 'declare' }],
    evidence: { labels: ['Bilans et évaluations de satisfaction'], provided: 0 },
  },
  {
    indicator: {
      missionCode: 'parcours',
      code: 'PAR-2',
      label: 'Organiser une soirée annuelle pluriprofessionnelle',
      valueType: 'oui_non',
      direction: 'atteindre',
      kind: 'moyens',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 1, maxCents: 1_400_000 },
    measures: [{ value: 1, measuredOn: '2026-11-20', status: 'valide' }],
    evidence: { labels: ['Feuilles d’émargement', 'Supports de présentation'], provided: 2 },
  },
  {
    indicator: {
      missionCode: 'parcours',
      code: 'PAR-3',
      label: 'Dépistages LDCT réalisés',
      valueType: 'nombre',
      direction: 'hausse',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 75, maxCents: 1_100_000 },
    carriedOver: true,
  },
  {
    indicator: {
      missionCode: 'prevention',
      code: 'PRE-1',
      label: 'Dépistage organisé du cancer du sein',
      valueType: 'taux',
      direction: 'hausse',
      baselineValue: 66.26,
      baselineOn: '2024-12-31',
      dataSource: 'cpam',
    },
    target: {
      paymentRule: 'paliers',
      tiers: tiers(['socle', 69.7, 1_000], ['intermédiaire', 72.4, 2_500], ['objectif', 75, 3_500]),
    },
    measures: [{ value: 71.2, measuredOn: '2026-11-15', status: 'valide' }],
  },
  {
    indicator: {
      missionCode: 'prevention',
      code: 'PRE-2',
      label: 'Dépistage du cancer du col de l’utérus',
      valueType: 'taux',
      direction: 'hausse',
      baselineValue: 64.08,
      baselineOn: '2024-12-31',
      dataSource: 'cpam',
    },
    target: {
      paymentRule: 'paliers',
      tiers: tiers(['socle', 66.7, 1_000], ['intermédiaire', 67.45, 2_000], ['objectif', 68.2, 3_000]),
    },
    measures: [{ value: 68.5, measuredOn: '2026-11-15', status: 'valide' }],
  },
  {
    indicator: {
      missionCode: 'prevention',
      code: 'PRE-3',
      label: 'Journées de sensibilisation : participants',
      valueType: 'nombre',
      direction: 'hausse',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 800, maxCents: 1_100_000 },
    measures: [{ value: 640, measuredOn: '2026-11-01', status: 'declare' }],
  },
  {
    indicator: {
      missionCode: 'qualite',
      code: 'QUA-1',
      label: 'Réunions de partage d’expérience avec compte rendu',
      valueType: 'nombre',
      direction: 'hausse',
      kind: 'processus',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 3, maxCents: 1_500_000 },
    measures: [{ value: 3, measuredOn: '2026-11-10', status: 'declare' }],
    evidence: { labels: ['Comptes rendus'], provided: 1 },
  },
  {
    indicator: {
      missionCode: 'accompagnement',
      code: 'ACP-1',
      label: 'Délai de réponse du guichet unique',
      valueType: 'delai',
      direction: 'baisse',
      baselineValue: 90,
      baselineOn: '2025-04-15',
    },
    target: { paymentRule: 'tout_ou_rien', targetValue: 30, maxCents: 1_000_000 },
  },
];

async function insertContract(backend: Backend): Promise<SeededYear> {
  const db = backend.database.db;
  const { id } = await db
    .insertInto('aci_contract')
    .values({ number: CONTRACT_NUMBER, aci_version: 'avenant_2', signed_on: '2022-04-15' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const years: number[] = [];
  for (const [index, start] of YEAR_STARTS.entries()) {
    const end = `${Number(start.slice(0, 4)) + 1}-04-14`;
    const row = await db
      .insertInto('aci_contract_year')
      .values({ contract_id: id, year_index: index + 1, start_on: start, end_on: end, taille: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    years.push(row.id);
  }
  const yearId = years[4]!;
  for (const [mission, [fixed, variable]] of Object.entries(ENVELOPES) as [AciMissionCode, [number, number]][]) {
    await db
      .insertInto('aci_envelope')
      .values({
        contract_year_id: yearId,
        mission_code: mission,
        fixed_cents: fixed * 100,
        variable_max_cents: variable * 100,
      })
      .execute();
  }
  return { contractId: id, years, yearId };
}

/** The CPTS, the contract and year 5 with every indicator of SPECS. */
export async function seedTrackingYear(backend: Backend): Promise<SeededYear> {
  await backend.ok('cpts.saveIdentity', SAMPLE_IDENTITY);
  const seeded = await insertContract(backend);
  const evidenceFile = join(mkdtempSync(join(tmpdir(), 'maillage-evidence-')), 'emargement.pdf');
  writeFileSync(evidenceFile, '%PDF-1.4 justificatif');
  backend.context.chooseOpenPath = async () => evidenceFile;
  for (const spec of SPECS) {
    const indicator = await backend.ok('indicators.create', {
      kind: 'resultat',
      dataSource: 'cpts',
      ...spec.indicator,
      contractId: seeded.contractId,
    });
    if (spec.carriedOver) {
      await backend.ok('indicators.saveTarget', {
        ...spec.target,
        indicatorId: indicator.id,
        contractYearId: seeded.years[3]!,
      });
    }
    await backend.ok('indicators.saveTarget', {
      ...spec.target,
      indicatorId: indicator.id,
      contractYearId: seeded.yearId,
      carryOver: spec.carriedOver ?? false,
    });
    for (const measure of spec.measures ?? []) {
      await backend.ok('indicators.saveMeasure', {
        ...measure,
        indicatorId: indicator.id,
        contractYearId: seeded.yearId,
      });
    }
    for (const [index, label] of (spec.evidence?.labels ?? []).entries()) {
      const requirement = await backend.ok('indicators.saveRequirement', { indicatorId: indicator.id, label });
      if (index < (spec.evidence?.provided ?? 0)) {
        await backend.ok('indicators.attachEvidenceFile', {
          requirementId: requirement.id,
          contractYearId: seeded.yearId,
          title: label,
        });
      }
    }
  }
  return seeded;
}

const STATUS_WEIGHT: Record<string, number> = { brouillon: 0, declare: 1, valide: 2 };

/** What each indicator earns, computed here from the rows with the annex's rules, not by the app's code. */
export interface Expected {
  code: string;
  mission: string;
  earned: number;
  max: number;
  provided: number;
  required: number;
}

export async function expectedFromRows(backend: Backend, yearId: number): Promise<Expected[]> {
  const db = backend.database.db;
  const indicators = await db.selectFrom('indicator').selectAll().execute();
  const result: Expected[] = [];
  for (const indicator of indicators) {
    const target = await db
      .selectFrom('indicator_target')
      .selectAll()
      .where('indicator_id', '=', indicator.id)
      .where('contract_year_id', '=', yearId)
      .executeTakeFirstOrThrow();
    const tiers = await db.selectFrom('indicator_tier').selectAll().where('target_id', '=', target.id).execute();
    const measures = await db
      .selectFrom('indicator_measure')
      .selectAll()
      .where('indicator_id', '=', indicator.id)
      .where('contract_year_id', '=', yearId)
      .execute();
    measures.sort(
      (a, b) =>
        STATUS_WEIGHT[b.status]! - STATUS_WEIGHT[a.status]! ||
        (b.period_end ?? '').localeCompare(a.period_end ?? '') ||
        b.measured_on.localeCompare(a.measured_on),
    );
    const value = measures[0]?.value ?? null;
    const down = indicator.direction === 'baisse';
    const reaches = (level: number) => value !== null && (down ? value <= level : value >= level);
    let earned = 0;
    let max = target.max_cents;
    if (target.payment_rule === 'paliers') {
      max = Math.max(...tiers.map((tier) => tier.amount_cents));
      earned = Math.max(0, ...tiers.filter((tier) => reaches(tier.threshold)).map((tier) => tier.amount_cents));
    } else if (target.payment_rule === 'tout_ou_rien') {
      earned = reaches(target.target_value!) ? max : 0;
    } else if (value !== null) {
      const start = indicator.baseline_value ?? 0;
      const share = (down ? start - value : value - start) / Math.abs(target.target_value! - start);
      earned = Math.round(max * Math.min(1, Math.max(0, share)));
    }
    const requirements = await db
      .selectFrom('evidence_requirement')
      .select('id')
      .where('indicator_id', '=', indicator.id)
      .execute();
    let provided = 0;
    for (const requirement of requirements) {
      const evidence = await db
        .selectFrom('evidence')
        .select('id')
        .where('requirement_id', '=', requirement.id)
        .where('contract_year_id', '=', yearId)
        .execute();
      if (evidence.length > 0) provided++;
    }
    result.push({
      code: indicator.code!,
      mission: indicator.mission_code,
      earned,
      max,
      provided,
      required: requirements.length,
    });
  }
  return result;
}
