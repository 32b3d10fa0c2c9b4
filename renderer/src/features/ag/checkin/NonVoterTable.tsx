/** The members without a vote: they sign the attendance sheet, but count neither for the quorum nor in the votes. */
import type { AgNonVoterRow } from '@shared/contract';
import { DataTable } from '../../../components/DataTable';

interface NonVoterProps {
  rows: AgNonVoterRow[];
  readOnly: boolean;
  pending: ReadonlySet<number>;
  onToggle: (memberId: number, present: boolean) => void;
}

export function NonVoterTable({ rows, readOnly, pending, onToggle }: NonVoterProps) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      className="agl-nonvoter-table"
      compact
      scroll
      aria-label="Membres sans droit de vote"
      columns={[
        {
          header: 'Nom',
          rowHeader: true,
          cell: (row) => (
            <>
              <span className="agl-name">{row.name}</span>
              {row.quality && <span className="agl-sub agl-block">{row.quality}</span>}
            </>
          ),
        },
        { header: 'Collège', cell: (row) => row.collegeName ?? <span className="muted">Sans collège</span> },
        { header: 'Sans droit de vote car', cell: (row) => row.reason },
        {
          header: 'Présence',
          cell: (row) =>
            row.present ? (
              <span className="badge badge-ok">Présent</span>
            ) : (
              <span className="badge badge-muted">Absent</span>
            ),
        },
      ]}
      actionsLabel="Émargement"
      actions={(row) => (
        <button
          type="button"
          className={`button button-small${row.present ? ' button-secondary' : ''}`}
          aria-label={`${row.present ? 'Départ' : 'Arrivée'} de ${row.name}`}
          disabled={readOnly}
          aria-busy={pending.has(row.id) || undefined}
          onClick={() => onToggle(row.id, !row.present)}
        >
          {pending.has(row.id) ? '…' : row.present ? 'Départ' : 'Arrivée'}
        </button>
      )}
    />
  );
}
