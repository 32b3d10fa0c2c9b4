/**
 * Everything the AG screens show, recomputed from the database: roll, pouvoirs, resolutions, convocation delay,
 * second convocation, officers, PV and formalities.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AgNonVoterRow, AgProxyRow, AgResolutionRow, AgState, AgVoterRow } from '@shared/contract';
import {
  convocationDelayProblem,
  majorityDescription,
  rulesReminders,
  secondConvocation,
  type MeetingType,
  type StatutoryRules,
  type WeighedCollege,
} from '@shared/domain/ag';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { CONVOCATION_MODES } from '@shared/schemas/ag';
import type { DB } from '../../db/schema';
import { displayNameOf, type RollMemberRow } from '../members';
import { daysBetween, loadAssembly, rulesForRound, type Assembly } from './assembly';
import { formalityRows } from './formalities';
import type { StoredQuorum } from './stored-quorum';

type Db = Kysely<DB> | Transaction<DB>;

function qualityOf(member: RollMemberRow): string | null {
  return member.quality;
}

/** Everything the AG screens show, recomputed from the database. */
export async function getAgState(db: Db, meetingId: number, today: string): Promise<AgState> {
  const assembly = await loadAssembly(db, meetingId, today);
  const { meeting, type, round, rules, year, quorum } = assembly;
  const meetingRules = rules.meetings[type];
  const nameOf = await namesOf(db, assembly);
  const proxies = proxyRowsOf(assembly, nameOf);
  const { voters, nonVoters } = rollRowsOf(assembly, proxies);
  const resolutions = await resolutionRowsOf(db, meetingId, meetingRules);
  const secondRound = await db
    .selectFrom('meeting')
    .select('id')
    .where('first_round_meeting_id', '=', meetingId)
    .executeTakeFirst();

  return {
    meetingId,
    meetingType: type,
    typeLabel: meetingTypeLabel(type),
    title: meeting.title,
    date: meeting.date,
    round,
    firstRoundMeetingId: meeting.first_round_meeting_id,
    secondRoundMeetingId: secondRound?.id ?? null,
    year,
    rules: {
      versionId: assembly.rulesInForce.versionId,
      effectiveFrom: assembly.rulesInForce.effectiveFrom,
      source: assembly.rulesInForce.source,
      isDefault: assembly.rulesInForce.isDefault,
      reminders: rulesReminders(rules, type, round, year),
    },
    weighted: meetingRules.voteWeighting === 'weight',
    convocation: convocationStatus(assembly, [...voters, ...nonVoters], today),
    voters,
    nonVoters,
    proxies,
    proxiesAllowed: meetingRules.proxies.allowed,
    quorum,
    resolutions,
    resolutionKinds: Object.entries(meetingRules.majorities).map(([code, majority]) => ({
      code,
      label: majority.label ?? code,
      majorityLabel: majorityDescription(majority),
    })),
    secondConvocation: secondConvocationOffer(assembly, secondRound !== undefined, today),
    officers: {
      presidentMemberId: meeting.president_member_id,
      secretaireMemberId: meeting.secretaire_member_id,
      presidentName: meeting.president_member_id === null ? null : nameOf(meeting.president_member_id),
      secretaireName: meeting.secretaire_member_id === null ? null : nameOf(meeting.secretaire_member_id),
    },
    pv: { status: meeting.pv_status, approvedOn: meeting.pv_approved_on },
    formalities: await formalityRows(db, today, { meetingId }),
  };
}

/**
 * Display names of everyone the state mentions: members on the roll, and people off it (a mandant who has since
 * left…) or officers, read from the member table.
 */
async function namesOf(db: Db, assembly: Assembly): Promise<(id: number) => string> {
  const { meeting, byId, proxyRows } = assembly;
  const others = [
    ...proxyRows.flatMap((row) => [row.mandant_member_id, row.mandataire_member_id]),
    meeting.president_member_id,
    meeting.secretaire_member_id,
  ].filter((id): id is number => id !== null && !byId.has(id));
  const otherNames = new Map(
    others.length
      ? (
          await db
            .selectFrom('member')
            .select(['id', 'kind', 'last_name', 'first_name', 'structure_name', 'erased_at'])
            .where('id', 'in', others)
            .execute()
        ).map((row) => [row.id, displayNameOf(row)])
      : [],
  );
  return (id: number) => byId.get(id)?.displayName ?? otherNames.get(id) ?? 'Membre inconnu';
}

/** The pouvoirs with their names, and whether the quorum counts each (with the reason when it does not). */
function proxyRowsOf(assembly: Assembly, nameOf: (id: number) => string): AgProxyRow[] {
  const { quorum, proxyRows } = assembly;
  const counted = new Set(quorum.proxies.counted.map((entry) => entry.proxy.id));
  const notCounted = new Map(quorum.proxies.notCounted.map((entry) => [entry.proxy.id, entry.reason]));
  return proxyRows.map((row) => ({
    id: row.id,
    mandantId: row.mandant_member_id,
    mandantName: nameOf(row.mandant_member_id),
    mandataireId: row.mandataire_member_id,
    mandataireName: nameOf(row.mandataire_member_id),
    receivedOn: row.received_on,
    counted: counted.has(row.id),
    reason: counted.has(row.id) ? null : (notCounted.get(row.id) ?? 'pouvoir non pris en compte'),
  }));
}

/** The roll as the check-in screen lists it: voters with their presence and pouvoirs, then the others. */
function rollRowsOf(assembly: Assembly, proxies: AgProxyRow[]): { voters: AgVoterRow[]; nonVoters: AgNonVoterRow[] } {
  const { byId, roll, presence } = assembly;
  const held = new Map<number, number[]>();
  const given = new Map<number, number>();
  for (const proxy of proxies) {
    held.set(proxy.mandataireId, [...(held.get(proxy.mandataireId) ?? []), proxy.id]);
    given.set(proxy.mandantId, proxy.id);
  }
  const voters: AgVoterRow[] = roll.voters.map((voter) => {
    const member = byId.get(voter.id)!;
    const row = presence.get(voter.id);
    return {
      id: voter.id,
      name: voter.name,
      quality: qualityOf(member),
      collegeId: voter.collegeId,
      collegeName: voter.collegeName,
      weight: voter.weight,
      present: row?.present === 1,
      arrivedAt: row?.arrived_at ?? null,
      leftAt: row?.left_at ?? null,
      proxiesHeld: held.get(voter.id) ?? [],
      proxyGiven: given.get(voter.id) ?? null,
    };
  });
  const nonVoters: AgNonVoterRow[] = roll.nonVoters.map((nonVoter) => ({
    id: nonVoter.id,
    name: nonVoter.name,
    quality: qualityOf(byId.get(nonVoter.id)!),
    collegeName: nonVoter.collegeName,
    reason: nonVoter.reason,
    present: presence.get(nonVoter.id)?.present === 1,
  }));
  return { voters, nonVoters };
}

/** The resolutions in their order, with the majority each needs and, once voted, the result kept with it. */
async function resolutionRowsOf(
  db: Db,
  meetingId: number,
  meetingRules: StatutoryRules['meetings'][MeetingType],
): Promise<AgResolutionRow[]> {
  const resolutionRows = await db
    .selectFrom('resolution')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return resolutionRows.map((row) => {
    const majority = Object.hasOwn(meetingRules.majorities, row.kind) ? meetingRules.majorities[row.kind] : undefined;
    const voted = row.votes_pour !== null && row.votes_contre !== null;
    return {
      id: row.id,
      agendaItemId: row.agenda_item_id,
      position: row.position,
      title: row.title,
      text: row.text,
      kind: row.kind,
      kindLabel: majority?.label ?? row.kind,
      majorityLabel: majority ? majorityDescription(majority) : 'Type de résolution absent des statuts en vigueur',
      votes: voted
        ? {
            pour: row.votes_pour!,
            contre: row.votes_contre!,
            abstention: row.votes_abstention ?? 0,
            blanc: row.votes_blanc ?? 0,
          }
        : null,
      collegeVotes: row.college_votes_json
        ? (JSON.parse(row.college_votes_json) as WeighedCollege[]).map((college) => ({
            collegeId: college.collegeId,
            ...college.heads,
          }))
        : null,
      adopted: row.adopted === null ? null : row.adopted === 1,
      arithmetic: row.arithmetic,
      quorumAtVote: row.quorum_json
        ? (({ sentence, met }) => ({ sentence, met }))(JSON.parse(row.quorum_json) as StoredQuorum)
        : null,
    };
  });
}

/** The convocation: when and how it was sent, its recipients, and whether the statutory delay is (still) kept. */
function convocationStatus(assembly: Assembly, recipients: { id: number }[], today: string): AgState['convocation'] {
  const { meeting, type, byId } = assembly;
  const roundRules = rulesForRound(assembly);
  const requiredDays = roundRules.meetings[type].convocationDelayDays;
  let delayProblem: string | null = null;
  if (meeting.convocation_sent_on)
    delayProblem = convocationDelayProblem(meeting.date, meeting.convocation_sent_on, roundRules, type);
  else if (meeting.date >= today) {
    const francs = roundRules.meetings[type].convocationDayCount === 'francs';
    const left = daysBetween(today, meeting.date) - (francs ? 1 : 0);
    if (left < requiredDays) {
      const when =
        left <= 0 && !francs
          ? 'a lieu aujourd’hui'
          : `a lieu dans ${Math.max(left, 0)} jour${left >= 2 ? 's' : ''}${francs ? (left >= 2 ? ' francs' : ' franc') : ''}`;
      delayProblem = `La convocation n’est pas encore envoyée et la séance ${when} : les statuts demandent ${requiredDays} jours${francs ? ' francs' : ''}. Une convocation envoyée maintenant serait hors délai.`;
    }
  }
  return {
    sentOn: meeting.convocation_sent_on,
    mode: meeting.convocation_mode,
    modeLabel: CONVOCATION_MODES.find((mode) => mode.code === meeting.convocation_mode)?.label ?? null,
    requiredDays,
    delayProblem,
    recipients: recipients.length,
    withoutEmail: recipients.filter((recipient) => !byId.get(recipient.id)?.email).length,
  };
}

/** A second convocation is proposed once the session has started (someone checked in) without reaching its quorum. */
function secondConvocationOffer(
  assembly: Assembly,
  alreadyConvened: boolean,
  today: string,
): AgState['secondConvocation'] {
  const { meeting, type, round, rules, presence, quorum } = assembly;
  const second = secondConvocation(rules, type);
  const proposed =
    round === 1 &&
    meeting.date <= today &&
    meeting.status !== 'annulee' &&
    meeting.pv_status === 'brouillon' &&
    presence.size > 0 &&
    !quorum.met &&
    second.possible &&
    !alreadyConvened;
  return { proposed, possible: second.possible, message: second.message };
}
