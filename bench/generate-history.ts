/**
 * Generates five years of history of a taille-3 CPTS, for the yearly documents (rapport d'activité, dialogue de
 * gestion, renewal dossier), their benchmarks, tests and screenshots: the association and its territory (communes of a
 * real département, a few added after the contract was signed), about 400 members joining and leaving over the years,
 * about 150 meetings a year of every kind (an AG each year with its check-in, quorum, votes and approved PV; RCP with
 * pseudonymised cases), the ACI contract signed in the first year with its five contract years, 60 fiches actions and
 * 40 indicators (bench/generate-health-project.ts) with evidence partly provided, some as small files, 30 protocols
 * (bench/generate-protocols.ts), payments received, the staff and a logo. Deterministic (seeded).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Insertable, Kysely } from 'kysely';
import type { DB, MeetingParticipantTable, RcpCaseTable } from '../electron/db/schema';
import { loadCommuneReference } from '../electron/services/communes';
import { getAgState } from '../electron/services/ag';
import { approvePv } from '../electron/services/ag/approval';
import { recordVote } from '../electron/services/ag/votes';
import { memberSearchKey } from '@shared/domain/members';
import { generateCpts, seededRandom } from './generate';
import { generateHealthProject } from './generate-health-project';
import { generateProtocols } from './generate-protocols';

export interface HistoryOptions {
  /** Where the files of the documents (evidence, logo) are written: the app's documents folder. */
  documentsDir: string;
  seed?: number;
  /** Calendar years of history, oldest first; the contract is signed in the first one. */
  years?: number[];
  /** Multiplies the volumes (members, meetings, fiches, indicators, protocols); 1 = a taille-3 CPTS. */
  scale?: number;
  /** The département whose communes make the territory (INSEE code). */
  departement?: string;
}

export interface CptsHistory {
  contractId: number;
  /** Contract years, oldest first. */
  contractYears: { id: number; index: number; startOn: string; endOn: string }[];
  /** Calendar years generated, oldest first. */
  years: number[];
  /** The bench's « today »: mid-December of the last year. */
  today: string;
  members: number;
  activeMembers: number;
  meetings: number;
  assemblies: number[];
  fiches: number;
  indicators: number;
  protocols: number;
  evidenceFiles: number;
  staff: number;
  logoDocumentId: number;
  population: number;
}

const DEFAULT_YEARS = [2021, 2022, 2023, 2024, 2025];

/** Meetings of one year per kind, at scale 1 (150 in all, AG included). */
const MEETINGS_PER_YEAR: [string, number][] = [
  ['ca', 6],
  ['bureau', 12],
  ['commission', 30],
  ['copil', 4],
  ['information', 8],
  ['dialogue_gestion', 1],
  ['rcp', 80],
  ['autre', 8],
];

const COMMISSIONS = [
  'Commission accès aux soins',
  'Groupe de travail soins non programmés',
  'Commission parcours',
  'Groupe de travail personnes âgées',
  'Commission prévention',
  'Groupe de travail dépistage des cancers',
  'Commission qualité et pertinence',
  'Groupe de travail attractivité du territoire',
  'Groupe de travail santé mentale',
];
const PLACES = ['Maison de santé', 'Salle du conseil de la mairie', 'Locaux de la CPTS', 'Visioconférence'];
const RCP_THEMES = ['Sortie d’hospitalisation', 'Personnes âgées fragiles', 'Plaies chroniques', 'Santé mentale'];
const RCP_MOTIFS = [
  'chutes',
  'maintien_domicile',
  'polymedication',
  'plaie',
  'diabete',
  'insuffisance_cardiaque',
  'soins_palliatifs',
  'sante_mentale',
  'denutrition',
  'troubles_cognitifs',
  'sortie_hospitalisation',
];
const AGE_BANDS = ['18-39', '40-59', '60-74', '60-74', '75-84', '75-84', '85+'];
const CASE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** The agenda of each AG: the item, and what the resolution voted on it approves (none for « Questions diverses »). */
const AG_ITEMS: [string, string | null][] = [
  ['Rapport moral', 'le rapport moral'],
  ['Rapport d’activité', 'le rapport d’activité'],
  ['Comptes de l’exercice', 'les comptes de l’exercice'],
  ['Budget prévisionnel', 'le budget prévisionnel'],
  ['Montant des cotisations', 'le montant des cotisations'],
  ['Questions diverses', null],
];
/** The item the AG of the contract's last year adds: the renewal of the contract. */
const RENEWAL_ITEM = 'Renouvellement du contrat ACI';
export const RENEWAL_RESOLUTION = 'Autorisation de renouveler le contrat ACI';
const DECISIONS = [
  'Relancer les adhérents pour la cotisation de l’année',
  'Préparer le compte rendu pour le dialogue de gestion',
  'Mettre à jour l’annuaire des professionnels',
  'Organiser une soirée d’information sur les protocoles',
  'Transmettre le plan de crise actualisé à l’ARS',
  'Recruter des professionnels pour la régulation des soins non programmés',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export async function generateCptsHistory(db: Kysely<DB>, options: HistoryOptions): Promise<CptsHistory> {
  const seed = options.seed ?? 1;
  const years = options.years ?? DEFAULT_YEARS;
  const scale = options.scale ?? 1;
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const firstYear = years[0]!;
  const lastYear = years[years.length - 1]!;
  const today = `${lastYear}-12-15`;
  const signedOn = `${firstYear}-04-01`;
  const dayIn = (year: number, month: number) => `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 27))}`;
  mkdirSync(options.documentsDir, { recursive: true });

  // The territory: the intercommunality of the département closest to 95 000 inhabitants (a taille 3 is 80 000 to
  // 175 000), its smallest communes joining after the signature.
  const reference = loadCommuneReference();
  const departement = options.departement ?? '71';
  const communes = reference.communes.filter(
    (commune) => commune.departementCode === departement && commune.kind === 'commune',
  );
  const byEpci = new Map<string, typeof communes>();
  for (const commune of communes) {
    if (!commune.epciCode) continue;
    byEpci.set(commune.epciCode, [...(byEpci.get(commune.epciCode) ?? []), commune]);
  }
  const populationOf = (list: typeof communes) => list.reduce((sum, commune) => sum + commune.population, 0);
  const territory = [...byEpci.values()].sort(
    (a, b) => Math.abs(populationOf(a) - 95_000) - Math.abs(populationOf(b) - 95_000),
  )[0]!;
  territory.sort((a, b) => b.population - a.population);
  const lateCount = Math.min(5, Math.floor(territory.length / 4));
  const population = populationOf(territory);
  const main = territory[0]!;
  await db
    .insertInto('territory_commune')
    .values(
      territory.map((commune, index) => ({
        code_insee: commune.code,
        cog_year: index >= territory.length - lateCount ? firstYear + 2 : firstYear,
        added_at:
          index >= territory.length - lateCount
            ? `${firstYear + 2}-09-15T10:00:00.000Z`
            : `${firstYear}-01-10T10:00:00.000Z`,
      })),
    )
    .execute();
  await db
    .insertInto('cpts')
    .values({
      id: 1,
      name: `CPTS du territoire de ${main.nom}`,
      legal_form: 'Association loi 1901',
      rna: `W${departement}1000${pad(seed % 100)}`,
      siren: '812345678',
      address_line: '12 rue de la République',
      postal_code: main.codesPostaux[0] ?? null,
      city: main.nom,
      president_name: 'Dr Claire Morel',
      coordinator_name: 'Julie Fontaine',
      email: 'contact@cpts-exemple.fr',
      phone: '03 85 00 00 00',
      ars_region_code: main.regionCode,
      cpam: `CPAM du département ${departement}`,
      letter_of_intent_submitted_on: `${firstYear - 1}-03-02`,
      letter_of_intent_validated_on: `${firstYear - 1}-05-12`,
      health_project_submitted_on: `${firstYear - 1}-11-20`,
      health_project_validated_on: `${firstYear}-02-15`,
      aci_signed_on: signedOn,
      aci_anniversary_on: signedOn,
    })
    .execute();

  // Members: about 440 joined over the years, 8 % of them left again; they practise in the territory.
  const generated = await generateCpts(db, {
    members: scaled(440),
    years: years.length,
    lastYear,
    departement,
    seed,
  });
  const weighted = territory.flatMap((commune) =>
    Array<string>(Math.max(1, Math.round(Math.log10(commune.population + 10)))).fill(commune.code),
  );
  const memberRows = await db.selectFrom('member').selectAll().orderBy('id').execute();
  await db.transaction().execute(async (trx) => {
    for (const member of memberRows) {
      const code = pick(weighted);
      await trx
        .updateTable('member')
        .set({
          commune_code: code,
          search_key: memberSearchKey([
            member.last_name,
            member.first_name,
            member.structure_name,
            member.rpps,
            member.adeli,
            member.finess_et,
            reference.byCode.get(code)?.nom,
            member.email,
          ]),
        })
        .where('id', '=', member.id)
        .execute();
    }
  });
  const people = memberRows.filter((member) => member.kind === 'person');
  const activeIn = (year: number) =>
    people.filter(
      (member) => (member.joined_on ?? '') <= `${year}-12-31` && (!member.left_on || member.left_on >= `${year}-01-01`),
    );

  // Meetings: about 150 a year; those of the past are held (a few cancelled), RCP with their cases.
  let meetings = 0;
  let caseNumber = 0;
  const assemblies: number[] = [];
  for (const year of years) {
    const pool = activeIn(year);
    await db.transaction().execute(async (trx) => {
      const participants: Insertable<MeetingParticipantTable>[] = [];
      const cases: (Insertable<RcpCaseTable> & { participantIndex: number })[] = [];
      for (const [type, perYear] of MEETINGS_PER_YEAR) {
        const count = scaled(perYear);
        for (let n = 0; n < count; n += 1) {
          const month = 1 + Math.floor((n * 12) / count);
          const date = dayIn(year, month === 8 && type !== 'rcp' ? 9 : month);
          const status = date > today ? 'prevue' : random() < 0.04 ? 'annulee' : 'tenue';
          const thematic = type === 'rcp' && random() < 0.25;
          const title =
            type === 'ca'
              ? `Conseil d’administration n° ${n + 1}`
              : type === 'bureau'
                ? `Bureau du ${date.slice(8, 10)}/${date.slice(5, 7)}`
                : type === 'commission'
                  ? COMMISSIONS[n % COMMISSIONS.length]!
                  : type === 'copil'
                    ? `Comité de pilotage du projet de santé ${year}`
                    : type === 'information'
                      ? pick([
                          'Soirée d’information sur les protocoles',
                          'Formation aux gestes d’urgence',
                          'Présentation du dispositif SNP',
                        ])
                      : type === 'dialogue_gestion'
                        ? `Dialogue de gestion ${year}`
                        : type === 'rcp'
                          ? thematic
                            ? `RCP thématique : ${pick(RCP_THEMES)}`
                            : `RCP ${pick(['secteur nord', 'secteur sud', 'centre'])}`
                          : pick([
                              'Rencontre avec les élus',
                              'Réunion avec le DAC',
                              'Point avec l’hôpital de proximité',
                            ]);
          const meeting = await trx
            .insertInto('meeting')
            .values({
              type,
              title,
              date,
              start_time: type === 'rcp' ? '12:30' : '19:30',
              end_time: type === 'rcp' ? '14:00' : '21:30',
              place: pick(PLACES),
              status,
              summary:
                status === 'tenue' && type !== 'rcp' ? `Réunion tenue : ${title.toLocaleLowerCase('fr-FR')}.` : null,
              rcp_kind: type === 'rcp' ? (thematic ? 'thematique' : 'clinique') : null,
              theme: thematic ? title.slice('RCP thématique : '.length) : null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          meetings += 1;
          const size =
            type === 'rcp' ? 3 + Math.floor(random() * 4) : type === 'information' ? 25 : 5 + Math.floor(random() * 10);
          const chosen = new Set<number>();
          for (let tries = 0; chosen.size < Math.min(size, pool.length) && tries < size * 10; tries += 1)
            chosen.add(pick(pool).id);
          const first = participants.length;
          for (const memberId of chosen) {
            const member = pool.find((row) => row.id === memberId)!;
            const attendance =
              status !== 'tenue' ? null : random() < 0.85 ? 'present' : random() < 0.7 ? 'excuse' : 'absent';
            participants.push({
              meeting_id: meeting.id,
              member_id: memberId,
              profession_code: member.profession_code,
              attendance,
              minutes_spent: attendance === 'present' ? (type === 'rcp' ? 90 : 120) : null,
            });
          }
          if (type === 'ca' || type === 'bureau' || type === 'commission' || type === 'copil') {
            const items = await trx
              .insertInto('agenda_item')
              .values(
                [0, 1, 2].map((position) => ({
                  meeting_id: meeting.id,
                  position: position + 1,
                  title: ['Point sur les missions', 'Suivi des fiches actions', 'Questions diverses'][position]!,
                  minutes: status === 'tenue' ? 'Échanges entre les membres présents ; points d’étape validés.' : null,
                })),
              )
              .returning('id')
              .execute();
            if (status === 'tenue' && type !== 'commission')
              await trx
                .insertInto('decision')
                .values({
                  meeting_id: meeting.id,
                  agenda_item_id: items[0]!.id,
                  text: pick(DECISIONS),
                  owner_label: pick(['Coordinatrice', 'Président', 'Trésorière']),
                  due_on: date,
                  status: date < `${lastYear}-06-01` ? 'fait' : pick(['a_faire', 'en_cours', 'fait'] as const),
                  done_on: date < `${lastYear}-06-01` ? date : null,
                })
                .execute();
          }
          if (type === 'rcp' && status === 'tenue' && !thematic) {
            const caseCount = 2 + Math.floor(random() * 4);
            for (let c = 0; c < caseCount; c += 1) {
              caseNumber += 1;
              const band = pick(AGE_BANDS);
              const suffix = Array.from({ length: 5 }, (_, k) => CASE_ALPHABET[(caseNumber * 7 + k * 13 + seed) % 31]!);
              cases.push({
                meeting_id: meeting.id,
                code: `RCP${String(year).slice(2)}-${suffix.join('')}${caseNumber.toString(36).toUpperCase()}`,
                age_band: band,
                sex: random() < 0.55 ? 'F' : 'M',
                over_75: band === '75-84' || band === '85+' ? 1 : 0,
                ald: random() < 0.6 ? 1 : 0,
                motif_code: pick(RCP_MOTIFS),
                summary: 'Situation complexe discutée en équipe pluriprofessionnelle ; plan d’action partagé.',
                patient_informed: 1,
                follow_up_on: date,
                follow_up_status: random() < 0.8 ? 'fait' : 'a_faire',
                participantIndex: first,
              });
            }
          }
        }
      }
      for (let index = 0; index < participants.length; index += 500)
        await trx
          .insertInto('meeting_participant')
          .values(participants.slice(index, index + 500))
          .execute();
      const rows = cases.map(({ participantIndex: _, ...row }) => row);
      for (let index = 0; index < rows.length; index += 500)
        await trx
          .insertInto('rcp_case')
          .values(rows.slice(index, index + 500))
          .execute();
    });

    // The AG of the year, in June: its check-in, pouvoirs, votes through the app's own rules, and its approved PV.
    const agDate = `${year}-06-${pad(10 + Math.floor(random() * 15))}`;
    const ag = await db
      .insertInto('meeting')
      .values({
        type: 'ago',
        title: `Assemblée générale ordinaire ${year}`,
        date: agDate,
        start_time: '18:30',
        end_time: '21:00',
        place: 'Salle des fêtes',
        status: 'tenue',
        convocation_sent_on: `${year}-05-20`,
        convocation_mode: 'courriel',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetings += 1;
    assemblies.push(ag.id);
    const items: [string, string | null][] =
      year === lastYear ? [...AG_ITEMS.slice(0, -1), [RENEWAL_ITEM, null], AG_ITEMS.at(-1)!] : AG_ITEMS;
    for (const [index, [title, approves]] of items.entries()) {
      const item = await db
        .insertInto('agenda_item')
        .values({
          meeting_id: ag.id,
          position: index + 1,
          title,
          minutes: `Présentation de « ${title} » par le bureau, questions de la salle et réponses.`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const renewal = title === RENEWAL_ITEM;
      if (approves || renewal)
        await db
          .insertInto('resolution')
          .values({
            meeting_id: ag.id,
            agenda_item_id: item.id,
            position: index + 1,
            title: renewal ? RENEWAL_RESOLUTION : `Approbation : ${approves}`,
            text: renewal
              ? 'L’assemblée générale autorise le président à demander le renouvellement du contrat ACI et à signer le nouveau contrat.'
              : `L’assemblée générale, après en avoir débattu, approuve ${approves} ${year}.`,
            kind: 'ordinaire',
          })
          .execute();
    }
    let state = await getAgState(db, ag.id, today);
    const voters = state.voters;
    const present = voters.filter(() => random() < 0.3);
    const absent = voters.filter((voter) => !present.includes(voter));
    if (present.length > 0) {
      await db
        .insertInto('ag_presence')
        .values(
          present.map((voter) => ({
            meeting_id: ag.id,
            member_id: voter.id,
            present: 1,
            arrived_at: `${agDate}T16:${pad(20 + Math.floor(random() * 30))}:00.000Z`,
            left_at: null,
          })),
        )
        .execute();
      await db
        .insertInto('ag_presence_event')
        .values(
          present.map((voter) => ({
            meeting_id: ag.id,
            member_id: voter.id,
            kind: 'arrivee' as const,
            at: `${agDate}T16:20:00.000Z`,
          })),
        )
        .execute();
      const proxies = absent.slice(0, Math.min(absent.length, Math.floor(present.length / 3)));
      if (proxies.length > 0)
        await db
          .insertInto('ag_proxy')
          .values(
            proxies.map((mandant, index) => ({
              meeting_id: ag.id,
              mandant_member_id: mandant.id,
              mandataire_member_id: present[index % present.length]!.id,
              received_on: `${year}-06-01`,
            })),
          )
          .execute();
      await db
        .updateTable('meeting')
        .set({ president_member_id: present[0]!.id, secretaire_member_id: present[present.length - 1]!.id })
        .where('id', '=', ag.id)
        .execute();
      state = await getAgState(db, ag.id, today);
      const power = state.quorum.presentOrRepresented.heads;
      for (const resolution of state.resolutions) {
        const contre = Math.floor(power * 0.05 * random());
        const abstention = Math.floor(power * 0.05 * random());
        await recordVote(
          db,
          {
            meetingId: ag.id,
            resolutionId: resolution.id,
            pour: power - contre - abstention,
            contre,
            abstention,
            blanc: 0,
          },
          new Date(`${agDate}T17:30:00.000Z`),
          today,
        );
      }
      const approvedOn = `${year}-09-${pad(10 + Math.floor(random() * 15))}`;
      await approvePv(
        db,
        {
          meetingId: ag.id,
          approvedOn: approvedOn > today ? today : approvedOn,
          dirigeantsChanged: false,
          statutsChanged: false,
        },
        today,
      );
    }
  }

  // The projet de santé: the contract signed in the first year, its fiches, indicators, payments, crisis plan.
  const project = await generateHealthProject(db, {
    indicatorsPerMission: Math.max(1, Math.round((40 * scale) / 6)),
    fiches: scaled(60),
    measuredYears: Math.min(5, years.length - 1),
    signedOn,
    seed: seed + 6,
  });
  const contractYears = await db
    .selectFrom('aci_contract_year')
    .select(['id', 'year_index as index', 'start_on as startOn', 'end_on as endOn'])
    .where('contract_id', '=', project.contractId)
    .orderBy('year_index')
    .execute();
  await db
    .updateTable('aci_contract')
    .set({ number: `ACI-${departement}-${firstYear}-0${pad(seed % 100)}` })
    .where('id', '=', project.contractId)
    .execute();
  await db
    .updateTable('cpts')
    .set({ aci_contract_number: `ACI-${departement}-${firstYear}-0${pad(seed % 100)}` })
    .execute();
  for (const year of contractYears)
    await db
      .updateTable('aci_contract_year')
      .set({
        population: population + (year.index - 1) * 400,
        population_ref_year: Number(year.startOn.slice(0, 4)) - 1,
      })
      .where('id', '=', year.id)
      .execute();

  // Payments received: the balance of the fixed parts and the variable part of each year closed.
  const envelopes = await db
    .selectFrom('aci_envelope')
    .select(['contract_year_id', 'mission_code', 'fixed_cents', 'variable_max_cents'])
    .where(
      'contract_year_id',
      'in',
      contractYears.map((year) => year.id),
    )
    .execute();
  for (const year of contractYears) {
    const closedOn = year.endOn;
    if (closedOn >= today) continue;
    // Paid a few months after the anniversary, once the indicators are checked.
    const anniversary = `${closedOn.slice(0, 4)}-06-30`;
    for (const envelope of envelopes.filter((row) => row.contract_year_id === year.id)) {
      const rows = [];
      if (envelope.mission_code !== 'acces' && envelope.fixed_cents > 0)
        rows.push({ kind: 'avance_fixe' as const, cents: Math.round(envelope.fixed_cents * 0.75), on: year.startOn });
      rows.push({
        kind: 'solde_fixe' as const,
        cents: envelope.fixed_cents - Math.round(envelope.fixed_cents * 0.75),
        on: anniversary,
      });
      if (envelope.variable_max_cents > 0)
        rows.push({
          kind: 'variable' as const,
          cents: Math.round((envelope.variable_max_cents * (60 + Math.floor(random() * 35))) / 100),
          on: anniversary,
        });
      for (const row of rows)
        await db
          .insertInto('aci_payment')
          .values({
            contract_year_id: year.id,
            mission_code: envelope.mission_code,
            kind: row.kind,
            expected_on: row.on,
            expected_cents: row.cents,
            received_on: row.on <= today ? row.on : null,
            received_cents: row.on <= today ? row.cents : null,
            reference: `VIR-${row.on.replace(/-/g, '')}-${envelope.mission_code}`,
          })
          .execute();
    }
  }

  // Evidence: about two thirds of the requirements of each measured year are provided, some as a small PDF file,
  // others by a meeting of that year.
  const requirements = await db
    .selectFrom('evidence_requirement')
    .innerJoin('indicator', 'indicator.id', 'evidence_requirement.indicator_id')
    .select(['evidence_requirement.id', 'evidence_requirement.label', 'indicator.code'])
    .orderBy('evidence_requirement.id')
    .execute();
  const measured = await db.selectFrom('indicator_measure').select(['contract_year_id']).distinct().execute();
  const measuredYears = contractYears.filter((year) => measured.some((row) => row.contract_year_id === year.id));
  let evidenceFiles = 0;
  for (const year of measuredYears) {
    const yearMeetings = await db
      .selectFrom('meeting')
      .select('id')
      .where('date', '>=', year.startOn)
      .where('date', '<=', year.endOn)
      .where('type', 'in', ['commission', 'ca', 'information'])
      .where('status', '=', 'tenue')
      .execute();
    await db.transaction().execute(async (trx) => {
      for (const requirement of requirements) {
        const roll = random();
        if (roll > 0.7) continue;
        let documentId: number | null = null;
        let meetingId: number | null = null;
        if (roll < 0.2) {
          evidenceFiles += 1;
          const fileName = `${requirement.label} ${requirement.code} année ${year.index}.pdf`;
          const storedName = `historique-${seed}-${evidenceFiles}.pdf`;
          const bytes = tinyPdf(`${requirement.label} - ${requirement.code} - année ${year.index}`);
          writeFileSync(join(options.documentsDir, storedName), bytes);
          ({ id: documentId } = await trx
            .insertInto('document')
            .values({ title: requirement.label, file_name: fileName, stored_name: storedName, size: bytes.length })
            .returning('id')
            .executeTakeFirstOrThrow());
        } else if (roll < 0.45 && yearMeetings.length > 0) meetingId = pick(yearMeetings).id;
        await trx
          .insertInto('evidence')
          .values({
            requirement_id: requirement.id,
            contract_year_id: year.id,
            document_id: documentId,
            meeting_id: meetingId,
            provided_on: year.endOn,
            checked: random() < 0.6 ? 1 : 0,
            remark: documentId === null && meetingId === null ? 'Transmis par courriel à la CPAM.' : null,
          })
          .execute();
      }
    });
  }

  // Protocols: 30 with their versions, teams and three years of uses.
  const library = await generateProtocols(db, {
    protocols: scaled(30),
    versionsPerProtocol: 2,
    uses: scaled(3000),
    lastYear,
    lastDay: today,
    seed: seed + 2024,
  });

  // The staff: a coordinator, a project officer part-time, an accountant paid by the task.
  await db
    .insertInto('staff_member')
    .values([
      {
        full_name: 'Julie Fontaine',
        role: 'Coordinatrice',
        employment: 'salarie',
        fte: 1,
        started_on: `${firstYear}-09-01`,
      },
      {
        full_name: 'Mathieu Garnier',
        role: 'Chargé de mission prévention',
        employment: 'salarie',
        fte: 0.5,
        started_on: `${Math.min(lastYear, firstYear + 2)}-03-01`,
      },
      {
        full_name: 'Cabinet Lemaire Expertise',
        role: 'Expert-comptable',
        employment: 'prestataire',
        fte: null,
        started_on: `${firstYear}-05-01`,
        note: 'Tenue des comptes et bilan annuel.',
      },
    ])
    .execute();

  // The logo: a small PNG in the documents folder.
  const logo = logoPng(seed);
  const logoStored = `historique-${seed}-logo.png`;
  writeFileSync(join(options.documentsDir, logoStored), logo);
  const { id: logoDocumentId } = await db
    .insertInto('document')
    .values({ title: 'Logo de la CPTS', file_name: 'logo.png', stored_name: logoStored, size: logo.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('cpts').set({ logo_document_id: logoDocumentId }).execute();

  const active = await db
    .selectFrom('member')
    .select(db.fn.countAll<number>().as('n'))
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    contractId: project.contractId,
    contractYears,
    years,
    today,
    members: generated.members,
    activeMembers: Number(active.n),
    meetings,
    assemblies,
    fiches: project.fiches,
    indicators: project.indicators,
    protocols: library.protocolIds.length,
    evidenceFiles,
    staff: 3,
    logoDocumentId,
    population,
  };
}

/** A one-page PDF that says `text` (Helvetica, ASCII only): enough for a justificatif in a zip. */
export function tinyPdf(text: string): Buffer {
  const safe = text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 160 × 64 PNG logo: a teal band with three white circles (a network of professionals). */
export function logoPng(seed = 1): Buffer {
  const width = 160;
  const height = 64;
  const circles = [
    [32, 32],
    [80, 24 + (seed % 3) * 4],
    [128, 36],
  ];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const inCircle = circles.some(([cx, cy]) => (x - cx!) ** 2 + (y - cy!) ** 2 <= 14 ** 2);
      const onLine = Math.abs(y - 32) <= 1 && x >= 32 && x <= 128;
      const [r, g, b] = inCircle || onLine ? [255, 255, 255] : [0, 121, 107];
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
