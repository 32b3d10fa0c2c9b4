import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEurosFromCents, formatShare } from '@shared/format';
import { indicatorsTrackingExport } from '../../electron/services/tracking-export';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';
import {
  CONTRACT_NUMBER,
  type Expected,
  expectedFromRows,
  seedTrackingYear,
  type SeededYear,
} from '../helpers/tracking-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render } = pdfWorkspace('maillage-pdf-suivi-', 'MAILLAGE_PDF_PREVIEW', 'suivi-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };
let backend: Backend;
let seeded: SeededYear;
let pdf: RenderedPdf;
let expected: Expected[];
let envelopes: { mission_code: string; fixed_cents: number; variable_max_cents: number }[];

beforeAll(async () => {
  backend = await testBackend();
  seeded = await seedTrackingYear(backend);
  expected = await expectedFromRows(backend, seeded.yearId);
  envelopes = await backend.database.db
    .selectFrom('aci_envelope')
    .select(['mission_code', 'fixed_cents', 'variable_max_cents'])
    .where('contract_year_id', '=', seeded.yearId)
    .execute();
  const { job } = await indicatorsTrackingExport(backend.database.db, seeded.yearId, CLOCK);
  pdf = await render(job, 'annee-5');
});
afterAll(async () => {
  await backend.database.dispose();
});

/** The text of the PDF in reading order with whitespace collapsed. */
const flat = () => pdf.flat;

describe('Tableau de suivi des indicateurs (PDF)', () => {
  it('reads like the annex: CPTS, contract number, year and its dates, landscape pages with the footer', async () => {
    expect(flat()).toContain('Tableau de suivi des indicateurs');
    expect(flat()).toContain('CPTS Grenoble Sud');
    expect(flat()).toContain(`Année 5 du contrat n° ${CONTRACT_NUMBER}, du 15 avril 2026 au 14 avril 2027`);
    expect(flat()).toContain('Amélioration de l’accès aux soins');
    expect(flat()).toContain('Développement des actions coordonnées de prévention');
    expectFooterOnEveryPage(pdf, 'Tableau de suivi des indicateurs — année 5 — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
    const { execFileSync } = await import('node:child_process');
    const info = execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
    expect(Number(width)).toBeGreaterThan(Number(height));
  });

  it('prints every indicator with € obtenus / max, taux and justificatifs computed from the rows', () => {
    expect(expected).toHaveLength(12);
    for (const line of expected) {
      expect(flat()).toContain(line.code);
      expect(flat()).toContain(
        `${formatEurosFromCents(line.earned)} / ${formatEurosFromCents(line.max)}`.replace(/\u00a0/g, ' '),
      );
      if (line.required > 0) expect(flat()).toMatch(new RegExp(`${line.code}[^]*?${line.provided} / ${line.required}`));
    }
    // Hand-checked against the annex: ALD sans MT 87 ≤ 100 → palier 2, 6 000 € of 9 000 €; > 70 ans half-way
    // from 303 to 203 → 2 500 €; cancer du sein 71,2 % ≥ 69,7 % → socle only.
    expect(expected.find((line) => line.code === 'ACC-1')!.earned).toBe(600_000);
    expect(expected.find((line) => line.code === 'ACC-3')!.earned).toBe(250_000);
    expect(expected.find((line) => line.code === 'PRE-1')!.earned).toBe(100_000);
    expect(flat()).toContain('Palier 2 (intermédiaire)');
    expect(flat()).toContain('Palier 1 (socle)');
  });

  it('shows baselines with their date, tiers, the measure that counts and the carry-over', () => {
    expect(flat()).toContain('219 au 31/12/2025');
    expect(flat()).toContain('66,26 % au 31/12/2024');
    expect(flat()).toContain('≤ 50 → 9 000 €');
    expect(flat()).toContain('≥ 75 % → 3 500 €');
    // The CPAM-validated 87 counts, not the later draft 120.
    expect(flat()).toContain('87 (validé par la CPAM)');
    expect(flat()).not.toContain('120 (brouillon)');
    expect(flat()).toContain('≤ 203 (au prorata)');
    expect(flat()).toContain('90 jours au 15/04/2025');
    expect(flat()).toMatch(/PAR-3 — Dépistages LDCT réalisés \(reporté de l’année précédente\)/);
    expect(flat()).toContain('Non mesuré');
  });

  it('closes each mission with Σ earned / variable max and warns when its indicators do not add up', () => {
    for (const envelope of envelopes) {
      const lines = expected.filter((line) => line.mission === envelope.mission_code);
      const earned = lines.reduce((sum, line) => sum + line.earned, 0);
      const priced = lines.reduce((sum, line) => sum + line.max, 0);
      expect(flat()).toContain(
        `${formatEurosFromCents(earned)} / ${formatEurosFromCents(envelope.variable_max_cents)} ${formatShare(earned, envelope.variable_max_cents)}`.replace(
          /[\u00a0\u202f]/g,
          ' ',
        ),
      );
      if (priced !== envelope.variable_max_cents) {
        expect(flat()).toContain(
          `totalisent ${formatEurosFromCents(priced)} pour une part variable de ${formatEurosFromCents(envelope.variable_max_cents)}`.replace(
            /\u00a0/g,
            ' ',
          ),
        );
      }
    }
    // Only accès aux soins is priced below its envelope (19 000 € for 35 000 €).
    expect(flat().match(/totalisent/g)).toHaveLength(1);
    expect(flat()).toContain('(écart 16 000 €)');
  });

  it('totals the year: fixe, variable max, obtenu, taux and total', () => {
    const fixed = envelopes.reduce((sum, envelope) => sum + envelope.fixed_cents, 0);
    const variable = envelopes.reduce((sum, envelope) => sum + envelope.variable_max_cents, 0);
    const earned = expected.reduce((sum, line) => sum + line.earned, 0);
    expect([fixed, variable, earned]).toEqual([17_750_000, 12_250_000, 5_950_000]);
    const total = [
      'Total',
      formatEurosFromCents(fixed),
      formatEurosFromCents(variable),
      formatEurosFromCents(earned),
      formatShare(earned, variable),
      formatEurosFromCents(fixed + earned),
    ]
      .join(' ')
      .replace(/[\u00a0\u202f]/g, ' ');
    expect(flat()).toContain(total);
    expect(flat()).toContain('48,6 %');
    expect(flat()).toContain('237 000 €');
  });

  it('draws the part variable obtained over its maximum: every mission on the first page, then each under its title', async () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const figures = (earned: number, max: number) =>
      plain(`${formatEurosFromCents(earned)} / ${formatEurosFromCents(max)} · ${formatShare(earned, max)}`);
    const page = (index: number) => (pdf.pages[index] ?? '').replace(/\s+/g, ' ');
    const { missions } = await backend.ok('indicators.results', { contractYearId: seeded.yearId });
    expect(page(0)).toContain('Part variable obtenue par mission');
    expect(page(0)).toContain('Part variable obtenue Part variable maximale'); // the legend
    for (const envelope of envelopes) {
      const mission = missions.find((entry) => entry.missionCode === envelope.mission_code)!;
      const lines = expected.filter((line) => line.mission === envelope.mission_code);
      const earned = lines.reduce((sum, line) => sum + line.earned, 0);
      expect(page(0)).toContain(mission.shortLabel);
      expect(page(0)).toContain(figures(earned, envelope.variable_max_cents));
      // The mission's own bar, between its envelope and its table.
      const title = mission.label;
      expect(pdf.flat).toMatch(
        new RegExp(
          `${title} Part fixe [^]*?Part variable obtenue ${figures(earned, envelope.variable_max_cents)} Indicateur`,
        ),
      );
    }
  });

  it('says so when a contract year has no mission nor indicator', async () => {
    const { job } = await indicatorsTrackingExport(backend.database.db, seeded.years[0]!, CLOCK);
    const empty = await render(job, 'annee-1');
    expect(empty.flat).toContain(
      'Aucune enveloppe de mission ni aucune cible d’indicateur n’est renseignée pour cette année de contrat.',
    );
    expect(empty.flat).toContain('Année 1 du contrat');
    expect(empty.flat).toContain('12 indicateurs du contrat n’ont pas de cible pour cette année');
    expect(empty.flat).not.toContain('ACC-1');
    expect(empty.pageCount).toBe(1);
  });

  it('is exported through the reports channel, and refuses an unknown contract year', async () => {
    backend.context.chooseSavePath = async () => `${pdf.file}.copie.pdf`;
    const saved = await backend.ok('reports.exportIndicatorsTracking', { contractYearId: seeded.yearId });
    expect(saved).toMatchObject({ saved: true, pages: pdf.pageCount });
    const refused = await backend.call('reports.exportIndicatorsTracking', { contractYearId: 9999 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Cette année de contrat n’existe pas');
  });
});
