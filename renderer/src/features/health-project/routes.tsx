import { Route } from 'react-router-dom';
import { contractRoutes } from '../contract/routes';
import { fichesRoutes } from '../fiches/routes';
import { indicatorsRoutes } from '../indicators/routes';
import { renewalRoutes } from '../renewal/routes';
import { HealthProjectLayout } from './HealthProjectNav';

/**
 * The « Projet de santé » area under `/projet-de-sante`: each feature of the area exports its own routes (paths
 * relative to the area), spread here one line per feature, inside the layout that shows the sub-navigation.
 */
const AREA_ROUTES = [
  ...contractRoutes,
  ...fichesRoutes,
  ...indicatorsRoutes,
  ...renewalRoutes,
  // One line per feature of the area.
];

export const healthProjectRoutes = (
  <Route path="projet-de-sante" element={<HealthProjectLayout />}>
    {AREA_ROUTES}
  </Route>
);
