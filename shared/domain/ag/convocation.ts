import type { SecondRoundRule, StatutoryRules } from './rules';
import type { MeetingType } from './vocabulary';
import { fractionText, pl, WORDING } from './wording';

// ---------------------------------------------------------------------------------------------------------------
// Convocation
// ---------------------------------------------------------------------------------------------------------------

/** Answer of secondConvocation. */
export type SecondConvocation =
  | { possible: false; message: string }
  | { possible: true; quorum: SecondRoundRule; convocationDelayDays: number; message: string };

/**
 * Whether the statuts provide a second convocation for this meeting type (when the first one missed its quorum),
 * with its quorum and convocation delay, and a French summary:
 * « Deuxième convocation possible pour l'assemblée générale ordinaire : aucun quorum requis ; convocation au moins
 * 15 jours avant. »
 */
export function secondConvocation(rules: StatutoryRules, meetingType: MeetingType): SecondConvocation {
  const second = rules.meetings[meetingType].quorum.second;
  const wording = WORDING[meetingType];
  if (!second)
    return { possible: false, message: `Les statuts ne prévoient pas de deuxième convocation pour ${wording.the}.` };
  const who =
    second.counting === 'presents' ? 'des membres votants présents' : 'des membres votants présents ou représentés';
  const weighed = second.weighting === 'weight' ? ', compté en poids de vote' : '';
  const quorum = second.fraction
    ? `quorum de ${second.strict ? 'plus de ' : ''}${fractionText(second.fraction)} ${who}${weighed}`
    : 'aucun quorum requis';
  const days = second.convocationDelayDays;
  return {
    possible: true,
    quorum: second,
    convocationDelayDays: days,
    message: `Deuxième convocation possible pour ${wording.the} : ${quorum} ; convocation au moins ${days} ${pl(days, 'jour', 'jours')} avant.`,
  };
}

const DAY_MS = 86_400_000;
function isoDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / DAY_MS;
}

/**
 * Checks the convocation delay. Dates are ISO (`yyyy-mm-dd`, a datetime is cut to its date). The delay is the
 * difference of calendar dates (sent on 1 March for 16 March = 15 days), or with `convocationDayCount: 'francs'`
 * that difference minus one (neither the sending day nor the meeting day counts).
 * Returns null when the delay is respected, else a French warning:
 * « La convocation a été envoyée 10 jours avant l'assemblée ; les statuts en demandent 15. »
 */
export function convocationDelayProblem(
  meetingDate: string,
  sentDate: string,
  rules: StatutoryRules,
  meetingType: MeetingType,
): string | null {
  const meeting = rules.meetings[meetingType];
  const wording = WORDING[meetingType];
  const meetingDay = isoDay(meetingDate);
  const sentDay = isoDay(sentDate);
  if (meetingDay === null)
    return `Date de ${wording.meeting} invalide (« ${meetingDate} ») : impossible de vérifier le délai de convocation.`;
  if (sentDay === null)
    return `Date d'envoi de la convocation invalide (« ${sentDate} ») : impossible de vérifier le délai de convocation.`;
  const required = meeting.convocationDelayDays;
  const francs = meeting.convocationDayCount === 'francs';
  const unit = (count: number) => `${pl(count, 'jour', 'jours')}${francs ? ` ${pl(count, 'franc', 'francs')}` : ''}`;
  const days = meetingDay - sentDay;
  if (days < 0) return `La convocation est datée d'après ${wording.meeting} : vérifiez les dates.`;
  const counted = francs ? days - 1 : days;
  if (counted >= required) return null;
  if (days === 0)
    return `La convocation a été envoyée le jour même de ${wording.meeting} ; les statuts demandent ${required} ${unit(required)}.`;
  if (counted === 0)
    return `La convocation a été envoyée la veille de ${wording.meeting} (0 jour franc) ; les statuts en demandent ${required}.`;
  return `La convocation a été envoyée ${counted} ${unit(counted)} avant ${wording.meeting} ; les statuts en demandent ${required}.`;
}
