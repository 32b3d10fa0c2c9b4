import { useEffect, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboboxProps<T> {
  /** The listbox's id; each option's id is `${listId}-${index}`. */
  listId: string;
  /** The listbox's accessible name (« Communes proposées »). */
  listLabel: string;
  /** Extra class of the listbox (it always has `search-results`). */
  listClassName?: string;
  /** The input's own attributes (id, class, placeholder, aria-describedby, the Field's control props…). */
  inputProps?: Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange' | 'onKeyDown' | 'role' | 'aria-expanded' | 'aria-controls' | 'aria-activedescendant'
  >;
  /** The text in the box. */
  value: string;
  onChange: (text: string) => void;
  /** The options to propose now (e.g. the answer of an asynchronous search); the list shows while `open`. */
  options: readonly T[];
  open: boolean;
  /** Whether the text is a search: Enter and Escape act on the list only then (otherwise Enter submits the form). */
  searching: boolean;
  /** The highlighted option is forgotten when this changes (the search term). */
  resetKey: string;
  getKey: (option: T) => string;
  /** Options shown but not choosable (greyed, `aria-disabled`). */
  isDisabled?: (option: T) => boolean;
  renderOption: (option: T) => ReactNode;
  /** Enter on the highlighted option (or on the only one), or a click. */
  onChoose: (option: T) => void;
  /** Escape while searching (e.g. empty the box). */
  onEscape: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  /** Shown between the box and the list: the search's status and error messages. */
  status?: ReactNode;
}

/**
 * An accessible combobox (WAI-ARIA pattern, list autocomplete): the focus stays in the box while arrow keys move
 * the highlighted option (`aria-activedescendant`), Enter chooses it (or the only option), Escape leaves the search,
 * and a click chooses without taking the focus away. The caller owns the text and the options, so they can come
 * from an asynchronous search; its status and error messages go in `status`.
 */
export function Combobox<T>({
  listId,
  listLabel,
  listClassName,
  inputProps,
  value,
  onChange,
  options,
  open,
  searching,
  resetKey,
  getKey,
  isDisabled,
  renderOption,
  onChoose,
  onEscape,
  onFocus,
  onBlur,
  status,
}: ComboboxProps<T>) {
  const [active, setActive] = useState(-1);
  const optionId = (index: number) => `${listId}-${index}`;

  // A new list highlights nothing until the user moves in it (resetKey is the trigger, not a value read).
  useEffect(() => setActive(-1), [resetKey]);
  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const choose = (option: T | undefined) => {
    if (option === undefined || isDisabled?.(option)) return;
    onChoose(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === 'Enter' && searching) {
      // Never submit the form from here: Enter chooses the highlighted option (or the only one).
      event.preventDefault();
      choose(options[active >= 0 ? active : options.length === 1 ? 0 : -1]);
    } else if (event.key === 'Escape' && searching) {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    }
  };

  return (
    <>
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        {...inputProps}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && options[active] !== undefined ? optionId(active) : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      {status}
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        className={`search-results${listClassName ? ` ${listClassName}` : ''}`}
        hidden={!open}
      >
        {options.map((option, index) => {
          const disabled = isDisabled?.(option) ?? false;
          return (
            <li
              key={getKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              aria-disabled={disabled || undefined}
              className={`search-option${index === active ? ' active' : ''}${disabled ? ' disabled' : ''}`}
              // Keep the focus in the box when clicking an option.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => choose(option)}
            >
              {renderOption(option)}
            </li>
          );
        })}
      </ul>
    </>
  );
}
