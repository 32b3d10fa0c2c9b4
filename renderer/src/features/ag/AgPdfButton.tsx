/** The button that exports one PDF of an assembly (convocation, feuille d'émargement, procès-verbal). */
import { useToast } from '../../components/Toasts';
import { exportToasts } from '../../components/exportToasts';

/** What the button needs of the export's write (`useAgWrite('reports.export…')`). */
interface PdfExportWrite {
  isPending: boolean;
  mutate: (input: { meetingId: number }, options: ReturnType<typeof exportToasts>) => void;
}

interface Props {
  write: PdfExportWrite;
  meetingId: number;
  /** The button's text, e.g. « Exporter le PV (PDF) ». */
  label: string;
  /** The toasts' beginnings: « Procès-verbal enregistré » (: chemin), « Le procès-verbal n’a pas été exporté » (: raison). */
  saved: string;
  failed: string;
}

export function AgPdfButton({ write, meetingId, label, saved, failed }: Props) {
  const toast = useToast();
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={write.isPending}
      onClick={() => write.mutate({ meetingId }, exportToasts(toast.notify, { saved, failed }))}
    >
      {write.isPending ? 'Génération du PDF…' : label}
    </button>
  );
}
