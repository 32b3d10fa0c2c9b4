import { useState } from 'react';
import type { MeetingDetail } from '@shared/contract';
import { errorMessage } from '../../api';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useMeetingsWrite } from './queries';

/** The general summary of the meeting, saved with the meeting itself. */
export function SummarySection({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const update = useMeetingsWrite('meetings.update');
  const [text, setText] = useState(detail.data.summary ?? '');
  const [error, setError] = useState<string | null>(null);
  const dirty = text !== (detail.data.summary ?? '');
  useUnsavedChangesGuard(dirty);

  const onSave = async () => {
    setError(null);
    try {
      await update.mutateAsync({ id: detail.id, data: { ...detail.data, summary: text } });
      toast.notify({ kind: 'success', message: 'Compte rendu enregistré.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="cr-titre">
      <h2 id="cr-titre">Compte rendu</h2>
      <div className={`field field-wide${error ? ' field-invalid' : ''}`}>
        <label htmlFor="cr-texte">Synthèse générale</label>
        <textarea
          id="cr-texte"
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={error ? 'cr-erreur' : undefined}
        />
        {error && (
          <p id="cr-erreur" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void onSave()} disabled={update.isPending}>
          {update.isPending ? 'Enregistrement…' : 'Enregistrer le compte rendu'}
        </button>
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </div>
    </section>
  );
}
