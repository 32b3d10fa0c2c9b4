import { NavLink, Outlet } from 'react-router-dom';
import './health-project.css';

/** The pages of the « Projet de santé » area, in the order of the sub-navigation. */
export const HEALTH_PROJECT_LINKS: readonly { to: string; label: string; end?: boolean }[] = [
  { to: '/projet-de-sante', label: 'Missions', end: true },
  { to: '/projet-de-sante/contrat', label: 'Contrat ACI' },
  { to: '/projet-de-sante/fiches', label: 'Fiches actions' },
  { to: '/projet-de-sante/partenariats', label: 'Partenariats' },
  { to: '/projet-de-sante/plan-de-crise', label: 'Plan de crise' },
];

/**
 * The sub-navigation at the top of every page of the area. « Missions » is also active on a mission or an
 * indicator page (they belong to the missions overview); NavLink marks the active link with `aria-current="page"`.
 */
export function HealthProjectNav() {
  return (
    <nav className="hp-nav" aria-label="Projet de santé">
      <ul>
        {HEALTH_PROJECT_LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) => (isActive ? 'hp-nav-link hp-nav-link-active' : 'hp-nav-link')}
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The area's layout route: the sub-navigation above the page. */
export function HealthProjectLayout() {
  return (
    <>
      <HealthProjectNav />
      <Outlet />
    </>
  );
}
