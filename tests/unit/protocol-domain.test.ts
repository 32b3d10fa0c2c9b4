import { describe, expect, it } from 'vitest';
import {
  applyingVersion,
  exactGlob,
  htmlBlocks,
  nextReviewDate,
  reviewApplies,
  reviewSoonLimit,
  reviewStatus,
  searchWords,
  splitWordProtocol,
  statusChangeProblem,
  wordGlob,
} from '@shared/domain/protocols';

describe('review dates', () => {
  it('adds the review period to the validation date, month ends clamped', () => {
    expect(nextReviewDate('2025-03-12', 24)).toBe('2027-03-12');
    expect(nextReviewDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(nextReviewDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(nextReviewDate('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('is due soon within 60 days, past due the day after', () => {
    const today = '2026-11-23';
    expect(reviewSoonLimit(today)).toBe('2027-01-22');
    expect(reviewStatus('2027-01-23', today)).toBe('a_jour');
    expect(reviewStatus('2027-01-22', today)).toBe('bientot');
    expect(reviewStatus('2026-11-23', today)).toBe('bientot');
    expect(reviewStatus('2026-11-22', today)).toBe('depassee');
    expect(reviewStatus(null, today)).toBeNull();
  });

  it('only concerns versions that apply', () => {
    expect(reviewApplies('en_vigueur')).toBe(true);
    expect(reviewApplies('valide')).toBe(true);
    expect(reviewApplies('suspendu')).toBe(true);
    expect(reviewApplies('brouillon')).toBe(false);
    expect(reviewApplies('remplace')).toBe(false);
    expect(reviewApplies('archive')).toBe(false);
  });
});

describe('status changes', () => {
  it('allows putting a validated version in force, suspending and resuming it, archiving', () => {
    expect(statusChangeProblem('valide', 'en_vigueur')).toBeNull();
    expect(statusChangeProblem('en_vigueur', 'suspendu')).toBeNull();
    expect(statusChangeProblem('suspendu', 'en_vigueur')).toBeNull();
    expect(statusChangeProblem('en_vigueur', 'archive')).toBeNull();
    expect(statusChangeProblem('remplace', 'archive')).toBeNull();
  });

  it('refuses the others with the reason', () => {
    expect(statusChangeProblem('brouillon', 'en_vigueur')).toMatch(/validez-la d’abord/);
    expect(statusChangeProblem('valide', 'suspendu')).toMatch(/Seule une version en vigueur/);
    expect(statusChangeProblem('en_vigueur', 'en_vigueur')).toMatch(/déjà en vigueur/);
    expect(statusChangeProblem('remplace', 'en_vigueur')).toMatch(/nouvelle version/);
    expect(statusChangeProblem('archive', 'en_vigueur')).toMatch(/archivée/);
  });

  it('picks the version in force, else suspended, else the latest validated, else the draft', () => {
    const v = (number: number, status: Parameters<typeof statusChangeProblem>[0]) => ({ number, status });
    expect(applyingVersion([v(1, 'remplace'), v(2, 'en_vigueur'), v(3, 'valide'), v(4, 'brouillon')])?.number).toBe(2);
    expect(applyingVersion([v(1, 'suspendu'), v(2, 'valide')])?.number).toBe(1);
    expect(applyingVersion([v(1, 'valide'), v(2, 'valide'), v(3, 'brouillon')])?.number).toBe(2);
    expect(applyingVersion([v(1, 'brouillon')])?.status).toBe('brouillon');
    expect(applyingVersion([])).toBeNull();
  });
});

describe('search patterns', () => {
  it('splits words without accents and matches their accented and upper-case forms', () => {
    expect(searchWords('  Épaule  d’Élève [x]* ')).toEqual(['epaule', 'd', 'eleve', 'x']);
    const glob = wordGlob('cystite');
    expect(glob.startsWith('*[cçCÇ][yÿYŸ]')).toBe(true);
    expect(glob.endsWith('*')).toBe(true);
    expect(exactGlob(' Gériatrie ')).toBe(
      '[gG][eéèêëEÉÈÊË][rR][iîïíìIÎÏÍÌ][aàâäáãåAÀÂÄÁÃÅ][tT][rR][iîïíìIÎÏÍÌ][eéèêëEÉÈÊË]',
    );
  });
});

describe('Word protocol split into HAS sections', () => {
  const html = [
    '<h1>Prise en charge de la cystite simple</h1>',
    '<p>Texte d’introduction sans titre.</p>',
    '<h2>1. Objectifs</h2><ul><li>Réduire les délais</li><li>Éviter les passages aux urgences</li></ul>',
    '<h2>Critères d’inclusion</h2><p>Femme de 16 à 65 ans &amp; symptômes &lt; 3 jours</p>',
    '<p><strong>Critères d’exclusion :</strong> fièvre, grossesse</p>',
    '<h2>Étapes</h2><p>Pharmacien : réalise la bandelette urinaire</p><p>Médecin généraliste – revoit la patiente</p>',
    '<p>Une étape sans profession</p>',
    '<table><tr><td><p>Infirmier</p></td><td><p>rappelle à 48 h</p></td></tr></table>',
    '<h2>Annexe libre</h2><p>Numéros utiles</p>',
    '<h2>Références</h2><p>HAS 2016</p>',
    '<h3>Points critiques</h3><p>Signes de pyélonéphrite</p>',
  ].join('');

  it('cuts mammoth’s HTML into blocks, headings marked, entities decoded', () => {
    const blocks = htmlBlocks(html);
    expect(blocks[0]).toEqual({ heading: true, text: 'Prise en charge de la cystite simple' });
    expect(blocks).toContainEqual({ heading: false, text: 'Femme de 16 à 65 ans & symptômes < 3 jours' });
    expect(blocks).toContainEqual({ heading: false, text: '• Réduire les délais' });
    expect(blocks).toContainEqual({ heading: false, text: 'Infirmier | rappelle à 48 h' });
  });

  it('fills each section, turns « profession : action » lines into steps and keeps the rest in the situation', () => {
    const result = splitWordProtocol(htmlBlocks(html));
    expect(result.title).toBe('Prise en charge de la cystite simple');
    expect(result.sections.objectives).toBe('• Réduire les délais\n• Éviter les passages aux urgences');
    expect(result.sections.inclusionCriteria).toBe('Femme de 16 à 65 ans & symptômes < 3 jours');
    expect(result.sections.exclusionCriteria).toBe('fièvre, grossesse');
    expect(result.sections.referencesText).toBe('HAS 2016');
    expect(result.sections.criticalPoints).toBe('Signes de pyélonéphrite');
    expect(result.steps).toEqual([
      { professionCode: '21', action: 'réalise la bandelette urinaire' },
      { professionCode: '10', action: 'revoit la patiente' },
      { professionCode: '60', action: 'rappelle à 48 h' },
    ]);
    expect(result.sections.situation).toBe(
      'Texte d’introduction sans titre.\nUne étape sans profession\nAnnexe libre\nNuméros utiles',
    );
  });

  it('has no title when the document starts with a section', () => {
    const result = splitWordProtocol(htmlBlocks('<h1>Objectifs</h1><p>Mieux soigner</p>'));
    expect(result.title).toBeNull();
    expect(result.sections).toEqual({ objectives: 'Mieux soigner' });
  });
});
