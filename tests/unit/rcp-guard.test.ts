import { describe, it, expect } from 'vitest';
import {
  type IdentifierKind,
  type IdentifierFinding,
  findDirectIdentifiers,
  rcpTextProblem,
} from '@shared/domain/rcp-guard';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** Every finding must point at its own text: `match` is exactly `text` at `index`. */
function expectConsistent(text: string, findings: IdentifierFinding[]): void {
  for (const f of findings) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
}

function kindsOf(text: string): IdentifierKind[] {
  return findDirectIdentifiers(text).map((f) => f.kind);
}

// -------------------------------------------------------------------------------------------------------------
// True positives: [realistic sentence, expected kind, expected matched text]
// -------------------------------------------------------------------------------------------------------------

const POSITIVES: ReadonlyArray<[string, IdentifierKind, string]> = [
  // NIR: groupings, separators, Corsica, temporary numbers, with and without key
  ['Patient de 79 ans, NIR 1 84 12 75 123 456 78, vit seul.', 'nir', 'NIR 1 84 12 75 123 456 78'],
  ['Situation transmise avec le numéro 1 84 12 75 123 456 78 par la famille.', 'nir', '1 84 12 75 123 456 78'],
  ['Numéro figurant sur le courrier : 284127512345678.', 'nir', '284127512345678'],
  ['Patiente corse, 2 84 12 2A 123 456, retour à domicile.', 'nir', '2 84 12 2A 123 456'],
  ['Né en Haute-Corse, 1 52 07 2b 031 004 12 noté au dossier', 'nir', '1 52 07 2b 031 004 12'],
  ['copie du NIR : 1.84.12.75.123.456.78 (attestation)', 'nir', 'NIR : 1.84.12.75.123.456.78'],
  ['Vitale 1841275123456 présentée à la pharmacie', 'nir', '1841275123456'],
  [
    `Immatriculation provisoire 7${NBSP}84${NBSP}12${NBSP}99${NBSP}123${NBSP}456 en cours`,
    'nir',
    `7${NBSP}84${NBSP}12${NBSP}99${NBSP}123${NBSP}456`,
  ],
  [
    `assuré 1${NNBSP}84${NNBSP}12${NNBSP}75${NNBSP}123${NNBSP}456${NNBSP}78`,
    'nir',
    `1${NNBSP}84${NNBSP}12${NNBSP}75${NNBSP}123${NNBSP}456${NNBSP}78`,
  ],
  ['n° sécu 184127512 transmis par la fille (incomplet)', 'nir', 'n° sécu 184127512'],
  ['N° de sécurité sociale : 1 84 12 75 123 456 78', 'nir', 'N° de sécurité sociale : 1 84 12 75 123 456 78'],
  ['Assurée 2 48  03 75 123  456 78 (doubles espaces)', 'nir', '2 48  03 75 123  456 78'],
  ['NIR 1  84 12 75 123 456 78', 'nir', 'NIR 1  84 12 75 123 456 78'],
  ['numéro dicté 18 41 27 51 23 45 67 8 au téléphone', 'nir', '18 41 27 51 23 45 67 8'],
  ['sans clé : 28 40 57 51 23 45 6', 'nir', '28 40 57 51 23 45 6'],
  // INS / IPP labels
  ['INS : 1 84 12 75 123 456 78 qualifiée', 'ins', 'INS : 1 84 12 75 123 456 78'],
  ['matricule INS 2840575123456', 'ins', 'matricule INS 2840575123456'],
  ['Compte rendu hospitalier, IPP 00123456, sortie J+3', 'ins', 'IPP 00123456'],
  // Birth dates: cues, spellings, accents, uppercase, 2-digit years, missing year
  ['Patiente née le 03/03/48, vit seule à domicile.', 'date_naissance', 'née le 03/03/48'],
  ['Monsieur, né le 3 mars 1948, ALD cardio.', 'date_naissance', 'né le 3 mars 1948'],
  ['DDN : 12.05.1937 ; GIR 3', 'date_naissance', 'DDN : 12.05.1937'],
  ['ddn 1/2/1951, diabète', 'date_naissance', 'ddn 1/2/1951'],
  ['Date de naissance : 1er avril 1950.', 'date_naissance', 'Date de naissance : 1er avril 1950'],
  ['NÉE LE 3 MARS 1948 À BREST', 'date_naissance', 'NÉE LE 3 MARS 1948'],
  ['né(e) le 03-03-1948', 'date_naissance', 'né(e) le 03-03-1948'],
  ['Patiente née à Saint-Étienne le 3/3/1948, veuve.', 'date_naissance', 'née à Saint-Étienne le 3/3/1948'],
  ['ne le 03/03/1948 (saisie sans accent)', 'date_naissance', 'ne le 03/03/1948'],
  ['Nouveau-né le 12/12/2025, suivi PMI', 'date_naissance', 'né le 12/12/2025'],
  ['Patient né le 3 mars, 78 ans', 'date_naissance', 'né le 3 mars'],
  ['Naissance : 1948-03-03', 'date_naissance', 'Naissance : 1948-03-03'],
  ['DDN:03031948, GIR 2', 'date_naissance', 'DDN:03031948'],
  ['née le 030348', 'date_naissance', 'née le 030348'],
  ['ddn 19480303 (format du logiciel)', 'date_naissance', 'ddn 19480303'],
  // Full dates before 2000 without a cue
  ['Opérée le 12/03/1998 (PTH droite).', 'date_naissance', '12/03/1998'],
  ['Accident vasculaire le 12 mars 1950 selon la famille', 'date_naissance', '12 mars 1950'],
  ['courrier du 05.11.1987', 'date_naissance', '05.11.1987'],
  ['veuf depuis le 4 déc. 1999', 'date_naissance', '4 déc. 1999'],
  // E-mail addresses
  ['Contact de la fille : jean.dupont@orange.fr', 'email', 'jean.dupont@orange.fr'],
  ['écrire à JEAN.DUPONT@ORANGE.FR pour le RDV', 'email', 'JEAN.DUPONT@ORANGE.FR'],
  ['mail m-dupont+rcp@laposte.net.', 'email', 'm-dupont+rcp@laposte.net'],
  // Phone numbers
  ['Joignable au 06 12 34 56 78 le matin.', 'telephone', '06 12 34 56 78'],
  ['tél 0612345678', 'telephone', '0612345678'],
  ['Tél. : 06.12.34.56.78.', 'telephone', '06.12.34.56.78'],
  ['portable 06-12-34-56-78', 'telephone', '06-12-34-56-78'],
  ['fixe 01 45 67 89 10', 'telephone', '01 45 67 89 10'],
  ['aidant : +33 6 12 34 56 78', 'telephone', '+33 6 12 34 56 78'],
  ['aidant : +33 (0)6 12 34 56 78', 'telephone', '+33 (0)6 12 34 56 78'],
  ['fils à l’étranger, 0033 6 12 34 56 78', 'telephone', '0033 6 12 34 56 78'],
  ['+33612345678 (fille)', 'telephone', '+33612345678'],
  [`06${NBSP}12${NBSP}34${NBSP}56${NBSP}78`, 'telephone', `06${NBSP}12${NBSP}34${NBSP}56${NBSP}78`],
  ['fils à La Réunion : +262 692 12 34 56', 'telephone', '+262 692 12 34 56'],
  ['aidante +33 6 12 345 678', 'telephone', '+33 6 12 345 678'],
  ['fille à Londres +44 20 7946 0958', 'telephone', '+44 20 7946 0958'],
  ['neveu au Québec, +1 514 555 0199', 'telephone', '+1 514 555 0199'],
  ['Genève +41 22 123 45 67', 'telephone', '+41 22 123 45 67'],
  ['portable 06  12 34 56 78', 'telephone', '06  12 34 56 78'],
  // Civility + name
  ['Mme Dupont présente des chutes répétées.', 'civilite_nom', 'Mme Dupont'],
  ['M. Martin a été vu par l’IDE.', 'civilite_nom', 'M. Martin'],
  ['Monsieur Jean Durand, 84 ans', 'civilite_nom', 'Monsieur Jean Durand'],
  ['MME DUPONT, EHPAD', 'civilite_nom', 'MME DUPONT'],
  ['Madame Le Gall vit seule', 'civilite_nom', 'Madame Le Gall'],
  ['Mlle Élodie Petit, 19 ans, TCA', 'civilite_nom', 'Mlle Élodie Petit'],
  ['Mr Smith, touriste', 'civilite_nom', 'Mr Smith'],
  ['Mademoiselle de Villepin refuse les soins', 'civilite_nom', 'Mademoiselle de Villepin'],
  ['madame Dupont (fille) présente', 'civilite_nom', 'madame Dupont'],
  ['Mme d’Artagnan, 90 ans', 'civilite_nom', 'Mme d’Artagnan'],
  ['M. DUPONT Jean, 71 ans', 'civilite_nom', 'M. DUPONT Jean'],
  ['Mme. Lefèvre-Dubois', 'civilite_nom', 'Mme. Lefèvre-Dubois'],
  ['Patiente veuve Petit, vit seule', 'civilite_nom', 'veuve Petit'],
  ['Mme X, née Durand', 'civilite_nom', 'née Durand'],
  ['Mme dupont a chuté deux fois', 'civilite_nom', 'Mme dupont'],
  ['vu madame dupont ce matin', 'civilite_nom', 'madame dupont'],
  ['Melle Dupont, 19 ans', 'civilite_nom', 'Melle Dupont'],
  ['Mme.Dupont vit seule', 'civilite_nom', 'Mme.Dupont'],
  ['Mme de la Fontaine, 88 ans', 'civilite_nom', 'Mme de la Fontaine'],
  ['M. XU, traduction par son fils', 'civilite_nom', 'M. XU'],
  ['monsieur lefebvre refuse le portage', 'civilite_nom', 'monsieur lefebvre'],
  ['Mlle martin, 19 ans', 'civilite_nom', 'Mlle martin'],
  // Postal addresses
  ['Vit au 12 rue des Lilas, 2e étage sans ascenseur.', 'adresse', '12 rue des Lilas'],
  ['Domicile : 3 bis, avenue Jean Jaurès 69007 Lyon.', 'adresse', '3 bis, avenue Jean Jaurès 69007 Lyon'],
  ['45 BD DE LA REPUBLIQUE', 'adresse', '45 BD DE LA REPUBLIQUE'],
  ['8 impasse des Acacias (maison de plain-pied)', 'adresse', '8 impasse des Acacias'],
  ['réside 1 place de la République', 'adresse', '1 place de la République'],
  ['27 chemin du Moulin, isolé', 'adresse', '27 chemin du Moulin'],
  ['12 rue lecourbe', 'adresse', '12 rue lecourbe'],
  ['7 av. Foch', 'adresse', '7 av. Foch'],
  ['5 allée des Tilleuls, 35000 Rennes', 'adresse', '5 allée des Tilleuls, 35000 Rennes'],
  ['10 cours Mirabeau', 'adresse', '10 cours Mirabeau'],
  ['14 quai de la Loire', 'adresse', '14 quai de la Loire'],
  ['Domicile au 12 B rue des Lilas', 'adresse', '12 B rue des Lilas'],
  ['12 r. des Lilas, rez-de-chaussée', 'adresse', '12 r. des Lilas'],
  ['vit au 12 chemin des vignes, isolée', 'adresse', '12 chemin des vignes'],
];

describe('findDirectIdentifiers — identifiers that must be found', () => {
  it.each(POSITIVES)('%s → %s', (text, kind, match) => {
    const findings = findDirectIdentifiers(text);
    expect(findings.map((f) => [f.kind, f.match])).toContainEqual([kind, match]);
    expectConsistent(text, findings);
  });

  it('has many true positives, of every kind', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(POSITIVES.map(([, kind]) => kind));
    expect([...kinds].sort()).toEqual(
      ['adresse', 'civilite_nom', 'date_naissance', 'email', 'ins', 'nir', 'telephone'].sort(),
    );
  });

  it('flags a NIR-shaped number whatever its key (a mistyped NIR is still a NIR)', () => {
    // 1 84 12 75 123 456: valid key is 97 - (1841275123456 mod 97); a wrong key must still be flagged.
    const key = 97 - Number(1841275123456n % 97n);
    const wrong = key === 1 ? 2 : 1;
    expect(kindsOf(`1 84 12 75 123 456 ${String(key).padStart(2, '0')}`)).toEqual(['nir']);
    expect(kindsOf(`1 84 12 75 123 456 ${String(wrong).padStart(2, '0')}`)).toEqual(['nir']);
  });

  it('finds every identifier of a pasted note, in the order of the text, with their positions', () => {
    const text =
      'Mme Dupont, née le 03/03/1948, NIR 2 48 03 75 123 456 78, 12 rue des Lilas 75012 Paris, ' +
      'tél 06 12 34 56 78, fille : a.dupont@gmail.com. Revoir en RCP le 15/12/2026.';
    const findings = findDirectIdentifiers(text);
    expect(findings.map((f) => f.kind)).toEqual([
      'civilite_nom',
      'date_naissance',
      'nir',
      'adresse',
      'telephone',
      'email',
    ]);
    expect(findings.map((f) => f.match)).toEqual([
      'Mme Dupont',
      'née le 03/03/1948',
      'NIR 2 48 03 75 123 456 78',
      '12 rue des Lilas 75012 Paris',
      '06 12 34 56 78',
      'a.dupont@gmail.com',
    ]);
    expectConsistent(text, findings);
    const indexes = findings.map((f) => f.index);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  });

  it('reports an overlap once, keeping the longer detection (a labelled NIR is not also a bare NIR)', () => {
    expect(findDirectIdentifiers('INS : 1 84 12 75 123 456 78')).toHaveLength(1);
    expect(findDirectIdentifiers('née le 03/03/1948')).toHaveLength(1);
    expect(findDirectIdentifiers('DDN 12 mars 1950')).toHaveLength(1);
  });

  it('gives each finding a French message naming the kind, the text and the reason', () => {
    const [finding] = findDirectIdentifiers('Joignable au 06 12 34 56 78.');
    expect(finding?.message).toContain('Un numéro de téléphone');
    expect(finding?.message).toContain('« 06 12 34 56 78 »');
    expect(finding?.message).toContain('identifie directement le patient');
    expect(finding?.message).toContain('pseudonymisé');
  });

  it('returns nothing for an empty text', () => {
    expect(findDirectIdentifiers('')).toEqual([]);
    expect(rcpTextProblem('', 'Motif')).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------------------------
// False positives: realistic RCP content that must be accepted
// -------------------------------------------------------------------------------------------------------------

const NEGATIVES: readonly string[] = [
  'Patiente de 82 ans, ALD diabète, chutes répétées ; IDE 3 passages/semaine ; suivi le 15/12/2026',
  'Dr Martin (MT) propose une réévaluation.',
  'Revoir en RCP le 12 janvier 2027.',
  'HbA1c 8,2 % ; TA 150/90 ; metformine 3 x 20 mg',
  'GIR 4, score MNA 17/30, MMSE 22/30, ADL 4/6, IADL 2/8',
  'RPPS 10003198511 du médecin traitant',
  'RPPS 10003198511 12 ans de suivi par le même MT',
  'FINESS 750712184 ; SIREN 362521879 ; SIRET 362 521 879 00034 ; SIRET 36252187900034',
  'Diabète connu depuis 2019, insuline depuis 2023.',
  'Né prématuré, suivi en PMI.',
  'Avis de M. le Dr Durand (cardiologue).',
  'Patient de 75 ans, poids 65 kg, IMC 32, clairance 45 ml/min, INR 2,5',
  'Douleur évaluée à 4/10 (échelle EVA), 30 % d’amélioration',
  'Passage IDE à 8 h 15 et à 14 h 30, pansement 2 fois par jour',
  'Passage à 14h30, 1 cp matin-midi-soir, posologie 1-0-1',
  'Vitamine D 100 000 UI tous les 3 mois',
  'Chute dans la rue, relevée par un voisin ; habite au 15 rue, sans ascenseur',
  'Mme X, 82 ans, vit seule à domicile.',
  'Mme D., 82 ans ; M. DM, 79 ans ; Mme XXX',
  'La patiente, Mme âgée de 82 ans, refuse l’EHPAD.',
  'M. le médecin traitant et Mme la cadre de santé sont informés.',
  'Madame a été vue en consultation ; Monsieur est d’accord.',
  'Docteur Jean Martin et Pr Durand ont donné leur avis ; Mme Dr Leroy excusée',
  'Monsieur le Maire a été sollicité pour le portage de repas.',
  'Mme Y et M. Z, couple suivi par l’IDE.',
  '2 places en accueil de jour, 3 cours de gym adaptée par semaine',
  '1 passage 2 fois par jour, 1 impasse thérapeutique identifiée',
  'Traitement instauré le 01/02/2015, ordonnance du 3.4.2025',
  'CR du 12.01.26, suivi 15-12-26',
  'Glycémie 1,26 g/l le 03.02.2026',
  'RCP n° 2026-0042, le 1er janvier 2027',
  'Hospitalisations entre 1990 et 2000, cancer du sein en mars 1998',
  'Née en 1948, ancienne institutrice.',
  'Patient né en 1948, revu le 12/12/2026',
  'Née prématurée, revue le 15/12/2026',
  'EHPAD Les Lilas, SSIAD de la Vallée',
  'INS qualifiée : oui ; insuline 12 UI matin',
  'Prise en charge à 100 % sécurité sociale',
  'Bloc AV 1, FEVG 45 %, NT-proBNP 1 250',
  'Score 1/2/3, TNM T2 N0 M0',
  'Revoir en janvier 2027 ; prochaine RCP dans 3 mois',
  'Aide à domicile 2 h par jour, 12 h par semaine, portage de repas 5 j/7',
  'Appel au 15 le 12/11/2026, passage aux urgences',
  'Suivi par l’IDE Mme X et le kiné ; M. le Dr Petit, MT',
  'Madame présente des chutes ; Monsieur souhaitait rentrer ; Madame hospitalisée en mars',
  'Madame vit seule, Monsieur refuse l’aide, Mme dispose d’un déambulateur',
  'Mme est d’accord ; madame se plaint de douleurs ; M. et Mme sont informés',
  'Mme la cadre de santé et M. le médecin traitant, Mme DM, M. D.',
  'Don de 1 250 000 € ; +12 % en un an ; TA +10 mmHg ; +1 250 000 habitants',
  'Scores 10/12/14, 3 x 20 mg, 12 mois de suivi, 45 % d’amélioration',
  '1 chemin clinique ; 2 chemins d’accès',
  'Madame perd du poids ; Monsieur tousse la nuit ; Mademoiselle pleure souvent',
];

describe('findDirectIdentifiers — RCP content that must be accepted', () => {
  it.each(NEGATIVES)('%s', (text) => {
    expect(findDirectIdentifiers(text)).toEqual([]);
    expect(rcpTextProblem(text, 'Situation')).toBeNull();
  });

  it('has many false-positive checks', () => {
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(25);
  });
});

// -------------------------------------------------------------------------------------------------------------
// Borderline decisions, documented
// -------------------------------------------------------------------------------------------------------------

describe('findDirectIdentifiers — borderline decisions', () => {
  it('flags a name with a civility even when it might be a professional: the text cannot tell', () => {
    expect(kindsOf('Mme Martin, IDE, passe le matin')).toEqual(['civilite_nom']);
    // Trailing profession is not part of the quoted name.
    expect(findDirectIdentifiers('Mme Dupont IDE')[0]?.match).toBe('Mme Dupont');
  });

  it('does not read « M. le Dr », « Dr », « Pr » or a lower-case word after a civility as a patient name', () => {
    expect(kindsOf('M. le Dr Durand')).toEqual([]);
    expect(kindsOf('M. Le Dr Martin')).toEqual([]);
    expect(kindsOf('Mme âgée')).toEqual([]);
    expect(kindsOf('m. dupont')).toEqual([]); // lower-case « m. » and name: not recognisable as a name
  });

  it('reads two capitals with a vowel as a short surname, without a vowel as initials', () => {
    expect(kindsOf('M. XU')).toEqual(['civilite_nom']);
    expect(kindsOf('Mme LI')).toEqual(['civilite_nom']);
    expect(kindsOf('M. DM')).toEqual([]);
  });

  it('reads a lower-case word after a civility as a name, unless it is a common word of a note', () => {
    expect(kindsOf('Mme dupont')).toEqual(['civilite_nom']);
    expect(kindsOf('Madame présente des chutes')).toEqual([]);
    expect(kindsOf('Monsieur dupont')).toEqual([]); // a capitalised full civility: the next word may be any verb
    expect(kindsOf('Monsieur hospitalisé')).toEqual([]);
    expect(kindsOf("Madame n'a pas chuté")).toEqual([]);
  });

  it('cannot detect a surname written alone: the guard is a safety net', () => {
    expect(kindsOf('Dupont chute souvent')).toEqual([]);
  });

  it('does not read a long run of digits after a « + » as a phone number, and answers quickly on it', () => {
    expect(kindsOf(`+1${'2'.repeat(40)}`)).toEqual([]);
  });

  it('accepts a year of birth or a month and year: not a direct identifier', () => {
    expect(kindsOf('née en 1948')).toEqual([]);
    expect(kindsOf('DDN 03/1948')).toEqual([]);
  });

  it('accepts full dates from 2000 on without a birth cue, flags them with one', () => {
    expect(kindsOf('revue le 12/03/2015')).toEqual([]);
    expect(kindsOf('née le 12/03/2015')).toEqual(['date_naissance']);
  });

  it('a birth cue separated from the date by a comma does not make a follow-up date a birth date', () => {
    expect(kindsOf('né à terme, revu le 12/12/2026')).toEqual([]);
  });

  it('does not flag a street number without a street name, nor a street name without a number', () => {
    expect(kindsOf('15 rue')).toEqual([]);
    expect(kindsOf('habite rue des Lilas')).toEqual([]);
  });

  it('flags phone numbers and e-mail addresses even when they might be those of a professional', () => {
    expect(kindsOf('IDE joignable au 06 12 34 56 78')).toEqual(['telephone']);
    expect(kindsOf('MT : dr.martin@medecin.mssante.fr')).toEqual(['email']);
  });

  it('does not read a phone number, an RPPS or a SIRET as a NIR', () => {
    expect(kindsOf('06 12 34 56 78')).toEqual(['telephone']);
    expect(kindsOf('0033 6 12 34 56 78')).toEqual(['telephone']);
    expect(kindsOf('10003198511')).toEqual([]);
    expect(kindsOf('36252187900034')).toEqual([]);
  });

  it('does not flag 2-digit-year dashes (posologies) without a cue, but does with one', () => {
    expect(kindsOf('2-1-50')).toEqual([]);
    expect(kindsOf('né le 2-1-50')).toEqual(['date_naissance']);
  });

  it('keeps months that a NIR never has out of the NIR shape', () => {
    // Month 15 does not exist in a NIR (01–12, 20–42, 50–99).
    expect(kindsOf('1 84 15 75 123 456 78')).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------------------------
// rcpTextProblem: the message shown before saving
// -------------------------------------------------------------------------------------------------------------

describe('rcpTextProblem', () => {
  it('returns null for an acceptable text', () => {
    expect(rcpTextProblem('Patiente de 82 ans, ALD diabète ; suivi le 15/12/2026', 'Situation')).toBeNull();
  });

  it('names the field, the kind, the text found and the reason', () => {
    const message = rcpTextProblem('Assurée 1 84 12 75 123 456 78, vit seule', 'Situation');
    expect(message).toBe(
      'Le texte « Situation » contient un numéro de sécurité sociale (« 1 84 12 75 123 456 78 ») : les cas de RCP ' +
        'sont pseudonymisés, aucune donnée identifiant directement le patient (nom, NIR, date de naissance, adresse, ' +
        'téléphone, courriel) ne peut être enregistrée. Supprimez-la : le lien avec le patient et ses coordonnées ' +
        'restent dans le dossier du professionnel qui le suit.',
    );
  });

  it('says what to write instead of a birth date', () => {
    const message = rcpTextProblem('née le 3 mars 1948', 'Motif') ?? '';
    expect(message).toMatch(/^Le texte « Motif » contient une date de naissance \(« née le 3 mars 1948 »\) : /);
    expect(message).toContain('pseudonymisés');
    expect(message).toContain(
      "Remplacez-la par une information non identifiante (par exemple l'âge ou la tranche d'âge",
    );
  });

  it('explains that an old date may be a birth date', () => {
    const message = rcpTextProblem('Opérée le 12/03/1998', 'Situation') ?? '';
    expect(message).toContain(
      'une date complète antérieure à 2000 (« 12/03/1998 »), qui peut être une date de naissance :',
    );
    expect(message).toContain("l'année seule pour un antécédent");
  });

  it('suggests the case code or the profession instead of a name', () => {
    const message = rcpTextProblem('Mme Dupont chute souvent', 'Décisions') ?? '';
    expect(message).toContain("un nom précédé d'une civilité (« Mme Dupont »)");
    expect(message).toContain('le code du cas');
    expect(message).toContain('« Dr » ou la profession');
  });

  it('lists every kind found in one message, counting repeated kinds', () => {
    const message =
      rcpTextProblem(
        'Mme Dupont, née le 03/03/1948, tél 06 12 34 56 78 ou 01 45 67 89 10, 12 rue des Lilas, ' +
          'mail jd@free.fr, INS 2 48 03 75 123 456 78',
        'Situation',
      ) ?? '';
    expect(message.startsWith('Le texte « Situation » contient ')).toBe(true);
    expect(message).toContain("un nom précédé d'une civilité (« Mme Dupont »)");
    expect(message).toContain('une date de naissance (« née le 03/03/1948 »)');
    expect(message).toContain('deux numéros de téléphone (« 06 12 34 56 78 », « 01 45 67 89 10 »)');
    expect(message).toContain('une adresse postale (« 12 rue des Lilas »)');
    expect(message).toContain('une adresse électronique (« jd@free.fr »)');
    expect(message).toContain('et un identifiant national de santé (« INS 2 48 03 75 123 456 78 »)');
    expect(message).toContain('Supprimez les numéros et coordonnées');
    expect(message).toContain('remplacez le reste par des informations non identifiantes');
    // One message, one explanation.
    expect(message.match(/pseudonymisés/g)).toHaveLength(1);
  });

  it('quotes at most three occurrences of a kind', () => {
    const message = rcpTextProblem('06 12 34 56 78, 07 11 22 33 44, 0145678910 et 01 02 03 04 05') ?? '';
    expect(message).toContain(
      'Le texte contient quatre numéros de téléphone (« 06 12 34 56 78 », « 07 11 22 33 44 », « 0145678910 », …)',
    );
    expect(message).not.toContain('01 02 03 04 05');
    expect(message).toContain('Supprimez-les');
  });

  it('without a field label, speaks of « Le texte »', () => {
    expect(rcpTextProblem('jean.dupont@orange.fr')).toMatch(/^Le texte contient une adresse électronique/);
    expect(rcpTextProblem('jean.dupont@orange.fr', '   ')).toMatch(/^Le texte contient /);
  });
});
