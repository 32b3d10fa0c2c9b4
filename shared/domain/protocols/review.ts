/**
 * When a protocol's version is to be reviewed, and where that review stands today. No legal period exists for a
 * pluriprofessional protocol: the protocol sets its own (`review_every_months`, 24 by default).
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { ProtocolVersionStatus } from '../protocol-labels';

/** A review due within this many days is « bientôt » (shown on the dashboard). */
export const REVIEW_SOON_DAYS = 60;

export type ReviewStatus = 'a_jour' | 'bientot' | 'depassee';

/** The validation date plus the review period (12 March 2025 + 24 months = 12 March 2027; 31 Aug + 6 = 28 Feb). */
export function nextReviewDate(validatedOn: string, everyMonths: number): string {
  return format(addMonths(parseISO(validatedOn), everyMonths), 'yyyy-MM-dd');
}

/** Past the review date: « depassee »; on it or within 60 days: « bientot »; otherwise « a_jour ». */
export function reviewStatus(nextReviewOn: string | null, today: string): ReviewStatus | null {
  if (!nextReviewOn) return null;
  const days = differenceInCalendarDays(parseISO(nextReviewOn), parseISO(today));
  if (days < 0) return 'depassee';
  return days <= REVIEW_SOON_DAYS ? 'bientot' : 'a_jour';
}

/** Only a version that applies (validated, in force or suspended) is to be reviewed. */
export function reviewApplies(status: ProtocolVersionStatus): boolean {
  return status === 'valide' || status === 'en_vigueur' || status === 'suspendu';
}

/** The last day still counted as « bientot » for a given today: what the SQL filters compare with. */
export function reviewSoonLimit(today: string): string {
  return format(addDays(parseISO(today), REVIEW_SOON_DAYS), 'yyyy-MM-dd');
}
