import {
  addMonths,
  eachDayOfInterval,
  endOfMonth,
  endOfWeek,
  format,
  isSameMonth,
  parseISO,
  startOfWeek,
} from 'date-fns';
import { fr } from 'date-fns/locale';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { MeetingListRow } from '@shared/contract';
import { MEETING_TYPES, type MeetingType } from '@shared/domain/meetings';
import { plural, toIsoDate } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useRememberedState } from '../../components/UiState';
import { formatDay, formatTime, MEETING_STATUS_LABEL, timeRange, typeShort } from './labels';
import './meetings.css';
import { CodeOptions } from './CodeOptions';
import { useMeetings, useMeetingsWrite } from './queries';

const WEEKDAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

/** /reunions — the calendar of meetings, by month or as a list. */
export function MeetingsPage() {
  const [params] = useSearchParams();
  const initialMonth = /^\d{4}-\d{2}$/.test(params.get('mois') ?? '')
    ? params.get('mois')!
    : format(new Date(), 'yyyy-MM');
  const [month, setMonth] = useRememberedState('reunions.mois', initialMonth);
  const [view, setView] = useRememberedState<'mois' | 'liste'>('reunions.vue', 'mois');
  const [typeFilter, setTypeFilter] = useRememberedState('reunions.type', '');
  const toast = useToast();

  const monthStart = parseISO(`${month}-01`);
  const gridStart = startOfWeek(monthStart, { weekStartsOn: 1 });
  const gridEnd = endOfWeek(endOfMonth(monthStart), { weekStartsOn: 1 });
  const range = view === 'mois' ? { from: toIsoDate(gridStart), to: toIsoDate(gridEnd) } : {};
  const meetings = useMeetings(range);
  const exportIcs = useMeetingsWrite('meetings.exportIcs');

  const rows = useMemo(
    () => (meetings.data ?? []).filter((row) => !typeFilter || row.type === typeFilter),
    [meetings.data, typeFilter],
  );

  const exportPeriod = (): { from: string; to: string } | null => {
    if (view === 'mois') return { from: toIsoDate(monthStart), to: toIsoDate(endOfMonth(monthStart)) };
    if (rows.length === 0) return null;
    const dates = rows.map((row) => row.date).sort();
    return { from: dates[0]!, to: dates[dates.length - 1]! };
  };

  const onExport = () => {
    const period = exportPeriod();
    if (!period) return;
    exportIcs.mutate(typeFilter ? { ...period, type: typeFilter as MeetingType } : period, {
      onSuccess: (result) => {
        if (result.saved) toast.notify({ kind: 'success', message: `Calendrier enregistré : ${result.path}` });
        else toast.notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
      },
      onError: (error) =>
        toast.notify({ kind: 'error', message: `Le calendrier n’a pas été exporté : ${errorMessage(error)}` }),
    });
  };

  return (
    <Page
      title="Réunions"
      intro="Instances, commissions, RCP : l’ordre du jour, les présents, les décisions et leur suivi."
      wide
    >
      <div className="page-actions">
        <Link to="/reunions/nouvelle" className="button">
          Nouvelle réunion
        </Link>
        <button
          type="button"
          className="button button-secondary"
          onClick={onExport}
          disabled={exportIcs.isPending || !exportPeriod()}
        >
          Exporter en .ics
        </button>
        <Link to="/reunions/decisions" className="page-actions-link">
          Suivi des décisions
        </Link>
      </div>

      <div className="card toolbar-card calendar-toolbar">
        <div className="view-switch" role="group" aria-label="Affichage">
          <button
            type="button"
            className={`button button-small${view === 'mois' ? '' : ' button-secondary'}`}
            aria-pressed={view === 'mois'}
            onClick={() => setView('mois')}
          >
            Mois
          </button>
          <button
            type="button"
            className={`button button-small${view === 'liste' ? '' : ' button-secondary'}`}
            aria-pressed={view === 'liste'}
            onClick={() => setView('liste')}
          >
            Liste
          </button>
        </div>
        {view === 'mois' && (
          <div className="month-nav">
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label="Mois précédent"
              onClick={() => setMonth(format(addMonths(monthStart, -1), 'yyyy-MM'))}
            >
              ‹
            </button>
            <h2 className="month-title" aria-live="polite">
              {capitalise(format(monthStart, 'MMMM yyyy', { locale: fr }))}
            </h2>
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label="Mois suivant"
              onClick={() => setMonth(format(addMonths(monthStart, 1), 'yyyy-MM'))}
            >
              ›
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => setMonth(format(new Date(), 'yyyy-MM'))}
            >
              Aujourd’hui
            </button>
          </div>
        )}
        <div className="inline-field">
          <label htmlFor="reunions-type">Type</label>
          <select id="reunions-type" value={typeFilter} onChange={(event) => setTypeFilter(event.target.value)}>
            <option value="">Tous les types</option>
            <CodeOptions items={MEETING_TYPES} />
          </select>
        </div>
      </div>

      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <QueryError message={errorMessage(meetings.error)} onRetry={() => void meetings.refetch()} />
      ) : view === 'mois' ? (
        <MonthGrid monthStart={monthStart} days={eachDayOfInterval({ start: gridStart, end: gridEnd })} rows={rows} />
      ) : (
        <MeetingList rows={rows} />
      )}
    </Page>
  );
}

function MonthGrid({ monthStart, days, rows }: { monthStart: Date; days: Date[]; rows: MeetingListRow[] }) {
  const today = toIsoDate(new Date());
  const byDay = new Map<string, MeetingListRow[]>();
  for (const row of rows) byDay.set(row.date, [...(byDay.get(row.date) ?? []), row]);
  const weeks: Date[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));

  return (
    <table className="calendar" aria-label={`Calendrier de ${format(monthStart, 'MMMM yyyy', { locale: fr })}`}>
      <thead>
        <tr>
          {WEEKDAYS.map((day, index) => (
            <th key={day} scope="col" abbr={WEEKDAY_NAMES[index]}>
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={toIsoDate(week[0]!)}>
            {week.map((day) => {
              const iso = toIsoDate(day);
              const dayRows = byDay.get(iso) ?? [];
              const classes = [
                'calendar-day',
                isSameMonth(day, monthStart) ? '' : 'calendar-other',
                iso === today ? 'calendar-today' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td key={iso} className={classes} data-date={iso} aria-current={iso === today ? 'date' : undefined}>
                  <span className="calendar-date" aria-label={formatDay(iso)}>
                    {format(day, 'd')}
                  </span>
                  <ul className="calendar-chips">
                    {dayRows.map((row) => (
                      <li key={row.id}>
                        <Link
                          to={`/reunions/${row.id}`}
                          className={`chip chip-${row.type}${row.status === 'annulee' ? ' chip-cancelled' : ''}`}
                          title={`${row.typeLabel} — ${row.title}${row.place ? ` — ${row.place}` : ''}`}
                        >
                          <span className="chip-type">{typeShort(row.type)}</span>
                          {row.startTime && <span className="chip-time"> {formatTime(row.startTime)}</span>}
                          <span className="chip-title"> {row.title}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeetingList({ rows }: { rows: MeetingListRow[] }) {
  const today = toIsoDate(new Date());
  const upcoming = rows
    .filter((row) => row.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  const past = rows
    .filter((row) => row.date < today)
    .sort((a, b) => b.date.localeCompare(a.date) || (b.startTime ?? '').localeCompare(a.startTime ?? ''));
  if (rows.length === 0) {
    return (
      <div className="card">
        <p>
          Aucune réunion pour l’instant. <Link to="/reunions/nouvelle">Créez la première</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <MeetingGroup title="À venir" rows={upcoming} empty="Aucune réunion à venir." />
      <MeetingGroup title="Passées" rows={past} empty="Aucune réunion passée." />
    </div>
  );
}

function MeetingGroup({ title, rows, empty }: { title: string; rows: MeetingListRow[]; empty: string }) {
  const months: { key: string; rows: MeetingListRow[] }[] = [];
  for (const row of rows) {
    const key = row.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else months.push({ key, rows: [row] });
  }
  return (
    <section className="card" aria-label={`Réunions ${title.toLowerCase()}`}>
      <h2>{title}</h2>
      {rows.length === 0 && <p className="muted">{empty}</p>}
      {months.map((group) => (
        <div key={group.key} className="meeting-month">
          <h3>{capitalise(format(parseISO(`${group.key}-01`), 'MMMM yyyy', { locale: fr }))}</h3>
          <ul className="meeting-list">
            {group.rows.map((row) => (
              <li key={row.id} className="meeting-row">
                <span className={`chip chip-${row.type}`}>{typeShort(row.type)}</span>
                <div className="meeting-row-main">
                  <Link to={`/reunions/${row.id}`} className="meeting-row-title">
                    {row.title}
                  </Link>
                  <span className="muted small">
                    {capitalise(formatDay(row.date))}
                    {row.startTime ? `, ${timeRange(row.startTime, row.endTime)}` : ''}
                    {row.place ? ` · ${row.place}` : ''}
                  </span>
                </div>
                <span className="meeting-row-facts small">
                  {row.status !== 'prevue' && (
                    <span className={`badge${row.status === 'annulee' ? ' badge-warn' : ' badge-muted'}`}>
                      {MEETING_STATUS_LABEL[row.status]}
                    </span>
                  )}
                  {row.presentCount > 0 && <span>{plural(row.presentCount, 'présent')}</span>}
                  {row.type === 'rcp' && <span>{plural(row.caseCount, 'cas', 'cas')}</span>}
                  {row.openDecisions > 0 && (
                    <span>{plural(row.openDecisions, 'décision ouverte', 'décisions ouvertes')}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
