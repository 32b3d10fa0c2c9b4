// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { configure, screen } from '@testing-library/react';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PdfCancelledError } from '../../electron/pdf/supervisor';
import { installRealApi } from './real-api';
import { renderApp } from './render-app';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';

configure({ asyncUtilTimeout: 8_000 });

let backend: Awaited<ReturnType<typeof installRealApi>> | null = null;
afterEach(async () => {
  await backend?.dispose();
  backend = null;
});

describe('PDF export progress and « Annuler » (real handlers)', () => {
  it('shows the layout stage while the worker renders, then « Annuler » stops it and nothing is written', async () => {
    let target = '';
    backend = await installRealApi({
      chooseSavePath: async (name) => (target = join(backend!.database.dir, name)),
      // A render that lays out until it is cancelled, as the PDF worker reports it.
      renderPdf: (_job, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.('layout');
          options?.signal?.addEventListener('abort', () => reject(new PdfCancelledError()));
        }),
    });
    await backend.ok('cpts.saveIdentity', MINIMAL_IDENTITY);
    const { user } = renderApp('/rapports');
    await user.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    expect((await screen.findByText('Mise en page du PDF…')).closest('[role="status"]')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(await screen.findByText("Export annulé : aucun fichier n'a été enregistré.")).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(target).not.toBe('');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(backend.database.dir).filter((name) => name.endsWith('.pdf'))).toEqual([]);
    expect(await backend.ok('reports.pdfStatus')).toEqual({ running: false });
  });
});
