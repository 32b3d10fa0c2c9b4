/**
 * Everything the AG screens show, recomputed from the database: roll, pouvoirs, resolutions, convocation delay,
 * second convocation, officers, PV and formalities.
 */
import { type Kysely, type Transaction } from 'kysely';
import type { AgNonVoterRow, AgProxyRow, AgResolutionRow, AgState, AgVoterRow } from '@shared/contract';
import {
  convocationDelayProblem,
  majorityDescription,
  rulesReminders,
  secondConvocation,
  type WeighedCollege,
} from '@shared/domain/governance';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { CONVOCATION_MODES } from '@shared/schemas/ag';
import type { DB } from '../../db/schema';
import { displayNameOf, type RollMemberRow } from '../members';
import { daysBetween, loadAssembly, rulesForRound } from './assembly';
import { formalityRows } from './formalities';
import type { StoredQuorum } from './votes';

type Db = Kysely<DB> | Transaction<DB>;

function qualityOf(member: RollMemberRow): string | null {
  return member.quality;
}

/** Everything the AG screens show, recomputed from the database. */
export async function getAgState(db: Db, meetingId: number, today: string): Promise<AgState> {
  const assembly = await loadAssembly(db, meetingId, today);
  const { meeting, type, round, rules, year, byId, roll, presence, quorum, proxyRows } = assembly;
  const meetingRules = rules.meetings[type];

  const counted = new Set(quorum.proxies.counted.map((entry) => entry.proxy.id));
  const notCounted = new Map(quorum.proxies.notCounted.map((entry) => [entry.proxy.id, entry.reason]));
  // Names of people off the roll (a mandant who has since left…) and of the officers, read from the member table.
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
  const nameOf = (id: number) => byId.get(id)?.displayName ?? otherNames.get(id) ?? 'Membre inconnu';
  const proxies: AgProxyRow[] = proxyRows.map((row) => ({
    id: row.id,
    mandantId: row.mandant_member_id,
    mandantName: nameOf(row.mandant_member_id),
    mandataireId: row.mandataire_member_id,
    mandataireName: nameOf(row.mandataire_member_id),
    receivedOn: row.received_on,
    counted: counted.has(row.id),
    reason: counted.has(row.id) ? null : (notCounted.get(row.id) ?? 'pouvoir non pris en compte'),
  }));
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

  const resolutionRows = await db
    .selectFrom('resolution')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const resolutions: AgResolutionRow[] = resolutionRows.map((row) => {
    const majority = Object.prototype.hasOwnProperty.call(meetingRules.majorities, row.kind)
      ? meetingRules.majorities[row.kind]
      : undefined;
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

  const secondRound = await db
    .selectFrom('meeting')
    .select('id')
    .where('first_round_meeting_id', '=', meetingId)
    .executeTakeFirst();
  const second = secondConvocation(rules, type);
  // Proposed once the session has started (someone checked in) without reaching its quorum.
  const proposed =
    round === 1 &&
    meeting.date <= today &&
    meeting.status !== 'annulee' &&
    meeting.pv_status === 'brouillon' &&
    presence.size > 0 &&
    !quorum.met &&
    second.possible &&
    !secondRound;

  const recipients = voters.length + nonVoters.length;
  const withoutEmail = [...voters.map((voter) => voter.id), ...nonVoters.map((nonVoter) => nonVoter.id)].filter(
    (id) => !byId.get(id)?.email,
  ).length;
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
    convocation: {
      sentOn: meeting.convocation_sent_on,
      mode: meeting.convocation_mode,
      modeLabel: CONVOCATION_MODES.find((mode) => mode.code === meeting.convocation_mode)?.label ?? null,
      requiredDays,
      delayProblem,
      recipients,
      withoutEmail,
    },
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
    secondConvocation: { proposed, possible: second.possible, message: second.message },
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
