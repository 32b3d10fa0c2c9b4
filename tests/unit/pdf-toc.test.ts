import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement as h } from 'react';
import { renderToBuffer, Text } from '@react-pdf/renderer';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFonts } from '../../electron/pdf/fonts';
import { ReportDocument, ReportPage } from '../../electron/pdf/layout';
import { Toc, TocHeading, TocPages, type TocEntry } from '../../electron/pdf/layout/Toc';
import { FONTS_DIR } from '../helpers/handlers';
import { normalise } from '../helpers/pdf';

const workDir = mkdtempSync(join(tmpdir(), 'maillage-pdf-toc-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const pageText = (file: string, page: number) =>
  normalise(
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }),
  );

/** Sections of uneven length (1 to 40 paragraphs), so that headings land anywhere on their page. */
const SECTIONS = Array.from({ length: 14 }, (_, index) => ({
  id: `section-${index + 1}`,
  title: `${index + 1}. Section d’essai numéro ${index + 1}`,
  paragraphs: ((index * 7) % 40) + 1,
}));

const paragraph = (section: number, index: number) =>
  `Paragraphe ${index + 1} de la section ${section + 1}. La CPTS a réuni ses adhérents, suivi ses indicateurs ` +
  'et rendu compte de ses actions auprès de l’ARS et de la CPAM, comme chaque année, sans rien inventer.';

let file: string;
let tocEntries: TocEntry[];

beforeAll(async () => {
  registerFonts(FONTS_DIR);
  const pages = new TocPages();
  tocEntries = SECTIONS.map((section) => ({ id: section.id, title: section.title }));
  const chrome = { cptsName: 'CPTS du Val d’Essai', reportTitle: 'Rapport d’activité 2025', footer: 'Essai' };
  const document = h(
    ReportDocument,
    { title: 'Essai', author: 'CPTS', subject: 'Essai' },
    h(ReportPage, { ...chrome, key: 'toc' }, h(Text, null, 'Sommaire'), h(Toc, { pages, entries: tocEntries })),
    // Two pages of sections, so that headings are noted by more than one <Page>.
    ...[SECTIONS.slice(0, 7), SECTIONS.slice(7)].map((group, groupIndex) =>
      h(
        ReportPage,
        { ...chrome, key: `group-${groupIndex}` },
        ...group.map((section) => {
          const sectionIndex = SECTIONS.indexOf(section);
          return [
            h(TocHeading, {
              key: `${section.id}-title`,
              pages,
              id: section.id,
              style: { fontSize: 12.5, lineHeight: 1.3, fontWeight: 700, marginTop: 10, marginBottom: 6 },
              title: section.title,
            }),
            ...Array.from({ length: section.paragraphs }, (_, index) =>
              h(
                Text,
                { key: `${section.id}-${index}`, style: { fontSize: 9.5, marginBottom: 4 } },
                paragraph(sectionIndex, index),
              ),
            ),
          ];
        }),
      ),
    ),
  );
  file = join(workDir, 'toc.pdf');
  writeFileSync(file, await renderToBuffer(document));
});

describe('Table des matières', () => {
  it('names, for every heading, the page where pdftotext finds it', () => {
    const toc = pageText(file, 1);
    const found: number[] = [];
    for (const entry of tocEntries) {
      const line = toc.split('\n').find((text) => text.includes(entry.title)) ?? '';
      const page = Number(/(\d+)\s*$/.exec(line)?.[1]);
      expect(page, entry.title).toBeGreaterThan(1);
      expect(pageText(file, page)).toContain(entry.title);
      // The heading starts its line there (not the TOC's own mention of it).
      expect(
        pageText(file, page)
          .split('\n')
          .some((text) => text.trim() === entry.title),
      ).toBe(true);
      found.push(page);
    }
    // Headings in order, spread over many pages.
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    expect(new Set(found).size).toBeGreaterThan(6);
  });

  it('gives each heading a bookmark to its page and makes each line of the contents a link to it', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    const outline = (await pdf.getOutline()) ?? [];
    expect(outline.map((item) => item.title)).toEqual(tocEntries.map((entry) => entry.title));
    const toc = pageText(file, 1);
    for (const item of outline) {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
      const ref = dest?.[0] as Parameters<typeof pdf.getPageIndex>[0];
      const line = toc.split('\n').find((text) => text.includes(item.title)) ?? '';
      expect((await pdf.getPageIndex(ref)) + 1, item.title).toBe(Number(/(\d+)\s*$/.exec(line)?.[1]));
    }
    const links = await (await pdf.getPage(1)).getAnnotations();
    expect(links.map((link) => link.dest)).toEqual(tocEntries.map((entry) => entry.id));
    await pdf.destroy();
  });
});
