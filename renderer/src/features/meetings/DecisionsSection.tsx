import { useState } from 'react';
import type { DecisionRow, MeetingDetail } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { formatDateLong } from '@shared/format';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
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
      <DataTable
        rows={detail.decisions}
        rowKey={(d) => d.id}
        empty="Aucune décision enregistrée."
        compact
        columns={[
          { header: 'Décision', cell: (d) => d.text },
          { header: 'Responsable', cell: (d) => d.owner ?? '—' },
          {
            header: 'Échéance',
            cellClassName: (d) => (d.overdue ? 'overdue' : undefined),
            cell: (d) => (
              <>
                {d.dueOn ? formatDateLong(d.dueOn) : '—'}
                {d.overdue && <span className="visually-hidden"> (en retard)</span>}
              </>
            ),
          },
          { header: 'État', cell: (d) => decisionStatusLabel(d.status) },
        ]}
        actionsClassName="row-actions"
        actions={(d) => (
          <>
            <button type="button" className="button button-small button-ghost" onClick={() => setEditing(d)}>
              Modifier
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => remove.ask(d)}>
              Supprimer
            </button>
          </>
        )}
      />
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
