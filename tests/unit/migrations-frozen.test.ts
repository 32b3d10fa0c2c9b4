import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Released migrations have run on coordinators' databases: changing one would leave those databases different from
// new ones. Their text is frozen in electron/db/migrations/frozen.json (sha256, line endings normalised).

const DIR = resolve(import.meta.dirname, '../../electron/db/migrations');
const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.ts$/;

const frozen = JSON.parse(readFileSync(join(DIR, 'frozen.json'), 'utf8')) as Record<string, string>;

function fingerprint(file: string): string {
  const text = readFileSync(join(DIR, file), 'utf8').replace(/\r\n?/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

describe('frozen migrations', () => {
  it('lists the migrations released so far', () => {
    expect(Object.keys(frozen).length).toBeGreaterThanOrEqual(6);
    for (const file of Object.keys(frozen)) expect(file).toMatch(MIGRATION_FILE);
  });

  it.each(Object.entries(frozen))('%s is unchanged', (file, hash) => {
    if (!existsSync(join(DIR, file))) {
      throw new Error(
        `La migration ${file} a disparu. Une migration publiée ne se supprime pas : écrivez-en une nouvelle. ` +
          `(Released migration ${file} is missing: never remove one, write a new migration instead.)`,
      );
    }
    if (fingerprint(file) !== hash) {
      throw new Error(
        `La migration ${file} a été modifiée après sa publication : rétablissez-la et écrivez une nouvelle migration. ` +
          `(Released migration ${file} changed: restore it and write a new migration instead.)`,
      );
    }
  });

  it('knows every migration file of the folder', () => {
    const unlisted = readdirSync(DIR).filter((file) => MIGRATION_FILE.test(file) && !(file in frozen));
    if (unlisted.length > 0) {
      const entries = unlisted.map((file) => `"${file}": "${fingerprint(file)}"`).join(', ');
      throw new Error(
        `Migration(s) absente(s) de electron/db/migrations/frozen.json : ${unlisted.join(', ')}. ` +
          `Une fois la migration terminée, ajoutez ${entries} à frozen.json ; elle ne changera plus. ` +
          `(Add the new migration's hash to frozen.json once it is final: it is frozen from then on.)`,
      );
    }
    expect(unlisted).toEqual([]);
  });
});
