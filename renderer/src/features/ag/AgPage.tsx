import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { AgState } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { ApiCallError, errorMessage, useApiQuery } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { formatDay, timeRange } from '../meetings/labels';
import { AG_TABS, addDaysIso, isAgTab, secondConvocationDelay, sessionWord, type AgTab } from './agLabels';
import { CheckInTab } from './CheckInTab';
import { ConvocationTab } from './ConvocationTab';
import { ProxiesTab } from './ProxiesTab';
import { PvTab } from './PvTab';
import { useAgWrite } from './queries';
import { VotesTab } from './VotesTab';
import './ag.css';

function BackLink({ id, state }: { id: number; state?: AgState }) {
  return (
    <p className="back-link ag-back">
      <Link to={`/reunions/${id}`}>← Retour à la réunion</Link>
      {state?.firstRoundMeetingId != null && (
        <Link to={`/reunions/${state.firstRoundMeetingId}/assemblee`}>Voir la séance sur première convocation</Link>
      )}
      {state?.secondRoundMeetingId != null && (
        <Link to={`/reunions/${state.secondRoundMeetingId}/assemblee`}>Voir la séance sur deuxième convocation</Link>
      )}
    </p>
  );
}

/** /reunions/:id/assemblee — the workspace of a general assembly (or a CA / bureau deliberation). */
export function AgPage() {
  const params = useParams();
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Assemblée introuvable">
        <p className="back-link">
          <Link to="/reunions">← Calendrier des réunions</Link>
        </p>
        <QueryError message="Cette adresse ne correspond à aucune réunion." />
      </Page>
    );
  }
  return <AgLoader key={id} id={id} />;
}

function AgLoader({ id }: { id: number }) {
  const state = useApiQuery('ag.get', [{ meetingId: id }]);
  if (state.isPending) {
    return (
      <Page title="Assemblée">
        <BackLink id={id} />
        <Loading />
      </Page>
    );
  }
  if (state.isError) {
    return (
      <Page title="Assemblée">
        <BackLink id={id} />
        <QueryError
          message={errorMessage(state.error)}
          onRetry={
            state.error.code === 'not_found' || state.error.code === 'invalid_input'
              ? undefined
              : () => void state.refetch()
          }
        />
      </Page>
    );
  }
  return <AgWorkspace state={state.data} />;
}

function AgWorkspace({ state }: { state: AgState }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('onglet');
  const tab: AgTab = isAgTab(asked) ? asked : 'convocation';
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (code: AgTab) => {
    const next = new URLSearchParams(params);
    next.set('onglet', code);
    setParams(next, { replace: true });
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % AG_TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + AG_TABS.length) % AG_TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = AG_TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    select(AG_TABS[next]!.code);
    tabRefs.current[next]?.focus();
  };

  return (
    <Page title={`${state.typeLabel} — ${state.title}`} wide>
      <BackLink id={state.meetingId} state={state} />
      <AgStrip state={state} withQuorum={tab !== 'emargement' && tab !== 'votes'} />
      {state.secondConvocation.proposed && <SecondConvocationPanel state={state} />}
      <div
        className="tabs ag-tabs"
        role="tablist"
        aria-label={sessionWord(state.meetingType) === 'Séance' ? 'Étapes de la séance' : 'Étapes de l’assemblée'}
      >
        {AG_TABS.map((t, index) => (
          <button
            key={t.code}
            ref={(node) => {
              tabRefs.current[index] = node;
            }}
            type="button"
            role="tab"
            id={`ag-onglet-${t.code}`}
            aria-selected={tab === t.code}
            aria-controls={tab === t.code ? `ag-panneau-${t.code}` : undefined}
            tabIndex={tab === t.code ? 0 : -1}
            className={`tab${tab === t.code ? ' tab-active' : ''}`}
            onClick={() => select(t.code)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="card ag-panel" role="tabpanel" id={`ag-panneau-${tab}`} aria-labelledby={`ag-onglet-${tab}`}>
        {tab === 'convocation' && <ConvocationTab state={state} />}
        {tab === 'pouvoirs' && <ProxiesTab state={state} />}
        {tab === 'emargement' && <CheckInTab state={state} />}
        {tab === 'votes' && <VotesTab state={state} />}
        {tab === 'pv' && <PvTab state={state} />}
      </div>
    </Page>
  );
}

/**
 * Always visible: when, which round and where the quorum stands (this strip sticks to the top of the window; the
 * check-in panel sticks right under it), then which rules apply.
 */
/** `withQuorum: false` on the tabs whose own panel shows the quorum in full (check-in, votes). */
function AgStrip({ state, withQuorum = true }: { state: AgState; withQuorum?: boolean }) {
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  const data = meeting.data?.data;
  const quorum = state.quorum;
  const quorumBadge =
    quorum.required === null ? 'Aucun quorum requis' : quorum.met ? 'Quorum atteint' : 'Quorum non atteint';
  return (
    <>
      <section className="ag-strip" aria-label="Situation de la séance">
        <p className="ag-strip-when">
          <strong>{formatDay(state.date)}</strong>
          {data?.startTime ? `, ${timeRange(data.startTime, data.endTime)}` : ''}
          {data?.place ? ` · ${data.place}` : ''}{' '}
          {state.round === 2 ? (
            <span className="badge badge-warn">sur deuxième convocation</span>
          ) : (
            <span className="badge badge-muted">première convocation</span>
          )}
        </p>
        {withQuorum && (
          <p className={`ag-quorum ${quorum.met ? 'ag-quorum-met' : 'ag-quorum-missing'}`}>
            <span className={quorum.met ? 'badge badge-ok' : 'badge badge-warn'}>{quorumBadge}</span> {quorum.sentence}
          </p>
        )}
      </section>
      <div className="ag-rules-line small" role="group" aria-label="Règles statutaires appliquées">
        <p className="ag-rules">
          <span className="muted">Règles appliquées :</span> {state.rules.source ?? 'statuts de la CPTS'}
          {state.rules.effectiveFrom ? ` (en vigueur depuis le ${formatDateLong(state.rules.effectiveFrom)})` : ''}
        </p>
        {state.rules.isDefault && (
          <p className="ag-rules-default">
            <span aria-hidden="true">⚠ </span>
            Règles par défaut : saisissez celles de vos statuts dans <Link to="/parametres">Paramètres</Link>.
          </p>
        )}
      </div>
    </>
  );
}

/** After a first convocation without quorum, when the statuts allow it: convene the assembly again. */
function SecondConvocationPanel({ state }: { state: AgState }) {
  const navigate = useNavigate();
  const toast = useToast();
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  const create = useAgWrite('ag.createSecondConvocation');
  const [date, setDate] = useState(() => addDaysIso(state.date, secondConvocationDelay(state)));
  const [time, setTime] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  useUnsavedValuesGuard([date, time], state);
  const startTime = time ?? meeting.data?.data.startTime ?? '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    try {
      const created = await create.mutateAsync({ meetingId: state.meetingId, date, startTime: startTime || null });
      toast.notify({
        kind: 'success',
        message: `Assemblée sur deuxième convocation créée pour le ${formatDateLong(date)}.`,
      });
      navigate(`/reunions/${created.meetingId}/assemblee`);
    } catch (e) {
      if (e instanceof ApiCallError) setFieldErrors(e.fields);
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card ag-second" aria-labelledby="ag-second-titre">
      <h2 id="ag-second-titre">Quorum non atteint : deuxième convocation</h2>
      <p>{state.secondConvocation.message}</p>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <form className="ag-inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={`field${fieldErrors.date ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-second-date">Date de la deuxième assemblée</label>
          <input
            id="ag-second-date"
            type="date"
            value={date}
            aria-invalid={Boolean(fieldErrors.date)}
            aria-describedby={fieldErrors.date ? 'ag-second-date-erreur' : undefined}
            onChange={(event) => setDate(event.target.value)}
          />
          {fieldErrors.date && (
            <p id="ag-second-date-erreur" className="field-error">
              {fieldErrors.date}
            </p>
          )}
        </div>
        <div className={`field${fieldErrors.startTime ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-second-heure">Heure</label>
          <input id="ag-second-heure" type="time" value={startTime} onChange={(event) => setTime(event.target.value)} />
          {fieldErrors.startTime && <p className="field-error">{fieldErrors.startTime}</p>}
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Création de la deuxième assemblée…' : 'Convoquer l’assemblée sur deuxième convocation'}
        </button>
      </form>
      <p className="muted small">
        La nouvelle séance reprend l’ordre du jour et les résolutions (sans leurs votes). Les pouvoirs ne sont pas
        repris : chacun vaut pour la séance pour laquelle il a été donné.
      </p>
    </section>
  );
}
