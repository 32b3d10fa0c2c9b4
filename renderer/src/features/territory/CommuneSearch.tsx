import { useId, useState } from 'react';
import type { CommuneHit } from '@shared/contract';
import { formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { Combobox } from '../../components/Combobox';
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
  const term = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const enabled = term.length > 0;
  const search = useCommuneSearch(term, LIMIT, { enabled, staleTime: 0 });

  const hits = enabled && query.trim() !== '' ? (search.data ?? []) : [];
  const settled = enabled && search.isSuccess && !search.isPlaceholderData && term === query.trim();

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
      <Combobox
        listId={listId}
        listLabel="Communes trouvées"
        inputProps={{ id: inputId, type: 'search', className: 'search-input', 'aria-describedby': `${inputId}-aide` }}
        value={query}
        onChange={setQuery}
        options={hits}
        open={hits.length > 0}
        searching={query !== ''}
        resetKey={term}
        getKey={(hit) => hit.code}
        isDisabled={(hit) => hit.inTerritory || pendingCodes.has(hit.code)}
        renderOption={(hit) => (
          <>
            <span className="option-text">{describeHit(hit)}</span>{' '}
            {hit.kind === 'arrondissement' && <span className="badge">arrondissement</span>}{' '}
            {hit.inTerritory ? (
              <span className="badge badge-muted">déjà dans le territoire</span>
            ) : pendingCodes.has(hit.code) ? (
              <span className="badge">ajout…</span>
            ) : (
              <span className="option-action" aria-hidden="true">
                Ajouter
              </span>
            )}
          </>
        )}
        onChoose={onAdd}
        onEscape={() => setQuery('')}
        status={
          <>
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
          </>
        }
      />
    </div>
  );
}
