import type { TargetResult, TargetStatus } from '@shared/domain/aci/attainment';
import { TARGET_STATUS_LABELS } from '@shared/domain/indicator-labels';
import { formatNumber, NBSP } from '@shared/format';

const STATUS_CLASS: Record<TargetStatus, string> = {
  atteint: 'badge badge-ok',
  partiel: 'badge badge-warn',
  non_atteint: 'badge badge-danger',
  non_mesure: 'badge badge-muted',
};

/** « atteint », « partiel », « non atteint », « non mesuré »: where a target stands, as a coloured badge. */
export function StatusBadge({ status, label }: { status: TargetStatus; label: string }) {
  return <span className={STATUS_CLASS[status]}>{label}</span>;
}

/** A target's status badge, or « Sans cible » when the indicator has no target for the year. */
export function ResultBadge({ result }: { result: Pick<TargetResult, 'status'> | null }) {
  if (!result) return <span className="badge badge-muted">Sans cible</span>;
  return <StatusBadge status={result.status} label={TARGET_STATUS_LABELS[result.status]} />;
}

/** 0.6626 → « 66,3 % » (a share of the way, an attainment rate). */
export function formatRate(rate: number): string {
  return `${formatNumber(Math.round(rate * 1000) / 10)}${NBSP}%`;
}

/**
 * A progress bar with its figure written out: `rate` is 0..1 (more is drawn full), null when it cannot be told.
 * `label` names what progresses, for screen readers (« Part variable obtenue, Accès aux soins »).
 */
export function ProgressBar({ rate, label, text }: { rate: number | null; label: string; text?: string }) {
  const shown = rate === null ? null : Math.max(0, Math.min(1, rate));
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown === null ? undefined : Math.round(shown * 100)}
        aria-valuetext={rate === null ? 'non mesuré' : (text ?? formatRate(rate))}
      >
        <span className="progress-fill" style={{ width: `${shown === null ? 0 : shown * 100}%` }} />
      </div>
      <span className="progress-text">{rate === null ? '—' : (text ?? formatRate(rate))}</span>
    </div>
  );
}
