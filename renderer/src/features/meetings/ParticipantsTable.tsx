import { ATTENDANCE } from '@shared/domain/meetings';
import { DataTable } from '../../components/DataTable';
import type { ParticipantRow } from './participantRows';
import { CodeOptions } from './CodeOptions';

interface Props {
  rows: ParticipantRow[];
  rcp: boolean;
  onUpdate: (key: number, patch: Partial<ParticipantRow>) => void;
  onRemove: (key: number) => void;
}

/** The participants on screen: attendance and time spent editable in place, each removable. */
export function ParticipantsTable({ rows, rcp, onUpdate, onRemove }: Props) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.key}
      compact
      scroll
      columns={[
        {
          header: 'Participant',
          cell: (row) => (
            <>
              {row.memberId === null && rcp ? <span className="muted">Invité·e extérieur·e</span> : row.name}
              {row.memberId === null && !rcp && <span className="badge badge-muted"> invité·e</span>}
            </>
          ),
        },
        { header: 'Profession / qualité', cell: (row) => row.professionLabel ?? row.guestQuality ?? '—' },
        {
          header: 'Présence',
          cell: (row) => (
            <select
              aria-label={`Présence de ${row.name}`}
              value={row.attendance}
              onChange={(event) => onUpdate(row.key, { attendance: event.target.value })}
            >
              <option value="">—</option>
              <CodeOptions items={ATTENDANCE} />
            </select>
          ),
        },
        {
          header: 'Temps (min)',
          cell: (row) => (
            <input
              type="number"
              min={0}
              max={1440}
              className="number-input"
              aria-label={`Temps passé par ${row.name} (minutes)`}
              value={row.minutesSpent}
              onChange={(event) => onUpdate(row.key, { minutesSpent: event.target.value })}
            />
          ),
        },
      ]}
      actionsClassName=""
      actions={(row) => (
        <button
          type="button"
          className="button button-small button-ghost"
          aria-label={`Retirer ${row.name}`}
          onClick={() => onRemove(row.key)}
        >
          Retirer
        </button>
      )}
    />
  );
}
