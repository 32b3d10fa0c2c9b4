import { fromUnits, gcd, type Tally, threshold, toUnits } from './arithmetic';
import type { Fraction, MajorityRule, StatutoryRules } from './rules';
import { type MajorityRuleKind, type MeetingType, VOTE_UNIT, type Weighting } from './vocabulary';
import { fmt, fractionText, pl, WORDING } from './wording';

// ---------------------------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------------------------

/** Totals of one vote, weighted by the caller when the meeting's `voteWeighting` is 'weight'. */
export interface VoteTotals {
  pour: number;
  contre: number;
  abstention?: number;
  blanc?: number;
}

/** What computeVote needs of the meeting: a {@link QuorumResult} fits. `met: false` refuses the vote. */
export interface VoteContext {
  meetingType: MeetingType;
  presentOrRepresented: Tally;
  met?: boolean;
}

/** Why computeVote refuses to decide. */
export type VoteErrorCode = 'regle_inconnue' | 'votes_invalides' | 'votes_incoherents' | 'quorum_non_atteint';

/** Answer of computeVote: the decision and its arithmetic, or a refusal with a French message. */
export type VoteResult =
  | {
      ok: true;
      adopted: boolean;
      resolutionKind: string;
      /** « Résolution ordinaire », « Modification des statuts »… */
      resolutionLabel: string;
      majority: MajorityRule;
      /** « Majorité des deux tiers » */
      majorityLabel: string;
      weighting: Weighting;
      votes: Required<VoteTotals>;
      /** The base of the majority, in voix (or members when counted by heads). */
      base: number;
      /** Voix « pour » required for adoption (see the module doc for the rounding). */
      required: number;
      /** The arithmetic in French, ending with « Résolution adoptée. » or « Résolution rejetée. » */
      sentence: string;
      /** The same without its opening tally (« Pour 3, contre 4… »), for a text that already gave the totals. */
      reasoning: string;
    }
  | { ok: false; code: VoteErrorCode; message: string };

const MAJORITY_LABELS: Record<Exclude<MajorityRuleKind, 'fraction'>, string> = {
  simple: 'Majorité simple',
  absolue: 'Majorité absolue',
  deux_tiers: 'Majorité des deux tiers',
  trois_quarts: 'Majorité des trois quarts',
};

/** The rule as a fraction: absolue = plus de 1/2; deux tiers = au moins 2/3; trois quarts = au moins 3/4. */
function ruleFraction(majority: MajorityRule): { fraction: Fraction; strict: boolean } | null {
  switch (majority.rule) {
    case 'simple':
      return null;
    case 'absolue':
      return { fraction: { numerator: 1, denominator: 2 }, strict: true };
    case 'deux_tiers':
      return { fraction: { numerator: 2, denominator: 3 }, strict: false };
    case 'trois_quarts':
      return { fraction: { numerator: 3, denominator: 4 }, strict: false };
    case 'fraction':
      return majority.fraction ? { fraction: majority.fraction, strict: majority.strict } : null;
  }
}

export function majorityLabelOf(majority: MajorityRule): string {
  if (majority.rule !== 'fraction') return MAJORITY_LABELS[majority.rule];
  const fraction = majority.fraction ? fractionText(majority.fraction) : '?';
  return `Majorité ${majority.strict ? 'de plus de' : 'de'} ${fraction}`;
}

/** A refusal when a total is negative, not a number, or not whole while votes are counted by heads; else null. */
function invalidTotals(all: Required<VoteTotals>, byWeight: boolean): VoteResult | null {
  for (const [key, value] of Object.entries(all)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return {
        ok: false,
        code: 'votes_invalides',
        message: `Nombre de voix « ${key} » invalide : un nombre positif ou nul est attendu.`,
      };
    }
    if (!byWeight && !Number.isInteger(value)) {
      return {
        ok: false,
        code: 'votes_invalides',
        message: `Nombre de voix « ${key} » invalide : avec une voix par membre, un nombre entier est attendu.`,
      };
    }
  }
  return null;
}

/** The refusal when more votes were entered than the voting power present or represented (both in units). */
function tooManyVotes(cast: number, power: number, byWeight: boolean): VoteResult {
  const powerText = byWeight
    ? `${fmt(fromUnits(power))} voix ${pl(fromUnits(power), 'présente ou représentée', 'présentes ou représentées')}`
    : `${fmt(fromUnits(power))} ${pl(fromUnits(power), 'membre votant présent ou représenté', 'membres votants présents ou représentés')}`;
  return {
    ok: false,
    code: 'votes_incoherents',
    message: `Décompte incohérent : ${fmt(fromUnits(cast))} ${pl(fromUnits(cast), 'vote saisi', 'votes saisis')} (pour, contre, abstentions et blancs) pour seulement ${powerText}. Vérifiez le décompte.`,
  };
}

/** The base of the majority in units, and how it is described (suffrages exprimés, or all present or represented). */
function majorityBase(
  majority: MajorityRule,
  votes: Required<VoteTotals>,
  power: number,
  byWeight: boolean,
): { base: number; baseText: string } {
  const simple = majority.rule === 'simple';
  if (!simple && majority.base === 'presents_et_representes') {
    const baseVoix = fromUnits(power);
    const baseText = byWeight
      ? `${fmt(baseVoix)} voix des membres présents ou représentés (abstentions, blancs et non-votants pèsent comme des voix contre)`
      : `${fmt(baseVoix)} ${pl(baseVoix, 'membre présent ou représenté', 'membres présents ou représentés')} (abstentions, blancs et non-votants pèsent comme des voix contre)`;
    return { base: power, baseText };
  }
  const withAbstentions = !simple && majority.abstentionsCounted;
  const withBlancs = !simple && majority.blancsCounted;
  const base = votes.pour + votes.contre + (withAbstentions ? votes.abstention : 0) + (withBlancs ? votes.blanc : 0);
  const baseVoix = fromUnits(base);
  const head = `${fmt(baseVoix)} ${pl(baseVoix, 'suffrage exprimé', 'suffrages exprimés')}`;
  if (withAbstentions && withBlancs) return { base, baseText: `${head}, abstentions et blancs compris` };
  if (withAbstentions) return { base, baseText: `${head}, abstentions comprises (blancs non comptés)` };
  if (withBlancs) return { base, baseText: `${head}, blancs compris (abstentions non comptées)` };
  return { base, baseText: `${head} (abstentions et blancs non comptés)` };
}

/** Voix « pour » required for adoption (units), and the sentence explaining the threshold and its rounding. */
function requiredPour(
  majority: MajorityRule,
  majorityLabel: string,
  base: number,
  contre: number,
  step: number,
): { required: number; thresholdText: string } {
  const asFraction = ruleFraction(majority);
  if (asFraction === null) {
    const required = contre + step;
    return {
      required,
      thresholdText: `${majorityLabel} : plus de voix pour que de voix contre, soit ${fmt(fromUnits(required))} ${pl(fromUnits(required), 'voix requise', 'voix requises')}.`,
    };
  }
  const { fraction, strict } = asFraction;
  const required = threshold(base, fraction, strict, step);
  const exact = (base * fraction.numerator) % (fraction.denominator * step) === 0;
  const baseShown = fmt(fromUnits(base));
  const ofBase =
    majority.rule === 'absolue' ? `la moitié de ${baseShown}` : `${fractionText(fraction)} de ${baseShown}`;
  const how = strict
    ? exact
      ? `${ofBase}, plus une voix`
      : `${ofBase}, arrondi à l'inférieur, plus une voix`
    : exact
      ? ofBase
      : `${ofBase}, arrondi au supérieur`;
  return {
    required,
    thresholdText: `${majorityLabel} : ${fmt(fromUnits(required))} ${pl(fromUnits(required), 'voix requise', 'voix requises')} (${how}).`,
  };
}

/**
 * Decides a resolution from its vote totals.
 * - Base `exprimes` = pour + contre (+ abstentions if `abstentionsCounted`) (+ blancs if `blancsCounted`); base
 *   `presents_et_representes` = all the voting power present or represented (`state.presentOrRepresented`, in heads
 *   or weight according to the meeting's `voteWeighting`).
 * - Required « pour »: simple = contre + 1; absolue = floor(base / 2) + 1; deux tiers / trois quarts / fraction f =
 *   ceil(base × f); strict fraction = floor(base × f) + 1 (one voix being the step; see {@link threshold}).
 * - A base of 0 never adopts.
 * Refuses (ok: false, French message): unknown resolution kind, negative or non-numeric totals, fractional totals
 * when votes are counted by heads, more votes than voting power present or represented, quorum not met.
 */
export function computeVote(
  votes: VoteTotals,
  rules: StatutoryRules,
  resolutionKind: string,
  state: VoteContext,
): VoteResult {
  const meeting = rules.meetings[state.meetingType];
  const wording = WORDING[state.meetingType];
  const majority = Object.prototype.hasOwnProperty.call(meeting.majorities, resolutionKind)
    ? meeting.majorities[resolutionKind]
    : undefined;
  if (!majority) {
    return {
      ok: false,
      code: 'regle_inconnue',
      message: `Aucune règle de majorité n'est définie pour le type de résolution « ${resolutionKind} » de ${wording.the} : complétez les règles statutaires.`,
    };
  }
  if (state.met === false) {
    return {
      ok: false,
      code: 'quorum_non_atteint',
      message: `Le quorum n'est pas atteint : ${wording.body} ne peut pas valablement délibérer.`,
    };
  }
  const weighting = meeting.voteWeighting;
  const byWeight = weighting === 'weight';
  const all: Required<VoteTotals> = {
    pour: votes.pour,
    contre: votes.contre,
    abstention: votes.abstention ?? 0,
    blanc: votes.blanc ?? 0,
  };
  const invalid = invalidTotals(all, byWeight);
  if (invalid) return invalid;
  const units = {
    pour: toUnits(all.pour),
    contre: toUnits(all.contre),
    abstention: toUnits(all.abstention),
    blanc: toUnits(all.blanc),
  };
  const { pour, contre, abstention, blanc } = units;
  const cast = pour + contre + abstention + blanc;
  const power = byWeight ? toUnits(state.presentOrRepresented.weight) : state.presentOrRepresented.heads * VOTE_UNIT;
  if (cast > power) return tooManyVotes(cast, power, byWeight);

  const { base, baseText } = majorityBase(majority, units, power, byWeight);
  // Smallest step the figures allow: one voix when everything is whole.
  const step = [pour, contre, abstention, blanc, base].reduce((acc, value) => gcd(acc, value), VOTE_UNIT);
  const majorityLabel = majorityLabelOf(majority);
  const { required, thresholdText } = requiredPour(majority, majorityLabel, base, contre, step);
  const adopted = base > 0 && pour >= required;
  const parts = [
    `Pour ${fmt(all.pour)}, contre ${fmt(all.contre)}, abstentions ${fmt(all.abstention)}, blancs ${fmt(all.blanc)}.`,
    `Base : ${baseText}.`,
    base > 0 ? thresholdText : 'Aucun suffrage à compter : la résolution ne peut pas être adoptée.',
    adopted ? 'Résolution adoptée.' : 'Résolution rejetée.',
  ];
  return {
    ok: true,
    adopted,
    resolutionKind,
    resolutionLabel: majority.label ?? resolutionKind,
    majority,
    majorityLabel,
    weighting,
    votes: all,
    base: fromUnits(base),
    required: fromUnits(required),
    sentence: parts.join(' '),
    reasoning: parts.slice(1).join(' '),
  };
}
