import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract';
import { formatDateLong } from '../../../../shared/format';
import { errorMessage, useApiMutation } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { formatSize } from './labels';

type Doc = MeetingDetail['documents'][number];

/** Files attached to the meeting (convocation, support, feuille d’émargement…). */
export function DocumentsSection({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const add = useApiMutation('meetings.addDocument');
  const remove = useApiMutation('meetings.deleteDocument');
  const [deleting, setDeleting] = useState<Doc | null>(null);

  const onAdd = () =>
    add.mutate(
      { meetingId: detail.id },
      {
        onSuccess: (result) => {
          if ('cancelled' in result) return;
          toast.notify({ kind: 'success', message: 'Document ajouté.' });
        },
        onError: (error) => toast.notify({ kind: 'error', message: `Le document n’a pas été ajouté : ${errorMessage(error)}` }),
      },
    );

  return (
    <section className="card" aria-labelledby="documents-titre">
      <div className="card-header">
        <h2 id="documents-titre">Documents</h2>
      </div>
      {detail.documents.length === 0 ? (
        <p className="muted">Aucun document joint.</p>
      ) : (
        <ul className="plain-list document-list">
          {detail.documents.map((doc) => (
            <li key={doc.id}>
              <span className="document-name">{doc.fileName}</span>{' '}
              <span className="muted small">
                {formatSize(doc.size)} · ajouté le {formatDateLong(doc.addedAt.slice(0, 10))}
              </span>{' '}
              <button type="button" className="button button-small button-ghost" aria-label={`Supprimer ${doc.fileName}`} onClick={() => setDeleting(doc)}>
                Supprimer
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onAdd} disabled={add.isPending}>
          {add.isPending ? 'Ajout…' : 'Ajouter un document'}
        </button>
      </div>
      {deleting && (
        <ConfirmDialog
          title="Supprimer le document ?"
          confirmLabel="Supprimer le document"
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { meetingId: detail.id, documentId: deleting.id },
              {
                onSuccess: () => {
                  setDeleting(null);
                  toast.notify({ kind: 'success', message: 'Document supprimé.' });
                },
              },
            )
          }
        >
          <p>« {deleting.fileName} » sera retiré de la réunion et supprimé de Maillage.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
