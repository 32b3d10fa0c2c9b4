/** Where the procès-verbal stands (draft, approved), its exports, and its approval. */
import { useState, type FormEvent } from 'react';
import type { AgState, MeetingDetail } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { ApiCallError, errorMessage } from '../../../api';
import { ConfirmDialog, Dialog } from '../../../components/Dialog';
import { useToast } from '../../../components/Toasts';
import { useUnsavedValuesGuard } from '../../../components/UnsavedChanges';
import { defaultApprovalDate, numberedResolutions, todayIso, useRefreshAfterPv } from '../agLabels';
import { AgPdfButton } from '../AgPdfButton';
import { useAgMutation, useAgWrite } from '../queries';
import { PdfExportProgress } from '../../../components/PdfExportProgress';

export function PvStatus({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const toast = useToast();
  const exportPv = useAgWrite('reports.exportPv');
  const exportSheet = useAgWrite('reports.exportAttendanceSheet');
  const reopen = useAgMutation('ag.reopenPv');
  const refresh = useRefreshAfterPv();
  const [approving, setApproving] = useState(false);
  const [reopening, setReopening] = useState(false);
  const approved = state.pv.status === 'approuve';

  return (
    <section aria-labelledby="ag-pv-titre" className="ag-pv-status">
      <div className="card-header">
        <h2 id="ag-pv-titre">Procès-verbal</h2>
        <p className="ag-pv-state">
          <span className="muted">Statut :</span>{' '}
          {approved ? (
            <span className="badge badge-ok">
              Approuvé{state.pv.approvedOn ? ` le ${formatDateLong(state.pv.approvedOn)}` : ''}
            </span>
          ) : (
            <span className="badge badge-warn">Brouillon</span>
          )}
        </p>
      </div>
      {approved && (
        <>
          <p className="muted small">
            Procès-verbal approuvé : la séance ne peut plus être modifiée. Rouvrez-le en brouillon pour corriger.
          </p>
          <p className="muted small">
            Le PV exporté garde les noms tels qu’au jour de l’approbation, même si un membre est renommé ou anonymisé
            ensuite.
          </p>
        </>
      )}
      <div className="page-actions">
        {approved ? (
          <button type="button" className="button button-secondary" onClick={() => setReopening(true)}>
            Rouvrir en brouillon
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setApproving(true)}>
            Approuver le procès-verbal
          </button>
        )}
        <AgPdfButton
          write={exportPv}
          meetingId={state.meetingId}
          label="Exporter le PV (PDF)"
          saved="Procès-verbal enregistré"
          failed="Le procès-verbal n’a pas été exporté"
        />
        <AgPdfButton
          write={exportSheet}
          meetingId={state.meetingId}
          label="Exporter la feuille d’émargement (PDF)"
          saved="Feuille d’émargement enregistrée"
          failed="La feuille d’émargement n’a pas été exportée"
        />
      </div>
      <PdfExportProgress pending={exportPv.isPending || exportSheet.isPending} />
      {approving && <ApproveDialog state={state} detail={detail} onClose={() => setApproving(false)} />}
      {reopening && (
        <ConfirmDialog
          title="Rouvrir le procès-verbal en brouillon ?"
          confirmLabel="Rouvrir en brouillon"
          busy={reopen.isPending}
          error={reopen.error ? errorMessage(reopen.error) : null}
          onCancel={() => {
            reopen.reset();
            setReopening(false);
          }}
          onConfirm={() =>
            reopen.mutate(
              { meetingId: state.meetingId },
              {
                onSuccess: () => {
                  void refresh(state.meetingId);
                  toast.notify({ kind: 'success', message: 'Procès-verbal rouvert en brouillon.' });
                  setReopening(false);
                },
              },
            )
          }
        >
          <p>
            Le procès-verbal redevient un brouillon : la séance, les résolutions et les votes pourront de nouveau être
            modifiés. Les formalités déjà listées restent à suivre. Il faudra l’approuver à nouveau.
          </p>
          <p>
            Le PV approuvé gardait les noms tels qu’au jour de l’approbation ; rouvert, il reprend les noms actuels des
            membres (renommés ou anonymisés depuis).
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ApproveDialog({ state, detail, onClose }: { state: AgState; detail: MeetingDetail; onClose: () => void }) {
  const toast = useToast();
  const approve = useAgMutation('ag.approvePv');
  const refresh = useRefreshAfterPv();
  const [today] = useState(todayIso);
  const [approvedOn, setApprovedOn] = useState(() => defaultApprovalDate(state.date, today));
  const notHeldYet = state.date > today;
  const unvoted = numberedResolutions(state.resolutions, detail.agenda).filter(
    ({ resolution }) => resolution.votes === null,
  );
  const [dirigeantsChanged, setDirigeantsChanged] = useState(false);
  const [statutsChanged, setStatutsChanged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useUnsavedValuesGuard([approvedOn, dirigeantsChanged, statutsChanged]);
  const missingOfficers = !state.officers.presidentMemberId || !state.officers.secretaireMemberId;

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setFields({});
    try {
      const next = await approve.mutateAsync({
        meetingId: state.meetingId,
        approvedOn,
        dirigeantsChanged,
        statutsChanged,
      });
      void refresh(state.meetingId);
      const count = next.formalities.filter((formality) => !formality.doneOn).length;
      toast.notify({
        kind: 'success',
        message: `Procès-verbal approuvé le ${formatDateLong(approvedOn)}. ${plural(count, 'formalité', 'formalités')} à accomplir.`,
      });
      onClose();
    } catch (e) {
      if (e instanceof ApiCallError) setFields(e.fields);
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      title="Approuver le procès-verbal"
      onClose={onClose}
      busy={approve.isPending}
      initialFocus="#ag-approve-date"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={approve.isPending}>
            Annuler
          </button>
          <button type="button" className="button" disabled={approve.isPending} onClick={() => void onSubmit()}>
            {approve.isPending ? 'Approbation…' : 'Approuver le procès-verbal'}
          </button>
        </>
      }
    >
      <form id="ag-approve-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p>
          Une fois le procès-verbal approuvé, la séance ne peut plus être modifiée (réunion, ordre du jour et
          résolutions, convocation, présences, pouvoirs, votes, bureau de séance) : il faut le rouvrir en brouillon pour
          corriger.
        </p>
        {notHeldYet && (
          <p className="alert alert-warning">
            L’assemblée n’a pas encore eu lieu (elle est prévue le {formatDateLong(state.date)}) : son procès-verbal ne
            pourra être approuvé qu’après la séance.
          </p>
        )}
        {missingOfficers && (
          <p className="alert alert-warning">
            Le président et le secrétaire de séance signent le procès-verbal : désignez-les d’abord.
          </p>
        )}
        {unvoted.length > 0 && (
          <div className="alert alert-warning">
            <p id="ag-approve-unvoted" className="alert-title">
              {unvoted.length === 1 ? 'Résolution sans vote enregistré' : 'Résolutions sans vote enregistré'} :
            </p>
            <ul aria-labelledby="ag-approve-unvoted">
              {unvoted.map(({ resolution, number }) => (
                <li key={resolution.id}>
                  Résolution n° {number} : {resolution.title}
                </li>
              ))}
            </ul>
            <p>
              Le procès-verbal{' '}
              {unvoted.length === 1 ? 'la mentionnera comme non votée' : 'les mentionnera comme non votées'}. Vous
              pouvez approuver quand même, ou saisir d’abord les résultats dans l’onglet « Votes ».
            </p>
          </div>
        )}
        <div className={`field${fields.approvedOn ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-approve-date">Date d’approbation</label>
          <input
            id="ag-approve-date"
            type="date"
            value={approvedOn}
            min={state.date}
            max={notHeldYet ? undefined : today}
            aria-invalid={Boolean(fields.approvedOn)}
            onChange={(event) => setApprovedOn(event.target.value)}
          />
          {fields.approvedOn && <p className="field-error">{fields.approvedOn}</p>}
        </div>
        <fieldset className="ag-approve-changes">
          <legend>Ce qu’a décidé l’assemblée</legend>
          <label className="field-checkbox">
            <input
              type="checkbox"
              checked={dirigeantsChanged}
              onChange={(event) => setDirigeantsChanged(event.target.checked)}
            />{' '}
            L’assemblée a changé des dirigeants
          </label>
          <label className="field-checkbox">
            <input
              type="checkbox"
              checked={statutsChanged}
              onChange={(event) => setStatutsChanged(event.target.checked)}
            />{' '}
            L’assemblée a modifié les statuts ou le siège
          </label>
        </fieldset>
        <p className="muted small">
          Les formalités qui suivent seront listées avec leur échéance : signature et classement du procès-verbal (1
          mois) ; en cas de changement de dirigeants, de statuts ou de siège, déclaration au greffe des associations et
          inscription au registre spécial (3 mois après l’assemblée).
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
