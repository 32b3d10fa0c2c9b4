import { Route } from 'react-router-dom';
import { ContractPage } from './ContractPage';

/** The contract screens, relative to `/projet-de-sante`. */
export const contractRoutes = [<Route key="contrat" path="contrat" element={<ContractPage />} />];
