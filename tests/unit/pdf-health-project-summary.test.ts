import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { type AciMissionCode, aciMission } from '@shared/domain/aci';
import { healthProjectSummaryExport } from '../../electron/services/report-exports';
import { SAMPLE_IDENTITY } from '../components/seed-cpts';
import { SAMPLE_CONTRACT } from '../fixtures/contract';
import { testBackend } from '../helpers/handlers';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';

type Backend = Awaited<ReturnType<typeof testBackend>>;
type FicheInput = ChannelInput<'fiches.create'>;

const { render } = pdfWorkspace('maillage-pdf-synthese-', 'MAILLAGE_PDF_PREVIEW', 'synthese-');
const CLOCK = { now: new Date('2026-11-23T14:05:00'), today: '2026-11-23' };

/** French labels of the statuses, written out here rather than read from the code under test. */
const STATUS_LABELS: Record<string, string> = {
  non_debutee: 'Non débutée',
  en_cours: 'En cours',
  deployee: 'Déployée',
  suspendue: 'Suspendue',
  abandonnee: 'Abandonnée',
  realisee: 'Réalisée',
};
const missionTitle = (code: AciMissionCode) => aciMission('avenant_2', code)!.label;

/** Fiches of a CPTS: a CLS, a hospital partnership, and two fiches under no ACI mission. */
const FICHES: (FicheInput & { partnership?: 'cls' | 'hopital' })[] = [
  {
    code: 'FA-1',
    title: 'Médecin traitant pour les patients en ALD sans médecin',
    missionCode: 'acces',
    status: 'en_cours',
    cptsRole: 'porteur',
  },
  {
    code: 'FA-2',
    title: 'Régulation des soins non programmés avec le SAS',
    missionCode: 'acces',
    status: 'deployee',
    cptsRole: 'co_porteur',
    porteurOrg: 'Centre hospitalier de Voiron',
    partnership: 'hopital',
    milestones: [{ label: 'Ouverture de la ligne de régulation', doneOn: '2024-05-14' }],
  },
  {
    code: 'FA-3',
    title: 'Télésurveillance des plaies chroniques',
    missionCode: 'acces',
    status: 'en_cours',
    cptsRole: 'porteur',
  },
  {
    code: 'FA-4',
    title: 'Parcours de l’insuffisant cardiaque en sortie d’hospitalisation',
    missionCode: 'parcours',
    status: 'non_debutee',
    cptsRole: 'participant',
    porteurOrg: 'Centre hospitalier de Voiron',
    partnership: 'hopital',
    externalRef: 'Projet médical partagé, action 7',
  },
  {
    code: 'CLS-2',
    title: 'Unité mobile de dépistage du diabète',
    missionCode: 'prevention',
    status: 'realisee',
    cptsRole: 'participant',
    porteurOrg: 'Ville de Mulhouse',
    partnership: 'cls',
    externalRef: 'CLS III, fiche 2',
    milestones: [
      { label: 'Première tournée', doneOn: '2024-03-02' },
      { label: 'Bilan final', doneOn: '2025-06-30' },
    ],
  },
  {
    code: 'CLS-3',
    title: 'Ateliers de prévention des chutes',
    missionCode: 'prevention',
    status: 'suspendue',
    cptsRole: 'porteur',
    partnership: 'cls',
  },
  { title: 'Journée annuelle des professionnels du territoire', status: 'en_cours', cptsRole: 'porteur' },
  { title: 'Annuaire partagé des ressources sociales', status: 'abandonnee', cptsRole: 'porteur' },
];

/** Independent count of the seed: per mission (null: no mission), per status label. */
function countsOf(missionCode: string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fiche of FICHES.filter((f) => (f.missionCode ?? null) === missionCode)) {
    const label = STATUS_LABELS[fiche.status ?? 'non_debutee']!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

let backend: Backend;
let pdf: RenderedPdf;

beforeAll(async () => {
  backend = await testBackend();
  await backend.ok('cpts.saveIdentity', SAMPLE_IDENTITY);
  await backend.ok('contract.create', SAMPLE_CONTRACT);
  const cls = await backend.ok('partnerships.create', {
    type: 'cls',
    partner: 'Ville de Mulhouse',
    title: 'Contrat local de santé III',
  });
  const hopital = await backend.ok('partnerships.create', {
    type: 'hopital_proximite',
    partner: 'Centre hospitalier de Voiron',
  });
  const ids = { cls: cls.id, hopital: hopital.id };
  for (const { partnership, ...fiche } of FICHES)
    await backend.ok('fiches.create', { ...fiche, ...(partnership ? { partnershipId: ids[partnership] } : {}) });
  const { job, fileName } = await healthProjectSummaryExport(backend.database.db, CLOCK);
  expect(fileName).toBe('Synthèse du projet de santé - CPTS Grenoble Sud - 2026-11-23.pdf');
  pdf = await render(job, 'synthese');
}, 60_000);
afterAll(async () => {
  await backend.database.dispose();
});

describe('Synthèse du projet de santé (PDF)', () => {
  it('names the CPTS, the contract number and the contract year of today', () => {
    expect(pdf.flat).toContain('Synthèse du projet de santé');
    expect(pdf.flat).toContain('CPTS Grenoble Sud');
    expect(pdf.flat).toContain('CPTS-38-2022-004');
    // Signed on 1 April 2022: 23 November 2026 falls in the fifth year.
    expect(pdf.flat).toContain('Année 5');
    expect(pdf.flat).toContain(`${FICHES.length} fiches actions`);
    expectFooterOnEveryPage(pdf, 'Synthèse du projet de santé — exporté le');
  });

  it('lists every fiche with its title and status', () => {
    for (const fiche of FICHES) {
      expect(pdf.flat).toContain(fiche.title);
      if (fiche.code) expect(pdf.flat).toContain(fiche.code);
    }
    for (const label of new Set(FICHES.map((fiche) => STATUS_LABELS[fiche.status!]!)))
      expect(pdf.flat).toContain(label);
  });

  it('groups the fiches by mission in the order of the accord, with the counts by status', () => {
    const acces = pdf.flat.indexOf(missionTitle('acces'));
    const parcours = pdf.flat.indexOf(missionTitle('parcours'));
    const prevention = pdf.flat.indexOf(missionTitle('prevention'));
    const withoutMission = pdf.flat.indexOf('Fiches sans mission ACI');
    expect(acces).toBeGreaterThan(-1);
    expect(acces).toBeLessThan(parcours);
    expect(parcours).toBeLessThan(prevention);
    expect(prevention).toBeLessThan(withoutMission);
    // Each fiche sits under its own mission.
    expect(pdf.flat.indexOf('Télésurveillance des plaies chroniques')).toBeGreaterThan(acces);
    expect(pdf.flat.indexOf('Télésurveillance des plaies chroniques')).toBeLessThan(parcours);
    expect(pdf.flat.indexOf('Annuaire partagé des ressources sociales')).toBeGreaterThan(withoutMission);
    for (const mission of ['acces', 'parcours', 'prevention', null]) {
      const line = [...countsOf(mission)].map(([label, count]) => `${label} : ${count}`);
      // The counts line of the section, in the order of the statuses.
      const expected = line.sort(
        (a, b) =>
          Object.values(STATUS_LABELS).indexOf(a.split(' : ')[0]!) -
          Object.values(STATUS_LABELS).indexOf(b.split(' : ')[0]!),
      );
      expect(pdf.flat).toContain(expected.join(' · '));
    }
    // Missions of the contract without fiches say so, once.
    const crise = pdf.flat.slice(pdf.flat.indexOf(missionTitle('crise')), pdf.flat.indexOf(missionTitle('qualite')));
    expect(crise).toContain('Aucune fiche action pour cette mission.');
    expect(crise.match(/Aucune fiche action/g)).toHaveLength(1);
  });

  it('gives the overall counts by status', () => {
    const overall = new Map<string, number>();
    for (const fiche of FICHES) {
      const label = STATUS_LABELS[fiche.status!]!;
      overall.set(label, (overall.get(label) ?? 0) + 1);
    }
    const line = Object.values(STATUS_LABELS)
      .filter((label) => overall.has(label))
      .map((label) => `${label} : ${overall.get(label)}`)
      .join(' · ');
    expect(pdf.flat).toContain(line);
  });

  it('draws the fiches of each mission by status as stacked columns, with the total of each column', () => {
    const first = pdf.pages[0]!.replace(/\s+/g, ' ');
    expect(first).toContain('Fiches actions par mission et par état');
    // The legend: the statuses some fiche has, in the statuses' order (here all six).
    const legend = Object.values(STATUS_LABELS).join(' ');
    expect(pdf.flat).toContain(`Fiches actions par mission et par état ${legend}`);
    // Each column under its mission's short name, in the order of the accord, then the fiches without a mission.
    const columns: [string, string | null][] = [
      ['Accès aux soins', 'acces'],
      ['Parcours', 'parcours'],
      ['Prévention', 'prevention'],
      ['Crises sanitaires', 'crise'],
      ['Qualité', 'qualite'],
      ['Accompagnement', 'accompagnement'],
      ['Sans mission', null],
    ];
    const totals = columns.map(([label, code]) => {
      const total = [...countsOf(code).values()].reduce((sum, count) => sum + count, 0);
      return `${label} ${total}`;
    });
    expect(pdf.flat).toContain(totals.join(' '));
    expect(pdf.flat).toContain('Accès aux soins 3 Parcours 1 Prévention 2');
  });

  it('shows the role of the CPTS with the porteur, the frame and the last milestone done', () => {
    expect(pdf.flat).toContain('Co-porteuse avec Centre hospitalier de Voiron');
    expect(pdf.flat).toMatch(/Participante \(porteur : Ville de Mulhouse\)/);
    expect(pdf.flat).toContain('Déployée depuis le 14 mai 2024');
    expect(pdf.flat).toContain('Réalisée depuis le 30 juin 2025');
    expect(pdf.flat).toMatch(/CLS III, fiche 2/);
    expect(pdf.flat).toMatch(/Projet médical partagé, action 7/);
  });

  it('lists the partnerships with their number of fiches', () => {
    const partnerships = pdf.flat.slice(pdf.flat.lastIndexOf('Partenariats'));
    expect(partnerships).toMatch(/Contrat local de santé III — Ville de Mulhouse 2/);
    expect(partnerships).toMatch(/Hôpital de proximité — Centre hospitalier de Voiron 2/);
  });

  it('is French and set in Inter only', () => {
    expectFrench(pdf.text);
    expectOnlyInter(pdf.file);
  });
});
