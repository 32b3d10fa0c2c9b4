/** A vote recorded: its figures and arithmetic, and « Corriger le vote », which clears it after a confirmation. */
import { useState } from 'react';
import type { AgResolutionRow, AgState } from '@shared/contract';
import { errorMessage } from '../../../api';
import { ConfirmDialog } from '../../../components/Dialog';
import { useToast } from '../../../components/Toasts';
import { formatCount } from '../QuorumPanel';
import { useAgMutation } from '../queries';

interface RecordedProps {
  state: AgState;
  resolution: AgResolutionRow;
  title: string;
  readOnly: boolean;
  onCleared: () => void;
}

export function RecordedVote({ state, resolution, title, readOnly, onCleared }: RecordedProps) {
  const mutation = useAgMutation('ag.clearVote');
  const { notify } = useToast();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const votes = resolution.votes!;

  const clear = async () => {
    setError(null);
    // Prepare the form first: the fresh state may render it before the promise settles.
    onCleared();
    try {
      await mutation.mutateAsync({ meetingId: state.meetingId, resolutionId: resolution.id });
      setConfirming(false);
      notify({ kind: 'info', message: `Vote effacé : saisissez le décompte corrigé de la résolution.` });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div className="agl-vote-result">
      <dl className="agl-vote-figures">
        <div>
          <dt>Pour</dt>
          <dd>{formatCount(votes.pour)}</dd>
        </div>
        <div>
          <dt>Contre</dt>
          <dd>{formatCount(votes.contre)}</dd>
        </div>
        <div>
          <dt>Abstentions</dt>
          <dd>{formatCount(votes.abstention)}</dd>
        </div>
        <div>
          <dt>Blancs ou nuls</dt>
          <dd>{formatCount(votes.blanc)}</dd>
        </div>
      </dl>
      {resolution.arithmetic && <p className="agl-arithmetic">{resolution.arithmetic}</p>}
      {!readOnly && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Corriger le vote
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          title="Corriger le vote ?"
          confirmLabel="Effacer le vote"
          danger
          busy={mutation.isPending}
          error={error}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void clear()}
        >
          <p>
            Le résultat enregistré pour <strong>{title}</strong> ({resolution.adopted ? 'adoptée' : 'rejetée'}, pour{' '}
            {formatCount(votes.pour)}, contre {formatCount(votes.contre)}) sera effacé. Le décompte reviendra dans le
            formulaire pour être corrigé puis enregistré à nouveau.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
