import { errorMessage } from '../../api';
import { useTerritory } from '../territory/queries';
import { useArsRegions, useContractOverview, useCptsProfile } from './queries';
import { Loading, Page, QueryError } from '../../components/Page';
import { IdentityForm } from './IdentityForm';
import { activeContract, LifecycleForm } from './LifecycleForm';
import { LogoSection } from './LogoSection';
import { StaffSection } from './StaffSection';
import './cpts.css';

export function CptsPage() {
  const profile = useCptsProfile();
  const ars = useArsRegions();
  const territory = useTerritory();
  const overview = useContractOverview();

  const intro = 'L’identité de l’association et les grandes étapes de son projet, jusqu’au contrat ACI.';
  // A CPTS not yet created answers « not_found »: the forms then start empty.
  const notCreated = profile.error?.code === 'not_found';
  if (profile.isPending || ars.isPending || overview.isPending) {
    return (
      <Page title="Ma CPTS" intro={intro}>
        <Loading />
      </Page>
    );
  }
  if (profile.isError && !notCreated) {
    return (
      <Page title="Ma CPTS" intro={intro}>
        <QueryError message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />
      </Page>
    );
  }
  const data = profile.data ?? null;
  return (
    <Page title="Ma CPTS" intro={intro}>
      {ars.isError && <QueryError message={`La liste des ARS n’a pas pu être chargée : ${errorMessage(ars.error)}`} />}
      {overview.isError && (
        <QueryError message={`Le contrat ACI n’a pas pu être lu : ${errorMessage(overview.error)}`} />
      )}
      <div className="stack">
        <IdentityForm profile={data} arsRegions={ars.data ?? []} territory={territory.data} />
        <LifecycleForm profile={data} contract={activeContract(overview.data)} />
        <LogoSection profile={data} />
        <StaffSection />
      </div>
    </Page>
  );
}
