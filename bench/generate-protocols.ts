/**
 * Generates a plausible library of protocols for benchmarks, screenshots and report tests: protocols of every family,
 * each with its versions (the older ones superseded, the last in force, their periods following each other), the
 * professions and steps of each version, a team (délégants and délégués with their RPPS for a cooperation protocol,
 * rédacteurs and utilisateurs otherwise) with a few later arrivals and departures, the ARS declarations, the
 * anonymous use log over three years, sessions and the yearly follow-ups sent. Deterministic (seeded).
 * Members are taken from the database: run `generateCpts` first.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../electron/db/schema';
import type { ProtocolUseTable } from '../electron/db/schema-protocols';
import {
  AGE_BAND_CODES,
  PATIENT_SEX_CODES,
  type ProtocolFamily,
  type ProtocolMemberRole,
} from '@shared/domain/protocol-labels';
import { seededRandom } from './generate';

export interface ProtocolsOptions {
  protocols?: number;
  versionsPerProtocol?: number;
  uses?: number;
  /** The last year of the use log; it covers this year (up to `lastDay`) and the two before it. */
  lastYear?: number;
  /** The last day a use may be logged (the bench's « today »). */
  lastDay?: string;
  seed?: number;
}

export interface ProtocolLibrary {
  protocolIds: number[];
  versions: number;
  teamMembers: number;
  declarations: number;
  uses: number;
  sessions: number;
  /** The calendar years of the use log, oldest first. */
  years: number[];
}

/** Families in proportion: mostly pluriprofessional protocols and parcours, a few cooperation protocols. */
const FAMILIES: ProtocolFamily[] = [
  'pluripro',
  'pluripro',
  'pluripro',
  'coop_nationale',
  'parcours',
  'coop_locale',
  'pluripro',
  'parcours',
  'autre',
  'coop_nationale',
];
const THEMES = [
  ['Cystite simple de la femme', 'Infectiologie'],
  ['Odynophagie', 'Infectiologie'],
  ['Prévention des chutes de la personne âgée', 'Gériatrie'],
  ['Sortie d’hospitalisation de l’insuffisant cardiaque', 'Cardiologie'],
  ['Plaie chronique et ulcère de jambe', 'Soins infirmiers'],
  ['Suivi du patient diabétique de type 2', 'Diabétologie'],
  ['Rhinite allergique saisonnière', 'Allergologie'],
  ['Dépistage de la fragilité', 'Gériatrie'],
  ['Antivitamines K : suivi de l’INR', 'Pharmacie'],
  ['Bronchiolite du nourrisson', 'Pédiatrie'],
] as const;
const STEP_ACTIONS = [
  'Repérer le patient éligible et vérifier les critères d’inclusion',
  'Recueillir le consentement et tracer l’inclusion dans le dossier',
  'Réaliser le test ou l’examen prévu par le protocole',
  'Délivrer le traitement et les conseils',
  'Informer le médecin traitant par messagerie sécurisée',
  'Réévaluer à 72 heures et réorienter si besoin',
];
const DELEGUE_PROFESSIONS = ['21', '60'];

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number) => isoDay(dayTime(iso) + days * DAY);
const addMonths = (iso: string, months: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};
const later = (a: string, b: string) => (a > b ? a : b);

interface Membership {
  memberId: number;
  role: ProtocolMemberRole;
  joinedOn: string;
  leftOn: string | null;
}
const activeOn = (membership: Membership, day: string) =>
  membership.joinedOn <= day && (membership.leftOn === null || membership.leftOn > day);

export async function generateProtocols(db: Kysely<DB>, options: ProtocolsOptions = {}): Promise<ProtocolLibrary> {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const count = options.protocols ?? 80;
  const versionsPer = options.versionsPerProtocol ?? 3;
  const lastYear = options.lastYear ?? 2026;
  const lastDay = options.lastDay ?? `${lastYear}-11-15`;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  const firstDay = `${years[0]}-01-01`;

  // Members still in the CPTS; cooperation roles need a valid RPPS (the generated members have one).
  const members = await db
    .selectFrom('member')
    .select(['id', 'profession_code', 'rpps', 'joined_on'])
    .where('kind', '=', 'person')
    .where('left_on', 'is', null)
    .where('erased_at', 'is', null)
    .where('profession_code', 'is not', null)
    .where('profession_code', 'not like', 'X-%')
    .orderBy('id')
    .execute();
  const doctors = members.filter((member) => member.profession_code === '10' && member.rpps);
  const delegues = members.filter((member) => DELEGUE_PROFESSIONS.includes(member.profession_code!) && member.rpps);
  if (!doctors.length || !delegues.length)
    throw new Error('Générez d’abord les adhérents (generateCpts) : il faut des médecins, pharmaciens et infirmiers.');
  const joinedOf = new Map(members.map((member) => [member.id, member.joined_on ?? '2020-01-01']));
  const distinct = <T extends { id: number }>(pool: T[], n: number): T[] => {
    const chosen = new Map<number, T>();
    for (let tries = 0; chosen.size < Math.min(n, pool.length) && tries < n * 20; tries += 1) {
      const member = pick(pool);
      chosen.set(member.id, member);
    }
    return [...chosen.values()];
  };

  const library: ProtocolLibrary = {
    protocolIds: [],
    versions: 0,
    teamMembers: 0,
    declarations: 0,
    uses: 0,
    sessions: 0,
    years,
  };
  const teams = new Map<number, { family: ProtocolFamily; members: Membership[]; weight: number }>();

  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < count; index += 1) {
      const family = FAMILIES[index % FAMILIES.length]!;
      const [theme, area] = THEMES[index % THEMES.length]!;
      const cooperation = family === 'coop_nationale' || family === 'coop_locale';
      const protocol = await trx
        .insertInto('protocol')
        .values({
          code: `PRO-${String(index + 1).padStart(3, '0')}`,
          title: index < THEMES.length ? theme : `${theme} (${Math.floor(index / THEMES.length) + 1})`,
          theme: area,
          family,
          mission_code: pick(['parcours', 'qualite', 'prevention', 'acces'] as const),
          arrete_reference: family === 'coop_nationale' ? 'Arrêté du 9 mars 2023' : null,
          arrete_on: family === 'coop_nationale' ? '2023-03-09' : null,
          review_every_months: pick([12, 24, 24, 36]),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      library.protocolIds.push(protocol.id);

      // Versions in force one after the other: the first before the use log begins, the last in force today.
      let inForce = addDays('2022-01-03', Math.floor(random() * 600));
      const firstInForce = inForce;
      for (let number = 1; number <= versionsPer; number += 1) {
        const last = number === versionsPer;
        const next = last ? null : addDays(inForce, 180 + Math.floor(random() * 240));
        const validatedOn = addDays(inForce, -14);
        const version = await trx
          .insertInto('protocol_version')
          .values({
            protocol_id: protocol.id,
            number,
            status: last ? 'en_vigueur' : 'remplace',
            situation: `Patients du territoire concernés par : ${theme.toLocaleLowerCase('fr-FR')}.`,
            need: 'Délais d’accès au médecin traitant et recours évitables aux urgences.',
            population: 'Adultes du territoire de la CPTS',
            inclusion_criteria: 'Patient de 16 à 65 ans, consentant, présentant les signes décrits.',
            exclusion_criteria: 'Grossesse, signes de gravité, récidive dans les trois mois.',
            objectives: 'Prendre en charge sans délai et orienter à bon escient.',
            critical_points: 'Repérage des signes de gravité ; information du médecin traitant.',
            traceability: 'Inclusion tracée dans le dossier partagé ; compte rendu au médecin traitant.',
            references_text: family === 'coop_nationale' ? 'Arrêté du 9 mars 2023 ; avis HAS' : 'Recommandation HAS',
            evaluation: 'Nombre de patients inclus, réorientations, événements indésirables.',
            derogatory_acts: cooperation ? 'Prescription et délivrance selon l’arbre décisionnel.' : null,
            changelog: number === 1 ? null : `Version ${number} : mise à jour des critères et des références.`,
            drafted_on: addDays(validatedOn, -60),
            validated_on: validatedOn,
            validated_by: 'Conseil d’administration',
            in_force_on: inForce,
            ended_on: next,
            next_review_on: last ? addMonths(validatedOn, 24) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        library.versions += 1;
        const professions = cooperation ? ['10', pick(DELEGUE_PROFESSIONS)] : ['10', '60', pick(['21', '50', '40'])];
        await trx
          .insertInto('protocol_profession')
          .values(
            [...new Set(professions)].map((code) => ({
              version_id: version.id,
              profession_code: code,
              role: code === '10' ? 'Médecin traitant ou délégant' : 'Repérage et prise en charge',
            })),
          )
          .execute();
        const steps = 3 + Math.floor(random() * 4);
        await trx
          .insertInto('protocol_step')
          .values(
            STEP_ACTIONS.slice(0, steps).map((action, rank) => ({
              version_id: version.id,
              rank: rank + 1,
              profession_code: rank === steps - 1 ? '10' : pick(professions),
              action,
              timing: rank === 0 ? 'À la première consultation' : `J${rank * 2}`,
              place: pick(['Officine', 'Cabinet', 'Domicile du patient']),
              tool: rank === 1 ? 'Fiche d’inclusion' : null,
            })),
          )
          .execute();
        if (next) inForce = next;
      }

      // The team: from the first version on; a few later arrivals and departures.
      const team: Membership[] = [];
      const join = (memberId: number, role: ProtocolMemberRole, from: string) =>
        team.push({ memberId, role, joinedOn: later(joinedOf.get(memberId)!, from), leftOn: null });
      if (cooperation) {
        // The team forms a month before the protocol applies, and is declared to the ARS in between.
        const formed = addDays(firstInForce, -30);
        // Members of the CPTS by then (a later joiner would join the team late).
        const by = <T extends { joined_on: string | null }>(pool: T[]) => {
          const early = pool.filter((member) => (member.joined_on ?? '2020-01-01') <= formed);
          return early.length ? early : pool;
        };
        for (const doctor of distinct(by(doctors), 1 + Math.floor(random() * 3))) join(doctor.id, 'delegant', formed);
        for (const delegue of distinct(by(delegues), 2 + Math.floor(random() * 6))) join(delegue.id, 'delegue', formed);
        const departing = team.find((membership) => membership.role === 'delegue' && random() < 0.3);
        if (departing && departing.joinedOn < `${lastYear - 1}-06-30`) departing.leftOn = `${lastYear - 1}-06-30`;
        if (random() < 0.3) {
          const arrival = pick(delegues);
          if (!team.some((membership) => membership.memberId === arrival.id && membership.role === 'delegue'))
            join(arrival.id, 'delegue', `${lastYear}-09-01`);
        }
      } else {
        for (const writer of distinct(members, 1 + Math.floor(random() * 2)))
          join(writer.id, 'redacteur', addDays(firstInForce, -90));
        for (const user of distinct(members, 3 + Math.floor(random() * 6))) join(user.id, 'utilisateur', firstInForce);
      }
      await trx
        .insertInto('protocol_member')
        .values(
          team.map((membership) => ({
            protocol_id: protocol.id,
            member_id: membership.memberId,
            role: membership.role,
            joined_on: membership.joinedOn,
            left_on: membership.leftOn,
            adhesion_signed_on:
              membership.role === 'delegant' || membership.role === 'delegue' ? membership.joinedOn : null,
          })),
        )
        .execute();
      library.teamMembers += team.length;
      teams.set(protocol.id, { family, members: team, weight: 0.2 + random() * 2 });

      // The initial declaration, with the team of that day (when it has a médecin délégant and a délégué).
      if (cooperation) {
        const declaredOn = addDays(firstInForce, -3);
        const declared = team.filter((membership) => activeOn(membership, declaredOn));
        if (declared.some((m) => m.role === 'delegant') && declared.some((m) => m.role === 'delegue')) {
          await trx
            .insertInto('protocol_declaration')
            .values({
              protocol_id: protocol.id,
              kind: 'initiale',
              declared_on: declaredOn,
              channel: 'Démarches simplifiées',
              reference: `DS-${100000 + index}`,
              referent_member_id: declared.find((m) => m.role === 'delegant')!.memberId,
              project_attested_on: addDays(declaredOn, -10),
              team_snapshot: JSON.stringify(declared.map(({ memberId, role }) => ({ memberId, role }))),
            })
            .execute();
          library.declarations += 1;
        }
        await trx
          .insertInto('protocol_yearly_report')
          .values({ protocol_id: protocol.id, year: lastYear - 1, sent_on: `${lastYear}-02-15` })
          .execute();
      }
      await trx
        .insertInto('protocol_session')
        .values({
          protocol_id: protocol.id,
          kind: pick(['presentation', 'formation', 'diffusion'] as const),
          held_on: addDays(firstInForce, 20),
          audience: 'Professionnels de la CPTS',
          attendees: 8 + Math.floor(random() * 40),
        })
        .execute();
      library.sessions += 1;
    }

    // The use log: each protocol used in proportion to its weight, by whoever applied it on that day.
    const entries = [...teams.entries()];
    const totalWeight = entries.reduce((sum, [, team]) => sum + team.weight, 0);
    const pickProtocol = () => {
      let target = random() * totalWeight;
      for (const entry of entries) {
        target -= entry[1].weight;
        if (target <= 0) return entry;
      }
      return entries[entries.length - 1]!;
    };
    const span = (dayTime(lastDay) - dayTime(firstDay)) / DAY;
    const wanted = options.uses ?? 5000;
    const rows: Insertable<ProtocolUseTable>[] = [];
    for (let tries = 0; rows.length < wanted && tries < wanted * 20; tries += 1) {
      const [protocolId, team] = pickProtocol();
      const usedOn = addDays(firstDay, Math.floor(random() * (span + 1)));
      const cooperation = team.family === 'coop_nationale' || team.family === 'coop_locale';
      const appliers = team.members.filter(
        (m) => m.role === (cooperation ? 'delegue' : 'utilisateur') && activeOn(m, usedOn),
      );
      if (!appliers.length) continue;
      const delegants = team.members.filter((m) => m.role === 'delegant' && activeOn(m, usedOn));
      const roll = random();
      const adverse = random() < 0.01;
      rows.push({
        protocol_id: protocolId,
        used_on: usedOn,
        professional_member_id: pick(appliers).memberId,
        delegant_member_id: cooperation && delegants.length && random() < 0.7 ? pick(delegants).memberId : null,
        age_band: pick(AGE_BAND_CODES),
        sex: pick(PATIENT_SEX_CODES),
        has_mt: random() < 0.85 ? 1 : 0,
        outcome: roll < 0.85 ? 'pris_en_charge' : roll < 0.95 ? 'reoriente_delegant' : 'oriente_urgences',
        adverse_event: adverse ? 1 : 0,
        adverse_event_text: adverse ? 'Réaction cutanée légère, résolutive sans traitement.' : null,
      });
    }
    for (let index = 0; index < rows.length; index += 500)
      await trx
        .insertInto('protocol_use')
        .values(rows.slice(index, index + 500))
        .execute();
    library.uses = rows.length;
  });
  return library;
}
