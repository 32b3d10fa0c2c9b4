/** A profession of the ANS nomenclature chosen by typing part of its name (« infir », « pharma », « kiné »…). */
import { useMemo, useState, type InputHTMLAttributes } from 'react';
import { PROFESSION_BY_CODE, PROFESSIONS, type Profession } from '@shared/domain/professions';
import { searchKey } from '@shared/text';
import { Combobox } from '../../components/Combobox';

/** Each profession with what a search matches: its label, inclusive label and the spellings of spreadsheets. */
const SEARCHABLE = PROFESSIONS.map((profession) => ({
  profession,
  key: searchKey([profession.label, profession.inclusive, ...profession.aliases].join(' ')),
}));

/** « Infirmier·e », or '' for no profession. */
export function professionLabel(code: string | null | undefined): string {
  if (!code) return '';
  return PROFESSION_BY_CODE.get(code)?.inclusive ?? code;
}

interface Props {
  /** The input's id and accessibility attributes (a {@link Field}'s control props, or an aria-label). */
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { id: string };
  /** The chosen profession's code, '' for none. */
  value: string;
  onChange: (code: string) => void;
  listLabel?: string;
}

/** Accents and case ignored; ↓ opens the whole list, ↑ ↓ move, Entrée chooses, Échap leaves the search. */
export function ProfessionCombobox({ inputProps, value, onChange, listLabel = 'Professions proposées' }: Props) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [focused, setFocused] = useState(false);
  const hits = useMemo<Profession[]>(() => {
    const words = searchKey(query).split(' ').filter(Boolean);
    return SEARCHABLE.filter((entry) => words.every((word) => ` ${entry.key}`.includes(` ${word}`))).map(
      (entry) => entry.profession,
    );
  }, [query]);
  const leave = () => {
    setEditing(false);
    setQuery('');
  };

  return (
    <div className="commune-picker protocol-profession-picker">
      <Combobox<Profession>
        listId={`${inputProps.id}-liste`}
        listLabel={listLabel}
        listClassName="picker-results"
        inputProps={{
          placeholder: 'Tapez une profession',
          ...inputProps,
          onKeyDownCapture: (event) => {
            if (event.key !== 'ArrowDown' || editing) return;
            event.preventDefault();
            setEditing(true);
          },
        }}
        value={editing ? query : professionLabel(value)}
        onChange={(text) => {
          setEditing(true);
          setQuery(text);
          if (value) onChange('');
        }}
        options={editing ? hits : []}
        open={editing && focused && hits.length > 0}
        searching={editing}
        resetKey={`${editing}:${query}`}
        getKey={(profession) => profession.code}
        renderOption={(profession) => <span className="option-text">{profession.inclusive}</span>}
        onChoose={(profession) => {
          onChange(profession.code);
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
              Aucune profession ne correspond à « {query.trim()} ».
            </p>
          )
        }
      />
    </div>
  );
}
