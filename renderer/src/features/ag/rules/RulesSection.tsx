/**
 * Paramètres › « Règles statutaires »: the versions of the statuts' rules (convocation, quorum, pouvoirs,
 * majorités), the one in force today highlighted; a new version (prefilled from the latest one, or from the usual
 * values), edit, delete with confirmation. Each meeting follows the version in force at its date.
 */
import { useEffect, useRef, useState } from 'react';
import type { RulesOverview, RulesVersionRow } from '@shared/contract';
import { formatDateLong, formatDateTimeLong, toIsoDate } from '@shared/format';
import { errorMessage, useApiQuery } from '../../../api';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
import { Loading, QueryError } from '../../../components/Page';
import { useAgWrite } from '../queries';
import { RulesEditor, type RulesDraft } from './RulesEditor';
import '../ag.css';

type Editing = { draft: RulesDraft; title: string } | null;

/** The version in force on `today`: the latest one that entered into force on or before it. */
export function versionInForce(versions: RulesVersionRow[], today: string): RulesVersionRow | null {
  return (
    versions
      .filter((version) => version.effectiveFrom <= today)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null
  );
}

function createdOn(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatDateTimeLong(date);
}

export function RulesSection() {
  const overview = useApiQuery('rules.list', []);
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useConfirmedDelete(useAgWrite('rules.delete'), {
    title: () => 'Supprimer cette version des statuts ?',
    confirmLabel: 'Supprimer la version',
    input: (version: RulesVersionRow) => ({ id: version.id }),
    deletedMessage: (version) => `Version du ${formatDateLong(version.effectiveFrom)} supprimée.`,
    onDeleted: (version) => {
      if (editing?.draft.id === version.id) setEditing(null);
      setReturnFocus(true);
    },
    body: (version) => (
      <>
        <p>
          La version en vigueur à partir du {formatDateLong(version.effectiveFrom)}
          {version.source ? ` (${version.source})` : ''} sera supprimée.
        </p>
        <p>
          Les assemblées dont le procès-verbal est approuvé gardent les règles avec lesquelles elles ont été tenues ;
          les votes déjà enregistrés gardent leur résultat. Les autres assemblées appliqueront la version en vigueur à
          leur date : la version précédente, ou à défaut les valeurs usuelles.
        </p>
      </>
    ),
  });
  const deleting = remove.target;
  const today = toIsoDate(new Date());
  // When the editor closes or a version goes, the focus comes back to « Nouvelle version des statuts ».
  const newButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (returnFocus && !editing && !deleting) {
      newButton.current?.focus();
      setReturnFocus(false);
    }
  }, [returnFocus, editing, deleting]);
  const closeEditor = () => {
    setEditing(null);
    setReturnFocus(true);
  };

  const startNew = (data: RulesOverview) => {
    const latest = [...data.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    setEditing({
      title: 'Nouvelle version des statuts',
      draft: latest
        ? // New statuts have their own adoption date and articles: the source is left for the user to write.
          { id: null, effectiveFrom: '', source: '', rules: latest.rules }
        : { id: null, effectiveFrom: '', source: '', rules: data.defaults },
    });
  };

  const startEdit = (version: RulesVersionRow) =>
    setEditing({
      title: `Modifier la version en vigueur à partir du ${formatDateLong(version.effectiveFrom)}`,
      draft: {
        id: version.id,
        effectiveFrom: version.effectiveFrom,
        source: version.source ?? '',
        rules: version.rules,
      },
    });

  return (
    <section className="card" aria-labelledby="regles-titre">
      <h2 id="regles-titre">Règles statutaires</h2>
      <p className="muted">
        La loi de 1901 ne fixe ni le délai de convocation, ni le quorum, ni les majorités, ni les pouvoirs : ce sont vos
        statuts qui en décident. Maillage applique à chaque réunion la version en vigueur à sa date, pour vérifier la
        convocation, le quorum et le résultat des votes.
      </p>

      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryError message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <VersionsTable
            versions={overview.data.versions}
            today={today}
            editingId={editing?.draft.id ?? null}
            onEdit={startEdit}
            onDelete={remove.ask}
            disabled={editing !== null}
          />
          {editing ? (
            <RulesEditor
              key={editing.draft.id ?? 'nouvelle'}
              draft={editing.draft}
              title={editing.title}
              onSaved={closeEditor}
              onCancel={closeEditor}
            />
          ) : (
            <div className="form-actions">
              <button ref={newButton} type="button" className="button" onClick={() => startNew(overview.data)}>
                Nouvelle version des statuts
              </button>
            </div>
          )}
        </>
      )}

      {remove.dialog}
    </section>
  );
}

function VersionsTable({
  versions,
  today,
  editingId,
  onEdit,
  onDelete,
  disabled,
}: {
  versions: RulesVersionRow[];
  today: string;
  editingId: number | null;
  onEdit: (version: RulesVersionRow) => void;
  onDelete: (version: RulesVersionRow) => void;
  disabled: boolean;
}) {
  if (versions.length === 0) {
    return (
      <div className="alert alert-warning">
        <p className="alert-title">Aucune version des statuts n’est enregistrée.</p>
        <p>
          En attendant, Maillage applique des valeurs usuelles (convocation 15 jours avant, quorum du quart en AG
          ordinaire et de la moitié en AG extraordinaire…). Saisissez les règles de vos statuts pour que les contrôles
          soient justes.
        </p>
      </div>
    );
  }
  const current = versionInForce(versions, today);
  const sorted = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <DataTable
      rows={sorted}
      rowKey={(version) => version.id}
      className="rules-versions"
      scroll
      caption="Versions des règles statutaires, de la plus récente à la plus ancienne"
      rowProps={(version) => {
        const inForce = version.id === current?.id;
        return {
          className: `${inForce ? 'rules-version-current' : ''}${editingId === version.id ? ' rules-version-editing' : ''}`,
          'aria-current': inForce ? 'true' : undefined,
        };
      }}
      columns={[
        {
          header: 'En vigueur à partir du',
          rowHeader: true,
          cell: (version) => (
            <>
              {formatDateLong(version.effectiveFrom)}{' '}
              {version.id === current?.id ? (
                <span className="badge badge-ok">En vigueur aujourd’hui</span>
              ) : version.effectiveFrom > today ? (
                <span className="badge">À venir</span>
              ) : (
                <span className="badge badge-muted">Remplacée</span>
              )}
            </>
          ),
        },
        { header: 'Source', cell: (version) => version.source ?? <span className="muted">non précisée</span> },
        { header: 'Enregistrée le', cellClassName: 'muted small', cell: (version) => createdOn(version.createdAt) },
      ]}
      actionsClassName="row-actions"
      actions={(version) => (
        <>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => onEdit(version)}
            disabled={disabled}
            aria-label={`Modifier la version du ${formatDateLong(version.effectiveFrom)}`}
          >
            Modifier
          </button>{' '}
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => onDelete(version)}
            disabled={disabled}
            aria-label={`Supprimer la version du ${formatDateLong(version.effectiveFrom)}`}
          >
            Supprimer
          </button>
        </>
      )}
    />
  );
}
