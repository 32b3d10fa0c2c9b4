/**
 * A CPTS with a national cooperation protocol in force (its team of délégants, délégués and a rédacteur, validated
 * at a board meeting), written through the real handlers, for the protocol PDF tests.
 */
import { SAMPLE_IDENTITY } from '../components/seed-cpts';
import type { testBackend } from './handlers';

type Backend = Awaited<ReturnType<typeof testBackend>>;

/** Luhn-valid RPPS numbers. */
export const RPPS = { bernard: '10004123450', durand: '10004567896', roux: '10003987657' } as const;

export const CYSTITE_STEP =
  'Réalise la bandelette urinaire ; si elle est positive et sans critère d’exclusion, dispense la fosfomycine-trométamol';

export async function seedCooperationProtocol(backend: Backend) {
  await backend.ok('cpts.saveIdentity', SAMPLE_IDENTITY);
  const person = (lastName: string, firstName: string, professionCode: string, rpps: string | null) =>
    backend.ok('members.create', { kind: 'person', lastName, firstName, professionCode, rpps, joinedOn: '2023-01-01' });
  const bernard = await person('Bernard', 'Camille', '10', RPPS.bernard);
  const durand = await person('Durand', 'Léa', '21', RPPS.durand);
  const roux = await person('Roux', 'Mathis', '21', RPPS.roux);
  const petit = await person('Petit', 'Anaïs', '60', null);
  const meeting = await backend.ok('meetings.create', {
    type: 'ca',
    title: 'Conseil d’administration de mars',
    date: '2026-03-10',
  });
  const protocol = await backend.ok('protocols.create', {
    code: 'PCO-01',
    title: 'Pollakiurie et brûlures mictionnelles chez la femme de 16 à 65 ans',
    theme: 'Infections urinaires',
    family: 'coop_nationale',
    missionCode: 'acces',
    arreteReference: 'Arrêté',
    arreteOn: '2023-03-09',
  });
  const firstVersionId = protocol.draftVersionId;
  if (firstVersionId === null) throw new Error('Un nouveau protocole commence par un brouillon.');
  await backend.ok('protocols.saveVersion', {
    id: firstVersionId,
    situation: 'Les patientes attendent plusieurs jours un rendez-vous pour une cystite simple.',
    need: 'Un accès le jour même, en officine.',
    population: 'Femmes de 16 à 65 ans présentant des brûlures mictionnelles.',
    inclusionCriteria: '- brûlures mictionnelles depuis moins de 3 jours\n- pollakiurie',
    exclusionCriteria: 'Fièvre, grossesse, douleur lombaire.',
    objectives: 'Prendre en charge la cystite simple sans délai et sans passage aux urgences.',
    traceability: 'Compte rendu au médecin traitant par messagerie sécurisée de santé.',
    referencesText: 'Arrêté du 9 mars 2023 relatif au protocole national de coopération.',
    derogatoryActs: 'Prescription de la fosfomycine-trométamol par le pharmacien délégué.',
    professions: [
      { professionCode: '10', role: 'Délégant : forme les délégués et revoit les patientes réorientées.' },
      { professionCode: '21', role: 'Délégué : réalise le test et dispense le traitement.' },
    ],
    steps: [
      {
        professionCode: '21',
        action: 'Accueille la patiente et vérifie les critères d’inclusion',
        timing: 'À l’accueil',
      },
      { professionCode: '21', action: CYSTITE_STEP, place: 'Officine', tool: 'Bandelette urinaire' },
      { professionCode: '10', action: 'Revoit la patiente réorientée', timing: 'Sous 48 h', place: 'Cabinet' },
    ],
  });
  const team = [
    { memberId: bernard.id, role: 'delegant', joinedOn: '2026-01-05', adhesionSignedOn: '2026-01-10' },
    { memberId: durand.id, role: 'delegue', joinedOn: '2026-01-05', adhesionSignedOn: '2026-01-12' },
    { memberId: petit.id, role: 'redacteur', joinedOn: '2025-11-02' },
  ] as const;
  for (const member of team) await backend.ok('protocolTeam.add', { protocolId: protocol.id, ...member });
  await backend.ok('protocols.validateVersion', {
    id: firstVersionId,
    validatedOn: '2026-03-10',
    validatedBy: 'le conseil d’administration',
    meetingId: meeting.id,
  });
  await backend.ok('protocols.setVersionStatus', { id: firstVersionId, status: 'en_vigueur', on: '2026-03-20' });
  return { protocolId: protocol.id, firstVersionId, members: { bernard, durand, roux, petit }, meeting };
}
