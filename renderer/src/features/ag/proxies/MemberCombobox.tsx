/** A member chosen by typing part of the name, for the pouvoir form. */
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { searchKey } from '@shared/text';
import type { ControlProps } from '../../../components/Field';
import { formatCount } from '../QuorumPanel';

const MAX_HITS = 40;

export interface Option {
  id: number;
  name: string;
  /** Shown after the name: « présent », « a déjà donné pouvoir »… */
  note: string | null;
  key: string;
}

interface ComboboxProps {
  control: ControlProps;
  options: Option[];
  value: number | null;
  onChange: (id: number | null) => void;
  listLabel: string;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A member chosen by typing part of the name (accents and case ignored); ↑ ↓ to move, Entrée to choose. */
export function MemberCombobox({ control, options, value, onChange, listLabel, inputRef }: ComboboxProps) {
  const listId = `${control.id}-liste`;
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const selected = value === null ? undefined : options.find((option) => option.id === value);

  const { hits, more } = useMemo(() => {
    const words = searchKey(query).split(' ').filter(Boolean);
    const all =
      words.length === 0
        ? options
        : options.filter((option) => words.every((word) => ` ${option.key}`.includes(` ${word}`)));
    return { hits: all.slice(0, MAX_HITS), more: Math.max(0, all.length - MAX_HITS) };
  }, [options, query]);
  const open = editing && focused && hits.length > 0;

  const choose = (option: Option | undefined) => {
    if (!option) return;
    onChange(option.id);
    setEditing(false);
    setQuery('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!editing) {
        setEditing(true);
        setActive(0);
        return;
      }
      if (hits.length > 0) setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && editing && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter' && editing) {
      event.preventDefault();
      choose(hits[active >= 0 ? active : hits.length === 1 ? 0 : -1]);
    } else if (event.key === 'Escape' && editing) {
      event.preventDefault();
      event.stopPropagation();
      setEditing(false);
      setQuery('');
    }
  };

  return (
    <div className="commune-picker agl-combobox">
      <input
        {...control}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Tapez un nom"
        value={editing ? query : (selected?.name ?? '')}
        onChange={(event) => {
          const text = event.target.value;
          setEditing(true);
          setQuery(text);
          setActive(-1);
          if (value !== null) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setEditing(false);
          setQuery('');
        }}
      />
      {editing && focused && hits.length === 0 && (
        <p className="field-hint" role="status">
          Aucun membre ne correspond à « {query.trim()} ».
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={listLabel} className="search-results picker-results" hidden={!open}>
        {hits.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`search-option${index === active ? ' active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => index !== active && setActive(index)}
            onClick={() => choose(option)}
          >
            <span className="option-text">
              {option.name}
              {option.note && <span className="muted"> — {option.note}</span>}
            </span>
          </li>
        ))}
        {more > 0 && (
          <li className="search-option disabled" aria-disabled="true">
            … et {formatCount(more)} autres : précisez le nom.
          </li>
        )}
      </ul>
    </div>
  );
}
