import type { MouseEvent } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { UnsavedChangesProvider } from './UnsavedChanges';
import './Layout.css';

export interface NavItem {
  to: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Tableau de bord' },
  { to: '/cpts', label: 'Ma CPTS' },
  { to: '/territoire', label: 'Territoire' },
  { to: '/adherents', label: 'Adhérents' },
  { to: '/reunions', label: 'Réunions' },
  { to: '/protocoles', label: 'Protocoles' },
  { to: '/projet-de-sante', label: 'Projet de santé' },
  { to: '/rapports', label: 'Rapports' },
  { to: '/parametres', label: 'Paramètres' },
];

/**
 * The app shell: skip link, left sidebar, main content (with its own error boundary). Leaving a form with unsaved
 * changes asks first, from anywhere in it.
 */
export function Layout() {
  const location = useLocation();
  return (
    <UnsavedChangesProvider>
      <div className="shell">
        <a className="skip-link" href="#contenu" onClick={focusMain}>
          Aller au contenu
        </a>
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            <span className="brand-name">Maillage</span>
          </div>
          <nav aria-label="Navigation principale">
            <ul className="nav-list">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <p className="sidebar-note">Vos données restent sur cet ordinateur.</p>
        </aside>
        <main id="contenu" className="content" tabIndex={-1}>
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </UnsavedChangesProvider>
  );
}

/** With a HashRouter, "#contenu" would be read as a route: move the focus ourselves. */
function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('contenu')?.focus();
}
