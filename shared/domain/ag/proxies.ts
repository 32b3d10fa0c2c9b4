import type { RollNonVoter, RollVoter, VotingRoll } from './roll';
import type { StatutoryRules } from './rules';
import type { AttendanceStatus, MeetingType } from './vocabulary';
import { pl, WORDING } from './wording';

// ---------------------------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------------------------

/** A pouvoir: the mandant (absent member) gives their vote to the mandataire. */
export interface ProxyInput {
  /** Database id of the proxy, if any (lets validateProxy ignore the proxy being edited). */
  id?: number | string;
  mandantId: number;
  mandataireId: number;
}

/** Attendance of one person now (the caller updates it on arrivals and departures). Missing = absent. */
export interface AttendanceEntry {
  memberId: number;
  status: AttendanceStatus;
}

/** Why validateProxy refuses a proxy. */
export type ProxyRefusalCode =
  | 'pouvoirs_interdits'
  | 'auto_pouvoir'
  | 'mandant_inconnu'
  | 'mandant_non_votant'
  | 'mandataire_non_votant'
  | 'mandant_present'
  | 'pouvoir_deja_donne'
  | 'maximum_atteint';

/** What validateProxy checks a new proxy against. */
export interface ProxyContext {
  rules: StatutoryRules;
  meetingType: MeetingType;
  roll: VotingRoll;
  /** Proxies already registered for this meeting. */
  proxies: readonly ProxyInput[];
  /** Current attendance, if the meeting has started or the sheet is filled in. */
  attendance?: readonly AttendanceEntry[];
}

/** Answer of validateProxy: `ok` when no reason refuses the proxy. */
export interface ProxyValidation {
  ok: boolean;
  /** Why the proxy is refused (empty when ok), in French. */
  reasons: { code: ProxyRefusalCode; message: string }[];
  /** Not a refusal, e.g. the mandataire is not present yet: the proxy will only count once they are. */
  warnings: string[];
}

export interface People {
  voters: Map<number, RollVoter>;
  nonVoters: Map<number, RollNonVoter>;
}

export function indexRoll(roll: VotingRoll): People {
  const voters = new Map<number, RollVoter>();
  const nonVoters = new Map<number, RollNonVoter>();
  for (const voter of roll.voters) voters.set(voter.id, voter);
  for (const nonVoter of roll.nonVoters) nonVoters.set(nonVoter.id, nonVoter);
  return { voters, nonVoters };
}

export const nameOf = (people: People, id: number): string =>
  people.voters.get(id)?.name ?? people.nonVoters.get(id)?.name ?? `membre n° ${id}`;

/**
 * Checks a new proxy against the statuts and the proxies already registered. Refusals (all of them are listed):
 * proxies forbidden for this meeting type; self-proxy; mandant unknown or without a vote; mandataire without a
 * vote when the statuts require a voting mandataire; mandant present; mandant who already gave a proxy;
 * mandataire already holding the maximum (« Mme X détient déjà 2 pouvoirs, le maximum prévu par les statuts. »).
 * Warnings, not refusals (proxies are usually registered before the meeting): the mandataire is not present yet or
 * gave their own proxy; the mandant holds proxies that will not count in their absence (proxies are not passed on).
 * O(n + p).
 */
export function validateProxy(proxy: ProxyInput, context: ProxyContext): ProxyValidation {
  const meeting = context.rules.meetings[context.meetingType];
  const reasons: ProxyValidation['reasons'] = [];
  const warnings: string[] = [];
  if (!meeting.proxies.allowed) {
    reasons.push({
      code: 'pouvoirs_interdits',
      message: `Les statuts n'autorisent pas les pouvoirs pour ${WORDING[context.meetingType].the}.`,
    });
    return { ok: false, reasons, warnings };
  }
  const people = indexRoll(context.roll);
  const mandantName = nameOf(people, proxy.mandantId);
  const mandataireName = nameOf(people, proxy.mandataireId);
  const status = new Map<number, AttendanceStatus>();
  for (const entry of context.attendance ?? []) status.set(entry.memberId, entry.status);

  if (proxy.mandantId === proxy.mandataireId) {
    reasons.push({
      code: 'auto_pouvoir',
      message: `${mandantName} ne peut pas se donner pouvoir : un pouvoir se donne à un autre membre.`,
    });
  }
  const mandantNonVoter = people.nonVoters.get(proxy.mandantId);
  if (mandantNonVoter) {
    reasons.push({
      code: 'mandant_non_votant',
      message: `${mandantName} ne peut pas donner pouvoir : pas de droit de vote (${mandantNonVoter.reason}).`,
    });
  } else if (!people.voters.has(proxy.mandantId)) {
    reasons.push({ code: 'mandant_inconnu', message: `Le mandant (${mandantName}) ne figure pas parmi les membres.` });
  }
  if (
    meeting.proxies.mandataireMustBeVoter &&
    proxy.mandantId !== proxy.mandataireId &&
    !people.voters.has(proxy.mandataireId)
  ) {
    const why = people.nonVoters.get(proxy.mandataireId)?.reason ?? 'ne figure pas parmi les membres';
    reasons.push({
      code: 'mandataire_non_votant',
      message: `${mandataireName} ne peut pas recevoir de pouvoir : les statuts exigent que le mandataire soit membre votant (${why}).`,
    });
  }
  if (status.get(proxy.mandantId) === 'present') {
    reasons.push({
      code: 'mandant_present',
      message: `${mandantName} figure parmi les présents : un membre présent vote lui-même.`,
    });
  }
  let held = 0;
  let heldByMandant = 0;
  let mandataireGaveTo: number | null = null;
  for (const existing of context.proxies) {
    if (proxy.id !== undefined && existing.id === proxy.id) continue;
    if (existing.mandantId === proxy.mandantId && !reasons.some((r) => r.code === 'pouvoir_deja_donne')) {
      reasons.push({
        code: 'pouvoir_deja_donne',
        message: `${mandantName} a déjà donné pouvoir à ${nameOf(people, existing.mandataireId)}.`,
      });
    }
    if (existing.mandataireId === proxy.mandataireId) held += 1;
    if (existing.mandataireId === proxy.mandantId) heldByMandant += 1;
    if (existing.mandantId === proxy.mandataireId) mandataireGaveTo = existing.mandataireId;
  }
  const cap = meeting.proxies.maxPerMandataire;
  if (cap !== null && held >= cap) {
    reasons.push({
      code: 'maximum_atteint',
      message: `${mandataireName} détient déjà ${held} ${pl(held, 'pouvoir', 'pouvoirs')}, le maximum prévu par les statuts.`,
    });
  }
  if (reasons.length === 0) {
    // Proxies are not passed on: a mandataire's proxies only count while the mandataire is present.
    if (heldByMandant > 0) {
      warnings.push(
        `${mandantName} détient ${heldByMandant} ${pl(heldByMandant, 'pouvoir, qui ne comptera', 'pouvoirs, qui ne compteront')} pas en son absence.`,
      );
    }
    if (mandataireGaveTo !== null) {
      warnings.push(
        `${mandataireName} a donné son propre pouvoir à ${nameOf(people, mandataireGaveTo)} : ce pouvoir ne comptera qu'en sa présence.`,
      );
    } else if (context.attendance && status.get(proxy.mandataireId) !== 'present') {
      warnings.push(
        `${mandataireName} ne figure pas (encore) parmi les présents : ce pouvoir ne comptera qu'en sa présence.`,
      );
    }
  }
  return { ok: reasons.length === 0, reasons, warnings };
}
