import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';
import { jpegBytes, pngBytes, writePng } from '../fixtures/images';
import { testBackend } from '../helpers/handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
/** A backend whose open dialog answers the path set by the test. */
async function backend() {
  const picked = { path: null as string | null };
  const created = await testBackend({ chooseOpenPath: async (purpose) => (purpose === 'image' ? picked.path : null) });
  backends.push(created);
  return { ...created, picked, dir: created.database.dir, documentsDir: created.context.documentsDir };
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

const storedFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('CPTS logo', () => {
  it('stores the chosen PNG, shows it as a data URL, and replacing it removes the previous file', async () => {
    const { ok, picked, dir, documentsDir, database } = await backend();
    await ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    expect((await ok('cpts.get')).logo).toBeNull();

    picked.path = writePng(join(dir, 'logo-cpts.png'), 60, 30);
    const first = await ok('cpts.setLogo');
    if ('cancelled' in first) throw new Error('annulé');
    expect(first.logo?.fileName).toBe('logo-cpts.png');
    expect(first.logo?.dataUrl).toBe(`data:image/png;base64,${pngBytes(60, 30).toString('base64')}`);
    expect(storedFiles(documentsDir)).toHaveLength(1);
    const firstFile = storedFiles(documentsDir)[0];

    picked.path = join(dir, 'nouveau logo.jpg');
    writeFileSync(picked.path, jpegBytes(300, 200));
    const second = await ok('cpts.setLogo');
    if ('cancelled' in second) throw new Error('annulé');
    expect(second.logo?.fileName).toBe('nouveau logo.jpg');
    expect(second.logo?.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(storedFiles(documentsDir)).toHaveLength(1);
    expect(storedFiles(documentsDir)[0]).not.toBe(firstFile);
    expect(await database.db.selectFrom('document').select('file_name').execute()).toEqual([
      { file_name: 'nouveau logo.jpg' },
    ]);
    // The identity form still returns the logo.
    expect((await ok('cpts.saveIdentity', MINIMAL_IDENTITY)).logo?.fileName).toBe('nouveau logo.jpg');
  });

  it('removes the logo and its file', async () => {
    const { ok, picked, dir, documentsDir, database } = await backend();
    await ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    picked.path = writePng(join(dir, 'logo.png'));
    await ok('cpts.setLogo');
    const removed = await ok('cpts.removeLogo');
    expect(removed.logo).toBeNull();
    expect(storedFiles(documentsDir)).toEqual([]);
    expect(await database.db.selectFrom('document').select('id').execute()).toEqual([]);
    const row = await database.db.selectFrom('cpts').select('logo_document_id').executeTakeFirstOrThrow();
    expect(row.logo_document_id).toBeNull();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { ok, documentsDir } = await backend();
    await ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    expect(await ok('cpts.setLogo')).toEqual({ cancelled: true });
    expect(storedFiles(documentsDir)).toEqual([]);
  });

  it('refuses, in French, a file that is not a PNG or JPEG, an image over 10 Mo, and a logo before the identity', async () => {
    const { ok, call, picked, dir, documentsDir, database } = await backend();
    picked.path = writePng(join(dir, 'logo.png'));
    const early = await call('cpts.setLogo');
    expect(early.ok ? null : early.error.message).toBe(
      'Enregistrez d’abord l’identité de la CPTS (au moins son nom), puis son logo.',
    );
    await ok('cpts.saveIdentity', MINIMAL_IDENTITY);

    picked.path = join(dir, 'logo.gif');
    writeFileSync(picked.path, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    const gif = await call('cpts.setLogo');
    expect(gif.ok ? null : gif.error.message).toBe('« logo.gif » n’est pas une image PNG ou JPEG.');

    picked.path = join(dir, 'faux.png');
    writeFileSync(picked.path, 'ceci n’est pas une image');
    const fake = await call('cpts.setLogo');
    expect(fake.ok ? null : fake.error.message).toBe('« faux.png » n’est pas une image PNG ou JPEG.');

    picked.path = join(dir, 'affiche.png');
    writeFileSync(picked.path, Buffer.concat([pngBytes(10, 10), Buffer.alloc(10 * 1024 * 1024)]));
    const heavy = await call('cpts.setLogo');
    expect(heavy.ok ? null : heavy.error.message).toBe(
      'L’image « affiche.png » dépasse 10 Mo : choisissez une image plus légère.',
    );

    expect(storedFiles(documentsDir)).toEqual([]);
    expect(await database.db.selectFrom('document').select('id').execute()).toEqual([]);
    expect((await ok('cpts.get')).logo).toBeNull();
  });
});
