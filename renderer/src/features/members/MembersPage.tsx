import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { filterMembers, sortMembers, type MemberListRow, type MemberSortKey } from '@shared/domain/members';
import { PRACTICE_MODES } from '@shared/domain/professions';
import { formatInteger, plural } from '@shared/format';
import type { MemberFilters } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useRememberedState } from '../../components/UiState';
import { currentYear } from './labels';
import { MemberTable, type SortState } from './MemberTable';
import { useColleges, useMembers, useMembersWrite } from './queries';
import './members.css';

interface ListState {
  search: string;
  professionCode: string;
  collegeId: string;
  practiceMode: string;
  communeCode: string;
  kind: MemberFilters['kind'];
  status: MemberFilters['status'];
  cotisationYear: number;
  cotisationStatus: MemberFilters['cotisationStatus'];
  sort: SortState;
}

const initialState = (): ListState => ({
  search: '',
  professionCode: '',
  collegeId: '',
  practiceMode: '',
  communeCode: '',
  kind: 'all',
  status: 'active',
  cotisationYear: currentYear(),
  cotisationStatus: 'all',
  sort: { key: 'name', direction: 'asc' },
});

/** The filters of the screen in the shape shared with the exports. */
function toFilters(state: ListState, search: string): MemberFilters {
  return {
    search: search.trim(),
    professionCodes: state.professionCode ? [state.professionCode] : [],
    collegeIds: state.collegeId ? [Number(state.collegeId)] : [],
    practiceModes: state.practiceMode ? [state.practiceMode as MemberFilters['practiceModes'][number]] : [],
    communeCodes: state.communeCode ? [state.communeCode] : [],
    kind: state.kind,
    status: state.status,
    cotisationYear: state.cotisationYear,
    cotisationStatus: state.cotisationStatus,
  };
}

function isFiltered(state: ListState): boolean {
  const initial = initialState();
  return (
    state.search.trim() !== '' ||
    state.professionCode !== '' ||
    state.collegeId !== '' ||
    state.practiceMode !== '' ||
    state.communeCode !== '' ||
    state.kind !== initial.kind ||
    state.status !== initial.status ||
    state.cotisationStatus !== initial.cotisationStatus
  );
}

export function MembersPage() {
  const members = useMembers();
  return (
    <Page title="Adhérents" wide>
      {members.isPending ? (
        <Loading label="Chargement des adhérents…" />
      ) : members.isError ? (
        <QueryError message={errorMessage(members.error)} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyMembers />
      ) : (
        <MemberList rows={members.data} />
      )}
    </Page>
  );
}

function EmptyMembers() {
  return (
    <section className="card call-to-action" aria-labelledby="adherents-vide">
      <h2 id="adherents-vide">Aucun adhérent pour l’instant</h2>
      <p>
        Importez la liste que vous tenez déjà dans un tableur (CSV ou Excel) : Maillage reconnaît les colonnes, vérifie
        les numéros RPPS et ne crée pas de doublons. Vous pouvez aussi saisir les adhérents un par un.
      </p>
      <div className="form-actions">
        <Link to="/adherents/import" className="button">
          Importer un fichier…
        </Link>
        <Link to="/adherents/nouveau" className="button button-secondary">
          Nouvel adhérent
        </Link>
        <Link to="/adherents/colleges" className="card-link">
          Collèges et cotisations
        </Link>
      </div>
    </section>
  );
}

function MemberList({ rows }: { rows: MemberListRow[] }) {
  const navigate = useNavigate();
  const colleges = useColleges();
  const [state, setState] = useRememberedState<ListState>('members.list.state', initialState);
  const update = (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch }));
  // Typing stays instant: filtering 10 000 rows follows a beat behind when the machine is slow.
  const deferredSearch = useDeferredValue(state.search);

  // Sort every row once per sort order; filtering keeps that order.
  const sortedAll = useMemo(() => sortMembers(rows, state.sort.key, state.sort.direction), [rows, state.sort]);
  // Depend on each filter, not on the whole state: a keystroke must not filter twice (urgent and deferred render).
  const { professionCode, collegeId, practiceMode, communeCode, kind, status, cotisationYear, cotisationStatus } =
    state;
  const filters = useMemo(
    () =>
      toFilters(
        {
          ...initialState(),
          professionCode,
          collegeId,
          practiceMode,
          communeCode,
          kind,
          status,
          cotisationYear,
          cotisationStatus,
        },
        deferredSearch,
      ),
    [
      professionCode,
      collegeId,
      practiceMode,
      communeCode,
      kind,
      status,
      cotisationYear,
      cotisationStatus,
      deferredSearch,
    ],
  );
  const shown = useMemo(() => filterMembers(sortedAll, filters), [sortedAll, filters]);
  const filtered = isFiltered(state);

  const options = useMemo(() => filterOptions(rows, state.cotisationYear), [rows, state.cotisationYear]);

  const onSort = (key: MemberSortKey) =>
    update({
      sort: { key, direction: state.sort.key === key && state.sort.direction === 'asc' ? 'desc' : 'asc' },
    });

  const stale = deferredSearch !== state.search;
  const countText = `${plural(shown.length, 'adhérent')}${shown.length !== rows.length ? ` sur ${formatInteger(rows.length)}` : ''}`;

  return (
    <div className="stack members-page">
      <div className="page-actions">
        <Link to="/adherents/nouveau" className="button">
          Nouvel adhérent
        </Link>
        <Link to="/adherents/import" className="button button-secondary">
          Importer un fichier…
        </Link>
        <ExportMenu filters={toFilters(state, state.search)} />
        <Link to="/adherents/colleges" className="page-actions-link">
          Collèges et cotisations
        </Link>
      </div>

      <section className="card toolbar-card" aria-label="Recherche et filtres">
        <div className="toolbar-grid">
          <div className="member-search">
            <label htmlFor="recherche-adherent" className="search-label">
              Rechercher un adhérent
            </label>
            <input
              id="recherche-adherent"
              type="search"
              className="search-input"
              autoComplete="off"
              spellCheck={false}
              placeholder="Nom, n° RPPS, commune, courriel…"
              value={state.search}
              onChange={(event) => update({ search: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && state.search) {
                  event.preventDefault();
                  update({ search: '' });
                }
              }}
            />
          </div>
          <FilterSelect
            id="filtre-profession"
            label="Profession"
            value={state.professionCode}
            onChange={(v) => update({ professionCode: v })}
          >
            <option value="">Toutes</option>
            {options.professions.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label} ({formatInteger(p.count)})
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="filtre-college"
            label="Collège"
            value={state.collegeId}
            onChange={(v) => update({ collegeId: v })}
          >
            <option value="">Tous</option>
            {(colleges.data ?? []).map((college) => (
              <option key={college.id} value={String(college.id)}>
                {college.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="filtre-mode"
            label="Mode d'exercice"
            value={state.practiceMode}
            onChange={(v) => update({ practiceMode: v })}
          >
            <option value="">Tous</option>
            {PRACTICE_MODES.map((mode) => (
              <option key={mode.code} value={mode.code}>
                {mode.label}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="filtre-commune"
            label="Commune"
            value={state.communeCode}
            onChange={(v) => update({ communeCode: v })}
          >
            <option value="">Toutes</option>
            {options.communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="filtre-type"
            label="Type"
            value={state.kind}
            onChange={(v) => update({ kind: v as ListState['kind'] })}
          >
            <option value="all">Tous</option>
            <option value="person">Personnes</option>
            <option value="structure">Structures</option>
          </FilterSelect>
          <FilterSelect
            id="filtre-statut"
            label="Statut"
            value={state.status}
            onChange={(v) => update({ status: v as ListState['status'] })}
          >
            <option value="active">Actifs</option>
            <option value="former">Anciens</option>
            <option value="all">Tous</option>
          </FilterSelect>
          <div className="filter filter-cotisation">
            <span className="filter-label" id="filtre-cotisation-titre">
              Cotisation
            </span>
            <div className="filter-pair">
              <select
                aria-label="Année de cotisation"
                value={String(state.cotisationYear)}
                onChange={(event) => update({ cotisationYear: Number(event.target.value) })}
              >
                {options.years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
              <select
                aria-label="État de la cotisation"
                value={state.cotisationStatus}
                onChange={(event) => update({ cotisationStatus: event.target.value as ListState['cotisationStatus'] })}
              >
                <option value="all">Toutes</option>
                <option value="a_jour">À jour</option>
                <option value="non_a_jour">Non à jour</option>
              </select>
            </div>
          </div>
        </div>
      </section>

      <div className="list-summary">
        <p className="list-count" role="status" aria-live="polite" data-testid="member-count">
          {countText}
        </p>
        {stale && <span className="spinner spinner-small" aria-hidden="true" />}
        {filtered && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() =>
              setState((current) => ({ ...initialState(), sort: current.sort, cotisationYear: current.cotisationYear }))
            }
          >
            Effacer les filtres
          </button>
        )}
        <p className="list-hint muted small">
          Clic ou Entrée : ouvrir la fiche · flèches : ligne suivante ou précédente
        </p>
      </div>

      {shown.length === 0 ? (
        <p className="card muted empty-result">Aucun adhérent ne correspond à cette recherche et à ces filtres.</p>
      ) : (
        <MemberTable
          rows={shown}
          year={state.cotisationYear}
          sort={state.sort}
          onSort={onSort}
          onOpen={(row) => navigate(`/adherents/${row.id}`)}
          label="Liste des adhérents"
        />
      )}
    </div>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className={`filter${value !== '' && value !== 'all' && value !== 'active' ? ' filter-on' : ''}`}>
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** The choices of the filters, taken from the members themselves (with counts). */
function filterOptions(rows: MemberListRow[], selectedYear: number) {
  const professions = new Map<string, { code: string; label: string; count: number }>();
  const communes = new Map<string, { code: string; name: string }>();
  const years = new Set<number>([currentYear(), currentYear() - 1, selectedYear]);
  for (const row of rows) {
    if (row.professionCode) {
      const entry = professions.get(row.professionCode);
      if (entry) entry.count++;
      else
        professions.set(row.professionCode, {
          code: row.professionCode,
          label: row.professionLabel ?? row.professionCode,
          count: 1,
        });
    }
    if (row.communeCode && !communes.has(row.communeCode)) {
      communes.set(row.communeCode, { code: row.communeCode, name: row.communeName ?? row.communeCode });
    }
    for (const year of row.upToDateYears) years.add(year);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return {
    professions: [...professions.values()].sort((a, b) => collator.compare(a.label, b.label)),
    communes: [...communes.values()].sort((a, b) => collator.compare(a.name, b.name)),
    years: [...years].sort((a, b) => b - a),
  };
}

function ExportMenu({ filters }: { filters: MemberFilters }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const exportList = useMembersWrite('members.exportList');
  const menuRef = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open]);

  const run = (format: 'csv' | 'xlsx') => {
    setOpen(false);
    exportList.mutate(
      { filters, format },
      {
        onSuccess: (result) => {
          if (result.saved) toast.notify({ kind: 'success', message: `Liste exportée : ${result.path}` });
          else toast.notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `La liste n’a pas été exportée : ${errorMessage(error)}` }),
      },
    );
  };

  return (
    <div
      ref={menuRef}
      className="menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls="menu-export"
        disabled={exportList.isPending}
        onClick={() => setOpen((value) => !value)}
      >
        {exportList.isPending ? 'Export en cours…' : 'Exporter'}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id="menu-export" className="menu-popover" role="group" aria-label="Format d’export">
          <p className="menu-note">La liste affichée, avec les filtres en cours :</p>
          <button type="button" className="menu-item" onClick={() => run('xlsx')}>
            Classeur Excel (.xlsx)
          </button>
          <button type="button" className="menu-item" onClick={() => run('csv')}>
            Fichier CSV (.csv)
          </button>
        </div>
      )}
    </div>
  );
}
