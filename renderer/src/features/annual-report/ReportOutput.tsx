import { useState } from 'react';
import type { ExportResult } from '@shared/contract';
import { plural } from '@shared/format';
import { errorMessage } from '../../api';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { PdfPreview } from '../../components/PdfPreview';
import { useToast } from '../../components/Toasts';
import { useAnnualReportWrite } from './queries';

/**
 * The bytes of the preview as they come over IPC: a Uint8Array (structured clone), or their JSON form when a bridge
 * serialises the answer (a Node Buffer's `{ type: 'Buffer', data }`, or an object indexed by position).
 */
function toBytes(pdf: unknown): Uint8Array {
  if (pdf instanceof Uint8Array) return pdf;
  if (pdf instanceof ArrayBuffer) return new Uint8Array(pdf);
  if (Array.isArray(pdf)) return Uint8Array.from(pdf as number[]);
  if (pdf && typeof pdf === 'object' && 'data' in pdf && Array.isArray(pdf.data)) {
    return Uint8Array.from(pdf.data as number[]);
  }
  if (pdf && typeof pdf === 'object') {
    const indexed = pdf as Record<string, number>;
    const bytes = new Uint8Array(Object.keys(indexed).length);
    for (let index = 0; index < bytes.length; index++) bytes[index] = indexed[index] ?? 0;
    return bytes;
  }
  return new Uint8Array();
}

/** « Aperçu », « Exporter en PDF », « Exporter en Word (.docx) »: what the saved draft will print. */
export function ReportOutput({ year }: { year: number }) {
  const toast = useToast();
  const [preview, setPreview] = useState<{ bytes: Uint8Array; pages: number } | null>(null);
  const previewing = useAnnualReportWrite('reports.previewActivityReport', {
    onSuccess: (result) => setPreview({ bytes: toBytes(result.pdf), pages: result.pages }),
  });
  const exporting = useAnnualReportWrite('reports.exportActivityReport', {
    onSuccess: (result: ExportResult, input) => {
      if (!result.saved) {
        toast.notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
        return;
      }
      const pages = input.format === 'pdf' ? ` (${plural(result.pages, 'page')})` : '';
      toast.notify({ kind: 'success', message: `Enregistré : ${result.path}${pages}` });
    },
    onError: (error) => toast.notify({ kind: 'error', message: `Export impossible : ${errorMessage(error)}` }),
  });
  const busy = previewing.isPending || exporting.isPending;
  const format = exporting.isPending ? exporting.variables?.format : 'pdf';

  return (
    <section className="card annual-output" aria-labelledby="rapport-sortie">
      <h2 id="rapport-sortie">Aperçu et export</h2>
      <p className="muted small">
        Le rapport reprend le brouillon tel qu’il est enregistré et les données de Maillage au moment de l’export :
        enregistrez vos modifications avant l’aperçu.
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => previewing.mutate({ year })}>
          {preview ? 'Actualiser l’aperçu' : 'Aperçu'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => exporting.mutate({ year, format: 'pdf' })}
        >
          Exporter en PDF
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => exporting.mutate({ year, format: 'docx' })}
        >
          Exporter en Word (.docx)
        </button>
        {preview && !previewing.isPending && (
          <button type="button" className="button button-ghost" onClick={() => setPreview(null)}>
            Fermer l’aperçu
          </button>
        )}
      </div>
      <PdfExportProgress pending={busy} document={format === 'docx' ? 'docx' : 'pdf'} />
      {previewing.isError && (
        <p role="alert" className="error-text">
          L’aperçu n’a pas pu être préparé : {errorMessage(previewing.error)}
        </p>
      )}
      {preview && !previewing.isPending && (
        <PdfPreview data={preview.bytes} pages={preview.pages} label={`Aperçu du rapport d’activité ${year}`} />
      )}
    </section>
  );
}
