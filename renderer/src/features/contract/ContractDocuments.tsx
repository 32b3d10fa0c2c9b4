import { useState } from 'react';
import type { ContractDetail, ContractDocumentRow, ContractYearRow } from '@shared/contract';
import {
  CONTRACT_DOCUMENT_KIND_LABELS,
  CONTRACT_DOCUMENT_KINDS,
  type ContractDocumentKind,
} from '@shared/domain/contract-labels';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { useToast } from '../../components/Toasts';
import { formatSize } from '../meetings/labels';
import { useContractWrite } from './queries';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';

/**
 * Files copied into Maillage's documents folder: the signed contract and its avenants for the whole contract, the
 * annexe des indicateurs and the other papers of one contract year when `year` is given.
 */
export function ContractDocuments({ contract, year }: { contract: ContractDetail; year?: ContractYearRow }) {
  const toast = useToast();
  const [kind, setKind] = useState<ContractDocumentKind>(year ? 'annexe_indicateurs' : 'contrat_signe');
  const documents = year ? year.documents : contract.documents;
  const titleId = year ? 'documents-annee-titre' : 'documents-contrat-titre';
  const kindId = year ? 'document-annee-nature' : 'document-nature';
  const add = useContractWrite('contract.addDocument');
  const remove = useConfirmedDelete(useContractWrite('contract.deleteDocument'), {
    title: () => 'Supprimer le document ?',
    confirmLabel: 'Supprimer le document',
    body: (doc: ContractDocumentRow) => (
      <p>« {doc.title ?? doc.fileName} » sera retiré du contrat et supprimé de Maillage.</p>
    ),
    input: (doc) => ({ contractId: contract.id, documentId: doc.id }),
    deletedMessage: () => 'Document supprimé.',
  });

  const onAdd = () =>
    add.mutate(
      { contractId: contract.id, yearId: year?.id ?? null, kind },
      {
        onSuccess: (result) => {
          if ('cancelled' in result) return;
          toast.notify({ kind: 'success', message: 'Document ajouté.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le document n’a pas été ajouté : ${errorMessage(error)}` }),
      },
    );

  return (
    <section className="card" aria-labelledby={titleId}>
      {year ? (
        <h3 id={titleId}>Documents de l’{year.label.toLowerCase()}</h3>
      ) : (
        <h2 id={titleId}>Documents du contrat</h2>
      )}
      <DataTable
        rows={documents}
        rowKey={(row) => row.id}
        compact
        scroll
        aria-labelledby={titleId}
        empty={
          year
            ? 'Aucun document pour cette année. Ajoutez l’annexe des indicateurs signée pour l’année.'
            : 'Aucun document joint. Ajoutez le contrat signé et ses avenants.'
        }
        columns={[
          { header: 'Document', rowHeader: true, cell: (row) => row.title ?? row.fileName },
          { header: 'Nature', cell: (row) => row.kindLabel },
          {
            header: 'Fichier',
            cell: (row) => (
              <span className="cell-sub">
                {row.fileName} · {formatSize(row.size)}
              </span>
            ),
          },
          { header: 'Ajouté le', cell: (row) => formatDateLong(row.addedAt.slice(0, 10)) },
        ]}
        actions={(row) => (
          <>
            <OpenDocumentButton target={{ documentId: row.id }} name={row.title ?? row.fileName} />{' '}
            <DeleteButton label={`Supprimer ${row.title ?? row.fileName}`} onClick={() => remove.ask(row)} />
          </>
        )}
      />
      <div className="form-actions contract-document-add">
        <label htmlFor={kindId}>Nature du document</label>
        <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as ContractDocumentKind)}>
          {CONTRACT_DOCUMENT_KINDS.map((code) => (
            <option key={code} value={code}>
              {CONTRACT_DOCUMENT_KIND_LABELS[code]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" onClick={onAdd} disabled={add.isPending}>
          {add.isPending ? 'Ajout…' : 'Ajouter un document…'}
        </button>
      </div>
      {remove.dialog}
    </section>
  );
}
