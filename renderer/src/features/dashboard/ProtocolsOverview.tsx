import { Link } from 'react-router-dom';
import type { ProtocolDeclarationOwed, ProtocolListRow } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useDeclarationsOwed, useProtocolReviewsDue } from '../protocols/queries';
import '../protocols/protocols.css';

/** Overdue reviews first, then by review date. */
function sortReviews(rows: readonly ProtocolListRow[]): ProtocolListRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.review === 'depassee') - Number(a.review === 'depassee') ||
      (a.nextReviewOn ?? '').localeCompare(b.nextReviewOn ?? '') ||
      a.title.localeCompare(b.title, 'fr'),
  );
}

/** « PR-01 — Cystite simple », or the title alone. */
const nameOf = (row: { code: string | null; title: string }) => (row.code ? `${row.code} — ${row.title}` : row.title);

/** « 2 arrivées, 1 départ depuis la déclaration du 3 mars 2026 », or « jamais déclarée ». */
function teamChange(row: ProtocolDeclarationOwed): string {
  const changes = [
    row.arrivals > 0 ? plural(row.arrivals, 'arrivée') : null,
    row.departures > 0 ? plural(row.departures, 'départ') : null,
  ].filter(Boolean);
  if (!row.lastDeclaredOn) return 'Équipe jamais déclarée à l’ARS';
  return `${changes.join(', ') || 'Équipe modifiée'} depuis la déclaration du ${formatDateLong(row.lastDeclaredOn)}`;
}

/**
 * « Protocoles »: the reviews due within 60 days or overdue, and the cooperation protocols that owe the ARS a
 * declaration of their team; each item links to its protocol.
 */
export function ProtocolsOverview() {
  const reviews = useProtocolReviewsDue();
  const declarations = useDeclarationsOwed();
  const rows = sortReviews(reviews.data ?? []);
  const overdueCount = rows.filter((row) => row.review === 'depassee').length;
  const owed = declarations.data ?? [];

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
      {reviews.isPending || declarations.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <QueryError message={errorMessage(reviews.error)} onRetry={() => void reviews.refetch()} />
      ) : declarations.isError ? (
        <QueryError message={errorMessage(declarations.error)} onRetry={() => void declarations.refetch()} />
      ) : rows.length === 0 && owed.length === 0 ? (
        <p className="muted">
          Aucune révision de protocole à prévoir dans les 60 prochains jours, aucune déclaration d’équipe due à l’ARS.
        </p>
      ) : (
        <>
          {rows.length > 0 && (
            <>
              <h3 className="protocols-overview-heading">Révisions à faire</h3>
              <ul className="plain-list formalities-list" aria-label="Révisions de protocoles à faire">
                {rows.map((row) => {
                  const overdue = row.review === 'depassee';
                  return (
                    <li key={row.id} className={overdue ? 'formality-overdue' : undefined}>
                      <Link to={`/protocoles/${row.id}`} className="formality-label">
                        {nameOf(row)}
                      </Link>
                      <span className="muted small formality-meeting">
                        {row.statusLabel}
                        {row.versionNumber !== null ? ` (version ${row.versionNumber})` : ''}
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
            </>
          )}
          {owed.length > 0 && (
            <>
              <h3 className="protocols-overview-heading">Déclarations à l’ARS</h3>
              <ul className="plain-list formalities-list" aria-label="Déclarations d’équipe dues à l’ARS">
                {owed.map((row) => (
                  <li key={row.protocolId}>
                    <Link to={`/protocoles/${row.protocolId}`} className="formality-label">
                      {nameOf(row)}
                    </Link>
                    <span className="muted small formality-meeting">{teamChange(row)}</span>
                    <span className="small formality-due">
                      {row.kind === 'initiale' ? 'Équipe à déclarer à l’ARS' : 'Changement d’équipe à déclarer'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
