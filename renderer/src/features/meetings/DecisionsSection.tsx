import { useState } from 'react';
import type { DecisionRow, MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { formatDateLong } from '@shared/format';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DecisionForm } from './DecisionForm';
import { decisionStatusLabel } from './labels';
import { useMeetingsWrite } from './queries';

/** The decisions of the meeting: list, add, edit, delete. */
export function DecisionsSection({ detail, members }: { detail: MeetingDetail; members: MemberListRow[] }) {
  const [editing, setEditing] = useState<DecisionRow | 'new' | null>(null);
  const remove = useConfirmedDelete(useMeetingsWrite('decisions.delete'), {
    title: () => 'Supprimer la décision ?',
    body: (d: DecisionRow) => <p>« {d.text} » sera supprimée.</p>,
    input: (d) => ({ id: d.id }),
    deletedMessage: () => 'Décision supprimée.',
  });

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
                  <button type="button" className="button button-small button-ghost" onClick={() => remove.ask(d)}>
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
      {remove.dialog}
    </section>
  );
}
