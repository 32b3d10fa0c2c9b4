/** Debates and results, per point of the ordre du jour. */
import { useState } from 'react';
import type { AgResolutionRow, AgState, MeetingDetail } from '@shared/contract';
import { errorMessage } from '../../../api';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { useMeetingsWrite } from '../../meetings/queries';
import { looseResolutions, resolutionNumbers, resultBadgeClass, resultLabel } from '../agLabels';

export function Debates({ state, detail, disabled }: { state: AgState; detail: MeetingDetail; disabled: boolean }) {
  const toast = useToast();
  const save = useMeetingsWrite('meetings.saveAgenda');
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const numbers = resolutionNumbers(state.resolutions, detail.agenda);
  const loose = looseResolutions(state.resolutions, detail.agenda);
  const textOf = (item: MeetingDetail['agenda'][number]) => drafts[item.id] ?? item.minutes ?? '';
  const dirty = detail.agenda.some((item) => textOf(item) !== (item.minutes ?? ''));
  useUnsavedChangesGuard(dirty);

  const onSave = async () => {
    setError(null);
    try {
      // The agenda is saved as a whole: every point goes back with its id and title, only the summaries change.
      await save.mutateAsync({
        meetingId: detail.id,
        items: detail.agenda.map((item) => ({ id: item.id, title: item.title, minutes: textOf(item) })),
      });
      setDrafts({});
      toast.notify({ kind: 'success', message: 'Synthèse des débats enregistrée.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const results = (resolutions: AgResolutionRow[]) =>
    resolutions.length > 0 && (
      <ul className="ag-resolution-list">
        {resolutions.map((resolution) => (
          <li key={resolution.id} className="ag-resolution">
            <div className="ag-resolution-head">
              <h4 className="ag-resolution-title">
                Résolution n° {numbers.get(resolution.id)} : {resolution.title}
              </h4>
              <span className={resultBadgeClass(resolution)}>{resultLabel(resolution)}</span>
            </div>
            <p className="ag-resolution-majority small">
              <span className="badge">{resolution.kindLabel}</span> {resolution.majorityLabel}
            </p>
            {resolution.arithmetic ? (
              <p className="ag-arithmetic small">{resolution.arithmetic}</p>
            ) : (
              <p className="muted small">Pas encore de vote enregistré (onglet « Votes »).</p>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="ag-debats-titre">
      <h2 id="ag-debats-titre">Débats et résolutions</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {detail.agenda.length === 0 ? (
        <p className="muted">L’ordre du jour est vide : ajoutez ses points sur la page de la réunion.</p>
      ) : (
        <ol className="ag-agenda">
          {detail.agenda.map((item, index) => (
            <li key={item.id} className="ag-agenda-item">
              <h3 className="ag-agenda-title">
                <span className="ag-agenda-number">{index + 1}.</span> {item.title}
              </h3>
              <div className="field field-wide">
                <label htmlFor={`ag-debats-${item.id}`}>{`Synthèse des débats — point ${index + 1}`}</label>
                <textarea
                  id={`ag-debats-${item.id}`}
                  rows={4}
                  value={textOf(item)}
                  readOnly={disabled}
                  onChange={(event) => setDrafts((current) => ({ ...current, [item.id]: event.target.value }))}
                />
              </div>
              {results(state.resolutions.filter((resolution) => resolution.agendaItemId === item.id))}
            </li>
          ))}
        </ol>
      )}
      {loose.length > 0 && (
        <div className="ag-agenda-item ag-loose">
          <h3 className="ag-agenda-title">Autres résolutions</h3>
          {results(loose)}
        </div>
      )}
      {detail.agenda.length > 0 && !disabled && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void onSave()} disabled={save.isPending || !dirty}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer la synthèse des débats'}
          </button>
          {dirty && <span className="muted small">Modifications non enregistrées.</span>}
        </div>
      )}
    </section>
  );
}
