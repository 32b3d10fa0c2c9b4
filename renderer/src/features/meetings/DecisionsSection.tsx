import { useState } from 'react';
import type { DecisionRow, MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { DecisionForm } from './DecisionForm';
import { decisionStatusLabel } from './labels';
import { useMeetingsWrite } from './queries';

/** The decisions of the meeting: list, add, edit, delete. */
export function DecisionsSection({ detail, members }: { detail: MeetingDetail; members: MemberListRow[] }) {
  const [editing, setEditing] = useState<DecisionRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DecisionRow | null>(null);
  const remove = useMeetingsWrite('decisions.delete');
  const toast = useToast();

  return (
    <section className="card" aria-labelledby="decisions-titre">
      <div className="card-header">
        <h2 id="decisions-titre">Décisions</h2>
      </div>
      {detail.decisions.length === 0 ? (
        <p className="muted">Aucune décision enregistrée.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Décision</th>
              <th scope="col">Responsable</th>
              <th scope="col">Échéance</th>
              <th scope="col">État</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.decisions.map((d) => (
              <tr key={d.id}>
                <td>{d.text}</td>
                <td>{d.owner ?? '—'}</td>
                <td className={d.overdue ? 'overdue' : undefined}>
                  {d.dueOn ? formatDateLong(d.dueOn) : '—'}
                  {d.overdue && <span className="visually-hidden"> (en retard)</span>}
                </td>
                <td>{decisionStatusLabel(d.status)}</td>
                <td className="row-actions">
                  <button type="button" className="button button-small button-ghost" onClick={() => setEditing(d)}>
                    Modifier
                  </button>
                  <button type="button" className="button button-small button-ghost" onClick={() => setDeleting(d)}>
                    Supprimer
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <DecisionForm
          key={editing === 'new' ? 'new' : editing.id}
          detail={detail}
          members={members}
          row={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            Ajouter une décision
          </button>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title="Supprimer la décision ?"
          confirmLabel="Supprimer"
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { id: deleting.id },
              {
                onSuccess: () => {
                  setDeleting(null);
                  toast.notify({ kind: 'success', message: 'Décision supprimée.' });
                },
              },
            )
          }
        >
          <p>« {deleting.text} » sera supprimée.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
