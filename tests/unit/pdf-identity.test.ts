import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Font } from '@react-pdf/renderer';
import { chunkRows } from '../../electron/pdf/layout/chunkRows';
import { registerFonts } from '../../electron/pdf/fonts';
import { createRenderQueue, type RenderProgress, type RenderResponse } from '../../electron/pdf/queue';
import { renderReport, type ReportJob } from '../../electron/pdf/render';
import type { IdentitySheetData } from '@shared/reports/identity';
import { emptyTerritoryIdentitySheet, largeIdentitySheet, segIdentitySheet } from '../fixtures/identity-sheet';

const fontsDir = fileURLToPath(new URL('../../resources/fonts', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'maillage-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface RenderedPdf {
  file: string;
  /** Whole text laid out like the page (`pdftotext -layout`), non-breaking spaces turned into plain ones. */
  text: string;
  /** Text in content order (`pdftotext -raw`) with words cut after a hyphen at a line end joined again. */
  flowText: string;
  /** Text of each page (pdftotext separates pages with a form feed). */
  pages: string[];
  pageCount: number;
  ms: number;
}

function normalise(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

let fileCounter = 0;
async function render(data: IdentitySheetData): Promise<RenderedPdf> {
  const started = performance.now();
  const pdf = await renderReport({ kind: 'identity', data }, { fontsDir });
  const ms = performance.now() - started;
  const file = join(workDir, `identity-${(fileCounter += 1)}.pdf`);
  writeFileSync(file, pdf);
  const text = normalise(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  const flowText = normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })).replace(/-\n/g, '-');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pages = text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
  return { file, text, flowText, pages, pageCount, ms };
}

/** Font rows of `pdffonts`: name, type, embedded. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni objectId generation
    return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
  });
}

describe('Fiche d’identité de la CPTS (PDF)', () => {
  it('renders the CPTS Sud-Est Grenoblois with its territory, size class, footer and embedded Inter', async () => {
    const { file, text, pages, pageCount } = await render(segIdentitySheet());

    expect(text).toContain("Fiche d'identité de la CPTS");
    expect(text).toContain('CPTS Sud-Est Grenoblois');
    for (const [nom, code] of [
      ["Saint-Martin-d'Hères", '38421'],
      ['Poisat', '38309'],
      ['Eybens', '38158'],
    ]) {
      expect(text).toContain(nom);
      expect(text).toContain(code);
    }
    expect(text).toContain('50 361');
    expect(text).toMatch(
      /3 communes, 50 361 habitants — taille 2 \(de 40 000 à 80 000 habitants\) selon le barème ACI CPTS\s+2019\s+\(avenant 2\)/,
    );
    expect(text).toContain('taille 2');
    expect(text).toMatch(/Total\s+50 361/);
    expect(text).toContain('Grenoble-Alpes-Métropole');
    expect(text).toContain('200040715');
    expect(text).toContain('3 communes sur 49');
    expect(text).toContain('Isère');
    expect(text).toContain('Source : Code officiel géographique 2026, populations légales.');

    // Identity and lifecycle.
    expect(text).toContain('W381234567');
    expect(text).toContain("CPAM de l'Isère");
    expect(text).toMatch(/Site internet\s+Non renseigné/);
    expect(text).toContain('Contrat ACI signé — année 4 sur 5');
    expect(text).toMatch(/Projet de santé validé par l'ARS\s+30 juin 2022/);
    expect(text).toMatch(/Renouvellement du contrat ACI\s+—/);
    expect(text).toMatch(/Prochaine date anniversaire\s+12 janvier 2027/);

    // Footer on every page, with the French export date and « Page k / N ».
    expect(pageCount).toBeGreaterThanOrEqual(1);
    expect(pages).toHaveLength(pageCount);
    expect(text).toContain("Fiche d'identité de la CPTS — exporté le 23 novembre 2026 à 14 h 05");
    expect(text).toContain(`Page 1 / ${pageCount}`);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pageCount}`));

    // Only Inter, embedded (no fallback to the standard Helvetica).
    const fonts = fontsOf(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+Inter-/);
      expect(font.embedded).toBe(true);
    }
    expect(fonts.map((font) => font.name.split('+')[1])).toEqual(
      expect.arrayContaining(['Inter-Regular', 'Inter-Bold']),
    );

    // English words must not leak into a French document.
    expect(text).not.toMatch(/\b(Page \d+ of|null|undefined|NaN|Invalid Date)\b/);
  });

  it('splits a 60-commune territory into explicit pages, each with the table header and the footer', async () => {
    const data = largeIdentitySheet(60);
    const { text, flowText, pages, pageCount, ms } = await render(data);
    console.info(`60 communes: ${pageCount} pages rendered in ${Math.round(ms)} ms`);

    // Long names wrap after a hyphen (« …-et-Val- / d'Olle »): look for them in the text flow.
    for (const commune of data.territory.communes) {
      expect(flowText).toContain(commune.nom);
      expect(text).toContain(commune.code);
    }
    const rowPattern = /^\s*\S.*?\s{2,}(?:38|73)\d{3}\s{2,}(?:Isère \(38\)|Savoie \(73\))\s{2,}\d{1,3}(?: \d{3})*\s*$/;
    const rows = text.split('\n').filter((line) => rowPattern.test(line));
    expect(rows).toHaveLength(60);

    const total = data.territory.communes.reduce((sum, commune) => sum + commune.population, 0);
    const totalText = new Intl.NumberFormat('fr-FR').format(total).replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toMatch(new RegExp(`Total\\s+${totalText}`));
    expect(text).toContain('60 communes');

    expect(pageCount).toBeGreaterThan(1);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} / ${pageCount}`);
      expect(page).toContain('exporté le 23 novembre 2026 à 14 h 05');
      // Every page that holds commune rows repeats the table header.
      if (page.split('\n').some((line) => rowPattern.test(line))) {
        expect(page).toMatch(/Commune\s+Code INSEE\s+Département\s+Population/);
      }
    });
    expect(text).toContain('Communes du territoire (suite)');
    expect(text).toContain('Communauté de communes Le Grésivaudan');
    expect(text).toContain('38 communes sur 43');
  });

  it('explains an empty territory instead of drawing empty tables', async () => {
    const { text, pages, pageCount } = await render(emptyTerritoryIdentitySheet());

    expect(text).toContain("Aucune commune n'a encore été ajoutée au territoire.");
    expect(text).toContain('taille non déterminée');
    expect(text).not.toContain('Code INSEE');
    expect(text).not.toContain('Intercommunalités (EPCI)');
    expect(text).toContain("Aucun contrat ACI n'est renseigné.");
    expect(text).toMatch(/Numéro RNA\s+Non renseigné/);
    expect(text).toContain('1er septembre 2026');
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pageCount}`));
  });
});

describe('registerFonts', () => {
  const sourcesOfInter = () =>
    (Font.getRegisteredFonts()['Inter'] as unknown as { sources: { src: string }[] }).sources.map(
      (source) => source.src,
    );

  it('registers Inter once by absolute path, and replaces it when the folder changes', () => {
    registerFonts(fontsDir);
    registerFonts(fontsDir);
    expect(sourcesOfInter()).toEqual([
      join(fontsDir, 'Inter-Regular.ttf'),
      join(fontsDir, 'Inter-SemiBold.ttf'),
      join(fontsDir, 'Inter-Bold.ttf'),
    ]);
    const copy = join(workDir, 'fonts-copy');
    cpSync(fontsDir, copy, { recursive: true });
    try {
      registerFonts(copy);
      expect(sourcesOfInter()).toHaveLength(3);
      expect(sourcesOfInter().every((src) => src.startsWith(copy))).toBe(true);
    } finally {
      registerFonts(fontsDir);
    }
    expect(sourcesOfInter()[0]).toBe(join(fontsDir, 'Inter-Regular.ttf'));
    expect(Font.getHyphenationCallback()?.('communauté')).toEqual(['communauté']);
  });
});

describe('chunkRows', () => {
  it('puts fewer rows on the first page and the rest in full pages', () => {
    const rows = Array.from({ length: 60 }, (_, index) => index);
    const chunks = chunkRows(rows, 32, 25);
    expect(chunks.map((chunk) => chunk.length)).toEqual([25, 32, 3]);
    expect(chunks.flat()).toEqual(rows);
    expect(chunkRows(rows, 30).map((chunk) => chunk.length)).toEqual([30, 30]);
  });

  it('gives fewer rows to pages whose rows wrap on two lines', () => {
    const rows = Array.from({ length: 10 }, (_, index) => index);
    // Even rows take two lines (height 2): 4 units per page.
    const chunks = chunkRows(rows, 4, 4, (row) => (row % 2 === 0 ? 2 : 1));
    expect(chunks).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    // A row taller than a page still gets a page of its own.
    expect(chunkRows([1, 2], 1, 1, () => 3)).toEqual([[1], [2]]);
  });

  it('gives no page for no rows and rejects a page size below one', () => {
    expect(chunkRows([], 10)).toEqual([]);
    expect(() => chunkRows([1], 0)).toThrow(RangeError);
  });
});

describe('PDF worker queue', () => {
  it('renders one job at a time, in order, and reports failures in French', async () => {
    const responses: RenderResponse[] = [];
    const progress: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const enqueue = createRenderQueue<string>(
      async (job) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (job === 'boom') throw new Error('police introuvable');
        return Buffer.from(job);
      },
      (response) => {
        if ('progress' in response) progress.push(response.id);
        else responses.push(response);
      },
    );

    await Promise.all([
      enqueue({ id: 'a', job: 'one', fontsDir }),
      enqueue({ id: 'b', job: 'boom', fontsDir }),
      enqueue({ id: 'c', job: 'three', fontsDir }),
    ]);

    expect(maxRunning).toBe(1);
    expect(responses.map((response) => response.id)).toEqual(['a', 'b', 'c']);
    expect(progress).toEqual(['a', 'b', 'c']);
    expect(responses[1]).toEqual({ id: 'b', ok: false, message: 'La génération du PDF a échoué : police introuvable' });
    const first = responses[0];
    expect(first?.ok && Buffer.from(first.pdf).toString()).toBe('one');
    expect(first?.ok && first.pdf.constructor).toBe(Uint8Array);
  });

  it('answers over process.parentPort like an Electron utilityProcess', async () => {
    type Listener = (event: { data: unknown }) => void;
    const listeners: Listener[] = [];
    const replies: RenderResponse[] = [];
    let replied: () => void = () => {};
    const fakePort = {
      on: (_event: 'message', listener: Listener) => listeners.push(listener),
      postMessage: (message: RenderResponse | RenderProgress) => {
        if ('progress' in message) return;
        replies.push(message);
        if (replies.length === 2) replied();
      },
    };
    const host = process as unknown as { parentPort?: unknown };
    host.parentPort = fakePort;
    try {
      await import('../../electron/pdf/worker');
      expect(listeners).toHaveLength(1);
      const done = new Promise<void>((resolve) => (replied = resolve));
      const job: ReportJob = { kind: 'identity', data: segIdentitySheet() };
      listeners[0]!({ data: { id: 'seg', job, fontsDir } });
      listeners[0]!({ data: { id: 'bad-fonts', job, fontsDir: join(workDir, 'no-fonts') } });
      await done;
    } finally {
      delete host.parentPort;
    }
    const [ok, failed] = replies;
    expect(ok?.id).toBe('seg');
    expect(ok?.ok && Buffer.from(ok.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(failed).toMatchObject({ id: 'bad-fonts', ok: false });
    expect(failed?.ok === false && failed.message).toMatch(/^La génération du PDF a échoué : police introuvable/);
  });

  it('turns an unknown report kind into a French failure', async () => {
    const responses: RenderResponse[] = [];
    const enqueue = createRenderQueue<ReportJob>(renderReport, (response) => {
      if (!('progress' in response)) responses.push(response);
    });
    await enqueue({ id: 'x', job: { kind: 'budget' } as unknown as ReportJob, fontsDir });
    expect(responses).toEqual([
      { id: 'x', ok: false, message: 'La génération du PDF a échoué : type de rapport inconnu (budget)' },
    ]);
  });
});
