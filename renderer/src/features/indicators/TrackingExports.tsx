/**
 * The tableau de suivi as the CPAM and ARS read it: the PDF of the contract year shown, and the XLSX workbook of the
 * whole contract (one sheet per contract year), with the PDF's progress and « Annuler ».
 */
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { exportToasts } from '../../components/exportToasts';
import { useToast } from '../../components/Toasts';
import { useIndicatorsWrite } from './queries';

export function TrackingExports({ contractId, contractYearId }: { contractId: number; contractYearId: number }) {
  const toast = useToast();
  const pdf = useIndicatorsWrite('reports.exportIndicatorsTracking');
  const xlsx = useIndicatorsWrite('annex.exportTracking');
  return (
    <>
      <div className="page-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={pdf.isPending}
          onClick={() =>
            pdf.mutate(
              { contractYearId },
              exportToasts(toast.notify, {
                saved: 'Tableau de suivi enregistré',
                failed: 'Le tableau de suivi n’a pas été exporté',
              }),
            )
          }
        >
          {pdf.isPending ? 'Génération du PDF…' : 'Tableau de suivi (PDF)'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={xlsx.isPending}
          onClick={() =>
            xlsx.mutate(
              { contractId },
              exportToasts(toast.notify, {
                saved: 'Classeur du tableau de suivi enregistré',
                failed: 'Le classeur n’a pas été exporté',
              }),
            )
          }
        >
          {xlsx.isPending ? 'Export en cours…' : 'Tableau de suivi (Excel)'}
        </button>
      </div>
      <PdfExportProgress pending={pdf.isPending} />
    </>
  );
}
