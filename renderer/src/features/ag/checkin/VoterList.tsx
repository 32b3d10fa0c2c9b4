/** The voters of the check-in as a virtualised ARIA table, with each row's presence, pouvoirs and button. */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AgProxyRow, AgVoterRow } from '@shared/contract';
import { formatCount, formatTime } from '../QuorumPanel';

const ROW_ESTIMATE = 52;
const FALLBACK_HEIGHT = 600;

interface ListProps {
  rows: AgVoterRow[];
  proxies: Map<number, AgProxyRow>;
  weighted: boolean;
  readOnly: boolean;
  pending: ReadonlySet<number>;
  onToggle: (memberId: number, present: boolean) => void;
}

/** Height of what sticks above the rows (page strip, quorum panel, column headers), read from the CSS variables. */
export function stickyHeight(node: HTMLElement | null): number {
  if (!node) return 0;
  const style = getComputedStyle(node);
  const value = (name: string) => Number.parseFloat(style.getPropertyValue(name)) || 0;
  return value('--agl-sticky-top') + value('--agl-panel-height');
}

/**
 * The voters as an ARIA table that scrolls with the page (under the sticky quorum panel) and renders only the rows
 * in view; ↑ ↓ Page up / Page down move between the buttons.
 */
export function VoterList({ rows, proxies, weighted, readOnly, pending, onToggle }: ListProps) {
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
