import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MemberListRow, MemberSortKey } from '@shared/domain/members';
import { formatDateLong } from '@shared/format';
import { useRememberedRef } from '../../components/UiState';
import { professionText, statusText } from './labels';

export const ROW_HEIGHT = 40;
/** Height of the sticky header row (set in styles.css): the rows start below it. */
const HEADER_HEIGHT = 40;
/** Height used while the scroll box has not been laid out (and in tests, where nothing is). */
const FALLBACK_HEIGHT = 600;
/** The table never gets shorter than this, even in a small window. */
const MIN_HEIGHT = 280;

export interface SortState {
  key: MemberSortKey;
  direction: 'asc' | 'desc';
}

interface Column {
  id: string;
  label: string;
  sortKey?: MemberSortKey;
}

interface Props {
  rows: MemberListRow[];
  /** Year of the « Cotisation » column. */
  year: number;
  sort: SortState;
  onSort: (key: MemberSortKey) => void;
  onOpen: (row: MemberListRow) => void;
  /** Accessible name of the table. */
  label: string;
}

/** Falls back to a plausible size while the box has none, so the first rows are there from the first paint. */
function observeRectWithFallback(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: FALLBACK_HEIGHT }),
  );
}

/**
 * The member list as an ARIA table whose body only renders the rows in view (plus a margin): 10 000 members
 * scroll as smoothly as 10. The header stays at the top of the scroll box; Enter or a click opens a member;
 * arrow keys, Page up/down, Home and End move between rows.
 */
export function MemberTable({ rows, year, sort, onSort, onOpen, label }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const remembered = useRememberedRef<number>('members.list.scroll');
  const [activeIndex, setActiveIndex] = useState(0);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The body starts under the header, which also hides what scrolls beneath it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => remembered.read() ?? 0,
    observeElementRect: observeRectWithFallback,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  // The table fills the window down to its bottom edge (the page itself does not need to scroll).
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const node = scrollRef.current;
    if (!node) return;
    const fit = () => {
      const top = node.getBoundingClientRect().top + window.scrollY;
      if (window.innerHeight > 0 && top > 0) setHeight(Math.max(MIN_HEIGHT, window.innerHeight - top - 24));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  // Keep the scroll position for the next visit of the list.
  useEffect(() => {
    const node = scrollRef.current;
    if (!node) return;
    const onScroll = () => remembered.write(node.scrollTop);
    node.addEventListener('scroll', onScroll, { passive: true });
    return () => node.removeEventListener('scroll', onScroll);
  }, [remembered]);

  // A new filter or sort: back to the first row.
  const first = rows[0]?.id;
  const previousFirst = useRef(first);
  useEffect(() => {
    if (previousFirst.current === first) return;
    previousFirst.current = first;
    setActiveIndex(0);
  }, [first]);
  const clampedActive = Math.min(activeIndex, Math.max(0, rows.length - 1));

  const columns: Column[] = [
    { id: 'nom', label: 'Nom', sortKey: 'name' },
    { id: 'profession', label: 'Profession', sortKey: 'profession' },
    { id: 'commune', label: 'Commune', sortKey: 'commune' },
    { id: 'college', label: 'Collège', sortKey: 'college' },
    { id: 'adhesion', label: 'Adhésion', sortKey: 'joinedOn' },
    { id: 'cotisation', label: `Cotisation ${year}` },
    { id: 'statut', label: 'Statut' },
  ];

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(target);
    const find = () => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    // A row in view (or in the margin) takes the focus at once, so that a held arrow key never skips.
    const present = find();
    if (present) {
      present.focus({ preventScroll: true });
      virtualizer.scrollToIndex(target, { align: 'auto' });
      return;
    }
    // Far away (Home, End, Page down…): scroll first, the row exists after the next render.
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const tryFocus = (attempt: number) => {
      const node = find();
      if (node) node.focus({ preventScroll: true });
      else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    requestAnimationFrame(() => tryFocus(0));
  };

  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight || FALLBACK_HEIGHT) / ROW_HEIGHT) - 1);

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: MemberListRow) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row);
    } else if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    }
  };

  const items = virtualizer.getVirtualItems();
  // The row reachable with Tab: the last one used, or the first in view when it scrolled away.
  const tabbable = items.some((item) => item.index === clampedActive) ? clampedActive : (items[0]?.index ?? -1);

  return (
    <div
      ref={scrollRef}
      className="vtable"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid="member-table"
      style={height ? { height } : undefined}
    >
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row vtable-header-row">
          {columns.map((column) => {
            const sorted = column.sortKey === sort.key;
            return (
              <div
                key={column.id}
                role="columnheader"
                className={`vtable-cell col-${column.id}`}
                aria-sort={
                  column.sortKey
                    ? sorted
                      ? sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                    : undefined
                }
              >
                {column.sortKey ? (
                  <button type="button" className="sort-button" onClick={() => onSort(column.sortKey!)}>
                    {column.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  column.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="vtable-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const upToDate = row.upToDateYears.includes(year);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              tabIndex={item.index === tabbable ? 0 : -1}
              className={`vtable-row vtable-body-row${row.active ? '' : ' row-former'}`}
              style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
              onClick={() => onOpen(row)}
              onFocus={() => item.index !== activeIndex && setActiveIndex(item.index)}
              onKeyDown={(event) => onRowKeyDown(event, item.index, row)}
            >
              <div role="cell" className="vtable-cell col-nom">
                <span className="cell-main">{row.displayName}</span>
                {row.kind === 'structure' && <span className="badge badge-structure">structure</span>}
              </div>
              <div
                role="cell"
                className="vtable-cell col-profession"
                title={row.specialty ? `${professionText(row)} · ${row.specialty}` : professionText(row)}
              >
                <span className="cell-main">{professionText(row)}</span>
                {row.specialty && <span className="cell-sub"> · {row.specialty}</span>}
              </div>
              <div role="cell" className="vtable-cell col-commune" title={row.communeName ?? undefined}>
                {row.communeName ?? <span className="muted">—</span>}
              </div>
              <div role="cell" className="vtable-cell col-college" title={row.collegeName ?? undefined}>
                {row.collegeName ?? <span className="muted">—</span>}
              </div>
              <div role="cell" className="vtable-cell col-adhesion">
                {row.joinedOn ? formatShortDate(row.joinedOn) : <span className="muted">—</span>}
              </div>
              <div role="cell" className="vtable-cell col-cotisation">
                {upToDate ? (
                  <span className="badge badge-ok">à jour</span>
                ) : (
                  <span className="muted small">non à jour</span>
                )}
              </div>
              <div role="cell" className="vtable-cell col-statut">
                {row.active && !row.leftOn ? (
                  <span className="small">actif</span>
                ) : (
                  <span className="small muted" title={statusText(row)}>
                    {row.erased ? 'anonymisé' : row.leftOn ? `sortie ${formatShortDate(row.leftOn)}` : statusText(row)}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** « 2024-03-05 » → « 05/03/2024 », compact for a column (the long form is in the title). */
function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : formatDateLong(iso);
}
