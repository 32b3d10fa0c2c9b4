/**
 * « Protocole » PDF: one version of a protocol as it reads on paper, in the order of the HAS method (situation,
 * population, objectives, who does what, critical points, traceability, references, evaluation), then its team and
 * the history of its versions. Built from the protocols and team services' rows by
 * electron/services/report-exports.ts, rendered by electron/pdf/protocol.
 */
import type { ProtocolTeamRow } from '@shared/contract/protocol-team';
import type { ProtocolDetail, ProtocolVersionDetail, ProtocolVersionSummary } from '@shared/contract/protocols';
import { ACI_MISSIONS } from '@shared/domain/aci/reference';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import {
  isCooperation,
  protocolFamilyLabel,
  PROTOCOL_MEMBER_ROLES,
  type ProtocolMemberRole,
  type ProtocolVersionStatus,
  protocolVersionStatusLabel,
} from '@shared/domain/protocol-labels';
import { dateLong, frenchSpacing } from '@shared/format';

export const PROTOCOL_REPORT_TITLE = 'Protocole';
export const DRAFT_MARK = 'Brouillon — non validé';

/** The protocol's identity and history, as `protocols.get` returns them. */
export type ProtocolIdentitySource = Pick<
  ProtocolDetail,
  'code' | 'title' | 'theme' | 'family' | 'missionCode' | 'arreteReference' | 'arreteOn' | 'archivedOn'
>;
export type ProtocolHistorySource = Pick<
  ProtocolVersionSummary,
  'id' | 'number' | 'status' | 'validatedOn' | 'inForceOn' | 'endedOn' | 'changelog'
>;
/** The content of the version printed (`protocols.getVersion`). */
export type ProtocolVersionSource = Pick<
  ProtocolVersionDetail,
  | 'id'
  | 'number'
  | 'status'
  | 'situation'
  | 'need'
  | 'population'
  | 'inclusionCriteria'
  | 'exclusionCriteria'
  | 'objectives'
  | 'criticalPoints'
  | 'traceability'
  | 'referencesText'
  | 'evaluation'
  | 'derogatoryActs'
  | 'inForceOn'
  | 'endedOn'
  | 'nextReviewOn'
  | 'professions'
  | 'steps'
  | 'validation'
>;
/** A team member (`protocolTeam.list`). */
export type ProtocolTeamSource = Pick<
  ProtocolTeamRow,
  'memberName' | 'professionCode' | 'rpps' | 'role' | 'joinedOn' | 'adhesionSignedOn' | 'active'
>;

export interface ProtocolSection {
  title: string;
  /** Subsections (population: description, inclusion, exclusion), each with its free text. */
  parts: { title: string | null; text: string }[];
}

export interface ProtocolStepLine {
  rank: string;
  who: string;
  action: string;
  timing: string;
  place: string;
  tool: string;
}

export interface ProtocolTeamGroup {
  title: string;
  members: { name: string; profession: string; rpps: string | null; since: string }[];
}

export interface ProtocolData {
  generatedAt: string;
  cptsName: string;
  /** « PCO-01 — Cystite simple de la femme », or the title alone. */
  title: string;
  /** The footer's short name: « Protocole PCO-01, version 2 ». */
  shortTitle: string;
  versionNumber: number;
  draft: boolean;
  cooperation: boolean;
  facts: { label: string; value: string }[];
  /** Situation and need, target population, objectives: what comes before who does what. */
  opening: ProtocolSection[];
  /** Critical points, traceability, references, evaluation: what comes after the steps. */
  closing: ProtocolSection[];
  professions: { profession: string; role: string }[];
  steps: ProtocolStepLine[];
  /** Derogatory acts, printed after the steps (cooperation protocols only). */
  derogatoryActs: string | null;
  team: ProtocolTeamGroup[];
  history: { title: string; dates: string; changelog: string | null }[];
}

export function professionLabel(code: string | null): string {
  if (!code) return '—';
  return PROFESSION_BY_CODE.get(code)?.label ?? code;
}

const present = (text: string | null | undefined): text is string => Boolean(text && text.trim() !== '');

/** « PCO-01 — Cystite simple de la femme », or the title alone. */
export function protocolTitle(protocol: Pick<ProtocolIdentitySource, 'code' | 'title'>): string {
  return protocol.code ? `${protocol.code} — ${protocol.title}` : protocol.title;
}

/** « arrêté du 9 mars 2023 (JORF n° 0060) », from the reference and the date, whichever are known. */
export function arreteLine(protocol: Pick<ProtocolIdentitySource, 'arreteReference' | 'arreteOn'>): string | null {
  const on = protocol.arreteOn ? `du ${dateLong(protocol.arreteOn)}` : null;
  if (protocol.arreteReference && on) {
    return protocol.arreteReference.includes(dateLong(protocol.arreteOn))
      ? protocol.arreteReference
      : `${protocol.arreteReference} ${on}`;
  }
  if (protocol.arreteReference) return protocol.arreteReference;
  return on ? `Arrêté ${on}` : null;
}

export function missionLabel(code: string | null): string | null {
  if (!code) return null;
  return ACI_MISSIONS.find((mission) => mission.code === code)?.label ?? null;
}

/** « Validé le 12 mars 2026 par le conseil d’administration (réunion du 12 mars 2026) ». */
export function validationLine(validation: ProtocolVersionSource['validation']): string | null {
  if (!validation.validatedOn) return null;
  const by = validation.validatedBy ? ` par ${validation.validatedBy}` : '';
  const meeting = validation.meeting ? ` (réunion du ${dateLong(validation.meeting.date)})` : '';
  return `Validé le ${dateLong(validation.validatedOn)}${by}${meeting}`;
}

function sectionsOf(version: ProtocolVersionSource): ProtocolSection[] {
  const section = (title: string, parts: { title: string | null; text: string | null }[]): ProtocolSection[] => {
    const kept = parts.filter((part): part is { title: string | null; text: string } => present(part.text));
    return kept.length > 0 ? [{ title, parts: kept }] : [];
  };
  return [
    ...section('Situation et besoin', [
      { title: null, text: version.situation },
      { title: 'Besoin identifié', text: version.need },
    ]),
    ...section('Population cible', [
      { title: null, text: version.population },
      { title: 'Critères d’inclusion', text: version.inclusionCriteria },
      { title: 'Critères d’exclusion', text: version.exclusionCriteria },
    ]),
    ...section('Objectifs', [{ title: null, text: version.objectives }]),
  ];
}

/** The sections after the steps, in the HAS order; empty ones are left out. */
function closingSectionsOf(version: ProtocolVersionSource): ProtocolSection[] {
  const single = (title: string, text: string | null): ProtocolSection[] =>
    present(text) ? [{ title, parts: [{ title: null, text }] }] : [];
  return [
    ...single('Points critiques', version.criticalPoints),
    ...single('Traçabilité et communication', version.traceability),
    ...single('Références', version.referencesText),
    ...single('Indicateurs d’évaluation', version.evaluation),
  ];
}

/** The order of the team on paper: who delegates and who acts first, then who wrote and who uses the protocol. */
const TEAM_ORDER: readonly ProtocolMemberRole[] = ['delegant', 'delegue', 'referent', 'redacteur', 'utilisateur'];

/** The team grouped by role in TEAM_ORDER; only active members. */
function teamOf(team: readonly ProtocolTeamSource[]): ProtocolTeamGroup[] {
  return TEAM_ORDER.flatMap((code) => {
    const role = PROTOCOL_MEMBER_ROLES.find((entry) => entry.code === code);
    if (!role) return [];
    const members = team
      .filter((member) => member.active && member.role === role.code)
      .map((member) => ({
        name: member.memberName,
        profession: professionLabel(member.professionCode),
        rpps: member.rpps,
        since: dateLong(member.joinedOn),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return members.length > 0 ? [{ title: role.plural, members }] : [];
  });
}

function historyDates(version: ProtocolHistorySource): string {
  const parts = [
    version.validatedOn ? `Validée le ${dateLong(version.validatedOn)}` : null,
    version.inForceOn ? `en vigueur le ${dateLong(version.inForceOn)}` : null,
    version.endedOn ? `fin le ${dateLong(version.endedOn)}` : null,
  ].filter((part): part is string => part !== null);
  const text = parts.join(', ');
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

/** Statuses of a version that still applies or will: only they have a review to come. */
const APPLYING = new Set<ProtocolVersionStatus>(['valide', 'en_vigueur']);

/** « depuis le 20 mars 2026 » for the version in force, « le 3 avril 2026 » for one that stopped applying. */
function versionSince(version: Pick<ProtocolVersionSource, 'status' | 'inForceOn' | 'endedOn'>): string {
  if (version.status === 'en_vigueur' && version.inForceOn) return ` depuis le ${dateLong(version.inForceOn)}`;
  if (!APPLYING.has(version.status) && version.status !== 'brouillon' && version.endedOn)
    return ` le ${dateLong(version.endedOn)}`;
  return '';
}

export interface ProtocolSource {
  generatedAt: string;
  cptsName: string;
  protocol: ProtocolIdentitySource & { versions: readonly ProtocolHistorySource[] };
  version: ProtocolVersionSource;
  team: readonly ProtocolTeamSource[];
}

/** What the « Protocole » PDF shows, from the services' rows. */
export function protocolData(source: ProtocolSource): ProtocolData {
  const { protocol, version } = source;
  const cooperation = isCooperation(protocol.family);
  const draft = version.status === 'brouillon';
  const facts: { label: string; value: string | null }[] = [
    { label: 'Famille', value: protocolFamilyLabel(protocol.family) },
    { label: 'Autorisé par', value: protocol.family === 'coop_nationale' ? arreteLine(protocol) : null },
    { label: 'Thème', value: protocol.theme },
    { label: 'Mission ACI', value: missionLabel(protocol.missionCode) },
    {
      label: 'Version',
      value: `n° ${version.number} — ${protocolVersionStatusLabel(version.status)}${versionSince(version)}`,
    },
    { label: 'Validation', value: draft ? DRAFT_MARK : validationLine(version.validation) },
    {
      label: 'Prochaine révision',
      value: version.nextReviewOn && APPLYING.has(version.status) ? dateLong(version.nextReviewOn) : null,
    },
    { label: 'Archivé le', value: protocol.archivedOn ? dateLong(protocol.archivedOn) : null },
  ];
  const steps = [...version.steps]
    .sort((a, b) => a.rank - b.rank)
    .map((step, index) => ({
      rank: String(index + 1),
      who: professionLabel(step.professionCode),
      action: frenchSpacing(step.action),
      timing: frenchSpacing(step.timing ?? ''),
      place: frenchSpacing(step.place ?? ''),
      tool: frenchSpacing(step.tool ?? ''),
    }));
  return {
    generatedAt: source.generatedAt,
    cptsName: source.cptsName,
    title: protocolTitle(protocol),
    shortTitle: `${PROTOCOL_REPORT_TITLE}${protocol.code ? ` ${protocol.code}` : ''}, version ${version.number}`,
    versionNumber: version.number,
    draft,
    cooperation,
    facts: facts
      .filter((fact): fact is { label: string; value: string } => present(fact.value))
      .map((fact) => ({ label: fact.label, value: frenchSpacing(fact.value) })),
    opening: sectionsOf(version),
    closing: closingSectionsOf(version),
    professions: version.professions.map((profession) => ({
      profession: professionLabel(profession.professionCode),
      role: frenchSpacing(profession.role ?? ''),
    })),
    steps,
    derogatoryActs: cooperation && present(version.derogatoryActs) ? version.derogatoryActs : null,
    team: teamOf(source.team),
    history: [...protocol.versions]
      .sort((a, b) => b.number - a.number)
      .map((entry) => ({
        title: `Version ${entry.number} — ${protocolVersionStatusLabel(entry.status)}`,
        dates: historyDates(entry),
        changelog: present(entry.changelog) ? entry.changelog : entry.number === 1 ? 'Première version.' : null,
      })),
  };
}
