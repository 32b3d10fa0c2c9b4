/** The ordre du jour with its resolutions: add, edit, delete, and those attached to no point. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AgResolutionRow, AgState, MeetingDetail } from '@shared/contract';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { looseResolutions, resolutionNumbers } from '../agLabels';
import { useAgMutation } from '../queries';
import { ResolutionForm } from './ResolutionForm';

type Editing = { resolution: AgResolutionRow } | { newFor: number | null } | null;

export function AgendaResolutions({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useConfirmedDelete(useAgMutation('ag.deleteResolution'), {
    title: () => 'Supprimer la résolution ?',
    confirmLabel: 'Supprimer la résolution',
    input: (resolution: AgResolutionRow) => ({ meetingId: state.meetingId, id: resolution.id }),
    deletedMessage: (resolution) => `Résolution « ${resolution.title} » supprimée.`,
    body: (resolution) => (
      <p>
        « {resolution.title} » sera retirée de l’ordre du jour{resolution.votes ? ', avec le résultat de son vote' : ''}
        . Cette action est définitive.
      </p>
    ),
  });
  const approved = state.pv.status === 'approuve';
  const numbers = resolutionNumbers(state.resolutions, detail.agenda);
  const loose = looseResolutions(state.resolutions, detail.agenda);

  const form = (agendaItemId: number | null, row: AgResolutionRow | null) => (
    <ResolutionForm
      key={row ? `r-${row.id}` : `new-${agendaItemId ?? 'x'}`}
      state={state}
      detail={detail}
      row={row}
      agendaItemId={agendaItemId}
      onDone={() => setEditing(null)}
    />
  );

  const list = (resolutions: AgResolutionRow[]) =>
    resolutions.length === 0 ? (
      <p className="muted small ag-no-resolution">Aucune résolution soumise au vote sur ce point.</p>
    ) : (
      <ul className="ag-resolution-list">
        {resolutions.map((resolution) =>
          editing && 'resolution' in editing && editing.resolution.id === resolution.id ? (
            <li key={resolution.id}>{form(resolution.agendaItemId, resolution)}</li>
          ) : (
            <li key={resolution.id} className="ag-resolution">
              <div className="ag-resolution-head">
                <h4 className="ag-resolution-title">
                  Résolution n° {numbers.get(resolution.id)} : {resolution.title}
                </h4>
                {!approved && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={`Modifier la résolution « ${resolution.title} »`}
                      onClick={() => setEditing({ resolution })}
                    >
                      Modifier
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Supprimer la résolution « ${resolution.title} »`}
                      onClick={() => remove.ask(resolution)}
                    >
                      Supprimer
                    </button>
                  </span>
                )}
              </div>
              <p className="ag-resolution-text">{resolution.text}</p>
              <p className="ag-resolution-majority small">
                <span className="badge">{resolution.kindLabel}</span> {resolution.majorityLabel}
                {resolution.votes && <span className="muted"> · déjà votée</span>}
              </p>
            </li>
          ),
        )}
      </ul>
    );

  const addButton = (agendaItemId: number | null, label: string) =>
    editing && 'newFor' in editing && editing.newFor === agendaItemId
      ? form(agendaItemId, null)
      : !approved && (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={label}
            onClick={() => setEditing({ newFor: agendaItemId })}
          >
            Ajouter une résolution
          </button>
        );

  return (
    <section aria-labelledby="ag-odj-titre">
      <div className="card-header">
        <h2 id="ag-odj-titre">Ordre du jour et résolutions</h2>
        <Link className="card-link" to={`/reunions/${state.meetingId}`}>
          Modifier les points de l’ordre du jour (page de la réunion)
        </Link>
      </div>
      {approved && (
        <p className="alert alert-warning">
          Le procès-verbal est approuvé : rouvrez-le en brouillon (onglet « Procès-verbal ») pour modifier les
          résolutions.
        </p>
      )}
      {detail.agenda.length === 0 ? (
        <p className="muted">
          L’ordre du jour est vide : ajoutez ses points sur{' '}
          <Link to={`/reunions/${state.meetingId}`}>la page de la réunion</Link>, puis revenez ici pour rédiger les
          résolutions.
        </p>
      ) : (
        <ol className="ag-agenda">
          {detail.agenda.map((item, index) => (
            <li key={item.id} className="ag-agenda-item">
              <h3 className="ag-agenda-title">
                <span className="ag-agenda-number">{index + 1}.</span> {item.title}
              </h3>
              {list(state.resolutions.filter((resolution) => resolution.agendaItemId === item.id))}
              <div className="ag-agenda-add">
                {addButton(item.id, `Ajouter une résolution au point ${index + 1} : ${item.title}`)}
              </div>
            </li>
          ))}
        </ol>
      )}
      {(loose.length > 0 || detail.agenda.length === 0) && (
        <div className="ag-agenda-item ag-loose">
          <h3 className="ag-agenda-title">Résolutions rattachées à aucun point</h3>
          {list(loose)}
          <div className="ag-agenda-add">{addButton(null, 'Ajouter une résolution rattachée à aucun point')}</div>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}
