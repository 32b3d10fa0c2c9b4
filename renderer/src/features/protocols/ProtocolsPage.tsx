import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ChannelInput } from '@shared/contract';
import { PROTOCOL_VERSION_STATUSES } from '@shared/domain/protocol-labels';
import { formatDateLong, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { exportToasts } from '../../components/exportToasts';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { useToast } from '../../components/Toasts';
import { useRememberedRef } from '../../components/UiState';
import { CodeOptions } from '../meetings/CodeOptions';
import { FAMILY_SHORT_OPTIONS, FamilyBadge, LIBRARY_SEARCH_KEY, ReviewDate, VersionStatusBadge } from './labels';
import { ProtocolIdentityDialog } from './ProtocolIdentityDialog';
import { ProfessionCombobox } from './ProfessionCombobox';
import { useProtocols, useProtocolsWrite } from './queries';
import './protocols.css';

/** The filters, as the address's query keeps them (so « retour » from a protocol finds the list as it was). */
const FILTER_KEYS = ['q', 'famille', 'statut', 'profession', 'theme', 'revision'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The list's filters as the channel takes them (empty ones left out). */
function toInput(params: URLSearchParams, search: string): ChannelInput<'protocols.list'> {
  const family = params.get('famille');
  const status = params.get('statut');
  const professionCode = params.get('profession');
  const theme = params.get('theme');
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(family ? { family: family as never } : {}),
    ...(status ? { status: status as never } : {}),
    ...(professionCode ? { professionCode } : {}),
    ...(theme ? { theme } : {}),
    ...(params.get('revision') === '1' ? { reviewDue: true } : {}),
  };
}

/** /protocoles — the library: every protocol with the version that applies, its review and its team. */
export function ProtocolsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const remembered = useRememberedRef<string>(LIBRARY_SEARCH_KEY);
  useEffect(() => remembered.write(params.toString()), [params, remembered]);
  const search = useDeferredValue(params.get('q') ?? '');
  const protocols = useProtocols(toInput(params, search));
  // Every theme in use, whatever the filters: the theme filter proposes them.
  const all = useProtocols({});
  const themes = useMemo(
    () =>
      [...new Set((all.data ?? []).map((row) => row.theme?.trim()).filter((theme): theme is string => Boolean(theme)))]
        .sort((a, b) => a.localeCompare(b, 'fr'))
        .map((theme) => ({ code: theme, label: theme })),
    [all.data],
  );
  const set = (key: FilterKey, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filtered = FILTER_KEYS.some((key) => params.get(key));

  const importWord = useProtocolsWrite('protocols.importWord');
  const onImport = () =>
    importWord.mutate(undefined, {
      onSuccess: (result) => {
        if ('cancelled' in result) return;
        toast.notify({
          kind: 'success',
          message: `Protocole « ${result.title} » créé depuis le document Word : relisez son brouillon.`,
        });
        navigate(
          result.draftVersionId
            ? `/protocoles/${result.id}/versions/${result.draftVersionId}`
            : `/protocoles/${result.id}`,
        );
      },
      onError: (error) =>
        toast.notify({ kind: 'error', message: `Le document Word n’a pas été importé : ${errorMessage(error)}` }),
    });

  const exportRegister = useProtocolsWrite('reports.exportProtocolRegister');
  const registerYear = new Date().getFullYear();
  const onExportRegister = () =>
    exportRegister.mutate(
      { year: registerYear },
      exportToasts(toast.notify, {
        saved: `Registre des protocoles ${registerYear} enregistré`,
        failed: 'Le registre des protocoles n’a pas été exporté',
      }),
    );

  return (
    <Page
      title="Protocoles"
      intro="La bibliothèque des protocoles de la CPTS : pluriprofessionnels (qui fait quoi, sans transfert d’actes) et de coopération (transfert d’actes déclaré à l’ARS), avec leurs versions, leur validation et leur prochaine révision."
      wide
    >
      <div className="page-actions">
        <button type="button" className="button" onClick={() => setCreating(true)}>
          Nouveau protocole
        </button>
        <button type="button" className="button button-secondary" disabled={importWord.isPending} onClick={onImport}>
          {importWord.isPending ? 'Import du document…' : 'Importer un protocole Word'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={exportRegister.isPending}
          onClick={onExportRegister}
        >
          {exportRegister.isPending ? 'Génération du PDF…' : `Registre des protocoles ${registerYear} (PDF)`}
        </button>
      </div>
      <PdfExportProgress pending={exportRegister.isPending} />
      {creating && (
        <ProtocolIdentityDialog
          protocol={null}
          onClose={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            navigate(`/protocoles/${created.id}`);
          }}
        />
      )}

      <div className="card toolbar-card protocols-filters" role="search" aria-label="Filtrer les protocoles">
        <div className="field protocols-search">
          <label htmlFor="protocoles-recherche">Rechercher</label>
          <input
            id="protocoles-recherche"
            type="search"
            autoComplete="off"
            placeholder="Titre, code, thème, texte d’une étape"
            value={params.get('q') ?? ''}
            onChange={(event) => set('q', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="protocoles-famille">Famille</label>
          <select
            id="protocoles-famille"
            value={params.get('famille') ?? ''}
            onChange={(e) => set('famille', e.target.value)}
          >
            <option value="">Toutes les familles</option>
            <CodeOptions items={FAMILY_SHORT_OPTIONS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="protocoles-statut">Statut</label>
          <select
            id="protocoles-statut"
            value={params.get('statut') ?? ''}
            onChange={(e) => set('statut', e.target.value)}
          >
            <option value="">Tous les statuts</option>
            <CodeOptions items={PROTOCOL_VERSION_STATUSES} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="protocoles-profession">Profession</label>
          <ProfessionCombobox
            inputProps={{ id: 'protocoles-profession', placeholder: 'Toutes les professions' }}
            value={params.get('profession') ?? ''}
            onChange={(code) => set('profession', code)}
          />
        </div>
        <div className="field">
          <label htmlFor="protocoles-theme">Thème</label>
          <select
            id="protocoles-theme"
            value={params.get('theme') ?? ''}
            onChange={(e) => set('theme', e.target.value)}
          >
            <option value="">Tous les thèmes</option>
            <CodeOptions items={themes} />
          </select>
        </div>
        <label className="checkbox-label protocols-review-filter">
          <input
            type="checkbox"
            checked={params.get('revision') === '1'}
            onChange={(event) => set('revision', event.target.checked ? '1' : '')}
          />{' '}
          Révision à faire
        </label>
        {filtered && (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            Effacer les filtres
          </button>
        )}
      </div>

      {protocols.isPending ? (
        <Loading label="Chargement des protocoles…" />
      ) : protocols.isError ? (
        <QueryError message={errorMessage(protocols.error)} onRetry={() => void protocols.refetch()} />
      ) : (
        <section className="card" aria-labelledby="protocoles-liste-titre">
          <h2 id="protocoles-liste-titre" className="list-count" aria-live="polite">
            {plural(protocols.data.length, 'protocole')}
          </h2>
          <DataTable
            rows={protocols.data}
            rowKey={(row) => row.id}
            aria-labelledby="protocoles-liste-titre"
            scroll
            empty={
              filtered ? (
                'Aucun protocole ne correspond à ces filtres.'
              ) : (
                <>
                  Aucun protocole pour l’instant. Créez-en un avec « Nouveau protocole » (son titre et sa famille
                  suffisent, le contenu s’écrit ensuite dans son brouillon), ou reprenez un protocole déjà écrit avec «
                  Importer un protocole Word ».
                </>
              )
            }
            columns={[
              { header: 'Code', className: 'mono nowrap', cell: (row) => row.code ?? '—' },
              {
                header: 'Protocole',
                rowHeader: true,
                className: 'protocols-title-cell',
                cell: (row) => (
                  <>
                    <Link to={`/protocoles/${row.id}`}>{row.title}</Link>
                    {row.theme && <div className="cell-sub">{row.theme}</div>}
                  </>
                ),
              },
              { header: 'Famille', cell: (row) => <FamilyBadge family={row.family} /> },
              {
                header: 'Statut',
                cell: (row) => (
                  <>
                    <VersionStatusBadge status={row.status} />
                    {row.versionNumber !== null && <div className="cell-sub">Version {row.versionNumber}</div>}
                    {row.hasDraft && row.status !== 'brouillon' && <div className="cell-sub">Brouillon en cours</div>}
                  </>
                ),
              },
              {
                header: 'Validé le',
                className: 'nowrap',
                cell: (row) => (row.validatedOn ? formatDateLong(row.validatedOn) : '—'),
              },
              {
                header: 'Prochaine révision',
                cell: (row) => <ReviewDate on={row.nextReviewOn} review={row.review} />,
              },
              {
                header: 'Équipe',
                className: 'num',
                cell: (row) => (row.teamSize > 0 ? plural(row.teamSize, 'membre') : '—'),
              },
            ]}
          />
        </section>
      )}
    </Page>
  );
}
