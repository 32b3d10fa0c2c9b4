/** The questions the check-in asks before recording a departure with pouvoirs or an arrival before the session's day. */
import type { AgProxyRow, AgState, AgVoterRow } from '@shared/contract';
import { ConfirmDialog } from '../../../components/Dialog';
import { beforeDateQuestion } from '../agLabels';
import { formatCount, pl } from '../QuorumPanel';
import type { Presence } from './usePresence';

export function PresenceDialogs({
  state,
  presence,
  proxies,
}: {
  state: AgState;
  presence: Presence;
  proxies: Map<number, AgProxyRow>;
}) {
  const { pending, departure, earlyArrival } = presence;
  return (
    <>
      {departure.voter && (
        <ConfirmDialog
          title={`Enregistrer le départ de ${departure.voter.name} ?`}
          confirmLabel="Enregistrer le départ"
          danger
          busy={pending.has(departure.voter.id)}
          error={departure.error}
          onCancel={departure.cancel}
          onConfirm={() => void departure.confirm()}
        >
          <DepartureWarning voter={departure.voter} proxies={proxies} />
        </ConfirmDialog>
      )}
      {earlyArrival.memberId !== null && (
        <ConfirmDialog
          title="Enregistrer une arrivée avant la séance ?"
          confirmLabel="Enregistrer l’arrivée"
          busy={pending.has(earlyArrival.memberId)}
          error={earlyArrival.error}
          onCancel={earlyArrival.cancel}
          onConfirm={() => void earlyArrival.confirm()}
        >
          <p>{beforeDateQuestion(state, 'une arrivée')}</p>
          <p className="muted">
            Une fois confirmé, les arrivées suivantes de cet émargement sont enregistrées sans nouvelle question.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** What a mandataire's departure does to the pouvoirs they hold. */
function DepartureWarning({ voter, proxies }: { voter: AgVoterRow; proxies: Map<number, AgProxyRow> }) {
  const held = voter.proxiesHeld.map((id) => proxies.get(id)).filter((proxy): proxy is AgProxyRow => Boolean(proxy));
  const counting = held.filter((proxy) => proxy.counted);
  const names = (list: AgProxyRow[]) => list.map((proxy) => proxy.mandantName).join(', ');
  const n = counting.length;
  return (
    <>
      <p>
        {voter.name} détient {formatCount(held.length)} {pl(held.length, 'pouvoir', 'pouvoirs')} ({names(held)}).
      </p>
      {n > 0 ? (
        <p>
          <strong>
            À son départ, {formatCount(n)} {pl(n, 'pouvoir cessera', 'pouvoirs cesseront')} de compter
          </strong>{' '}
          ({names(counting)}) : {pl(n, 'ce membre ne sera plus représenté', 'ces membres ne seront plus représentés')},
          ni pour le quorum ni pour les votes, tant que {voter.name} n’est pas de retour.
        </p>
      ) : (
        <p>Aucun de ces pouvoirs ne compte en ce moment : son départ ne change rien pour eux.</p>
      )}
    </>
  );
}
