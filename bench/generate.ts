/**
 * Generates a large, plausible CPTS for benchmarks and screenshots: members of every profession spread over
 * real communes, collèges, cotisation rates and years of cotisations. Deterministic (seeded).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../electron/db/schema';
import { loadCommuneReference } from '../electron/services/communes';
import { memberValues } from '../electron/services/members';
import { memberSchema } from '@shared/schemas/members';
import { luhnValid } from '@shared/domain/identifiers';

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefèvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefebvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
  'Dufour',
  'Meunier',
  'Brun',
  'Blanchard',
  'Giraud',
  'Joly',
  'Rivière',
  'Lucas',
  'Brunet',
  'Gaillard',
  'Barbier',
  'Arnaud',
  'Martinez',
  'Gérard',
  'Roche',
  'Renard',
  'Schmitt',
  'Roy',
  'Leroux',
  'Colin',
  'Vidal',
  'Caron',
  'Picard',
  'Roger',
  'Fabre',
  'Aubert',
  'Lemoine',
  'Renaud',
  'Dumas',
  'Lacroix',
  'Olivier',
  'Philippe',
  'Bourgeois',
  'Pierre',
  'Benoît',
  'Rey',
  'Leclerc',
  'Payet',
  'Rolland',
  'Leclercq',
  'Guillaume',
  'Lecomte',
];
const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Emma',
  'Inès',
  'Sarah',
  'Éloïse',
  'Julie',
  'Marie',
  'Anne',
  'Sophie',
  'Claire',
  'Hélène',
  'Nathalie',
  'Isabelle',
  'Céline',
  'Aurélie',
  'Lucie',
  'Zoé',
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Hugo',
  'Lucas',
  'Louis',
  'Paul',
  'Pierre',
  'Jérôme',
  'François',
  'Olivier',
  'Stéphane',
  'Mathieu',
  'Guillaume',
  'Benoît',
  'Cédric',
  'Yann',
  'Noé',
];
/** Professions weighted roughly as in a CPTS: many nurses, GPs, physios and pharmacists. */
const PROFESSION_WEIGHTS: [string, number][] = [
  ['60', 30],
  ['10', 20],
  ['70', 14],
  ['21', 9],
  ['50', 4],
  ['40', 5],
  ['91', 4],
  ['80', 3],
  ['93', 4],
  ['95', 2],
  ['71', 2],
  ['94', 1],
  ['96', 1],
  ['X-COORD', 0.3],
  ['X-USAGER', 0.5],
];
const STRUCTURE_TYPES = ['MSP', 'CDS', 'EHPAD', 'SSIAD', 'PHARMA', 'ETAB', 'DAC', 'ASSO'];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid 11-digit RPPS (Luhn) built from a number. */
export function fakeRpps(n: number): string {
  const body = `1${String(n).padStart(9, '0')}`;
  for (let key = 0; key <= 9; key += 1) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('impossible');
}

export interface GenerateOptions {
  members: number;
  /** Years of cotisations, ending with `lastYear`. */
  years: number;
  lastYear?: number;
  /** Communes members practise in (defaults to the Isère). */
  departement?: string;
  seed?: number;
}

export async function generateCpts(
  db: Kysely<DB>,
  options: GenerateOptions,
): Promise<{ members: number; cotisations: number }> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const totalWeight = PROFESSION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const profession = () => {
    let target = random() * totalWeight;
    for (const [code, weight] of PROFESSION_WEIGHTS) {
      target -= weight;
      if (target <= 0) return code;
    }
    return '60';
  };
  const reference = loadCommuneReference();
  const communes = reference.communes.filter(
    (commune) => commune.departementCode === (options.departement ?? '38') && commune.kind === 'commune',
  );
  // Members concentrate in the larger communes.
  const weighted = communes.flatMap(
    (commune) => Array(Math.max(1, Math.round(Math.log10(commune.population + 10)))).fill(commune.code) as string[],
  );
  const lastYear = options.lastYear ?? 2026;
  const firstYear = lastYear - options.years + 1;
  let cotisations = 0;

  await db.transaction().execute(async (trx) => {
    const collegeIds: number[] = [];
    for (const [name, votingRight] of [
      ['Professionnels de santé libéraux', 'deliberative'],
      ['Structures d’exercice coordonné', 'deliberative'],
      ['Établissements et services', 'deliberative'],
      ['Usagers et partenaires', 'consultative'],
    ] as const) {
      const row = await trx
        .insertInto('college')
        .values({ name, voting_right: votingRight, position: collegeIds.length + 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      collegeIds.push(row.id);
    }
    for (let year = firstYear; year <= lastYear; year += 1) {
      await trx
        .insertInto('cotisation_rate')
        .values([
          { year, member_type: 'professionnel', amount_cents: 3000 + (year - firstYear) * 100 },
          { year, member_type: 'structure', amount_cents: 10000 },
          { year, member_type: 'autre', amount_cents: 0 },
        ])
        .execute();
    }
    const batch: ReturnType<typeof memberValues>[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const inserted = await trx
        .insertInto('member')
        .values(batch.splice(0))
        .returning(['id', 'joined_on', 'left_on', 'kind'])
        .execute();
      const rows = [];
      for (const member of inserted) {
        const from = Math.max(firstYear, Number(member.joined_on!.slice(0, 4)));
        const to = member.left_on ? Number(member.left_on.slice(0, 4)) : lastYear;
        for (let year = from; year <= to; year += 1) {
          if (random() < 0.15) continue; // unpaid years
          rows.push({
            member_id: member.id,
            year,
            amount_cents: member.kind === 'structure' ? 10000 : 3000 + (year - firstYear) * 100,
            paid_on: year === lastYear && random() < 0.3 ? null : `${year}-0${1 + Math.floor(random() * 9)}-15`,
            mode: pick(['virement', 'cheque', 'helloasso']),
          });
        }
      }
      for (let index = 0; index < rows.length; index += 500) {
        await trx
          .insertInto('cotisation')
          .values(rows.slice(index, index + 500))
          .execute();
      }
      cotisations += rows.length;
    };
    for (let index = 0; index < options.members; index += 1) {
      const isStructure = random() < 0.04;
      const joinedYear = firstYear - 1 + Math.floor(random() * (options.years + 1));
      const joinedOn = `${joinedYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const leftOn = random() < 0.08 ? `${Math.min(lastYear, joinedYear + 1 + Math.floor(random() * 5))}-06-30` : null;
      const code = profession();
      const data = memberSchema.parse(
        isStructure
          ? {
              kind: 'structure',
              structureName: `${pick(STRUCTURE_TYPES)} ${pick(LAST_NAMES)} ${index}`,
              structureType: pick(STRUCTURE_TYPES),
              communeCode: pick(weighted),
              collegeId: collegeIds[1 + Math.floor(random() * 2)],
              joinedOn,
            }
          : {
              kind: 'person',
              civility: random() < 0.6 ? 'Mme' : 'M.',
              lastName: pick(LAST_NAMES),
              firstName: pick(FIRST_NAMES),
              professionCode: code,
              specialty: code === '10' ? (random() < 0.8 ? 'Médecine générale' : 'Cardiologie') : null,
              rpps: code.startsWith('X-') || code === '93' || code === '71' ? null : fakeRpps(index + 1),
              practiceMode: pick(['liberal', 'liberal', 'liberal', 'salarie', 'mixte']),
              communeCode: pick(weighted),
              email: `membre${index}@exemple.fr`,
              phone: `06${String(10000000 + index).slice(-8)}`,
              collegeId: code.startsWith('X-') ? collegeIds[3] : collegeIds[0],
              joinedOn,
              directoryConsentOn: random() < 0.7 ? joinedOn : null,
            },
      );
      batch.push({ ...memberValues(data, reference), left_on: leftOn && leftOn > joinedOn ? leftOn : null });
      if (batch.length >= 500) await flush();
    }
    await flush();
  });
  return { members: options.members, cotisations };
}
