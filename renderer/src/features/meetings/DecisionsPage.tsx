import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DecisionRow } from '@shared/contract';
import { DECISION_STATUSES } from '@shared/domain/meetings';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useRememberedState } from '../../components/UiState';
import './meetings.css';
import { CodeOptions } from './CodeOptions';
import { useDecisions, useMeetingsWrite } from './queries';

type Tab = 'ouvertes' | 'en_retard' | 'faites' | 'toutes';
const TABS: { code: Tab; label: string }[] = [
  { code: 'ouvertes', label: 'Ouvertes' },
  { code: 'en_retard', label: 'En retard' },
  { code: 'faites', label: 'Faites' },
  { code: 'toutes', label: 'Toutes' },
];

/** /reunions/decisions — the decisions of every meeting and where they stand. */
export function DecisionsPage() {
  const [tab, setTab] = useRememberedState<Tab>('decisions.onglet', 'ouvertes');
  const [params] = useSearchParams();
  const asked = params.get('onglet');
  useEffect(() => {
    if (asked && TABS.some((t) => t.code === asked)) setTab(asked as Tab);
  }, [asked, setTab]);
  const list = useDecisions(tab);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + TABS.length) % TABS.length;
    setTab(TABS[next]!.code);
    tabRefs.current[next]?.focus();
  };

  return (
    <Page
      title="Suivi des décisions"
      intro="Les décisions de toutes les réunions : qui s’en charge, pour quand, où elles en sont."
      wide
    >
      <p className="back-link">
        <Link to="/reunions">← Calendrier des réunions</Link>
      </p>
      <div className="tabs" role="tablist" aria-label="Décisions à afficher">
        {TABS.map((t, index) => (
          <button
            key={t.code}
            ref={(node) => {
              tabRefs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={`onglet-${t.code}`}
            aria-selected={tab === t.code}
            aria-controls="decisions-panneau"
            tabIndex={tab === t.code ? 0 : -1}
            className={`tab${tab === t.code ? ' tab-active' : ''}`}
            onClick={() => setTab(t.code)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="card" role="tabpanel" id="decisions-panneau" aria-labelledby={`onglet-${tab}`}>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <DataTable
            rows={list.data}
            rowKey={(row) => row.id}
            empty={tab === 'en_retard' ? 'Aucune décision en retard.' : 'Aucune décision.'}
            scroll
            columns={[
              { header: 'Décision' },
              { header: 'Réunion' },
              { header: 'Responsable' },
              { header: 'Échéance' },
              { header: 'État' },
            ]}
            renderRow={(row) => <DecisionLine row={row} />}
          />
        )}
      </div>
    </Page>
  );
}

function DecisionLine({ row }: { row: DecisionRow }) {
  const save = useMeetingsWrite('decisions.save');
  const toast = useToast();
  const onStatus = (status: string) =>
    save.mutate(
      {
        id: row.id,
        meetingId: row.meetingId,
        agendaItemId: row.agendaItemId,
        text: row.text,
        ownerMemberId: row.ownerMemberId,
        ownerLabel: row.ownerMemberId ? null : row.owner,
        dueOn: row.dueOn,
        status,
      },
      {
        onSuccess: () =>
          toast.notify({ kind: 'success', message: 'État de la décision enregistré.', key: 'decision-etat' }),
        onError: (error) =>
          toast.notify({ kind: 'error', message: `L’état n’a pas été enregistré : ${errorMessage(error)}` }),
      },
    );
  return (
    <tr className={row.overdue ? 'row-overdue' : undefined}>
      <td>{row.text}</td>
      <td>
        <Link to={`/reunions/${row.meetingId}`}>{row.meetingTitle}</Link>
        <span className="cell-sub cell-sub-block">{formatDateLong(row.meetingDate)}</span>
      </td>
      <td>{row.owner ?? '—'}</td>
      <td className={row.overdue ? 'overdue' : undefined}>
        {row.dueOn ? formatDateLong(row.dueOn) : '—'}
        {row.overdue && <span className="badge badge-warn overdue-badge">en retard</span>}
      </td>
      <td>
        <select
          aria-label={`État de « ${row.text} »`}
          value={row.status}
          disabled={save.isPending}
          onChange={(event) => onStatus(event.target.value)}
        >
          <CodeOptions items={DECISION_STATUSES} />
        </select>
      </td>
    </tr>
  );
}
