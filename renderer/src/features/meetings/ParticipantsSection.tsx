import { useState } from 'react';
import type { MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { ApiCallError, errorMessage } from '../../api';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { GuestAdder, MemberAdder } from './ParticipantAdders';
import { type ParticipantRow, participantRows, participantsInput } from './participantRows';
import { ParticipantsTable } from './ParticipantsTable';
import { useMeetingsWrite } from './queries';

/** Members and guests, their attendance and time spent; saved as a whole. */
export function ParticipantsSection({ detail, members }: { detail: MeetingDetail; members: MemberListRow[] }) {
  const toast = useToast();
  const rcp = detail.data.type === 'rcp';
  const [rows, setRows] = useState<ParticipantRow[]>(() => participantRows(detail));
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMeetingsWrite('meetings.saveParticipants');
  useUnsavedChangesGuard(dirty);

  const change = (next: ParticipantRow[]) => {
    setRows(next);
    setDirty(true);
  };

  const onSave = async () => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync(participantsInput(detail.id, rows));
      setRows(participantRows(saved));
      setDirty(false);
      toast.notify({ kind: 'success', message: 'Participants enregistrés.' });
    } catch (error) {
      const fields = error instanceof ApiCallError ? Object.values(error.fields) : [];
      setFormError([errorMessage(error), ...fields].join(' '));
    }
  };

  const present = rows.filter((r) => r.attendance === 'present').length;

  return (
    <section className="card" aria-labelledby="participants-titre">
      <div className="card-header">
        <h2 id="participants-titre">Participants</h2>
        <span className="muted small">
          {rows.length} inscrit{rows.length > 1 ? 's' : ''}, {present} présent{present > 1 ? 's' : ''}
          {rcp ? ` · ${detail.professionCount} profession${detail.professionCount > 1 ? 's' : ''}` : ''}
        </span>
      </div>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="muted">Aucun participant pour l’instant.</p>
      ) : (
        <ParticipantsTable
          rows={rows}
          rcp={rcp}
          onUpdate={(key, patch) => change(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))}
          onRemove={(key) => change(rows.filter((r) => r.key !== key))}
        />
      )}

      <div className="columns participants-add">
        <MemberAdder members={members} rows={rows} onAdd={(row) => change([...rows, row])} />
        <GuestAdder rcp={rcp} onAdd={(row) => change([...rows, row])} />
      </div>

      <div className="form-actions">
        <button type="button" className="button" onClick={() => void onSave()} disabled={save.isPending}>
          {save.isPending ? 'Enregistrement…' : 'Enregistrer les participants'}
        </button>
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </div>
    </section>
  );
}
