import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { LinkedDocument, PartnershipRow } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { FicheStatusBadge } from './labels';
import { LinkedDocuments } from './LinkedDocuments';
import { PartnershipForm } from './PartnershipForm';
import { useFichesWrite, usePartnerships } from './queries';
import './fiches.css';

/** /projet-de-sante/partenariats — CLS, CTS, hôpital de proximité, GHT…, and the fiches under each. */
export function PartnershipsPage() {
  const partnerships = usePartnerships();
  const [editing, setEditing] = useState<PartnershipRow | 'new' | null>(null);
  const create = useFichesWrite('partnerships.create');
  const update = useFichesWrite('partnerships.update');

  return (
    <Page
      title="Partenariats"
      intro="Contrats locaux de santé, conseil territorial, hôpital de proximité, GHT, DAC, fédération : la place de la CPTS chez chacun et les fiches actions qu’elle y porte ou auxquelles elle participe."
      wide
    >
      <div className="stack">
        {editing === null && (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setEditing('new')}>
              Nouveau partenariat
            </button>
          </div>
        )}
        {editing !== null && (
          <PartnershipForm
            key={editing === 'new' ? 'new' : editing.id}
            row={editing === 'new' ? null : editing}
            save={(data) =>
              editing === 'new' ? create.mutateAsync(data) : update.mutateAsync({ id: editing.id, data })
            }
            onDone={() => setEditing(null)}
          />
        )}
        {partnerships.isPending ? (
          <Loading label="Chargement des partenariats…" />
        ) : partnerships.isError ? (
          <QueryError message={errorMessage(partnerships.error)} onRetry={() => void partnerships.refetch()} />
        ) : partnerships.data.length === 0 ? (
          editing === null && (
            <div className="card">
              <p>
                Aucun partenariat enregistré. Ajoutez le contrat local de santé, le conseil territorial ou l’hôpital de
                proximité où siège la CPTS : ses fiches actions s’y rattacheront.
              </p>
            </div>
          )
        ) : (
          <div className="stack">
            {partnerships.data.map((row) => (
              <PartnershipCard key={row.id} row={row} onEdit={() => setEditing(row)} />
            ))}
          </div>
        )}
      </div>
    </Page>
  );
}

function PartnershipCard({ row, onEdit }: { row: PartnershipRow; onEdit: () => void }) {
  const toast = useToast();
  const headingId = `partenariat-${row.id}-titre`;
  const remove = useConfirmedDelete(useFichesWrite('partnerships.delete'), {
    title: () => `Supprimer le partenariat « ${row.title ?? row.partner} » ?`,
    body: () => (
      <>
        <p>Le partenariat et ses documents seront supprimés.</p>
        {row.fiches.length > 0 && (
          <p>
            {row.fiches.length > 1
              ? `Ses ${row.fiches.length} fiches actions restent, sans partenariat.`
              : 'Sa fiche action reste, sans partenariat.'}
          </p>
        )}
      </>
    ),
    input: () => ({ id: row.id, confirm: true as const }),
    confirmLabel: 'Supprimer le partenariat',
    deletedMessage: () => `Partenariat « ${row.title ?? row.partner} » supprimé.`,
  });
  const addDocument = useFichesWrite('partnerships.addDocument');
  const removeDocument = useConfirmedDelete(useFichesWrite('partnerships.deleteDocument'), {
    title: () => 'Supprimer le document ?',
    body: (doc: LinkedDocument) => <p>« {doc.fileName} » sera retiré du partenariat et supprimé de Maillage.</p>,
    input: (doc) => ({ partnershipId: row.id, documentId: doc.id }),
    confirmLabel: 'Supprimer le document',
    deletedMessage: () => 'Document supprimé.',
  });
  const onAddDocument = () =>
    addDocument.mutate(
      { partnershipId: row.id },
      {
        onSuccess: (result) => {
          if (!('cancelled' in result)) toast.notify({ kind: 'success', message: 'Document joint au partenariat.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le document n’a pas été joint : ${errorMessage(error)}` }),
      },
    );
  const period =
    row.startsOn && row.endsOn
      ? `du ${formatDateLong(row.startsOn)} au ${formatDateLong(row.endsOn)}`
      : row.startsOn
        ? `depuis le ${formatDateLong(row.startsOn)}`
        : row.endsOn
          ? `jusqu’au ${formatDateLong(row.endsOn)}`
          : null;

  return (
    <section className="card partnership-card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>
          <span className="badge">{row.typeShort}</span> {row.title ?? row.partner}
        </h2>
        <div className="page-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={onEdit}
            aria-label={`Modifier le partenariat ${row.title ?? row.partner}`}
          >
            Modifier
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => remove.ask(row)}
            aria-label={`Supprimer le partenariat ${row.title ?? row.partner}`}
          >
            Supprimer
          </button>
        </div>
      </div>
      {row.warnings.length > 0 && (
        <ul className="plain-list alert alert-warning">
          {row.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <dl className="fiche-sheet">
        <dt>Type</dt>
        <dd>{row.typeLabel}</dd>
        <dt>Partenaire</dt>
        <dd>{row.partner}</dd>
        {row.signedOn && (
          <>
            <dt>Signé le</dt>
            <dd>{formatDateLong(row.signedOn)}</dd>
          </>
        )}
        {period && (
          <>
            <dt>Période</dt>
            <dd>{period}</dd>
          </>
        )}
        {row.cptsSeat && (
          <>
            <dt>Place de la CPTS</dt>
            <dd>{row.cptsSeat}</dd>
          </>
        )}
        {row.axes.length > 0 && (
          <>
            <dt>Axes</dt>
            <dd>
              <ol className="plain-list">
                {row.axes.map((axis) => (
                  <li key={axis}>{axis}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
        {row.note && (
          <>
            <dt>Note</dt>
            <dd>{row.note}</dd>
          </>
        )}
      </dl>

      <h3>Fiches actions</h3>
      <p className="partnership-counts">
        <span className="badge">{plural(row.fichesByRole.porteur, 'fiche portée', 'fiches portées')} par la CPTS</span>
        <span className="badge">{plural(row.fichesByRole.co_porteur, 'co-portée', 'co-portées')}</span>
        <span className="badge badge-muted">{row.fichesByRole.participant} où elle participe</span>
        {row.fichesTotal !== null && (
          <span className="muted small">sur {plural(row.fichesTotal, 'fiche', 'fiches')} du programme</span>
        )}
      </p>
      <DataTable
        rows={row.fiches}
        rowKey={(fiche) => fiche.id}
        compact
        aria-label={`Fiches actions de ${row.title ?? row.partner}`}
        empty="Aucune fiche action rattachée à ce partenariat."
        columns={[
          { header: 'Référence', className: 'nowrap', cell: (fiche) => fiche.externalRef ?? fiche.code ?? '—' },
          {
            header: 'Fiche action',
            rowHeader: true,
            cell: (fiche) => <Link to={`/projet-de-sante/fiches/${fiche.id}`}>{fiche.title}</Link>,
          },
          { header: 'Rôle de la CPTS', cell: (fiche) => fiche.cptsRoleLabel },
          { header: 'Statut', cell: (fiche) => <FicheStatusBadge status={fiche.status} /> },
        ]}
      />
      <div className="form-actions">
        <Link
          to={`/projet-de-sante/fiches/nouvelle?partenariat=${row.id}`}
          className="button button-small button-secondary"
        >
          Nouvelle fiche sous ce partenariat
        </Link>
      </div>

      <h3>Convention et documents</h3>
      <LinkedDocuments
        documents={row.documents}
        empty="Aucun document joint (convention, contrat signé…)."
        onRemove={removeDocument.ask}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={onAddDocument}
          disabled={addDocument.isPending}
        >
          Joindre un document…
        </button>
      </div>
      {remove.dialog}
      {removeDocument.dialog}
    </section>
  );
}
