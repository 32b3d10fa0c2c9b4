import type { AgState } from '@shared/contract';
import { errorMessage, useApiQuery } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { AgendaResolutions } from './convocation/AgendaResolutions';
import { ConvocationSending } from './convocation/ConvocationSending';

/** Tab « Convocation »: the ordre du jour with its resolutions, then the sending of the convocation. */
export function ConvocationTab({ state }: { state: AgState }) {
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  return (
    <div className="stack">
      {meeting.isPending ? (
        <Loading />
      ) : meeting.isError ? (
        <QueryError message={errorMessage(meeting.error)} onRetry={() => void meeting.refetch()} />
      ) : (
        <AgendaResolutions state={state} detail={meeting.data} />
      )}
      <ConvocationSending state={state} />
    </div>
  );
}
