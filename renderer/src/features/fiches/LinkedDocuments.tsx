import type { LinkedDocument } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { DeleteButton } from '../../components/ConfirmDelete';
import { formatSize } from '../meetings/labels';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';

/** The documents attached to a fiche or a partnership (copied in Maillage’s folder), each with its « Supprimer ». */
export function LinkedDocuments({
  documents,
  empty,
  onRemove,
}: {
  documents: readonly LinkedDocument[];
  empty: string;
  onRemove: (doc: LinkedDocument) => void;
}) {
  if (documents.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list document-list">
      {documents.map((doc) => (
        <li key={doc.id}>
          <span className="document-name">{doc.title ?? doc.fileName}</span>{' '}
          <span className="muted small">
            {formatSize(doc.size)} · ajouté le {formatDateLong(doc.addedAt.slice(0, 10))}
          </span>{' '}
          <OpenDocumentButton target={{ documentId: doc.id }} name={doc.title ?? doc.fileName} />{' '}
          <DeleteButton label={`Supprimer ${doc.fileName}`} onClick={() => onRemove(doc)} />
        </li>
      ))}
    </ul>
  );
}
