/**
 * The member list: every member as a light row.
 */
import type { Kysely, Transaction } from 'kysely';
import { memberTypeOf, type MemberListRow } from '@shared/domain/members';
import type { DB } from '../../db/schema';
import { loadCommuneReference, type CommuneReference } from '../communes';
import { displayNameOf, professionLabelOf, isActive } from './record';
import { rateTable, rateKey, isUpToDate } from './rates';

type Db = Kysely<DB> | Transaction<DB>;

/** Every member as a light row (erased ones included, flagged): filtering happens with shared filterMembers. */

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
