import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamDeclarationExport } from '../../electron/services/report-exports-protocols';
import { SAMPLE_IDENTITY } from '../components/seed-cpts';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';
import { RPPS, seedCooperationProtocol } from '../helpers/protocol-pdf-seed';

type Backend = Awaited<ReturnType<typeof testBackend>>;

const { render } = pdfWorkspace('maillage-pdf-declaration-', 'MAILLAGE_PDF_PREVIEW', 'declaration-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };

let backend: Backend;
let seeded: Awaited<ReturnType<typeof seedCooperationProtocol>>;
let declared: RenderedPdf;
let changed: RenderedPdf;

async function renderDeclaration(name: string) {
  const { job, fileName } = await teamDeclarationExport(backend.database.db, seeded.protocolId, CLOCK);
  expect(fileName).toBe(
    'Déclaration d’équipe - PCO-01 — Pollakiurie et brûlures mictionnelles chez la femme de 16 à 65 ans - CPTS Grenoble Sud - 2026-11-23.pdf',
  );
  return render(job, name);
}

beforeAll(async () => {
  backend = await testBackend();
  seeded = await seedCooperationProtocol(backend);
  await backend.ok('protocolTeam.declare', {
    protocolId: seeded.protocolId,
    declaredOn: '2026-03-15',
    channel: 'Démarches simplifiées',
    referentMemberId: seeded.members.bernard.id,
    projectAttestedOn: '2026-03-01',
  });
  declared = await renderDeclaration('declaree');
  // A new délégué joins: the team differs from the one declared.
  await backend.ok('protocolTeam.add', {
    protocolId: seeded.protocolId,
    memberId: seeded.members.roux.id,
    role: 'delegue',
    joinedOn: '2026-10-01',
  });
  changed = await renderDeclaration('modifiee');
});
afterAll(async () => {
  await backend.database.dispose();
});

describe('Déclaration d’équipe (PDF)', () => {
  it('holds on one page the protocol, the arrêté and the structure from the CPTS record', () => {
    for (const pdf of [declared, changed]) expect(pdf.pageCount).toBe(1);
    expect(declared.flat).toContain(
      'Intitulé du protocole Pollakiurie et brûlures mictionnelles chez la femme de 16 à 65 ans',
    );
    expect(declared.flat).toContain('Type de protocole Protocole de coopération national');
    expect(declared.flat).toContain('Arrêté d’autorisation Arrêté du 9 mars 2023');
    expect(declared.flat).toContain(`Structure ${SAMPLE_IDENTITY.name}`);
    expect(declared.flat).toContain(`SIRET ${SAMPLE_IDENTITY.siret}`);
    expect(declared.flat).toContain('Référent de la déclaration BERNARD Camille');
    expect(declared.flat).toContain(`Représentant légal (président·e) ${SAMPLE_IDENTITY.presidentName}`);
    expect(declared.flat).toContain(
      `${SAMPLE_IDENTITY.presidentName}, représentant légal de ${SAMPLE_IDENTITY.name}, atteste le 1er mars 2026 que le protocole s’intègre au projet de santé`,
    );
  });

  it('lists the délégants then the délégués with name, first name, profession, RPPS and adhesion date', () => {
    const delegants = declared.flat.indexOf('Délégants');
    const delegues = declared.flat.indexOf('Délégués');
    expect(delegants).toBeGreaterThan(0);
    expect(delegues).toBeGreaterThan(delegants);
    expect(declared.flat.slice(delegants, delegues)).toContain(
      `BERNARD Camille Médecin ${RPPS.bernard} 10 janvier 2026`,
    );
    expect(declared.flat.slice(delegues)).toContain(`DURAND Léa Pharmacien ${RPPS.durand} 12 janvier 2026`);
    // The rédacteur is not declared to the ARS.
    expect(declared.flat).not.toContain('PETIT');
  });

  it('tells the last declaration and, once the team changed, that a new one is owed', () => {
    expect(declared.flat).toContain('Dernière déclaration : déclaration initiale du 15 mars 2026.');
    expect(declared.flat).toContain('aucune nouvelle déclaration n’est due');
    expect(declared.flat).not.toContain('À déclarer');
    expect(changed.flat).toContain(`ROUX Mathis Pharmacien ${RPPS.roux} à recueillir`);
    expect(changed.flat).toContain('À déclarer : modification de l’équipe (arrivées : ROUX Mathis).');
  });

  it('is a French document in Inter with its footer', () => {
    expectFrench(declared.text);
    expectOnlyInter(declared.file);
    expectFooterOnEveryPage(declared, 'Déclaration d’équipe — PCO-01 — exporté le 23 novembre 2026 à 14 h 05');
  });

  it('refuses a protocol that is not a cooperation protocol, with a French message', async () => {
    const pluripro = await backend.ok('protocols.create', { title: 'Plaies chroniques', family: 'pluripro' });
    expect(await backend.call('reports.exportTeamDeclaration', { protocolId: pluripro.id })).toMatchObject({
      ok: false,
      error: {
        message: 'Seul un protocole de coopération se déclare à l’ARS : ce protocole n’a pas d’équipe à déclarer.',
      },
    });
  });
});
