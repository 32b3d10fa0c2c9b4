// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Meeting types that have statutory rules: AG ordinaire, extraordinaire, constitutive, conseil d'administration, bureau. */
export const MEETING_TYPES = ['ago', 'age', 'constitutive', 'ca', 'bureau'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** French label of each meeting type, for screens and PDFs. */
export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, string>> = Object.freeze({
  ago: 'Assemblée générale ordinaire',
  age: 'Assemblée générale extraordinaire',
  constitutive: 'Assemblée générale constitutive',
  ca: "Conseil d'administration",
  bureau: 'Bureau',
});

/** Who counts towards the quorum: the members present only, or present plus represented by a proxy. */
export const QUORUM_COUNTINGS = ['presents', 'presents_et_representes'] as const;
export type QuorumCounting = (typeof QUORUM_COUNTINGS)[number];

/** One member one vote (`heads`) or each member weighs their collège's vote weight (`weight`). */
export const WEIGHTINGS = ['heads', 'weight'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

/**
 * Majority rules:
 * - `simple`: more pour than contre (pour > contre); abstentions and blancs never matter;
 * - `absolue`: strictly more than half of the base;
 * - `deux_tiers`, `trois_quarts`: at least 2/3, 3/4 of the base;
 * - `fraction`: at least (or, with `strict`, strictly more than) the given fraction of the base.
 */
export const MAJORITY_RULES = ['simple', 'absolue', 'deux_tiers', 'trois_quarts', 'fraction'] as const;
export type MajorityRuleKind = (typeof MAJORITY_RULES)[number];

/**
 * Base of a majority:
 * - `exprimes`: suffrages exprimés = pour + contre, plus abstentions and/or blancs only when the statuts say so;
 * - `presents_et_representes`: all the voting power present or represented, whatever was cast (every voix that is
 *   not « pour » weighs as a « contre »).
 */
export const MAJORITY_BASES = ['exprimes', 'presents_et_representes'] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

/** Resolution kinds every CPTS has; statuts may add their own keys (e.g. `exclusion`, `election_ca`). */
export const STANDARD_RESOLUTION_KINDS = ['ordinaire', 'statuts', 'dissolution'] as const;

/** Attendance of one person at a meeting, as it stands now (arrivals and departures update it). */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'represented'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Internal precision: one voix = 1,000 units, so weights such as 1,5 or 0,25 stay exact integers. */
export const VOTE_UNIT = 1000;
