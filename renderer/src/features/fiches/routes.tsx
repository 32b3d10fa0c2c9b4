import { Route } from 'react-router-dom';
import { CrisisPlanPage } from './CrisisPlanPage';
import { FichePage, NewFichePage } from './FichePage';
import { FichesPage } from './FichesPage';
import { PartnershipsPage } from './PartnershipsPage';

/** The fiches actions, partnerships and crisis plan pages, relative to /projet-de-sante. */
export const fichesRoutes = [
  <Route key="fiches" path="fiches" element={<FichesPage />} />,
  <Route key="fiches-nouvelle" path="fiches/nouvelle" element={<NewFichePage />} />,
  <Route key="fiche" path="fiches/:id" element={<FichePage />} />,
  <Route key="partenariats" path="partenariats" element={<PartnershipsPage />} />,
  <Route key="plan-de-crise" path="plan-de-crise" element={<CrisisPlanPage />} />,
];
