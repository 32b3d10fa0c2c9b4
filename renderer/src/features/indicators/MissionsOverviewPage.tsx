import { Link } from 'react-router-dom';
import { missionEarningsChart } from '@shared/charts';
import type { TrackingMission, TrackingTable } from '@shared/contract';
import { MismatchWarning } from './MismatchWarning';
import { formatEurosFromCents, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { Chart, SCREEN_CHART_FONT_SIZE } from '../../components/charts/Chart';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { type ContractContext, NoContract, useContractContext } from './contractContext';
import { missionCategory, missionName, type YearChoice, yearQuery, useSelectedYear } from './missions';
import { formatRate, ProgressBar, ResultBadge } from './Progress';
import { useTrackingTable } from './queries';
import { earnedText, targetText, valueText } from './wording';
import { TrackingExports } from './TrackingExports';
import { YearPicker } from './YearPicker';
import './indicators.css';

/** /projet-de-sante — the missions of the contract year: envelopes, euros earned, indicators and where they stand. */
export function MissionsOverviewPage() {
  const context = useContractContext();
  return (
    <Page
      title="Missions du projet de santé"
      intro="Pour chaque mission du contrat ACI : ses enveloppes, la part variable obtenue et l’état de ses indicateurs."
      wide
    >
      {context.isPending ? (
        <Loading />
      ) : context.isError ? (
        <QueryError message={errorMessage(context.error)} onRetry={() => void context.refetch()} />
      ) : context.data === null ? (
        <NoContract />
      ) : (
        <Overview context={context.data} />
      )}
    </Page>
  );
}

function Overview({ context }: { context: ContractContext }) {
  const { year, select } = useSelectedYear(context.years);
  const table = useTrackingTable(year?.id ?? null);
  if (!year) {
    return (
      <p className="muted">
        Le contrat n’a pas encore d’année. <Link to="/projet-de-sante/contrat">Complétez le contrat ACI</Link>.
      </p>
    );
  }
  return (
    <div className="stack indicators-stack">
      <div className="indicators-toolbar">
        <YearPicker years={context.years} year={year} onSelect={select} />
        <TrackingExports contractId={context.contractId} contractYearId={year.id} />
        <Link to={`/projet-de-sante/annexe${yearQuery(year)}`} className="button button-secondary">
          Importer l’annexe indicateurs
        </Link>
      </div>
      {table.isPending ? (
        <Loading />
      ) : table.isError ? (
        <QueryError message={errorMessage(table.error)} onRetry={() => void table.refetch()} />
      ) : (
        <YearOverview table={table.data} context={context} year={year} />
      )}
    </div>
  );
}

function YearOverview({ table, context, year }: { table: TrackingTable; context: ContractContext; year: YearChoice }) {
  const { result } = table;
  const shown = context.missionCodes.map(
    (code) =>
      table.missions.find((mission) => mission.missionCode === code) ?? {
        missionCode: code,
        envelope: null,
        indicators: [],
        result: null,
      },
  );
  return (
    <>
      <section aria-labelledby="annee-totaux">
        <h2 id="annee-totaux" className="visually-hidden">
          Totaux de l’année {year.index}
        </h2>
        <dl className="tiles">
          <div className="tile">
            <dt>Parts fixes</dt>
            <dd className="tile-value">{formatEurosFromCents(result.fixedCents)}</dd>
          </div>
          <div className="tile">
            <dt>Part variable obtenue</dt>
            <dd className="tile-value">{formatEurosFromCents(result.earnedCents)}</dd>
            <dd className="tile-note">sur {formatEurosFromCents(result.variableMaxCents)} au maximum</dd>
          </div>
          <div className="tile">
            <dt>Taux d’atteinte</dt>
            <dd className="tile-value">{result.attainmentRate === null ? '—' : formatRate(result.attainmentRate)}</dd>
            <dd className="tile-note">
              {plural(result.counts.atteint, 'indicateur atteint', 'indicateurs atteints')},{' '}
              {plural(result.counts.non_mesure, 'non mesuré', 'non mesurés')}
            </dd>
          </div>
        </dl>
      </section>
      <EarningsChart table={table} />
      {shown.map((mission) => (
        <MissionCard key={mission.missionCode} mission={mission} context={context} year={year} />
      ))}
    </>
  );
}

/** The part variable obtenue over its maximum for each mission with an envelope: the chart of the tableau de suivi. */
function EarningsChart({ table }: { table: TrackingTable }) {
  const missions = table.missions.filter((mission) => mission.envelope !== null);
  if (missions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="annee-graphique">
      <h2 id="annee-graphique">Part variable obtenue par mission</h2>
      <Chart
        geometry={missionEarningsChart({ missions, width: 760, fontSize: SCREEN_CHART_FONT_SIZE })}
        showTitle={false}
      />
    </section>
  );
}

type ShownMission = Pick<TrackingMission, 'missionCode' | 'envelope' | 'indicators'> & {
  result: TrackingMission['result'] | null;
};

function MissionCard({
  mission,
  context,
  year,
}: {
  mission: ShownMission;
  context: ContractContext;
  year: YearChoice;
}) {
  const name = missionName(mission.missionCode, context.versionCode);
  const category = missionCategory(mission.missionCode, context.versionCode);
  const headingId = `mission-${mission.missionCode}`;
  const to = `/projet-de-sante/missions/${mission.missionCode}${yearQuery(year)}`;
  const deadline = context.missionStatus(mission.missionCode);
  const fiches = context.fichesCount(mission.missionCode);
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="mission-card-header">
        <h2 id={headingId}>
          <Link to={to}>{name}</Link>
        </h2>
        <span>
          {category && <span className="badge">{category === 'socle' ? 'Mission socle' : 'Mission optionnelle'}</span>}{' '}
          {deadline && (
            <span className={deadline.warn ? 'badge badge-warn' : 'badge badge-muted'}>{deadline.label}</span>
          )}
        </span>
      </div>
      <dl className="mission-figures">
        <div>
          <dt>Part fixe</dt>
          <dd>{mission.envelope ? formatEurosFromCents(mission.envelope.fixedCents) : 'non saisie'}</dd>
        </div>
        <div>
          <dt>Part variable maximale</dt>
          <dd>{mission.envelope ? formatEurosFromCents(mission.envelope.variableMaxCents) : 'non saisie'}</dd>
        </div>
        <div>
          <dt>Part variable obtenue</dt>
          <dd>
            {mission.result && mission.envelope ? (
              <ProgressBar
                rate={mission.result.attainmentRate}
                label={`Part variable obtenue, ${name}`}
                text={earnedText(mission.result.earnedCents, mission.envelope.variableMaxCents)}
              />
            ) : (
              '—'
            )}
          </dd>
        </div>
        {fiches !== null && (
          <div>
            <dt>Fiches actions</dt>
            <dd>
              <Link to="/projet-de-sante/fiches">{plural(fiches, 'fiche', 'fiches')}</Link>
            </dd>
          </div>
        )}
      </dl>
      <MismatchWarning mission={mission} />
      <DataTable
        rows={mission.indicators}
        rowKey={(line) => line.indicator.id}
        compact
        className="indicators-table"
        scroll
        aria-label={`Indicateurs, ${name}`}
        empty={
          <>
            Aucun indicateur pour cette mission. <Link to={to}>Ajoutez ses indicateurs</Link> depuis la page de la
            mission.
          </>
        }
        columns={[
          {
            header: 'Indicateur',
            rowHeader: true,
            cell: (line) => (
              <Link to={`/projet-de-sante/indicateurs/${line.indicator.id}${yearQuery(year)}`}>
                {line.indicator.label}
              </Link>
            ),
          },
          { header: 'Cible', className: 'num', cell: (line) => targetText(line.indicator, line.target) },
          {
            header: 'Réalisé',
            className: 'num',
            cell: (line) => valueText(line.indicator, line.measure?.value ?? null),
          },
          { header: 'État', cell: (line) => <ResultBadge result={line.result} /> },
          {
            header: 'Progression',
            cell: (line) => (
              <ProgressBar rate={line.result?.progress ?? null} label={`Progression, ${line.indicator.label}`} />
            ),
          },
          {
            header: 'Obtenu / max',
            className: 'num',
            cell: (line) => (line.result ? earnedText(line.result.earnedCents, line.result.maxCents) : '—'),
          },
        ]}
      />
    </section>
  );
}
