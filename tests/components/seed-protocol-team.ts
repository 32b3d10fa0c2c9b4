/**
 * A cooperation protocol in force with its team, written through the real handlers, for the component tests of the
 * team, ARS declaration, sessions and use-log screens.
 */
import type { ProtocolDetail } from '@shared/contract';
import type { RealBackend } from './real-api';
import { seedMembers } from './seed-members';

/** Luhn-valid RPPS numbers. */
export const RPPS = { martin: '10003000006', bernard: '10003000014', petit: '10003000022' } as const;

/**
 * Members: a médecin (RPPS), two pharmaciens (one with an RPPS, one without) and an infirmière with an RPPS;
 * ids in that order.
 */
export async function seedProtocolPeople(backend: RealBackend) {
  const [martin, bernard, dupuis, petit] = await seedMembers(backend.database.db, [
    { data: { lastName: 'Martin', firstName: 'Claire', professionCode: '10', rpps: RPPS.martin } },
    { data: { lastName: 'Bernard', firstName: 'Hugo', professionCode: '21', rpps: RPPS.bernard } },
    { data: { lastName: 'Dupuis', firstName: 'Léa', professionCode: '21' } },
    { data: { lastName: 'Petit', firstName: 'Inès', professionCode: '60', rpps: RPPS.petit } },
  ]);
  return { martin: martin!, bernard: bernard!, dupuis: dupuis!, petit: petit! };
}

/** A national cooperation protocol (cystite), with no team yet, its first version still a draft. */
export async function seedCooperationProtocol(backend: RealBackend): Promise<ProtocolDetail> {
  return backend.ok('protocols.create', {
    code: 'PC-01',
    title: 'Pollakiurie et brûlures mictionnelles',
    theme: 'Cystite simple de la femme',
    family: 'coop_nationale',
    arreteReference: 'Arrêté du 9 mars 2023',
    arreteOn: '2023-03-09',
  });
}

/**
 * The protocol in force since `inForceOn` with Dr Martin as délégant and Hugo Bernard as délégué (both joined on
 * 2026-01-05); returns the protocol's fresh detail.
 */
export async function seedProtocolInForce(
  backend: RealBackend,
  people: Awaited<ReturnType<typeof seedProtocolPeople>>,
  inForceOn = '2026-02-01',
) {
  const protocol = await seedCooperationProtocol(backend);
  await backend.ok('protocolTeam.add', {
    protocolId: protocol.id,
    memberId: people.martin,
    role: 'delegant',
    joinedOn: '2026-01-05',
  });
  await backend.ok('protocolTeam.add', {
    protocolId: protocol.id,
    memberId: people.bernard,
    role: 'delegue',
    joinedOn: '2026-01-05',
    adhesionSignedOn: '2026-01-06',
  });
  const versionId = protocol.draftVersionId!;
  await backend.ok('protocols.validateVersion', {
    id: versionId,
    validatedOn: '2026-01-20',
    validatedBy: 'Conseil d’administration',
  });
  return backend.ok('protocols.setVersionStatus', { id: versionId, status: 'en_vigueur', on: inForceOn });
}
