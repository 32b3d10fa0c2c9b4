/**
 * « Déclaration d’équipe » PDF: on one page, what the ARS online form asks for a cooperation protocol's team
 * (intitulé, structure, référent, legal representative attesting the projet de santé, each délégant and délégué
 * with name, first name, profession, RPPS and adhesion date), to copy field by field. Built from `protocols.get`,
 * `protocolTeam.list`, `protocolTeam.declarations` and `protocolTeam.declarationStatus` by
 * electron/services/report-exports.ts, rendered by electron/pdf/team-declaration.
 */
import {
  type ProtocolDeclarationKind,
  protocolDeclarationKindLabel,
  type ProtocolFamily,
  protocolFamilyLabel,
} from '@shared/domain/protocol-labels';
import { dateLong } from '@shared/format';
import { arreteLine, professionLabel, protocolTitle } from './protocol';

export const TEAM_DECLARATION_TITLE = 'Déclaration d’équipe';

export interface DeclarationMemberSource {
  memberId: number;
  lastName: string;
  firstName: string;
  professionCode: string | null;
  rpps: string | null;
  role: 'delegant' | 'delegue';
  joinedOn: string;
  adhesionSignedOn: string | null;
}

export interface TeamDeclarationSource {
  generatedAt: string;
  protocol: {
    code: string | null;
    title: string;
    family: ProtocolFamily;
    arreteReference: string | null;
    arreteOn: string | null;
  };
  cpts: { name: string; siret: string | null; presidentName: string | null; addressLines: readonly string[] };
  /** Active délégants and délégués. */
  members: readonly DeclarationMemberSource[];
  /** The référent named in the last declaration, else the protocol's référent. */
  referentName: string | null;
  lastDeclaration: { declaredOn: string; kind: ProtocolDeclarationKind; projectAttestedOn: string | null } | null;
  status: {
    owed: boolean;
    kind: ProtocolDeclarationKind | null;
    arrivals: readonly { memberName: string }[];
    departures: readonly { memberName: string }[];
  };
}

export interface DeclarationLine {
  lastName: string;
  firstName: string;
  profession: string;
  rpps: string;
  adhesionOn: string;
}

export interface TeamDeclarationData {
  generatedAt: string;
  cptsName: string;
  title: string;
  /** The footer's name of the protocol: its code, else its title. */
  shortTitle: string;
  facts: { label: string; value: string | null }[];
  attestation: string;
  delegants: DeclarationLine[];
  delegues: DeclarationLine[];
  /** « Dernière déclaration : … » and whether a new one is owed, with the changes since. */
  lastDeclared: string;
  owed: string | null;
  /** A declaration exists and the team has not changed since. */
  upToDate: boolean;
}

const lineOf = (member: DeclarationMemberSource): DeclarationLine => ({
  lastName: member.lastName.toLocaleUpperCase('fr'),
  firstName: member.firstName,
  profession: professionLabel(member.professionCode),
  rpps: member.rpps ?? 'à renseigner',
  adhesionOn: member.adhesionSignedOn ? dateLong(member.adhesionSignedOn) : 'à recueillir',
});

const byName = (a: DeclarationMemberSource, b: DeclarationMemberSource) =>
  a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');

/** « Le représentant légal atteste que le protocole s’intègre au projet de santé de la CPTS (attestation du …). » */
export function attestationLine(cptsName: string, presidentName: string | null, attestedOn: string | null): string {
  const who = presidentName
    ? `${presidentName}, représentant légal de ${cptsName},`
    : `Le représentant légal de ${cptsName}`;
  const when = attestedOn ? ` le ${dateLong(attestedOn)}` : ' (date de l’attestation à renseigner)';
  return `${who} atteste${when} que le protocole s’intègre au projet de santé de la CPTS, que l’adhésion de chaque professionnel est volontaire et que l’équipe travaille ensemble.`;
}

/** What the « Déclaration d’équipe » PDF shows. */
export function teamDeclarationData(source: TeamDeclarationSource): TeamDeclarationData {
  const { protocol, cpts, lastDeclaration, status } = source;
  const members = [...source.members].sort(byName);
  const changes = [
    status.arrivals.length > 0 ? `arrivées : ${status.arrivals.map((m) => m.memberName).join(', ')}` : null,
    status.departures.length > 0 ? `départs : ${status.departures.map((m) => m.memberName).join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  return {
    generatedAt: source.generatedAt,
    cptsName: cpts.name,
    title: protocolTitle(protocol),
    shortTitle: protocol.code ?? protocol.title,
    facts: [
      { label: 'Intitulé du protocole', value: protocol.title },
      { label: 'Type de protocole', value: protocolFamilyLabel(protocol.family) },
      ...(protocol.family === 'coop_nationale'
        ? [{ label: 'Arrêté d’autorisation', value: arreteLine(protocol) }]
        : []),
      { label: 'Structure', value: cpts.name },
      { label: 'Adresse', value: cpts.addressLines.length > 0 ? cpts.addressLines.join(', ') : null },
      { label: 'SIRET', value: cpts.siret },
      { label: 'FINESS', value: null },
      { label: 'Référent de la déclaration', value: source.referentName },
      { label: 'Représentant légal (président·e)', value: cpts.presidentName },
    ],
    attestation: attestationLine(cpts.name, cpts.presidentName, lastDeclaration?.projectAttestedOn ?? null),
    delegants: members.filter((member) => member.role === 'delegant').map(lineOf),
    delegues: members.filter((member) => member.role === 'delegue').map(lineOf),
    lastDeclared: lastDeclaration
      ? `Dernière déclaration : ${protocolDeclarationKindLabel(lastDeclaration.kind).toLocaleLowerCase('fr')} du ${dateLong(lastDeclaration.declaredOn)}.`
      : 'Aucune déclaration enregistrée pour ce protocole.',
    owed: status.owed
      ? `À déclarer : ${status.kind ? protocolDeclarationKindLabel(status.kind).toLocaleLowerCase('fr') : 'nouvelle déclaration'}${
          changes.length > 0 ? ` (${changes.join(' ; ')})` : ''
        }.`
      : null,
    upToDate: lastDeclaration !== null && !status.owed,
  };
}
