/**
 * What the renewal dossier prints, read from the database: for each contract year (up to five) the tableau de suivi
 * and the key figures, what each mission achieved over the contract, the territory then and now, the proposed
 * indicator annex, the deliberation and the coordinator's texts. A year not begun on the day of the export has no
 * figure (null, printed « — »); a year under way is counted up to that day.
 */
import { sql, type Kysely } from 'kysely';
import type { TrackingIndicator, TrackingTable } from '@shared/contract/indicators';
import { FICHE_STATUSES, CPTS_ROLES } from '@shared/domain/fiche-labels';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { RENEWAL_SECTIONS } from '@shared/domain/report-labels';
import type { ReportImage } from '@shared/reports/activity-report';
import type { ReportExport } from '@shared/reports/job';
import { indicatorText, measuredText, resultText, targetText } from '@shared/reports/indicators-tracking';
import type {
  RenewalDeliberation,
  RenewalDossierData,
  RenewalDossierSection,
  RenewalIndicator,
  RenewalMissionBilan,
  RenewalMissionIndicators,
  RenewalSeries,
  RenewalSeriesGroup,
  RenewalTerritory,
  RenewalYear,
} from '@shared/reports/renewal-dossier';
import type { DB } from '../../db/schema';
import { loadCommuneReference, type CommuneReference } from '../communes';
import { assertContract } from '../contract/guards';
import { countProtocolsInForce, countUses } from '../protocols/stats';
import { trackingTable } from '../indicators/results';
import { missionOf, MISSION_ORDER } from '../indicators/missions';
import { suggestedFileName } from '../reports';
import { getRenewalDraft } from './draft';

/** The contract years a dossier shows, at most five. */
export const RENEWAL_YEARS = 5;

/** Meeting types grouped as the series count them. */
const MEETING_GROUPS: { label: string; types: readonly string[] }[] = [
  { label: 'Assemblées générales', types: ['ago', 'age', 'constitutive'] },
  { label: 'Conseils d’administration', types: ['ca'] },
  { label: 'Bureaux', types: ['bureau'] },
  { label: 'Commissions et groupes de travail', types: ['commission'] },
  { label: 'RCP', types: ['rcp'] },
  {
    label: 'Autres réunions (COPIL, information, dialogue de gestion…)',
    types: ['copil', 'information', 'dialogue_gestion', 'autre'],
  },
];

export interface RenewalDataOptions {
  now: Date;
  today: string;
  /** The logo and other images, already read (the documents folder is the caller's). */
  images?: (documentId: number) => ReportImage | null;
  /** Checked between steps: an export cancelled stops gathering. */
  signal?: AbortSignal;
  communes?: CommuneReference;
}

const statusLabel = (code: string) => FICHE_STATUSES.find((status) => status.code === code)?.label ?? code;
const roleLabel = (code: string) => CPTS_ROLES.find((role) => role.code === code)?.label ?? code;

async function count(query: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | bigint }> }) {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function renewalDossierData(
  db: Kysely<DB>,
  contractId: number,
  options: RenewalDataOptions,
): Promise<RenewalDossierData> {
  const { today, now } = options;
  const check = () => options.signal?.throwIfAborted();
  const contract = await assertContract(db, contractId);
  const draft = await getRenewalDraft(db, contractId);
  const cpts = await db.selectFrom('cpts').select(['name', 'logo_document_id']).executeTakeFirst();
  const yearRows = (
    await db
      .selectFrom('aci_contract_year')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('year_index')
      .execute()
  ).slice(0, RENEWAL_YEARS);
  const years: RenewalYear[] = yearRows.map((row) => ({
    contractYearId: row.id,
    yearIndex: row.year_index,
    startOn: row.start_on,
    endOn: row.end_on,
    future: row.start_on > today,
    ongoing: row.start_on <= today && row.end_on > today,
  }));

  // The tableau de suivi of each year begun (a future year's targets are known but nothing is measured yet).
  const tables: (TrackingTable | null)[] = [];
  for (const year of years) {
    check();
    tables.push(year.future ? null : await trackingTable(db, year.contractYearId));
  }

  const included = new Set(draft.sections.filter((section) => section.included).map((section) => section.key));
  const body = (key: string) => draft.sections.find((section) => section.key === key)?.body ?? null;
  const wanted = (key: string) => included.has(key as (typeof RENEWAL_SECTIONS)[number]['key']);

  check();
  const groups = await keyFigureGroups(db, years, tables, today);
  const indicatorMissions = indicatorsByMission(tables, contract.aci_version);
  check();
  const missions =
    wanted('missions') || wanted('bilan')
      ? await missionBilans(db, contractId, contract.aci_version, indicatorMissions)
      : [];
  const earnedCents = sumOf(tables.map((table) => table?.result.earnedCents ?? null));
  const maxCents = sumOf(tables.map((table) => table?.result.variableMaxCents ?? null));
  const received = groups.flatMap((group) => group.series).find((series) => series.label === RECEIVED_LABEL);
  const series = (label: string) => groups.flatMap((group) => group.series).find((entry) => entry.label === label)!;

  const sections: RenewalDossierSection[] = [];
  for (const { key, label } of RENEWAL_SECTIONS) {
    if (!included.has(key)) continue;
    const title = label;
    switch (key) {
      case 'bilan':
        sections.push({
          key,
          title,
          body: body(key),
          totals: { earnedCents, maxCents, receivedCents: sumOf(received?.values ?? []) },
          highlights: [series(MEMBERS_LABEL), series(MEETINGS_LABEL), series(EARNED_LABEL)],
        });
        break;
      case 'territoire':
        check();
        sections.push({
          key,
          title,
          body: body(key),
          territory: await territoryThenAndNow(db, contract.signed_on, yearRows, options.communes),
        });
        break;
      case 'chiffres':
        sections.push({ key, title, body: body(key), groups });
        break;
      case 'missions':
        sections.push({ key, title, body: body(key), missions });
        break;
      case 'indicateurs':
        sections.push({ key, title, body: body(key), missions: indicatorMissions });
        break;
      case 'annexe_proposee':
        sections.push({ key, title, body: body(key), proposals: draft.proposals });
        break;
      case 'deliberation':
        sections.push({ key, title, body: body(key), deliberation: await deliberationOf(db, draft) });
        break;
    }
  }

  const logoId = cpts?.logo_document_id ?? null;
  return {
    generatedAt: now.toISOString(),
    cptsName: cpts?.name ?? 'CPTS',
    logo: logoId !== null && options.images ? options.images(logoId) : null,
    contract: {
      id: contract.id,
      number: contract.number,
      signedOn: contract.signed_on,
      endOn: yearRows.at(-1)?.end_on ?? null,
    },
    years,
    introduction: draft.introduction,
    sections,
  };
}

function sumOf(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

export const MEMBERS_LABEL = 'Adhérents à la fin de l’année';
export const MEETINGS_LABEL = 'Réunions tenues';
export const RCP_CASES_LABEL = 'Cas présentés en RCP';
export const EARNED_LABEL = 'Part variable obtenue';
export const VARIABLE_MAX_LABEL = 'Part variable maximale';
export const RECEIVED_LABEL = 'Versements reçus';

/** Key figures per contract year: members, meetings by type, RCP, protocols, fiches, money. */
async function keyFigureGroups(
  db: Kysely<DB>,
  years: readonly RenewalYear[],
  tables: readonly (TrackingTable | null)[],
  today: string,
): Promise<RenewalSeriesGroup[]> {
  const perYear = async (fn: (from: string, to: string) => Promise<number>) => {
    const values: (number | null)[] = [];
    for (const year of years)
      values.push(year.future ? null : await fn(year.startOn, year.endOn < today ? year.endOn : today));
    return values;
  };
  const meetingsHeld = (types: readonly string[] | null) =>
    perYear((from, to) => {
      let query = db
        .selectFrom('meeting')
        .select(sql<number>`count(*)`.as('n'))
        .where('status', '!=', 'annulee')
        .where('date', '>=', from)
        .where('date', '<=', to);
      if (types) query = query.where('type', 'in', types);
      return count(query);
    });

  const members: RenewalSeries = {
    label: MEMBERS_LABEL,
    unit: 'count',
    values: await perYear((_from, to) =>
      count(
        db
          .selectFrom('member')
          .select(sql<number>`count(*)`.as('n'))
          .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', to)]))
          .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', to)])),
      ),
    ),
  };
  const joined: RenewalSeries = {
    label: 'Adhésions de l’année',
    unit: 'count',
    values: await perYear((from, to) =>
      count(
        db
          .selectFrom('member')
          .select(sql<number>`count(*)`.as('n'))
          .where('joined_on', '>=', from)
          .where('joined_on', '<=', to),
      ),
    ),
  };
  const left: RenewalSeries = {
    label: 'Départs de l’année',
    unit: 'count',
    values: await perYear((from, to) =>
      count(
        db
          .selectFrom('member')
          .select(sql<number>`count(*)`.as('n'))
          .where('left_on', '>=', from)
          .where('left_on', '<=', to),
      ),
    ),
  };
  const meetings: RenewalSeries = { label: MEETINGS_LABEL, unit: 'count', values: await meetingsHeld(null) };
  const byType: RenewalSeries[] = [];
  for (const group of MEETING_GROUPS)
    byType.push({ label: `dont ${group.label}`, unit: 'count', values: await meetingsHeld(group.types) });
  const rcpCases: RenewalSeries = {
    label: RCP_CASES_LABEL,
    unit: 'count',
    values: await perYear((from, to) =>
      count(
        db
          .selectFrom('rcp_case as c')
          .innerJoin('meeting as m', 'm.id', 'c.meeting_id')
          .select(sql<number>`count(*)`.as('n'))
          .where('m.status', '!=', 'annulee')
          .where('m.date', '>=', from)
          .where('m.date', '<=', to),
      ),
    ),
  };
  const protocols: RenewalSeries = {
    label: 'Protocoles en vigueur à la fin de l’année',
    unit: 'count',
    values: await perYear((_from, to) => countProtocolsInForce(db, to)),
  };
  const uses: RenewalSeries = {
    label: 'Utilisations de protocoles',
    unit: 'count',
    values: await perYear((from, to) => countUses(db, from, to)),
  };
  const milestones: RenewalSeries = {
    label: 'Étapes de fiches actions réalisées',
    unit: 'count',
    values: await perYear((from, to) =>
      count(
        db
          .selectFrom('fiche_action_milestone')
          .select(sql<number>`count(*)`.as('n'))
          .where('done_on', '>=', from)
          .where('done_on', '<=', to),
      ),
    ),
  };
  const fichesStarted: RenewalSeries = {
    label: 'Fiches actions engagées (début au plus tard cette année)',
    unit: 'count',
    values: await perYear((_from, to) =>
      count(
        db
          .selectFrom('fiche_action')
          .select(sql<number>`count(*)`.as('n'))
          .where('starts_on', '<=', to)
          .where('status', '!=', 'abandonnee'),
      ),
    ),
  };
  const received: RenewalSeries = { label: RECEIVED_LABEL, unit: 'euros_cents', values: [] };
  for (const year of years) {
    const row = await db
      .selectFrom('aci_payment')
      .select(sql<number | null>`sum(received_cents)`.as('cents'))
      .where('contract_year_id', '=', year.contractYearId)
      .where('received_on', 'is not', null)
      .where('received_on', '<=', today)
      .executeTakeFirst();
    received.values.push(year.future ? null : Number(row?.cents ?? 0));
  }
  const earned: RenewalSeries = {
    label: EARNED_LABEL,
    unit: 'euros_cents',
    values: tables.map((table) => table?.result.earnedCents ?? null),
  };
  const variableMax: RenewalSeries = {
    label: VARIABLE_MAX_LABEL,
    unit: 'euros_cents',
    values: tables.map((table) => table?.result.variableMaxCents ?? null),
  };
  return [
    { title: 'Adhérents', series: [members, joined, left] },
    { title: 'Réunions et concertations', series: [meetings, ...byType, rcpCases] },
    { title: 'Protocoles et fiches actions', series: [protocols, uses, fichesStarted, milestones] },
    { title: 'Contrat et versements', series: [variableMax, earned, received] },
  ];
}

/** Every indicator of the contract with a target in at least one year, by mission, with each year's line. */
function indicatorsByMission(
  tables: readonly (TrackingTable | null)[],
  aciVersion: string,
): RenewalMissionIndicators[] {
  const byId = new Map<number, { missionCode: string; line: TrackingIndicator; years: (TrackingIndicator | null)[] }>();
  tables.forEach((table, index) => {
    for (const mission of table?.missions ?? [])
      for (const line of mission.indicators) {
        const entry = byId.get(line.indicator.id) ?? {
          missionCode: mission.missionCode,
          line,
          years: tables.map(() => null),
        };
        entry.years[index] = line;
        entry.line = line;
        byId.set(line.indicator.id, entry);
      }
  });
  return MISSION_ORDER.flatMap((code) => {
    const entries = [...byId.values()]
      .filter((entry) => entry.missionCode === code && entry.years.some((line) => line?.target))
      .sort(
        (a, b) => a.line.indicator.position - b.line.indicator.position || a.line.indicator.id - b.line.indicator.id,
      );
    if (entries.length === 0) return [];
    const indicators: RenewalIndicator[] = entries.map(({ line, years }) => {
      const cells = years.map((year) => {
        const targeted = year?.target ? year : null;
        return {
          target: targeted ? targetText(targeted) : null,
          measured: targeted?.measure ? measuredText(targeted) : null,
          result: targeted ? resultText(targeted) : null,
          targetValue: targeted?.target?.targetValue ?? null,
          measuredValue: targeted?.measure?.value ?? null,
          earnedCents: targeted?.result?.earnedCents ?? null,
          maxCents: targeted?.result?.maxCents ?? null,
        };
      });
      const results = years.flatMap((year) => (year?.target && year.result ? [year.result] : []));
      return {
        id: line.indicator.id,
        label: indicatorText({ ...line, target: null }),
        valueType: line.indicator.valueType,
        direction: line.indicator.direction,
        baseline: line.indicator.baselineValue,
        years: cells,
        earnedCents: sumOf(results.map((result) => result.earnedCents)),
        maxCents: sumOf(results.map((result) => result.maxCents)),
        yearsReached: results.filter((result) => result.status === 'atteint').length,
        yearsTargeted: results.length,
      };
    });
    return [{ missionCode: code, title: missionOf(aciVersion, code).label, indicators }];
  });
}

/** Per mission: its fiches done or deployed with their last milestone, its indicators reached, € earned vs max. */
async function missionBilans(
  db: Kysely<DB>,
  contractId: number,
  aciVersion: string,
  indicatorMissions: readonly RenewalMissionIndicators[],
): Promise<RenewalMissionBilan[]> {
  const fiches = await db
    .selectFrom('fiche_action as f')
    .select(['f.id', 'f.code', 'f.title', 'f.mission_code', 'f.status', 'f.cpts_role'])
    .select(
      sql<
        string | null
      >`(select json_object('label', s.label, 'doneOn', s.done_on) from fiche_action_milestone s where s.fiche_id = f.id and s.done_on is not null order by s.done_on desc, s.id desc limit 1)`.as(
        'last_done',
      ),
    )
    .orderBy('f.code')
    .orderBy('f.title')
    .execute();
  const contractMissions = await db
    .selectFrom('aci_contract_mission')
    .select(['mission_code', 'started_on', 'deployed_on'])
    .where('contract_id', '=', contractId)
    .execute();
  const codes = MISSION_ORDER.filter(
    (code) =>
      contractMissions.some((mission) => mission.mission_code === code) ||
      fiches.some((fiche) => fiche.mission_code === code) ||
      indicatorMissions.some((mission) => mission.missionCode === code),
  );
  return codes.map((code) => {
    const own = fiches.filter((fiche) => fiche.mission_code === code);
    const contractMission = contractMissions.find((mission) => mission.mission_code === code);
    const indicators = indicatorMissions.find((mission) => mission.missionCode === code)?.indicators ?? [];
    const byStatus = FICHE_STATUSES.map((status) => ({
      statusLabel: status.label,
      count: own.filter((fiche) => fiche.status === status.code).length,
    })).filter((entry) => entry.count > 0);
    return {
      missionCode: code,
      title: missionOf(aciVersion, code).label,
      startedOn: contractMission?.started_on ?? null,
      deployedOn: contractMission?.deployed_on ?? null,
      fichesDone: own
        .filter((fiche) => fiche.status === 'realisee' || fiche.status === 'deployee')
        .map((fiche) => ({
          code: fiche.code,
          title: fiche.title,
          statusLabel: statusLabel(fiche.status),
          cptsRoleLabel: roleLabel(fiche.cpts_role),
          lastDone: fiche.last_done ? (JSON.parse(fiche.last_done) as { label: string; doneOn: string }) : null,
        })),
      fichesByStatus: byStatus,
      indicatorsTotal: indicators.length,
      indicatorsReached: indicators.filter((indicator) => lastMeasuredReached(indicator)).length,
      earnedCents: sumOf(indicators.map((indicator) => indicator.earnedCents)),
      maxCents: sumOf(indicators.map((indicator) => indicator.maxCents)),
    };
  });
}

/** Whether the indicator met its target in full in the last year it was measured. */
function lastMeasuredReached(indicator: RenewalIndicator): boolean {
  const last = [...indicator.years].reverse().find((year) => year.measured !== null && year.target !== null);
  return last !== undefined && last.maxCents !== null && last.earnedCents === last.maxCents && last.maxCents > 0;
}

async function territoryThenAndNow(
  db: Kysely<DB>,
  signedOn: string,
  yearRows: readonly { taille: number | null; population: number | null; population_ref_year: number | null }[],
  reference: CommuneReference = loadCommuneReference(),
): Promise<RenewalTerritory> {
  const rows = await db.selectFrom('territory_commune').select(['code_insee', 'added_at']).execute();
  const named = (code: string) => reference.byCode.get(code)?.nom ?? `Commune ${code}`;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  // added_at is a timestamp: the signature day counts whole.
  const then = rows.filter((row) => row.added_at.slice(0, 10) <= signedOn);
  const now = rows.map((row) => ({
    code: row.code_insee,
    name: named(row.code_insee),
    population: reference.byCode.get(row.code_insee)?.population ?? null,
  }));
  return {
    signedOn,
    communesThen: then.map((row) => ({ code: row.code_insee, name: named(row.code_insee) })).sort(byName),
    communesNow: now.sort(byName),
    added: rows
      .filter((row) => row.added_at.slice(0, 10) > signedOn)
      .map((row) => ({ code: row.code_insee, name: named(row.code_insee) }))
      .sort(byName),
    populationNow: sumOf(now.map((commune) => commune.population)),
    populationYear: rows.length > 0 ? reference.year : null,
    byYear: yearRows.map((row) => ({
      taille: row.taille,
      population: row.population,
      populationYear: row.population_ref_year,
    })),
  };
}

async function deliberationOf(
  db: Kysely<DB>,
  draft: { approvalMeetingId: number | null; approvalResolutionId: number | null; approvalDecisionId: number | null },
): Promise<RenewalDeliberation | null> {
  if (draft.approvalMeetingId === null) return null;
  const meeting = await db
    .selectFrom('meeting')
    .select(['type', 'date', 'title'])
    .where('id', '=', draft.approvalMeetingId)
    .executeTakeFirst();
  if (!meeting) return null;
  const base = { meetingTypeLabel: meetingTypeLabel(meeting.type), date: meeting.date, meetingTitle: meeting.title };
  if (draft.approvalResolutionId !== null) {
    const resolution = await db
      .selectFrom('resolution')
      .selectAll()
      .where('id', '=', draft.approvalResolutionId)
      .executeTakeFirst();
    if (resolution) {
      const voted = resolution.votes_pour !== null;
      return {
        ...base,
        kind: 'resolution',
        title: resolution.title,
        text: resolution.text,
        vote: voted
          ? {
              pour: resolution.votes_pour ?? 0,
              contre: resolution.votes_contre ?? 0,
              abstention: resolution.votes_abstention ?? 0,
              adopted: resolution.adopted === null ? null : resolution.adopted === 1,
            }
          : null,
      };
    }
  }
  if (draft.approvalDecisionId !== null) {
    const decision = await db
      .selectFrom('decision')
      .select('text')
      .where('id', '=', draft.approvalDecisionId)
      .executeTakeFirst();
    if (decision) return { ...base, kind: 'decision', title: null, text: decision.text, vote: null };
  }
  return { ...base, kind: null, title: null, text: null, vote: null };
}

/** The dossier ready to render, with the file name offered when saving it. */
export async function renewalDossierExport(
  db: Kysely<DB>,
  contractId: number,
  options: RenewalDataOptions,
): Promise<ReportExport> {
  const data = await renewalDossierData(db, contractId, options);
  const title = `Dossier de renouvellement${data.contract.number ? ` ${data.contract.number}` : ''}`;
  return { fileName: suggestedFileName(title, data.cptsName, options.today), job: { kind: 'renewalDossier', data } };
}
