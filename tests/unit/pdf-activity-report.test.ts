import { execFileSync } from 'node:child_process';
import { createElement as h } from 'react';
import { renderToBuffer, Text } from '@react-pdf/renderer';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEurosFromCents, formatInteger } from '@shared/format';
import type { ActivityReportData } from '@shared/reports/activity-report';
import { activityReportData, CPTS_NAME, YEAR } from '../fixtures/activity-report';
import { BrandedPage, ReportDocument } from '../../electron/pdf/layout';
import { renderReport } from '../../electron/pdf/render';
import { FONTS_DIR } from '../helpers/handlers';
import { expectFrench, expectOnlyInter, normalise, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';

const { render } = pdfWorkspace('maillage-pdf-activity-', 'MAILLAGE_PDF_PREVIEW', 'rapport-activite-');

const pageText = (file: string, page: number) =>
  normalise(
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }),
  );

/** The page number the contents give for a title (the number closing its line). */
function tocPage(pdf: RenderedPdf, title: string): number {
  const contents = pdf.pages.find((page) => page.includes('Sommaire')) ?? '';
  const line = contents.split('\n').find((text) => text.includes(title)) ?? '';
  return Number(/(\d+)\s*$/.exec(line)?.[1]);
}

let data: ActivityReportData;
let pdf: RenderedPdf;

beforeAll(async () => {
  data = activityReportData();
  pdf = await render({ kind: 'activityReport', data }, 'complet');
  console.info(`Rapport d’activité : ${pdf.pageCount} pages en ${Math.round(pdf.ms)} ms`);
}, 300_000);

describe('Rapport d’activité (PDF)', () => {
  it('opens on a cover with the CPTS, the year and the contract year, then numbered sections in order', () => {
    const cover = pdf.pages[0] ?? '';
    expect(cover).toContain(CPTS_NAME);
    expect(cover).toContain(`Rapport d’activité ${YEAR}`);
    expect(cover).toContain('Année 3 (15/04/2025 – 14/04/2026)');
    const titles = data.sections.map((section, index) => `${index + 1}. ${section.title}`);
    expect(titles[0]).toBe('1. Synthèse et chiffres clés');
    // pdftotext sometimes reads « 7. » as « 7 . ».
    const flat = pdf.flat.replace(/(\d) \./g, '$1.');
    const positions = titles.map((title) => flat.lastIndexOf(title));
    for (const [index, position] of positions.entries()) expect(position, titles[index]).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives every section and annex its real page in the contents', () => {
    const titles = [
      ...data.sections.map((section, index) => `${index + 1}. ${section.title}`),
      'Annexe 1 — Tableau de suivi des indicateurs',
      'Annexe 2 — Procès-verbal',
      'Annexe 3 — Liste des adhérents',
      'Annexe 4 — Statistiques de participation',
    ];
    for (const title of titles) {
      const page = tocPage(pdf, title);
      expect(page, title).toBeGreaterThan(2);
      expect(
        pageText(pdf.file, page)
          .split('\n')
          .some((line) => line.trim().startsWith(title)),
        title,
      ).toBe(true);
    }
  });

  it('prints the key figures, a commune, a fiche, an indicator and the texts of the coordinator', () => {
    const synthesis = data.sections.find((section) => section.key === 'synthese');
    if (synthesis?.key !== 'synthese') throw new Error('synthèse absente');
    for (const figure of synthesis.keyFigures) {
      expect(pdf.flat).toContain(figure.label.toUpperCase());
      expect(pdf.flat).toContain(
        figure.unit === 'euros_cents'
          ? formatEurosFromCents(figure.value).replace(/\u00a0|\u202f/g, ' ')
          : formatInteger(figure.value).replace(/\u00a0|\u202f/g, ' '),
      );
    }
    expect(pdf.text).toContain('Morschwiller-le-Bas');
    expect(pdf.text).toContain('108 942');
    expect(pdf.flat).toContain('recensement 2022');
    expect(pdf.flat).toContain('populations légales 2022');
    expect(pdf.flat).toContain('Inauguration de la consultation d’accès aux soins');
    expect(pdf.flat).toContain('FA-1.1');
    expect(pdf.flat).toContain('Part des patients en ALD sans médecin traitant');
    expect(pdf.flat).toContain('Difficultés rencontrées');
    expect(pdf.flat).toContain('Le recrutement de médecins pour les créneaux du samedi reste difficile.');
    expect(pdf.flat).toContain('Fiches actions auxquelles la CPTS participe');
    expect(pdf.flat).toContain('Maison des 1000 premiers jours (porteur : Ville de Mulhouse)');
    expect(pdf.flat).toContain('Exercice le 03/10/2025 : canicule, avec la mairie de Mulhouse');
    expect(pdf.flat).toContain('Mission optionnelle non retenue au contrat.');
    expect(pdf.flat).toContain('Le mot du président.');
    expect(pdf.flat).toContain('Ouverture de la consultation d’accès aux soins');
  });

  it('runs the header « CPTS — Rapport d’activité 2025 » and « Page n / N » on every page but the cover', () => {
    const header = `${CPTS_NAME} — Rapport d’activité ${YEAR}`;
    pdf.pages.slice(1).forEach((page, index) => {
      expect(page, `page ${index + 2}`).toContain(header);
      expect(page, `page ${index + 2}`).toContain(`Page ${index + 2} / ${pdf.pageCount}`);
    });
    expect(pdf.pages[0]).not.toContain('Page 1 /');
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
  });
});

describe('Rapport d’activité : variantes', () => {
  it('leaves out the sections the coordinator left out, in the text and in the contents', async () => {
    const without = activityReportData({ without: ['rcp', 'finances', 'mission_qualite'] });
    const rendered = await render({ kind: 'activityReport', data: without }, 'sans-sections');
    expect(rendered.flat).not.toContain('Concertations pluriprofessionnelles (RCP)');
    expect(rendered.flat).not.toContain('Versements reçus dans l’année');
    // The mission stays in the tableau de suivi annex, but has no section of its own.
    const contents = rendered.pages.find((page) => page.includes('Sommaire')) ?? '';
    expect(contents).not.toContain('Développement de la qualité et de la pertinence des soins');
    expect(contents).toContain('Réponse aux crises sanitaires graves');
    // Numbering follows the sections printed.
    expect(without.sections.length).toBe(data.sections.length - 3);
    expect(tocPage(rendered, `${without.sections.length}. Perspectives`)).toBeGreaterThan(2);
  }, 300_000);

  it('renders without a logo, an introduction or highlights', async () => {
    const bare = { ...activityReportData({ logo: null }), introduction: null, highlights: [], highlightPhotos: [] };
    const rendered = await render({ kind: 'activityReport', data: bare }, 'sans-logo');
    expect(rendered.pages[0]).toContain(CPTS_NAME);
    expect(rendered.flat).not.toContain('Introduction');
    expect(rendered.flat).toContain('Sommaire');
  }, 300_000);

  it('renders a long report (more than 30 pages) and reports its time', async () => {
    const long = await render({ kind: 'activityReport', data: activityReportData({ scale: 2 }) }, 'long');
    expect(long.pageCount).toBeGreaterThanOrEqual(30);
    expect(long.pages).toHaveLength(long.pageCount);
    expect(long.pages.at(-1)).toContain(`Page ${long.pageCount} / ${long.pageCount}`);
    expect(tocPage(long, 'Annexe 3 — Liste des adhérents')).toBeGreaterThan(tocPage(long, 'Annexe 2 — Procès-verbal'));
    console.info(`Rapport d’activité : ${long.pageCount} pages en ${Math.round(long.ms)} ms`);
  }, 300_000);
});

describe('Rapport d’activité : temps de rendu', () => {
  it('is timed against a plain-text PDF of the same page count (reported, not asserted)', async () => {
    // Processor time besides wall-clock time: on a busy machine it still tells what an idle one would take.
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await renderReport({ kind: 'activityReport', data }, { fontsDir: FONTS_DIR });
    const reportMs = performance.now() - started;
    const reportCpu = cpuMs(process.cpuUsage(cpuStarted));
    const line = 'La CPTS a réuni les professionnels du territoire autour de ses missions, comme chaque année.';
    const plain = h(
      ReportDocument,
      { title: 'Texte seul', author: CPTS_NAME, subject: 'Mesure' },
      ...Array.from({ length: pdf.pageCount }, (_, page) =>
        h(
          BrandedPage,
          { key: page, headerText: CPTS_NAME, logo: null, footer: 'Mesure' },
          ...Array.from({ length: 48 }, (_, index) => h(Text, { key: index, style: { fontSize: 9.5 } }, line)),
        ),
      ),
    );
    const plainStarted = performance.now();
    const plainCpuStarted = process.cpuUsage();
    const bytes = await renderToBuffer(plain);
    const plainMs = performance.now() - plainStarted;
    const plainCpu = cpuMs(process.cpuUsage(plainCpuStarted));
    expect(bytes.length).toBeGreaterThan(0);
    console.info(
      `Rapport d’activité : ${pdf.pageCount} pages en ${Math.round(reportMs)} ms (processeur ${Math.round(reportCpu)} ms) ; ` +
        `texte seul, même nombre de pages : ${Math.round(plainMs)} ms (processeur ${Math.round(plainCpu)} ms) ; ` +
        `rapport ${(reportCpu / plainCpu).toFixed(2)} en temps processeur`,
    );
  }, 300_000);
});
