import { useState } from 'react';
import type { AgState } from '@shared/contract';
import { ConfirmDialog } from '../../../components/Dialog';
import { beforeDateQuestion, beforeSessionDay } from '../agLabels';

/**
 * Before the session's day, a vote is recorded only after « enregistrer quand même » (the main process refuses it
 * otherwise). `run` calls back at once on the day of the session or later.
 */
export function useEarlyVote(state: AgState) {
  const [asking, setAsking] = useState<((confirmed: true) => Promise<void>) | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (record: (confirmedBeforeDate: true | undefined) => Promise<void>) => {
    if (beforeSessionDay(state)) setAsking(() => record);
    else void record(undefined);
  };
  const dialog = asking ? (
    <ConfirmDialog
      title="Enregistrer un vote avant la séance ?"
      confirmLabel="Enregistrer le vote"
      busy={busy}
      onCancel={() => setAsking(null)}
      onConfirm={() => {
        setBusy(true);
        void asking(true).finally(() => {
          setBusy(false);
          setAsking(null);
        });
      }}
    >
      <p>{beforeDateQuestion(state, 'un vote')}</p>
    </ConfirmDialog>
  ) : null;
  return { run, dialog };
}
