import { Link, useNavigate } from 'react-router-dom';
import type { MeetingDetail } from '@shared/contract';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { PdfExportProgress } from '../../components/PdfExportProgress';
import { useToast } from '../../components/Toasts';
import { useMeetingsWrite } from './queries';

/** Meeting types with a quorum, pouvoirs and votes: they get the assembly workspace. */
export const GOVERNANCE_TYPES = new Set<string>(['ago', 'age', 'constitutive', 'ca', 'bureau']);

/** The meeting's buttons: its assembly workspace, the compte rendu in PDF, the .ics event, deletion. */
export function MeetingActions({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const navigate = useNavigate();
  const exportMinutes = useMeetingsWrite('reports.exportMeetingMinutes');
  const exportIcs = useMeetingsWrite('meetings.exportIcs');
  const { data } = detail;
  const remove = useConfirmedDelete(useMeetingsWrite('meetings.delete'), {
    title: () => 'Supprimer la réunion ?',
    confirmLabel: 'Supprimer la réunion',
    body: () => (
      <p>
        « {data.title} » sera supprimée avec son ordre du jour, ses participants, ses décisions
        {data.type === 'rcp' ? ', ses cas' : ''} et ses documents. Cette action est définitive.
      </p>
    ),
    input: () => ({ id: detail.id, confirm: true as const }),
    deletedMessage: () => `Réunion « ${data.title} » supprimée.`,
    onDeleted: () => navigate('/reunions', { replace: true }),
  });

  const exported = (what: string) => ({
    onSuccess: (result: { saved: true; path: string } | { saved: false }) => {
      if (result.saved) toast.notify({ kind: 'success', message: `${what} enregistré : ${result.path}` });
      else toast.notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
    },
    onError: (error: unknown) =>
      toast.notify({ kind: 'error', message: `${what} n’a pas été exporté : ${errorMessage(error)}` }),
  });

  return (
    <>
      <div className="page-actions">
        {GOVERNANCE_TYPES.has(data.type) && (
          <Link className="button ag-meeting-link" to={`/reunions/${detail.id}/assemblee`}>
            {data.type === 'ca' || data.type === 'bureau'
              ? 'Séance : convocation, émargement, votes, PV'
              : 'Assemblée : convocation, émargement, votes, PV'}
          </Link>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={exportMinutes.isPending}
          onClick={() => exportMinutes.mutate({ meetingId: detail.id }, exported('Compte rendu'))}
        >
          {exportMinutes.isPending ? 'Génération du PDF…' : 'Exporter le compte rendu (PDF)'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={exportIcs.isPending}
          onClick={() => exportIcs.mutate({ meetingId: detail.id }, exported('Événement'))}
        >
          Exporter en .ics
        </button>
        <button type="button" className="button button-danger-outline" onClick={() => remove.ask(detail)}>
          Supprimer la réunion
        </button>
      </div>
      <PdfExportProgress pending={exportMinutes.isPending} />
      {remove.dialog}
    </>
  );
}
