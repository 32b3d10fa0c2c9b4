import { Route } from 'react-router-dom';
import { RenewalPage } from './RenewalPage';

/** The renewal dossier, relative to `/projet-de-sante` (beside the contract it renews). */
export const renewalRoutes = [
  <Route key="contrat-renouvellement" path="contrat/renouvellement" element={<RenewalPage />} />,
];
