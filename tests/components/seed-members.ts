/**
 * Members and collèges written into the test database for component tests, through the main process's own
 * record mapping (`memberValues`) and services, in one transaction so that thousands stay quick.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/db/schema';
import { memberValues, saveCollege } from '../../electron/services/members';
import type { MemberData } from '@shared/schemas/members';

/** Communes of the reference (Isère and Savoie), in the order the generated members use them. */
export const COMMUNES = ['38421', '38185', '38151', '38169', '38382', '38229', '73065', '38158'];

export const EMPTY_MEMBER: MemberData = {
  kind: 'person',
  civility: null,
  lastName: null,
  firstName: null,
  professionCode: null,
  specialty: null,
  rpps: null,
  adeli: null,
  practiceMode: null,
  structureName: null,
  structureType: null,
  finessEj: null,
  finessEt: null,
  siret: null,
  representativeName: null,
  communeCode: null,
  address: null,
  structureMemberId: null,
  structureLabel: null,
  phone: null,
  email: null,
  collegeId: null,
  joinedOn: null,
  directoryConsentOn: null,
  notes: null,
};

export interface SeedMember {
  data: Partial<MemberData>;
  leftOn?: string | null;
}

/** Inserts the members in order (ids 1, 2, … on a fresh database) and returns their ids. */
export async function seedMembers(db: Kysely<DB>, members: SeedMember[]): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const member of members) {
      const values = memberValues({ ...EMPTY_MEMBER, ...member.data });
      const row = await trx
        .insertInto('member')
        .values({
          ...values,
          joined_on: values.joined_on ?? '2026-01-10',
          left_on: member.leftOn ?? null,
          left_reason: member.leftOn ? 'Départ du territoire' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  });
}

export const SAMPLE_COLLEGES = [
  { name: 'Professionnels de santé libéraux', votingRight: 'deliberative', seats: 8 },
  { name: 'Structures d’exercice coordonné', votingRight: 'deliberative', seats: 3 },
  { name: 'Usagers', votingRight: 'consultative', seats: null },
] as const;

/** The three sample collèges (ids 1, 2, 3 on a fresh database). */
export async function seedColleges(db: Kysely<DB>, today = '2026-01-10') {
  for (const college of SAMPLE_COLLEGES)
    await saveCollege(db, { id: null, voteWeight: 1, description: null, ...college }, today);
}

const FIRST_NAMES = [
  'Camille',
  'Julien',
  'Claire',
  'Hugo',
  'Inès',
  'Louis',
  'Manon',
  'Paul',
  'Zoé',
  'Yanis',
  'Chloé',
  'Mathis',
  'Léa',
  'Nathan',
  'Sarah',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
];
const PROFESSION_CYCLE = ['60', '10', '70', '21', '40', '50', '91', '80', '93', '60', '10', '60'];

/**
 * `count` people spread over professions, communes and collège 1, every 50th one a former member; the three
 * « Éloïse » are the only ones whose name contains « eloise » in any spelling.
 */
export function generateMembers(count: number, communeCodes: string[] = COMMUNES): SeedMember[] {
  const members: SeedMember[] = [];
  const eloise = new Map([
    [17, 'Chabert'],
    [4242, 'Noël'],
    [count - 3, 'Vasseur'],
  ]);
  for (let i = 0; i < count; i++) {
    const firstName = eloise.has(i) ? 'Éloïse' : FIRST_NAMES[i % FIRST_NAMES.length]!;
    const lastName = eloise.get(i) ?? `${LAST_NAMES[i % LAST_NAMES.length]}-${Math.floor(i / LAST_NAMES.length)}`;
    const professionCode = PROFESSION_CYCLE[i % PROFESSION_CYCLE.length]!;
    members.push({
      data: {
        lastName,
        firstName,
        professionCode,
        specialty: professionCode === '10' && i % 2 === 0 ? 'Médecine générale' : null,
        practiceMode: i % 5 === 0 ? 'salarie' : 'liberal',
        communeCode: communeCodes[i % communeCodes.length] ?? null,
        email: `${firstName}.${lastName}@exemple.fr`
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
        collegeId: i % 10 === 0 ? null : 1,
        joinedOn: `20${20 + (i % 6)}-0${1 + (i % 9)}-15`,
      },
      leftOn: i % 50 === 49 ? '2025-06-30' : null,
    });
  }
  return members;
}
