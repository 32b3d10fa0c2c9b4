import { useApiMutation, useApiQuery } from '../api';
import './PdfExportProgress.css';

const STAGE_LABELS = {
  pdf: {
    queued: 'Préparation du PDF…',
    layout: 'Mise en page du PDF…',
    writing: 'Enregistrement du fichier…',
  },
  docx: {
    queued: 'Préparation du document Word…',
    layout: 'Mise en page du document Word…',
    writing: 'Enregistrement du fichier…',
  },
} as const;

/**
 * While a PDF export runs: where it is (waiting, laid out, written), how long it has taken, and « Annuler ».
 * Cancelling stops the preparation in the PDF worker; nothing is written. Shows nothing when `pending` is false.
 * `document` names what is prepared: a PDF (default) or a Word document, which the same registry follows.
 */
export function PdfExportProgress({ pending, document = 'pdf' }: { pending: boolean; document?: 'pdf' | 'docx' }) {
  const status = useApiQuery('reports.pdfStatus', [], {
    enabled: pending,
    refetchInterval: pending ? 500 : false,
    gcTime: 0,
  });
  const cancel = useApiMutation('reports.cancelPdf', { policy: {} });
  if (!pending) return null;
  const current = status.data?.running ? status.data : null;
  const stage = current?.stage ?? 'queued';
  const seconds = current && current.seconds >= 2 ? ` ${current.seconds} s` : '';
  return (
    <div className="pdf-progress">
      <p role="status" className="busy">
        <span className="spinner" aria-hidden="true" />
        {STAGE_LABELS[document][stage]}
        {seconds && <span className="muted">{seconds}</span>}
      </p>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={cancel.isPending || stage === 'writing'}
        onClick={() => cancel.mutate(undefined)}
      >
        Annuler
      </button>
    </div>
  );
}
