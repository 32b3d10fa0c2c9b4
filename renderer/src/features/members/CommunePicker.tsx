import { useEffect, useState, type KeyboardEvent } from 'react';
import type { CommuneHit } from '@shared/contract';
import { errorMessage } from '../../api';
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
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(false);
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = editing && term.length > 0;
  const search = useCommuneSearch(term, LIMIT, { enabled, staleTime: 30_000 });
  const hits = enabled && query.trim() !== '' ? (search.data ?? []) : [];
  const open = editing && focused && hits.length > 0;
  const pending = editing && query.trim() !== '';

  useEffect(() => onPendingChange(pending), [pending, onPendingChange]);
  useEffect(() => setActive(-1), [term]);

  const choose = (hit: CommuneHit | undefined) => {
    if (!hit) return;
    onSelect(hit);
    setEditing(false);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter' && editing) {
      // Never submit the form from here: Enter chooses the highlighted commune (or the only one).
      event.preventDefault();
      choose(hits[active >= 0 ? active : hits.length === 1 ? 0 : -1]);
    } else if (event.key === 'Escape' && editing) {
      event.preventDefault();
      event.stopPropagation();
      setEditing(false);
      setQuery('');
    }
  };

  const settled = enabled && search.isSuccess && !search.isPlaceholderData && term === query.trim();

  return (
    <div className="commune-picker">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Nom, code postal ou code INSEE"
        value={editing ? query : code ? label : ''}
        onChange={(event) => {
          const text = event.target.value;
          if (text.trim() === '') {
            setEditing(false);
            setQuery('');
            if (code) onSelect(null);
            return;
          }
          setEditing(true);
          setQuery(text);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
      {pending && !focused && <p className="field-hint">Choisissez une commune dans la liste pour l’enregistrer.</p>}
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
      <ul
        id={listId}
        role="listbox"
        aria-label="Communes proposées"
        className="search-results picker-results"
        hidden={!open}
      >
        {hits.map((hit, index) => (
          <li
            key={hit.code}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`search-option${index === active ? ' active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== active && setActive(index)}
            onClick={() => choose(hit)}
          >
            <span className="option-text">
              {communeLabel(hit.nom, hit.code)} — {hit.departementNom}
              {hit.codesPostaux.length > 0 && <span className="muted"> — {hit.codesPostaux.join(', ')}</span>}
            </span>
            {hit.inTerritory && <span className="badge">territoire</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
