/** The four figures of a vote counted in the room (one voice per member, or voix when the vote is weighted). */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api';
import { useUnsavedValuesGuard } from '../../../components/UnsavedChanges';
import { formatCount, pl } from '../QuorumPanel';
import { useAgMutation } from '../queries';
import { useEarlyVote } from './useEarlyVote';
import { FIELDS, parseCount, type Draft, type FormProps, type VoteKey } from './voteDraft';

export function VoteForm({ state, resolution, title, initial, focusFirst }: FormProps) {
  const id = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) firstRef.current?.focus();
    // Once, when the form appears.
  }, []);
  const mutation = useAgMutation('ag.recordVote');
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Partial<Record<VoteKey, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  useUnsavedValuesGuard([draft]);
  const weighted = state.weighted;
  const max = weighted ? state.quorum.presentOrRepresented.weight : state.quorum.presentOrRepresented.heads;

  const values = Object.fromEntries(FIELDS.map(({ key }) => [key, parseCount(draft[key])])) as Record<
    VoteKey,
    number | null
  >;
  const valueOf = (key: VoteKey) => {
    const value = values[key];
    return value === null || Number.isNaN(value) ? 0 : value;
  };
  const total = valueOf('pour') + valueOf('contre') + valueOf('abstention') + valueOf('blanc');
  const expressed = valueOf('pour') + valueOf('contre');
  const over = total > max + 1e-9;
  const unit = weighted ? 'voix' : pl(total, 'vote', 'votes');

  const early = useEarlyVote(state);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const next: Partial<Record<VoteKey, string>> = {};
    for (const field of FIELDS) {
      const value = values[field.key];
      if (value === null) {
        if (field.required) next[field.key] = `${field.label} : indiquez un nombre (0 s’il n’y en a pas).`;
      } else if (Number.isNaN(value)) {
        next[field.key] =
          `${field.label} : un nombre positif est attendu${weighted ? ' (par exemple 12 ou 12,5)' : ''}.`;
      } else if (!weighted && !Number.isInteger(value)) {
        next[field.key] = `${field.label} : un nombre entier est attendu (une voix par membre).`;
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    early.run(async (confirmedBeforeDate) => {
      try {
        await mutation.mutateAsync({
          meetingId: state.meetingId,
          resolutionId: resolution.id,
          pour: valueOf('pour'),
          contre: valueOf('contre'),
          abstention: valueOf('abstention'),
          blanc: valueOf('blanc'),
          confirmedBeforeDate,
        });
      } catch (error) {
        const fields = (error as { fields?: Record<string, string> }).fields ?? {};
        setErrors({ pour: fields.pour, contre: fields.contre, abstention: fields.abstention, blanc: fields.blanc });
        setRefusal(errorMessage(error));
      }
    });
  };

  return (
    <form className="agl-vote-form" onSubmit={submit} noValidate aria-label={`Décompte des voix — ${title}`}>
      <div className="agl-vote-fields">
        {FIELDS.map((field) => {
          const fieldId = `${id}-${field.key}`;
          const error = errors[field.key];
          return (
            <div key={field.key} className={`field agl-vote-field${error ? ' field-invalid' : ''}`}>
              <div className="field-label">
                <label htmlFor={fieldId}>{field.label}</label>
              </div>
              <input
                ref={field.key === 'pour' ? firstRef : undefined}
                id={fieldId}
                type="text"
                inputMode={weighted ? 'decimal' : 'numeric'}
                autoComplete="off"
                className="agl-vote-input"
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${fieldId}-erreur` : `${id}-aide`}
                value={draft[field.key]}
                placeholder={field.required ? '' : '0'}
                onChange={(event) => {
                  setDraft({ ...draft, [field.key]: event.target.value });
                  setRefusal(null);
                }}
              />
              {error && (
                <p id={`${fieldId}-erreur`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p id={`${id}-aide`} className={`agl-vote-helper${over ? ' agl-vote-over' : ''}`} aria-live="polite">
        <span>
          Voix exprimées (pour + contre) : <strong>{formatCount(expressed)}</strong>
        </span>
        <span>
          Total saisi : <strong>{formatCount(total)}</strong> {unit} sur <strong>{formatCount(max)}</strong>{' '}
          {weighted
            ? 'voix présentes ou représentées'
            : pl(max, 'membre présent ou représenté', 'membres présents ou représentés')}
        </span>
        {over && (
          <span className="agl-vote-warning">
            {weighted
              ? 'Plus de voix saisies que de voix présentes ou représentées : vérifiez le décompte.'
              : 'Plus de votes que de membres présents ou représentés : vérifiez le décompte.'}
          </span>
        )}
      </p>
      <div className="agl-vote-actions">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? 'Enregistrement…' : 'Enregistrer le vote'}
        </button>
        {refusal && (
          <p className="alert alert-error agl-refusal" role="alert">
            {refusal}
          </p>
        )}
      </div>
      {early.dialog}
    </form>
  );
}
