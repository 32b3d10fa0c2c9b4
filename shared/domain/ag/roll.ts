import { fromUnits, type Tally, toUnits } from './arithmetic';
import type { StatutoryRules } from './rules';
import type { MeetingType } from './vocabulary';

// ---------------------------------------------------------------------------------------------------------------
// Voting roll
// ---------------------------------------------------------------------------------------------------------------

/** What the governance maths needs of a member (see shared/domain/members for the full row). */
export interface AgMember {
  id: number;
  /** Display name with civility when known, e.g. « Mme Claire Durand » (used in messages). */
  name: string;
  collegeId: number | null;
  collegeName?: string | null;
  /** From the member's collège; a member without collège is usually passed as 'deliberative'. */
  votingRight: 'deliberative' | 'consultative';
  /** From the member's collège (1 by default); only used when the rules weigh votes or quorum by weight. */
  voteWeight: number;
  /** Up to date for the meeting's year (boolean), or the list of years paid (MemberListRow.upToDateYears). */
  upToDate: boolean | readonly number[];
  /** False once the member has left the association (membre sorti). */
  active: boolean;
}

/** Why a member has no vote at a meeting. */
export type NonVoterReasonCode = 'membre_sorti' | 'college_consultatif' | 'cotisation_non_a_jour' | 'poids_nul';

/** A member with a vote at this meeting. */
export interface RollVoter {
  id: number;
  name: string;
  collegeId: number | null;
  collegeName: string | null;
  /** Vote weight in voix (three decimals at most). */
  weight: number;
}

/** A member without a vote at this meeting, with the French reason(s). */
export interface RollNonVoter {
  id: number;
  name: string;
  collegeId: number | null;
  collegeName: string | null;
  reasons: { code: NonVoterReasonCode; message: string }[];
  /** The reasons joined: « collège consultatif ; cotisation 2026 non à jour ». */
  reason: string;
}

/** The voting roll of one meeting: who votes (with weight) and who does not (with why). */
export interface VotingRoll {
  meetingType: MeetingType;
  year: number;
  voters: RollVoter[];
  nonVoters: RollNonVoter[];
  /** Number of voting members and sum of their weights. */
  totals: Tally;
}

function isUpToDate(upToDate: boolean | readonly number[], year: number): boolean {
  return typeof upToDate === 'boolean' ? upToDate : upToDate.includes(year);
}

/**
 * Splits members into voters (with their vote weight) and non-voters with the French reason:
 * « membre sorti » (inactive; no other reason is given), « collège consultatif », « cotisation 2026 non à jour »
 * (only when the meeting type's rules require an up-to-date cotisation), « poids de vote nul ».
 * For a CA or a bureau, pass the members of that body only. O(n).
 */
export function votingRoll(
  members: readonly AgMember[],
  rules: StatutoryRules,
  options: { meetingType: MeetingType; year: number },
): VotingRoll {
  const meeting = rules.meetings[options.meetingType];
  const voters: RollVoter[] = [];
  const nonVoters: RollNonVoter[] = [];
  let heads = 0;
  let units = 0;
  for (const member of members) {
    const collegeName = member.collegeName ?? null;
    const reasons: RollNonVoter['reasons'] = [];
    const weightUnits = Number.isFinite(member.voteWeight) ? toUnits(member.voteWeight) : 0;
    if (!member.active) {
      reasons.push({ code: 'membre_sorti', message: 'membre sorti' });
    } else {
      if (member.votingRight !== 'deliberative')
        reasons.push({ code: 'college_consultatif', message: 'collège consultatif' });
      if (meeting.voters.cotisationRequired && !isUpToDate(member.upToDate, options.year)) {
        reasons.push({ code: 'cotisation_non_a_jour', message: `cotisation ${options.year} non à jour` });
      }
      if (weightUnits <= 0) reasons.push({ code: 'poids_nul', message: 'poids de vote nul' });
    }
    if (reasons.length) {
      nonVoters.push({
        id: member.id,
        name: member.name,
        collegeId: member.collegeId,
        collegeName,
        reasons,
        reason: reasons.map((r) => r.message).join(' ; '),
      });
    } else {
      voters.push({
        id: member.id,
        name: member.name,
        collegeId: member.collegeId,
        collegeName,
        weight: fromUnits(weightUnits),
      });
      heads += 1;
      units += weightUnits;
    }
  }
  return {
    meetingType: options.meetingType,
    year: options.year,
    voters,
    nonVoters,
    totals: { heads, weight: fromUnits(units) },
  };
}
