import { useDeferredValue } from 'react';
import { Link } from 'react-router-dom';
import type { ChannelInput } from '@shared/contract';
import { CPTS_ROLES, FICHE_STATUSES } from '@shared/domain/fiche-labels';
import { plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { exportToasts } from '../../components/exportToasts';
import { useToast } from '../../components/Toasts';
import { useRememberedState } from '../../components/UiState';
import { CodeOptions } from '../meetings/CodeOptions';
import { FicheStatusBadge, MISSION_SHORT_OPTIONS, missionShortLabel, partnershipName } from './labels';
import { useFiches, useFichesWrite, usePartnerships } from './queries';
import './fiches.css';

interface Filters {
  missionCode: string;
  status: string;
  cptsRole: string;
  partnershipId: string;
  search: string;
}

const NO_FILTER: Filters = { missionCode: '', status: '', cptsRole: '', partnershipId: '', search: '' };

/** The list's filters as the channel takes them (empty ones left out). */
function toInput(filters: Filters, search: string): ChannelInput<'fiches.list'> {
  return {
    ...(filters.missionCode ? { missionCode: filters.missionCode as never } : {}),
    ...(filters.status ? { status: filters.status as never } : {}),
    ...(filters.cptsRole ? { cptsRole: filters.cptsRole as never } : {}),
    ...(filters.partnershipId ? { partnershipId: Number(filters.partnershipId) } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
}

/** /projet-de-sante/fiches — the fiches actions, filtered by mission, status, role, partnership or words. */
export function FichesPage() {
  const [filters, setFilters] = useRememberedState<Filters>('fiches.filtres', NO_FILTER);
  const search = useDeferredValue(filters.search);
  const fiches = useFiches(toInput(filters, search));
  const partnerships = usePartnerships();
  /** « CLS · Ville de Mulhouse »: the list's column stays narrow. */
  const partnershipShort = (id: number) => {
    const p = partnerships.data?.find((candidate) => candidate.id === id);
    return p ? `${p.typeShort} · ${p.partner}` : null;
  };
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const filtered = Object.values(filters).some((value) => value.trim() !== '');
  const toast = useToast();
  const exportSummary = useFichesWrite('reports.exportHealthProjectSummary');
  const onExportSummary = () =>
    exportSummary.mutate(
      undefined,
      exportToasts(toast.notify, {
        saved: 'Synthèse du projet de santé enregistrée',
        failed: 'La synthèse du projet de santé n’a pas été exportée',
      }),
    );

  return (
    <Page
      title="Fiches actions"
      intro="Les actions du projet de santé : celles que la CPTS porte et celles auxquelles elle participe, leur mission, leur pilote et leur avancement."
      wide
    >
      <div className="page-actions">
        <Link to="/projet-de-sante/fiches/nouvelle" className="button">
          Nouvelle fiche action
        </Link>
        <button
          type="button"
          className="button button-secondary"
          disabled={exportSummary.isPending}
          onClick={onExportSummary}
        >
          {exportSummary.isPending ? 'Génération du PDF…' : 'Synthèse du projet de santé (PDF)'}
        </button>
      </div>
      <PdfExportProgress pending={exportSummary.isPending} />

      <div className="card toolbar-card fiches-filters" role="search" aria-label="Filtrer les fiches actions">
        <div className="field fiches-search">
          <label htmlFor="fiches-recherche">Rechercher</label>
          <input
            id="fiches-recherche"
            type="search"
            autoComplete="off"
            placeholder="Code, titre, pilote, référence"
            value={filters.search}
            onChange={(event) => set('search')(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fiches-mission">Mission</label>
          <select id="fiches-mission" value={filters.missionCode} onChange={(e) => set('missionCode')(e.target.value)}>
            <option value="">Toutes les missions</option>
            <CodeOptions items={MISSION_SHORT_OPTIONS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="fiches-statut">Statut</label>
          <select id="fiches-statut" value={filters.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="">Tous les statuts</option>
            <CodeOptions items={FICHE_STATUSES} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="fiches-role">Rôle de la CPTS</label>
          <select id="fiches-role" value={filters.cptsRole} onChange={(e) => set('cptsRole')(e.target.value)}>
            <option value="">Tous les rôles</option>
            <CodeOptions items={CPTS_ROLES} />
          </select>
        </div>
        <div className="field fiches-filter-wide">
          <label htmlFor="fiches-partenariat">Partenariat</label>
          <select
            id="fiches-partenariat"
            value={filters.partnershipId}
            onChange={(e) => set('partnershipId')(e.target.value)}
          >
            <option value="">Tous les partenariats</option>
            {(partnerships.data ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {partnershipName(p)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="button button-small button-ghost" onClick={() => setFilters(NO_FILTER)}>
            Effacer les filtres
          </button>
        )}
      </div>

      {fiches.isPending ? (
        <Loading label="Chargement des fiches actions…" />
      ) : fiches.isError ? (
        <QueryError message={errorMessage(fiches.error)} onRetry={() => void fiches.refetch()} />
      ) : (
        <section className="card" aria-labelledby="fiches-liste-titre">
          <h2 id="fiches-liste-titre" className="list-count" aria-live="polite">
            {plural(fiches.data.length, 'fiche action', 'fiches actions')}
          </h2>
          <DataTable
            rows={fiches.data}
            rowKey={(row) => row.id}
            aria-labelledby="fiches-liste-titre"
            scroll
            empty={
              filtered ? (
                'Aucune fiche action ne correspond à ces filtres.'
              ) : (
                <>
                  Aucune fiche action pour l’instant.{' '}
                  <Link to="/projet-de-sante/fiches/nouvelle">Créez la première</Link> : son titre suffit, le reste se
                  complète ensuite.
                </>
              )
            }
            columns={[
              { header: 'Code', className: 'mono nowrap', cell: (row) => row.code ?? '—' },
              {
                header: 'Fiche action',
                rowHeader: true,
                cell: (row) => <Link to={`/projet-de-sante/fiches/${row.id}`}>{row.title}</Link>,
              },
              { header: 'Mission', cell: (row) => missionShortLabel(row.missionCode) },
              {
                header: 'Rôle de la CPTS',
                cell: (row) => (
                  <>
                    {row.cptsRoleLabel}
                    {row.porteurOrg && <div className="cell-sub">Porteur : {row.porteurOrg}</div>}
                  </>
                ),
              },
              {
                header: 'Statut',
                cell: (row) => (
                  <>
                    <FicheStatusBadge status={row.status} />
                    {row.nextDue?.late && <div className="cell-sub overdue">Étape en retard</div>}
                  </>
                ),
              },
              { header: 'Pilote', cell: (row) => row.pilot ?? '—' },
              {
                header: 'Partenariat',
                cell: (row) =>
                  row.partnershipId ? (
                    <>
                      {partnershipShort(row.partnershipId) ?? row.partnershipLabel}
                      {row.externalRef && <div className="cell-sub">{row.externalRef}</div>}
                    </>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </section>
      )}
    </Page>
  );
}
