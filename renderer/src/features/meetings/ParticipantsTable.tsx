import { ATTENDANCE } from '@shared/domain/meetings';
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
    <div className="table-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Profession / qualité</th>
            <th scope="col">Présence</th>
            <th scope="col">Temps (min)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                {row.memberId === null && rcp ? <span className="muted">Invité·e extérieur·e</span> : row.name}
                {row.memberId === null && !rcp && <span className="badge badge-muted"> invité·e</span>}
              </td>
              <td>{row.professionLabel ?? row.guestQuality ?? '—'}</td>
              <td>
                <select
                  aria-label={`Présence de ${row.name}`}
                  value={row.attendance}
                  onChange={(event) => onUpdate(row.key, { attendance: event.target.value })}
                >
                  <option value="">—</option>
                  <CodeOptions items={ATTENDANCE} />
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={1440}
                  className="number-input"
                  aria-label={`Temps passé par ${row.name} (minutes)`}
                  value={row.minutesSpent}
                  onChange={(event) => onUpdate(row.key, { minutesSpent: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`Retirer ${row.name}`}
                  onClick={() => onRemove(row.key)}
                >
                  Retirer
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
