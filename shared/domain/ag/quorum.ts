import { fromUnits, gcd, type Tally, threshold, toUnits } from './arithmetic';
import { type AttendanceEntry, indexRoll, nameOf, type People, type ProxyInput } from './proxies';
import type { RollVoter, VotingRoll } from './roll';
import type { ProxyRules, QuorumRoundRule, StatutoryRules } from './rules';
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
export class AgRuleError extends Error {
  constructor(
    readonly code: 'deuxieme_convocation_impossible',
    message: string,
  ) {
    super(message);
    this.name = 'AgRuleError';
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

const emptyLine = (collegeId: number | null, collegeName: string | null): MutableLine => ({
  collegeId,
  collegeName,
  votingHeads: 0,
  votingUnits: 0,
  presentHeads: 0,
  presentUnits: 0,
  representedHeads: 0,
  representedUnits: 0,
});

/** What counts towards the quorum in a line: present, plus represented when the rule counts them. */
const reachedOf = (line: MutableLine, withRepresented: boolean): { heads: number; units: number } => ({
  heads: line.presentHeads + (withRepresented ? line.representedHeads : 0),
  units: line.presentUnits + (withRepresented ? line.representedUnits : 0),
});

interface ProxyCount {
  counted: CountedProxy[];
  notCounted: InactiveProxy[];
  /** Mandants whose proxy counts now: they are represented. */
  representedMandants: Set<number>;
}

/**
 * Sorts the registered proxies, in registration order, into those that count now and those that do not, with the
 * reason. Only a mandant's first proxy is considered; a mandataire's proxies beyond the statutory cap do not count.
 */
function countProxies(
  proxies: readonly ProxyInput[],
  proxyRules: ProxyRules,
  people: People,
  status: ReadonlyMap<number, AttendanceStatus>,
): ProxyCount {
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
  for (const proxy of proxies) {
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
  return { counted, notCounted, representedMandants };
}

interface RollTallies {
  /** The whole roll. */
  total: MutableLine;
  /** One line per collège, in the order collèges first appear on the roll. */
  lines: Map<number | null, MutableLine>;
  /** Smallest rounding step the weights allow, in units (one voix when every weight is whole). */
  step: number;
  anomalies: string[];
}

/** Adds up the voters in heads and weight units, overall and per collège: voting, present, represented. */
function tallyRoll(
  voters: readonly RollVoter[],
  status: ReadonlyMap<number, AttendanceStatus>,
  representedMandants: ReadonlySet<number>,
): RollTallies {
  const total = emptyLine(null, null);
  const lines = new Map<number | null, MutableLine>();
  const anomalies: string[] = [];
  let step = VOTE_UNIT;
  for (const voter of voters) {
    const units = toUnits(voter.weight);
    step = gcd(step, units);
    let line = lines.get(voter.collegeId);
    if (!line) {
      line = emptyLine(voter.collegeId, voter.collegeName);
      lines.set(voter.collegeId, line);
    }
    const current = status.get(voter.id);
    for (const target of [total, line]) {
      target.votingHeads += 1;
      target.votingUnits += units;
      if (current === 'present') {
        target.presentHeads += 1;
        target.presentUnits += units;
      } else if (representedMandants.has(voter.id)) {
        target.representedHeads += 1;
        target.representedUnits += units;
      }
    }
    if (current !== 'present' && !representedMandants.has(voter.id) && current === 'represented') {
      anomalies.push(`${voter.name} : noté « représenté » sans pouvoir valable en cours ; compté absent.`);
    }
  }
  return { total, lines, step, anomalies };
}

/** The figures the quorum sentence states, in heads or in units according to the rule's weighting. */
interface QuorumFigures {
  meetingType: MeetingType;
  round: 1 | 2;
  rule: QuorumRoundRule;
  total: MutableLine;
  reached: { heads: number; units: number };
  requiredHeads: number | null;
  requiredUnits: number | null;
  met: boolean;
  missing: number;
}

/** The arithmetic in French: « 46 membres présents ou représentés sur 180 membres votants ; quorum requis : … ». */
function quorumSentence(figures: QuorumFigures): string {
  const { rule, total, reached, met, missing } = figures;
  const withRepresented = rule.counting === 'presents_et_representes';
  const byWeight = rule.weighting === 'weight';
  let sentence: string;
  if (byWeight) {
    const presentWordF = withRepresented
      ? ['présente ou représentée', 'présentes ou représentées']
      : ['présente', 'présentes'];
    const reachedVoix = fromUnits(reached.units);
    const voting = fromUnits(total.votingUnits);
    sentence =
      `${fmt(reachedVoix)} voix ${pl(reachedVoix, presentWordF[0]!, presentWordF[1]!)} sur ${fmt(voting)} voix ` +
      `(${fmt(total.votingHeads)} ${pl(total.votingHeads, 'membre votant', 'membres votants')})`;
  } else {
    const presentWord = withRepresented
      ? ['présent ou représenté', 'présents ou représentés']
      : ['présent', 'présents'];
    sentence =
      `${fmt(reached.heads)} ${pl(reached.heads, 'membre', 'membres')} ${pl(reached.heads, presentWord[0]!, presentWord[1]!)} ` +
      `sur ${fmt(total.votingHeads)} ${pl(total.votingHeads, 'membre votant', 'membres votants')}`;
  }
  const nobody = `aucun membre votant ${withRepresented ? 'présent ou représenté' : 'présent'}`;
  if (rule.fraction === null) {
    sentence +=
      figures.round === 2 ? ' ; aucun quorum requis (deuxième convocation)' : ' ; aucun quorum requis par les statuts';
    sentence += met ? ` ; ${WORDING[figures.meetingType].body} peut délibérer.` : ` ; ${nobody}.`;
    return sentence;
  }
  const unitWord = byWeight ? ' voix' : '';
  const requiredShown = byWeight ? fromUnits(figures.requiredUnits ?? 0) : (figures.requiredHeads ?? 0);
  sentence += ` ; quorum requis : ${rule.strict ? 'plus de ' : ''}${fractionText(rule.fraction)}, soit ${fmt(requiredShown)}${unitWord}`;
  if (met) sentence += ' ; quorum atteint.';
  else if (missing > 0)
    sentence += ` ; quorum non atteint (il manque ${fmt(missing)} ${byWeight ? 'voix' : pl(missing, 'membre', 'membres')}).`;
  else sentence += ` ; quorum non atteint (${nobody}).`;
  return sentence;
}

/**
 * Computes the quorum of a meeting now. A proxy counts only while its mandataire is present: the proxies that stop
 * counting are listed with their reason (« mandataire absent », « mandant présent », « au-delà du maximum de 2
 * pouvoirs prévu par les statuts »…). Proxies are examined in the order given (registration order): only a
 * mandant's first proxy is considered, and a mandataire's proxies beyond the statutory cap do not count.
 *
 * `required` = `threshold(voting, fraction, strict)` in heads and in weight (ceil(base × f), or floor(base × f) + 1
 * when strict); `met` compares `reached` and `required` in the rule's dimension, and is false when nobody votes.
 * `state.roll` should be built by {@link votingRoll} for the same meeting type (its cotisation rule).
 * Throws {@link AgRuleError} when round 2 is asked but the statuts provide no second convocation.
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
    throw new AgRuleError(
      'deuxieme_convocation_impossible',
      `Les statuts ne prévoient pas de deuxième convocation pour ${WORDING[meetingType].the}.`,
    );
  }
  const people = indexRoll(state.roll);
  const status = new Map<number, AttendanceStatus>();
  for (const entry of state.attendance) status.set(entry.memberId, entry.status);
  const { counted, notCounted, representedMandants } = countProxies(state.proxies, meeting.proxies, people, status);
  const { total, lines, step, anomalies } = tallyRoll(state.roll.voters, status, representedMandants);

  const withRepresented = rule.counting === 'presents_et_representes';
  const reached = reachedOf(total, withRepresented);
  const byWeight = rule.weighting === 'weight';
  const requiredHeads = rule.fraction ? threshold(total.votingHeads, rule.fraction, rule.strict, 1) : null;
  const requiredUnits = rule.fraction ? threshold(total.votingUnits, rule.fraction, rule.strict, step) : null;
  const dimReached = byWeight ? reached.units : reached.heads;
  const dimRequired = byWeight ? requiredUnits : requiredHeads;
  const met = dimReached > 0 && (dimRequired === null || dimReached >= dimRequired);
  const missingDim = dimRequired === null ? 0 : Math.max(0, dimRequired - dimReached);
  const missing = byWeight ? fromUnits(missingDim) : missingDim;

  const byCollege: CollegeQuorumLine[] = [];
  for (const line of lines.values()) {
    const lineReached = reachedOf(line, withRepresented);
    byCollege.push({
      collegeId: line.collegeId,
      collegeName: line.collegeName,
      voting: tally(line.votingHeads, line.votingUnits),
      present: tally(line.presentHeads, line.presentUnits),
      represented: tally(line.representedHeads, line.representedUnits),
      reached: tally(lineReached.heads, lineReached.units),
    });
  }

  return {
    meetingType,
    round,
    rule,
    voting: tally(total.votingHeads, total.votingUnits),
    present: tally(total.presentHeads, total.presentUnits),
    represented: tally(total.representedHeads, total.representedUnits),
    presentOrRepresented: tally(
      total.presentHeads + total.representedHeads,
      total.presentUnits + total.representedUnits,
    ),
    reached: tally(reached.heads, reached.units),
    required: requiredHeads === null || requiredUnits === null ? null : tally(requiredHeads, requiredUnits),
    missing,
    met,
    byCollege,
    proxies: { counted, notCounted },
    anomalies,
    sentence: quorumSentence({ meetingType, round, rule, total, reached, requiredHeads, requiredUnits, met, missing }),
  };
}
