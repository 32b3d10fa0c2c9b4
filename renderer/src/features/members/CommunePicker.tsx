import { useEffect, useState } from 'react';
import type { CommuneHit } from '@shared/contract';
import { errorMessage } from '../../api';
import { Combobox } from '../../components/Combobox';
import type { ControlProps } from '../../components/Field';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { SEARCH_DEBOUNCE_MS } from '../territory/CommuneSearch';
import { useCommuneSearch } from '../territory/queries';

const LIMIT = 12;

/** « Eybens (38158) » */
export const communeLabel = (name: string | null | undefined, code: string) => (name ? `${name} (${code})` : code);

interface Props {
  control: ControlProps;
  /** INSEE code currently chosen ('' for none). */
  code: string;
  /** What to show for that code (« Eybens (38158) »). */
  label: string;
  onSelect: (hit: CommuneHit | null) => void;
  /** True while some text is typed but no commune of the list was chosen. */
  onPendingChange: (pending: boolean) => void;
}

/**
 * A commune chosen by name, postcode or INSEE code among the reference communes: the form keeps the INSEE code,
 * the box shows « Eybens (38158) ». Emptying the box removes the commune.
 */
export function CommunePicker({ control, code, label, onSelect, onPendingChange }: Props) {
  const listId = `${control.id}-liste`;
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [focused, setFocused] = useState(false);
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = editing && term.length > 0;
  const search = useCommuneSearch(term, LIMIT, { enabled, staleTime: 30_000 });
  const hits = enabled && query.trim() !== '' ? (search.data ?? []) : [];
  const open = editing && focused && hits.length > 0;
  const pending = editing && query.trim() !== '';

  useEffect(() => onPendingChange(pending), [pending, onPendingChange]);

  const leave = () => {
    setEditing(false);
    setQuery('');
  };

  const settled = enabled && search.isSuccess && !search.isPlaceholderData && term === query.trim();

  return (
    <div className="commune-picker">
      <Combobox
        listId={listId}
        listLabel="Communes proposées"
        listClassName="picker-results"
        inputProps={{ ...control, placeholder: 'Nom, code postal ou code INSEE' }}
        value={editing ? query : code ? label : ''}
        onChange={(text) => {
          if (text.trim() === '') {
            leave();
            if (code) onSelect(null);
            return;
          }
          setEditing(true);
          setQuery(text);
        }}
        options={hits}
        open={open}
        searching={editing}
        resetKey={term}
        getKey={(hit) => hit.code}
        renderOption={(hit) => (
          <>
            <span className="option-text">
              {communeLabel(hit.nom, hit.code)} — {hit.departementNom}
              {hit.codesPostaux.length > 0 && <span className="muted"> — {hit.codesPostaux.join(', ')}</span>}
            </span>
            {hit.inTerritory && <span className="badge">territoire</span>}
          </>
        )}
        onChoose={(hit) => {
          onSelect(hit);
          leave();
        }}
        onEscape={leave}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        status={
          <>
            {pending && !focused && (
              <p className="field-hint">Choisissez une commune dans la liste pour l’enregistrer.</p>
            )}
            {settled && hits.length === 0 && (
              <p className="field-hint" role="status">
                Aucune commune ne correspond à « {term} ».
              </p>
            )}
            {enabled && search.isError && (
              <p className="field-error" role="alert">
                {errorMessage(search.error)}
              </p>
            )}
          </>
        }
      />
    </div>
  );
}
