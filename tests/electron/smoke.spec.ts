import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Path of the Electron binary if it was downloaded, else null (never triggers a download). */
function electronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('application Electron réelle', () => {
  test.skip(
    !binary,
    'Binaire Electron absent sur cette machine : le test de l’application Electron réelle ne peut pas tourner ici.',
  );

  test('opens its sandboxed window (served from app://) on the chosen database and answers through the preload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-electron-'));
    try {
      const app = await electron.launch({
        executablePath: binary!,
        args: ['out/main/index.js', `--database=${join(dir, 'maillage.sqlite')}`],
      });
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
      expect(window.url()).toMatch(/^app:\/\/maillage\/index\.html/);
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      const info = await window.evaluate(async () =>
        (window as unknown as { api: { 'app.info': () => Promise<unknown> } }).api['app.info'](),
      );
      expect(info).toMatchObject({ ok: true, data: { databasePath: join(dir, 'maillage.sqlite') } });
      await app.close();
      expect(existsSync(join(dir, 'maillage.sqlite'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
