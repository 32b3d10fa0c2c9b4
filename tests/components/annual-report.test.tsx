// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateCptsHistory } from '../../bench/generate-history';
import { MINIMAL_IDENTITY } from '../fixtures/cpts';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';

const real = realApiPerTest();
const YEAR = 2025;

async function install() {
  const backend = await real.install();
  await backend.ok('cpts.saveIdentity', MINIMAL_IDENTITY);
  return backend;
}

/** The card of one section of the report, found by its title. */
const sectionCard = (title: string | RegExp) => screen.getByRole('region', { name: title });

describe('Rapport d’activité — l’éditeur du brouillon', () => {
  it('opens from the Rapports page on last year’s report, and the year switcher changes year', async () => {
    await install();
    const lastYear = new Date().getFullYear() - 1;
    const { user, router } = renderApp('/rapports');
    await user.click(screen.getByRole('link', { name: `Ouvrir le rapport d’activité ${lastYear}` }));
    expect(router.state.location.pathname).toBe(`/rapports/activite/${lastYear}`);
    expect(await screen.findByRole('heading', { level: 1, name: `Rapport d’activité ${lastYear}` })).toBeTruthy();
    expect(await screen.findByText(/Brouillon pas encore enregistré/)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: `← Année précédente (${lastYear - 1})` }));
    expect(router.state.location.pathname).toBe(`/rapports/activite/${lastYear - 1}`);
    expect(await screen.findByRole('heading', { level: 1, name: `Rapport d’activité ${lastYear - 1}` })).toBeTruthy();
  });

  it('saves the introduction, the annexes and a section’s texts; all are there again when the page is reopened', async () => {
    const backend = await install();
    const first = renderApp(`/rapports/activite/${YEAR}`);
    const { user } = first;
    const introduction = await screen.findByRole('textbox', { name: 'Introduction' });
    await user.type(introduction, 'Une année de consolidation pour la CPTS.');
    await user.click(screen.getByRole('checkbox', { name: 'Liste des adhérents' }));
    // The audience is asked once the list is chosen, and the annuaire is explained.
    expect(screen.getByText(/L’annuaire ne montre que les adhérents qui ont accepté d’y figurer/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'liste du bureau' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(await screen.findByText('Réglages du rapport enregistrés.')).toBeTruthy();
    expect(await screen.findByText(/^Brouillon enregistré le /)).toBeTruthy();

    const access = sectionCard(/Amélioration de l’accès aux soins/);
    await user.type(within(access).getByRole('textbox', { name: 'Texte de la partie' }), 'Le SAS a ouvert en mars.');
    await user.type(within(access).getByRole('textbox', { name: 'Difficultés' }), 'Peu de médecins volontaires.');
    await user.type(within(access).getByRole('textbox', { name: 'Perspectives' }), 'Étendre aux week-ends.');
    await user.click(within(access).getByRole('button', { name: 'Enregistrer la partie' }));
    expect(await screen.findByText('Partie « Amélioration de l’accès aux soins » enregistrée.')).toBeTruthy();
    // A section that is not a mission has no difficulties nor next steps.
    expect(within(sectionCard(/Vie associative/)).queryByRole('textbox', { name: 'Difficultés' })).toBeNull();

    const stored = await backend.ok('reportDrafts.getActivity', { year: YEAR });
    expect(stored.id).not.toBeNull();
    expect(stored.introduction).toBe('Une année de consolidation pour la CPTS.');
    expect(stored.includeMembersList).toBe(true);
    expect(stored.membersListAudience).toBe('bureau');
    expect(stored.sections.find((section) => section.key === 'mission_acces')).toMatchObject({
      included: true,
      body: 'Le SAS a ouvert en mars.',
      difficulties: 'Peu de médecins volontaires.',
      nextSteps: 'Étendre aux week-ends.',
    });

    first.unmount();
    renderApp(`/rapports/activite/${YEAR}`);
    expect(((await screen.findByRole('textbox', { name: 'Introduction' })) as HTMLTextAreaElement).value).toBe(
      'Une année de consolidation pour la CPTS.',
    );
    expect((screen.getByRole('radio', { name: 'liste du bureau' }) as HTMLInputElement).checked).toBe(true);
    const reopened = sectionCard(/Amélioration de l’accès aux soins/);
    expect((within(reopened).getByRole('textbox', { name: 'Perspectives' }) as HTMLTextAreaElement).value).toBe(
      'Étendre aux week-ends.',
    );
  });

  it('leaves a section out of the report: saved as excluded, and the report no longer has it', async () => {
    const backend = await install();
    const { user } = renderApp(`/rapports/activite/${YEAR}`);
    const protocols = await screen.findByRole('region', { name: /Protocoles pluriprofessionnels/ });
    await user.click(within(protocols).getByRole('checkbox', { name: 'Inclure' }));
    expect(within(protocols).getByText(/Cette partie est laissée de côté/)).toBeTruthy();
    await user.click(within(protocols).getByRole('button', { name: 'Enregistrer la partie' }));
    expect(
      await screen.findByText('Partie « Protocoles pluriprofessionnels » enregistrée : elle ne sera pas imprimée.'),
    ).toBeTruthy();
    const stored = await backend.ok('reportDrafts.getActivity', { year: YEAR });
    expect(stored.sections.find((section) => section.key === 'protocoles')?.included).toBe(false);
    expect(stored.sections.filter((section) => section.included)).toHaveLength(stored.sections.length - 1);
    const data = await backend.ok('reportDrafts.data', { year: YEAR });
    expect(data.sections.map((section) => section.key)).not.toContain('protocoles');
    expect(data.sections.map((section) => section.key)).toContain('rcp');
  });

  it('adds highlights, moves one up, edits and deletes with confirmation', async () => {
    const backend = await install();
    const { user } = renderApp(`/rapports/activite/${YEAR}`);
    const card = await screen.findByRole('region', { name: 'Faits marquants de l’année' });
    expect(within(card).getByText(/Aucun fait marquant/)).toBeTruthy();
    for (const title of ['Signature du CLS', 'Ouverture du SAS']) {
      await user.click(within(card).getByRole('button', { name: 'Ajouter un fait marquant' }));
      await user.type(within(card).getByRole('textbox', { name: /^Titre/ }), title);
      await user.click(within(card).getByRole('button', { name: 'Enregistrer le fait marquant' }));
      expect(await screen.findByText(`Fait marquant « ${title} » enregistré.`)).toBeTruthy();
    }
    const titles = () =>
      within(within(card).getByRole('table', { name: 'Faits marquants' }))
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(titles()).toEqual(['Signature du CLS', 'Ouverture du SAS']);
    expect(
      (within(card).getByRole('button', { name: 'Monter « Signature du CLS »' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(within(card).getByRole('button', { name: 'Monter « Ouverture du SAS »' }));
    await waitFor(() => expect(titles()).toEqual(['Ouverture du SAS', 'Signature du CLS']));
    expect((await backend.ok('reportDrafts.getActivity', { year: YEAR })).highlights.map((h) => h.title)).toEqual([
      'Ouverture du SAS',
      'Signature du CLS',
    ]);

    await user.click(within(card).getByRole('button', { name: 'Modifier « Signature du CLS »' }));
    const title = within(card).getByRole('textbox', { name: /^Titre/ });
    await user.clear(title);
    await user.type(title, 'Signature du CLS III');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer le fait marquant' }));
    await waitFor(() => expect(titles()).toEqual(['Ouverture du SAS', 'Signature du CLS III']));

    await user.click(within(card).getByRole('button', { name: 'Supprimer « Ouverture du SAS »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer le fait marquant « Ouverture du SAS » ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(titles()).toEqual(['Signature du CLS III']));
    expect((await backend.ok('reportDrafts.getActivity', { year: YEAR })).highlights.map((h) => h.title)).toEqual([
      'Signature du CLS III',
    ]);
  });

  it('refuses a highlight without a title, in French, and writes nothing', async () => {
    const backend = await install();
    const { user } = renderApp(`/rapports/activite/${YEAR}`);
    const card = await screen.findByRole('region', { name: 'Faits marquants de l’année' });
    await user.click(within(card).getByRole('button', { name: 'Ajouter un fait marquant' }));
    await user.type(within(card).getByRole('textbox', { name: 'Texte' }), 'Sans titre.');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer le fait marquant' }));
    const titleInput = within(card).getByRole('textbox', { name: /^Titre/ });
    await waitFor(() => expect(titleInput.getAttribute('aria-invalid')).toBe('true'));
    expect(within(card).getByText('Indiquez le titre du fait marquant.')).toBeTruthy();
    expect(backend.api['reportDrafts.saveHighlight']).not.toHaveBeenCalled();
    const stored = await backend.ok('reportDrafts.getActivity', { year: YEAR });
    expect(stored.highlights).toEqual([]);
    expect(stored.id).toBeNull();
  });
});

describe('Rapport d’activité — les chiffres, l’aperçu', () => {
  it('shows the key figures and the same charts as the report next to their sections', async () => {
    // The generated CPTS brings its own identity.
    const backend = await real.install();
    await generateCptsHistory(backend.database.db, { documentsDir: backend.context.documentsDir, scale: 0.1 });
    const data = await backend.ok('reportDrafts.data', { year: YEAR });
    const synthesis = data.sections.find((section) => section.key === 'synthese');
    if (!synthesis || !('keyFigures' in synthesis)) throw new Error('no synthèse');
    renderApp(`/rapports/activite/${YEAR}`);
    const figures = await within(
      await screen.findByRole('region', { name: /Synthèse et chiffres clés/ }),
    ).findByLabelText('Chiffres clés');
    expect([...figures.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(
      synthesis.keyFigures.map((figure) => figure.label),
    );
    const life = sectionCard(/Vie associative/);
    expect(await within(life).findByRole('table', { name: `Adhérents par profession au 31/12/${YEAR}` })).toBeTruthy();
    expect(within(life).getByRole('table', { name: `Réunions tenues par mois en ${YEAR}` })).toBeTruthy();
    expect(within(sectionCard(/Finances/)).getByRole('table', { name: 'Budget par mission' })).toBeTruthy();
  });

  it('prepares the preview and turns its pages; the count is the PDF’s', async () => {
    const backend = await install();
    const { user } = renderApp(`/rapports/activite/${YEAR}`);
    const output = await screen.findByRole('region', { name: 'Aperçu et export' });
    await user.click(within(output).getByRole('button', { name: 'Aperçu' }));
    const position = await within(output).findByText(/^Page 1 sur \d+$/, {}, { timeout: 60_000 });
    const pages = Number(position.textContent?.match(/sur (\d+)/)?.[1]);
    expect(pages).toBe((await backend.ok('reports.previewActivityReport', { year: YEAR })).pages);
    expect(pages).toBeGreaterThan(1);
    const previous = within(output).getByRole('button', { name: 'Page précédente' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    await user.click(within(output).getByRole('button', { name: 'Page suivante' }));
    expect(within(output).getByText(`Page 2 sur ${pages}`)).toBeTruthy();
    expect(previous.disabled).toBe(false);
    expect(within(output).getByRole('button', { name: 'Actualiser l’aperçu' })).toBeTruthy();
  }, 120_000);
});
