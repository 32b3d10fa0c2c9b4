import type { AgState, MeetingDetail } from '@shared/contract';
import { plural } from '@shared/format';
import { errorMessage, useApiQuery } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { FormalitiesList } from './FormalitiesList';
import { ClosingTime } from './pv/ClosingTime';
import { Debates } from './pv/Debates';
import { Officers } from './pv/Officers';
import { PvStatus } from './pv/PvStatus';

/** Tab « Procès-verbal »: officers, summary of the debates per point, results, closing time, approval, formalities. */
export function PvTab({ state }: { state: AgState }) {
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return <QueryError message={errorMessage(meeting.error)} onRetry={() => void meeting.refetch()} />;
  return <PvWorkspace state={state} detail={meeting.data} />;
}

function PvWorkspace({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const approved = state.pv.status === 'approuve';
  const present = state.voters.filter((voter) => voter.present).length;
  const represented = state.proxies.filter((proxy) => proxy.counted).length;
  return (
    <div className="stack">
      <PvStatus state={state} detail={detail} />
      <p className="muted small">
        {plural(present, 'membre votant présent', 'membres votants présents')},{' '}
        {plural(represented, 'membre représenté', 'membres représentés')} sur{' '}
        {plural(state.voters.length, 'membre votant', 'membres votants')}. Les présences et les pouvoirs se saisissent
        dans l’onglet « Émargement en direct », les résultats dans l’onglet « Votes ».
      </p>
      <Officers state={state} disabled={approved} />
      <Debates state={state} detail={detail} disabled={approved} />
      <ClosingTime detail={detail} disabled={approved} />
      {state.formalities.length > 0 && (
        <section aria-labelledby="ag-formalites-titre">
          <h2 id="ag-formalites-titre">Formalités après l’assemblée</h2>
          <FormalitiesList formalities={state.formalities} />
        </section>
      )}
    </div>
  );
}
