// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary';
import { realApiPerTest } from './real-api';
import { renderApp } from './render-app';

const { install } = realApiPerTest();

const NAV = [
  'Tableau de bord',
  'Ma CPTS',
  'Territoire',
  'Adhérents',
  'Réunions',
  'Protocoles',
  'Projet de santé',
  'Rapports',
  'Paramètres',
];

describe('App shell', () => {
  it('has a skip link and a sidebar with every area, the current one marked', async () => {
    await install();
    renderApp('/territoire');
    expect(screen.getByRole('link', { name: 'Aller au contenu' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const links = [...nav.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).toEqual(NAV);
    expect(screen.getByRole('link', { name: 'Territoire' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeTruthy();
  });

  it('moves between areas with the sidebar', async () => {
    await install();
    const { user } = renderApp('/');
    await user.click(screen.getByRole('link', { name: 'Paramètres' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Paramètres' })).toBeTruthy();
  });

  it('shows a French message when a screen fails to render', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('boom');
    }
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Un problème d’affichage est survenu');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    spy.mockRestore();
  });
});
