/**
 * The data of the « Rapport d’activité » of a calendar year: every figure read from the database through the
 * services that already build the app’s other reports (composition, RCP summary, protocol register, tableau de
 * suivi, fiches, partnerships, contract, PV, members list), and every text of the coordinator’s draft. Sections the
 * draft leaves out are absent. What the data cannot say stays empty: no figure is made up.
 *
 * Choices, made once here:
 * - the contract year of the mission sections: see `reportContractYear` (draft, else the one that ended during the
 *   year, else the one in progress on 31 December);
 * - figures « at 31 December » are taken today for the current year;
 * - a meeting is held unless cancelled (as the RCP summary counts its sessions) and once its date has come;
 * - the fiches of the report are those whose dates overlap the year (undated fiches included) or that have a
 *   budget for the year; their status is the current one (statuses have no history);
 * - the key figures compare with the previous calendar year, and the contract figures with the previous contract
 *   year; a figure that cannot be compared has `previous: null`.
 */
import type { Kysely } from 'kysely';
import type { FicheListRow, TrackingTable } from '@shared/contract';
import type { ActivityDraft } from '@shared/contract/report-drafts';
import type { EvidenceChecklistRow } from '@shared/contract';
import { ACTIVITY_SECTIONS, type ActivitySectionKey } from '@shared/domain/report-labels';
import type {
  ActivityReportData,
  ActivityReportSection,
  IdentityData,
  KeyFigure,
  MissionSection,
  PartnershipLine,
  ReportImage,
  SectionTexts,
  TerritoryData,
} from '@shared/reports/activity-report';
import type { CompositionData } from '@shared/reports/members';
import type { DB } from '../../db/schema';
import { pvData } from '../ag/reports';
import { getCptsProfile } from '../cpts';
import { UserError } from '../errors';
import { getCrisisPlan, listPartnerships } from '../fiches';
import { evidenceChecklist, trackingTable } from '../indicators';
import { assertYearStarted, rcpYearData } from '../meeting-reports';
import { listMeetings } from '../meetings';
import { countProtocolsInForce, countUses } from '../protocols/stats';
import { compositionData, membersListData } from '../reports';
import { getTerritory } from '../territory';
import {
  attendanceByType,
  governanceMeetings,
  isHeld,
  meetingsPerMonth,
  membersOverYears,
  staffOfYear,
  workingGroups,
} from './associative-life';
import {
  allContractYears,
  budgetByMission,
  contractYearLabel,
  type DatedContractYear,
  type FicheBudget,
  neighbourYear,
  nextYearTargets,
  overlappingYears,
  paymentsReceived,
  periodOf,
  reportContractYear,
} from './contract-years';
import { protocolsData } from './protocols';
import { evidenceLine, fichesOfYear, type MilestonesAsOf, missionFiche } from './fiches';

export { contractYearLabel, reportContractYear } from './contract-years';

/** The draft as `reportDrafts.getActivity` returns it: only what the report prints is read. */
export type ActivityReportDraft = Pick<
  ActivityDraft,
  | 'introduction'
  | 'contractYearId'
  | 'approvalMeetingId'
  | 'includeMembersList'
  | 'membersListAudience'
  | 'includeAttendance'
  | 'includeTrackingAnnex'
  | 'sections'
  | 'highlights'
  | 'photos'
>;

/** The image of a stored document (PNG or JPEG), or null when it cannot be read: the report then goes without it. */
export type ReportImages = (documentId: number) => ReportImage | null;

export interface ActivityReportRequest {
  year: number;
  draft: ActivityReportDraft;
  /** Images are loaded by the caller, which knows the documents folder; `() => null` leaves them out. */
  images: ReportImages;
}

type Db = Kysely<DB>;

const NO_TEXTS: SectionTexts = { body: null, difficulties: null, nextSteps: null, photos: [] };

/** The composition on 31 December, or an empty one when nobody was a member then (the report still builds). */
async function compositionOrEmpty(db: Db, year: number, now: Date, today: string): Promise<CompositionData> {
  try {
    return await compositionData(db, year, now, today);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const asOf = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
    const zero = (label: string) => ({ label, count: 0, previous: 0 });
    return {
      generatedAt: now.toISOString(),
      cptsName: (await getCptsProfile(db, today)).identity.name || 'CPTS',
      year,
      asOf,
      previousAsOf: `${year - 1}-12-31`,
      totals: {
        active: zero('Adhérents actifs'),
        persons: zero('Personnes'),
        structures: zero('Structures'),
        joined: 0,
        left: 0,
      },
      byProfession: [],
      byStructureType: [],
      byPracticeMode: [],
      byCollege: [],
      professionByCommune: { communes: [], rows: [], totals: [] },
      territory: { communes: 0, covered: 0 },
    };
  }
}

/** A builder that refuses with a UserError (nothing to print) gives null; any other error stands. */
async function orNull<T>(build: () => Promise<T>): Promise<T | null> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** Required justificatifs of a contract year: expected, and provided (at least one piece). */
function evidenceCounts(rows: readonly EvidenceChecklistRow[] | null) {
  if (!rows) return null;
  const required = rows.filter((row) => row.required);
  return { expected: required.length, provided: required.filter((row) => row.evidence.length > 0).length };
}

export async function activityReportData(
  db: Db,
  { year, draft, images }: ActivityReportRequest,
  { now, today }: { now: Date; today: string },
): Promise<ActivityReportData> {
  assertYearStarted(year, today);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const asOf = end < today ? end : today;
  const previousEnd = `${year - 1}-12-31`;

  const [profile, territory, contractYears, meetingsTwoYears, composition, overYears, staff] = await Promise.all([
    getCptsProfile(db, today),
    getTerritory(db),
    allContractYears(db, today),
    // Meetings up to 31 December, or up to today for the current year: a meeting to come is not held.
    listMeetings(db, `${year - 1}-01-01`, asOf, today),
    compositionOrEmpty(db, year, now, today),
    membersOverYears(db, year, year === Number(today.slice(0, 4)) ? today : end, today),
    staffOfYear(db, year),
  ]);
  const meetings = meetingsTwoYears.filter((meeting) => meeting.date >= start);
  const previousMeetings = meetingsTwoYears.filter((meeting) => meeting.date < start);

  // The contract year of the mission sections, the one before (to compare) and the one after (perspectives).
  const chosen = reportContractYear(contractYears, year, draft.contractYearId);
  const previousYear = chosen ? neighbourYear(contractYears, chosen, -1) : null;
  const nextYear = chosen ? neighbourYear(contractYears, chosen, 1) : null;
  const trackingOf = (entry: DatedContractYear | null) =>
    entry ? trackingTable(db, entry.year.id) : Promise.resolve(null);
  const checklistOf = (entry: DatedContractYear | null) =>
    entry ? evidenceChecklist(db, entry.year.id) : Promise.resolve(null);
  const [tracking, previousTracking, nextTracking, checklist, previousChecklist] = await Promise.all([
    trackingOf(chosen),
    trackingOf(previousYear),
    trackingOf(nextYear),
    checklistOf(chosen),
    checklistOf(previousYear),
  ]);

  const included = new Map(draft.sections.map((section) => [section.key, section]));
  const isIncluded = (key: ActivitySectionKey) => included.get(key)?.included ?? true;
  const textsOf = (key: ActivitySectionKey): SectionTexts => {
    const section = included.get(key);
    if (!section) return NO_TEXTS;
    return {
      body: section.body,
      difficulties: section.difficulties,
      nextSteps: section.nextSteps,
      photos: draft.photos
        .filter((photo) => photo.sectionKey === key)
        .flatMap((photo) => {
          const image = images(photo.documentId);
          return image ? [{ caption: photo.caption, image }] : [];
        }),
    };
  };

  const needs = (key: ActivitySectionKey) => isIncluded(key);
  const missionKeys = ACTIVITY_SECTIONS.filter((section) => 'missionCode' in section).map((section) => section.key);
  const needFiches =
    isIncluded('synthese') ||
    isIncluded('partenariats') ||
    isIncluded('finances') ||
    missionKeys.some((key) => isIncluded(key));

  const [fichesYear, rcp, protocols, partnerships, crisisPlan, governance, groups, inForce, uses] = await Promise.all([
    needFiches
      ? fichesOfYear(db, year, asOf)
      : Promise.resolve({ fiches: [], budgetOf: new Map(), milestones: new Map() as MilestonesAsOf }),
    needs('rcp') ? rcpYearData(db, year, now, today) : Promise.resolve(null),
    needs('protocoles') ? protocolsData(db, year, asOf, now, today) : Promise.resolve(null),
    needs('partenariats') ? listPartnerships(db, today) : Promise.resolve([]),
    needs('mission_crise') ? getCrisisPlan(db, today) : Promise.resolve(null),
    needs('vie_associative') ? governanceMeetings(db, meetings, today) : Promise.resolve([]),
    needs('vie_associative') ? workingGroups(db, meetings) : Promise.resolve([]),
    needs('synthese')
      ? Promise.all([countProtocolsInForce(db, asOf), countProtocolsInForce(db, previousEnd)])
      : Promise.resolve([0, 0] as const),
    needs('synthese')
      ? Promise.all([countUses(db, start, end), countUses(db, `${year - 1}-01-01`, previousEnd)])
      : Promise.resolve([0, 0] as const),
  ]);
  const { fiches, budgetOf, milestones } = fichesYear;
  const ficheById = new Map(fiches.map((row) => [row.id, row]));

  const sections: ActivityReportSection[] = [];
  for (const section of ACTIVITY_SECTIONS) {
    const { key, label: title } = section;
    if (!isIncluded(key)) continue;
    const texts = textsOf(key);
    switch (key) {
      case 'synthese':
        sections.push({
          key,
          title,
          texts,
          keyFigures: keyFigures({
            composition,
            meetings,
            previousMeetings,
            fiches,
            protocolsInForce: inForce,
            protocolUses: uses,
            tracking,
            previousTracking,
            evidence: evidenceCounts(checklist),
            previousEvidence: evidenceCounts(previousChecklist),
          }),
        });
        break;
      case 'identite':
        sections.push({
          key,
          title,
          texts,
          identity: identityOf(profile, chosen),
          territory: territoryOf(territory, overlappingYears(contractYears, year)),
        });
        break;
      case 'vie_associative':
        sections.push({
          key,
          title,
          texts,
          associativeLife: {
            governance,
            workingGroups: groups,
            meetingsPerMonth: meetingsPerMonth(meetings),
            composition,
            membersOverYears: overYears,
            staff,
          },
        });
        break;
      case 'protocoles':
        if (protocols) sections.push({ key, title, texts, protocols });
        break;
      case 'rcp':
        if (rcp) sections.push({ key, title, texts, rcp });
        break;
      case 'partenariats':
        sections.push({
          key,
          title,
          texts,
          partnerships: partnerships
            .filter(
              (row) => (row.signedOn ?? row.startsOn ?? start) <= end && (row.endsOn === null || row.endsOn >= start),
            )
            .map((row): PartnershipLine => {
              const own = fiches.filter((fiche) => fiche.partnershipId === row.id);
              return {
                typeLabel: row.typeLabel,
                partner: row.partner,
                title: row.title,
                signedOn: row.signedOn,
                cptsSeat: row.cptsSeat,
                note: row.note,
                axes: row.axes,
                fichesTotal: row.fichesTotal,
                carried: own
                  .filter((fiche) => fiche.cptsRole !== 'participant')
                  .map((fiche) => missionFiche(fiche, budgetOf.get(fiche.id), milestones)),
                participating: own
                  .filter((fiche) => fiche.cptsRole === 'participant')
                  .map((fiche) => missionFiche(fiche, budgetOf.get(fiche.id), milestones)),
              };
            }),
        });
        break;
      case 'finances': {
        const budgets: FicheBudget[] = [...budgetOf.entries()].map(([ficheId, budget]) => ({
          missionCode: (ficheById.get(ficheId)?.missionCode ?? null) as FicheBudget['missionCode'],
          plannedCents: budget.planned,
          spentCents: budget.spent,
        }));
        sections.push({
          key,
          title,
          texts,
          finances: { ...paymentsReceived(contractYears, year), byMission: budgetByMission(chosen, budgets) },
        });
        break;
      }
      case 'perspectives':
        sections.push({ key, title, texts, nextYearTargets: nextYearTargets(nextTracking) });
        break;
      default: {
        const missionCode = section.missionCode;
        const mission: MissionSection = {
          key,
          missionCode,
          title,
          inContract: chosen?.contract.missions.some((row) => row.code === missionCode) ?? false,
          fiches: fiches
            .filter((row) => row.missionCode === missionCode)
            .map((row) => missionFiche(row, budgetOf.get(row.id), milestones)),
          tracking: tracking?.missions.find((row) => row.missionCode === missionCode) ?? null,
          evidence: (checklist ?? []).filter((row) => row.missionCode === missionCode).map(evidenceLine),
          crisisPlan:
            missionCode === 'crise' && crisisPlan
              ? crisisPlan.events
                  .filter((event) => event.occurredOn <= end)
                  .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))
                  .map((event) => ({ kindLabel: event.kindLabel, occurredOn: event.occurredOn, note: event.note }))
              : null,
          texts,
        };
        sections.push({ key, title, texts, mission });
      }
    }
  }

  const [approvalPv, membersList] = await Promise.all([
    draft.approvalMeetingId !== null ? approvalPvOf(db, draft.approvalMeetingId, now, today) : null,
    draft.includeMembersList
      ? orNull(() => membersListData(db, { groupBy: 'profession', audience: draft.membersListAudience }, now, today))
      : null,
  ]);
  const logoId = (await db.selectFrom('cpts').select('logo_document_id').executeTakeFirst())?.logo_document_id ?? null;

  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    year,
    logo: logoId === null ? null : images(logoId),
    introduction: draft.introduction,
    highlights: draft.highlights.map((highlight) => ({
      title: highlight.title,
      body: highlight.body,
      happenedOn: highlight.happenedOn,
    })),
    highlightPhotos: draft.photos
      .filter((photo) => photo.sectionKey === null)
      .flatMap((photo) => {
        const image = images(photo.documentId);
        return image ? [{ caption: photo.caption, image }] : [];
      }),
    contractYearLabel: chosen ? contractYearLabel(chosen.year) : null,
    sections,
    annexes: {
      approvalPv,
      membersList,
      attendance: draft.includeAttendance ? attendanceByType(meetings) : null,
      tracking: draft.includeTrackingAnnex ? tracking : null,
    },
  };
}

/** The PV of the meeting that approved the report, once approved (a draft PV is no annex). */
async function approvalPvOf(db: Db, meetingId: number, now: Date, today: string) {
  const meeting = await db.selectFrom('meeting').select('pv_status').where('id', '=', meetingId).executeTakeFirst();
  if (meeting?.pv_status !== 'approuve') return null;
  return orNull(() => pvData(db, meetingId, now, today));
}

function identityOf(
  profile: Awaited<ReturnType<typeof getCptsProfile>>,
  chosen: DatedContractYear | null,
): IdentityData {
  const { identity, lifecycle } = profile;
  const city = [identity.postalCode, identity.city].filter(Boolean).join(' ');
  const address = [identity.addressLine, city].filter(Boolean).join(', ');
  return {
    name: identity.name,
    legalForm: identity.legalForm,
    rna: identity.rna,
    siret: identity.siret,
    address: address || null,
    president: identity.presidentName,
    coordinator: identity.coordinatorName,
    email: identity.email,
    website: identity.website,
    aciSignedOn: chosen?.contract.signedOn ?? lifecycle.aciSignedOn,
    contractNumber: chosen?.contract.number ?? lifecycle.aciContractNumber,
  };
}

function territoryOf(
  territory: Awaited<ReturnType<typeof getTerritory>>,
  years: readonly DatedContractYear[],
): TerritoryData {
  return {
    communes: territory.communes.map((commune) => ({
      codeInsee: commune.code,
      name: commune.nom,
      population: commune.population,
    })),
    population: territory.totalPopulation,
    // The reference data names its code officiel géographique year, not the year of its population figures.
    populationYear: null,
    populationSource: territory.referenceLabel,
    tailleByContractYear: years.map(({ year }) => ({
      yearLabel: year.label,
      periodLabel: periodOf(year),
      taille: year.taille,
      population: year.population,
    })),
  };
}

interface KeyFigureSources {
  composition: CompositionData;
  meetings: readonly { type: string; status: 'prevue' | 'tenue' | 'annulee'; caseCount: number }[];
  previousMeetings: KeyFigureSources['meetings'];
  fiches: readonly FicheListRow[];
  protocolsInForce: readonly [number, number];
  protocolUses: readonly [number, number];
  tracking: TrackingTable | null;
  previousTracking: TrackingTable | null;
  evidence: { expected: number; provided: number } | null;
  previousEvidence: { expected: number; provided: number } | null;
}

/** The figures of the synthèse, each with the previous year’s when the data can say it. */
function keyFigures(sources: KeyFigureSources): KeyFigure[] {
  const count = (label: string, value: number, previous: number | null): KeyFigure => ({
    label,
    value,
    previous,
    unit: 'count',
  });
  const held = (list: KeyFigureSources['meetings']) => list.filter(isHeld);
  const [current, previous] = [held(sources.meetings), held(sources.previousMeetings)];
  const rcp = (list: KeyFigureSources['meetings']) => list.filter((meeting) => meeting.type === 'rcp');
  const cases = (list: KeyFigureSources['meetings']) => rcp(list).reduce((sum, meeting) => sum + meeting.caseCount, 0);
  const { active } = sources.composition.totals;
  const figures: KeyFigure[] = [
    count('Adhérents au 31 décembre', active.count, active.previous),
    count('Réunions tenues (hors RCP)', current.length - rcp(current).length, previous.length - rcp(previous).length),
    count('Séances de RCP', rcp(current).length, rcp(previous).length),
    count('Cas présentés en RCP', cases(current), cases(previous)),
    // Statuses have no history: today’s figure only.
    count(
      'Fiches actions en cours',
      sources.fiches.filter((fiche) => fiche.status === 'en_cours' || fiche.status === 'deployee').length,
      null,
    ),
    count('Fiches actions réalisées', sources.fiches.filter((fiche) => fiche.status === 'realisee').length, null),
    count('Protocoles en vigueur au 31 décembre', sources.protocolsInForce[0], sources.protocolsInForce[1]),
    count('Utilisations de protocoles', sources.protocolUses[0], sources.protocolUses[1]),
  ];
  if (sources.tracking) {
    const previousResult = sources.previousTracking?.result ?? null;
    figures.push(
      {
        label: 'Part variable obtenue',
        value: sources.tracking.result.earnedCents,
        previous: previousResult?.earnedCents ?? null,
        unit: 'euros_cents',
      },
      {
        label: 'Part variable maximale',
        value: sources.tracking.result.variableMaxCents,
        previous: previousResult?.variableMaxCents ?? null,
        unit: 'euros_cents',
      },
    );
  }
  if (sources.evidence) {
    figures.push(
      count('Justificatifs fournis', sources.evidence.provided, sources.previousEvidence?.provided ?? null),
      count('Justificatifs attendus', sources.evidence.expected, sources.previousEvidence?.expected ?? null),
    );
  }
  return figures;
}
