import type { MeetingDetail } from '@shared/contract';
import { formatDay, MEETING_STATUS_LABEL, RCP_GUARD_NOTE, timeRange, typeShort } from './labels';

/** Under the meeting's title: type, date, hours and place, status, the RCP's warning, what to check. */
export function MeetingHeader({ detail }: { detail: MeetingDetail }) {
  const { data } = detail;
  return (
    <>
      <div className="member-summary">
        <p className="member-summary-line">
          <span className={`chip chip-${data.type}`}>{typeShort(data.type)}</span> {detail.typeLabel}
          {data.date ? ` · ${formatDay(data.date)}` : ''}
          {data.startTime ? `, ${timeRange(data.startTime, data.endTime)}` : ''}
          {data.place ? ` · ${data.place}` : ''}
        </p>
        <p className="member-badges">
          <span
            className={`badge${data.status === 'annulee' ? ' badge-warn' : data.status === 'tenue' ? ' badge-ok' : ''}`}
          >
            {MEETING_STATUS_LABEL[data.status]}
          </span>
          {data.visioUrl && (
            <>
              {' '}
              <span className="badge badge-muted">visio</span>
            </>
          )}
        </p>
      </div>
      {data.type === 'rcp' && (
        <p className="rcp-hint" role="note">
          <strong>RCP pseudonymisée :</strong> aucun texte de cette réunion (titre, ordre du jour, relevés, décisions,
          cas, compte rendu) ne doit permettre de reconnaître un patient. {RCP_GUARD_NOTE}
        </p>
      )}
      {detail.warnings.length > 0 && (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">À vérifier</p>
          <ul>
            {detail.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
