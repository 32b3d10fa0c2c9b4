/** A member chosen by typing part of the name, for the pouvoir form. */
import { useMemo, useState } from 'react';
import { searchKey } from '@shared/text';
import { Combobox } from '../../../components/Combobox';
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

/** The last row of a long list: how many members are not shown. */
interface More {
  more: number;
}
type Row = Option | More;
const isMore = (row: Row): row is More => 'more' in row;

interface ComboboxProps {
  control: ControlProps;
  options: Option[];
  value: number | null;
  onChange: (id: number | null) => void;
  listLabel: string;
}

/** A member chosen by typing part of the name (accents and case ignored); ↑ ↓ to move, Entrée to choose. */
export function MemberCombobox({ control, options, value, onChange, listLabel }: ComboboxProps) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [focused, setFocused] = useState(false);
  const selected = value === null ? undefined : options.find((option) => option.id === value);

  const { hits, more } = useMemo(() => {
    const words = searchKey(query).split(' ').filter(Boolean);
    const all =
      words.length === 0
        ? options
        : options.filter((option) => words.every((word) => ` ${option.key}`.includes(` ${word}`)));
    return { hits: all.slice(0, MAX_HITS), more: Math.max(0, all.length - MAX_HITS) };
  }, [options, query]);
  const rows = useMemo<Row[]>(() => (more > 0 ? [...hits, { more }] : hits), [hits, more]);

  const leave = () => {
    setEditing(false);
    setQuery('');
  };

  return (
    <div className="commune-picker agl-combobox">
      <Combobox<Row>
        listId={`${control.id}-liste`}
        listLabel={listLabel}
        listClassName="picker-results"
        inputProps={{
          ...control,
          placeholder: 'Tapez un nom',
          // ↓ on the closed box opens the list of all members.
          onKeyDownCapture: (event) => {
            if (event.key !== 'ArrowDown' || editing) return;
            event.preventDefault();
            setEditing(true);
          },
        }}
        value={editing ? query : (selected?.name ?? '')}
        onChange={(text) => {
          setEditing(true);
          setQuery(text);
          if (value !== null) onChange(null);
        }}
        options={editing ? rows : []}
        open={editing && focused && hits.length > 0}
        searching={editing}
        resetKey={`${editing}:${query}`}
        getKey={(row) => (isMore(row) ? 'plus' : String(row.id))}
        isDisabled={isMore}
        renderOption={(row) =>
          isMore(row) ? (
            `… et ${formatCount(row.more)} autres : précisez le nom.`
          ) : (
            <span className="option-text">
              {row.name}
              {row.note && <span className="muted"> — {row.note}</span>}
            </span>
          )
        }
        onChoose={(row) => {
          if (isMore(row)) return;
          onChange(row.id);
          leave();
        }}
        onEscape={leave}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          leave();
        }}
        status={
          editing &&
          focused &&
          hits.length === 0 && (
            <p className="field-hint" role="status">
              Aucun membre ne correspond à « {query.trim()} ».
            </p>
          )
        }
      />
    </div>
  );
}
