import { formatVoix } from '@shared/format';
import { describe, expect, it } from 'vitest';
import {
  expectFooterOnEveryPage as expectFooter,
  expectFrench,
  expectOnlyInter,
  normalise,
  pdfWorkspace,
  type RenderedPdf,
} from '../helpers/pdf';
import type { AttendanceSheetData } from '@shared/reports/ag';
import {
  closingLine,
  collegeHeading,
  nonVotersHeading,
  planAttendanceSheet,
  sessionLine,
} from '../../electron/pdf/attendance-sheet/AttendanceSheet';
import { largeAttendanceSheet, MEETING, smallAttendanceSheet } from '../fixtures/ag-attendance';

const workspace = pdfWorkspace('maillage-pdf-attendance-', 'PDF_ATTENDANCE_PREVIEW', 'attendance-');
const render = (data: AttendanceSheetData, name: string) => workspace.render({ kind: 'attendanceSheet', data }, name);

const FOOTER = "Feuille d'émargement — exporté le 23 novembre 2026 à 14 h 05";
const expectFooterOnEveryPage = (pdf: RenderedPdf) => expectFooter(pdf, FOOTER);

const WEIGHTED_HEADER = /N°\s+Nom\s+Qualité\s+Cotisation\s+Voix\s+Pouvoirs détenus\s+Signature/;
const UNWEIGHTED_HEADER = /N°\s+Nom\s+Qualité\s+Cotisation\s+Pouvoirs détenus\s+Signature/;
const NON_VOTERS_HEADER = /Nom\s+Qualité\s+Motif\s+Signature/;

describe('texts of the feuille d’émargement', () => {
  it('writes voix, headings, the session and the closing line the French way', () => {
    expect(formatVoix(1)).toBe('1');
    expect(formatVoix(1.5)).toBe('1,5');
    expect(normalise(formatVoix(1250))).toBe('1 250');
    expect(normalise(collegeHeading({ name: 'Collège 1', votingRightLabel: '1 voix par membre', count: 1219 }))).toBe(
      'Collège 1 — 1 voix par membre — 1 219 membres votants',
    );
    expect(collegeHeading({ name: 'Collège 2', votingRightLabel: '3 voix par structure', count: 1 }, true)).toBe(
      'Collège 2 — 3 voix par structure — 1 membre votant (suite)',
    );
    expect(nonVotersHeading(0)).toBe('Participants sans voix délibérative');
    expect(nonVotersHeading(4, true)).toBe('Participants sans voix délibérative — 4 participants (suite)');
    expect(normalise(sessionLine({ ...MEETING, round: 2 }))).toBe(
      'Séance du mardi 16 juin 2026, de 18 h 30 à 21 h, sur deuxième convocation',
    );
    expect(normalise(sessionLine({ ...MEETING, startTime: '09:00', endTime: null }))).toBe(
      'Séance du mardi 16 juin 2026, à partir de 9 h',
    );
    expect(closingLine(false)).toMatch(/^Arrêtée à …+ membres présents et …+ représentés\.$/);
    expect(closingLine(true)).toMatch(/^Arrêtée à …+ membres présents et …+ représentés, soit …+ voix\.$/);
  });

  it('marks late cotisations and shades the signature cell of a represented member', () => {
    const plan = planAttendanceSheet(smallAttendanceSheet({ weighted: true }));
    const rows = plan.pages.flatMap((page) => page.slices.filter((s) => s.kind === 'voters').flatMap((s) => s.rows));
    expect(rows).toHaveLength(12);
    const rowOf = (name: string) => rows.find((row) => row.cells[1]!.lines.join(' ') === name)!;
    const cotisation = 3;
    const signature = 6;
    expect(rowOf('GARNIER Sophie').cells[cotisation]).toMatchObject({ lines: ['Non à jour 2026'], tone: 'warning' });
    expect(rowOf('LEFEBVRE Marc').cells[cotisation]).toMatchObject({ lines: ['À jour 2026'], tone: 'normal' });
    expect(rowOf('GARNIER Sophie').cells[signature]).toMatchObject({ shaded: true, tone: 'muted' });
    expect(rowOf('LEFEBVRE Marc').cells[signature]).toMatchObject({ lines: [''], shaded: false });
    // Every row leaves room to sign; the holder of two pouvoirs lists them on two lines.
    for (const row of rows) expect(row.height).toBeGreaterThanOrEqual(22);
    expect(rowOf('LEFEBVRE Marc').cells[5]!.lines).toEqual(['GARNIER Sophie', 'NGUYEN-VAN-THIEU Thérèse']);
  });
});

describe("Feuille d'émargement (PDF)", () => {
  it('renders a weighted sheet on second convocation: head, collèges, pouvoirs, non-voters, totals, signatures', async () => {
    const data = smallAttendanceSheet({ weighted: true, round: 2 });
    const pdf = await render(data, 'small-weighted');
    const { text, flat } = pdf;

    expect(text).toContain("Feuille d'émargement");
    expect(text).toContain('CPTS Sud-Est Grenoblois');
    expect(text).toContain('Association loi 1901 — RNA W381234567');
    expect(flat).toContain("Maison de santé universitaire, 12 avenue Ambroise-Croizat, 38400 Saint-Martin-d'Hères");
    expect(text).toContain('Assemblée générale ordinaire');
    expect(flat).toContain(data.meeting.title);
    expect(text).toContain('Séance du mardi 16 juin 2026, de 18 h 30 à 21 h, sur deuxième convocation');
    expect(flat).toContain('Lieu : Salle des fêtes Paul-Bert, 5 rue de la République, Échirolles');
    expect(flat).toContain('Visioconférence : https://visio.cpts-seg.fr/assemblee-generale-2026');
    expect(flat).toContain('Quorum requis : 3 membres votants présents ou représentés sur 12.');
    expect(flat).toContain('Un membre représenté ne signe pas');
    expect(flat).toContain('Les cotisations qui ne sont pas à jour apparaissent en gras et en couleur.');

    expect(text).toContain('Membres votants');
    expect(text).toContain('Collège 1 — Professionnels de santé libéraux — 1 voix par membre — 7 membres votants');
    expect(text).toContain("Collège 2 — Structures d'exercice coordonné — 3 voix par structure — 2 membres votants");
    expect(text).toContain('Collège 3 — Établissements et services — 2 voix par établissement — 3 membres votants');
    expect(text).toMatch(WEIGHTED_HEADER);

    // One row per voter, numbered over the whole sheet, cells in order.
    expect(flat).toContain('1 BENALI Karim Médecin — Médecine générale À jour 2026 1 —');
    expect(flat).toContain('2 BERTRAND-DELACROIX DE SAINT-GEOIRS Marie-Hélène Orthophoniste À jour 2026 1 —');
    expect(flat).toContain('4 GARNIER Sophie Infirmier·ère Non à jour 2026 1 — Représenté·e par LEFEBVRE Marc');
    expect(flat).toContain('5 LEFEBVRE Marc Pharmacien·ne À jour 2026 1 GARNIER Sophie NGUYEN-VAN-THIEU Thérèse');
    expect(flat).toContain('7 NGUYEN-VAN-THIEU Thérèse Sage-femme À jour 2026 1 — Représenté·e par LEFEBVRE Marc');
    expect(flat).toContain('9 MSP des Ruires Maison de santé pluriprofessionnelle À jour 2026 3 —');
    expect(flat).toContain('10 Centre hospitalier Alpes-Isère Établissement de santé À jour 2026 2 EHPAD Les Écrins');
    expect(flat).toContain(
      '11 EHPAD Les Écrins Établissement médico-social À jour 2026 2 — Représenté·e par Centre hospitalier Alpes-Isère',
    );
    expect(flat).toContain('12 SSIAD du Sud Grenoblois Service de soins infirmiers à domicile Non à jour 2026 2 —');
    expect(flat.match(/Représenté·e par/g)).toHaveLength(3);

    expect(text).toContain('Participants sans voix délibérative — 4 participants');
    expect(text).toMatch(NON_VOTERS_HEADER);
    expect(flat).toContain('MERCIER Julien Coordinateur de la CPTS Salarié de la CPTS');
    expect(flat).toContain('ROUX Thomas Orthophoniste Adhésion en cours de validation');
    expect(flat).toContain(
      'Mme Anne-Laure Pellissier-Chabert Déléguée départementale — ARS Auvergne-Rhône-Alpes Invitée',
    );
    expect(flat).toContain('VIDAL Hélène Usagère Collège consultatif');
    // Non-voters come after every voter.
    expect(flat.indexOf('Participants sans voix délibérative —')).toBeGreaterThan(
      flat.indexOf('SSIAD du Sud Grenoblois'),
    );

    expect(text).toContain('Récapitulatif et clôture');
    expect(flat).toContain('MEMBRES VOTANTS INSCRITS 12');
    expect(flat).toContain('POUVOIRS ENREGISTRÉS 3');
    expect(flat).toContain('TOTAL DES VOIX 19');
    expect(flat).toContain('PARTICIPANTS SANS VOIX DÉLIBÉRATIVE 4');
    expect(flat).toMatch(/Arrêtée à …+ membres présents et …+ représentés, soit …+ voix\./);
    expect(text).toContain('Le président / la présidente de séance');
    expect(text).toContain('Le ou la secrétaire de séance');
    expect(text).toContain('Nom et signature');

    expect(pdf.pageCount).toBe(planAttendanceSheet(data).pages.length);
    expect(pdf.pageCount).toBeLessThanOrEqual(4);
    expectFooterOnEveryPage(pdf);
    expectOnlyInter(pdf.file);
    expectFrench(text);
  });

  it('leaves the Voix column and total out when every member has one vote', async () => {
    const data = smallAttendanceSheet({ weighted: false, withoutNonVoters: true });
    const pdf = await render(data, 'small-unweighted');
    const { text, flat } = pdf;

    expect(text).toMatch(UNWEIGHTED_HEADER);
    expect(text).not.toMatch(WEIGHTED_HEADER);
    expect(text).not.toMatch(/Cotisation\s+Voix/);
    expect(flat).not.toContain('TOTAL DES VOIX');
    expect(flat).not.toMatch(/soit …+ voix/);
    expect(flat).toMatch(/Arrêtée à …+ membres présents et …+ représentés\./);
    expect(text).not.toContain('deuxième convocation');
    expect(text).toContain('Séance du mardi 16 juin 2026, de 18 h 30 à 21 h');
    expect(text).toContain('Collège 1 — Professionnels de santé libéraux — 1 membre, 1 voix — 7 membres votants');

    expect(flat).toContain('5 LEFEBVRE Marc Pharmacien·ne À jour 2026 GARNIER Sophie NGUYEN-VAN-THIEU Thérèse');
    expect(flat).toContain('4 GARNIER Sophie Infirmier·ère Non à jour 2026 — Représenté·e par LEFEBVRE Marc');
    expect(flat).toContain('9 MSP des Ruires Maison de santé pluriprofessionnelle À jour 2026 —');

    expect(text).toContain('Participants sans voix délibérative');
    expect(text).toContain("Aucun participant sans voix délibérative n'est inscrit.");
    expect(text).not.toMatch(NON_VOTERS_HEADER);
    expect(flat).toContain('MEMBRES VOTANTS INSCRITS 12');
    expect(flat).toContain('POUVOIRS ENREGISTRÉS 3');
    expect(flat).toContain('PARTICIPANTS SANS VOIX DÉLIBÉRATIVE 0');

    expect(pdf.pageCount).toBe(planAttendanceSheet(data).pages.length);
    expectFooterOnEveryPage(pdf);
    expectOnlyInter(pdf.file);
    expectFrench(text);
  });

  it('prints fractional voix with a decimal comma, in the rows and in the total', async () => {
    // 7 libéraux × 1 + 2 structures × 2,5 + 3 établissements × 0,5 = 13,5 voix.
    const data = smallAttendanceSheet({ weighted: true, weights: [1, 2.5, 0.5], withoutNonVoters: true });
    expect(data.totals.totalWeight).toBe(13.5);
    const pdf = await render(data, 'small-weighted-decimals');
    const { text, flat } = pdf;
    expect(text).toMatch(WEIGHTED_HEADER);
    expect(text).toContain("Collège 2 — Structures d'exercice coordonné — 2,5 voix par structure — 2 membres votants");
    expect(flat).toContain('5 LEFEBVRE Marc Pharmacien·ne À jour 2026 1 GARNIER Sophie NGUYEN-VAN-THIEU Thérèse');
    expect(flat).toContain('9 MSP des Ruires Maison de santé pluriprofessionnelle À jour 2026 2,5 —');
    expect(flat).toContain('10 Centre hospitalier Alpes-Isère Établissement de santé À jour 2026 0,5 EHPAD Les Écrins');
    expect(flat).toContain(
      '11 EHPAD Les Écrins Établissement médico-social À jour 2026 0,5 — Représenté·e par Centre hospitalier Alpes-Isère',
    );
    expect(flat).toContain('TOTAL DES VOIX 13,5');
    // Neither rounded nor written with a decimal point.
    expect(flat).not.toMatch(/\d\.\d/);
    expect(flat).not.toContain('TOTAL DES VOIX 14');
    expectFrench(text);
  });

  it('says so when a collège, or the whole sheet, has no voting member', async () => {
    const base = smallAttendanceSheet({ withoutNonVoters: true });
    const withEmptyCollege: AttendanceSheetData = {
      ...base,
      association: { ...base.association, address: null },
      meeting: { ...base.meeting, place: null, visioUrl: null },
      colleges: [...base.colleges, { name: 'Collège 4 — Usagers', votingRightLabel: '1 membre, 1 voix', voters: [] }],
    };
    const pdf = await render(withEmptyCollege, 'empty-college');
    expect(pdf.text).toContain('Collège 4 — Usagers — 1 membre, 1 voix — 0 membre votant');
    expect(pdf.text).toContain('Aucun membre votant dans ce collège.');
    expect(pdf.text).not.toContain('Lieu :');
    expect(pdf.text).not.toContain('Visioconférence');
    expect(pdf.flat).toContain('12 SSIAD du Sud Grenoblois');
    expect(pdf.pageCount).toBe(planAttendanceSheet(withEmptyCollege).pages.length);
    expectFooterOnEveryPage(pdf);

    const nobody: AttendanceSheetData = {
      ...base,
      colleges: [],
      totals: { voters: 0, proxies: 0, weighted: false, totalWeight: 0 },
      quorumLine: 'Quorum requis : 0 membre votant présent ou représenté sur 0.',
    };
    const empty = await render(nobody, 'nobody');
    expect(empty.text).toContain("Aucun membre votant n'est inscrit.");
    expect(empty.text).not.toMatch(UNWEIGHTED_HEADER);
    expect(empty.flat).toContain('MEMBRES VOTANTS INSCRITS 0');
    expect(empty.pageCount).toBe(planAttendanceSheet(nobody).pages.length);
    expect(empty.pageCount).toBeLessThanOrEqual(2);
    expectFooterOnEveryPage(empty);
    expectFrench(empty.text);
  });

  it('renders 1 500 voters in 4 collèges with 400 pouvoirs, every name present, headers repeated', async () => {
    const data = largeAttendanceSheet();
    const voters = data.colleges.flatMap((college) => college.voters);
    expect(voters).toHaveLength(1500);
    expect(data.colleges).toHaveLength(4);
    expect(data.totals.proxies).toBe(400);

    const pdf = await render(data, 'large');
    console.info(`Feuille d'émargement, 1 500 votants : ${pdf.pageCount} pages en ${Math.round(pdf.ms)} ms`);
    const { text, flat } = pdf;

    // Every voter, with their number, in the order of the sheet.
    let from = 0;
    voters.forEach((voter, index) => {
      const at = flat.indexOf(`${index + 1} ${voter.name} `, from);
      expect(at, voter.name).toBeGreaterThanOrEqual(from);
      from = at;
    });
    // Every pouvoir, on the mandant's row and on the mandataire's.
    const represented = voters.filter((voter) => voter.representedBy !== null);
    expect(represented).toHaveLength(400);
    expect(flat.match(/Représenté·e par /g)).toHaveLength(400);
    for (const voter of represented) {
      expect(flat).toContain(
        `${voter.name} ${voter.quality} ${voter.cotisationLabel} ${normalise(formatVoix(voter.weight!))} — Représenté·e par ${voter.representedBy}`,
      );
    }
    const holders = voters.filter((voter) => voter.proxiesHeld.length > 0);
    expect(holders.some((voter) => voter.proxiesHeld.length === 2)).toBe(true);
    for (const voter of holders) {
      expect(flat).toContain(
        `${voter.name} ${voter.quality} ${voter.cotisationLabel} ${normalise(formatVoix(voter.weight!))} ${voter.proxiesHeld.join(' ')}`,
      );
    }

    for (const college of data.colleges) {
      expect(text).toContain(normalise(collegeHeading({ ...college, count: college.voters.length })));
    }
    const first = data.colleges[0]!;
    expect(text).toContain(normalise(collegeHeading({ ...first, count: first.voters.length }, true)));
    // Every page holding voters repeats the header row of the table under its heading.
    const voterPages = pdf.pages.filter((page) => /membres? votants?( \(suite\))?\n/.test(page));
    expect(voterPages.length).toBeGreaterThan(50);
    for (const page of voterPages) expect(page).toMatch(WEIGHTED_HEADER);
    expect(pdf.pages.filter((page) => /membres votants \(suite\)/.test(page)).length).toBeGreaterThan(50);
    // No collège heading alone at the foot of a page: each starts with two rows at least.
    const plan = planAttendanceSheet(data);
    for (const slice of plan.pages.flatMap((page) => page.slices)) {
      if (slice.kind !== 'closing')
        expect(slice.rows.length).toBeGreaterThanOrEqual(slice.heading.join(' ').includes('(suite)') ? 1 : 2);
    }

    expect(text).toContain('Participants sans voix délibérative — 25 participants');
    for (const participant of data.nonVoters)
      expect(flat).toContain(`${participant.name} ${participant.quality} ${participant.reason}`);
    expect(flat).toContain('MEMBRES VOTANTS INSCRITS 1 500');
    expect(flat).toContain('POUVOIRS ENREGISTRÉS 400');
    expect(flat).toContain(`TOTAL DES VOIX ${normalise(formatVoix(data.totals.totalWeight))}`);
    expect(flat).toMatch(/Arrêtée à …+ membres présents et …+ représentés, soit …+ voix\./);
    expect(text).toContain('Quorum requis : 375 membres votants présents ou représentés sur 1 500.');
    expect(text).toContain('sur deuxième convocation');

    // Landscape pages of 24 pt signature rows hold 10 to 20 voters each.
    expect(pdf.pageCount).toBe(plan.pages.length);
    expect(pdf.pageCount).toBeGreaterThan(1500 / 20);
    expect(pdf.pageCount).toBeLessThan(1500 / 10);
    expectFooterOnEveryPage(pdf);
    expectOnlyInter(pdf.file);
  }, 180_000);

  it('renders the 1 500-voter sheet without voix and holds the same voters', async () => {
    const data = largeAttendanceSheet({ weighted: false, seed: 7 });
    const pdf = await render(data, 'large-unweighted');
    expect(pdf.text).toMatch(UNWEIGHTED_HEADER);
    expect(pdf.text).not.toMatch(/Cotisation\s+Voix/);
    const voters = data.colleges.flatMap((college) => college.voters);
    for (const [index, voter] of voters.entries())
      expect(pdf.flat).toContain(`${index + 1} ${voter.name} ${voter.quality} `);
    expect(pdf.flat.match(/Représenté·e par /g)).toHaveLength(400);
    expect(pdf.pageCount).toBe(planAttendanceSheet(data).pages.length);
    expectFooterOnEveryPage(pdf);
  }, 180_000);
});
