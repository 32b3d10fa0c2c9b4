import { useState } from 'react';
import type { ProtocolDetail, ProtocolDocumentRow } from '@shared/contract';
import { PROTOCOL_DOCUMENT_KINDS, type ProtocolDocumentKind } from '@shared/domain/protocol-labels';
import { exportDate } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';
import { useToast } from '../../components/Toasts';
import { CodeOptions } from '../meetings/CodeOptions';
import { formatSize } from '../meetings/labels';
import { useProtocolsWrite } from './queries';

/** The protocol's files: the signed protocol, annexes, the Word original, training material. */
export function DocumentsSection({ protocol }: { protocol: ProtocolDetail }) {
  const toast = useToast();
  const [kind, setKind] = useState<ProtocolDocumentKind>('protocole_signe');
  const [versionId, setVersionId] = useState('');
  const [title, setTitle] = useState('');
  const add = useProtocolsWrite('protocols.addDocument');
  const remove = useConfirmedDelete(useProtocolsWrite('protocols.deleteDocument'), {
    title: () => 'Supprimer le document ?',
    confirmLabel: 'Supprimer le document',
    body: (doc: ProtocolDocumentRow) => (
      <p>« {doc.title ?? doc.fileName} » sera retiré du protocole et supprimé de Maillage.</p>
    ),
    input: (doc) => ({ id: doc.id }),
    deletedMessage: () => 'Document supprimé.',
  });
  const versionLabel = (id: number | null) => {
    const version = protocol.versions.find((candidate) => candidate.id === id);
    return version ? `Version ${version.number}` : 'Tout le protocole';
  };

  const onAdd = () =>
    add.mutate(
      {
        protocolId: protocol.id,
        kind,
        versionId: versionId ? Number(versionId) : null,
        title: title.trim() || null,
      },
      {
        onSuccess: (result) => {
          if ('cancelled' in result) return;
          setTitle('');
          toast.notify({ kind: 'success', message: 'Document joint au protocole.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le document n’a pas été joint : ${errorMessage(error)}` }),
      },
    );

  return (
    <section className="card" aria-labelledby="protocole-documents">
      <h2 id="protocole-documents">Documents</h2>
      <DataTable
        rows={protocol.documents}
        rowKey={(doc) => doc.id}
        aria-labelledby="protocole-documents"
        compact
        empty="Aucun document joint : le protocole signé, ses annexes ou le support de formation s’ajoutent ci-dessous."
        columns={[
          {
            header: 'Document',
            rowHeader: true,
            cell: (doc) => (
              <>
                {doc.title ?? doc.fileName}
                {doc.title && <div className="cell-sub">{doc.fileName}</div>}
              </>
            ),
          },
          { header: 'Nature', cell: (doc) => doc.kindLabel },
          { header: 'Version', cell: (doc) => versionLabel(doc.versionId) },
          { header: 'Ajouté le', className: 'nowrap', cell: (doc) => exportDate(doc.addedAt) },
          { header: 'Taille', className: 'num nowrap', cell: (doc) => formatSize(doc.size) },
        ]}
        actions={(doc) => (
          <>
            <OpenDocumentButton target={{ documentId: doc.documentId }} name={doc.title ?? doc.fileName} />{' '}
            <DeleteButton
              label={`Supprimer le document ${doc.title ?? doc.fileName}`}
              onClick={() => remove.ask(doc)}
            />
          </>
        )}
      />
      <div className="protocol-document-add" role="group" aria-label="Joindre un document">
        <div className="field">
          <label htmlFor="document-nature">Nature</label>
          <select
            id="document-nature"
            value={kind}
            onChange={(event) => setKind(event.target.value as ProtocolDocumentKind)}
          >
            <CodeOptions items={PROTOCOL_DOCUMENT_KINDS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="document-version">Version</label>
          <select id="document-version" value={versionId} onChange={(event) => setVersionId(event.target.value)}>
            <option value="">Tout le protocole</option>
            {protocol.versions.map((version) => (
              <option key={version.id} value={String(version.id)}>
                Version {version.number}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="document-titre">Titre (facultatif)</label>
          <input
            id="document-titre"
            type="text"
            autoComplete="off"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <button type="button" className="button button-secondary" disabled={add.isPending} onClick={onAdd}>
          {add.isPending ? 'Ajout…' : 'Joindre un fichier…'}
        </button>
      </div>
      {remove.dialog}
    </section>
  );
}
