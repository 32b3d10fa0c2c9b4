/**
 * The tableau de suivi as the CPAM and ARS read it: the PDF of the contract year shown, and the XLSX workbook of the
 * whole contract (one sheet per contract year), with the PDF's progress and « Annuler »; and the dossier du dialogue
 * de gestion of the year (the PDF, and its justificatifs in a zip beside it).
 */
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { exportToasts } from '../../components/exportToasts';
import { useToast } from '../../components/Toasts';
import { useIndicatorsWrite } from './queries';

/** « Dossier enregistré : …pdf, et ses 7 justificatifs dans …zip ». */
function dossierSaved(result: { saved: true; path: string; bundle: { path: string; files: number } | null }): string {
  if (!result.bundle) return `Dossier du dialogue de gestion enregistré (sans pièce jointe) : ${result.path}`;
  const { files, path } = result.bundle;
  const pieces = files === 0 ? 'la liste des pièces' : files > 1 ? `ses ${files} justificatifs` : 'son justificatif';
  return `Dossier du dialogue de gestion enregistré : ${result.path}, et ${pieces} dans ${path}`;
}

export function TrackingExports({ contractId, contractYearId }: { contractId: number; contractYearId: number }) {
  const toast = useToast();
  const pdf = useIndicatorsWrite('reports.exportIndicatorsTracking');
  const xlsx = useIndicatorsWrite('annex.exportTracking');
  const dossier = useIndicatorsWrite('reports.exportManagementDialogue');
  const failed = exportToasts(toast.notify, {
    saved: 'Dossier du dialogue de gestion enregistré',
    failed: 'Le dossier du dialogue de gestion n’a pas été exporté',
  });
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
        <button
          type="button"
          className="button button-secondary"
          disabled={dossier.isPending}
          onClick={() =>
            dossier.mutate(
              { contractYearId },
              {
                onSuccess: (result) => {
                  if (result.saved) toast.notify({ kind: 'success', message: dossierSaved(result) });
                  else failed.onSuccess(result);
                },
                onError: failed.onError,
              },
            )
          }
        >
          {dossier.isPending ? 'Préparation du dossier…' : 'Dossier du dialogue de gestion'}
        </button>
      </div>
      <PdfExportProgress pending={pdf.isPending || dossier.isPending} />
    </>
  );
}
