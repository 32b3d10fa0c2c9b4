import { fromUnits, gcd, type Tally, threshold, toUnits } from './arithmetic';
import { type AttendanceEntry, indexRoll, nameOf, type ProxyInput } from './proxies';
import type { VotingRoll } from './roll';
import type { QuorumRoundRule, StatutoryRules } from './rules';
import { type AttendanceStatus, type MeetingType, VOTE_UNIT } from './vocabulary';
import { fmt, fractionText, pl, WORDING } from './wording';

// ---------------------------------------------------------------------------------------------------------------
// Quorum
// ---------------------------------------------------------------------------------------------------------------

/** The state of a meeting at one moment: its roll, current attendance and registered proxies. */
export interface MeetingState {
  roll: VotingRoll;
  attendance: readonly AttendanceEntry[];
  proxies: readonly ProxyInput[];
}

/** Why a registered proxy does not count now (computeQuorum). */
export type InactiveProxyCode =
  | 'pouvoirs_interdits'
  | 'auto_pouvoir'
  | 'mandant_non_votant'
  | 'pouvoir_deja_donne'
  | 'mandant_present'
  | 'mandataire_non_votant'
  | 'mandataire_absent'
  | 'maximum_atteint';

/** A registered proxy with the names of both members, as listed by computeQuorum. */
export interface CountedProxy {
  proxy: ProxyInput;
  mandantName: string;
  mandataireName: string;
}

/** A registered proxy that does not count now, with the reason (e.g. « mandataire absent »). */
export interface InactiveProxy extends CountedProxy {
  code: InactiveProxyCode;
  reason: string;
}

/** Quorum figures of one collège (members without collège are grouped under `collegeId: null`). */
export interface CollegeQuorumLine {
  collegeId: number | null;
  collegeName: string | null;
  voting: Tally;
  present: Tally;
  represented: Tally;
  /** What counts towards the quorum for this collège (present, or present + represented). */
  reached: Tally;
}

/** Everything computeQuorum found: figures in heads and weight, proxies counted or not, the French sentence. */
export interface QuorumResult {
  meetingType: MeetingType;
  round: 1 | 2;
  rule: QuorumRoundRule;
  /** Voting members (the base of the quorum). */
  voting: Tally;
  present: Tally;
  represented: Tally;
  presentOrRepresented: Tally;
  /** What counts towards the quorum under the rule's counting. */
  reached: Tally;
  /** Required in both dimensions; `null` when no quorum applies. `met` uses `rule.weighting`. */
  required: Tally | null;
  /** How much is missing in the rule's dimension (0 when met or no quorum). */
  missing: number;
  met: boolean;
  /** Per-collège breakdown, in the order collèges first appear on the roll. */
  byCollege: CollegeQuorumLine[];
  proxies: { counted: CountedProxy[]; notCounted: InactiveProxy[] };
  /** Inconsistencies worth showing, e.g. a member marked « représenté » without a valid proxy. */
  anomalies: string[];
  /** The arithmetic in French: « 46 membres présents ou représentés sur 180 membres votants ; quorum requis : 1/4, soit 45 ; quorum atteint. » */
  sentence: string;
}

/** A configuration error (e.g. asking for a 2nd-round quorum the statuts do not provide), with a French message. */
export class GovernanceRuleError extends Error {
  constructor(
    readonly code: 'deuxieme_convocation_impossible',
    message: string,
  ) {
    super(message);
    this.name = 'GovernanceRuleError';
  }
}

interface MutableLine {
  collegeId: number | null;
  collegeName: string | null;
  votingHeads: number;
  votingUnits: number;
  presentHeads: number;
  presentUnits: number;
  representedHeads: number;
  representedUnits: number;
}

const tally = (heads: number, units: number): Tally => ({ heads, weight: fromUnits(units) });

/**
 * Computes the quorum of a meeting now. A proxy counts only while its mandataire is present: the proxies that stop
 * counting are listed with their reason (« mandataire absent », « mandant présent », « au-delà du maximum de 2
 * pouvoirs prévu par les statuts »…). Proxies are examined in the order given (registration order): only a
 * mandant's first proxy is considered, and a mandataire's proxies beyond the statutory cap do not count.
 *
 * `required` = `threshold(voting, fraction, strict)` in heads and in weight (ceil(base × f), or floor(base × f) + 1
 * when strict); `met` compares `reached` and `required` in the rule's dimension, and is false when nobody votes.
 * `state.roll` should be built by {@link votingRoll} for the same meeting type (its cotisation rule).
 * Throws {@link GovernanceRuleError} when round 2 is asked but the statuts provide no second convocation.
 * O(n + p) for n members on the roll and p proxies (a few Map/Set operations per item, no nested loops).
 */
export function computeQuorum(
  state: MeetingState,
  rules: StatutoryRules,
  meetingType: MeetingType,
  round: 1 | 2 = 1,
): QuorumResult {
  const meeting = rules.meetings[meetingType];
  const rule = round === 1 ? meeting.quorum.first : meeting.quorum.second;
  if (!rule) {
    throw new GovernanceRuleError(
      'deuxieme_convocation_impossible',
      `Les statuts ne prévoient pas de deuxième convocation pour ${WORDING[meetingType].the}.`,
    );
  }
  const people = indexRoll(state.roll);
  const status = new Map<number, AttendanceStatus>();
  for (const entry of state.attendance) status.set(entry.memberId, entry.status);

  // Proxies, in registration order.
  const proxyRules = meeting.proxies;
  const cap = proxyRules.maxPerMandataire;
  const seenMandants = new Set<number>();
  const held = new Map<number, number>();
  const representedMandants = new Set<number>();
  const counted: CountedProxy[] = [];
  const notCounted: InactiveProxy[] = [];
  const inactive = (code: InactiveProxyCode, reason: string) => ({ code, reason });
  /** Why this proxy does not count now, or null when it counts. Checks run in this order. */
  const whyNotCounted = (proxy: ProxyInput): { code: InactiveProxyCode; reason: string } | null => {
    if (!proxyRules.allowed) return inactive('pouvoirs_interdits', 'pouvoirs non prévus par les statuts');
    if (proxy.mandantId === proxy.mandataireId) return inactive('auto_pouvoir', 'pouvoir donné à soi-même');
    if (!people.voters.has(proxy.mandantId)) return inactive('mandant_non_votant', 'mandant non votant');
    if (seenMandants.has(proxy.mandantId)) return inactive('pouvoir_deja_donne', 'le mandant a déjà donné un pouvoir');
    // From here on this is the mandant's proxy: a later one is a duplicate, even if this one stops counting.
    seenMandants.add(proxy.mandantId);
    if (status.get(proxy.mandantId) === 'present') return inactive('mandant_present', 'mandant présent');
    if (proxyRules.mandataireMustBeVoter && !people.voters.has(proxy.mandataireId))
      return inactive('mandataire_non_votant', 'mandataire non votant');
    if (status.get(proxy.mandataireId) !== 'present') return inactive('mandataire_absent', 'mandataire absent');
    if (cap !== null && (held.get(proxy.mandataireId) ?? 0) >= cap) {
      return inactive(
        'maximum_atteint',
        `au-delà du maximum de ${cap} ${pl(cap, 'pouvoir', 'pouvoirs')} prévu par les statuts`,
      );
    }
    return null;
  };
  for (const proxy of state.proxies) {
    const line: CountedProxy = {
      proxy,
      mandantName: nameOf(people, proxy.mandantId),
      mandataireName: nameOf(people, proxy.mandataireId),
    };
    const refusal = whyNotCounted(proxy);
    if (refusal) {
      notCounted.push({ ...line, ...refusal });
    } else {
      counted.push(line);
      held.set(proxy.mandataireId, (held.get(proxy.mandataireId) ?? 0) + 1);
      representedMandants.add(proxy.mandantId);
    }
  }

  // Tallies per voter and per collège.
  const lines = new Map<number | null, MutableLine>();
  const anomalies: string[] = [];
  let step = VOTE_UNIT;
  let votingHeads = 0;
  let votingUnits = 0;
  let presentHeads = 0;
  let presentUnits = 0;
  let representedHeads = 0;
  let representedUnits = 0;
  for (const voter of state.roll.voters) {
    const units = toUnits(voter.weight);
    step = gcd(step, units);
    let line = lines.get(voter.collegeId);
    if (!line) {
      line = {
        collegeId: voter.collegeId,
        collegeName: voter.collegeName,
        votingHeads: 0,
        votingUnits: 0,
        presentHeads: 0,
        presentUnits: 0,
        representedHeads: 0,
        representedUnits: 0,
      };
      lines.set(voter.collegeId, line);
    }
    votingHeads += 1;
    votingUnits += units;
    line.votingHeads += 1;
    line.votingUnits += units;
    const current = status.get(voter.id);
    if (current === 'present') {
      presentHeads += 1;
      presentUnits += units;
      line.presentHeads += 1;
      line.presentUnits += units;
    } else if (representedMandants.has(voter.id)) {
      representedHeads += 1;
      representedUnits += units;
      line.representedHeads += 1;
      line.representedUnits += units;
    } else if (current === 'represented') {
      anomalies.push(`${voter.name} : noté « représenté » sans pouvoir valable en cours ; compté absent.`);
    }
  }

  const withRepresented = rule.counting === 'presents_et_representes';
  const reachedHeads = presentHeads + (withRepresented ? representedHeads : 0);
  const reachedUnits = presentUnits + (withRepresented ? representedUnits : 0);
  const byWeight = rule.weighting === 'weight';
  const requiredHeads = rule.fraction ? threshold(votingHeads, rule.fraction, rule.strict, 1) : null;
  const requiredUnits = rule.fraction ? threshold(votingUnits, rule.fraction, rule.strict, step) : null;
  const dimReached = byWeight ? reachedUnits : reachedHeads;
  const dimRequired = byWeight ? requiredUnits : requiredHeads;
  const met = dimReached > 0 && (dimRequired === null || dimReached >= dimRequired);
  const missingDim = dimRequired === null ? 0 : Math.max(0, dimRequired - dimReached);
  const missing = byWeight ? fromUnits(missingDim) : missingDim;

  // The arithmetic in French.
  const wording = WORDING[meetingType];
  const presentWord = withRepresented ? ['présent ou représenté', 'présents ou représentés'] : ['présent', 'présents'];
  const presentWordF = withRepresented
    ? ['présente ou représentée', 'présentes ou représentées']
    : ['présente', 'présentes'];
  let sentence: string;
  if (byWeight) {
    const reached = fromUnits(reachedUnits);
    const voting = fromUnits(votingUnits);
    sentence =
      `${fmt(reached)} voix ${pl(reached, presentWordF[0]!, presentWordF[1]!)} sur ${fmt(voting)} voix ` +
      `(${fmt(votingHeads)} ${pl(votingHeads, 'membre votant', 'membres votants')})`;
  } else {
    sentence =
      `${fmt(reachedHeads)} ${pl(reachedHeads, 'membre', 'membres')} ${pl(reachedHeads, presentWord[0]!, presentWord[1]!)} ` +
      `sur ${fmt(votingHeads)} ${pl(votingHeads, 'membre votant', 'membres votants')}`;
  }
  const unitWord = byWeight ? ' voix' : '';
  if (rule.fraction === null) {
    sentence +=
      round === 2 ? ' ; aucun quorum requis (deuxième convocation)' : ' ; aucun quorum requis par les statuts';
    sentence += met
      ? ` ; ${wording.body} peut délibérer.`
      : ` ; aucun membre votant ${withRepresented ? 'présent ou représenté' : 'présent'}.`;
  } else {
    const requiredShown = byWeight ? fromUnits(requiredUnits ?? 0) : (requiredHeads ?? 0);
    sentence += ` ; quorum requis : ${rule.strict ? 'plus de ' : ''}${fractionText(rule.fraction)}, soit ${fmt(requiredShown)}${unitWord}`;
    if (met) sentence += ' ; quorum atteint.';
    else if (missing > 0)
      sentence += ` ; quorum non atteint (il manque ${fmt(missing)} ${byWeight ? 'voix' : pl(missing, 'membre', 'membres')}).`;
    else
      sentence += ` ; quorum non atteint (aucun membre votant ${withRepresented ? 'présent ou représenté' : 'présent'}).`;
  }

  const byCollege: CollegeQuorumLine[] = [];
  for (const line of lines.values()) {
    byCollege.push({
      collegeId: line.collegeId,
      collegeName: line.collegeName,
      voting: tally(line.votingHeads, line.votingUnits),
      present: tally(line.presentHeads, line.presentUnits),
      represented: tally(line.representedHeads, line.representedUnits),
      reached: tally(
        line.presentHeads + (withRepresented ? line.representedHeads : 0),
        line.presentUnits + (withRepresented ? line.representedUnits : 0),
      ),
    });
  }

  return {
    meetingType,
    round,
    rule,
    voting: tally(votingHeads, votingUnits),
    present: tally(presentHeads, presentUnits),
    represented: tally(representedHeads, representedUnits),
    presentOrRepresented: tally(presentHeads + representedHeads, presentUnits + representedUnits),
    reached: tally(reachedHeads, reachedUnits),
    required: requiredHeads === null || requiredUnits === null ? null : tally(requiredHeads, requiredUnits),
    missing,
    met,
    byCollege,
    proxies: { counted, notCounted },
    anomalies,
    sentence,
  };
}
