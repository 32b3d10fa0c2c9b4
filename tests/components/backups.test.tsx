// @vitest-environment jsdom
/** Paramètres › Sauvegardes on the REAL handlers and a temporary database. */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { takeBackup } from '../../electron/db/backups';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';

let disposers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const dispose of disposers) await dispose();
  disposers = [];
});

describe('Paramètres › Sauvegardes', () => {
  it('lists each copy with its kind, size and check, and offers to restore only the intact ones', async () => {
    const saveRequests: string[] = [];
    const backend = await installRealApi({
      chooseSavePath: async (name) => {
        saveRequests.push(name);
        return null;
      },
    });
    disposers.push(backend.dispose);
    await takeBackup(
      backend.live.current.sqlite,
      backend.context.backupsDir,
      'avant-mise-a-jour',
      new Date('2026-11-20T09:30:00Z'),
    );
    writeFileSync(
      join(backend.context.backupsDir, 'maillage-automatique-2026-11-21T08-00-00.sqlite'),
      Buffer.alloc(4096, 3),
    );

    const { user } = renderApp('/parametres');
    const table = await screen.findByRole('table', { name: 'Sauvegardes' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^21 novembre 2026 à \d+ h 00Automatique4 KoEndommagée$/),
      expect.stringMatching(/^20 novembre 2026 à \d+ h 30Avant mise à jour\d+ KoIntacteRestaurer$/),
    ]);
    expect(within(table).getAllByRole('button', { name: /^Restaurer la sauvegarde du/ })).toHaveLength(1);

    // Transfer: the two passphrases must match; nothing is asked or written otherwise.
    await user.click(screen.getByRole('button', { name: 'Transférer vers un autre ordinateur…' }));
    const dialog = screen.getByRole('dialog', { name: 'Transférer vers un autre ordinateur' });
    await user.type(within(dialog).getByLabelText('Phrase secrète'), 'myrtilles du plateau');
    await user.type(within(dialog).getByLabelText('Phrase secrète (confirmation)'), 'myrtilles du plateaux');
    await user.click(within(dialog).getByRole('button', { name: 'Créer le fichier de transfert' }));
    expect(within(dialog).getByText('Les deux saisies de la phrase secrète diffèrent.')).toBeTruthy();
    expect(saveRequests).toEqual([]);
  });
});
