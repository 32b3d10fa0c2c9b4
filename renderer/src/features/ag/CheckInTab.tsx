/**
 * Émargement during the assembly: find a member by name (« / » to search, Enter on a single match records an
 * arrival, never a departure), see who is present, who is represented and which pouvoirs count now. Departures go
 * through the row's button, with a confirmation when the member leaving holds pouvoirs. The list of
 * voters is virtualised: 1 500 members scroll as smoothly as 15. Members without a vote can sign in too, but do not
 * count towards the quorum.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AgState } from '@shared/contract';
import { formatCount, pl, QuorumPanel } from './QuorumPanel';
import { FILTERS, searchWords, useCheckInRows, type Filter } from './checkin/checkInRows';
import { NonVoterTable } from './checkin/NonVoterTable';
import { PresenceDialogs } from './checkin/PresenceDialogs';
import { usePresence } from './checkin/usePresence';
import { stickyHeight, VoterList } from './checkin/VoterList';

export function CheckInTab({ state }: { state: AgState }) {
  const readOnly = state.pv.status === 'approuve';
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('tous');
  const [nonVotersOpen, setNonVotersOpen] = useState(false);
  const presence = usePresence(state, readOnly, searchRef);
  const { pending, message, setMessage, toggle, onRowToggle } = presence;
  const deferredSearch = useDeferredValue(search);
  const words = useMemo(() => searchWords(deferredSearch), [deferredSearch]);

  const proxies = useMemo(() => new Map(state.proxies.map((proxy) => [proxy.id, proxy])), [state.proxies]);
  const { counts, shown, shownNonVoters, hits } = useCheckInRows(state, words, filter);
  const searching = words.length > 0;
  const nonVotersVisible = nonVotersOpen || (searching && shownNonVoters.length > 0);

  /** Searching: bring the search box right under the sticky panel, so that the rows found are in view. */
  const bringSearchUp = () => {
    const node = toolbarRef.current;
    if (!node || typeof node.scrollIntoView !== 'function') return;
    const wanted = stickyHeight(node) + 8;
    if (Math.abs(node.getBoundingClientRect().top - wanted) > 24) node.scrollIntoView({ block: 'start' });
  };

  // « / » anywhere on the page (outside a field) goes to the search box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      searchRef.current?.focus({ preventScroll: true });
      searchRef.current?.select();
      bringSearchUp();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
    // bringSearchUp only reads refs: registered once.
  }, []);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && search) {
      event.preventDefault();
      setSearch('');
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // Use what is typed now, not the deferred value.
    const typed = searchWords(search);
    if (typed.length === 0) return;
    const found = hits(typed);
    const total = found.length;
    if (total === 1) {
      if (readOnly) {
        setMessage('Le procès-verbal est approuvé : l’émargement ne peut plus être modifié.');
        return;
      }
      const target = found[0]!;
      // Enter records arrivals only: a departure (the quorum may drop, pouvoirs stop counting) goes through the row's button.
      if (target.present) {
        setMessage(`${target.name} est déjà pointé·e présent·e ; utilisez le bouton Départ.`);
        return;
      }
      void toggle(target.id, true);
      searchRef.current?.select();
    } else if (total === 0) {
      setMessage(`Aucun membre ne correspond à « ${search.trim()} ».`);
    } else {
      setMessage(
        `${total} membres correspondent à « ${search.trim()} » : précisez le nom, ou utilisez le bouton de la ligne.`,
      );
    }
  };

  return (
    <div className="agl-tab agl-checkin">
      <QuorumPanel state={state} sticky />
      {readOnly && (
        <p className="alert alert-warning">
          Le procès-verbal est approuvé : l’émargement est en lecture seule. Rouvrez le procès-verbal en brouillon pour
          le modifier.
        </p>
      )}
      <div className="agl-checkin-toolbar" ref={toolbarRef}>
        <div className="agl-search">
          <label htmlFor={searchId} className="search-label">
            Rechercher un membre
          </label>
          <input
            ref={searchRef}
            id={searchId}
            type="search"
            className="search-input"
            autoComplete="off"
            spellCheck={false}
            placeholder="Nom ou prénom"
            aria-describedby={`${searchId}-aide`}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              bringSearchUp();
            }}
            onKeyDown={onSearchKeyDown}
          />
          <p id={`${searchId}-aide`} className="field-hint">
            <kbd>/</kbd> pour revenir ici · <kbd>Entrée</kbd> : arrivée du seul membre trouvé (les départs se font avec
            le bouton de la ligne)
          </p>
        </div>
        <div className="agl-chips" role="group" aria-label="Afficher">
          {FILTERS.map((item) => (
            <button
              key={item.code}
              type="button"
              className={`agl-chip${filter === item.code ? ' agl-chip-on' : ''}`}
              aria-pressed={filter === item.code}
              onClick={() => setFilter(item.code)}
            >
              {item.label} <span className="agl-chip-count">{formatCount(counts[item.code])}</span>
            </button>
          ))}
        </div>
      </div>
      <p className="agl-checkin-message" role="status">
        {message}
      </p>
      <div className="agl-list-bar">
        <p className="list-count">
          {searching || filter !== 'tous'
            ? `${formatCount(shown.length)} ${pl(shown.length, 'membre votant affiché', 'membres votants affichés')} sur ${formatCount(state.voters.length)}`
            : `${formatCount(state.voters.length)} ${pl(state.voters.length, 'membre votant', 'membres votants')}`}
        </p>
        <button
          type="button"
          className="agl-disclosure"
          aria-expanded={nonVotersVisible}
          aria-controls={`${searchId}-nv`}
          onClick={() => setNonVotersOpen(!nonVotersVisible)}
        >
          <span aria-hidden="true">{nonVotersVisible ? '▾' : '▸'}</span> Membres sans droit de vote (
          {formatCount(state.nonVoters.length)}
          {searching
            ? `, ${formatCount(shownNonVoters.length)} ${pl(shownNonVoters.length, 'correspond', 'correspondent')}`
            : ''}
          )
        </button>
      </div>
      <section
        id={`${searchId}-nv`}
        className="agl-nonvoters"
        aria-label="Membres sans droit de vote"
        hidden={!nonVotersVisible}
      >
        <p className="field-hint">
          Ils peuvent émarger (feuille de présence), mais ne comptent ni dans le quorum ni dans les votes.
        </p>
        {shownNonVoters.length === 0 ? (
          <p className="muted">
            {state.nonVoters.length === 0
              ? 'Tous les membres ont le droit de vote.'
              : 'Aucun ne correspond à la recherche.'}
          </p>
        ) : (
          <NonVoterTable rows={shownNonVoters} readOnly={readOnly} pending={pending} onToggle={onRowToggle} />
        )}
      </section>
      {shown.length === 0 ? (
        <p className="empty-result">
          {state.voters.length === 0
            ? 'Aucun membre n’a le droit de vote pour cette assemblée : vérifiez les collèges et les cotisations.'
            : 'Aucun membre votant ne correspond à la recherche ou au filtre.'}
        </p>
      ) : (
        <VoterList
          rows={shown}
          proxies={proxies}
          weighted={state.weighted}
          readOnly={readOnly}
          pending={pending}
          onToggle={onRowToggle}
        />
      )}
      <PresenceDialogs state={state} presence={presence} proxies={proxies} />
    </div>
  );
}
