import { Link } from 'react-router-dom';
import type { FormalityRow } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useOpenFormalities } from './queries';

/** Overdue first, then by due date (undated last), then by meeting date. */
export function sortFormalities(rows: FormalityRow[]): FormalityRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.meetingDate.localeCompare(b.meetingDate) ||
      a.id - b.id,
  );
}

/** « Formalités après assemblée »: what remains to declare or file after an AG (greffe, registre spécial…). */
export function FormalitiesOverview() {
  const formalities = useOpenFormalities();
  const rows = sortFormalities((formalities.data ?? []).filter((row) => !row.doneOn));
  const overdueCount = rows.filter((row) => row.overdue).length;

  return (
    <section className="card" aria-labelledby="tdb-formalites">
      <div className="card-header">
        <h2 id="tdb-formalites">Formalités après assemblée</h2>
        {overdueCount > 0 && <span className="badge badge-overdue">{overdueCount} en retard</span>}
      </div>
      {formalities.isPending ? (
        <Loading />
      ) : formalities.isError ? (
        <QueryError message={errorMessage(formalities.error)} onRetry={() => void formalities.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">Aucune formalité en attente.</p>
      ) : (
        <ul className="plain-list formalities-list">
          {rows.map((row) => (
            <li key={row.id} className={row.overdue ? 'formality-overdue' : undefined}>
              <Link to={`/reunions/${row.meetingId}/assemblee`} className="formality-label">
                {row.label}
              </Link>
              <span className="muted small formality-meeting">
                {row.meetingTitle} du {formatDateLong(row.meetingDate)}
              </span>
              <span className={`small formality-due${row.overdue ? ' overdue' : ''}`}>
                {row.dueOn
                  ? row.overdue
                    ? `En retard : à faire avant le ${formatDateLong(row.dueOn)}`
                    : `À faire avant le ${formatDateLong(row.dueOn)}`
                  : 'Sans échéance'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
