import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MeetingDetail } from '@shared/contract';
import { errorMessage, useApiQuery } from '../../api';
import { useMembers } from '../members/queries';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { AgendaSection } from './AgendaSection';
import { DecisionsSection } from './DecisionsSection';
import { DocumentsSection } from './DocumentsSection';
import { GOVERNANCE_TYPES, MeetingActions } from './MeetingActions';
import { MeetingForm } from './MeetingForm';
import { MeetingHeader } from './MeetingHeader';
import { ParticipantsSection } from './ParticipantsSection';
import { RcpCasesSection } from './RcpCasesSection';
import { SummarySection } from './SummarySection';
import './meetings.css';
import { useMeeting, useMeetingsWrite } from './queries';

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
  const create = useMeetingsWrite('meetings.create');
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
  const detail = useMeeting(id);
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
  const members = useMembers();
  const update = useMeetingsWrite('meetings.update');
  const { data } = detail;
  const memberRows = members.data ?? [];
  // An assembly whose PV is approved is a record: its content can change only once the PV is reopened.
  const assembly = useApiQuery('ag.get', [{ meetingId: detail.id }], { enabled: GOVERNANCE_TYPES.has(data.type) });
  const frozen = assembly.data?.pv.status === 'approuve';

  return (
    <Page title={data.title} wide>
      <BackLink />
      <MeetingHeader detail={detail} />
      <MeetingActions detail={detail} />
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
        {data.type === 'rcp' && <RcpCasesSection detail={detail} />}
        <DecisionsSection detail={detail} members={memberRows} />
        <DocumentsSection detail={detail} />
        <SummarySection detail={detail} />
      </fieldset>
    </Page>
  );
}
