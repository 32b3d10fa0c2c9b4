import type { MeetingDetail } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { useToast } from '../../components/Toasts';
import { formatSize } from './labels';
import { useMeetingsWrite } from './queries';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';

type Doc = MeetingDetail['documents'][number];

/**
 * Files attached to the meeting (convocation, support, feuille d’émargement…). None on an RCP: a file cannot be
 * checked for a patient's identity. Files attached before the meeting became an RCP are flagged, to be deleted,
 * and left out of its compte rendu.
 */
export function DocumentsSection({ detail }: { detail: MeetingDetail }) {
  const rcp = detail.data.type === 'rcp';
  const toast = useToast();
  const add = useMeetingsWrite('meetings.addDocument');
  const remove = useConfirmedDelete(useMeetingsWrite('meetings.deleteDocument'), {
    title: () => 'Supprimer le document ?',
    confirmLabel: 'Supprimer le document',
    body: (doc: Doc) => <p>« {doc.fileName} » sera retiré de la réunion et supprimé de Maillage.</p>,
    input: (doc) => ({ meetingId: detail.id, documentId: doc.id }),
    deletedMessage: () => 'Document supprimé.',
  });

  const onAdd = () =>
    add.mutate(
      { meetingId: detail.id },
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
    <section className="card" aria-labelledby="documents-titre">
      <div className="card-header">
        <h2 id="documents-titre">Documents</h2>
      </div>
      {rcp && (
        <p className="muted small" role="note">
          Aucun document ne se joint à une RCP : Maillage ne peut pas vérifier qu’un fichier ne contient pas l’identité
          d’un patient. Joignez les pièces justificatives (feuille d’émargement, support…) à une autre réunion, par
          exemple celle de l’équipe qui prépare la RCP.
        </p>
      )}
      {rcp && detail.documents.length > 0 && (
        <div className="alert alert-warning" role="alert">
          {detail.documents.length > 1
            ? `Ces ${detail.documents.length} documents ont été joints avant que la réunion devienne une RCP. Ils ne figurent pas dans le compte rendu ; s’ils peuvent contenir l’identité d’un patient, supprimez-les.`
            : 'Ce document a été joint avant que la réunion devienne une RCP. Il ne figure pas dans le compte rendu ; s’il peut contenir l’identité d’un patient, supprimez-le.'}
        </div>
      )}
      {detail.documents.length === 0 ? (
        !rcp && <p className="muted">Aucun document joint.</p>
      ) : (
        <ul className="plain-list document-list">
          {detail.documents.map((doc) => (
            <li key={doc.id}>
              <span className="document-name">{doc.fileName}</span>{' '}
              {rcp && (
                <>
                  <span className="badge badge-warn">hors compte rendu, à supprimer</span>{' '}
                </>
              )}
              <span className="muted small">
                {formatSize(doc.size)} · ajouté le {formatDateLong(doc.addedAt.slice(0, 10))}
              </span>{' '}
              <OpenDocumentButton target={{ meetingDocumentId: doc.id }} name={doc.fileName} />{' '}
              <DeleteButton label={`Supprimer ${doc.fileName}`} onClick={() => remove.ask(doc)} />
            </li>
          ))}
        </ul>
      )}
      {!rcp && (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onAdd} disabled={add.isPending}>
            {add.isPending ? 'Ajout…' : 'Ajouter un document'}
          </button>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}
