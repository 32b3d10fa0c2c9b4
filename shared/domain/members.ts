import type { MemberFilters, MemberKind, MemberType } from '../schemas/members';
import { searchKey } from '../text';

/** One line of the member list: everything the list, its filters, exports and PDFs need. */
export interface MemberListRow {
  id: number;
  kind: MemberKind;
  /** « BERNARD Camille » for a person, the name for a structure, « Membre anonymisé » once erased. */
  displayName: string;
  civility: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
  professionLabel: string | null;
  specialty: string | null;
  rpps: string | null;
  adeli: string | null;
  practiceMode: 'liberal' | 'salarie' | 'mixte' | null;
  structureType: string | null;
  structureName: string | null;
  finessEt: string | null;
  communeCode: string | null;
  communeName: string | null;
  collegeId: number | null;
  collegeName: string | null;
  email: string | null;
  phone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  active: boolean;
  /** Years for which the member is « à jour de cotisation ». */
  upToDateYears: number[];
  directoryConsent: boolean;
  erased: boolean;
  /** Accent-free text searched by the list: names, RPPS, ADELI, commune, email. */
  searchKey: string;
}

/** The member type that sets the yearly cotisation amount. */
/** Members who are neither health professionals nor staff pay the « autre » rate. */
const OTHER_TYPE_PROFESSIONS = new Set(['X-USAGER', 'X-ELU', 'X-PARTEN', 'X-AUTRE']);

export function memberTypeOf(kind: MemberKind, professionCode: string | null): MemberType {
  if (kind === 'structure') return 'structure';
  return professionCode && OTHER_TYPE_PROFESSIONS.has(professionCode) ? 'autre' : 'professionnel';
}

export function memberSearchKey(parts: (string | null | undefined)[]): string {
  return searchKey(parts.filter(Boolean).join(' '));
}

/**
 * Applies the list filters. Search is accent- and case-insensitive, every word must match the start of a
 * word of the name, the RPPS/ADELI, the commune or the email.
 */
export function filterMembers(rows: MemberListRow[], filters: MemberFilters): MemberListRow[] {
  const words = filters.search ? searchKey(filters.search).split(' ').filter(Boolean) : [];
  const professions = filters.professionCodes.length ? new Set(filters.professionCodes) : null;
  const colleges = filters.collegeIds.length ? new Set(filters.collegeIds) : null;
  const modes = filters.practiceModes.length ? new Set<string>(filters.practiceModes) : null;
  const communes = filters.communeCodes.length ? new Set(filters.communeCodes) : null;
  const year = filters.cotisationYear;
  return rows.filter((row) => {
    if (filters.status === 'active' && !row.active) return false;
    if (filters.status === 'former' && row.active) return false;
    if (filters.kind !== 'all' && row.kind !== filters.kind) return false;
    if (professions && !(row.professionCode && professions.has(row.professionCode))) return false;
    if (colleges && !(row.collegeId !== null && colleges.has(row.collegeId))) return false;
    if (modes && !(row.practiceMode && modes.has(row.practiceMode))) return false;
    if (communes && !(row.communeCode && communes.has(row.communeCode))) return false;
    if (year !== null && filters.cotisationStatus !== 'all') {
      const upToDate = row.upToDateYears.includes(year);
      if (filters.cotisationStatus === 'a_jour' ? !upToDate : upToDate) return false;
    }
    if (words.length) {
      const key = ` ${row.searchKey}`;
      for (const word of words) if (!key.includes(` ${word}`)) return false;
    }
    return true;
  });
}

export type MemberSortKey = 'name' | 'profession' | 'commune' | 'college' | 'joinedOn';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function sortMembers(
  rows: MemberListRow[],
  key: MemberSortKey,
  direction: 'asc' | 'desc' = 'asc',
): MemberListRow[] {
  const value = (row: MemberListRow): string => {
    switch (key) {
      case 'profession':
        return row.professionLabel ?? row.structureType ?? '';
      case 'commune':
        return row.communeName ?? '';
      case 'college':
        return row.collegeName ?? '';
      case 'joinedOn':
        return row.joinedOn ?? '';
      default:
        return row.displayName;
    }
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * (collator.compare(value(a), value(b)) || collator.compare(a.displayName, b.displayName)),
  );
}
