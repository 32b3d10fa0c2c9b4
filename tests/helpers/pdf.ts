/**
 * Renders a report with the real renderer into a temporary folder and reads it back with poppler (pdftotext,
 * pdfinfo, pdffonts), for the PDF tests. Set the given environment variable to a folder to keep the PDFs for a look.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { renderReport, type ReportJob } from '../../electron/pdf/render';
import { FONTS_DIR } from './handlers';

export interface RenderedPdf {
  file: string;
  /** `pdftotext -layout`, non-breaking spaces turned into plain ones. */
  text: string;
  /** `pdftotext -raw` (content order), non-breaking spaces turned into plain ones. */
  raw: string;
  /** `raw` with lines cut after a hyphen joined again and whitespace collapsed: wrapped sentences can be searched whole. */
  flat: string;
  pages: string[];
  pageCount: number;
  /** Wall-clock time of the render, in milliseconds (reported, never asserted). */
  ms: number;
}

/** Non-breaking spaces (French typography) turned into plain ones, for comparisons. */
export const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const POPPLER = { encoding: 'utf8', maxBuffer: 64 << 20 } as const;

/** A temporary folder removed after the file's tests, and a `render` writing there (and to `$previewEnv` if set). */
export function pdfWorkspace(prefix: string, previewEnv: string, previewPrefix = '') {
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  const previewDir = process.env[previewEnv];
  async function render(job: ReportJob, name: string): Promise<RenderedPdf> {
    const started = performance.now();
    const pdf = await renderReport(job, { fontsDir: FONTS_DIR });
    const ms = performance.now() - started;
    const file = join(workDir, `${name}.pdf`);
    writeFileSync(file, pdf);
    if (previewDir) {
      mkdirSync(previewDir, { recursive: true });
      copyFileSync(file, join(previewDir, `${previewPrefix}${name}.pdf`));
    }
    const text = normalise(execFileSync('pdftotext', ['-layout', file, '-'], POPPLER));
    const raw = normalise(execFileSync('pdftotext', ['-raw', file, '-'], POPPLER));
    const flat = raw.replace(/-\n/g, '-').replace(/\s+/g, ' ');
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], POPPLER))?.[1]);
    const pages = text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
    return { file, text, raw, flat, pages, pageCount, ms };
  }
  return { workDir, render };
}

/** Every font of the PDF is an embedded subset of Inter. */
export function expectOnlyInter(file: string) {
  const lines = execFileSync('pdffonts', [file], POPPLER).trim().split('\n').slice(2);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const columns = line.trim().split(/\s+/);
    expect(columns[0]).toMatch(/^[A-Z]{6}\+Inter-/);
    expect(columns[columns.length - 5]).toBe('yes');
  }
}

/** « Page n / N » and the footer text on every page. */
export function expectFooterOnEveryPage(
  { pages, pageCount }: Pick<RenderedPdf, 'pages' | 'pageCount'>,
  footer: string,
) {
  expect(pageCount).toBeGreaterThanOrEqual(1);
  expect(pages).toHaveLength(pageCount);
  pages.forEach((page, index) => {
    expect(page).toContain(`Page ${index + 1} / ${pageCount}`);
    expect(page).toContain(footer);
  });
}

/** No English or programming leftovers in a French document. */
export function expectFrench(text: string) {
  expect(text).not.toMatch(/\b(Page \d+ of|null|undefined|NaN|Invalid Date|true|false)\b/);
}
