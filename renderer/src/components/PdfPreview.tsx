import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import './PdfPreview.css';

/** What pdf.js needs from the document it loaded: its pages, and a way to let it go. */
interface LoadedPdf {
  numPages: number;
  getPage: (pageNumber: number) => Promise<PdfPageProxy>;
  destroy: () => Promise<void>;
}
interface PdfPageProxy {
  getViewport: (options: { scale: number }) => { width: number; height: number };
  render: (options: { canvasContext: CanvasRenderingContext2D; viewport: unknown }) => {
    promise: Promise<void>;
    cancel: () => void;
  };
}

/**
 * pdf.js, loaded the first time a preview is shown (it is large, and most screens never need it), with its worker
 * bundled by Vite next to the app's own files (the CSP allows workers from 'self' only). `isEvalSupported: false`:
 * the CSP forbids eval.
 */
async function loadPdf(data: Uint8Array): Promise<LoadedPdf> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  if (pdfjs.GlobalWorkerOptions.workerSrc !== worker.default) pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  // pdf.js takes ownership of the bytes it is given: a copy keeps the caller's array usable.
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false });
  return (await task.promise) as unknown as LoadedPdf;
}

/** Width of the page drawn on screen, in CSS pixels (A4 portrait: about 700 × 990). */
const PAGE_WIDTH = 700;

export interface PdfPreviewProps {
  /** The PDF's bytes. */
  data: Uint8Array;
  /** Its page count, as the export reported it: the controls follow it even before pdf.js has read the file. */
  pages: number;
  /** What the document is, for screen readers: « Aperçu du rapport d’activité 2025 ». */
  label: string;
}

/**
 * A PDF shown one page at a time on a canvas, with « Page précédente », « Page suivante » and « Page x sur y »;
 * PageUp / PageDown (and the arrows) turn the pages while the preview has the focus.
 */
export function PdfPreview({ data, pages, label }: PdfPreviewProps) {
  const [page, setPage] = useState(1);
  const [pdf, setPdf] = useState<LoadedPdf | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(true);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const count = pdf?.numPages ?? pages;

  // A new document: back to its first page.
  useEffect(() => {
    let current: LoadedPdf | null = null;
    let stale = false;
    setPage(1);
    setPdf(null);
    setFailure(null);
    setDrawing(true);
    loadPdf(data).then(
      (loaded) => {
        if (stale) {
          void loaded.destroy();
          return;
        }
        current = loaded;
        setPdf(loaded);
      },
      () => {
        if (!stale) setFailure('L’aperçu n’a pas pu être affiché. Exportez le PDF pour le lire.');
      },
    );
    return () => {
      stale = true;
      void current?.destroy();
    };
  }, [data]);

  useEffect(() => {
    if (!pdf) return;
    let task: ReturnType<PdfPageProxy['render']> | null = null;
    let stale = false;
    setDrawing(true);
    pdf
      .getPage(Math.min(page, pdf.numPages))
      .then(async (proxy) => {
        const canvas = canvasRef.current;
        const context = canvas?.getContext('2d');
        if (stale || !canvas || !context) return;
        const natural = proxy.getViewport({ scale: 1 });
        // Sharp on a high-density screen: more device pixels than CSS pixels.
        const ratio = window.devicePixelRatio || 1;
        const viewport = proxy.getViewport({ scale: (PAGE_WIDTH / natural.width) * ratio });
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        canvas.style.width = `${Math.round(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
        task = proxy.render({ canvasContext: context, viewport });
        await task.promise;
        if (!stale) setDrawing(false);
      })
      .catch((error: unknown) => {
        // Turning the page cancels the drawing of the previous one: not a failure.
        if (stale || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
        setFailure('Cette page de l’aperçu n’a pas pu être dessinée. Exportez le PDF pour la lire.');
      });
    return () => {
      stale = true;
      task?.cancel();
    };
  }, [pdf, page]);

  const go = (next: number) => setPage(Math.max(1, Math.min(count, next)));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'PageDown' || event.key === 'ArrowRight') go(page + 1);
    else if (event.key === 'PageUp' || event.key === 'ArrowLeft') go(page - 1);
    else if (event.key === 'Home') go(1);
    else if (event.key === 'End') go(count);
    else return;
    event.preventDefault();
  };

  return (
    <div className="pdf-preview">
      <div className="pdf-preview-controls">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={page <= 1}
          onClick={() => go(page - 1)}
        >
          Page précédente
        </button>
        <span className="pdf-preview-position" aria-live="polite">
          Page {page} sur {count}
        </span>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={page >= count}
          onClick={() => go(page + 1)}
        >
          Page suivante
        </button>
      </div>
      {failure ? (
        <p role="alert" className="error-text">
          {failure}
        </p>
      ) : (
        <div
          className="pdf-preview-page"
          role="group"
          aria-label={`${label}, page ${page} sur ${count}`}
          aria-busy={drawing}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the page takes the focus so that PageUp / PageDown turn the pages.
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <canvas ref={canvasRef} className="pdf-preview-canvas" data-page={page} data-drawn={!drawing} />
        </div>
      )}
    </div>
  );
}
