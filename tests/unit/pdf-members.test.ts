import { formatChange, formatShare, shortDate, sinceLabel } from '@shared/format';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compositionTitle, coverageSentence, splitColumns } from '../../electron/pdf/composition/Composition';
import { groupHeading, membersListColumns, planMembersList } from '../../electron/pdf/members-list/MembersList';
import { textWidth, wrapToWidth } from '../../electron/pdf/layout/metrics';
import { isReportKind, renderReport, type ReportJob } from '../../electron/pdf/render';
import type { CompositionData, MembersListData } from '@shared/reports/members';
import {
  ANNUAIRE_NOTICE,
  BUREAU_NOTICE,
  compositionData,
  EMPTY_COMMUNES,
  generateMembers,
  membersListData,
  smallCompositionData,
} from '../fixtures/members-pdf';

const fontsDir = fileURLToPath(new URL('../../resources/fonts', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'maillage-pdf-members-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface RenderedPdf {
  file: string;
  /** Whole text laid out like the page (`pdftotext -layout`), non-breaking spaces turned into plain ones. */
  text: string;
  /** Text in content order (`pdftotext -raw`), lines cut after a hyphen joined again, whitespace collapsed. */
  flow: string;
  /** Text of each page (pdftotext separates pages with a form feed). */
  pages: string[];
  pageCount: number;
  /** Page sizes in points, from pdfinfo: [width, height]. */
  sizes: [number, number][];
  ms: number;
}

function normalise(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

let fileCounter = 0;
async function render(job: ReportJob): Promise<RenderedPdf> {
  const started = performance.now();
  const pdf = await renderReport(job, { fontsDir });
  const ms = performance.now() - started;
  const file = join(workDir, `${job.kind}-${(fileCounter += 1)}.pdf`);
  writeFileSync(file, pdf);
  const text = normalise(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const flow = normalise(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }))
    .replace(/-\n/g, '-')
    .replace(/\s+/g, ' ');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map(
    (match) => [Number(match[1]), Number(match[2])] as [number, number],
  );
  const pages = text.split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
  return { file, text, flow, pages, pageCount, sizes, ms };
}

const listJob = (data: MembersListData): ReportJob => ({ kind: 'membersList', data });
const compositionJob = (data: CompositionData): ReportJob => ({ kind: 'composition', data });

/** Font rows of `pdffonts`: name and whether it is embedded. */
function fontsOf(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
  });
}

function expectOnlyInter(file: string) {
  const fonts = fontsOf(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.name).toMatch(/^[A-Z]{6}\+Inter-/);
    expect(font.embedded).toBe(true);
  }
}

/** « Page k / N » on every page, with the export date of the footer. */
function expectFooters(pdf: RenderedPdf, title: string) {
  expect(pdf.pages).toHaveLength(pdf.pageCount);
  pdf.pages.forEach((page, index) => {
    expect(page).toContain(`Page ${index + 1} / ${pdf.pageCount}`);
    expect(page).toContain(`${title} — exporté le 23 novembre 2026 à 14 h 05`);
  });
}

const integer = (value: number) => new Intl.NumberFormat('fr-FR').format(value).replace(/[\u00a0\u202f]/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Expected « Évolution » cell, computed independently of the code under test. */
const expectedChange = (count: number, previous: number | null) =>
  previous === null
    ? '—'
    : count === previous
      ? '='
      : count > previous
        ? `+${count - previous}`
        : `\u2212${previous - count}`;

const allRows = (data: MembersListData) => data.groups.flatMap((group) => group.rows);
/** Whether `name` is in the text flow as a whole (« ROY Pauline » is not in « LEROY Pauline »). */
const listed = (flow: string, name: string) => ` ${flow} `.includes(` ${name} `);

describe('Liste des adhérents (PDF)', () => {
  it('lists the bureau version by profession: groups with counts, every member, RPPS, collège and totals', async () => {
    const data = membersListData({ count: 300 });
    const pdf = await render(listJob(data));
    const { text, flow, pageCount } = pdf;

    expect(text).toContain('Liste des adhérents');
    expect(text).toContain('par profession');
    expect(text).toContain('CPTS Sud-Est Grenoblois — adhérents actifs au 23 novembre 2026');
    expect(text).toContain('DOCUMENT INTERNE AU BUREAU — CONFIDENTIEL');
    expect(flow).toContain(BUREAU_NOTICE);
    expect(flow).toContain(`300 adhérents actifs, répartis en ${data.groups.length} professions.`);

    // One heading per group, with its count; the groups are sorted like the data.
    let previousIndex = -1;
    for (const group of data.groups) {
      const heading = groupHeading(group);
      expect(heading).toMatch(/ — \d+ adhérents?$/);
      const index = text.indexOf(heading);
      expect(index, heading).toBeGreaterThan(previousIndex);
      previousIndex = index;
    }
    expect(text).toMatch(/Infirmier·ère — \d+ adhérents/);
    expect(text).toMatch(/Médecin — \d+ adhérents/);
    expect(text).toMatch(/Structures — \d+ adhérents/);

    // Every member, with the bureau's columns.
    expect(text).toMatch(/Nom\s+Profession\s+Commune\s+Structure\s+Téléphone\s+Courriel\s+Identifiant\s+Collège/);
    for (const row of allRows(data)) expect(flow, row.name).toContain(row.name);
    const withRpps = allRows(data).filter((row) => row.identifier?.startsWith('10'));
    expect(withRpps.length).toBeGreaterThan(100);
    for (const row of withRpps.slice(0, 60)) expect(text).toContain(row.identifier!);
    const finess = allRows(data).find((row) => row.identifier?.startsWith('380'));
    expect(text).toContain(finess!.identifier!);
    expect(flow).toContain('Professionnels de santé libéraux');
    // A member's phone and e-mail (long ones wrap after a dot or @ inside their column).
    const sample = allRows(data).find((row) => row.phone && row.email && row.email.length < 26)!;
    expect(text).toContain(sample.phone!);
    expect(text).toContain(sample.email!);

    // Totals at the end.
    expect(text).toContain('Récapitulatif');
    expect(text).toMatch(/Total\s+300\s+100,0 %/);
    const nurses = data.groups.find((group) => group.title === 'Infirmier·ère')!;
    expect(text).toMatch(new RegExp(`Infirmier·ère\\s+${nurses.count}\\s+[\\d,]+ %`));

    // The pages planned ahead of react-pdf are exactly the pages rendered: no row overflowed a page.
    expect(pageCount).toBe(planMembersList(data).pages.length);
    expectFooters(pdf, 'Liste des adhérents');
    for (const [width, height] of pdf.sizes) expect(width).toBeGreaterThan(height);
    expectOnlyInter(pdf.file);
    expect(text).not.toMatch(/\b(Page \d+ of|null|undefined|NaN|Invalid Date)\b/);
  });

  it('shares the « annuaire » without identifiers nor collège, and says who is left out for lack of consent', async () => {
    const data = membersListData({ count: 300, audience: 'annuaire' });
    const members = generateMembers(300);
    const leftOut = members.filter((member) => !member.consent);
    expect(data.withoutConsentCount).toBe(leftOut.length);
    expect(leftOut.length).toBeGreaterThan(10);

    const pdf = await render(listJob(data));
    const { text, flow, pageCount } = pdf;

    expect(text).toContain('ANNUAIRE DES ADHÉRENTS');
    expect(flow).toContain(ANNUAIRE_NOTICE);
    expect(flow).toContain(
      `${leftOut.length} adhérents actifs n'ont pas donné leur accord pour figurer dans l'annuaire : ils n'y apparaissent pas.`,
    );
    expect(flow).toContain(
      `${data.totalCount} adhérents figurent dans cet annuaire, répartis en ${data.groups.length} professions.`,
    );
    for (const group of data.groups) expect(text).toContain(groupHeading(group));

    // Those who consented are listed, the others are not.
    for (const row of allRows(data)) expect(listed(flow, row.name), row.name).toBe(true);
    for (const member of leftOut) expect(listed(flow, member.row.name), member.row.name).toBe(false);

    // No RPPS / ADELI / FINESS, no collège.
    expect(text).toMatch(/Nom\s+Profession\s+Commune\s+Structure\s+Téléphone\s+Courriel\s*$/m);
    expect(text).not.toContain('Identifiant');
    expect(text).not.toContain('Collège');
    for (const member of members) {
      if (member.row.identifier) expect(text).not.toContain(member.row.identifier);
    }
    expect(text).not.toMatch(/\b10\d{9}\b/);

    expect(text).toMatch(new RegExp(`Total\\s+${data.totalCount}\\s+100,0 %`));
    expect(pageCount).toBe(planMembersList(data).pages.length);
    expectFooters(pdf, 'Liste des adhérents');
    expectOnlyInter(pdf.file);
  });

  it('groups by collège, without a collège column in the bureau version', async () => {
    const data = membersListData({ count: 200, groupBy: 'college' });
    expect(membersListColumns(data).map((column) => column.header)).toEqual([
      'Nom',
      'Profession',
      'Commune',
      'Structure',
      'Téléphone',
      'Courriel',
      'Identifiant',
    ]);
    const pdf = await render(listJob(data));
    expect(pdf.text).toContain('par collège');
    for (const group of data.groups) expect(pdf.text).toContain(groupHeading(group));
    expect(pdf.text).toMatch(/Professionnels de santé libéraux — \d+ adhérents/);
    expect(pdf.text).toMatch(/Usagers, élus et partenaires — \d+ adhérents/);
    expect(pdf.text).toMatch(/Nom\s+Profession\s+Commune\s+Structure\s+Téléphone\s+Courriel\s+Identifiant\s*$/m);
    expect(pdf.flow).toContain(`200 adhérents actifs, répartis en ${data.groups.length} collèges.`);
    expect(pdf.text).toMatch(/Collège\s+Adhérents\s+Part/);
    for (const row of allRows(data)) expect(pdf.flow, row.name).toContain(row.name);
    expect(pdf.pageCount).toBe(planMembersList(data).pages.length);
    expectFooters(pdf, 'Liste des adhérents');
  });

  it('explains an empty list instead of drawing empty tables', async () => {
    const none = await render(listJob(membersListData({ count: 0 })));
    expect(none.text).toContain('La CPTS ne compte aucun adhérent actif.');
    expect(none.text).not.toContain('Récapitulatif');
    expect(none.pageCount).toBe(1);
    expectFooters(none, 'Liste des adhérents');

    const base = membersListData({ count: 0, audience: 'annuaire' });
    const nobodyConsented = await render(listJob({ ...base, withoutConsentCount: 1 }));
    // No final period: fontkit caches a glyph met first as a part of another one (the dots of « : ») without its
    // character, so after some documents the semibold « . » no longer maps to text (react-pdf issue, any report).
    expect(nobodyConsented.flow).toContain(
      "1 adhérent actif n'a pas donné son accord pour figurer dans l'annuaire : il n'y apparaît pas",
    );
    expect(nobodyConsented.text).toContain("Aucun adhérent actif n'a donné son accord pour figurer dans l'annuaire.");
  });

  it('renders 2,000 members on explicit pages, every name present, groups continued with « (suite) »', async () => {
    const data = membersListData({ count: 2000, seed: 2026 });
    const pdf = await render(listJob(data));
    console.info(`Liste des adhérents, 2 000 adhérents : ${pdf.pageCount} pages en ${Math.round(pdf.ms)} ms`);

    const rows = allRows(data);
    expect(rows).toHaveLength(2000);
    // A few hundred names spread over the whole list, and the first and last of every group.
    const sample = rows.filter((_, index) => index % 5 === 0);
    expect(sample.length).toBe(400);
    for (const row of sample) expect(pdf.flow, row.name).toContain(row.name);
    for (const group of data.groups) {
      expect(pdf.flow).toContain(group.rows[0]!.name);
      expect(pdf.flow).toContain(group.rows.at(-1)!.name);
    }

    const nurses = data.groups.find((group) => group.title === 'Infirmier·ère')!;
    expect(nurses.count).toBeGreaterThan(400);
    expect(pdf.text).toContain(groupHeading(nurses));
    expect(pdf.text).toContain(groupHeading(nurses, true));
    // Every page of a continued group repeats its heading and the header row of the table.
    const continued = pdf.pages.filter((page) => /adhérents \(suite\)/.test(page));
    expect(continued.length).toBeGreaterThan(10);
    for (const page of continued) expect(page).toMatch(/Nom\s+Profession\s+Commune\s+Structure\s+Téléphone\s+Courriel/);

    // Landscape pages hold 12 to 30 members each.
    expect(pdf.pageCount).toBe(planMembersList(data).pages.length);
    expect(pdf.pageCount).toBeGreaterThan(2000 / 30);
    expect(pdf.pageCount).toBeLessThan(2000 / 12);
    expect(pdf.text).toMatch(/Total\s+2 000\s+100,0 %/);
    expectFooters(pdf, 'Liste des adhérents');
    expectOnlyInter(pdf.file);
  }, 180_000);

  it('renders in a time that grows linearly with the number of members', async () => {
    // Warm-up (JIT, fonts) so that both measures compare like with like.
    await renderReport(listJob(membersListData({ count: 600, seed: 1 })), { fontsDir });
    const time = async (count: number) => {
      const data = membersListData({ count, seed: count });
      const started = performance.now();
      await renderReport(listJob(data), { fontsDir });
      return performance.now() - started;
    };
    const t2000 = await time(2000);
    const t4000 = await time(4000);
    console.info(
      `Liste des adhérents : 2 000 adhérents en ${Math.round(t2000)} ms, 4 000 en ${Math.round(t4000)} ms (rapport ${(t4000 / t2000).toFixed(2)})`,
    );
    // Linear, with room for a busy machine: react-pdf's own layout of such a table grows much faster.
    expect(t4000 / t2000).toBeLessThan(3);
  }, 300_000);
});

describe('Composition de la CPTS (PDF)', () => {
  it('renders key figures, counts with their evolution and the profession × commune matrix in three tables', async () => {
    const data = compositionData();
    const pdf = await render(compositionJob(data));
    const { text, flow } = pdf;

    expect(text).toContain('Composition de la CPTS au 31 décembre 2025');
    expect(text).toContain('Évolution par rapport au 31 décembre 2024');

    // Key figures with their change since the end of the previous year.
    const { active, persons, structures } = data.totals;
    expect(text).toMatch(/ADHÉRENTS\s+PERSONNES\s+STRUCTURES\s+ENTRÉES\s+SORTIES/);
    expect(text).toMatch(
      new RegExp(`${integer(active.count)}\\s+${integer(persons.count)}\\s+${structures.count}\\s+58\\s+46`),
    );
    expect(text).toMatch(/\+12 depuis fin 2024\s+\+9 depuis fin 2024\s+−3 depuis fin 2024\s+en 2025\s+en 2025/);
    expect(flow).toContain(
      `Au 31 décembre 2025, la CPTS compte ${integer(active.count)} adhérents actifs (+12 depuis fin 2024) : ${integer(persons.count)} personnes et ${structures.count} structures. En 2025, 58 adhésions nouvelles et 46 sorties.`,
    );
    expect(flow).toContain('20 communes du territoire sur 22 comptent au moins un adhérent.');

    // Tables with « Évolution »: every profession with its count, previous count and sign.
    expect(text).toMatch(/Profession\s+Au 31\/12\/2025\s+Part\s+Au 31\/12\/2024\s+Évolution/);
    for (const row of data.byProfession.filter((r) => r.label.length < 32)) {
      const previous = row.previous === null ? '—' : integer(row.previous);
      const pattern = `${escape(row.label)}\\s+${integer(row.count)}\\s+[\\d,]+ %\\s+${previous}\\s+${escape(expectedChange(row.count, row.previous))}`;
      expect(text, row.label).toMatch(new RegExp(pattern));
    }
    const signs = data.byProfession.map((row) => expectedChange(row.count, row.previous));
    expect(signs).toEqual(expect.arrayContaining(['=', '—']));
    expect(signs.some((sign) => sign.startsWith('+'))).toBe(true);
    expect(signs.some((sign) => sign.startsWith('\u2212'))).toBe(true);
    expect(text).toMatch(/Assistant·e dentaire\s+0\s+0,0 %\s+1\s+−1/);
    const personsTotal = data.byProfession.reduce((sum, row) => sum + row.count, 0);
    expect(text).toMatch(new RegExp(`Total\\s+${integer(personsTotal)}\\s+100,0 %\\s+—\\s+—`));
    for (const row of data.byStructureType) expect(flow).toContain(row.label);
    expect(text).toMatch(/Mode d'exercice\s+Au 31\/12\/2025/);
    expect(text).toMatch(/Non renseigné\s+\d+\s+[\d,]+ %\s+—\s+—/);

    // Collèges: voting rights, seats, vote weight.
    expect(text).toMatch(/Collège\s+Voix\s+Sièges\s+Poids de/);
    expect(text).toMatch(/Établissements et services\s+délibérative\s+3\s+1,5\s+\d+/);
    expect(text).toMatch(/Usagers, élus et partenaires\s+consultative\s+—\s+0,5\s+\d+/);
    expect(text).toMatch(/Total\s+15\s+640/);

    // The matrix: 22 communes and « Hors territoire » in three tables of at most 8 communes.
    const matrix = data.professionByCommune;
    expect(matrix.communes).toHaveLength(23);
    const parts = splitColumns(matrix.communes.length);
    expect(parts.map((part) => part.end - part.start)).toEqual([8, 8, 7]);
    expect(text).toContain('Partie 1 sur 3');
    expect(text).toContain('Partie 3 sur 3');
    for (const commune of [...matrix.communes, ...EMPTY_COMMUNES]) expect(flow, commune).toContain(commune);
    const grandTotal = matrix.totals.reduce((sum, value) => sum + value, 0);
    expect(grandTotal).toBe(personsTotal);
    for (const { start, end } of parts) {
      // Totals row: the communes of the part, then the grand total.
      const totals = matrix.totals.slice(start, end).map(integer).join('\\s+');
      expect(text).toMatch(new RegExp(`Total\\s+${totals}\\s+${integer(grandTotal)}`));
      // Totals column: a profession's total on each part.
      const nurses = matrix.rows.find((row) => row.profession === 'Infirmier·ère')!;
      const counts = nurses.counts.slice(start, end).map(integer).join('\\s+');
      expect(text).toMatch(new RegExp(`Infirmier·ère\\s+${counts}\\s+${integer(nurses.total)}`));
    }
    // Communes without members show zeros.
    const emptyIndex = matrix.communes.indexOf('Laffrey');
    expect(matrix.totals[emptyIndex]).toBe(0);

    // Portrait pages first, then the matrix on landscape pages.
    const landscape = pdf.sizes.map(([width, height]) => width > height);
    expect(landscape[0]).toBe(false);
    expect(landscape.at(-1)).toBe(true);
    const matrixPages = pdf.pages.filter((page) => page.includes('Partie '));
    expect(matrixPages.length).toBeGreaterThanOrEqual(3);
    expectFooters(pdf, 'Composition de la CPTS');
    expectOnlyInter(pdf.file);
    expect(text).not.toMatch(/\b(Page \d+ of|null|undefined|NaN|Invalid Date)\b/);
  });

  it('keeps a small CPTS on portrait pages and shows what cannot be compared', async () => {
    const pdf = await render(compositionJob(smallCompositionData()));
    const { text, flow } = pdf;
    expect(text).toContain('Composition de la CPTS au 23 novembre 2026');
    expect(text).toContain('Évolution par rapport au 31 décembre 2025');
    expect(text).toMatch(/23\s+21\s+2\s+3\s+3/);
    expect(text).toMatch(/Stable \(=\) depuis\s+−3 depuis fin 2025\s+Pas de/);
    expect(flow).toContain(
      'la CPTS compte 23 adhérents actifs (stable depuis fin 2025) : 21 personnes et 2 structures.',
    );
    expect(text).toMatch(/Infirmier·ère\s+9\s+42,9 %\s+8\s+\+1/);
    expect(text).toMatch(/Médecin\s+6\s+28,6 %\s+6\s+=/);
    expect(text).toMatch(/Masseur·se-kinésithérapeute\s+4\s+19,0 %\s+7\s+−3/);
    expect(text).toMatch(/Maison de santé pluriprofessionnelle \(MSP\)\s+2\s+100,0 %\s+—\s+—/);
    expect(flow).toContain('3 communes du territoire sur 3 comptent au moins un adhérent.');
    expect(text).toMatch(/Profession\s+Eybens\s+Poisat\s+Saint-Martin-\s+Hors territoire\s+Total/);
    expect(text).toMatch(/Infirmier·ère\s+3\s+1\s+5\s+0\s+9/);
    expect(text).toMatch(/Total\s+6\s+2\s+12\s+1\s+21/);
    expect(text).not.toContain('Partie 1');
    for (const [width, height] of pdf.sizes) expect(width).toBeLessThan(height);
    expectFooters(pdf, 'Composition de la CPTS');
    expectOnlyInter(pdf.file);
  });
});

describe('member report helpers', () => {
  it('formats changes, dates and shares the French way', () => {
    expect(formatChange(54, 42)).toBe('+12');
    expect(formatChange(39, 42)).toBe('\u22123');
    expect(formatChange(42, 42)).toBe('=');
    expect(formatChange(42, null)).toBe('—');
    expect(formatChange(2480, 1200)).toBe('+1\u00a0280');
    expect(shortDate('2025-12-31')).toBe('31/12/2025');
    expect(sinceLabel('2024-12-31')).toBe('fin 2024');
    expect(sinceLabel('2026-06-30')).toBe('le 30/06/2026');
    expect(formatShare(1, 3)).toBe('33,3\u00a0%');
    expect(formatShare(0, 0)).toBe('—');
    expect(compositionTitle({ asOf: '2025-12-31' })).toBe('Composition de la CPTS au 31 décembre 2025');
    expect(coverageSentence({ communes: 15, covered: 12 })).toBe(
      '12 communes du territoire sur 15 comptent au moins un adhérent.',
    );
    expect(coverageSentence({ communes: 3, covered: 1 })).toBe(
      '1 commune du territoire sur 3 compte au moins un adhérent.',
    );
    expect(groupHeading({ title: 'Sage-femme', count: 1 })).toBe('Sage-femme — 1 adhérent');
    expect(groupHeading({ title: 'Infirmier·ère', count: 42 }, true)).toBe('Infirmier·ère — 42 adhérents (suite)');
  });

  it('splits the matrix columns into even tables of at most 8 communes', () => {
    const sizes = (count: number) => splitColumns(count).map(({ start, end }) => end - start);
    expect(sizes(3)).toEqual([3]);
    expect(sizes(8)).toEqual([8]);
    expect(sizes(9)).toEqual([5, 4]);
    expect(sizes(21)).toEqual([7, 7, 7]);
    expect(sizes(23)).toEqual([8, 8, 7]);
    expect(sizes(0)).toEqual([]);
    expect(splitColumns(23).at(-1)).toEqual({ start: 16, end: 23 });
  });

  it('wraps cells with the widths of Inter, cutting long addresses after a dot or @', () => {
    expect(textWidth('BERNARD Camille', 10)).toBeGreaterThan(84.6);
    expect(textWidth('BERNARD Camille', 10)).toBeLessThan(87);
    expect(wrapToWidth('Saint-Martin-d’Hères', 1000, 8)).toEqual(['Saint-Martin-d’Hères']);
    expect(wrapToWidth("Saint-Martin-d'Hères", 60, 8)).toEqual(['Saint-Martin-', "d'Hères"]);
    const email = 'marie-helene.dubois@cabinet-chirurgien-dentiste-montchaboud.fr';
    const lines = wrapToWidth(email, 110, 8);
    expect(lines.join('')).toBe(email);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 8)).toBeLessThanOrEqual(110);
    expect(wrapToWidth('', 50, 8)).toEqual(['']);
  });

  it('knows the two new report kinds', () => {
    expect(isReportKind('membersList')).toBe(true);
    expect(isReportKind('composition')).toBe(true);
  });
});
