/**
 * The chart model drawn in a real PDF (react-pdf, Inter), read back with poppler: every label and value of the
 * geometry is real text of the page, in Inter, and a label shortened with the real font metrics fits its column.
 * Set CHARTS_PDF_PREVIEW to a folder to keep the PDF for a look.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  barChart,
  bulletChart,
  columnChart,
  estimateTextWidth,
  lineChart,
  type ChartGeometry,
  type TextMark,
} from '@shared/charts';
import { PdfChart, pdfMeasureText } from '../../electron/pdf/components/charts/PdfChart';
import { contentWidth } from '../../electron/pdf/components/theme';
import { clearStaleGlyphs, registerFonts } from '../../electron/pdf/fonts';
import { ReportDocument, ReportPage, textWidth } from '../../electron/pdf/layout';
import { FONTS_DIR } from '../helpers/handlers';
import { expectFrench, expectOnlyInter, normalise } from '../helpers/pdf';

const POPPLER = { encoding: 'utf8', maxBuffer: 64 << 20 } as const;
const options = { width: contentWidth, measureText: pdfMeasureText };
const LONG_PROFESSION = 'Masseur-kinésithérapeute exerçant en maison de santé pluriprofessionnelle';

const members = barChart({
  ...options,
  title: 'Adhérents par profession',
  labelHeader: 'Profession',
  valueHeader: 'Adhérents',
  items: [
    { label: 'Infirmier', value: 1248 },
    { label: 'Médecin généraliste', value: 312 },
    { label: LONG_PROFESSION, value: 87 },
    { label: 'Pharmacien', value: 41 },
    { label: 'Sage-femme', value: 9 },
  ],
});
const meetings = columnChart({
  ...options,
  title: 'Réunions par mois',
  height: 170,
  mode: 'stacked',
  categoryHeader: 'Mois',
  categories: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin'],
  series: [
    { label: 'RCP', values: [3, 2, 4, 1, 0, 2] },
    { label: 'Bureau', values: [1, 1, 1, 1, 1, 1] },
    { label: 'Assemblée générale', values: [0, 0, 0, 0, 1, 0] },
  ],
});
const screening = lineChart({
  ...options,
  title: 'Dépistage organisé du cancer du sein',
  height: 170,
  format: 'percent',
  zeroBased: false,
  xHeader: 'Année de contrat',
  xLabels: ['2022-2023', '2023-2024', '2024-2025', '2025-2026'],
  series: [
    { label: 'Réalisé', values: [67.12, 70.25, 71.8, null] },
    { label: 'Cible', values: [69.7, 72.4, 75, 75], style: 'target' },
  ],
  baseline: { label: 'Situation initiale', value: 66.26 },
});
const targets = bulletChart({
  ...options,
  title: 'Cibles et réalisé 2024-2025',
  items: [
    { label: 'Dépistage du cancer du sein', value: 71.8, target: 75, baseline: 66.26, max: 100, format: 'percent' },
    {
      label: 'Patients en ALD sans médecin traitant',
      value: 412,
      target: 450,
      baseline: 530,
      direction: 'baisse',
      format: 'integer',
    },
    { label: 'Protocoles pluriprofessionnels', value: null, target: 3, format: 'integer' },
  ],
});
const budget = barChart({
  ...options,
  title: 'Budget par mission',
  format: 'euros',
  items: [
    { label: 'Accès aux soins', value: 3_300_000 },
    { label: 'Parcours pluriprofessionnels', value: 1_250_050 },
    { label: 'Prévention', value: 0 },
  ],
});
const empty = lineChart({ ...options, title: 'Évolution des adhérents', xLabels: [], series: [] });
const charts = [members, meetings, screening, targets, budget, empty];

const workDir = mkdtempSync(join(tmpdir(), 'maillage-charts-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let file = '';
let text = '';
let flat = '';

beforeAll(async () => {
  registerFonts(FONTS_DIR);
  clearStaleGlyphs();
  const pages = [charts.slice(0, 3), charts.slice(3)].map((group, index) =>
    createElement(
      ReportPage,
      {
        key: index,
        cptsName: 'CPTS du Grésivaudan',
        reportTitle: 'Graphiques',
        footer: 'Graphiques — essai du modèle commun',
      },
      group.map((geometry) => createElement(PdfChart, { key: geometry.title, geometry })),
    ),
  );
  const document = createElement(
    ReportDocument,
    { title: 'Graphiques', author: 'CPTS du Grésivaudan', subject: 'Graphiques' },
    pages,
  );
  const pdf = await renderToBuffer(document as ReactElement<DocumentProps>);
  file = join(workDir, 'graphiques.pdf');
  writeFileSync(file, pdf);
  const preview = process.env.CHARTS_PDF_PREVIEW;
  if (preview) {
    mkdirSync(preview, { recursive: true });
    copyFileSync(file, join(preview, 'graphiques.pdf'));
  }
  text = normalise(execFileSync('pdftotext', ['-layout', file, '-'], POPPLER));
  // The layout text, spaces collapsed: each label reads whole (-raw splits some SVG texts after their digits).
  flat = text.replace(/\s+/g, ' ');
});

const shownTexts = (geometry: ChartGeometry) =>
  geometry.marks.filter((mark): mark is TextMark => mark.type === 'text').map((mark) => mark.text);

describe('Charts in a PDF', () => {
  it('writes every label and value of every chart as text of the page, in Inter only', () => {
    for (const geometry of charts) {
      expect(text).toContain(geometry.title);
      for (const shown of shownTexts(geometry)) expect(flat).toContain(normalise(shown));
    }
    expectOnlyInter(file);
    expect(execFileSync('pdffonts', [file], POPPLER)).toMatch(/Inter-SemiBold/);
    expectFrench(text);
    expect(execFileSync('pdfinfo', [file], POPPLER)).toMatch(/^Pages:\s+2$/m);
  });

  it('writes the figures the French way', () => {
    expect(flat).toContain('1 248');
    expect(flat).toContain('33 000 €');
    expect(flat).toContain('12 500,50 €');
    expect(flat).toContain('67,1 %');
    expect(flat).toContain('Situation initiale : 66,3 %');
    expect(flat).toContain('réalisé 412 · cible 450');
    expect(flat).toContain('non mesuré · cible 3');
    expect(flat).toContain('Aucune donnée');
  });

  it('shortens a long label to its column with Inter’s real widths', () => {
    const shown = members.marks.find((mark): mark is TextMark => mark.type === 'text' && mark.full === LONG_PROFESSION);
    expect(shown?.text).toMatch(/^Masseur-kinésithérapeute.*…$/);
    expect(textWidth(shown?.text ?? '', shown?.fontSize ?? 0)).toBeLessThanOrEqual(contentWidth * 0.38);
    expect(flat).toContain(normalise(shown?.text ?? ''));
    expect(flat).not.toContain(LONG_PROFESSION);
    // The bar of each profession is in the PDF as long as the geometry says: the longest spans the plot.
    const bars = members.marks.filter((mark) => mark.type === 'rect');
    expect(bars).toHaveLength(5);
  });

  it('has a default text measure at or just above Inter’s real widths, so that estimated labels fit too', () => {
    const labels = [
      'Infirmier',
      'Médecin généraliste',
      'Masseur-kinésithérapeute',
      'Sage-femme',
      'Chirurgien-dentiste',
      'Accès aux soins',
      'PRÉVENTION',
      'févr.',
      '2024-2025',
      '33 000 €',
      '66,3 %',
    ];
    for (const label of labels) {
      for (const [weight, inter] of [
        ['regular', 'regular'],
        ['semibold', 'bold'],
      ] as const) {
        const ratio = estimateTextWidth(label, 10, weight) / textWidth(label, 10, inter);
        expect(ratio, `${label} (${weight})`).toBeGreaterThanOrEqual(1);
        expect(ratio, `${label} (${weight})`).toBeLessThan(1.2);
      }
    }
  });
});
