import { describe, it, expect } from 'vitest';
import {
  carryOverCandidates,
  evaluateTarget,
  formatIndicatorValue,
  missionResult,
  selectMeasure,
  validateCarryOver,
  validateTarget,
  yearResult,
  type IndicatorDirection,
  type IndicatorTraits,
  type IndicatorValueType,
  type MeasureForSelection,
  type MissionResult,
  type Target,
  type TargetResult,
  type Tier,
} from '@shared/domain/aci/attainment';

// Every expected figure comes from the annexes quoted in the domain notes (part 2, §1.3) or is worked out by hand
// next to the assertion; none is copied from the code's output.

const NBSP = '\u00a0';
/** Euros → cents, so the figures read as the annexes write them. */
const eur = (euros: number): number => Math.round(euros * 100);

const indicator = (
  direction: IndicatorDirection,
  valueType: IndicatorValueType,
  baseline: number | null = null,
): IndicatorTraits => ({ direction, valueType, baseline });

const allOrNothing = (targetValue: number | null, euros: number): Target => ({
  rule: 'tout_ou_rien',
  targetValue,
  maxAmountCents: eur(euros),
  tiers: [],
});
const proportional = (targetValue: number | null, euros: number): Target => ({
  rule: 'proportionnel',
  targetValue,
  maxAmountCents: eur(euros),
  tiers: [],
});
const tier = (rank: number, label: string, threshold: number, euros: number): Tier => ({
  rank,
  label,
  threshold,
  amountCents: eur(euros),
});
const tiered = (euros: number, tiers: Tier[]): Target => ({
  rule: 'paliers',
  targetValue: null,
  maxAmountCents: eur(euros),
  tiers,
});

// « Cancer du sein (initial 66,26 %) : socle 69,70 % → 1 000 € · intermédiaire 72,40 % → 2 500 € · objectif 75 % → 3 500 € »
const BREAST = indicator('hausse', 'taux', 66.26);
const BREAST_TARGET = tiered(3_500, [
  tier(1, 'socle', 69.7, 1_000),
  tier(2, 'intermédiaire', 72.4, 2_500),
  tier(3, 'objectif', 75, 3_500),
]);

// « Patients en ALD sans MT (initial 219) : ≤ 50 → 9 000 € · 51–100 → 6 000 € · 101–219 → 3 000 € », easiest first.
const ALD = indicator('baisse', 'nombre', 219);
const ALD_TARGET = tiered(9_000, [
  tier(1, 'socle', 219, 3_000),
  tier(2, 'intermédiaire', 100, 6_000),
  tier(3, 'objectif', 50, 9_000),
]);

describe('all or nothing', () => {
  // Recensement des médecins participant au SAS: at least 25, 5 000 €, no baseline.
  const sas = indicator('hausse', 'nombre');
  const target = allOrNothing(25, 5_000);

  it('pays the whole amount from the cible up, nothing below', () => {
    expect(evaluateTarget(target, sas, 25)).toEqual({
      status: 'atteint',
      value: 25,
      tierReached: null,
      earnedCents: 500_000,
      maxCents: 500_000,
      attainmentRate: 1,
      progress: 1,
    });
    expect(evaluateTarget(target, sas, 31).earnedCents).toBe(500_000);
    // 24 of 25: nothing paid, 24 / 25 = 0,96 of the way from zero.
    expect(evaluateTarget(target, sas, 24)).toMatchObject({
      status: 'non_atteint',
      earnedCents: 0,
      attainmentRate: 0,
      progress: 0.96,
    });
  });

  it('going down: « Atteindre 203 patients de +70 ans sans MT (soit −100 vs 303 initial) »', () => {
    const over70 = indicator('baisse', 'nombre', 303);
    const target70 = allOrNothing(203, 5_000);
    expect(evaluateTarget(target70, over70, 203)).toMatchObject({ status: 'atteint', earnedCents: 500_000 });
    expect(evaluateTarget(target70, over70, 150)).toMatchObject({
      status: 'atteint',
      earnedCents: 500_000,
      progress: 1,
    });
    // 204: one patient short; (303 − 204) / (303 − 203) = 99 / 100 of the way.
    expect(evaluateTarget(target70, over70, 204)).toMatchObject({
      status: 'non_atteint',
      earnedCents: 0,
      progress: 0.99,
    });
    // 320: worse than the baseline, no progress at all.
    expect(evaluateTarget(target70, over70, 320)).toMatchObject({ status: 'non_atteint', progress: 0 });
  });

  it('oui/non: « Maintenir le partenariat en place avec la CPAM » → 2 000 €', () => {
    const partnership = indicator('atteindre', 'oui_non');
    const target = allOrNothing(1, 2_000);
    expect(evaluateTarget(target, partnership, 1)).toMatchObject({ status: 'atteint', earnedCents: 200_000 });
    expect(evaluateTarget(target, partnership, 0)).toMatchObject({ status: 'non_atteint', earnedCents: 0 });
    // atteindre without baseline: reached or not, no progress to show.
    expect(evaluateTarget(target, partnership, 0).progress).toBeNull();
  });

  it('a target not measured yet earns nothing and says so', () => {
    expect(evaluateTarget(allOrNothing(1, 2_000), indicator('atteindre', 'oui_non'), null)).toEqual({
      status: 'non_mesure',
      value: null,
      tierReached: null,
      earnedCents: 0,
      maxCents: 200_000,
      attainmentRate: 0,
      progress: null,
    });
  });

  it('an indicator worth nothing has no rate but still a status', () => {
    const result = evaluateTarget(allOrNothing(3, 0), indicator('hausse', 'nombre'), 3);
    expect(result).toMatchObject({ status: 'atteint', earnedCents: 0, maxCents: 0, attainmentRate: null });
  });
});

describe('tiers going up: cancer du sein, initial 66,26 %', () => {
  it('68 %: below the socle, nothing', () => {
    const result = evaluateTarget(BREAST_TARGET, BREAST, 68);
    expect(result).toMatchObject({ status: 'non_atteint', tierReached: null, earnedCents: 0, maxCents: 350_000 });
    // (68 − 66,26) / (75 − 66,26) = 1,74 / 8,74
    expect(result.progress).toBeCloseTo(1.74 / 8.74, 12);
  });

  it('69,70 %: exactly the socle, 1 000 €', () => {
    const result = evaluateTarget(BREAST_TARGET, BREAST, 69.7);
    expect(result).toMatchObject({ status: 'partiel', earnedCents: 100_000, maxCents: 350_000 });
    expect(result.tierReached?.label).toBe('socle');
    expect(result.attainmentRate).toBeCloseTo(1_000 / 3_500, 12);
  });

  it('a rate computed as 69,699999… still reaches the 69,70 % socle', () => {
    // a share computed by the app lands a hair under 69,70 % (floating-point noise): it is 69,70 %
    expect(evaluateTarget(BREAST_TARGET, BREAST, 69.7 - 1e-12).earnedCents).toBe(100_000);
    // a real 69,69 % is not
    expect(evaluateTarget(BREAST_TARGET, BREAST, 69.69).earnedCents).toBe(0);
  });

  it('71 %: still the socle; 74,99 %: intermédiaire, 2 500 € (tiers are not added up)', () => {
    expect(evaluateTarget(BREAST_TARGET, BREAST, 71)).toMatchObject({ status: 'partiel', earnedCents: 100_000 });
    const result = evaluateTarget(BREAST_TARGET, BREAST, 74.99);
    expect(result).toMatchObject({ status: 'partiel', earnedCents: 250_000 });
    expect(result.tierReached?.label).toBe('intermédiaire');
    expect(result.attainmentRate).toBeCloseTo(2_500 / 3_500, 12);
  });

  it('75 % and 80 %: the objective, 3 500 €, fully met', () => {
    for (const value of [75, 80]) {
      const result = evaluateTarget(BREAST_TARGET, BREAST, value);
      expect(result).toMatchObject({ status: 'atteint', earnedCents: 350_000, attainmentRate: 1, progress: 1 });
      expect(result.tierReached?.label).toBe('objectif');
    }
  });
});

describe('tiers going down: patients en ALD sans MT, initial 219', () => {
  const cases: Array<[number, number, string]> = [
    // [patients, € earned, status]
    [220, 0, 'non_atteint'],
    [219, 3_000, 'partiel'], // 101–219 → 3 000 €
    [101, 3_000, 'partiel'],
    [100, 6_000, 'partiel'], // 51–100 → 6 000 €
    [51, 6_000, 'partiel'],
    [50, 9_000, 'atteint'], // ≤ 50 → 9 000 €
    [0, 9_000, 'atteint'],
  ];
  it.each(cases)('%i patients → %i €', (patients, euros, status) => {
    const result = evaluateTarget(ALD_TARGET, ALD, patients);
    expect(result.earnedCents).toBe(eur(euros));
    expect(result.status).toBe(status);
    expect(result.maxCents).toBe(900_000);
  });

  it('progress runs from 219 down to the objective 50', () => {
    // (219 − 87) / (219 − 50) = 132 / 169
    expect(evaluateTarget(ALD_TARGET, ALD, 87).progress).toBeCloseTo(132 / 169, 12);
    expect(evaluateTarget(ALD_TARGET, ALD, 230).progress).toBe(0);
  });
});

describe('proportional', () => {
  it('from the baseline: accueil de stagiaires, 4 → 10, 5 000 €', () => {
    const interns = indicator('hausse', 'nombre', 4);
    const target = proportional(10, 5_000);
    // (7 − 4) / (10 − 4) = 1/2 → 2 500 €
    expect(evaluateTarget(target, interns, 7)).toMatchObject({
      status: 'partiel',
      earnedCents: 250_000,
      progress: 0.5,
    });
    expect(evaluateTarget(target, interns, 10)).toMatchObject({ status: 'atteint', earnedCents: 500_000 });
    // over-achievement is capped at the amount
    expect(evaluateTarget(target, interns, 12)).toMatchObject({ status: 'atteint', earnedCents: 500_000, progress: 1 });
    // back to the baseline or below it: nothing, never a negative amount
    expect(evaluateTarget(target, interns, 4)).toMatchObject({ status: 'non_atteint', earnedCents: 0, progress: 0 });
    expect(evaluateTarget(target, interns, 3)).toMatchObject({ status: 'non_atteint', earnedCents: 0, progress: 0 });
  });

  it('going down from the baseline: délai du guichet unique, 90 → 30 jours, 3 000 €', () => {
    const delay = indicator('baisse', 'delai', 90);
    const target = proportional(30, 3_000);
    // (90 − 50) / (90 − 30) = 40 / 60 = 2/3 → 2 000 €
    expect(evaluateTarget(target, delay, 50).earnedCents).toBe(200_000);
    expect(evaluateTarget(target, delay, 20)).toMatchObject({ status: 'atteint', earnedCents: 300_000 });
    expect(evaluateTarget(target, delay, 100)).toMatchObject({ status: 'non_atteint', earnedCents: 0, progress: 0 });
  });

  it('without a baseline: value / cible', () => {
    // créneaux de téléconsultation: 9 of 12 → 3/4 of 3 000 € = 2 250 €
    const slots = evaluateTarget(proportional(12, 3_000), indicator('hausse', 'nombre'), 9);
    expect(slots).toMatchObject({ status: 'partiel', earnedCents: 225_000, progress: 0.75 });
    // « ≥ 800 participants » to reach: 600 of 800 → 3/4 of 4 000 € = 3 000 €, and no progress shown for a level
    const participants = evaluateTarget(proportional(800, 4_000), indicator('atteindre', 'nombre'), 600);
    expect(participants).toMatchObject({ status: 'partiel', earnedCents: 300_000, progress: null });
    expect(evaluateTarget(proportional(800, 4_000), indicator('atteindre', 'nombre'), 950).earnedCents).toBe(400_000);
  });

  it('rounds to the cent, half up', () => {
    const noBaseline = indicator('hausse', 'nombre');
    // 1 000 € × 1/3 = 333,333… € → 333,33 €; × 2/3 = 666,666… € → 666,67 €
    expect(evaluateTarget(proportional(3, 1_000), noBaseline, 1).earnedCents).toBe(33_333);
    expect(evaluateTarget(proportional(3, 1_000), noBaseline, 2).earnedCents).toBe(66_667);
    // 1 000,01 € × 3/22 = 136,365 € exactly → 136,37 € (a product a float computes as 13 636,4999… centimes)
    expect(evaluateTarget(proportional(22, 1_000.01), noBaseline, 3).earnedCents).toBe(13_637);
    // 1 234,55 € × 1/2 = 617,275 € → 617,28 € (the half cent goes up)
    expect(evaluateTarget(proportional(2, 1_234.55), noBaseline, 1).earnedCents).toBe(61_728);
    // colorectal 23,50 % → 27 %, 25 % measured, 5 500 €: 5 500 × 1,5 / 3,5 = 2 357,142… € → 2 357,14 €
    expect(evaluateTarget(proportional(27, 5_500), indicator('hausse', 'taux', 23.5), 25).earnedCents).toBe(235_714);
    // 66 % → 66,2 %, 66,1 % measured, 1 000,01 €: exactly half, 500,005 € → 500,01 €, although
    // (66,1 − 66) / (66,2 − 66) is a hair under 0,5 in binary floating point
    expect(evaluateTarget(proportional(66.2, 1_000.01), indicator('hausse', 'taux', 66), 66.1).earnedCents).toBe(
      50_001,
    );
  });
});

describe('which measure counts', () => {
  const measure = (
    id: string,
    status: MeasureForSelection['status'],
    periodEnd: string | null,
    measuredOn: string | null,
  ) => ({ id, status, periodEnd, measuredOn });

  it('validated by the CPAM first, then declared, then draft', () => {
    const measures = [
      measure('brouillon récent', 'brouillon', '2026-04-14', '2026-05-02'),
      measure('validé', 'valide', '2025-12-31', '2026-02-01'),
      measure('déclaré', 'declare', '2026-04-14', '2026-04-20'),
    ];
    expect(selectMeasure(measures)?.id).toBe('validé');
    expect(selectMeasure(measures.filter((m) => m.status !== 'valide'))?.id).toBe('déclaré');
  });

  it('then the latest period end, then the latest measure', () => {
    expect(
      selectMeasure([
        measure('semestre', 'declare', '2025-10-14', '2025-11-01'),
        measure('année', 'declare', '2026-04-14', '2026-04-20'),
        measure('sans période', 'declare', null, '2026-05-01'),
      ])?.id,
    ).toBe('année');
    expect(
      selectMeasure([
        measure('première saisie', 'brouillon', '2026-04-14', '2026-04-20'),
        measure('correction', 'brouillon', '2026-04-14', '2026-04-28'),
        measure('sans date', 'brouillon', '2026-04-14', null),
      ])?.id,
    ).toBe('correction');
  });

  it('nothing measured, nothing selected', () => {
    expect(selectMeasure([])).toBeNull();
  });
});

describe('carry-over of the targets not met in N−1', () => {
  const row = (name: string, result: TargetResult) => ({ name, result });
  const previousYear = [
    row('partenariat CPAM', evaluateTarget(allOrNothing(1, 2_000), indicator('atteindre', 'oui_non'), 1)),
    row('cancer du sein', evaluateTarget(BREAST_TARGET, BREAST, 71)),
    row('parcours diabète', evaluateTarget(allOrNothing(100, 20_000), indicator('hausse', 'nombre'), null)),
    row('ALD sans MT', evaluateTarget(ALD_TARGET, ALD, 240)),
    row('stagiaires', evaluateTarget(proportional(10, 5_000), indicator('hausse', 'nombre', 4), 12)),
  ];

  it('offers what was not fully met: a lower tier, not measured, not reached', () => {
    expect(carryOverCandidates(previousYear).map((r) => r.name)).toEqual([
      'cancer du sein',
      'parcours diabète',
      'ALD sans MT',
    ]);
  });

  it('refuses to carry a target that was met', () => {
    expect(validateCarryOver(previousYear[0]!.result)).toBe(
      'Cet indicateur a été atteint l’année précédente : seul un indicateur non atteint se reporte sur l’année suivante.',
    );
    expect(validateCarryOver(previousYear[4]!.result)).not.toBeNull();
    expect(validateCarryOver(previousYear[1]!.result)).toBeNull();
    expect(validateCarryOver(previousYear[2]!.result)).toBeNull();
    expect(validateCarryOver(null)).toBe(
      'Cet indicateur n’avait pas de cible l’année précédente : il n’y a rien à reporter.',
    );
  });

  it('a target worth nothing is carried only when its level was not reached', () => {
    const free = (value: number) => evaluateTarget(allOrNothing(3, 0), indicator('hausse', 'nombre'), value);
    expect(carryOverCandidates([row('réunions', free(3)), row('soirées', free(2))]).map((r) => r.name)).toEqual([
      'soirées',
    ]);
  });
});

// Accès aux soins, taille 3, contract year 5: fixe 90 000 €, variable 35 000 € = 9 000 + 5 000 + 3 000 + 5 000
// + 2 000 + 3 000 + 5 000 + 3 000, each indicator measured as below.
function accessResults(annuaireEuros = 5_000): TargetResult[] {
  return [
    // ALD sans MT, 87 patients: 51–100 → 6 000 € of 9 000 €
    evaluateTarget(ALD_TARGET, ALD, 87),
    // patients de plus de 16 ans avec MT: 88,3 % for a cible of 88 % → 5 000 €
    evaluateTarget(allOrNothing(88, 5_000), indicator('hausse', 'taux', 86.4), 88.3),
    // patients C2S en ALD sans MT: 35 for a cible of 30 → 0 € of 3 000 €
    evaluateTarget(allOrNothing(30, 3_000), indicator('baisse', 'nombre', 42), 35),
    // patients de plus de 70 ans sans MT: 198 for 203 → 5 000 €
    evaluateTarget(allOrNothing(203, 5_000), indicator('baisse', 'nombre', 303), 198),
    // partenariat CPAM: oui → 2 000 €
    evaluateTarget(allOrNothing(1, 2_000), indicator('atteindre', 'oui_non'), 1),
    // médecins recensés pour le SAS, 20 → 40, 30 measured: half of 3 000 € = 1 500 €
    evaluateTarget(proportional(40, 3_000), indicator('hausse', 'nombre', 20), 30),
    // annuaire de l’offre en ligne: non → 0 €
    evaluateTarget(allOrNothing(1, annuaireEuros), indicator('atteindre', 'oui_non'), 0),
    // créneaux de téléconsultation: 9 of 12 → 3/4 of 3 000 € = 2 250 €
    evaluateTarget(proportional(12, 3_000), indicator('hausse', 'nombre'), 9),
  ];
}
const ACCESS = { label: 'Accès aux soins', fixedCents: eur(90_000), variableMaxCents: eur(35_000) };

// Prévention: fixe 17 500 €, variable 17 500 € = 11 000 + 1 000 + 5 500.
function preventionResults(): TargetResult[] {
  return [
    // journées de sensibilisation, ≥ 800 participants: 812 → 11 000 €
    evaluateTarget(allOrNothing(800, 11_000), indicator('atteindre', 'nombre'), 812),
    // convention « 100 % Colo » signée → 1 000 €
    evaluateTarget(allOrNothing(1, 1_000), indicator('atteindre', 'oui_non'), 1),
    // dépistage colorectal, initial 23,50 %: 25 % → 2 000 €, 26,10 % → 4 000 €, 27 % → 5 500 €; 26,1 % measured
    evaluateTarget(
      tiered(5_500, [
        tier(1, 'socle', 25, 2_000),
        tier(2, 'intermédiaire', 26.1, 4_000),
        tier(3, 'objectif', 27, 5_500),
      ]),
      indicator('hausse', 'taux', 23.5),
      26.1,
    ),
  ];
}
const PREVENTION = { label: 'Prévention', fixedCents: eur(17_500), variableMaxCents: eur(17_500) };

// Qualité et pertinence: fixe 15 000 €, variable 3 × 5 000 €, nothing measured yet.
function qualityResults(): TargetResult[] {
  return [1, 2, 3].map(() => evaluateTarget(allOrNothing(2, 5_000), indicator('atteindre', 'nombre'), null));
}
const QUALITY = { label: 'Qualité et pertinence', fixedCents: eur(15_000), variableMaxCents: eur(15_000) };

describe('mission totals', () => {
  it('accès aux soins, taille 3: 21 750 € earned of 35 000 €', () => {
    const result = missionResult(ACCESS, accessResults());
    // 6 000 + 5 000 + 0 + 5 000 + 2 000 + 1 500 + 0 + 2 250 = 21 750 €
    expect(result).toEqual({
      label: 'Accès aux soins',
      fixedCents: 9_000_000,
      variableMaxCents: 3_500_000,
      indicatorsMaxCents: 3_500_000,
      earnedCents: 2_175_000,
      attainmentRate: 21_750 / 35_000,
      counts: { non_mesure: 0, atteint: 3, partiel: 3, non_atteint: 2 },
      mismatch: null,
    });
  });

  it('warns when the indicators do not add up to the variable part', () => {
    // the annuaire priced 3 000 € instead of 5 000 €: 33 000 € for 35 000 €
    const short = missionResult(ACCESS, accessResults(3_000));
    expect(short.mismatch).toEqual({
      missionLabel: 'Accès aux soins',
      indicatorsMaxCents: 3_300_000,
      variableMaxCents: 3_500_000,
      differenceCents: -200_000,
      message: `Les indicateurs de la mission Accès aux soins totalisent 33${NBSP}000${NBSP}€ pour une part variable de 35${NBSP}000${NBSP}€ (écart 2${NBSP}000${NBSP}€).`,
    });
    // parcours 20 000 + 14 000 + 13 000 = 47 000 € for 45 000 €
    const parcours = missionResult(
      { label: 'Parcours pluriprofessionnels', fixedCents: eur(45_000), variableMaxCents: eur(45_000) },
      [
        evaluateTarget(allOrNothing(100, 20_000), indicator('hausse', 'nombre'), 100),
        evaluateTarget(allOrNothing(1, 14_000), indicator('atteindre', 'oui_non'), 1),
        evaluateTarget(allOrNothing(1, 13_000), indicator('atteindre', 'oui_non'), 1),
      ],
    );
    expect(parcours.mismatch?.differenceCents).toBe(200_000);
    expect(parcours.mismatch?.message).toBe(
      `Les indicateurs de la mission Parcours pluriprofessionnels totalisent 47${NBSP}000${NBSP}€ pour une part variable de 45${NBSP}000${NBSP}€ (écart 2${NBSP}000${NBSP}€).`,
    );
    // earned is not capped: 47 000 € earned of a 45 000 € envelope is a rate above 1, with the warning beside it
    expect(parcours.attainmentRate).toBe(47_000 / 45_000);
  });

  it('a mission without variable part has no rate', () => {
    expect(
      missionResult({ label: 'Crise sanitaire', fixedCents: eur(22_500), variableMaxCents: 0 }, []).attainmentRate,
    ).toBeNull();
  });
});

describe('contract year totals', () => {
  it('adds the missions up', () => {
    const missions: MissionResult[] = [
      missionResult(ACCESS, accessResults()),
      missionResult(PREVENTION, preventionResults()),
      missionResult(QUALITY, qualityResults()),
    ];
    // prévention: 11 000 + 1 000 + 4 000 = 16 000 €
    expect(missions[1]!.earnedCents).toBe(1_600_000);
    expect(yearResult(missions)).toEqual({
      fixedCents: eur(90_000 + 17_500 + 15_000), // 122 500 €
      variableMaxCents: eur(35_000 + 17_500 + 15_000), // 67 500 €
      indicatorsMaxCents: eur(67_500),
      earnedCents: eur(21_750 + 16_000), // 37 750 €
      totalCents: eur(122_500 + 37_750), // 160 250 €
      attainmentRate: 37_750 / 67_500,
      counts: { non_mesure: 3, atteint: 5, partiel: 4, non_atteint: 2 },
      mismatches: [],
    });
  });

  it('collects every mission’s mismatch', () => {
    const year = yearResult([missionResult(ACCESS, accessResults(3_000)), missionResult(QUALITY, qualityResults())]);
    expect(year.mismatches.map((m) => m.missionLabel)).toEqual(['Accès aux soins']);
    expect(year.indicatorsMaxCents).toBe(eur(33_000 + 15_000));
    expect(year.variableMaxCents).toBe(eur(50_000));
  });

  it('an empty year has no rate', () => {
    expect(yearResult([])).toMatchObject({ fixedCents: 0, earnedCents: 0, attainmentRate: null, mismatches: [] });
  });
});

describe('target validation', () => {
  it('accepts the targets of the annexes', () => {
    expect(validateTarget(BREAST_TARGET, BREAST)).toEqual([]);
    expect(validateTarget(ALD_TARGET, ALD)).toEqual([]);
    expect(validateTarget(allOrNothing(1, 2_000), indicator('atteindre', 'oui_non'))).toEqual([]);
    expect(validateTarget(allOrNothing(203, 5_000), indicator('baisse', 'nombre', 303))).toEqual([]);
    expect(validateTarget(proportional(10, 5_000), indicator('hausse', 'nombre', 4))).toEqual([]);
    expect(validateTarget(proportional(12, 3_000), indicator('hausse', 'nombre'))).toEqual([]);
    expect(validateTarget(proportional(30, 3_000), indicator('baisse', 'delai', 90))).toEqual([]);
  });

  it('tiers must rise in the direction of an indicator going up', () => {
    const swapped = tiered(3_500, [
      tier(1, 'socle', 72.4, 1_000),
      tier(2, 'intermédiaire', 69.7, 2_500),
      tier(3, 'objectif', 75, 3_500),
    ]);
    expect(validateTarget(swapped, BREAST)).toEqual([
      `Palier 2 (intermédiaire) : le seuil (69,7${NBSP}%) doit être plus haut que celui du palier 1 (72,4${NBSP}%) pour un indicateur à la hausse.`,
    ]);
    const equal = tiered(2_000, [tier(1, '', 3, 1_000), tier(2, '', 3, 2_000)]);
    expect(validateTarget(equal, indicator('atteindre', 'nombre'))).toEqual([
      'Palier 2 : le seuil (3) doit être plus haut que celui du palier 1 (3) pour un niveau à atteindre.',
    ]);
  });

  it('tiers must fall for an indicator going down: the ALD grid typed in the annex’s order', () => {
    // ≤ 50 → 9 000 €, 51–100 → 6 000 €, 101–219 → 3 000 € entered as palier 1, 2, 3
    const annexOrder = tiered(3_000, [tier(1, '', 50, 9_000), tier(2, '', 100, 6_000), tier(3, '', 219, 3_000)]);
    expect(validateTarget(annexOrder, ALD)).toEqual([
      'Palier 2 : le seuil (100) doit être plus bas que celui du palier 1 (50) pour un indicateur à la baisse.',
      `Palier 2 : le montant (6${NBSP}000${NBSP}€) doit être plus élevé que celui du palier 1 (9${NBSP}000${NBSP}€).`,
      'Palier 3 : le seuil (219) doit être plus bas que celui du palier 2 (100) pour un indicateur à la baisse.',
      `Palier 3 : le montant (3${NBSP}000${NBSP}€) doit être plus élevé que celui du palier 2 (6${NBSP}000${NBSP}€).`,
    ]);
  });

  it('each tier must pay more than the one before', () => {
    const flat = tiered(2_500, [
      tier(1, 'socle', 69.7, 1_000),
      tier(2, 'intermédiaire', 72.4, 2_500),
      tier(3, 'objectif', 75, 2_500),
    ]);
    expect(validateTarget(flat, BREAST)).toEqual([
      `Palier 3 (objectif) : le montant (2${NBSP}500${NBSP}€) doit être plus élevé que celui du palier 2 (2${NBSP}500${NBSP}€).`,
    ]);
  });

  it('the amount of a tiered indicator is its top tier’s', () => {
    expect(validateTarget({ ...BREAST_TARGET, maxAmountCents: eur(3_000) }, BREAST)).toEqual([
      `Le montant de l’indicateur (3${NBSP}000${NBSP}€) doit être celui du palier le plus haut (3${NBSP}500${NBSP}€).`,
    ]);
  });

  it('tiers only for paliers, and at least one there', () => {
    expect(validateTarget(tiered(0, []), BREAST)).toEqual([
      'Un indicateur payé par paliers a besoin d’au moins un palier.',
    ]);
    const withTiers = { ...allOrNothing(75, 3_500), tiers: BREAST_TARGET.tiers };
    expect(validateTarget(withTiers, BREAST)).toEqual([
      'Un indicateur payé en tout ou rien n’a pas de paliers : retirez-les ou choisissez les paliers.',
    ]);
    expect(validateTarget({ ...proportional(75, 3_500), tiers: BREAST_TARGET.tiers }, BREAST)).toEqual([
      'Un indicateur payé au prorata n’a pas de paliers : retirez-les ou choisissez les paliers.',
    ]);
  });

  it('a cible for all-or-nothing and proportional targets', () => {
    expect(validateTarget(allOrNothing(null, 2_000), indicator('hausse', 'nombre'))).toEqual([
      'Une cible est nécessaire pour un indicateur payé en tout ou rien.',
    ]);
    expect(validateTarget(proportional(Number.NaN, 2_000), indicator('hausse', 'nombre'))).toEqual([
      'Une cible est nécessaire pour un indicateur payé au prorata.',
    ]);
  });

  it('amounts in euros and cents, never negative', () => {
    const amountError = 'Le montant de l’indicateur doit être positif ou nul, en euros et centimes.';
    expect(validateTarget({ ...allOrNothing(1, 0), maxAmountCents: -100 }, indicator('atteindre', 'oui_non'))).toEqual([
      amountError,
    ]);
    // 12,345 € is 1 234,5 centimes
    expect(
      validateTarget({ ...allOrNothing(1, 0), maxAmountCents: 1_234.5 }, indicator('atteindre', 'oui_non')),
    ).toEqual([amountError]);
    const badTier = tiered(3_500, [
      tier(1, 'socle', 69.7, 1_000),
      { ...tier(2, 'intermédiaire', 72.4, 0), amountCents: 250_000.5 },
      tier(3, 'objectif', 75, 3_500),
    ]);
    expect(validateTarget(badTier, BREAST)).toEqual([
      'Palier 2 (intermédiaire) : le montant doit être positif ou nul, en euros et centimes.',
    ]);
  });

  it('tier ranks and thresholds', () => {
    const badRank = tiered(3_500, [tier(0, '', 69.7, 1_000), tier(1, 'objectif', 75, 3_500)]);
    expect(validateTarget(badRank, BREAST)).toEqual(['Palier 0 : le rang doit être un entier à partir de 1.']);
    const twice = tiered(3_500, [tier(1, '', 69.7, 1_000), tier(1, '', 75, 3_500)]);
    expect(validateTarget(twice, BREAST)).toEqual(['Palier 1 : un autre palier a déjà ce rang.']);
    const noThreshold = tiered(3_500, [tier(1, 'socle', Number.NaN, 1_000), tier(2, 'objectif', 75, 3_500)]);
    expect(validateTarget(noThreshold, BREAST)).toEqual(['Palier 1 (socle) : le seuil doit être un nombre.']);
  });

  it('oui/non indicators: all or nothing, cible oui or non', () => {
    const yesNo = indicator('atteindre', 'oui_non');
    expect(validateTarget(proportional(1, 2_000), yesNo)).toEqual([
      'Un indicateur oui/non se paie en tout ou rien : ni paliers ni prorata.',
    ]);
    expect(validateTarget(tiered(2_000, [tier(1, '', 1, 2_000)]), yesNo)).toEqual([
      'Un indicateur oui/non se paie en tout ou rien : ni paliers ni prorata.',
    ]);
    expect(validateTarget(allOrNothing(2, 2_000), yesNo)).toEqual(['La cible d’un indicateur oui/non est oui ou non.']);
  });

  it('a proportional target needs a way from its start to its cible', () => {
    expect(validateTarget(proportional(30, 3_000), indicator('baisse', 'delai'))).toEqual([
      'Un indicateur à la baisse payé au prorata a besoin d’une valeur initiale : elle mesure le chemin parcouru.',
    ]);
    expect(validateTarget(proportional(0, 3_000), indicator('hausse', 'nombre'))).toEqual([
      'La cible d’un indicateur payé au prorata doit être plus grande que zéro.',
    ]);
    expect(validateTarget(proportional(60, 3_000), indicator('hausse', 'taux', 66.26))).toEqual([
      `La cible (60${NBSP}%) doit être plus haute que la valeur initiale (66,26${NBSP}%) pour un paiement au prorata.`,
    ]);
    expect(validateTarget(proportional(250, 3_000), ALD)).toEqual([
      'La cible (250) doit être plus basse que la valeur initiale (219) pour un paiement au prorata.',
    ]);
  });
});

describe('wording', () => {
  it('writes values by type as the annexes do', () => {
    expect(formatIndicatorValue('taux', 66.26)).toBe(`66,26${NBSP}%`);
    expect(formatIndicatorValue('oui_non', 1)).toBe('oui');
    expect(formatIndicatorValue('oui_non', 0)).toBe('non');
    expect(formatIndicatorValue('delai', 30)).toBe(`30${NBSP}jours`);
    expect(formatIndicatorValue('delai', 1)).toBe(`1${NBSP}jour`);
    expect(formatIndicatorValue('nombre', 1_250)).toBe(`1${NBSP}250`);
  });
});
