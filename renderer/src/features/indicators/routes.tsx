import { Route } from 'react-router-dom';
import { AnnexImportPage } from './annex/AnnexImportPage';
import { IndicatorPage } from './IndicatorPage';
import { MissionPage } from './MissionPage';
import { MissionsOverviewPage } from './MissionsOverviewPage';

/** The missions overview (the area's index), a mission's indicators, one indicator; paths relative to the area. */
export const indicatorsRoutes = [
  <Route key="missions" index element={<MissionsOverviewPage />} />,
  <Route key="mission" path="missions/:code" element={<MissionPage />} />,
  <Route key="indicateur" path="indicateurs/:id" element={<IndicatorPage />} />,
  <Route key="annexe" path="annexe" element={<AnnexImportPage />} />,
];
