import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { CommuneHit } from '@shared/contract';
import { formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useCommuneSearch } from './queries';

export const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 20;

/** « Saint-Martin-d'Hères (38421) — Isère — 37 695 hab. — 38400 » */
export function describeHit(hit: CommuneHit): string {
  const parts = [`${hit.nom} (${hit.code})`, hit.departementNom, `${formatInteger(hit.population)} hab.`];
  if (hit.codesPostaux.length > 0) parts.push(hit.codesPostaux.join(', '));
  return parts.join(' — ');
}

interface Props {
  onAdd: (hit: CommuneHit) => void;
  /** Codes being added right now. */
  pendingCodes: ReadonlySet<string>;
}

/**
 * A combobox: type a name, an INSEE code or a postcode; arrow keys move in the list; Enter adds the highlighted
 * commune. The focus stays in the search box, so several communes can be added in a row.
 */
export function CommuneSearch({ onAdd, pendingCodes }: Props) {
  const baseId = useId();
  const inputId = `${baseId}-recherche`;
  const listId = `${baseId}-resultats`;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = term.length > 0;
  const search = useCommuneSearch(term, LIMIT, { enabled, staleTime: 0 });

  const hits = enabled && query.trim() !== '' ? (search.data ?? []) : [];
  const settled = enabled && search.isSuccess && !search.isPlaceholderData && term === query.trim();
  const open = hits.length > 0;

  // A new list highlights nothing until the user moves in it.
  useEffect(() => setActive(-1), [term]);

  const optionId = (index: number) => `${listId}-${index}`;
  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const choose = (hit: CommuneHit | undefined) => {
    if (!hit || hit.inTerritory || pendingCodes.has(hit.code)) return;
    onAdd(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      if (hits.length === 0) return;
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter with nothing highlighted adds the only result, if there is exactly one.
      const index = active >= 0 ? active : hits.length === 1 ? 0 : -1;
      choose(hits[index]);
    } else if (event.key === 'Escape') {
      if (query !== '') {
        event.preventDefault();
        setQuery('');
      }
    }
  };

  let statusText = '';
  if (settled && hits.length === 0) statusText = `Aucune commune ne correspond à « ${term} ».`;
  else if (settled)
    statusText = `${plural(hits.length, 'commune trouvée', 'communes trouvées')}${hits.length === LIMIT ? ' (les 20 premières ; précisez la recherche)' : ''}. Flèches haut et bas pour choisir, Entrée pour ajouter.`;

  return (
    <div className="commune-search">
      <label htmlFor={inputId} className="search-label">
        Rechercher une commune
      </label>
      <p id={`${inputId}-aide`} className="field-hint">
        Par nom, code INSEE ou code postal, par exemple « Échirolles », « 38151 » ou « 38130 ».
      </p>
      <input
        id={inputId}
        type="search"
        className="search-input"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={`${inputId}-aide`}
        aria-activedescendant={active >= 0 && hits[active] ? optionId(active) : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p
        className={settled && hits.length === 0 ? 'search-status empty' : 'search-status visually-hidden'}
        role="status"
      >
        {statusText}
      </p>
      {enabled && search.isError && (
        <p className="field-error" role="alert">
          {errorMessage(search.error)}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Communes trouvées" className="search-results" hidden={!open}>
        {hits.map((hit, index) => {
          const pending = pendingCodes.has(hit.code);
          const disabled = hit.inTerritory || pending;
          return (
            <li
              key={hit.code}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              aria-disabled={disabled || undefined}
              className={`search-option${index === active ? ' active' : ''}${disabled ? ' disabled' : ''}`}
              // Keep the focus in the search box when clicking an option.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => choose(hit)}
            >
              <span className="option-text">{describeHit(hit)}</span>{' '}
              {hit.kind === 'arrondissement' && <span className="badge">arrondissement</span>}{' '}
              {hit.inTerritory ? (
                <span className="badge badge-muted">déjà dans le territoire</span>
              ) : pending ? (
                <span className="badge">ajout…</span>
              ) : (
                <span className="option-action" aria-hidden="true">
                  Ajouter
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
