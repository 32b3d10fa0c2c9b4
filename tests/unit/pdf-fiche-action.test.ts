import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { formatEurosFromCents } from '@shared/format';
import { ficheActionExport } from '../../electron/services/report-exports';
import { SAMPLE_IDENTITY } from '../components/seed-cpts';
import { seedContract } from '../fixtures/contract';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render } = pdfWorkspace('maillage-pdf-fiche-', 'MAILLAGE_PDF_PREVIEW', 'fiche-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };

const BUDGET = [
  { year: 2024, source: 'aci', plannedCents: 1_500_000, actualCents: 1_234_550 },
  { year: 2024, source: 'fir', plannedCents: 500_000 },
  { year: 2025, source: 'aci', plannedCents: 1_800_000 },
] as const;

const FICHE: Omit<ChannelInput<'fiches.create'>, 'partnershipId'> = {
  code: 'CLS-1',
  title: 'Unité mobile de prévention et de dépistage',
  axis: 'Prévenir',
  missionCode: 'prevention',
  externalRef: 'CLS III, fiche 1',
  cptsRole: 'porteur',
  context:
    'Les quartiers prioritaires du territoire comptent deux fois moins de dépistages du diabète que la moyenne départementale.\n\nLes habitants éloignés du soin ne viennent pas aux permanences des cabinets.',
  generalObjective: 'Aller vers les habitants éloignés du soin',
  operationalObjectives: ['Tenir une permanence par quartier', 'Dépister le diabète'],
  description: 'Une infirmière et un médecin de la CPTS tiennent l’unité mobile deux demi-journées par semaine.',
  targetPublic: 'Adultes des quartiers prioritaires',
  status: 'deployee',
  startsOn: '2024-01-01',
  endsOn: '2027-12-31',
  milestones: [
    { label: 'Unité mobile « M ta Santé » déployée', doneOn: '2024-05-14' },
    { label: 'Bilan de la première année', dueOn: '2025-06-30' },
    { label: 'Extension à Eybens', dueOn: '2027-03-31' },
  ],
  budget: [...BUDGET],
  partners: [{ organisation: 'Ville de Mulhouse', role: 'Locaux et communication' }],
  difficulties: 'Recrutement d’un infirmier',
  nextSteps: 'Ouvrir une deuxième tournée en 2027.',
};

/** A screening rate of the fiche, three contract years with a target, two measured; a count with no target. */
const RATE = {
  code: 'PRE-1',
  label: 'Taux de dépistage du cancer du sein',
  baseline: 66.26,
  targets: [68, 72.4, 75],
  measures: [
    { value: 68.3, measuredOn: '2023-03-01' },
    { value: 71.2, measuredOn: '2024-03-01' },
  ],
};
const UNTARGETED = { code: 'PRE-2', label: 'Personnes reçues par l’unité mobile' };

let backend: Backend;
let pdf: RenderedPdf;

beforeAll(async () => {
  backend = await testBackend();
  await backend.ok('cpts.saveIdentity', SAMPLE_IDENTITY);
  const cls = await backend.ok('partnerships.create', {
    type: 'cls',
    partner: 'Ville de Mulhouse',
    title: 'Contrat local de santé III',
    startsOn: '2023-12-15',
  });
  const fiche = await backend.ok('fiches.create', { ...FICHE, partnershipId: cls.id });
  const contract = await seedContract(backend);
  const rate = await backend.ok('indicators.create', {
    contractId: contract.id,
    missionCode: 'prevention',
    ficheId: fiche.id,
    code: RATE.code,
    label: RATE.label,
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    baselineValue: RATE.baseline,
  });
  for (const [index, targetValue] of RATE.targets.entries()) {
    await backend.ok('indicators.saveTarget', {
      indicatorId: rate.id,
      contractYearId: contract.years[index]!.id,
      paymentRule: 'tout_ou_rien',
      targetValue,
      maxCents: 250_000,
    });
  }
  for (const [index, measure] of RATE.measures.entries()) {
    await backend.ok('indicators.saveMeasure', {
      indicatorId: rate.id,
      contractYearId: contract.years[index]!.id,
      status: 'valide',
      ...measure,
    });
  }
  await backend.ok('indicators.create', {
    contractId: contract.id,
    missionCode: 'prevention',
    ficheId: fiche.id,
    code: UNTARGETED.code,
    label: UNTARGETED.label,
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    dataSource: 'cpts',
  });
  const { job, fileName } = await ficheActionExport(backend.database.db, fiche.id, CLOCK);
  expect(fileName).toBe(
    'Fiche action CLS-1 — Unité mobile de prévention et de dépistage - CPTS Grenoble Sud - 2026-11-23.pdf',
  );
  pdf = await render(job, 'cls-1');
});
afterAll(async () => {
  await backend.database.dispose();
});

describe('Fiche action (PDF)', () => {
  it('opens like a CLS fiche: title, axe, mission, cadre with its reference, role, status since its milestone', () => {
    expect(pdf.flat).toContain('Fiche action CLS-1 — Unité mobile de prévention et de dépistage');
    expect(pdf.flat).toContain('Prévenir');
    expect(pdf.flat).toMatch(/CLS III, fiche 1/);
    expect(pdf.flat).toContain('Ville de Mulhouse (Locaux et communication)');
    expect(pdf.flat).toContain('Adultes des quartiers prioritaires');
    expect(pdf.flat).toContain('Porteur CPTS Grenoble Sud');
    expect(pdf.flat).toContain('du 1er janvier 2024 au 31 décembre 2027');
    expect(pdf.flat).toContain('Unité mobile « M ta Santé » déployée le 14 mai 2024');
    expectFooterOnEveryPage(pdf, 'Fiche action CLS-1 — Unité mobile de prévention et de dépistage — exporté le');
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
  });

  it('carries its context, objectives, description, steps, difficulties and next steps', () => {
    for (const text of [
      'deux fois moins de dépistages du diabète',
      'Aller vers les habitants éloignés du soin',
      'Tenir une permanence par quartier',
      'deux demi-journées par semaine',
      'Bilan de la première année 30/06/2025',
      'Extension à Eybens 31/03/2027',
      'Recrutement d’un infirmier',
      'Ouvrir une deuxième tournée en 2027.',
    ]) {
      expect(pdf.flat).toContain(text);
    }
  });

  it('totals its budget from the lines entered', () => {
    const planned = BUDGET.reduce((sum, line) => sum + line.plannedCents, 0);
    const actual = BUDGET.reduce((sum, line) => sum + ('actualCents' in line ? line.actualCents : 0), 0);
    const money = (cents: number) => formatEurosFromCents(cents).replace(/[\u00a0\u202f]/g, ' ');
    expect(pdf.flat).toContain(`Total ${money(planned)} ${money(actual)}`);
    expect(pdf.flat).toContain(money(1_234_550));
  });

  it('draws the history of each indicator with a target: cible and réalisé per contract year, then the figures', () => {
    const percent = (value: number) => `${String(value).replace('.', ',')} %`;
    const chartTitle = (code: string, label: string) => `Cible et réalisé par année de contrat — ${code} — ${label}`;
    expect(pdf.flat).toContain(chartTitle(RATE.code, RATE.label));
    // The chart's legend and the réalisé written on its points (the SVG text of the chart is real PDF text).
    for (const legend of ['Réalisé', 'Cible', 'Situation initiale']) expect(pdf.flat).toContain(legend);
    const chartPage = pdf.pages.find((page) => page.includes(`— ${RATE.code} —`)) ?? '';
    for (const measure of RATE.measures) {
      expect(chartPage.match(new RegExp(percent(measure.value), 'g'))?.length).toBe(2); // on its point, in the table
    }
    // The figures under the chart: every contract year, its réalisé (or « — »), its cible and the baseline.
    expect(pdf.flat).toContain('Année de contrat Réalisé Cible Situation initiale');
    const baseline = percent(RATE.baseline);
    RATE.targets.forEach((target, index) => {
      const measured = RATE.measures[index];
      expect(pdf.flat).toContain(
        `Année ${index + 1} ${measured ? percent(measured.value) : '—'} ${percent(target)} ${baseline}`,
      );
    });
    expect(pdf.flat).toContain(`Année 5 — — ${baseline}`);
    // An indicator without any target is listed, without a chart.
    expect(pdf.flat).toContain(`${UNTARGETED.code} — ${UNTARGETED.label}`);
    expect(pdf.flat).not.toContain(chartTitle(UNTARGETED.code, UNTARGETED.label));
  });

  it('is exported through the reports channel, and refuses an unknown fiche', async () => {
    backend.context.chooseSavePath = async () => `${pdf.file}.copie.pdf`;
    const fiche = (await backend.ok('fiches.list', {}))[0]!;
    expect(await backend.ok('reports.exportFicheAction', { ficheId: fiche.id })).toMatchObject({ saved: true });
    const refused = await backend.call('reports.exportFicheAction', { ficheId: 9999 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Cette fiche action n’existe plus.');
  });
});
