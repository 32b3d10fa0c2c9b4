import { Link } from 'react-router-dom';
import type { MemberStats } from '@shared/contract';
import { formatEurosFromCents, formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useMemberStats } from './queries';

const TOP_PROFESSIONS = 6;

/** « 80 % » */
function percent(share: number): string {
  return `${formatInteger(Math.round(share * 100))}\u00a0%`;
}

/** The members block of the dashboard, from members.stats for the current year. */
export function MembersOverview() {
  const year = new Date().getFullYear();
  const stats = useMemberStats(year);
  return (
    <section className="card" aria-labelledby="tdb-adherents">
      <div className="card-header">
        <h2 id="tdb-adherents">Adhérents</h2>
        <Link to="/adherents" className="card-link">
          Voir la liste
        </Link>
      </div>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <QueryError message={errorMessage(stats.error)} onRetry={() => void stats.refetch()} />
      ) : stats.data.activeCount === 0 ? (
        <p>
          Aucun adhérent pour l’instant. <Link to="/adherents/import">Importez votre liste</Link> (CSV ou Excel) ou{' '}
          <Link to="/adherents/nouveau">saisissez un premier adhérent</Link>.
        </p>
      ) : (
        <MembersFigures stats={stats.data} />
      )}
    </section>
  );
}

function MembersFigures({ stats }: { stats: MemberStats }) {
  const professions = stats.byProfession.slice(0, TOP_PROFESSIONS);
  const otherPersons = stats.byProfession.slice(TOP_PROFESSIONS).reduce((sum, p) => sum + p.count, 0);
  const professionRows = [
    ...professions.map((p) => ({ key: p.code, label: p.label, count: p.count })),
    ...(otherPersons > 0 ? [{ key: 'autres', label: 'Autres professions', count: otherPersons }] : []),
    ...(stats.structureCount > 0 ? [{ key: 'structures', label: 'Structures', count: stats.structureCount }] : []),
  ];
  const colleges = stats.byCollege.filter((college) => college.count > 0 || college.id !== null);
  const { cotisations } = stats;
  const coverage =
    stats.territoryCommunes === 0
      ? 'Aucune commune dans le territoire : ajoutez-les pour mesurer sa couverture.'
      : `${formatInteger(stats.communesCovered)} ${stats.communesCovered > 1 ? 'communes' : 'commune'} du territoire sur ${formatInteger(stats.territoryCommunes)} ${stats.communesCovered > 1 ? 'couvertes' : 'couverte'}${stats.coveredShare === null ? '' : ` (${percent(stats.coveredShare)})`}`;
  const dues =
    `Cotisations ${stats.year} : ${formatInteger(cotisations.upToDate)} à jour, ${formatInteger(cotisations.outstanding)} en attente` +
    (cotisations.outstandingCents > 0 ? ` (${formatEurosFromCents(cotisations.outstandingCents)} à percevoir)` : '');

  return (
    <>
      <dl className="tiles">
        <div className="tile">
          <dt>Adhérents actifs</dt>
          <dd className="tile-value" data-testid="adherents-actifs">
            {formatInteger(stats.activeCount)}
          </dd>
          <dd className="tile-note">
            {plural(stats.personCount, 'personne')}, {plural(stats.structureCount, 'structure')}
          </dd>
        </div>
        <div className="tile">
          <dt>Communes couvertes</dt>
          <dd className="tile-value">{stats.coveredShare === null ? '—' : percent(stats.coveredShare)}</dd>
          <dd className="tile-note">où exerce au moins un adhérent</dd>
        </div>
        <div className="tile">
          <dt>À jour de cotisation</dt>
          <dd className="tile-value">{formatInteger(cotisations.upToDate)}</dd>
          <dd className="tile-note">en {stats.year}</dd>
        </div>
      </dl>
      <ul className="summary-lines">
        <li data-testid="couverture">{coverage}</li>
        <li data-testid="cotisations">
          {dues}
          {cotisations.collectedCents > 0 && (
            <span className="muted"> — {formatEurosFromCents(cotisations.collectedCents)} perçus</span>
          )}
        </li>
      </ul>
      <div className="columns">
        <div>
          <h3 id="tdb-professions">Par profession</h3>
          <BarList labelledBy="tdb-professions" rows={professionRows} total={stats.activeCount} />
        </div>
        <div>
          <h3 id="tdb-colleges">Par collège</h3>
          {colleges.length === 0 ? (
            <p className="muted">
              Aucun collège défini. <Link to="/adherents/colleges">Créer les collèges</Link>
            </p>
          ) : (
            <BarList
              labelledBy="tdb-colleges"
              rows={colleges.map((college) => ({
                key: String(college.id),
                label: college.votingRight === 'consultative' ? `${college.name} (voix consultative)` : college.name,
                count: college.count,
              }))}
              total={stats.activeCount}
            />
          )}
        </div>
      </div>
    </>
  );
}

function BarList({
  rows,
  total,
  labelledBy,
}: {
  rows: { key: string; label: string; count: number }[];
  total: number;
  labelledBy: string;
}) {
  return (
    <ul className="bar-list" aria-labelledby={labelledBy}>
      {rows.map((row) => (
        <li key={row.key}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-count">{formatInteger(row.count)}</span>
          <span className="coverage" aria-hidden="true">
            <span
              className="coverage-bar"
              style={{ width: `${total > 0 ? Math.min(100, (100 * row.count) / total) : 0}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}
