import { createHmac, randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type {
  CollegeRow,
  CotisationRateRow,
  CotisationRow,
  MandateRow,
  MemberDetail,
  MemberStats,
} from '@shared/contract';
import { memberSearchKey, memberTypeOf, type MemberListRow } from '@shared/domain/members';
import { searchKey } from '@shared/text';
import { ATTENDANCE, DECISION_STATUSES, meetingTypeLabel } from '@shared/domain/meetings';
import { PROFESSION_BY_CODE, STRUCTURE_TYPES } from '@shared/domain/professions';
import { MANDATE_ROLES, type MemberData, type MemberType } from '@shared/schemas/members';
import type { DB, MemberTable } from '../db/schema';
import { audit } from './audit';
import { loadCommuneReference, type CommuneReference } from './communes';
import { UserError } from './errors';

type Db = Kysely<DB> | Transaction<DB>;
type MemberRow = Selectable<MemberTable>;

export const ERASED_NAME = 'Membre anonymisé';

/** « BERNARD Camille » for a person, the structure's name otherwise. */
export function displayNameOf(
  row: Pick<MemberRow, 'kind' | 'last_name' | 'first_name' | 'structure_name' | 'erased_at'>,
): string {
  if (row.erased_at) return ERASED_NAME;
  if (row.kind === 'structure') return row.structure_name ?? 'Structure sans nom';
  return [row.last_name?.toLocaleUpperCase('fr-FR'), row.first_name].filter(Boolean).join(' ') || 'Sans nom';
}

export function professionLabelOf(code: string | null): string | null {
  return code ? (PROFESSION_BY_CODE.get(code)?.label ?? code) : null;
}

export function structureTypeLabelOf(code: string | null): string | null {
  return code ? (STRUCTURE_TYPES.find((type) => type.code === code)?.label ?? code) : null;
}

/**
 * The database columns of a member from validated data (used by the form and by the import).
 * Fields that do not apply to the kind are cleared, and the search key is recomputed.
 */
export function memberValues(
  data: MemberData,
  reference: CommuneReference = loadCommuneReference(),
): Omit<Insertable<MemberTable>, 'id'> {
  if (data.communeCode && !reference.byCode.has(data.communeCode)) {
    throw new UserError('invalid_input', `Aucune commune n'a le code INSEE ${data.communeCode}.`, {
      communeCode: `Aucune commune n'a le code INSEE ${data.communeCode}.`,
    });
  }
  const person = data.kind === 'person';
  const values = {
    kind: data.kind,
    civility: person ? data.civility : null,
    last_name: person ? data.lastName : null,
    first_name: person ? data.firstName : null,
    profession_code: person ? data.professionCode : null,
    specialty: person && data.professionCode === '10' ? data.specialty : null,
    rpps: person ? data.rpps : null,
    adeli: person ? data.adeli : null,
    practice_mode: person ? data.practiceMode : null,
    structure_name: person ? null : data.structureName,
    structure_type: person ? null : data.structureType,
    finess_ej: person ? null : data.finessEj,
    finess_et: person ? null : data.finessEt,
    siret: person ? null : data.siret,
    representative_name: person ? null : data.representativeName,
    commune_code: data.communeCode,
    address: data.address,
    structure_member_id: person ? data.structureMemberId : null,
    structure_label: person ? data.structureLabel : null,
    phone: data.phone,
    email: data.email,
    college_id: data.collegeId,
    joined_on: data.joinedOn,
    directory_consent_on: data.directoryConsentOn,
    notes: data.notes,
  };
  const communeName = data.communeCode ? reference.byCode.get(data.communeCode)?.nom : null;
  return {
    ...values,
    search_key: memberSearchKey([
      values.last_name,
      values.first_name,
      values.structure_name,
      values.rpps,
      values.adeli,
      values.finess_et,
      communeName,
      values.email,
    ]),
  };
}

/** The form data of a stored member. */
export function memberDataOf(row: MemberRow): MemberData {
  return {
    kind: row.kind,
    civility: (row.civility as MemberData['civility']) ?? null,
    lastName: row.last_name,
    firstName: row.first_name,
    professionCode: row.profession_code,
    specialty: row.specialty,
    rpps: row.rpps,
    adeli: row.adeli,
    practiceMode: row.practice_mode,
    structureName: row.structure_name,
    structureType: row.structure_type,
    finessEj: row.finess_ej,
    finessEt: row.finess_et,
    siret: row.siret,
    representativeName: row.representative_name,
    communeCode: row.commune_code,
    address: row.address,
    structureMemberId: row.structure_member_id,
    structureLabel: row.structure_label,
    phone: row.phone,
    email: row.email,
    collegeId: row.college_id,
    joinedOn: row.joined_on,
    directoryConsentOn: row.directory_consent_on,
    notes: row.notes,
  };
}

/** A member is active until the day of its departure. */
export function isActive(leftOn: string | null, today: string): boolean {
  return !leftOn || leftOn > today;
}

// ---------- Cotisations ----------

export async function cotisationRates(db: Db): Promise<CotisationRateRow[]> {
  const rows = await db
    .selectFrom('cotisation_rate')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('member_type')
    .execute();
  return rows.map((row) => ({ year: row.year, memberType: row.member_type, amountCents: row.amount_cents }));
}

type RateTable = Map<string, number>;
const rateKey = (year: number, type: MemberType) => `${year}:${type}`;

async function rateTable(db: Db): Promise<RateTable> {
  return new Map((await cotisationRates(db)).map((rate) => [rateKey(rate.year, rate.memberType), rate.amountCents]));
}

/** « À jour de cotisation » for a year: paid (a payment date) at least the amount set for the member's type. */
export function isUpToDate(
  cotisation: { amount_cents: number; paid_on: string | null; mode?: string | null },
  expected: number | undefined,
): boolean {
  if (cotisation.mode === 'exoneration') return true;
  if (!cotisation.paid_on) return false;
  return expected === undefined || cotisation.amount_cents >= expected;
}

export async function setCotisationRate(db: Kysely<DB>, rate: CotisationRateRow): Promise<CotisationRateRow[]> {
  await db
    .insertInto('cotisation_rate')
    .values({ year: rate.year, member_type: rate.memberType, amount_cents: rate.amountCents })
    .onConflict((oc) => oc.columns(['year', 'member_type']).doUpdateSet({ amount_cents: rate.amountCents }))
    .execute();
  return cotisationRates(db);
}

// ---------- Collèges ----------

export async function listColleges(db: Db, today: string): Promise<CollegeRow[]> {
  const rows = await db
    .selectFrom('college')
    .leftJoin('member', (join) =>
      join
        .onRef('member.college_id', '=', 'college.id')
        .on('member.erased_at', 'is', null)
        .on((eb) => eb.or([eb('member.left_on', 'is', null), eb('member.left_on', '>', today)])),
    )
    .select([
      'college.id',
      'college.name',
      'college.voting_right',
      'college.seats',
      'college.vote_weight',
      'college.description',
      'college.position',
    ])
    .select((eb) => eb.fn.count<number>('member.id').as('member_count'))
    .groupBy('college.id')
    .orderBy('college.position')
    .orderBy('college.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    votingRight: row.voting_right,
    seats: row.seats,
    voteWeight: row.vote_weight,
    description: row.description,
    position: row.position,
    memberCount: Number(row.member_count),
  }));
}

export async function saveCollege(
  db: Kysely<DB>,
  college: {
    id: number | null;
    name: string;
    votingRight: 'deliberative' | 'consultative';
    seats: number | null;
    voteWeight: number;
    description: string | null;
  },
  today: string,
): Promise<CollegeRow[]> {
  const values = {
    name: college.name,
    voting_right: college.votingRight,
    seats: college.seats,
    vote_weight: college.voteWeight,
    description: college.description,
  };
  await db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('college')
      .select('id')
      .where('name', '=', college.name)
      .$if(college.id !== null, (qb) => qb.where('id', '!=', college.id!))
      .executeTakeFirst();
    if (clash)
      throw new UserError('conflict', `Un collège s'appelle déjà « ${college.name} ».`, {
        name: 'Ce nom est déjà pris.',
      });
    if (college.id === null) {
      const last = await trx
        .selectFrom('college')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      await trx
        .insertInto('college')
        .values({ ...values, position: Number(last?.max ?? 0) + 1 })
        .execute();
      await audit(trx, 'create', 'college', null, college.name);
    } else {
      const result = await trx.updateTable('college').set(values).where('id', '=', college.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new UserError('not_found', 'Ce collège n’existe plus.');
      await audit(trx, 'update', 'college', String(college.id), college.name);
    }
  });
  return listColleges(db, today);
}

export async function deleteCollege(db: Kysely<DB>, id: number, today: string): Promise<CollegeRow[]> {
  await db.transaction().execute(async (trx) => {
    const college = await trx.selectFrom('college').select('name').where('id', '=', id).executeTakeFirst();
    if (!college) throw new UserError('not_found', 'Ce collège n’existe plus.');
    const members = await trx
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('college_id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(members.n) > 0) {
      throw new UserError(
        'conflict',
        `Le collège « ${college.name} » compte encore ${members.n} membre${Number(members.n) > 1 ? 's' : ''} (anciens compris) : rattachez-les à un autre collège avant de le supprimer.`,
      );
    }
    // Anonymised members cannot be moved by hand: they simply lose the collège that no longer exists.
    await trx
      .updateTable('member')
      .set({ college_id: null })
      .where('college_id', '=', id)
      .where('erased_at', 'is not', null)
      .execute();
    await trx.deleteFrom('college').where('id', '=', id).execute();
    await audit(trx, 'delete', 'college', String(id), college.name);
  });
  return listColleges(db, today);
}

// ---------- List ----------

/** Every member as a light row (erased ones included, flagged): filtering happens with shared filterMembers. */
/** What a meeting roll needs of each member, with the cotisation status of one year only (fast at 10 000). */
export interface RollMemberRow {
  id: number;
  displayName: string;
  quality: string | null;
  collegeId: number | null;
  email: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  erased: boolean;
  upToDate: boolean;
}

/**
 * Members with their cotisation status for `year`; with `paidBy`, a cotisation only counts if it was paid on or
 * before that date (an assembly's roll does not change when a cotisation is paid afterwards).
 */
/** Last roll read per database handle, reused while `roll_version` (bumped by triggers, migration 0005) is unchanged. */
const rollCache = new WeakMap<object, { key: string; rows: RollMemberRow[] }>();

export async function rollMembers(db: Db, year: number, paidBy?: string): Promise<RollMemberRow[]> {
  const version = (
    await db.selectFrom('app_setting').select('value').where('key', '=', 'roll_version').executeTakeFirst()
  )?.value;
  const key = `${version}|${year}|${paidBy ?? ''}`;
  const cached = version === undefined ? undefined : rollCache.get(db);
  if (cached?.key === key) return cached.rows;
  const rows = await readRollMembers(db, year, paidBy);
  if (version !== undefined) rollCache.set(db, { key, rows });
  return rows;
}

async function readRollMembers(db: Db, year: number, paidBy?: string): Promise<RollMemberRow[]> {
  const [members, cotisations, rates] = await Promise.all([
    db
      .selectFrom('member')
      .select([
        'id',
        'kind',
        'last_name',
        'first_name',
        'structure_name',
        'structure_type',
        'erased_at',
        'profession_code',
        'college_id',
        'email',
        'joined_on',
        'left_on',
      ])
      .execute(),
    db
      .selectFrom('cotisation')
      .select(['member_id', 'amount_cents', 'paid_on', 'mode'])
      .where('year', '=', year)
      .execute(),
    rateTable(db),
  ]);
  const kinds = new Map(members.map((member) => [member.id, memberTypeOf(member.kind, member.profession_code)]));
  const upToDate = new Set<number>();
  for (const cotisation of cotisations) {
    if (paidBy && cotisation.mode !== 'exoneration' && (!cotisation.paid_on || cotisation.paid_on > paidBy)) continue;
    if (isUpToDate(cotisation, rates.get(rateKey(year, kinds.get(cotisation.member_id) ?? 'professionnel'))))
      upToDate.add(cotisation.member_id);
  }
  return members.map((member) => ({
    id: member.id,
    displayName: displayNameOf(member),
    quality: professionLabelOf(member.profession_code) ?? structureTypeLabelOf(member.structure_type),
    collegeId: member.college_id,
    email: member.email,
    joinedOn: member.joined_on,
    leftOn: member.left_on,
    erased: Boolean(member.erased_at),
    upToDate: upToDate.has(member.id),
  }));
}

export async function listMembers(
  db: Db,
  today: string,
  reference: CommuneReference = loadCommuneReference(),
): Promise<MemberListRow[]> {
  const [members, colleges, cotisations, rates] = await Promise.all([
    db.selectFrom('member').selectAll().execute(),
    db.selectFrom('college').select(['id', 'name']).execute(),
    db.selectFrom('cotisation').select(['member_id', 'year', 'amount_cents', 'paid_on', 'mode']).execute(),
    rateTable(db),
  ]);
  const collegeName = new Map(colleges.map((college) => [college.id, college.name]));
  const typeOf = new Map(members.map((member) => [member.id, memberTypeOf(member.kind, member.profession_code)]));
  const upToDate = new Map<number, number[]>();
  for (const cotisation of cotisations) {
    const expected = rates.get(rateKey(cotisation.year, typeOf.get(cotisation.member_id) ?? 'professionnel'));
    if (!isUpToDate(cotisation, expected)) continue;
    const years = upToDate.get(cotisation.member_id) ?? [];
    years.push(cotisation.year);
    upToDate.set(cotisation.member_id, years);
  }
  return members.map((member) => ({
    id: member.id,
    kind: member.kind,
    displayName: displayNameOf(member),
    civility: member.civility,
    lastName: member.last_name,
    firstName: member.first_name,
    professionCode: member.profession_code,
    professionLabel: professionLabelOf(member.profession_code),
    specialty: member.specialty,
    rpps: member.rpps,
    adeli: member.adeli,
    practiceMode: member.practice_mode,
    structureType: member.structure_type,
    structureName: member.structure_name,
    finessEt: member.finess_et,
    communeCode: member.commune_code,
    communeName: member.commune_code ? (reference.byCode.get(member.commune_code)?.nom ?? member.commune_code) : null,
    collegeId: member.college_id,
    collegeName: member.college_id ? (collegeName.get(member.college_id) ?? null) : null,
    email: member.email,
    phone: member.phone,
    joinedOn: member.joined_on,
    leftOn: member.left_on,
    active: !member.erased_at && isActive(member.left_on, today),
    upToDateYears: (upToDate.get(member.id) ?? []).sort((a, b) => a - b),
    directoryConsent: Boolean(member.directory_consent_on) && !member.erased_at,
    erased: Boolean(member.erased_at),
    searchKey: member.search_key,
  }));
}

// ---------- One member ----------

function roleLabel(code: string): string {
  return MANDATE_ROLES.find((role) => role.code === code)?.label ?? code;
}

export async function getMember(
  db: Db,
  id: number,
  today: string,
  reference: CommuneReference = loadCommuneReference(),
): Promise<MemberDetail> {
  const row = await db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
  const [college, structure, mandates, cotisations, rates] = await Promise.all([
    row.college_id
      ? db.selectFrom('college').select('name').where('id', '=', row.college_id).executeTakeFirst()
      : undefined,
    row.structure_member_id
      ? db
          .selectFrom('member')
          .select(['kind', 'last_name', 'first_name', 'structure_name', 'erased_at'])
          .where('id', '=', row.structure_member_id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('mandate').selectAll().where('member_id', '=', id).orderBy('start_on', 'desc').execute(),
    db.selectFrom('cotisation').selectAll().where('member_id', '=', id).orderBy('year', 'desc').execute(),
    rateTable(db),
  ]);
  const memberType = memberTypeOf(row.kind, row.profession_code);
  const cotisationRows: CotisationRow[] = cotisations.map((cotisation) => {
    const expected = rates.get(rateKey(cotisation.year, memberType));
    return {
      year: cotisation.year,
      amountCents: cotisation.amount_cents,
      paidOn: cotisation.paid_on,
      mode: cotisation.mode,
      expectedCents: expected ?? null,
      upToDate: isUpToDate(cotisation, expected),
    };
  });
  const mandateRows: MandateRow[] = mandates.map((mandate) => ({
    id: mandate.id,
    role: mandate.role,
    roleLabel: roleLabel(mandate.role),
    label: mandate.label,
    startOn: mandate.start_on,
    endOn: mandate.end_on,
    current: mandate.start_on <= today && (!mandate.end_on || mandate.end_on >= today),
  }));
  return {
    id: row.id,
    data: memberDataOf(row),
    displayName: displayNameOf(row),
    professionLabel:
      row.kind === 'person' ? professionLabelOf(row.profession_code) : structureTypeLabelOf(row.structure_type),
    communeName: row.commune_code ? (reference.byCode.get(row.commune_code)?.nom ?? row.commune_code) : null,
    collegeName: college?.name ?? null,
    structureMemberName: structure ? displayNameOf(structure) : null,
    memberType,
    leftOn: row.left_on,
    leftReason: row.left_reason,
    active: !row.erased_at && isActive(row.left_on, today),
    erasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    mandates: mandateRows,
    cotisations: cotisationRows,
    upToDateYears: cotisationRows
      .filter((c) => c.upToDate)
      .map((c) => c.year)
      .sort((a, b) => a - b),
  };
}

async function assertReferences(trx: Transaction<DB>, data: MemberData, selfId: number | null): Promise<void> {
  if (data.collegeId !== null) {
    const college = await trx.selectFrom('college').select('id').where('id', '=', data.collegeId).executeTakeFirst();
    if (!college)
      throw new UserError('invalid_input', 'Ce collège n’existe plus.', {
        collegeId: 'Choisissez un collège de la liste.',
      });
  }
  if (data.structureMemberId !== null) {
    if (data.structureMemberId === selfId) {
      throw new UserError('invalid_input', 'Un membre ne peut pas être sa propre structure d’exercice.', {
        structureMemberId: 'Choisissez une autre structure.',
      });
    }
    const structure = await trx
      .selectFrom('member')
      .select('kind')
      .where('id', '=', data.structureMemberId)
      .executeTakeFirst();
    if (structure?.kind !== 'structure') {
      throw new UserError('invalid_input', 'La structure d’exercice choisie n’est pas une structure adhérente.', {
        structureMemberId: 'Choisissez une structure de la liste.',
      });
    }
  }
  if (data.rpps) {
    const other = await trx
      .selectFrom('member')
      .select(['id', 'last_name', 'first_name', 'kind', 'structure_name', 'erased_at'])
      .where('rpps', '=', data.rpps)
      .$if(selfId !== null, (qb) => qb.where('id', '!=', selfId!))
      .executeTakeFirst();
    if (other) {
      const message = `Le RPPS ${data.rpps} est déjà celui de ${displayNameOf(other)} : un même professionnel ne peut pas être inscrit deux fois.`;
      throw new UserError('conflict', message, { rpps: message });
    }
  }
}

export async function createMember(db: Kysely<DB>, data: MemberData, today: string): Promise<MemberDetail> {
  const values = memberValues(data);
  const id = await db.transaction().execute(async (trx) => {
    await assertReferences(trx, data, null);
    const inserted = await trx
      .insertInto('member')
      .values({ ...values, joined_on: values.joined_on ?? today })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'member', String(inserted.id), null);
    return inserted.id;
  });
  return getMember(db, id, today);
}

async function assertNotErased(trx: Db, id: number): Promise<MemberRow> {
  const row = await trx.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
  if (row.erased_at)
    throw new UserError('conflict', 'Ce membre a été anonymisé : sa fiche ne peut plus être modifiée.');
  return row;
}

export async function updateMember(db: Kysely<DB>, id: number, data: MemberData, today: string): Promise<MemberDetail> {
  const values = memberValues(data);
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, id);
    await assertReferences(trx, data, id);
    await trx
      .updateTable('member')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'member', String(id), null);
  });
  return getMember(db, id, today);
}

export async function departMember(
  db: Kysely<DB>,
  id: number,
  leftOn: string,
  leftReason: string | null,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await assertNotErased(trx, id);
    if (row.joined_on && leftOn < row.joined_on) {
      throw new UserError('invalid_input', 'La date de sortie ne peut pas précéder la date d’adhésion.', {
        leftOn: 'La date de sortie précède la date d’adhésion.',
      });
    }
    await trx
      .updateTable('member')
      .set({ left_on: leftOn, left_reason: leftReason, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'depart', 'member', String(id), null);
  });
  return getMember(db, id, today);
}

export async function reinstateMember(db: Kysely<DB>, id: number, today: string): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, id);
    await trx
      .updateTable('member')
      .set({ left_on: null, left_reason: null, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'reinstate', 'member', String(id), null);
  });
  return getMember(db, id, today);
}

// ---------- Identities erased at the member's request ----------

async function identityKey(db: Db): Promise<Buffer> {
  const stored = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'identity_hash_key')
    .executeTakeFirst();
  if (stored) return Buffer.from(stored.value, 'base64');
  const key = randomBytes(32);
  await db
    .insertInto('app_setting')
    .values({ key: 'identity_hash_key', value: key.toString('base64') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const winner = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'identity_hash_key')
    .executeTakeFirstOrThrow();
  return Buffer.from(winner.value, 'base64');
}

export interface IdentityProbe {
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
}

/** Keyed hashes of an identity: nothing readable is kept, yet the same person is recognised. */
function identityHashes(key: Buffer, probe: IdentityProbe): string[] {
  const values: string[] = [];
  if (probe.rpps) values.push(`rpps:${probe.rpps}`);
  if (probe.lastName && probe.professionCode)
    values.push(`nom:${searchKey(`${probe.lastName} ${probe.firstName ?? ''}`)}|${probe.professionCode}`);
  return values.map((value) => createHmac('sha256', key).update(value).digest('base64'));
}

/** True when this person asked for the erasure of her data: an import must not bring her back. */
export async function isErasedIdentity(db: Db, probe: IdentityProbe): Promise<boolean> {
  const hashes = identityHashes(await identityKey(db), probe);
  if (hashes.length === 0) return false;
  return Boolean(await db.selectFrom('erased_identity').select('hash').where('hash', 'in', hashes).executeTakeFirst());
}

/**
 * RGPD erasure: removes everything that identifies the person (names, identifiers, contacts, address, notes,
 * mandates' precisions) but keeps what past reports count: kind, profession, mode d'exercice, commune,
 * collège, dates and cotisations.
 */
export async function eraseMember(db: Kysely<DB>, id: number, today: string): Promise<{ erased: true }> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('member')
      .select(['id', 'erased_at', 'left_on', 'kind', 'rpps', 'last_name', 'first_name', 'profession_code'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new UserError('not_found', 'Ce membre n’existe pas ou plus.');
    if (row.erased_at) throw new UserError('conflict', 'Ce membre est déjà anonymisé.');
    if (row.kind === 'person') {
      const hashes = identityHashes(await identityKey(trx), {
        rpps: row.rpps,
        lastName: row.last_name,
        firstName: row.first_name,
        professionCode: row.profession_code,
      });
      if (hashes.length)
        await trx
          .insertInto('erased_identity')
          .values(hashes.map((hash) => ({ hash })))
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
    await trx
      .updateTable('member')
      .set({
        civility: null,
        last_name: null,
        first_name: null,
        rpps: null,
        adeli: null,
        structure_name: null,
        finess_ej: null,
        finess_et: null,
        siret: null,
        representative_name: null,
        address: null,
        structure_member_id: null,
        structure_label: null,
        phone: null,
        email: null,
        directory_consent_on: null,
        notes: null,
        left_on: row.left_on ?? today,
        left_reason: 'Données personnelles effacées à sa demande (RGPD)',
        erased_at: new Date().toISOString(),
        search_key: '',
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.updateTable('member').set({ structure_member_id: null }).where('structure_member_id', '=', id).execute();
    await trx.updateTable('mandate').set({ label: null }).where('member_id', '=', id).execute();
    // The audit log keeps no personal data: only the id and the action.
    await audit(trx, 'erase', 'member', String(id), null);
  });
  return { erased: true };
}

/** Everything Maillage holds about one member, for a RGPD access request (art. 15). */
/** Labels of the audit actions a member can read in their export (others are shown as recorded). */
const AUDIT_ACTIONS: Record<string, string> = {
  create: 'création de la fiche',
  update: 'modification de la fiche',
  cotisation: 'cotisation enregistrée',
  'cotisation-delete': 'cotisation supprimée',
  mandate: 'mandat ajouté',
  'mandate-delete': 'mandat supprimé',
  depart: 'départ enregistré',
  reinstate: 'réintégration',
  delete: 'suppression',
};

/**
 * RGPD art. 15: everything Maillage holds about a member, in plain French keys: the record, cotisations and
 * mandates, meetings attended, general-assembly presences, pouvoirs given or held, officer roles (organiser,
 * president or secretary of a session), decisions they own (in meetings and in RCP cases: for an RCP case only
 * its code, dates and status, the action itself being about a patient), and the journal entries about them.
 */
export async function personalData(db: Db, id: number, today: string) {
  const detail = await getMember(db, id, today);
  const meetingColumns = [
    'meeting.id as meeting_id',
    'meeting.title as meeting_title',
    'meeting.date as meeting_date',
    'meeting.type as meeting_type',
  ] as const;
  const [participations, presences, proxies, roles, decisions, caseDecisions] = await Promise.all([
    db
      .selectFrom('meeting_participant')
      .innerJoin('meeting', 'meeting.id', 'meeting_participant.meeting_id')
      .select([...meetingColumns, 'meeting_participant.attendance', 'meeting_participant.minutes_spent'])
      .where('meeting_participant.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('ag_presence')
      .innerJoin('meeting', 'meeting.id', 'ag_presence.meeting_id')
      .select([...meetingColumns, 'ag_presence.present', 'ag_presence.arrived_at', 'ag_presence.left_at'])
      .where('ag_presence.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('ag_proxy')
      .innerJoin('meeting', 'meeting.id', 'ag_proxy.meeting_id')
      .innerJoin('member as mandant', 'mandant.id', 'ag_proxy.mandant_member_id')
      .innerJoin('member as mandataire', 'mandataire.id', 'ag_proxy.mandataire_member_id')
      .select([
        ...meetingColumns,
        'ag_proxy.id',
        'ag_proxy.received_on',
        'ag_proxy.mandant_member_id',
        'mandant.kind as mandant_kind',
        'mandant.last_name as mandant_last_name',
        'mandant.first_name as mandant_first_name',
        'mandant.structure_name as mandant_structure_name',
        'mandant.erased_at as mandant_erased_at',
        'mandataire.kind as mandataire_kind',
        'mandataire.last_name as mandataire_last_name',
        'mandataire.first_name as mandataire_first_name',
        'mandataire.structure_name as mandataire_structure_name',
        'mandataire.erased_at as mandataire_erased_at',
      ])
      .where((eb) => eb.or([eb('ag_proxy.mandant_member_id', '=', id), eb('ag_proxy.mandataire_member_id', '=', id)]))
      .orderBy('meeting.date')
      .orderBy('ag_proxy.id')
      .execute(),
    db
      .selectFrom('meeting')
      .select([
        ...meetingColumns,
        'meeting.organiser_member_id',
        'meeting.president_member_id',
        'meeting.secretaire_member_id',
      ])
      .where((eb) =>
        eb.or([
          eb('meeting.organiser_member_id', '=', id),
          eb('meeting.president_member_id', '=', id),
          eb('meeting.secretaire_member_id', '=', id),
        ]),
      )
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('decision')
      .innerJoin('meeting', 'meeting.id', 'decision.meeting_id')
      .select([...meetingColumns, 'decision.text', 'decision.due_on', 'decision.status', 'decision.done_on'])
      .where('decision.owner_member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('decision.id')
      .execute(),
    db
      .selectFrom('rcp_case_decision')
      .innerJoin('meeting_participant', 'meeting_participant.id', 'rcp_case_decision.owner_participant_id')
      .innerJoin('rcp_case', 'rcp_case.id', 'rcp_case_decision.case_id')
      .innerJoin('meeting', 'meeting.id', 'rcp_case.meeting_id')
      .select([...meetingColumns, 'rcp_case.code', 'rcp_case_decision.due_on', 'rcp_case_decision.status'])
      .where('meeting_participant.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('rcp_case_decision.id')
      .execute(),
  ]);
  const proxyIds = proxies.map((proxy) => String(proxy.id));
  const history = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'entity', 'detail'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'member'), eb('entity_id', '=', String(id))]),
        ...(proxyIds.length ? [eb.and([eb('entity', '=', 'ag_proxy'), eb('entity_id', 'in', proxyIds)])] : []),
      ]),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();

  const meetingOf = (row: { meeting_title: string; meeting_date: string; meeting_type: string }) => ({
    reunion: row.meeting_title,
    type: meetingTypeLabel(row.meeting_type),
    date: row.meeting_date,
  });
  const labelOf = (list: readonly { code: string; label: string }[], code: string | null) =>
    code ? (list.find((item) => item.code === code)?.label ?? code) : null;
  const given = proxies.filter((proxy) => proxy.mandant_member_id === id);
  const held = proxies.filter((proxy) => proxy.mandant_member_id !== id);
  return {
    export: 'Données personnelles détenues par la CPTS dans Maillage',
    exportedOn: today,
    member: {
      type: detail.data.kind === 'person' ? 'personne' : 'structure',
      ...detail.data,
      profession: detail.professionLabel,
      commune: detail.communeName,
      college: detail.collegeName,
      structureExercice: detail.structureMemberName ?? detail.data.structureLabel,
      dateSortie: detail.leftOn,
      motifSortie: detail.leftReason,
    },
    cotisations: detail.cotisations.map(({ year, amountCents, paidOn, mode }) => ({
      annee: year,
      montantEuros: amountCents / 100,
      payeeLe: paidOn,
      mode,
    })),
    mandats: detail.mandates.map(({ roleLabel: role, label, startOn, endOn }) => ({
      mandat: role,
      precision: label,
      debut: startOn,
      fin: endOn,
    })),
    reunions: participations.map((row) => ({
      ...meetingOf(row),
      presence: labelOf(ATTENDANCE, row.attendance),
      tempsMinutes: row.minutes_spent,
    })),
    presencesAssemblees: presences.map((row) => ({
      ...meetingOf(row),
      present: row.present === 1,
      arrivee: row.arrived_at,
      depart: row.left_at,
    })),
    pouvoirs: {
      donnes: given.map((row) => ({
        ...meetingOf(row),
        mandataire: displayNameOf({
          kind: row.mandataire_kind,
          last_name: row.mandataire_last_name,
          first_name: row.mandataire_first_name,
          structure_name: row.mandataire_structure_name,
          erased_at: row.mandataire_erased_at,
        }),
        recuLe: row.received_on,
      })),
      detenus: held.map((row) => ({
        ...meetingOf(row),
        mandant: displayNameOf({
          kind: row.mandant_kind,
          last_name: row.mandant_last_name,
          first_name: row.mandant_first_name,
          structure_name: row.mandant_structure_name,
          erased_at: row.mandant_erased_at,
        }),
        recuLe: row.received_on,
      })),
    },
    roles: roles.flatMap((row) => [
      ...(row.organiser_member_id === id ? [{ ...meetingOf(row), role: 'organisateur' }] : []),
      ...(row.president_member_id === id ? [{ ...meetingOf(row), role: 'président de séance' }] : []),
      ...(row.secretaire_member_id === id ? [{ ...meetingOf(row), role: 'secrétaire de séance' }] : []),
    ]),
    decisions: decisions.map((row) => ({
      ...meetingOf(row),
      decision: row.text,
      echeance: row.due_on,
      statut: labelOf(DECISION_STATUSES, row.status),
      faiteLe: row.done_on,
    })),
    decisionsRcp: {
      note: 'Actions confiées lors de RCP : seuls le code du cas, l’échéance et le statut figurent ici, le texte de l’action concernant un patient.',
      actions: caseDecisions.map((row) => ({
        ...meetingOf(row),
        cas: row.code,
        echeance: row.due_on,
        statut: labelOf(DECISION_STATUSES, row.status),
      })),
    },
    historique: history.map((entry) => ({
      date: entry.at,
      action: entry.action,
      libelle:
        entry.entity === 'ag_proxy'
          ? entry.action === 'create'
            ? 'pouvoir enregistré'
            : `pouvoir : ${entry.action}`
          : (AUDIT_ACTIONS[entry.action] ?? entry.action),
      detail: entry.detail,
    })),
  };
}

// ---------- Cotisations and mandates ----------

export async function setCotisation(
  db: Kysely<DB>,
  cotisation: { memberId: number; year: number; amountCents: number; paidOn: string | null; mode: string | null },
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, cotisation.memberId);
    await trx
      .insertInto('cotisation')
      .values({
        member_id: cotisation.memberId,
        year: cotisation.year,
        amount_cents: cotisation.amountCents,
        paid_on: cotisation.paidOn,
        mode: cotisation.mode,
      })
      .onConflict((oc) =>
        oc
          .columns(['member_id', 'year'])
          .doUpdateSet({ amount_cents: cotisation.amountCents, paid_on: cotisation.paidOn, mode: cotisation.mode }),
      )
      .execute();
    await audit(trx, 'cotisation', 'member', String(cotisation.memberId), String(cotisation.year));
  });
  return getMember(db, cotisation.memberId, today);
}

export async function deleteCotisation(
  db: Kysely<DB>,
  memberId: number,
  year: number,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, memberId);
    const result = await trx
      .deleteFrom('cotisation')
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new UserError('not_found', `Aucune cotisation ${year} n’est enregistrée pour ce membre.`);
    await audit(trx, 'cotisation-delete', 'member', String(memberId), String(year));
  });
  return getMember(db, memberId, today);
}

export async function addMandate(
  db: Kysely<DB>,
  mandate: { memberId: number; role: string; label: string | null; startOn: string | null; endOn: string | null },
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, mandate.memberId);
    await trx
      .insertInto('mandate')
      .values({
        member_id: mandate.memberId,
        role: mandate.role,
        label: mandate.label,
        start_on: mandate.startOn ?? today,
        end_on: mandate.endOn,
      })
      .execute();
    await audit(trx, 'mandate', 'member', String(mandate.memberId), mandate.role);
  });
  return getMember(db, mandate.memberId, today);
}

export async function deleteMandate(
  db: Kysely<DB>,
  memberId: number,
  mandateId: number,
  today: string,
): Promise<MemberDetail> {
  await db.transaction().execute(async (trx) => {
    await assertNotErased(trx, memberId);
    const result = await trx
      .deleteFrom('mandate')
      .where('id', '=', mandateId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new UserError('not_found', 'Ce mandat n’existe plus.');
    await audit(trx, 'mandate-delete', 'member', String(memberId), null);
  });
  return getMember(db, memberId, today);
}

// ---------- Dashboard ----------

export async function memberStats(db: Db, year: number, today: string): Promise<MemberStats> {
  const [rows, colleges, territory, cotisations, rates] = await Promise.all([
    listMembers(db, today),
    db.selectFrom('college').select(['id', 'name', 'voting_right', 'position']).orderBy('position').execute(),
    db.selectFrom('territory_commune').select('code_insee').execute(),
    db
      .selectFrom('cotisation')
      .select(['member_id', 'amount_cents', 'paid_on', 'mode'])
      .where('year', '=', year)
      .execute(),
    rateTable(db),
  ]);
  const active = rows.filter((row) => row.active);
  const count = <K>(items: MemberListRow[], key: (row: MemberListRow) => K | null) => {
    const counts = new Map<K, number>();
    for (const item of items) {
      const value = key(item);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  };
  const byProfession = [...count(active, (row) => row.professionCode)].map(([code, n]) => ({
    code,
    label: professionLabelOf(code) ?? code,
    count: n,
  }));
  const byStructure = [...count(active, (row) => row.structureType)].map(([code, n]) => ({
    code,
    label: structureTypeLabelOf(code) ?? code,
    count: n,
  }));
  const collegeCounts = count(active, (row) => row.collegeId ?? -1);
  const byCollege: MemberStats['byCollege'] = colleges.map((college) => ({
    id: college.id,
    name: college.name,
    votingRight: college.voting_right,
    count: collegeCounts.get(college.id) ?? 0,
  }));
  if (collegeCounts.get(-1))
    byCollege.push({ id: null, name: 'Sans collège', votingRight: null, count: collegeCounts.get(-1)! });

  const territoryCodes = new Set(territory.map((row) => row.code_insee));
  const covered = new Set(
    active.map((row) => row.communeCode).filter((code): code is string => code !== null && territoryCodes.has(code)),
  );

  const paid = new Map(cotisations.map((cotisation) => [cotisation.member_id, cotisation]));
  let upToDate = 0;
  let outstanding = 0;
  let outstandingCents = 0;
  // Money collected for the year, members who have left since included.
  const collectedCents = cotisations.reduce(
    (sum, cotisation) => sum + (cotisation.paid_on ? cotisation.amount_cents : 0),
    0,
  );
  for (const row of active) {
    const expected = rates.get(rateKey(year, memberTypeOf(row.kind, row.professionCode)));
    const cotisation = paid.get(row.id);
    if (cotisation && isUpToDate(cotisation, expected)) upToDate += 1;
    else {
      outstanding += 1;
      if (expected !== undefined)
        outstandingCents += Math.max(0, expected - (cotisation?.paid_on ? cotisation.amount_cents : 0));
    }
  }
  const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
    b.count - a.count || a.label.localeCompare(b.label, 'fr');
  return {
    year,
    activeCount: active.length,
    personCount: active.filter((row) => row.kind === 'person').length,
    structureCount: active.filter((row) => row.kind === 'structure').length,
    byProfession: byProfession.sort(byCount),
    byStructureType: byStructure.sort(byCount),
    byCollege,
    communesCovered: covered.size,
    territoryCommunes: territoryCodes.size,
    coveredShare: territoryCodes.size ? covered.size / territoryCodes.size : null,
    cotisations: { upToDate, outstanding, collectedCents, outstandingCents },
  };
}
