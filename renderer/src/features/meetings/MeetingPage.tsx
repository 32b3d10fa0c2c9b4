import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MeetingDetail } from '@shared/contract';
import { errorMessage, useApiMutation, useApiQuery, useMembers } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { AgendaSection } from './AgendaSection';
import { DecisionsSection } from './DecisionsSection';
import { DocumentsSection } from './DocumentsSection';
import { formatDay, MEETING_STATUS_LABEL, RCP_GUARD_NOTE, timeRange, typeShort } from './labels';
import { MeetingForm } from './MeetingForm';
import { ParticipantsSection } from './ParticipantsSection';
import { RcpCasesSection } from './RcpCasesSection';
import { PdfExportProgress } from '../../components/PdfExportProgress';

/** Meeting types with a quorum, pouvoirs and votes: they get the assembly workspace. */
const GOVERNANCE_TYPES = new Set<string>(['ago', 'age', 'constitutive', 'ca', 'bureau']);

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/reunions">← Calendrier des réunions</Link>
    </p>
  );
}

/** /reunions/nouvelle */
export function NewMeetingPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const members = useMembers();
  const create = useApiMutation('meetings.create');
  return (
    <Page title="Nouvelle réunion">
      <BackLink />
      <MeetingForm
        detail={null}
        members={members.data ?? []}
        save={(data) => create.mutateAsync(data)}
        onCancel={() => navigate('/reunions')}
        onSaved={(saved) => {
          toast.notify({ kind: 'success', message: `Réunion « ${saved.data.title} » créée.` });
          navigate(`/reunions/${saved.id}`, { replace: true });
        }}
        onFailed={(message) =>
          toast.notify({ kind: 'error', message: `La réunion n’a pas été enregistrée : ${message}` })
        }
      />
    </Page>
  );
}

/** /reunions/:id */
export function MeetingPage() {
  const params = useParams();
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Réunion introuvable">
        <BackLink />
        <QueryError message="Cette adresse ne correspond à aucune réunion." />
      </Page>
    );
  }
  return <MeetingLoader key={id} id={id} />;
}

function MeetingLoader({ id }: { id: number }) {
  const detail = useApiQuery('meetings.get', [{ id }]);
  if (detail.isPending) {
    return (
      <Page title="Réunion">
        <BackLink />
        <Loading />
      </Page>
    );
  }
  if (detail.isError) {
    return (
      <Page title="Réunion">
        <BackLink />
        <QueryError
          message={errorMessage(detail.error)}
          onRetry={detail.error.code === 'not_found' ? undefined : () => void detail.refetch()}
        />
      </Page>
    );
  }
  return <MeetingSections detail={detail.data} />;
}

function MeetingSections({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const navigate = useNavigate();
  const members = useMembers();
  const update = useApiMutation('meetings.update');
  const remove = useApiMutation('meetings.delete');
  const exportMinutes = useApiMutation('reports.exportMeetingMinutes', { invalidate: false });
  const exportIcs = useApiMutation('meetings.exportIcs', { invalidate: false });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { data } = detail;
  const rcp = data.type === 'rcp';
  const memberRows = members.data ?? [];
  // An assembly whose PV is approved is a record: its content can change only once the PV is reopened.
  const assembly = useApiQuery('ag.get', [{ meetingId: detail.id }], { enabled: GOVERNANCE_TYPES.has(data.type) });
  const frozen = assembly.data?.pv.status === 'approuve';

  const exported = (what: string) => ({
    onSuccess: (result: { saved: true; path: string } | { saved: false }) => {
      if (result.saved) toast.notify({ kind: 'success', message: `${what} enregistré : ${result.path}` });
      else toast.notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
    },
    onError: (error: unknown) =>
      toast.notify({ kind: 'error', message: `${what} n’a pas été exporté : ${errorMessage(error)}` }),
  });

  return (
    <Page title={data.title} wide>
      <BackLink />
      <div className="member-summary">
        <p className="member-summary-line">
          <span className={`chip chip-${data.type}`}>{typeShort(data.type)}</span> {detail.typeLabel}
          {data.date ? ` · ${formatDay(data.date)}` : ''}
          {data.startTime ? `, ${timeRange(data.startTime, data.endTime)}` : ''}
          {data.place ? ` · ${data.place}` : ''}
        </p>
        <p className="member-badges">
          <span
            className={`badge${data.status === 'annulee' ? ' badge-warn' : data.status === 'tenue' ? ' badge-ok' : ''}`}
          >
            {MEETING_STATUS_LABEL[data.status]}
          </span>
          {data.visioUrl && (
            <>
              {' '}
              <span className="badge badge-muted">visio</span>
            </>
          )}
        </p>
      </div>
      {rcp && (
        <p className="rcp-hint" role="note">
          <strong>RCP pseudonymisée :</strong> aucun texte de cette réunion (titre, ordre du jour, relevés, décisions,
          cas, compte rendu) ne doit permettre de reconnaître un patient. {RCP_GUARD_NOTE}
        </p>
      )}
      {detail.warnings.length > 0 && (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">À vérifier</p>
          <ul>
            {detail.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
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
        <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>
          Supprimer la réunion
        </button>
      </div>
      <PdfExportProgress pending={exportMinutes.isPending} />
      {frozen && (
        <p className="alert alert-warning meeting-frozen" role="note">
          Le procès-verbal de cette séance est approuvé : sa description, son ordre du jour, ses participants, ses
          décisions et ses documents ne peuvent plus être modifiés. Pour corriger, rouvrez le procès-verbal en brouillon
          (<Link to={`/reunions/${detail.id}/assemblee`}>onglet « Procès-verbal » de la séance</Link>). Le suivi des
          décisions (fait, en cours…) continue depuis la page Décisions.
        </p>
      )}
      <fieldset
        className="stack meeting-sections"
        disabled={frozen}
        aria-label={frozen ? 'Séance au procès-verbal approuvé, en lecture seule' : undefined}
        style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      >
        <MeetingForm
          detail={detail}
          members={memberRows}
          save={(values) => update.mutateAsync({ id: detail.id, data: values })}
          onSaved={() => toast.notify({ kind: 'success', message: 'Réunion enregistrée.' })}
          onFailed={(message) =>
            toast.notify({ kind: 'error', message: `La réunion n’a pas été enregistrée : ${message}` })
          }
        />
        <AgendaSection key={`odj-${detail.id}`} detail={detail} />
        <ParticipantsSection
          key={`p-${detail.id}-${detail.participants.map((p) => p.id).join(',')}`}
          detail={detail}
          members={memberRows}
        />
        {rcp && <RcpCasesSection detail={detail} />}
        <DecisionsSection detail={detail} members={memberRows} />
        <DocumentsSection detail={detail} />
        <SummarySection detail={detail} />
      </fieldset>
      {confirmDelete && (
        <ConfirmDialog
          title="Supprimer la réunion ?"
          confirmLabel="Supprimer la réunion"
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setConfirmDelete(false);
          }}
          onConfirm={() =>
            remove.mutate(
              { id: detail.id, confirm: true },
              {
                onSuccess: () => {
                  toast.notify({ kind: 'success', message: `Réunion « ${data.title} » supprimée.` });
                  navigate('/reunions', { replace: true });
                },
              },
            )
          }
        >
          <p>
            « {data.title} » sera supprimée avec son ordre du jour, ses participants, ses décisions
            {rcp ? ', ses cas' : ''} et ses documents. Cette action est définitive.
          </p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

/** The general summary of the meeting, saved with the meeting itself. */
function SummarySection({ detail }: { detail: MeetingDetail }) {
  const toast = useToast();
  const update = useApiMutation('meetings.update');
  const [text, setText] = useState(detail.data.summary ?? '');
  const [error, setError] = useState<string | null>(null);
  const dirty = text !== (detail.data.summary ?? '');
  useUnsavedChangesGuard(dirty);

  const onSave = async () => {
    setError(null);
    try {
      await update.mutateAsync({ id: detail.id, data: { ...detail.data, summary: text } });
      toast.notify({ kind: 'success', message: 'Compte rendu enregistré.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="cr-titre">
      <h2 id="cr-titre">Compte rendu</h2>
      <div className={`field field-wide${error ? ' field-invalid' : ''}`}>
        <label htmlFor="cr-texte">Synthèse générale</label>
        <textarea
          id="cr-texte"
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={error ? 'cr-erreur' : undefined}
        />
        {error && (
          <p id="cr-erreur" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void onSave()} disabled={update.isPending}>
          {update.isPending ? 'Enregistrement…' : 'Enregistrer le compte rendu'}
        </button>
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </div>
    </section>
  );
}
