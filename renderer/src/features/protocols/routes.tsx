import { Route } from 'react-router-dom';
import { ProtocolPage } from './ProtocolPage';
import { ProtocolsPage } from './ProtocolsPage';
import { ProtocolUsesPage } from './team/UsesPage';
import { VersionPage } from './VersionPage';

/** The library of protocols: the list, a protocol, one of its versions. */
export const protocolsRoutes = [
  <Route key="protocoles" path="protocoles" element={<ProtocolsPage />} />,
  <Route key="protocole" path="protocoles/:id" element={<ProtocolPage />} />,
  <Route key="protocole-version" path="protocoles/:id/versions/:versionId" element={<VersionPage />} />,
  <Route key="protocole-utilisations" path="protocoles/:id/utilisations" element={<ProtocolUsesPage />} />,
];
