import type { DeadlineStatus } from '@shared/domain/aci';
import { DEADLINE_STATUS_LABELS } from '@shared/domain/aci';

/** Where a mission's start or deployment stands: a badge that says it in words, then the sentence with the dates. */
export function DeadlineBadge({ status }: { status: DeadlineStatus | null }) {
  if (!status) return <span className="muted">Sans échéance</span>;
  return (
    <span className="deadline">
      <span className={`badge deadline-badge deadline-${status.code}`}>{DEADLINE_STATUS_LABELS[status.code]}</span>
      <span className="cell-sub">{status.label}</span>
    </span>
  );
}
