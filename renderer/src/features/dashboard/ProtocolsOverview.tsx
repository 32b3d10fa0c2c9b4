import { Link } from 'react-router-dom';
import type { ProtocolListRow } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useProtocolReviewsDue } from '../protocols/queries';

/** Overdue reviews first, then by review date. */
function sortReviews(rows: readonly ProtocolListRow[]): ProtocolListRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.review === 'depassee') - Number(a.review === 'depassee') ||
      (a.nextReviewOn ?? '').localeCompare(b.nextReviewOn ?? '') ||
      a.title.localeCompare(b.title, 'fr'),
  );
}

/** « Protocoles »: the reviews due within 60 days or overdue, each linking to its protocol. */
export function ProtocolsOverview() {
  const reviews = useProtocolReviewsDue();
  const rows = sortReviews(reviews.data ?? []);
  const overdueCount = rows.filter((row) => row.review === 'depassee').length;

  return (
    <section className="card" aria-labelledby="tdb-protocoles">
      <div className="card-header">
        <h2 id="tdb-protocoles">Protocoles</h2>
        {overdueCount > 0 && (
          <span className="badge badge-overdue">
            {overdueCount} {overdueCount > 1 ? 'révisions dépassées' : 'révision dépassée'}
          </span>
        )}
        <Link to="/protocoles?revision=1" className="card-link">
          Voir les révisions à faire
        </Link>
      </div>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <QueryError message={errorMessage(reviews.error)} onRetry={() => void reviews.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">Aucune révision de protocole à prévoir dans les 60 prochains jours.</p>
      ) : (
        <ul className="plain-list formalities-list" aria-label="Révisions de protocoles à faire">
          {rows.map((row) => {
            const overdue = row.review === 'depassee';
            return (
              <li key={row.id} className={overdue ? 'formality-overdue' : undefined}>
                <Link to={`/protocoles/${row.id}`} className="formality-label">
                  {row.code ? `${row.code} — ${row.title}` : row.title}
                </Link>
                <span className="muted small formality-meeting">
                  {row.versionNumber !== null ? `Version ${row.versionNumber}, ` : ''}
                  {row.statusLabel.toLowerCase()}
                </span>
                <span className={`small formality-due${overdue ? ' overdue' : ''}`}>
                  {overdue
                    ? `Révision dépassée depuis le ${formatDateLong(row.nextReviewOn)}`
                    : `À réviser avant le ${formatDateLong(row.nextReviewOn)}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
