import type { TrackingMission } from '@shared/contract';

/**
 * « Les indicateurs de la mission … totalisent 33 000 € pour une part variable de 35 000 € (écart 2 000 €). » when a
 * mission's indicators are priced, for the year, at another sum than its variable maximum; nothing while the mission
 * has no indicator yet (its empty list says what to do).
 */
export function MismatchWarning({
  mission,
}: {
  mission: Pick<TrackingMission, 'indicators'> & { result: TrackingMission['result'] | null };
}) {
  const mismatch = mission.indicators.length > 0 ? mission.result?.mismatch : null;
  if (!mismatch) return null;
  return (
    <p className="alert alert-warning" role="note">
      {mismatch.message}
    </p>
  );
}
