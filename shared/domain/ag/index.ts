/**
 * Governance maths of a CPTS: who votes, which proxies (pouvoirs) count, whether the quorum is reached, whether a
 * resolution is adopted, whether the convocation was sent in time.
 *
 * Everything here is pure and data-driven. The loi du 1er juillet 1901 fixes none of these rules (domain.md §4):
 * convocation delay, quorum, majorities and proxies all come from the statuts (or the règlement intérieur) of the
 * CPTS, captured in a {@link StatutoryRules} value that the caller stores and versions. {@link DEFAULT_RULES} only
 * holds the usual defaults, to be replaced by the CPTS's own statuts.
 *
 * Arithmetic is exact. Vote weights and vote totals are converted to integer thousandths of a voix ("units",
 * {@link VOTE_UNIT}); weights with more than three decimals are rounded to three. Thresholds are computed with
 * integer division and remainder, never with floating-point ceilings. Rounding rules (see {@link threshold}):
 * - « au moins une fraction » (quorum 1/4, majorité des 2/3, des 3/4, fraction f): `ceil(base × f)` voix requises;
 * - « plus de la moitié » (majorité absolue) and any strict fraction: `floor(base × f) + 1` voix requises;
 * - majorité simple: more pour than contre, i.e. `contre + 1` voix requises;
 * where "1" and the rounding step are one voix whenever every weight and vote total is a whole number (otherwise
 * the smallest step the weights allow, e.g. 0,5 voix with a collège weighing 1,5).
 *
 * Every message a user can read is in French; identifiers and comments are in English.
 * This folder must stay free of Node built-ins and of 'electron' (it runs in the renderer too).
 *
 * Layout: `vocabulary` (meeting types, countings, majorities), `rules` (statuts schema and defaults), `arithmetic`
 * (exact units and thresholds), `roll` (who votes), `proxies`, `quorum`, `votes` (majorities), `weighted-votes`
 * (collège weights), `convocation` (second round, delay), `reminders` (rules in words), `wording` (French sentences).
 * This index is the public API: import from `@shared/domain/ag`, not from the modules.
 */
export {
  MEETING_TYPES,
  type MeetingType,
  MEETING_TYPE_LABELS,
  QUORUM_COUNTINGS,
  type QuorumCounting,
  WEIGHTINGS,
  type Weighting,
  MAJORITY_RULES,
  type MajorityRuleKind,
  MAJORITY_BASES,
  type MajorityBase,
  STANDARD_RESOLUTION_KINDS,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  VOTE_UNIT,
} from './vocabulary';
export {
  fractionSchema,
  type Fraction,
  quorumRoundSchema,
  type QuorumRoundRule,
  secondRoundSchema,
  type SecondRoundRule,
  proxyRulesSchema,
  type ProxyRules,
  majorityRuleSchema,
  type MajorityRule,
  meetingRulesSchema,
  type MeetingRules,
  statutoryRulesSchema,
  type StatutoryRules,
  type StatutoryRulesInput,
  DEFAULT_RULES,
} from './rules';
export {
  type Tally,
  threshold,
} from './arithmetic';
export {
  type AgMember,
  type NonVoterReasonCode,
  type RollVoter,
  type RollNonVoter,
  type VotingRoll,
  votingRoll,
} from './roll';
export {
  type ProxyInput,
  type AttendanceEntry,
  type ProxyRefusalCode,
  type ProxyContext,
  type ProxyValidation,
  validateProxy,
} from './proxies';
export {
  type MeetingState,
  type InactiveProxyCode,
  type CountedProxy,
  type InactiveProxy,
  type CollegeQuorumLine,
  type QuorumResult,
  AgRuleError,
  computeQuorum,
} from './quorum';
export {
  type VoteTotals,
  type VoteContext,
  type VoteErrorCode,
  type VoteResult,
  computeVote,
} from './votes';
export {
  type CollegeHeadCount,
  type CollegeVotingPower,
  type WeighedCollege,
  type WeighedVotes,
  weighCollegeVotes,
} from './weighted-votes';
export {
  type SecondConvocation,
  secondConvocation,
  convocationDelayProblem,
} from './convocation';
export {
  majorityDescription,
  quorumDescription,
  rulesReminders,
} from './reminders';
