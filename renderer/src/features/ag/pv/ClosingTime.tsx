/** The closing time of the session (the meeting's end time). */
import { useState, type FormEvent } from 'react';
import type { MeetingDetail } from '@shared/contract';
import { ApiCallError, errorMessage } from '../../../api';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { withoutPrefix } from '../../meetings/labels';
import { useMeetingsWrite } from '../../meetings/queries';

export function ClosingTime({ detail, disabled }: { detail: MeetingDetail; disabled: boolean }) {
  const toast = useToast();
  const update = useMeetingsWrite('meetings.update');
  const [endTime, setEndTime] = useState(detail.data.endTime ?? '');
  const [error, setError] = useState<string | null>(null);
  const dirty = endTime !== (detail.data.endTime ?? '');
  useUnsavedChangesGuard(dirty);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({ id: detail.id, data: { ...detail.data, endTime: endTime || null } });
      toast.notify({
        kind: 'success',
        message: endTime ? 'Heure de clôture enregistrée.' : 'Heure de clôture effacée.',
      });
    } catch (e) {
      const fixed = withoutPrefix(e, 'data.');
      setError(fixed instanceof ApiCallError ? (fixed.fields.endTime ?? fixed.message) : errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="ag-cloture-titre">
      <h2 id="ag-cloture-titre">Clôture de la séance</h2>
      <form className="ag-inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-cloture">Heure de clôture</label>
          <input
            id="ag-cloture"
            type="time"
            value={endTime}
            readOnly={disabled}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'ag-cloture-erreur' : 'ag-cloture-aide'}
            onChange={(event) => setEndTime(event.target.value)}
          />
          {error && (
            <p id="ag-cloture-erreur" className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {!disabled && (
          <button type="submit" className="button button-secondary" disabled={update.isPending || !dirty}>
            {update.isPending ? 'Enregistrement…' : 'Enregistrer l’heure de clôture'}
          </button>
        )}
      </form>
      <p id="ag-cloture-aide" className="muted small">
        C’est l’heure de fin de la réunion : le procès-verbal indique « L’ordre du jour étant épuisé, la séance est
        levée à … ».
      </p>
    </section>
  );
}
