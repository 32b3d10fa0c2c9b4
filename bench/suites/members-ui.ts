import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../electron/db/database';
import { launchApp } from '../../tests/e2e/harness';
import { generateCpts } from '../generate';
import { ms, stats, time, type BenchSection } from '../report';

/**
 * Runs in the page (kept as source text: tsx would inject helpers the page does not have). Sets the search box
 * like a keystroke and resolves at the first frame where the count or the first rows changed.
 */
const MEASURE_KEYSTROKE = `async (text) => {
  const input = document.querySelector('#recherche-adherent');
  const snapshot = () =>
    (document.querySelector('[data-testid="member-count"]')?.textContent ?? '') + '|' +
    (document.querySelector('main [role="table"]')?.textContent ?? '').slice(0, 400);
  const before = snapshot();
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const start = performance.now();
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const check = () => (snapshot() !== before || performance.now() - start > 2000 ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  return performance.now() - start;
}`;

/** Each search alternates with the empty one, so that every keystroke visibly changes the rows. */
const SEARCHES = ['m', 'ma', 'mar', 'martin', 'martin ca', 'eloise', 'grenoble', '1000000', 'zzz'].flatMap((query) => [
  query,
  '',
]);

/**
 * Keystroke → updated rows in the real renderer (built) in Chromium, with the real handlers behind the bridge:
 * time from the input event to the next frame after the count and rows changed.
 */
export async function membersUiBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-ui-'));
  const file = join(dir, 'bench.sqlite');
  const seeded = await openDatabase({ file });
  await generateCpts(seeded.db, { members: 10_000, years: 15 });
  await seeded.close();
  const app = await launchApp({ dbFile: file });
  try {
    const { page } = app;
    const open = await time(async () => {
      await page.getByRole('link', { name: 'Adhérents' }).click();
      await page.getByTestId('member-count').waitFor();
    });
    const samples: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const query of SEARCHES) {
        samples.push(await page.evaluate(`(${MEASURE_KEYSTROKE})(${JSON.stringify(query)})`));
      }
    }
    const latency = stats(samples);
    return {
      title: 'Adhérents dans l’interface (10 000 membres, Chromium, vrai backend)',
      notes: [
        'Mesure de la frappe à l’image suivante où le compteur et les lignes ont changé (useDeferredValue, tableau virtualisé).',
      ],
      rows: [
        { measure: 'Ouverture de la liste (chargement + premier affichage)', value: ms(open.ms) },
        {
          measure: 'Frappe → lignes à jour — médiane',
          value: ms(latency.median),
          target: '< 50 ms',
          ok: latency.median < 50,
        },
        {
          measure: 'Frappe → lignes à jour — 95e centile',
          value: ms(latency.p95),
          target: '< 50 ms',
          ok: latency.p95 < 50,
        },
        { measure: 'Frappe → lignes à jour — pire cas', value: ms(latency.max) },
      ],
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
