import { useState } from 'react';
import type { ContractDetail, ContractDocumentRow } from '@shared/contract';
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

/** The signed contract, its avenants and annexes: files copied into Maillage's documents folder. */
export function ContractDocuments({ contract }: { contract: ContractDetail }) {
  const toast = useToast();
  const [kind, setKind] = useState<ContractDocumentKind>('contrat_signe');
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
      { contractId: contract.id, kind },
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
    <section className="card" aria-labelledby="documents-contrat-titre">
      <h2 id="documents-contrat-titre">Documents du contrat</h2>
      <DataTable
        rows={contract.documents}
        rowKey={(row) => row.id}
        compact
        scroll
        aria-labelledby="documents-contrat-titre"
        empty="Aucun document joint. Ajoutez le contrat signé, ses avenants et l’annexe des indicateurs."
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
          <DeleteButton label={`Supprimer ${row.title ?? row.fileName}`} onClick={() => remove.ask(row)} />
        )}
      />
      <div className="form-actions contract-document-add">
        <label htmlFor="document-nature">Nature du document</label>
        <select
          id="document-nature"
          value={kind}
          onChange={(event) => setKind(event.target.value as ContractDocumentKind)}
        >
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
