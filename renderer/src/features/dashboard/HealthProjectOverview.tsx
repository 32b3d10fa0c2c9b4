import { differenceInCalendarDays, parseISO } from 'date-fns';
import { Link } from 'react-router-dom';
import type { ContractMissionRow, ContractOverview, TrackingTable } from '@shared/contract';
import type { DeadlineStatus } from '@shared/domain/aci';
import { formatDateLong, formatEurosFromCents, plural } from '@shared/format';
import { errorMessage, useApiQuery } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { DeadlineBadge } from '../contract/DeadlineBadge';
import { evidenceOwnerPath } from '../evidence/paths';
import { ResultBadge } from '../indicators/Progress';
import { useTrackingTable } from '../indicators/queries';

/** How many indicators at risk the tile names; the others are counted. */
const AT_RISK_SHOWN = 5;

/** « Projet de santé »: where the ACI contract stands this contract year (deadlines, indicators, evidence, dates). */
export function HealthProjectOverview() {
  const overview = useApiQuery('contract.overview', []);
  const data = overview.data ?? null;

  return (
    <section className="card health-project-overview" aria-labelledby="tdb-projet-sante">
      <div className="card-header">
        <h2 id="tdb-projet-sante">Projet de santé</h2>
        {data?.contract && (
          <Link to="/projet-de-sante" className="card-link">
            Voir le suivi des missions
          </Link>
        )}
      </div>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryError message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />
      ) : !data?.contract ? (
        <p>
          Aucun contrat saisi. Renseignez le <Link to="/projet-de-sante/contrat">Contrat ACI</Link> pour suivre ses
          échéances, ses indicateurs et ses justificatifs.
        </p>
      ) : (
        <ContractStanding overview={data} />
      )}
    </section>
  );
}

function ContractStanding({ overview }: { overview: ContractOverview }) {
  const { today, currentYear, nextAnniversaryOn, nextDialogue } = overview;
  const daysToAnniversary = nextAnniversaryOn
    ? differenceInCalendarDays(parseISO(nextAnniversaryOn), parseISO(today))
    : null;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Année de contrat</dt>
          <dd>{currentYear ? `${currentYear.label}, ${currentYear.periodLabel}` : 'hors des années du contrat'}</dd>
        </div>
        <div>
          <dt>Prochain anniversaire du contrat</dt>
          <dd>
            {nextAnniversaryOn ? formatDateLong(nextAnniversaryOn) : 'aucun avant la fin du contrat'}
            {daysToAnniversary !== null && daysToAnniversary >= 0 && (
              <span className="muted"> (dans {plural(daysToAnniversary, 'jour')})</span>
            )}
          </dd>
        </div>
        {nextDialogue && (nextDialogue.heldOn || nextDialogue.dueAround) && (
          <div>
            <dt>Prochain dialogue de gestion</dt>
            <dd>
              {nextDialogue.heldOn
                ? `le ${formatDateLong(nextDialogue.heldOn)}`
                : nextDialogue.dueAround && nextDialogue.dueAround < today
                  ? `attendu depuis le ${formatDateLong(nextDialogue.dueAround)}, pas encore saisi`
                  : `attendu vers le ${formatDateLong(nextDialogue.dueAround)}`}
              <span className="muted"> (année {nextDialogue.yearIndex})</span>
            </dd>
          </div>
        )}
      </dl>
      <MissionDeadlines missions={overview.contract?.missions ?? []} />
      {currentYear && <YearTracking yearId={currentYear.id} yearIndex={currentYear.index} />}
    </>
  );
}

interface DeadlineLine {
  key: string;
  mission: string;
  step: string;
  status: DeadlineStatus;
}

/** The starts and deployments whose deadline is near or passed, passed first. */
function MissionDeadlines({ missions }: { missions: ContractMissionRow[] }) {
  const lines: DeadlineLine[] = missions
    .flatMap((mission) => [
      { key: `${mission.code}-start`, mission: mission.shortLabel, step: 'démarrage', status: mission.startStatus },
      { key: `${mission.code}-deploy`, mission: mission.shortLabel, step: 'déploiement', status: mission.deployStatus },
    ])
    .filter((line): line is DeadlineLine => line.status?.code === 'proche' || line.status?.code === 'depassee')
    .sort((a, b) => (a.status.daysLeft ?? 0) - (b.status.daysLeft ?? 0));
  if (lines.length === 0) return <p className="muted small">Aucune échéance de mission proche ni dépassée.</p>;
  return (
    <div>
      <h3 className="health-project-subtitle">Échéances des missions</h3>
      <ul className="plain-list health-project-deadlines">
        {lines.map((line) => (
          <li key={line.key}>
            <Link to="/projet-de-sante/contrat">
              {line.mission} : {line.step}
            </Link>{' '}
            <DeadlineBadge status={line.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The current contract year's indicators at risk, euros earned and required evidence still missing. */
function YearTracking({ yearId, yearIndex }: { yearId: number; yearIndex: number }) {
  const tracking = useTrackingTable(yearId);
  const missing = useApiQuery('indicators.missingEvidence', [{ contractYearId: yearId }]);
  if (tracking.isPending) return <Loading />;
  if (tracking.isError) {
    return <QueryError message={errorMessage(tracking.error)} onRetry={() => void tracking.refetch()} />;
  }
  const missingRows = (missing.data ?? []).filter((row) => row.missing);
  const missingCount = missingRows.length;
  // All on one indicator or one fiche: its page, where the evidence is attached; else the missions overview.
  const missingPages = new Set(missingRows.map(evidenceOwnerPath));
  const missingTo = missingPages.size === 1 ? [...missingPages][0]! : '/projet-de-sante';
  return (
    <>
      <IndicatorsAtRisk table={tracking.data} yearIndex={yearIndex} />
      <p className="health-project-money">
        Part variable de l’année {yearIndex} : {formatEurosFromCents(tracking.data.result.earnedCents)} obtenus sur{' '}
        {formatEurosFromCents(tracking.data.result.variableMaxCents)} au maximum
      </p>
      {missing.isError ? (
        <QueryError message={errorMessage(missing.error)} onRetry={() => void missing.refetch()} />
      ) : (
        missing.isSuccess && (
          <p className={missingCount > 0 ? 'overdue-line' : 'muted small'}>
            {missingCount === 0 ? (
              `Tous les justificatifs obligatoires de l’année ${yearIndex} sont fournis.`
            ) : (
              <Link to={missingTo}>
                {missingCount} justificatif{missingCount > 1 ? 's' : ''} obligatoire{missingCount > 1 ? 's' : ''}{' '}
                manquant{missingCount > 1 ? 's' : ''}
              </Link>
            )}
          </p>
        )
      )}
    </>
  );
}

function IndicatorsAtRisk({ table, yearIndex }: { table: TrackingTable; yearIndex: number }) {
  const targeted = table.missions
    .flatMap((mission) => mission.indicators)
    .filter((line) => !line.indicator.archived && line.result !== null);
  const atRisk = targeted.filter((line) => line.result?.status !== 'atteint');
  if (targeted.length === 0) {
    return <p className="muted small">Aucune cible d’indicateur saisie pour l’année {yearIndex}.</p>;
  }
  if (atRisk.length === 0) {
    return <p className="muted small">Toutes les cibles de l’année {yearIndex} sont atteintes.</p>;
  }
  return (
    <div>
      <h3 className="health-project-subtitle">
        {plural(atRisk.length, 'indicateur')} de l’année {yearIndex} sans cible atteinte
      </h3>
      <ul className="plain-list health-project-indicators">
        {atRisk.slice(0, AT_RISK_SHOWN).map((line) => (
          <li key={line.indicator.id}>
            <Link to={`/projet-de-sante/indicateurs/${line.indicator.id}`}>
              {line.indicator.code ? `${line.indicator.code} · ` : ''}
              {line.indicator.label}
            </Link>{' '}
            <ResultBadge result={line.result} />
          </li>
        ))}
      </ul>
      {atRisk.length > AT_RISK_SHOWN && (
        <p className="muted small">et {plural(atRisk.length - AT_RISK_SHOWN, 'autre')}</p>
      )}
    </div>
  );
}
