/**
 * The versions of a protocol: a draft written (HAS content, professions, steps), validated by a body of the CPTS
 * (date, instance, the meeting and decision that did), put in force — superseding the previous one —, suspended,
 * resumed or archived. Previous versions stay readable; only a draft can change.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  ProtocolDetail,
  ProtocolVersionData,
  ProtocolVersionDetail,
  VERSION_STATUS_TARGETS,
} from '@shared/contract/protocols';
import { checkRpps } from '@shared/domain/identifiers';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { isCooperation, protocolVersionStatusLabel } from '@shared/domain/protocol-labels';
import {
  applyingVersion,
  nextReviewDate,
  reviewApplies,
  reviewStatus,
  statusChangeProblem,
} from '@shared/domain/protocols';
import { formatDateLong } from '@shared/format';
import type { DB } from '../../db/schema';
import type { ProtocolTable, ProtocolVersionTable } from '../../db/schema-protocols';
import { audit } from '../audit';
import { UserError } from '../errors';
import { displayNameOf } from '../members';
import { assertProtocol, type Db, getProtocol } from './library-queries';

const NOTHING_SAVED = 'Rien n’a été enregistré.';

function refuse(field: string, message: string, code: 'invalid_input' | 'conflict' = 'invalid_input'): never {
  throw new UserError(code, `${message} ${NOTHING_SAVED}`, { [field]: message });
}

const professionLabel = (code: string) => PROFESSION_BY_CODE.get(code)?.label ?? code;

async function assertVersion(db: Db, id: number): Promise<Selectable<ProtocolVersionTable>> {
  const row = await db.selectFrom('protocol_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette version du protocole n’existe plus.');
  return row;
}

function assertDraft(version: Selectable<ProtocolVersionTable>): void {
  if (version.status !== 'brouillon')
    throw new UserError(
      'conflict',
      `La version ${version.number} est ${protocolVersionStatusLabel(version.status).toLowerCase()} : elle ne peut plus être modifiée. Créez une nouvelle version pour la faire évoluer.`,
    );
}

function assertNotArchived(protocol: Selectable<ProtocolTable>): void {
  if (protocol.archived_on)
    throw new UserError('conflict', 'Ce protocole est archivé : ses versions ne peuvent plus changer.');
}

function contentValues(data: ProtocolVersionData) {
  return {
    situation: data.situation,
    need: data.need,
    population: data.population,
    inclusion_criteria: data.inclusionCriteria,
    exclusion_criteria: data.exclusionCriteria,
    objectives: data.objectives,
    critical_points: data.criticalPoints,
    traceability: data.traceability,
    references_text: data.referencesText,
    evaluation: data.evaluation,
    derogatory_acts: data.derogatoryActs,
    changelog: data.changelog,
    drafted_on: data.draftedOn,
  };
}

/** Replaces the professions and steps of a version by those given (the rank is the position). */
export async function writeVersionLists(
  trx: Transaction<DB>,
  versionId: number,
  professions: readonly { professionCode: string; role: string | null }[],
  steps: readonly {
    professionCode: string;
    action: string;
    timing: string | null;
    place: string | null;
    tool: string | null;
  }[],
): Promise<void> {
  await trx.deleteFrom('protocol_profession').where('version_id', '=', versionId).execute();
  await trx.deleteFrom('protocol_step').where('version_id', '=', versionId).execute();
  if (professions.length)
    await trx
      .insertInto('protocol_profession')
      .values(
        professions.map((profession) => ({
          version_id: versionId,
          profession_code: profession.professionCode,
          role: profession.role,
        })),
      )
      .execute();
  if (steps.length)
    await trx
      .insertInto('protocol_step')
      .values(
        steps.map((step, index) => ({
          version_id: versionId,
          rank: index + 1,
          profession_code: step.professionCode,
          action: step.action,
          timing: step.timing,
          place: step.place,
          tool: step.tool,
        })),
      )
      .execute();
}

/** Any version, draft or past, with its content, professions, steps and validation. */
export async function getVersion(db: Db, id: number, today: string): Promise<ProtocolVersionDetail> {
  const version = await assertVersion(db, id);
  const protocol = await assertProtocol(db, version.protocol_id);
  const professions = await db
    .selectFrom('protocol_profession')
    .select(['profession_code', 'role'])
    .where('version_id', '=', id)
    .orderBy('id')
    .execute();
  const steps = await db
    .selectFrom('protocol_step')
    .selectAll()
    .where('version_id', '=', id)
    .orderBy('rank')
    .orderBy('id')
    .execute();
  const meeting = version.validation_meeting_id
    ? await db
        .selectFrom('meeting')
        .select(['id', 'title', 'date'])
        .where('id', '=', version.validation_meeting_id)
        .executeTakeFirst()
    : undefined;
  const decision = version.validation_decision_id
    ? await db
        .selectFrom('decision')
        .select(['id', 'text'])
        .where('id', '=', version.validation_decision_id)
        .executeTakeFirst()
    : undefined;
  const content = {
    situation: version.situation,
    need: version.need,
    population: version.population,
    inclusionCriteria: version.inclusion_criteria,
    exclusionCriteria: version.exclusion_criteria,
    objectives: version.objectives,
    criticalPoints: version.critical_points,
    traceability: version.traceability,
    referencesText: version.references_text,
    evaluation: version.evaluation,
    derogatoryActs: version.derogatory_acts,
    changelog: version.changelog,
    draftedOn: version.drafted_on,
  };
  return {
    id: version.id,
    protocolId: protocol.id,
    protocolTitle: protocol.title,
    number: version.number,
    status: version.status,
    statusLabel: protocolVersionStatusLabel(version.status),
    editable: version.status === 'brouillon' && !protocol.archived_on,
    data: {
      ...content,
      professions: professions.map((row) => ({ professionCode: row.profession_code, role: row.role })),
      steps: steps.map((step) => ({
        professionCode: step.profession_code,
        action: step.action,
        timing: step.timing,
        place: step.place,
        tool: step.tool,
      })),
    },
    ...content,
    importedFrom: version.imported_from,
    inForceOn: version.in_force_on,
    endedOn: version.ended_on,
    nextReviewOn: version.next_review_on,
    review: reviewApplies(version.status) ? reviewStatus(version.next_review_on, today) : null,
    professions: professions.map((row) => ({
      professionCode: row.profession_code,
      professionLabel: professionLabel(row.profession_code),
      role: row.role,
    })),
    steps: steps.map((step) => ({
      id: step.id,
      rank: step.rank,
      professionCode: step.profession_code,
      professionLabel: professionLabel(step.profession_code),
      action: step.action,
      timing: step.timing,
      place: step.place,
      tool: step.tool,
    })),
    validation: {
      validatedOn: version.validated_on,
      validatedBy: version.validated_by,
      meeting: meeting ?? null,
      decision: decision ?? null,
    },
  };
}

/**
 * A new draft numbered after the last version, holding a copy of the content, professions and steps of the version
 * that applies. One draft at a time.
 */
export async function newVersion(db: Kysely<DB>, protocolId: number, today: string): Promise<ProtocolVersionDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const protocol = await assertProtocol(trx, protocolId);
    assertNotArchived(protocol);
    const versions = await trx
      .selectFrom('protocol_version')
      .selectAll()
      .where('protocol_id', '=', protocolId)
      .execute();
    const draft = versions.find((version) => version.status === 'brouillon');
    if (draft)
      throw new UserError(
        'conflict',
        `La version ${draft.number} est encore un brouillon : terminez-la et validez-la, ou supprimez-la, avant d’en créer une autre.`,
      );
    const source = applyingVersion(versions);
    const number = Math.max(0, ...versions.map((version) => version.number)) + 1;
    const row = await trx
      .insertInto('protocol_version')
      .values({
        protocol_id: protocolId,
        number,
        drafted_on: today,
        ...(source
          ? {
              situation: source.situation,
              need: source.need,
              population: source.population,
              inclusion_criteria: source.inclusion_criteria,
              exclusion_criteria: source.exclusion_criteria,
              objectives: source.objectives,
              critical_points: source.critical_points,
              traceability: source.traceability,
              references_text: source.references_text,
              evaluation: source.evaluation,
              derogatory_acts: source.derogatory_acts,
            }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (source) {
      const professions = await trx
        .selectFrom('protocol_profession')
        .select(['profession_code as professionCode', 'role'])
        .where('version_id', '=', source.id)
        .orderBy('id')
        .execute();
      const steps = await trx
        .selectFrom('protocol_step')
        .select(['profession_code as professionCode', 'action', 'timing', 'place', 'tool'])
        .where('version_id', '=', source.id)
        .orderBy('rank')
        .orderBy('id')
        .execute();
      await writeVersionLists(trx, row.id, professions, steps);
    }
    await audit(trx, 'create', 'protocol_version', String(row.id), `v${number}`);
    return row.id;
  });
  return getVersion(db, id, today);
}

/** Saves a draft's content, professions and steps. */
export async function saveVersion(
  db: Kysely<DB>,
  id: number,
  data: ProtocolVersionData,
  today: string,
): Promise<ProtocolVersionDetail> {
  await db.transaction().execute(async (trx) => {
    const version = await assertVersion(trx, id);
    assertNotArchived(await assertProtocol(trx, version.protocol_id));
    assertDraft(version);
    await trx
      .updateTable('protocol_version')
      .set({ ...contentValues(data), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await writeVersionLists(trx, id, data.professions, data.steps);
    await audit(trx, 'update', 'protocol_version', String(id), `v${version.number}`);
  });
  return getVersion(db, id, today);
}

/** Deletes a draft (never a version that was validated). */
export async function deleteVersion(db: Kysely<DB>, id: number, today: string): Promise<ProtocolDetail> {
  const protocolId = await db.transaction().execute(async (trx) => {
    const version = await assertVersion(trx, id);
    assertDraft(version);
    await trx.deleteFrom('protocol_version').where('id', '=', id).execute();
    await audit(trx, 'delete', 'protocol_version', String(id), `v${version.number}`);
    return version.protocol_id;
  });
  return getProtocol(db, protocolId, today);
}

/**
 * Validates a draft: the date (not in the future), the body that validated it, the meeting and decision that did
 * (the decision must be one of that meeting's; given alone, its meeting is taken), the next review date (by default
 * the validation date plus the protocol's review period). From version 2 on, the changes must be written.
 */
export async function validateVersion(
  db: Kysely<DB>,
  input: {
    id: number;
    validatedOn: string | null;
    validatedBy: string | null;
    meetingId: number | null;
    decisionId: number | null;
    nextReviewOn: string | null;
  },
  today: string,
): Promise<ProtocolVersionDetail> {
  const validatedOn = input.validatedOn!;
  await db.transaction().execute(async (trx) => {
    const version = await assertVersion(trx, input.id);
    const protocol = await assertProtocol(trx, version.protocol_id);
    assertNotArchived(protocol);
    assertDraft(version);
    if (validatedOn > today)
      refuse('validatedOn', `La date de validation (${formatDateLong(validatedOn)}) ne peut pas être dans le futur.`);
    if (version.number >= 2 && !version.changelog)
      refuse(
        'changelog',
        `Décrivez ce qui change depuis la version ${version.number - 1} (champ « Modifications ») avant de valider la version ${version.number}.`,
        'conflict',
      );
    let meetingId = input.meetingId;
    if (input.decisionId !== null) {
      const decision = await trx
        .selectFrom('decision')
        .select(['id', 'meeting_id'])
        .where('id', '=', input.decisionId)
        .executeTakeFirst();
      if (!decision) refuse('decisionId', 'Cette décision n’existe plus : actualisez la liste.');
      if (meetingId !== null && decision.meeting_id !== meetingId)
        refuse('decisionId', 'Cette décision n’a pas été prise lors de la réunion choisie.');
      meetingId = decision.meeting_id;
    }
    let meetingTitle: string | null = null;
    if (meetingId !== null) {
      const meeting = await trx
        .selectFrom('meeting')
        .select(['title', 'date'])
        .where('id', '=', meetingId)
        .executeTakeFirst();
      if (!meeting) refuse('meetingId', 'Cette réunion n’existe plus : actualisez la liste.');
      if (meeting.date > today)
        refuse(
          'meetingId',
          `La réunion « ${meeting.title} » n’a pas encore eu lieu : elle ne peut pas avoir validé le protocole.`,
        );
      meetingTitle = meeting.title;
    }
    const validatedBy = input.validatedBy ?? meetingTitle;
    if (!validatedBy)
      refuse(
        'validatedBy',
        'Indiquez l’instance qui a validé le protocole (bureau, conseil d’administration, groupe de travail…) ou la réunion.',
      );
    const nextReviewOn = input.nextReviewOn ?? nextReviewDate(validatedOn, protocol.review_every_months);
    if (nextReviewOn <= validatedOn) refuse('nextReviewOn', 'La prochaine révision doit suivre la date de validation.');
    await trx
      .updateTable('protocol_version')
      .set({
        status: 'valide',
        validated_on: validatedOn,
        validated_by: validatedBy,
        validation_meeting_id: meetingId,
        validation_decision_id: input.decisionId,
        next_review_on: nextReviewOn,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', version.id)
      .execute();
    await audit(trx, 'validate', 'protocol_version', String(version.id), validatedOn);
  });
  return getVersion(db, input.id, today);
}

/**
 * A cooperation protocol applies only with at least one médecin délégant in its team on that date, with a valid RPPS:
 * the message says what is missing.
 */
async function assertMedecinDelegant(trx: Transaction<DB>, protocolId: number, on: string): Promise<void> {
  const delegants = await trx
    .selectFrom('protocol_member')
    .innerJoin('member', 'member.id', 'protocol_member.member_id')
    .select([
      'member.kind',
      'member.last_name',
      'member.first_name',
      'member.structure_name',
      'member.profession_code',
      'member.rpps',
      'member.left_on as member_left_on',
      'member.erased_at',
      'protocol_member.joined_on',
      'protocol_member.left_on',
    ])
    .where('protocol_member.protocol_id', '=', protocolId)
    .where('protocol_member.role', '=', 'delegant')
    .execute();
  const active = delegants.filter(
    (row) =>
      !row.erased_at &&
      row.joined_on <= on &&
      (!row.left_on || row.left_on > on) &&
      (!row.member_left_on || row.member_left_on > on),
  );
  const doctors = active.filter((row) => row.profession_code === '10');
  if (doctors.some((row) => row.rpps && checkRpps(row.rpps).ok)) return;
  const message = doctors.length
    ? `Un protocole de coopération n’entre en vigueur qu’avec un médecin délégant dont le RPPS est connu : ${doctors
        .map((row) => displayNameOf(row))
        .join(', ')} ${doctors.length > 1 ? 'n’ont' : 'n’a'} pas de RPPS valide. Complétez la fiche de l’adhérent.`
    : `Un protocole de coopération n’entre en vigueur qu’avec au moins un médecin délégant actif dans son équipe au ${formatDateLong(on)} : ajoutez-le à l’équipe (rôle « Délégant ») avec son RPPS.`;
  throw new UserError('conflict', `${message} ${NOTHING_SAVED}`, { status: message });
}

/**
 * Puts a validated version in force (the version in force or suspended until then is superseded, ended that day),
 * suspends it, resumes it, or archives it. A cooperation protocol needs its médecin délégant, and a national one the
 * arrêté that authorises it.
 */
export async function setVersionStatus(
  db: Kysely<DB>,
  input: { id: number; status: (typeof VERSION_STATUS_TARGETS)[number]; on: string | null },
  today: string,
): Promise<ProtocolDetail> {
  const on = input.on!;
  const protocolId = await db.transaction().execute(async (trx) => {
    const version = await assertVersion(trx, input.id);
    const protocol = await assertProtocol(trx, version.protocol_id);
    assertNotArchived(protocol);
    const problem = statusChangeProblem(version.status, input.status);
    if (problem) refuse('status', problem, 'conflict');
    const now = new Date().toISOString();
    if (input.status === 'en_vigueur') {
      if (version.validated_on && on < version.validated_on)
        refuse(
          'on',
          `Une version n’entre pas en vigueur avant sa validation (${formatDateLong(version.validated_on)}).`,
        );
      if (protocol.family === 'coop_nationale' && !protocol.arrete_reference)
        refuse(
          'status',
          'Un protocole de coopération national n’entre en vigueur qu’avec l’arrêté qui l’autorise : indiquez-le dans la fiche du protocole.',
          'conflict',
        );
      if (isCooperation(protocol.family)) await assertMedecinDelegant(trx, protocol.id, on);
      if (version.status === 'valide') {
        const previous = await trx
          .selectFrom('protocol_version')
          .select(['id', 'number', 'in_force_on', 'status'])
          .where('protocol_id', '=', protocol.id)
          .where('id', '!=', version.id)
          .where('status', 'in', ['en_vigueur', 'suspendu'])
          .execute();
        for (const old of previous) {
          if (old.in_force_on && on < old.in_force_on)
            refuse(
              'on',
              `La version ${old.number} est en vigueur depuis le ${formatDateLong(old.in_force_on)} : la nouvelle ne peut pas la remplacer à une date antérieure.`,
            );
          await trx
            .updateTable('protocol_version')
            .set((eb) => ({
              status: 'remplace',
              ended_on: old.status === 'suspendu' ? eb.fn.coalesce('ended_on', eb.val(on)) : on,
              updated_at: now,
            }))
            .where('id', '=', old.id)
            .execute();
          await audit(trx, 'supersede', 'protocol_version', String(old.id), on);
        }
        await trx
          .updateTable('protocol_version')
          .set({ status: 'en_vigueur', in_force_on: on, ended_on: null, updated_at: now })
          .where('id', '=', version.id)
          .execute();
      } else {
        // Resumed after a suspension: it has applied since its first entry into force, and no longer ends.
        if (version.ended_on && on < version.ended_on)
          refuse('on', `La reprise ne peut pas précéder la suspension (${formatDateLong(version.ended_on)}).`);
        await trx
          .updateTable('protocol_version')
          .set({ status: 'en_vigueur', ended_on: null, updated_at: now })
          .where('id', '=', version.id)
          .execute();
      }
    } else {
      if (version.in_force_on && on < version.in_force_on)
        refuse('on', `Cette version n’est en vigueur que depuis le ${formatDateLong(version.in_force_on)}.`);
      await trx
        .updateTable('protocol_version')
        .set({
          status: input.status,
          ended_on: version.status === 'en_vigueur' ? on : version.ended_on,
          updated_at: now,
        })
        .where('id', '=', version.id)
        .execute();
    }
    await audit(trx, 'status', 'protocol_version', String(version.id), `${input.status} ${on}`);
    return protocol.id;
  });
  return getProtocol(db, protocolId, today);
}
