import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { ToastProvider } from './components/Toasts';
import { UiStateProvider } from './components/UiState';
import { AgPage } from './features/ag/AgPage';
import { ActivityReportDefault, ActivityReportPage } from './features/annual-report/ActivityReportPage';
import { CptsPage } from './features/cpts/CptsPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { healthProjectRoutes } from './features/health-project/routes';
import { CollegesPage } from './features/members/CollegesPage';
import { ImportPage } from './features/members/ImportPage';
import { MemberPage, NewMemberPage } from './features/members/MemberPage';
import { MembersPage } from './features/members/MembersPage';
import { DecisionsPage } from './features/meetings/DecisionsPage';
import { MeetingPage, NewMeetingPage } from './features/meetings/MeetingPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { protocolsRoutes } from './features/protocols/routes';
import { ReportsPage } from './features/reports/ReportsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { TerritoryPage } from './features/territory/TerritoryPage';

/** Query cache, notifications and the global error boundary; the router is given by the caller. */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <ErrorBoundary>
      <QueryClientProvider client={client}>
        <ToastProvider>
          <UiStateProvider>{children}</UiStateProvider>
        </ToastProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DashboardPage />} />
        <Route path="cpts" element={<CptsPage />} />
        <Route path="territoire" element={<TerritoryPage />} />
        <Route path="adherents" element={<MembersPage />} />
        <Route path="adherents/nouveau" element={<NewMemberPage />} />
        <Route path="adherents/import" element={<ImportPage />} />
        <Route path="adherents/colleges" element={<CollegesPage />} />
        <Route path="adherents/:id" element={<MemberPage />} />
        <Route path="reunions" element={<MeetingsPage />} />
        <Route path="reunions/nouvelle" element={<NewMeetingPage />} />
        <Route path="reunions/decisions" element={<DecisionsPage />} />
        <Route path="reunions/:id" element={<MeetingPage />} />
        <Route path="reunions/:id/assemblee" element={<AgPage />} />
        {protocolsRoutes}
        {healthProjectRoutes}
        <Route path="rapports" element={<ReportsPage />} />
        <Route path="rapports/activite" element={<ActivityReportDefault />} />
        <Route path="rapports/activite/:year" element={<ActivityReportPage />} />
        <Route path="parametres" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
