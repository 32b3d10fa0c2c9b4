/**
 * Émargement during the assembly: find a member by name (« / » to search, Enter on a single match records an
 * arrival, never a departure), see who is present, who is represented and which pouvoirs count now. Departures go
 * through the row's button, with a confirmation when the member leaving holds pouvoirs. The list of
 * voters is virtualised: 1 500 members scroll as smoothly as 15. Members without a vote can sign in too, but do not
 * count towards the quorum.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { AgNonVoterRow, AgProxyRow, AgState, AgVoterRow } from '@shared/contract';
import { searchKey } from '@shared/text';
import { errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { beforeDateQuestion, beforeSessionDay } from './agLabels';
import { formatCount, formatTime, pl, QuorumPanel } from './QuorumPanel';
import { useAgMutation } from './useAgMutation';

type Filter = 'tous' | 'presents' | 'absents' | 'pouvoir';

const FILTERS: { code: Filter; label: string }[] = [
  { code: 'tous', label: 'Tous' },
  { code: 'presents', label: 'Présents' },
  { code: 'absents', label: 'Absents' },
  { code: 'pouvoir', label: 'Ont donné pouvoir' },
];

const ROW_ESTIMATE = 52;
const FALLBACK_HEIGHT = 600;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every word typed must start a word of the name (accents and case ignored). */
function matches(key: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const spaced = ` ${key}`;
  return words.every((word) => spaced.includes(` ${word}`));
}

/** What happened, in one French sentence, once the service answered. */
function presenceMessage(state: AgState, memberId: number, proxies: Map<number, AgProxyRow>): string {
  const voter = state.voters.find((row) => row.id === memberId);
  if (!voter) {
    const other = state.nonVoters.find((row) => row.id === memberId);
    if (!other) return '';
    return `${other.name} : ${other.present ? 'arrivée' : 'départ'} enregistré${other.present ? 'e' : ''} (sans droit de vote, ne compte pas dans le quorum).`;
  }
  const parts = [
    voter.present
      ? `${voter.name} : arrivée enregistrée à ${formatTime(voter.arrivedAt)}.`
      : `${voter.name} : départ enregistré à ${formatTime(voter.leftAt)}.`,
  ];
  if (voter.present && voter.proxyGiven !== null) {
    const given = proxies.get(voter.proxyGiven);
    if (given && !given.counted)
      parts.push(`Son pouvoir à ${given.mandataireName} ne compte pas pendant sa présence (${given.reason}).`);
  }
  const held = voter.proxiesHeld.map((id) => proxies.get(id)).filter((proxy): proxy is AgProxyRow => Boolean(proxy));
  if (!voter.present && held.length > 0) {
    parts.push(
      `${held.length === 1 ? 'Le pouvoir détenu ne compte plus' : `Les ${held.length} pouvoirs détenus ne comptent plus`} (mandataire absent).`,
    );
  } else if (voter.present && held.some((proxy) => proxy.counted)) {
    const counted = held.filter((proxy) => proxy.counted).length;
    parts.push(`${counted} ${pl(counted, 'pouvoir détenu compte', 'pouvoirs détenus comptent')} désormais.`);
  }
  return parts.join(' ');
}

export function CheckInTab({ state }: { state: AgState }) {
  const readOnly = state.pv.status === 'approuve';
  const mutation = useAgMutation('ag.setPresence');
  const { notify } = useToast();
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('tous');
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState('');
  const [nonVotersOpen, setNonVotersOpen] = useState(false);
  /** A mandataire about to leave: their pouvoirs will stop counting, so we ask first. */
  const [departing, setDeparting] = useState<AgVoterRow | null>(null);
  const [departError, setDepartError] = useState<string | null>(null);
  /** Before the session's day, the first arrival asks; once confirmed, the others of this check-in follow. */
  const [earlyArrival, setEarlyArrival] = useState<number | null>(null);
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const [earlyError, setEarlyError] = useState<string | null>(null);
  const deferredSearch = useDeferredValue(search);
  const words = useMemo(() => searchKey(deferredSearch).split(' ').filter(Boolean), [deferredSearch]);

  const proxies = useMemo(() => new Map(state.proxies.map((proxy) => [proxy.id, proxy])), [state.proxies]);
  const voters = useMemo(
    () =>
      state.voters
        .map((voter) => ({ voter, key: searchKey(voter.name) }))
        .sort((a, b) => collator.compare(a.voter.name, b.voter.name)),
    [state.voters],
  );
  const nonVoters = useMemo(
    () =>
      state.nonVoters
        .map((row) => ({ row, key: searchKey(row.name) }))
        .sort((a, b) => collator.compare(a.row.name, b.row.name)),
    [state.nonVoters],
  );

  const counts = useMemo(() => {
    const present = state.voters.filter((voter) => voter.present).length;
    return {
      tous: state.voters.length,
      presents: present,
      absents: state.voters.length - present,
      pouvoir: state.voters.filter((voter) => voter.proxyGiven !== null).length,
    };
  }, [state.voters]);

  const shown = useMemo(
    () =>
      voters
        .filter(({ voter, key }) => {
          if (filter === 'presents' && !voter.present) return false;
          if (filter === 'absents' && voter.present) return false;
          if (filter === 'pouvoir' && voter.proxyGiven === null) return false;
          return matches(key, words);
        })
        .map(({ voter }) => voter),
    [voters, filter, words],
  );
  const shownNonVoters = useMemo(
    () => nonVoters.filter(({ key }) => matches(key, words)).map(({ row }) => row),
    [nonVoters, words],
  );
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

  /** Records an arrival or a departure; answers the French reason of a refusal, or null. */
  const setPresence = async (
    memberId: number,
    present: boolean,
    confirmed = earlyConfirmed,
  ): Promise<string | null> => {
    if (readOnly || pending.has(memberId)) return null;
    if (present && !confirmed && beforeSessionDay(state)) {
      setEarlyError(null);
      setEarlyArrival(memberId);
      return null;
    }
    setPending((current) => new Set(current).add(memberId));
    try {
      const next = await mutation.mutateAsync({
        meetingId: state.meetingId,
        memberId,
        present,
        confirmedBeforeDate: present && confirmed ? true : undefined,
      });
      setMessage(presenceMessage(next, memberId, new Map(next.proxies.map((proxy) => [proxy.id, proxy]))));
      // The row may have left the list (filter « Absents »…): the focus goes back to the search box.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) searchRef.current?.focus({ preventScroll: true });
      });
      return null;
    } catch (error) {
      return errorMessage(error);
    } finally {
      setPending((current) => {
        const next = new Set(current);
        next.delete(memberId);
        return next;
      });
    }
  };

  const toggle = async (memberId: number, present: boolean) => {
    const failure = await setPresence(memberId, present);
    if (failure) notify({ kind: 'error', message: failure });
  };

  /** The row's button: a departure of a member holding pouvoirs is confirmed first. */
  const onRowToggle = (memberId: number, present: boolean) => {
    if (readOnly) return;
    const voter = present ? undefined : state.voters.find((row) => row.id === memberId);
    if (voter && voter.proxiesHeld.length > 0) {
      setDepartError(null);
      setDeparting(voter);
      return;
    }
    void toggle(memberId, present);
  };

  const confirmDeparture = async () => {
    if (!departing) return;
    setDepartError(null);
    const failure = await setPresence(departing.id, false);
    if (failure) setDepartError(failure);
    else setDeparting(null);
  };

  const confirmEarlyArrival = async () => {
    if (earlyArrival === null) return;
    setEarlyError(null);
    const failure = await setPresence(earlyArrival, true, true);
    if (failure) {
      setEarlyError(failure);
      return;
    }
    setEarlyConfirmed(true);
    setEarlyArrival(null);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && search) {
      event.preventDefault();
      setSearch('');
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // Use what is typed now, not the deferred value.
    const typed = searchKey(search).split(' ').filter(Boolean);
    if (typed.length === 0) return;
    const hitVoters = voters.filter(({ voter, key }) => {
      if (filter === 'presents' && !voter.present) return false;
      if (filter === 'absents' && voter.present) return false;
      if (filter === 'pouvoir' && voter.proxyGiven === null) return false;
      return matches(key, typed);
    });
    const hitOthers = nonVoters.filter(({ key }) => matches(key, typed));
    const total = hitVoters.length + hitOthers.length;
    if (total === 1) {
      if (readOnly) {
        setMessage('Le procès-verbal est approuvé : l’émargement ne peut plus être modifié.');
        return;
      }
      const target = hitVoters[0]?.voter ?? hitOthers[0]!.row;
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
      {departing && (
        <ConfirmDialog
          title={`Enregistrer le départ de ${departing.name} ?`}
          confirmLabel="Enregistrer le départ"
          danger
          busy={pending.has(departing.id)}
          error={departError}
          onCancel={() => {
            setDeparting(null);
            setDepartError(null);
          }}
          onConfirm={() => void confirmDeparture()}
        >
          <DepartureWarning voter={departing} proxies={proxies} />
        </ConfirmDialog>
      )}
      {earlyArrival !== null && (
        <ConfirmDialog
          title="Enregistrer une arrivée avant la séance ?"
          confirmLabel="Enregistrer l’arrivée"
          busy={pending.has(earlyArrival)}
          error={earlyError}
          onCancel={() => {
            setEarlyArrival(null);
            setEarlyError(null);
          }}
          onConfirm={() => void confirmEarlyArrival()}
        >
          <p>{beforeDateQuestion(state, 'une arrivée')}</p>
          <p className="muted">
            Une fois confirmé, les arrivées suivantes de cet émargement sont enregistrées sans nouvelle question.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** What a mandataire's departure does to the pouvoirs they hold. */
function DepartureWarning({ voter, proxies }: { voter: AgVoterRow; proxies: Map<number, AgProxyRow> }) {
  const held = voter.proxiesHeld.map((id) => proxies.get(id)).filter((proxy): proxy is AgProxyRow => Boolean(proxy));
  const counting = held.filter((proxy) => proxy.counted);
  const names = (list: AgProxyRow[]) => list.map((proxy) => proxy.mandantName).join(', ');
  const n = counting.length;
  return (
    <>
      <p>
        {voter.name} détient {formatCount(held.length)} {pl(held.length, 'pouvoir', 'pouvoirs')} ({names(held)}).
      </p>
      {n > 0 ? (
        <p>
          <strong>
            À son départ, {formatCount(n)} {pl(n, 'pouvoir cessera', 'pouvoirs cesseront')} de compter
          </strong>{' '}
          ({names(counting)}) : {pl(n, 'ce membre ne sera plus représenté', 'ces membres ne seront plus représentés')},
          ni pour le quorum ni pour les votes, tant que {voter.name} n’est pas de retour.
        </p>
      ) : (
        <p>Aucun de ces pouvoirs ne compte en ce moment : son départ ne change rien pour eux.</p>
      )}
    </>
  );
}

interface ListProps {
  rows: AgVoterRow[];
  proxies: Map<number, AgProxyRow>;
  weighted: boolean;
  readOnly: boolean;
  pending: ReadonlySet<number>;
  onToggle: (memberId: number, present: boolean) => void;
}

/** Height of what sticks above the rows (page strip, quorum panel, column headers), read from the CSS variables. */
function stickyHeight(node: HTMLElement | null): number {
  if (!node) return 0;
  const style = getComputedStyle(node);
  const value = (name: string) => Number.parseFloat(style.getPropertyValue(name)) || 0;
  return value('--agl-sticky-top') + value('--agl-panel-height');
}

/**
 * The voters as an ARIA table that scrolls with the page (under the sticky quorum panel) and renders only the rows
 * in view; ↑ ↓ Page up / Page down move between the buttons.
 */
function VoterList({ rows, proxies, weighted, readOnly, pending, onToggle }: ListProps) {
  const tableRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  const [padding, setPadding] = useState(0);

  // Where the rows start in the page, and how much sticks above them: re-read after every render (cheap).
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current;
      if (!body) return;
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY);
      setOffset((current) => (current === top ? current : top));
      const above = Math.round(stickyHeight(tableRef.current) + (headRef.current?.getBoundingClientRect().height ?? 0));
      setPadding((current) => (current === above ? current : above));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    scrollMargin: offset,
    scrollPaddingStart: padding,
    measureElement: (element) => Math.round(element.getBoundingClientRect().height) || ROW_ESTIMATE,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const focusButton = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const find = () => bodyRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] .agl-toggle`);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const present = find();
    if (present) {
      present.focus({ preventScroll: true });
      return;
    }
    const retry = (attempt: number) => {
      const node = find();
      if (node) node.focus({ preventScroll: true });
      else if (attempt < 5) requestAnimationFrame(() => retry(attempt + 1));
    };
    requestAnimationFrame(() => retry(0));
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const view = window.innerHeight - padding;
    const pageSize = Math.max(1, Math.floor((view > 0 ? view : FALLBACK_HEIGHT) / ROW_ESTIMATE) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusButton(moves[event.key]!);
    }
  };

  const items = virtualizer.getVirtualItems();

  return (
    <div
      ref={tableRef}
      className={`agl-vtable${weighted ? ' agl-vtable-weighted' : ''}`}
      role="table"
      aria-label="Membres votants"
      aria-rowcount={rows.length + 1}
    >
      <div role="rowgroup" className="agl-vtable-head" ref={headRef}>
        <div role="row" aria-rowindex={1} className="agl-vrow agl-vrow-head">
          <div role="columnheader" className="agl-vcell">
            Nom
          </div>
          <div role="columnheader" className="agl-vcell">
            Collège
          </div>
          {weighted && (
            <div role="columnheader" className="agl-vcell agl-num">
              Poids
            </div>
          )}
          <div role="columnheader" className="agl-vcell">
            Présence
          </div>
          <div role="columnheader" className="agl-vcell">
            Pouvoirs détenus
          </div>
          <div role="columnheader" className="agl-vcell">
            <span className="visually-hidden">Émargement</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="agl-vtable-body" ref={bodyRef} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const voter = rows[item.index]!;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              className={`agl-vrow agl-vrow-body${voter.present ? ' agl-row-present' : ''}`}
              style={{ transform: `translateY(${item.start - offset}px)` }}
              onKeyDown={(event) => onRowKeyDown(event, item.index)}
            >
              <div role="cell" className="agl-vcell agl-cell-name">
                <span className="agl-name">{voter.name}</span>
                {voter.quality && <span className="agl-sub">{voter.quality}</span>}
              </div>
              <div role="cell" className="agl-vcell agl-cell-college">
                {voter.collegeName ?? <span className="muted">Sans collège</span>}
              </div>
              {weighted && (
                <div role="cell" className="agl-vcell agl-num">
                  {formatCount(voter.weight)} voix
                </div>
              )}
              <div role="cell" className="agl-vcell agl-cell-status">
                <PresenceStatus voter={voter} proxies={proxies} />
              </div>
              <div role="cell" className="agl-vcell agl-cell-proxies">
                <HeldProxies voter={voter} proxies={proxies} />
              </div>
              <div role="cell" className="agl-vcell agl-cell-action">
                <button
                  type="button"
                  className={`button button-small agl-toggle${voter.present ? ' button-secondary' : ''}`}
                  aria-label={`${voter.present ? 'Départ' : 'Arrivée'} de ${voter.name}`}
                  disabled={readOnly}
                  aria-busy={pending.has(voter.id) || undefined}
                  onClick={() => onToggle(voter.id, !voter.present)}
                >
                  {pending.has(voter.id) ? '…' : voter.present ? 'Départ' : 'Arrivée'}
                </button>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function PresenceStatus({ voter, proxies }: { voter: AgVoterRow; proxies: Map<number, AgProxyRow> }) {
  const given = voter.proxyGiven === null ? undefined : proxies.get(voter.proxyGiven);
  if (voter.present) {
    return (
      <>
        <span className="badge badge-ok">Présent</span>
        {voter.arrivedAt && <span className="agl-sub agl-block">arrivée à {formatTime(voter.arrivedAt)}</span>}
        {given && (
          <span className="agl-sub agl-block">
            pouvoir à {given.mandataireName} : ne compte pas ({given.reason ?? 'membre présent'})
          </span>
        )}
      </>
    );
  }
  const left = voter.leftAt ? <span className="agl-sub agl-block">départ à {formatTime(voter.leftAt)}</span> : null;
  if (given?.counted) {
    return (
      <>
        <span className="badge agl-badge-represented">Représenté</span>
        {left}
        <span className="agl-sub agl-block">par {given.mandataireName}</span>
      </>
    );
  }
  return (
    <>
      {voter.leftAt ? (
        <>
          <span className="badge badge-warn">Départ</span>
          <span className="agl-sub"> à {formatTime(voter.leftAt)}</span>
        </>
      ) : (
        <span className="badge badge-muted">Absent</span>
      )}
      {given && (
        <span className="agl-sub agl-block">
          pouvoir à {given.mandataireName} : <span className="agl-off-reason">ne compte pas ({given.reason})</span>
        </span>
      )}
    </>
  );
}

function HeldProxies({ voter, proxies }: { voter: AgVoterRow; proxies: Map<number, AgProxyRow> }) {
  const held = voter.proxiesHeld.map((id) => proxies.get(id)).filter((proxy): proxy is AgProxyRow => Boolean(proxy));
  if (held.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="agl-held">
      {held.map((proxy) =>
        proxy.counted ? (
          <li key={proxy.id}>
            <span className="agl-held-on" aria-hidden="true">
              ✓{' '}
            </span>
            {proxy.mandantName}
          </li>
        ) : (
          <li key={proxy.id} className="agl-held-off">
            <s>{proxy.mandantName}</s> <span className="agl-off-reason">ne compte pas : {proxy.reason}</span>
          </li>
        ),
      )}
    </ul>
  );
}

interface NonVoterProps {
  rows: AgNonVoterRow[];
  readOnly: boolean;
  pending: ReadonlySet<number>;
  onToggle: (memberId: number, present: boolean) => void;
}

function NonVoterTable({ rows, readOnly, pending, onToggle }: NonVoterProps) {
  return (
    <div className="table-scroll">
      <table className="table table-compact agl-nonvoter-table" aria-label="Membres sans droit de vote">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Collège</th>
            <th scope="col">Sans droit de vote car</th>
            <th scope="col">Présence</th>
            <th scope="col">
              <span className="visually-hidden">Émargement</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="agl-name">{row.name}</span>
                {row.quality && <span className="agl-sub agl-block">{row.quality}</span>}
              </th>
              <td>{row.collegeName ?? <span className="muted">Sans collège</span>}</td>
              <td>{row.reason}</td>
              <td>
                {row.present ? (
                  <span className="badge badge-ok">Présent</span>
                ) : (
                  <span className="badge badge-muted">Absent</span>
                )}
              </td>
              <td className="actions">
                <button
                  type="button"
                  className={`button button-small${row.present ? ' button-secondary' : ''}`}
                  aria-label={`${row.present ? 'Départ' : 'Arrivée'} de ${row.name}`}
                  disabled={readOnly}
                  aria-busy={pending.has(row.id) || undefined}
                  onClick={() => onToggle(row.id, !row.present)}
                >
                  {pending.has(row.id) ? '…' : row.present ? 'Départ' : 'Arrivée'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
