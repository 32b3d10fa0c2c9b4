import { Link } from 'react-router-dom';
import type { CptsProfile, TerritorySummary } from '@shared/contract';
import { formatDateLong, formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { useCptsProfile } from '../cpts/queries';
import { useTerritory } from '../territory/queries';
import { Loading, Page, QueryError } from '../../components/Page';
import { TerritoryTiles } from '../territory/TerritoryTiles';
import { FormalitiesOverview } from './FormalitiesOverview';
import { HealthProjectOverview } from './HealthProjectOverview';
import { MeetingsOverview } from './MeetingsOverview';
import { MembersOverview } from './MembersOverview';
import { ProtocolsOverview } from './ProtocolsOverview';
import './dashboard.css';

export function DashboardPage() {
  const profile = useCptsProfile();
  const territory = useTerritory();
  const notCreated = profile.error?.code === 'not_found';
  const cpts = profile.data ?? null;
  const hasIdentity = Boolean(cpts?.identity.name?.trim());

  return (
    <Page title="Tableau de bord">
      <div className="stack">
        {profile.isPending ? (
          <Loading />
        ) : profile.isError && !notCreated ? (
          <QueryError message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />
        ) : !cpts || !hasIdentity ? (
          <section className="card call-to-action">
            <h2>Bienvenue dans Maillage</h2>
            <p>
              <Link to="/cpts" className="button">
                Commencez par renseigner l'identité de votre CPTS
              </Link>
            </p>
            <p className="muted">
              Nom, numéros RNA et SIRET, siège, ARS et CPAM de rattachement : ces informations alimentent ensuite vos
              rapports.
            </p>
          </section>
        ) : (
          <CptsOverview cpts={cpts} />
        )}

        <section className="card" aria-labelledby="tdb-territoire">
          <div className="card-header">
            <h2 id="tdb-territoire">Territoire</h2>
            {/* Link texts here avoid the sidebar's labels, so « Territoire » names one link only. */}
            <Link to="/territoire" className="card-link">
              Gérer les communes
            </Link>
          </div>
          {territory.isPending ? (
            <Loading />
          ) : territory.isError ? (
            <QueryError message={errorMessage(territory.error)} onRetry={() => void territory.refetch()} />
          ) : territory.data.communeCount === 0 ? (
            <p>
              Votre territoire ne compte encore aucune commune. <Link to="/territoire">Ajoutez vos communes</Link> pour
              connaître sa population et sa taille ACI.
            </p>
          ) : (
            <>
              <TerritoryTiles territory={territory.data} />
              <DepartementLine territory={territory.data} />
            </>
          )}
        </section>

        <MembersOverview />
        <MeetingsOverview />
        <FormalitiesOverview />
        <HealthProjectOverview />
        <ProtocolsOverview />
      </div>
    </Page>
  );
}

function CptsOverview({ cpts }: { cpts: CptsProfile }) {
  const { identity, status } = cpts;
  const steps = status.steps;
  return (
    <>
      <section className="card hero" aria-labelledby="tdb-cpts">
        <p className="eyebrow">{identity.legalForm}</p>
        <h2 id="tdb-cpts" className="hero-title">
          {identity.name}
        </h2>
        <p className="stage-pill">{status.label}</p>
        <dl className="facts">
          <div>
            <dt>Prochaine date anniversaire</dt>
            <dd>
              {status.nextAnniversary
                ? formatDateLong(status.nextAnniversary)
                : status.contractEnd
                  ? 'aucune avant la fin du contrat'
                  : 'non applicable'}
            </dd>
          </div>
          <div>
            <dt>Fin du contrat ACI</dt>
            <dd>
              {status.contractEnd ? formatDateLong(status.contractEnd) : 'contrat non signé'}
              {status.daysToContractEnd !== null && status.daysToContractEnd >= 0 && (
                <span className="muted"> (dans {plural(status.daysToContractEnd, 'jour')})</span>
              )}
            </dd>
          </div>
          {cpts.arsName && (
            <div>
              <dt>ARS</dt>
              <dd>{cpts.arsName}</dd>
            </div>
          )}
          {identity.cpam && (
            <div>
              <dt>CPAM</dt>
              <dd>{identity.cpam}</dd>
            </div>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="tdb-etapes">
        <div className="card-header">
          <h2 id="tdb-etapes">Étapes du projet</h2>
          <Link to="/cpts" className="card-link">
            Modifier les étapes
          </Link>
        </div>
        <ol className="timeline">
          {steps.map((step) => (
            <li key={step.key} className={step.date ? 'done' : 'todo'}>
              <span className="timeline-label">{step.label}</span>
              <span className="timeline-date">{step.date ? formatDateLong(step.date) : 'à venir'}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function DepartementLine({ territory }: { territory: TerritorySummary }) {
  if (territory.departements.length === 0) return null;
  return (
    <p className="muted small">
      {territory.departements
        .map((d) => `${d.nom} (${d.code}) : ${plural(d.communeCount, 'commune')}, ${formatInteger(d.population)} hab.`)
        .join(' · ')}
    </p>
  );
}
