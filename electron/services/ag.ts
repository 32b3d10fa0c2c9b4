/**
 * General assemblies (and CA / bureau deliberations) from convocation to approved PV: the statutory rules in force,
 * the voting roll, live presence, pouvoirs, resolutions and their votes, second convocation and formalities.
 * Every figure comes from shared/domain/governance: this module loads, stores and assembles.
 */
import { addMonths, format, parseISO } from 'date-fns';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type {
  AgNonVoterRow,
  AgProxyRow,
  AgResolutionRow,
  AgState,
  AgVoterRow,
  FormalityRow,
  RulesOverview,
  RulesVersionRow,
} from '@shared/contract';
import {
  computeQuorum,
  computeVote,
  convocationDelayProblem,
  weighCollegeVotes,
  DEFAULT_RULES,
  majorityDescription,
  MEETING_TYPES as GOVERNANCE_TYPES,
  rulesReminders,
  secondConvocation,
  statutoryRulesSchema,
  validateProxy,
  votingRoll,
  type CollegeHeadCount,
  type CollegeVotingPower,
  type GovernanceMember,
  type MeetingType,
  type QuorumResult,
  type StatutoryRules,
  type Tally,
  type WeighedCollege,
  type WeighedVotes,
} from '@shared/domain/governance';
import { formatDateLong } from '@shared/format';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { CONVOCATION_MODES } from '@shared/schemas/ag';
import type { DB, MeetingTable } from '../db/schema';
import { audit } from './audit';
import { UserError } from './errors';
import { displayNameOf, rollMembers, type RollMemberRow } from './members';

type Db = Kysely<DB> | Transaction<DB>;

// ---------------------------------------------------------------------------------------------------------------
// Statutory rules, versioned by date of entry into force
// ---------------------------------------------------------------------------------------------------------------

function parseRules(json: string): StatutoryRules {
  return statutoryRulesSchema.parse(JSON.parse(json));
}

export async function rulesOverview(db: Db): Promise<RulesOverview> {
  const rows = await db.selectFrom('statutory_rules_version').selectAll().orderBy('effective_from', 'desc').execute();
  const versions: RulesVersionRow[] = rows.map((row) => ({
    id: row.id,
    effectiveFrom: row.effective_from,
    source: row.source,
    rules: parseRules(row.rules_json),
    createdAt: row.created_at,
  }));
  return { versions, defaults: DEFAULT_RULES };
}

export async function saveRulesVersion(
  db: Kysely<DB>,
  input: { id: number | null; effectiveFrom: string | null; rules: StatutoryRules },
): Promise<RulesOverview> {
  const effectiveFrom = input.effectiveFrom!;
  const clash = await db
    .selectFrom('statutory_rules_version')
    .select('id')
    .where('effective_from', '=', effectiveFrom)
    .$if(input.id !== null, (query) => query.where('id', '!=', input.id!))
    .executeTakeFirst();
  if (clash)
    throw new UserError(
      'conflict',
      `Une version des statuts entre déjà en vigueur le ${format(parseISO(effectiveFrom), 'dd/MM/yyyy')}.`,
    );
  const values = { effective_from: effectiveFrom, source: input.rules.source, rules_json: JSON.stringify(input.rules) };
  if (input.id === null) {
    const { id } = await db
      .insertInto('statutory_rules_version')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(db, 'create', 'statutory_rules_version', String(id), effectiveFrom);
  } else {
    const result = await db
      .updateTable('statutory_rules_version')
      .set(values)
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw new UserError('not_found', 'Cette version des règles statutaires n’existe plus.');
    await audit(db, 'update', 'statutory_rules_version', String(input.id), effectiveFrom);
  }
  return rulesOverview(db);
}

export async function deleteRulesVersion(db: Kysely<DB>, id: number): Promise<RulesOverview> {
  const deleted = await db.deleteFrom('statutory_rules_version').where('id', '=', id).executeTakeFirst();
  if (!Number(deleted.numDeletedRows))
    throw new UserError('not_found', 'Cette version des règles statutaires n’existe plus.');
  await audit(db, 'delete', 'statutory_rules_version', String(id), null);
  return rulesOverview(db);
}

/** Statutory rules applied to a meeting, and where they come from. */
export interface RulesInForce {
  rules: StatutoryRules;
  versionId: number | null;
  effectiveFrom: string | null;
  source: string | null;
  isDefault: boolean;
}

/** The rules in force on `date`: the latest version that entered into force on or before it, else the defaults. */
export async function rulesAt(db: Db, date: string): Promise<RulesInForce> {
  const row = await db
    .selectFrom('statutory_rules_version')
    .selectAll()
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row)
    return {
      rules: DEFAULT_RULES,
      versionId: null,
      effectiveFrom: null,
      source: DEFAULT_RULES.source,
      isDefault: true,
    };
  const rules = parseRules(row.rules_json);
  return { rules, versionId: row.id, effectiveFrom: row.effective_from, source: rules.source, isDefault: false };
}

/** The rules an approved assembly was held with (stored at approval: later statuts do not change it). */
export function frozenRules(json: string): RulesInForce {
  const stored = JSON.parse(json) as Omit<RulesInForce, 'rules'> & { rules: unknown };
  return { ...stored, rules: statutoryRulesSchema.parse(stored.rules) };
}

// ---------------------------------------------------------------------------------------------------------------
// The state of one assembly
// ---------------------------------------------------------------------------------------------------------------

const CA_ROLES = new Set([
  'president',
  'vice_president',
  'tresorier',
  'tresorier_adjoint',
  'secretaire',
  'secretaire_adjoint',
  'membre_ca',
  'membre_bureau',
]);
const BUREAU_ROLES = new Set([
  'president',
  'vice_president',
  'tresorier',
  'tresorier_adjoint',
  'secretaire',
  'secretaire_adjoint',
  'membre_bureau',
]);

export function isGovernanceType(type: string): type is MeetingType {
  return (GOVERNANCE_TYPES as readonly string[]).includes(type);
}

export async function assertGovernanceMeeting(
  db: Db,
  meetingId: number,
): Promise<Selectable<MeetingTable> & { type: MeetingType }> {
  const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new UserError('not_found', 'Cette réunion n’existe pas ou plus.');
  if (!isGovernanceType(meeting.type)) {
    throw new UserError(
      'invalid_input',
      'Le quorum, les pouvoirs et les votes concernent les assemblées générales, le conseil d’administration et le bureau.',
    );
  }
  return meeting as Selectable<MeetingTable> & { type: MeetingType };
}

/**
 * Members of the association on `date` (joined, not left). A member anonymised since stays on the roll of past
 * assemblies as « Membre anonymisé » (anonymisation sets the leaving date, so later assemblies do not list them).
 */
function memberOn(member: RollMemberRow, date: string): boolean {
  if (member.joinedOn && member.joinedOn > date) return false;
  if (member.leftOn && member.leftOn <= date) return false;
  return true;
}

function qualityOf(member: RollMemberRow): string | null {
  return member.quality;
}

/** Loads everything the governance maths needs for one meeting. */
export async function loadAssembly(db: Db, meetingId: number, today: string) {
  const meeting = await assertGovernanceMeeting(db, meetingId);
  const type = meeting.type;
  const round = meeting.convocation_round;
  const rulesInForce = meeting.rules_snapshot ? frozenRules(meeting.rules_snapshot) : await rulesAt(db, meeting.date);
  const rules = rulesInForce.rules;
  const year = Number(meeting.date.slice(0, 4));

  const [allMembers, colleges, presenceRows, proxyRows, mandates] = await Promise.all([
    rollMembers(db, year, meeting.date),
    db.selectFrom('college').select(['id', 'name', 'voting_right', 'vote_weight']).execute(),
    db.selectFrom('ag_presence').selectAll().where('meeting_id', '=', meetingId).execute(),
    db.selectFrom('ag_proxy').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute(),
    type === 'ca' || type === 'bureau'
      ? db
          .selectFrom('mandate')
          .select(['member_id', 'role'])
          .where('start_on', '<=', meeting.date)
          .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', meeting.date)]))
          .execute()
      : Promise.resolve([]),
  ]);
  const collegeById = new Map(colleges.map((college) => [college.id, college]));
  let members = allMembers.filter((member) => memberOn(member, meeting.date));
  if (type === 'ca' || type === 'bureau') {
    const roles = type === 'ca' ? CA_ROLES : BUREAU_ROLES;
    const body = new Set(mandates.filter((mandate) => roles.has(mandate.role)).map((mandate) => mandate.member_id));
    members = members.filter((member) => body.has(member.id));
  }
  const byId = new Map(members.map((member) => [member.id, member]));
  const governanceMembers: GovernanceMember[] = members.map((member) => {
    const college = member.collegeId === null ? undefined : collegeById.get(member.collegeId);
    return {
      id: member.id,
      name: member.displayName,
      collegeId: member.collegeId,
      collegeName: college?.name ?? null,
      votingRight: college?.voting_right ?? 'deliberative',
      voteWeight: college?.vote_weight ?? 1,
      upToDate: member.upToDate,
      active: true,
    };
  });
  const roll = votingRoll(governanceMembers, rules, { meetingType: type, year });
  const presence = new Map(presenceRows.map((row) => [row.member_id, row]));
  const attendance = presenceRows
    .filter((row) => row.present === 1)
    .map((row) => ({ memberId: row.member_id, status: 'present' as const }));
  const proxies = proxyRows.map((row) => ({
    id: row.id,
    mandantId: row.mandant_member_id,
    mandataireId: row.mandataire_member_id,
  }));
  const quorum = computeQuorum(
    { roll, attendance, proxies },
    rules,
    type,
    round === 2 && rules.meetings[type].quorum.second ? 2 : 1,
  );
  return {
    meeting,
    type,
    round,
    rulesInForce,
    rules,
    year,
    members,
    byId,
    roll,
    presence,
    attendance,
    proxies,
    proxyRows,
    quorum,
  };
}

type Assembly = Awaited<ReturnType<typeof loadAssembly>>;

/** The rules of this meeting with the delay of its round (a second convocation has its own delay). */
function rulesForRound(assembly: Pick<Assembly, 'rules' | 'type' | 'round'>): StatutoryRules {
  const second = assembly.rules.meetings[assembly.type].quorum.second;
  if (assembly.round !== 2 || !second) return assembly.rules;
  return {
    ...assembly.rules,
    meetings: {
      ...assembly.rules.meetings,
      [assembly.type]: { ...assembly.rules.meetings[assembly.type], convocationDelayDays: second.convocationDelayDays },
    },
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function formalityRows(
  db: Db,
  today: string,
  filter: { meetingId?: number; openOnly?: boolean },
): Promise<FormalityRow[]> {
  const rows = await db
    .selectFrom('formality')
    .innerJoin('meeting', 'meeting.id', 'formality.meeting_id')
    .select([
      'formality.id',
      'formality.meeting_id',
      'formality.kind',
      'formality.label',
      'formality.due_on',
      'formality.done_on',
      'formality.notes',
      'meeting.title as meeting_title',
      'meeting.date as meeting_date',
    ])
    .$if(filter.meetingId !== undefined, (query) => query.where('formality.meeting_id', '=', filter.meetingId!))
    .$if(Boolean(filter.openOnly), (query) => query.where('formality.done_on', 'is', null))
    .orderBy('formality.due_on')
    .orderBy('formality.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingDate: row.meeting_date,
    kind: row.kind,
    label: row.label,
    dueOn: row.due_on,
    doneOn: row.done_on,
    notes: row.notes,
    overdue: !row.done_on && row.due_on !== null && row.due_on < today,
  }));
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

// ---------------------------------------------------------------------------------------------------------------
// Changes
// ---------------------------------------------------------------------------------------------------------------

export function assertDraft(meeting: Pick<Selectable<MeetingTable>, 'pv_status'>): void {
  if (meeting.pv_status === 'approuve') {
    throw new UserError(
      'conflict',
      'Le procès-verbal est approuvé : rouvrez-le en brouillon avant de modifier la séance.',
    );
  }
}

/** A session can change while its PV is a draft and it has not been convened again on a second convocation. */
async function assertOpen(db: Db, meeting: Pick<Selectable<MeetingTable>, 'id' | 'pv_status'>): Promise<void> {
  assertDraft(meeting);
  const second = await db
    .selectFrom('meeting')
    .select('id')
    .where('first_round_meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (second) {
    throw new UserError(
      'conflict',
      'Cette assemblée a été convoquée à nouveau sur deuxième convocation : la séance se tient désormais sur la nouvelle réunion.',
    );
  }
}

export async function markConvocationSent(
  db: Kysely<DB>,
  input: { meetingId: number; sentOn: string | null; mode: string },
  today: string,
): Promise<AgState> {
  const meeting = await assertGovernanceMeeting(db, input.meetingId);
  assertDraft(meeting);
  if (input.sentOn! > today)
    throw new UserError('invalid_input', 'La date d’envoi ne peut pas être dans le futur.', { sentOn: 'Date future.' });
  if (input.sentOn! > meeting.date)
    throw new UserError('invalid_input', 'La convocation ne peut pas être envoyée après l’assemblée.', {
      sentOn: 'Après la réunion.',
    });
  await db
    .updateTable('meeting')
    .set({ convocation_sent_on: input.sentOn, convocation_mode: input.mode, updated_at: new Date().toISOString() })
    .where('id', '=', input.meetingId)
    .execute();
  await audit(db, 'convocation', 'meeting', String(input.meetingId), input.sentOn);
  return getAgState(db, input.meetingId, today);
}

/**
 * Before the day of the session, an arrival or a vote is most likely a mistake (wrong assembly open, wrong clock):
 * the screen asks first, and the service refuses unless the call says it was confirmed.
 */
function assertHeldOrConfirmed(
  meeting: Pick<Selectable<MeetingTable>, 'date'>,
  today: string,
  confirmed: boolean | undefined,
  what: string,
): void {
  if (meeting.date <= today || confirmed) return;
  throw new UserError(
    'invalid_input',
    `La séance est prévue le ${formatDateLong(meeting.date)} : confirmez que vous voulez enregistrer ${what} dès aujourd’hui.`,
    {
      confirmedBeforeDate: 'Confirmation attendue.',
    },
  );
}

/**
 * Marks an arrival (present) or a departure (not present), with the time. Each arrival and departure is also kept
 * as an event: the PV states who left the session, when, and before which vote.
 */
export async function setPresence(
  db: Kysely<DB>,
  input: { meetingId: number; memberId: number; present: boolean; confirmedBeforeDate?: boolean },
  now: Date,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertGovernanceMeeting(trx, input.meetingId);
    await assertOpen(trx, meeting);
    if (input.present) assertHeldOrConfirmed(meeting, today, input.confirmedBeforeDate, 'une arrivée');
    const member = await trx
      .selectFrom('member')
      .select(['id', 'erased_at'])
      .where('id', '=', input.memberId)
      .executeTakeFirst();
    if (!member || member.erased_at) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
    const at = now.toISOString();
    const before = await trx
      .selectFrom('ag_presence')
      .select('present')
      .where('meeting_id', '=', input.meetingId)
      .where('member_id', '=', input.memberId)
      .executeTakeFirst();
    await trx
      .insertInto('ag_presence')
      .values({
        meeting_id: input.meetingId,
        member_id: input.memberId,
        present: input.present ? 1 : 0,
        arrived_at: input.present ? at : null,
        left_at: input.present ? null : at,
      })
      .onConflict((conflict) =>
        conflict.columns(['meeting_id', 'member_id']).doUpdateSet(
          input.present
            ? // An arrival recorded twice keeps the first time; a return after a departure is a new arrival.
              {
                present: 1,
                arrived_at: sql<string>`case when present = 1 then arrived_at else ${at} end`,
                left_at: null,
              }
            : { present: 0, left_at: at },
        ),
      )
      .execute();
    // An event only when the member's state changes (a second click on « arrivé » is not a new arrival).
    const wasPresent = before?.present === 1;
    if (input.present !== wasPresent && (input.present || before)) {
      await trx
        .insertInto('ag_presence_event')
        .values({
          meeting_id: input.meetingId,
          member_id: input.memberId,
          kind: input.present ? 'arrivee' : 'depart',
          at,
        })
        .execute();
    }
  });
  return getAgState(db, input.meetingId, today);
}

/** Checks the pouvoir against the rules (cap per mandataire…) and records it in one transaction: two pouvoirs saved at once cannot both pass the cap. */
export async function saveProxy(
  db: Kysely<DB>,
  input: { meetingId: number; mandantId: number; mandataireId: number; receivedOn: string | null },
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const assembly = await loadAssembly(trx, input.meetingId, today);
    await assertOpen(trx, assembly.meeting);
    if (input.receivedOn && input.receivedOn > assembly.meeting.date) {
      throw new UserError('invalid_input', 'Un pouvoir est reçu au plus tard le jour de la séance.', {
        receivedOn: 'Date après la séance.',
      });
    }
    if (!assembly.byId.has(input.mandataireId)) {
      throw new UserError(
        'invalid_input',
        'Pouvoir refusé : le mandataire doit être membre de l’association à la date de la séance.',
        { mandataireId: 'Pas membre à cette date.' },
      );
    }
    const validation = validateProxy(
      { mandantId: input.mandantId, mandataireId: input.mandataireId },
      {
        rules: assembly.rules,
        meetingType: assembly.type,
        roll: assembly.roll,
        proxies: assembly.proxies,
        attendance: assembly.attendance,
      },
    );
    if (!validation.ok) {
      throw new UserError(
        'invalid_input',
        `Pouvoir refusé : ${validation.reasons.map((reason) => reason.message).join(' ; ')}`,
      );
    }
    const { id } = await trx
      .insertInto('ag_proxy')
      .values({
        meeting_id: input.meetingId,
        mandant_member_id: input.mandantId,
        mandataire_member_id: input.mandataireId,
        received_on: input.receivedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'ag_proxy', String(id), `réunion ${input.meetingId}`);
  });
  return getAgState(db, input.meetingId, today);
}

export async function deleteProxy(db: Kysely<DB>, meetingId: number, proxyId: number, today: string): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertGovernanceMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx.deleteFrom('ag_proxy').where('id', '=', proxyId).where('meeting_id', '=', meetingId).execute();
    await audit(trx, 'delete', 'ag_proxy', String(proxyId), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}

export async function saveResolution(
  db: Kysely<DB>,
  input: {
    meetingId: number;
    id: number | null;
    agendaItemId: number | null;
    title: string;
    text: string;
    kind: string;
  },
  today: string,
): Promise<AgState> {
  const assembly = await loadAssembly(db, input.meetingId, today);
  await assertOpen(db, assembly.meeting);
  if (!Object.prototype.hasOwnProperty.call(assembly.rules.meetings[assembly.type].majorities, input.kind)) {
    throw new UserError(
      'invalid_input',
      `Les statuts en vigueur ne prévoient pas de majorité pour ce type de résolution (« ${input.kind} »).`,
      { kind: 'Type inconnu.' },
    );
  }
  if (input.agendaItemId !== null) {
    const item = await db
      .selectFrom('agenda_item')
      .select('id')
      .where('id', '=', input.agendaItemId)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!item)
      throw new UserError('invalid_input', 'Ce point de l’ordre du jour n’appartient pas à cette réunion.', {
        agendaItemId: 'Point inconnu.',
      });
  }
  const values = { agenda_item_id: input.agendaItemId, title: input.title, text: input.text, kind: input.kind };
  if (input.id === null) {
    const last = await db
      .selectFrom('resolution')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    await db
      .insertInto('resolution')
      .values({ ...values, meeting_id: input.meetingId, position: Number(last?.max ?? 0) + 1 })
      .execute();
  } else {
    const existing = await db
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', input.id)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!existing) throw new UserError('not_found', 'Cette résolution n’existe plus.');
    const reworded = existing.text !== input.text || existing.kind !== input.kind;
    if (reworded && existing.votes_pour !== null) {
      throw new UserError(
        'conflict',
        'Cette résolution a déjà été votée : effacez le vote avant d’en changer le texte ou le type.',
      );
    }
    await db.updateTable('resolution').set(values).where('id', '=', input.id).execute();
  }
  return getAgState(db, input.meetingId, today);
}

export async function deleteResolution(db: Kysely<DB>, meetingId: number, id: number, today: string): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertGovernanceMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx.deleteFrom('resolution').where('id', '=', id).where('meeting_id', '=', meetingId).execute();
    await audit(trx, 'delete', 'resolution', String(id), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}

/** What is kept of the quorum when a vote is recorded (JSON in resolution.quorum_json). */
export interface StoredQuorum {
  sentence: string;
  met: boolean;
  presentOrRepresented: Tally;
  /** Kept since the PV states each vote's count (absent from votes recorded before). */
  present?: Tally;
  represented?: Tally;
  voting?: Tally;
  /** Members present or represented per collège: the cap of the head counts of a weighted vote. */
  byCollege?: CollegeVotingPower[];
}

function storedQuorumOf(quorum: QuorumResult): StoredQuorum {
  return {
    sentence: quorum.sentence,
    met: quorum.met,
    presentOrRepresented: quorum.presentOrRepresented,
    present: quorum.present,
    represented: quorum.represented,
    voting: quorum.voting,
    byCollege: quorum.byCollege.map((line) => ({
      collegeId: line.collegeId,
      collegeName: line.collegeName,
      heads: line.present.heads + line.represented.heads,
      weight: Math.round((line.present.weight + line.represented.weight) * 1000) / 1000,
    })),
  };
}

/**
 * Records the result of a vote; refused (French message) when the quorum is not met or the figures are impossible.
 * The quorum of that moment is kept with the vote: the PV reports it even if members leave afterwards, and a vote
 * cleared for a correction is decided again against the same voting power. When the collèges weigh the votes, the
 * coordinator gives head counts per collège and the weights are applied here. The vote, its audit entry and the
 * reminder to approve the PV are written in one transaction.
 */
export async function recordVote(
  db: Kysely<DB>,
  input: {
    meetingId: number;
    resolutionId: number;
    pour: number;
    contre: number;
    abstention: number;
    blanc: number;
    byCollege?: CollegeHeadCount[] | null;
    confirmedBeforeDate?: boolean;
  },
  now: Date,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const assembly = await loadAssembly(trx, input.meetingId, today);
    await assertOpen(trx, assembly.meeting);
    assertHeldOrConfirmed(assembly.meeting, today, input.confirmedBeforeDate, 'un vote');
    const resolution = await trx
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', input.resolutionId)
      .where('meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (!resolution) throw new UserError('not_found', 'Cette résolution n’existe plus.');
    const stored: StoredQuorum = resolution.quorum_json
      ? (JSON.parse(resolution.quorum_json) as StoredQuorum)
      : storedQuorumOf(assembly.quorum);
    const weighted = assembly.rules.meetings[assembly.type].voteWeighting === 'weight';
    let votes = { pour: input.pour, contre: input.contre, abstention: input.abstention, blanc: input.blanc };
    let weighing: Extract<WeighedVotes, { ok: true }> | null = null;
    if (weighted) {
      if (!input.byCollege?.length) {
        throw new UserError(
          'invalid_input',
          'Les collèges ont des poids de vote : saisissez le nombre de membres pour, contre, abstentionnistes et blancs de chaque collège ; l’application applique les poids.',
        );
      }
      // A vote recorded before head counts were kept has no per-collège figures: the current ones stand in.
      const powers = stored.byCollege ?? storedQuorumOf(assembly.quorum).byCollege!;
      const result = weighCollegeVotes(input.byCollege, powers);
      if (!result.ok) throw new UserError('invalid_input', result.message);
      weighing = result;
      votes = result.totals;
    } else if (input.byCollege?.length) {
      throw new UserError(
        'invalid_input',
        'Les votes de cette séance ne sont pas pondérés : saisissez les totaux de la salle, sans détail par collège.',
      );
    }
    const result = computeVote(votes, assembly.rules, resolution.kind, {
      meetingType: assembly.type,
      presentOrRepresented: stored.presentOrRepresented,
      met: stored.met,
    });
    if (!result.ok) throw new UserError('invalid_input', result.message);
    await trx
      .updateTable('resolution')
      .set({
        votes_pour: votes.pour,
        votes_contre: votes.contre,
        votes_abstention: votes.abstention,
        votes_blanc: votes.blanc,
        adopted: result.adopted ? 1 : 0,
        // The weighted totals already open the text: the reasoning follows them, not a second tally.
        arithmetic: weighing ? `${weighing.sentence} ${result.reasoning}` : result.sentence,
        quorum_json: JSON.stringify(stored),
        // A corrected vote keeps the time it was taken at (the PV orders departures against it).
        voted_at: resolution.voted_at ?? now.toISOString(),
        college_votes_json: weighing ? JSON.stringify(weighing.colleges) : null,
      })
      .where('id', '=', input.resolutionId)
      .execute();
    await audit(trx, 'vote', 'resolution', String(input.resolutionId), result.adopted ? 'adoptée' : 'rejetée');
    await remindPvApproval(trx, assembly.meeting);
  });
  return getAgState(db, input.meetingId, today);
}

/**
 * Once an assembly has voted, the dashboard reminds that its PV is to be approved and, if it changed dirigeants or
 * statuts, that the greffe must be told within 3 months of the assembly: PVs are often approved much later.
 */
async function remindPvApproval(
  db: Db,
  meeting: Pick<Selectable<MeetingTable>, 'id' | 'type' | 'date'>,
): Promise<void> {
  if (meeting.type === 'ca' || meeting.type === 'bureau') return;
  const existing = await db
    .selectFrom('formality')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .where('kind', '=', 'pv_a_approuver')
    .executeTakeFirst();
  if (existing) return;
  const deadline = format(addMonths(parseISO(meeting.date), 3), 'yyyy-MM-dd');
  await db
    .insertInto('formality')
    .values({
      meeting_id: meeting.id,
      kind: 'pv_a_approuver',
      label: `Approuver le procès-verbal ; si l’assemblée a changé des dirigeants ou les statuts, les déclarer au greffe des associations avant le ${format(parseISO(deadline), 'dd/MM/yyyy')} (3 mois).`,
      due_on: deadline,
      done_on: null,
      notes: null,
    })
    .execute();
}

/** Clears a recorded vote for a correction; the quorum of the vote is kept (see recordVote). */
export async function clearVote(
  db: Kysely<DB>,
  meetingId: number,
  resolutionId: number,
  today: string,
): Promise<AgState> {
  await db.transaction().execute(async (trx) => {
    const meeting = await assertGovernanceMeeting(trx, meetingId);
    await assertOpen(trx, meeting);
    await trx
      .updateTable('resolution')
      .set({
        votes_pour: null,
        votes_contre: null,
        votes_abstention: null,
        votes_blanc: null,
        adopted: null,
        arithmetic: null,
        college_votes_json: null,
      })
      .where('id', '=', resolutionId)
      .where('meeting_id', '=', meetingId)
      .execute();
    await audit(trx, 'clear_vote', 'resolution', String(resolutionId), `réunion ${meetingId}`);
  });
  return getAgState(db, meetingId, today);
}

export async function setOfficers(
  db: Kysely<DB>,
  input: { meetingId: number; presidentMemberId: number | null; secretaireMemberId: number | null },
  today: string,
): Promise<AgState> {
  const meeting = await assertGovernanceMeeting(db, input.meetingId);
  assertDraft(meeting);
  for (const id of [input.presidentMemberId, input.secretaireMemberId]) {
    if (id === null) continue;
    const member = await db.selectFrom('member').select(['id', 'erased_at']).where('id', '=', id).executeTakeFirst();
    if (!member || member.erased_at)
      throw new UserError('invalid_input', 'Choisissez le président et le secrétaire de séance parmi les membres.');
  }
  await db
    .updateTable('meeting')
    .set({ president_member_id: input.presidentMemberId, secretaire_member_id: input.secretaireMemberId })
    .where('id', '=', input.meetingId)
    .execute();
  await audit(db, 'officers', 'meeting', String(input.meetingId), null);
  return getAgState(db, input.meetingId, today);
}

/**
 * Convenes the assembly again after a first convocation without quorum: a new meeting on `date` with the
 * second-round rules, the same ordre du jour and resolutions (not their votes). Pouvoirs are not carried over:
 * each names the meeting it was given for.
 */
export async function createSecondConvocation(
  db: Kysely<DB>,
  input: { meetingId: number; date: string | null; startTime?: string | null },
  today: string,
): Promise<{ meetingId: number }> {
  const assembly = await loadAssembly(db, input.meetingId, today);
  const { meeting, type, rules, quorum } = assembly;
  if (assembly.round === 2) throw new UserError('invalid_input', 'Cette assemblée est déjà sur deuxième convocation.');
  const second = secondConvocation(rules, type);
  if (!second.possible) throw new UserError('invalid_input', second.message);
  if (quorum.met)
    throw new UserError(
      'invalid_input',
      'Le quorum est atteint : l’assemblée peut délibérer sur première convocation.',
    );
  const date = input.date!;
  const startTime = input.startTime ?? meeting.start_time;
  const sameDayLater =
    date === meeting.date && startTime !== null && meeting.start_time !== null && startTime > meeting.start_time;
  if (date < meeting.date || (date === meeting.date && !sameDayLater)) {
    throw new UserError(
      'invalid_input',
      'La deuxième assemblée se tient après la première : un autre jour, ou le même jour à une heure plus tardive.',
      { date: 'Date trop tôt.' },
    );
  }
  if (date < today)
    throw new UserError('invalid_input', 'La date de la deuxième assemblée est déjà passée.', { date: 'Date passée.' });

  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('meeting')
      .select('id')
      .where('first_round_meeting_id', '=', input.meetingId)
      .executeTakeFirst();
    if (existing)
      throw new UserError('conflict', 'Une assemblée sur deuxième convocation existe déjà pour cette réunion.');
    const { id } = await trx
      .insertInto('meeting')
      .values({
        type,
        title: `${meeting.title} — deuxième convocation`,
        date,
        start_time: startTime,
        end_time: null,
        place: meeting.place,
        visio_url: meeting.visio_url,
        organiser_member_id: meeting.organiser_member_id,
        organiser_label: meeting.organiser_label,
        status: 'prevue',
        summary: null,
        rcp_kind: null,
        theme: null,
        convocation_sent_on: null,
        convocation_mode: null,
        president_member_id: null,
        secretaire_member_id: null,
        pv_approved_on: null,
        convocation_round: 2,
        first_round_meeting_id: meeting.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await trx
      .selectFrom('agenda_item')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute();
    const itemIds = new Map<number, number>();
    for (const item of items) {
      const copy = await trx
        .insertInto('agenda_item')
        .values({ meeting_id: id, position: item.position, title: item.title, minutes: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      itemIds.set(item.id, copy.id);
    }
    const resolutions = await trx
      .selectFrom('resolution')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .orderBy('position')
      .execute();
    for (const resolution of resolutions) {
      await trx
        .insertInto('resolution')
        .values({
          meeting_id: id,
          agenda_item_id: resolution.agenda_item_id === null ? null : (itemIds.get(resolution.agenda_item_id) ?? null),
          position: resolution.position,
          title: resolution.title,
          text: resolution.text,
          kind: resolution.kind,
        })
        .execute();
    }
    const note = `Quorum non atteint sur première convocation (${quorum.sentence}). Assemblée convoquée à nouveau le ${format(parseISO(date), 'dd/MM/yyyy')}.`;
    await trx
      .updateTable('meeting')
      .set({ status: 'tenue', summary: meeting.summary ? `${meeting.summary}\n\n${note}` : note })
      .where('id', '=', meeting.id)
      .execute();
    await audit(trx, 'second_convocation', 'meeting', String(id), `première convocation ${meeting.id}`);
    return { meetingId: id };
  });
}

/** Back to a draft: the PV recorded at approval is discarded (names are read live again), the approval reminder reopens. */
export async function reopenPv(db: Kysely<DB>, meetingId: number, today: string): Promise<AgState> {
  await assertGovernanceMeeting(db, meetingId);
  await db.transaction().execute(async (trx) => {
    // Reopened, the session keeps the rules it was held with (rules_snapshot).
    await trx
      .updateTable('meeting')
      .set({ pv_status: 'brouillon', pv_approved_on: null, pv_snapshot: null })
      .where('id', '=', meetingId)
      .execute();
    await trx
      .updateTable('formality')
      .set({ done_on: null })
      .where('meeting_id', '=', meetingId)
      .where('kind', '=', 'pv_a_approuver')
      .execute();
    await audit(trx, 'reopen_pv', 'meeting', String(meetingId), null);
  });
  return getAgState(db, meetingId, today);
}

export async function saveFormality(
  db: Kysely<DB>,
  input: { id: number; doneOn: string | null; notes: string | null },
  today: string,
): Promise<FormalityRow[]> {
  if (input.doneOn && input.doneOn > today)
    throw new UserError('invalid_input', 'La date de réalisation ne peut pas être dans le futur.', {
      doneOn: 'Date future.',
    });
  const result = await db
    .updateTable('formality')
    .set({ done_on: input.doneOn, notes: input.notes })
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!result.numUpdatedRows) throw new UserError('not_found', 'Cette formalité n’existe plus.');
  return formalityRows(db, today, { openOnly: false });
}
