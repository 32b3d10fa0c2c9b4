/**
 * The protocol library's PDF reports as exports ready to render: « Protocole » (one version), « Registre des
 * protocoles » (a year) and « Déclaration d’équipe » (a cooperation protocol's team for the ARS form). The data
 * comes from the protocols and team services as the screens read it; only names are completed here.
 */
import type { Kysely } from 'kysely';
import type { ReportExport } from '@shared/reports/job';
import { type ProtocolData, protocolData } from '@shared/reports/protocol';
import {
  PROTOCOL_REGISTER_TITLE,
  type ProtocolRegisterData,
  protocolRegisterData,
} from '@shared/reports/protocol-register';
import {
  type DeclarationMemberSource,
  TEAM_DECLARATION_TITLE,
  type TeamDeclarationData,
  teamDeclarationData,
} from '@shared/reports/team-declaration';
import type { DB } from '../db/schema';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { assertYearStarted } from './meeting-reports';
import { getProtocol, listProtocols } from './protocols/library-queries';
import { getVersion } from './protocols/versions';
import { declarationStatus, listDeclarations } from './protocols/declarations';
import { yearlyUseStats } from './protocols/stats';
import { listTeam } from './protocols/team';
import type { ExportClock } from './report-exports';
import { suggestedFileName } from './reports';

const safe = (text: string) => text.replace(/[\\/:*?"<>|]/g, '-');

async function cptsNameOf(db: Kysely<DB>, today: string): Promise<string> {
  return (await getCptsProfile(db, today)).identity.name || 'CPTS';
}

/**
 * The « Protocole » data of one version: the one asked for, else the version that applies, else the draft.
 * A version of another protocol is refused.
 */
export async function protocolReportData(
  db: Kysely<DB>,
  { protocolId, versionId }: { protocolId: number; versionId?: number | null | undefined },
  now: Date,
  today: string,
): Promise<ProtocolData> {
  const protocol = await getProtocol(db, protocolId, today);
  const chosen = versionId ?? protocol.currentVersionId ?? protocol.draftVersionId;
  if (chosen === null) {
    throw new UserError('conflict', 'Ce protocole n’a encore aucune version : rédigez-en une avant de l’exporter.');
  }
  const version = await getVersion(db, chosen, today);
  if (version.protocolId !== protocolId) {
    throw new UserError('not_found', 'Cette version n’appartient pas à ce protocole.');
  }
  const [team, cptsName] = await Promise.all([listTeam(db, protocolId, today), cptsNameOf(db, today)]);
  return protocolData({ generatedAt: now.toISOString(), cptsName, protocol, version, team });
}

export async function protocolExport(
  db: Kysely<DB>,
  input: { protocolId: number; versionId?: number | null | undefined },
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await protocolReportData(db, input, now, today);
  const title = `${safe(data.title)} - version ${data.versionNumber}${data.draft ? ' (brouillon)' : ''}`;
  return { fileName: suggestedFileName(title, data.cptsName, today), job: { kind: 'protocol', data } };
}

/** The register of a year: every protocol as the library lists it, with its uses in the year. */
export async function protocolRegisterReportData(
  db: Kysely<DB>,
  year: number,
  now: Date,
  today: string,
): Promise<ProtocolRegisterData> {
  assertYearStarted(year, today);
  const [protocols, stats, cptsName] = await Promise.all([
    listProtocols(db, {}, today),
    yearlyUseStats(db, year),
    cptsNameOf(db, today),
  ]);
  return protocolRegisterData({
    generatedAt: now.toISOString(),
    cptsName,
    year,
    protocols,
    usesByProtocol: new Map(stats.protocols.map((row) => [row.protocolId, row.uses])),
  });
}

export async function protocolRegisterExport(
  db: Kysely<DB>,
  year: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await protocolRegisterReportData(db, year, now, today);
  return {
    fileName: suggestedFileName(`${PROTOCOL_REGISTER_TITLE} ${year}`, data.cptsName, today),
    job: { kind: 'protocolRegister', data },
  };
}

/** Last and first names of members, kept apart as the ARS form asks (erased members have none). */
async function namesOf(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { lastName: string | null; firstName: string | null }>();
  const rows = await db
    .selectFrom('member')
    .select(['id', 'last_name', 'first_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, { lastName: row.last_name, firstName: row.first_name }]));
}

/** The team of a cooperation protocol as the ARS form asks for it; any other protocol is refused. */
export async function teamDeclarationReportData(
  db: Kysely<DB>,
  protocolId: number,
  now: Date,
  today: string,
): Promise<TeamDeclarationData> {
  const protocol = await getProtocol(db, protocolId, today);
  if (!protocol.isCooperation) {
    throw new UserError(
      'conflict',
      'Seul un protocole de coopération se déclare à l’ARS : ce protocole n’a pas d’équipe à déclarer.',
    );
  }
  const [team, declarations, status, profile] = await Promise.all([
    listTeam(db, protocolId, today),
    listDeclarations(db, protocolId),
    declarationStatus(db, protocolId, today),
    getCptsProfile(db, today),
  ]);
  const cooperationTeam = team.filter(
    (member) => member.active && (member.role === 'delegant' || member.role === 'delegue'),
  );
  const names = await namesOf(
    db,
    cooperationTeam.map((member) => member.memberId),
  );
  const members: DeclarationMemberSource[] = cooperationTeam.map((member) => {
    const name = names.get(member.memberId);
    return {
      memberId: member.memberId,
      lastName: name?.lastName ?? member.memberName,
      firstName: name?.firstName ?? '',
      professionCode: member.professionCode,
      rpps: member.rpps,
      role: member.role as DeclarationMemberSource['role'],
      joinedOn: member.joinedOn,
      adhesionSignedOn: member.adhesionSignedOn,
    };
  });
  const last = [...declarations].sort((a, b) => b.declaredOn.localeCompare(a.declaredOn) || b.id - a.id)[0] ?? null;
  const referent =
    last?.referentName ??
    team
      .filter((member) => member.active && member.role === 'referent')
      .map((member) => member.memberName)
      .sort((a, b) => a.localeCompare(b, 'fr'))[0] ??
    null;
  const { identity } = profile;
  const cityLine = [identity.postalCode, identity.city].filter(Boolean).join(' ');
  return teamDeclarationData({
    generatedAt: now.toISOString(),
    protocol,
    cpts: {
      name: identity.name || 'CPTS',
      siret: identity.siret,
      presidentName: identity.presidentName,
      addressLines: [identity.addressLine, cityLine].filter((line): line is string => Boolean(line)),
    },
    members,
    referentName: referent,
    lastDeclaration: last
      ? { declaredOn: last.declaredOn, kind: last.kind, projectAttestedOn: last.projectAttestedOn }
      : null,
    status,
  });
}

export async function teamDeclarationExport(
  db: Kysely<DB>,
  protocolId: number,
  { now, today }: ExportClock,
): Promise<ReportExport> {
  const data = await teamDeclarationReportData(db, protocolId, now, today);
  return {
    fileName: suggestedFileName(`${TEAM_DECLARATION_TITLE} - ${safe(data.title)}`, data.cptsName, today),
    job: { kind: 'teamDeclaration', data },
  };
}
