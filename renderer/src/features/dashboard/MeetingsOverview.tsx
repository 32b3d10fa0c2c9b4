import { Link } from 'react-router-dom';
import { toIsoDate } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { formatDay, formatTime, typeShort } from '../meetings/labels';
import { useMeetingsFrom, useOverdueDecisions } from './queries';

/** « Prochaines réunions » (the next three) and the count of overdue decisions. */
export function MeetingsOverview() {
  const today = toIsoDate(new Date());
  const meetings = useMeetingsFrom(today);
  const overdue = useOverdueDecisions();
  const next = (meetings.data ?? [])
    .filter((row) => row.status !== 'annulee' && row.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''))
    .slice(0, 3);
  const overdueCount = overdue.data?.length ?? 0;

  return (
    <section className="card" aria-labelledby="tdb-reunions">
      <div className="card-header">
        <h2 id="tdb-reunions">Prochaines réunions</h2>
        <Link to="/reunions" className="card-link">
          Voir le calendrier
        </Link>
      </div>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <QueryError message={errorMessage(meetings.error)} onRetry={() => void meetings.refetch()} />
      ) : next.length === 0 ? (
        <p>
          Aucune réunion prévue. <Link to="/reunions/nouvelle">Planifiez la prochaine</Link>.
        </p>
      ) : (
        <ul className="plain-list upcoming-meetings">
          {next.map((row) => (
            <li key={row.id}>
              <span className={`chip chip-${row.type}`}>{typeShort(row.type)}</span>{' '}
              <Link to={`/reunions/${row.id}`}>{row.title}</Link>{' '}
              <span className="muted small">
                {formatDay(row.date)}
                {row.startTime ? `, ${formatTime(row.startTime)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {overdue.isSuccess && (
        <p className={overdueCount > 0 ? 'overdue-line' : 'muted small'}>
          {overdueCount === 0 ? (
            'Aucune décision en retard.'
          ) : (
            <Link to="/reunions/decisions?onglet=en_retard">
              {overdueCount} décision{overdueCount > 1 ? 's' : ''} en retard
            </Link>
          )}
        </p>
      )}
    </section>
  );
}
