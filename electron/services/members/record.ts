/**
 * A member's record: the display name and labels, and the database columns from validated form data.
 */
import type { Insertable, Selectable } from 'kysely';
import { memberSearchKey } from '@shared/domain/members';
import { PROFESSION_BY_CODE, STRUCTURE_TYPES } from '@shared/domain/professions';
import type { MemberData } from '@shared/schemas/members';
import type { MemberTable } from '../../db/schema';
import { loadCommuneReference, type CommuneReference } from '../communes';
import { UserError } from '../errors';

export type MemberRow = Selectable<MemberTable>;

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
