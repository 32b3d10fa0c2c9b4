import { useState } from 'react';
import type { MeetingDetail } from '@shared/contract';
import { ApiCallError, errorMessage } from '../../api';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useMeetingsWrite } from './queries';

interface Item {
  key: number;
  id: number | null;
  title: string;
  minutes: string;
}

let nextKey = 1;
const toItems = (detail: MeetingDetail): Item[] =>
  detail.agenda.map((a) => ({ key: nextKey++, id: a.id, title: a.title, minutes: a.minutes ?? '' }));

/** The ordered points of the agenda, each with its « relevé »; saved as a whole. */
export function AgendaSection({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const [items, setItems] = useState<Item[]>(() => toItems(detail));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMeetingsWrite('meetings.saveAgenda');
  useUnsavedChangesGuard(dirty);

  const change = (next: Item[]) => {
    setItems(next);
    setDirty(true);
  };
  const update = (key: number, patch: Partial<Item>) =>
    change(items.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  const move = (index: number, delta: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    change(next);
  };
  const add = () => {
    const key = nextKey++;
    change([...items, { key, id: null, title: '', minutes: '' }]);
    window.setTimeout(() => document.getElementById(`odj-titre-${key}`)?.focus(), 0);
  };

  const onSave = async () => {
    setFormError(null);
    const local: Record<string, string> = {};
    items.forEach((item, index) => {
      if (!item.title.trim()) local[`items.${index}.title`] = 'Chaque point de l’ordre du jour a un intitulé.';
    });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const saved = await save.mutateAsync({
        meetingId: detail.id,
        items: items.map((item) => ({ id: item.id, title: item.title, minutes: item.minutes })),
      });
      setItems(toItems(saved));
      setDirty(false);
      toast.notify({ kind: 'success', message: 'Ordre du jour enregistré.' });
    } catch (error) {
      if (error instanceof ApiCallError) setErrors(error.fields);
      setFormError(errorMessage(error));
    }
  };

  return (
    <section className="card" aria-labelledby="odj-titre">
      <div className="card-header">
        <h2 id="odj-titre">Ordre du jour</h2>
      </div>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      {items.length === 0 ? (
        <p className="muted">Aucun point pour l’instant.</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, index) => {
            const titleError = errors[`items.${index}.title`];
            const minutesError = errors[`items.${index}.minutes`];
            return (
              <li key={item.key} className="agenda-item">
                <div className="agenda-item-head">
                  <div className={`field field-wide${titleError ? ' field-invalid' : ''}`}>
                    <label htmlFor={`odj-titre-${item.key}`}>{`Point ${index + 1}`}</label>
                    <input
                      id={`odj-titre-${item.key}`}
                      type="text"
                      value={item.title}
                      aria-invalid={Boolean(titleError)}
                      aria-describedby={titleError ? `odj-titre-${item.key}-erreur` : undefined}
                      onChange={(event) => update(item.key, { title: event.target.value })}
                    />
                    {titleError && (
                      <p id={`odj-titre-${item.key}-erreur`} className="field-error">
                        {titleError}
                      </p>
                    )}
                  </div>
                  <div className="agenda-item-actions">
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Monter le point ${index + 1}`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Descendre le point ${index + 1}`}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      aria-label={`Retirer le point ${index + 1}`}
                      onClick={() => change(items.filter((x) => x.key !== item.key))}
                    >
                      Retirer
                    </button>
                  </div>
                </div>
                <div className={`field field-wide${minutesError ? ' field-invalid' : ''}`}>
                  <label htmlFor={`odj-releve-${item.key}`}>{`Relevé du point ${index + 1}`}</label>
                  <textarea
                    id={`odj-releve-${item.key}`}
                    rows={3}
                    value={item.minutes}
                    onChange={(event) => update(item.key, { minutes: event.target.value })}
                  />
                  {minutesError && <p className="field-error">{minutesError}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={add}>
          Ajouter un point
        </button>
        <button type="button" className="button" onClick={() => void onSave()} disabled={save.isPending}>
          {save.isPending ? 'Enregistrement…' : 'Enregistrer l’ordre du jour'}
        </button>
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </div>
    </section>
  );
}
