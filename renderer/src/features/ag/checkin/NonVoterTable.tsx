/** The members without a vote: they sign the attendance sheet, but count neither for the quorum nor in the votes. */
import type { AgNonVoterRow } from '@shared/contract';

interface NonVoterProps {
  rows: AgNonVoterRow[];
  readOnly: boolean;
  pending: ReadonlySet<number>;
  onToggle: (memberId: number, present: boolean) => void;
}

export function NonVoterTable({ rows, readOnly, pending, onToggle }: NonVoterProps) {
  return (
    <div className="table-scroll">
      <table className="table table-compact agl-nonvoter-table" aria-label="Membres sans droit de vote">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Collège</th>
            <th scope="col">Sans droit de vote car</th>
            <th scope="col">Présence</th>
            <th scope="col">
              <span className="visually-hidden">Émargement</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <span className="agl-name">{row.name}</span>
                {row.quality && <span className="agl-sub agl-block">{row.quality}</span>}
              </th>
              <td>{row.collegeName ?? <span className="muted">Sans collège</span>}</td>
              <td>{row.reason}</td>
              <td>
                {row.present ? (
                  <span className="badge badge-ok">Présent</span>
                ) : (
                  <span className="badge badge-muted">Absent</span>
                )}
              </td>
              <td className="actions">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
