// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ApiResult, ExportResult } from '@shared/contract';
import { REFERENCE_LABEL } from '../../electron/services/communes';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';

const { install } = realApiPerTest();

describe('Rapports', () => {
  it('exports the identity sheet, with a busy indicator then the path and page count', async () => {
    const { api } = await install();
    let finish!: (result: ApiResult<ExportResult>) => void;
    api['reports.exportIdentitySheet'].mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const { user } = renderApp('/rapports');
    const button = screen.getByRole('button', { name: 'Exporter en PDF' });
    await user.click(button);
    expect((await screen.findByRole('status')).textContent).toBe('Préparation du PDF…');
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: true, data: { saved: true, path: '/tmp/Fiche CPTS.pdf', pages: 2, bytes: 1000 } });
    expect(await screen.findByText('PDF enregistré :', { exact: false })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('PDF enregistré : /tmp/Fiche CPTS.pdf (2 pages)');
    expect(api['reports.exportIdentitySheet']).toHaveBeenCalledWith();
  });

  it('stays calm when the user cancels the save dialog', async () => {
    const { api } = await install();
    api['reports.exportIdentitySheet'].mockResolvedValueOnce({ ok: true, data: { saved: false } });
    const { user } = renderApp('/rapports');
    await user.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    expect(await screen.findByText(/aucun fichier n'a été enregistré/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the French error message when the export fails', async () => {
    const { api } = await install();
    api['reports.exportIdentitySheet'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'io', message: "Le fichier n'a pas pu être écrit : le dossier est protégé en écriture." },
    });
    const { user } = renderApp('/rapports');
    await user.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Le fichier n'a pas pu être écrit : le dossier est protégé en écriture.",
    );
  });

  it('lists the other reports as coming, without buttons', async () => {
    await install();
    renderApp('/rapports');
    const soon = screen.getByRole('region', { name: 'Tableau de bord des indicateurs (bientôt)' });
    expect(within(soon).getByText('bientôt')).toBeTruthy();
    expect(within(soon).queryByRole('button')).toBeNull();
    // Only the reports that exist have an export button.
    expect(screen.getAllByRole('button', { name: /Exporter/ }).map((b) => b.textContent)).toEqual([
      'Exporter en PDF',
      'Exporter la liste en PDF',
      'Exporter la composition en PDF',
      'Exporter le bilan des RCP en PDF',
    ]);
  });
});

describe('Paramètres', () => {
  it('shows the version, the database, the backups folder and the reference data', async () => {
    const { api, database } = await install({ appVersion: '0.1.0' });
    renderApp('/parametres');
    expect(await screen.findByText('0.1.0')).toBeTruthy();
    expect(screen.getByText(database.file)).toBeTruthy();
    // The backups card names the same folder.
    expect(screen.getAllByText(database.backupsDir).length).toBeGreaterThan(0);
    expect(screen.getByText(REFERENCE_LABEL)).toBeTruthy();
    expect(vi.mocked(api['app.info'])).toHaveBeenCalledTimes(1);
  });
});
