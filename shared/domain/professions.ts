/**
 * Professions of CPTS members. Health professions come from the ANS nomenclature TRE_G15-ProfessionSante,
 * titles of use from TRE_R95 and social work from TRE_R94; roles that are not health professions
 * (coordination, usagers, élus, partners) carry codes of our own, prefixed so they never collide.
 */

export type ProfessionFamily = 'sante' | 'usage_titre' | 'social' | 'autre';

export interface Profession {
  code: string;
  label: string;
  /** Feminine or plural-neutral label for lists (« Infirmier·e »). */
  inclusive: string;
  family: ProfessionFamily;
  /** Nomenclature the code comes from. */
  source: 'TRE_G15' | 'TRE_R95' | 'TRE_R94' | 'Maillage';
  /** Alternative spellings found in coordinators' spreadsheets (matched accent- and case-insensitively). */
  aliases: string[];
  /** Spécialité that an alias implies (e.g. « médecin généraliste » → SM54). */
  impliedSpecialty?: Record<string, string>;
}

export const PROFESSIONS: Profession[] = [
  {
    code: '10',
    label: 'Médecin',
    inclusive: 'Médecin',
    family: 'sante',
    source: 'TRE_G15',
    aliases: [
      'medecin',
      'medecins',
      'docteur',
      'dr',
      'medecin generaliste',
      'mg',
      'generaliste',
      'medecin specialiste',
      'specialiste',
    ],
    impliedSpecialty: { 'medecin generaliste': 'SM54', mg: 'SM54', generaliste: 'SM54' },
  },
  {
    code: '21',
    label: 'Pharmacien',
    inclusive: 'Pharmacien·ne',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['pharmacien', 'pharmacienne', 'pharmacie', 'pharmacien titulaire', 'pharmacien d officine'],
  },
  {
    code: '26',
    label: 'Audioprothésiste',
    inclusive: 'Audioprothésiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['audioprothesiste'],
  },
  {
    code: '28',
    label: 'Opticien-Lunetier',
    inclusive: 'Opticien·ne-lunetier·ère',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['opticien', 'opticienne', 'opticien lunetier'],
  },
  {
    code: '31',
    label: 'Assistant dentaire',
    inclusive: 'Assistant·e dentaire',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['assistant dentaire', 'assistante dentaire'],
  },
  {
    code: '32',
    label: 'Physicien médical',
    inclusive: 'Physicien·ne médical·e',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['physicien medical'],
  },
  {
    code: '40',
    label: 'Chirurgien-Dentiste',
    inclusive: 'Chirurgien·ne-dentiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['chirurgien dentiste', 'chirurgienne dentiste', 'dentiste', 'cd'],
  },
  {
    code: '50',
    label: 'Sage-Femme',
    inclusive: 'Sage-femme',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['sage femme', 'sages femmes', 'sf', 'maieuticien'],
  },
  {
    code: '60',
    label: 'Infirmier',
    inclusive: 'Infirmier·ère',
    family: 'sante',
    source: 'TRE_G15',
    aliases: [
      'infirmier',
      'infirmiere',
      'ide',
      'idel',
      'infirmier liberal',
      'infirmiere liberale',
      'ipa',
      'infirmier en pratique avancee',
      'infirmiere asalee',
      'asalee',
    ],
  },
  {
    code: '69',
    label: 'Infirmier psychiatrique',
    inclusive: 'Infirmier·ère psychiatrique',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['infirmier psychiatrique', 'infirmiere psychiatrique'],
  },
  {
    code: '70',
    label: 'Masseur-Kinésithérapeute',
    inclusive: 'Masseur·se-kinésithérapeute',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['masseur kinesitherapeute', 'masseuse kinesitherapeute', 'kinesitherapeute', 'kine', 'mk', 'mkde'],
  },
  {
    code: '80',
    label: 'Pédicure-Podologue',
    inclusive: 'Pédicure-podologue',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['pedicure podologue', 'podologue', 'pedicure'],
  },
  {
    code: '81',
    label: 'Orthoprothésiste',
    inclusive: 'Orthoprothésiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['orthoprothesiste'],
  },
  {
    code: '82',
    label: 'Podo-Orthésiste',
    inclusive: 'Podo-orthésiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['podo orthesiste'],
  },
  {
    code: '83',
    label: 'Orthopédiste-Orthésiste',
    inclusive: 'Orthopédiste-orthésiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['orthopediste orthesiste', 'orthesiste'],
  },
  {
    code: '84',
    label: 'Oculariste',
    inclusive: 'Oculariste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['oculariste'],
  },
  {
    code: '85',
    label: 'Épithésiste',
    inclusive: 'Épithésiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['epithesiste'],
  },
  {
    code: '86',
    label: 'Technicien de laboratoire médical',
    inclusive: 'Technicien·ne de laboratoire médical',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['technicien de laboratoire', 'technicienne de laboratoire', 'technicien de laboratoire medical'],
  },
  {
    code: '91',
    label: 'Orthophoniste',
    inclusive: 'Orthophoniste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['orthophoniste', 'orthophonistes'],
  },
  {
    code: '92',
    label: 'Orthoptiste',
    inclusive: 'Orthoptiste',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['orthoptiste'],
  },
  {
    code: '94',
    label: 'Ergothérapeute',
    inclusive: 'Ergothérapeute',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['ergotherapeute', 'ergo'],
  },
  {
    code: '95',
    label: 'Diététicien',
    inclusive: 'Diététicien·ne',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['dieteticien', 'dieteticienne'],
  },
  {
    code: '96',
    label: 'Psychomotricien',
    inclusive: 'Psychomotricien·ne',
    family: 'sante',
    source: 'TRE_G15',
    aliases: ['psychomotricien', 'psychomotricienne', 'psychomot'],
  },
  {
    code: '98',
    label: 'Manipulateur ERM',
    inclusive: 'Manipulateur·rice en électroradiologie médicale',
    family: 'sante',
    source: 'TRE_G15',
    aliases: [
      'manipulateur erm',
      'manipulatrice erm',
      'manipulateur radio',
      'manipulateur en electroradiologie medicale',
    ],
  },
  {
    code: '71',
    label: 'Ostéopathe',
    inclusive: 'Ostéopathe',
    family: 'usage_titre',
    source: 'TRE_R95',
    aliases: ['osteopathe', 'osteo'],
  },
  {
    code: '72',
    label: 'Psychothérapeute',
    inclusive: 'Psychothérapeute',
    family: 'usage_titre',
    source: 'TRE_R95',
    aliases: ['psychotherapeute'],
  },
  {
    code: '73',
    label: 'Chiropracteur',
    inclusive: 'Chiropracteur·rice',
    family: 'usage_titre',
    source: 'TRE_R95',
    aliases: ['chiropracteur', 'chiropractrice', 'chiropraticien'],
  },
  {
    code: '93',
    label: 'Psychologue',
    inclusive: 'Psychologue',
    family: 'usage_titre',
    source: 'TRE_R95',
    aliases: ['psychologue', 'psy', 'neuropsychologue'],
  },
  {
    code: '41',
    label: 'Assistant de service social',
    inclusive: 'Assistant·e de service social',
    family: 'social',
    source: 'TRE_R94',
    aliases: [
      'assistant de service social',
      'assistante de service social',
      'assistante sociale',
      'assistant social',
      'ass',
    ],
  },
  {
    code: 'X-COORD',
    label: 'Coordinateur',
    inclusive: 'Coordinateur·rice',
    family: 'autre',
    source: 'Maillage',
    aliases: ['coordinateur', 'coordinatrice', 'coordination', 'coordinateur de cpts', 'coordinatrice de cpts'],
  },
  {
    code: 'X-ASSMED',
    label: 'Assistant médical',
    inclusive: 'Assistant·e médical·e',
    family: 'autre',
    source: 'Maillage',
    aliases: ['assistant medical', 'assistante medicale'],
  },
  {
    code: 'X-MEDIAT',
    label: 'Médiateur en santé',
    inclusive: 'Médiateur·rice en santé',
    family: 'autre',
    source: 'Maillage',
    aliases: ['mediateur', 'mediatrice', 'mediateur en sante', 'mediatrice en sante'],
  },
  {
    code: 'X-SECR',
    label: 'Secrétaire',
    inclusive: 'Secrétaire',
    family: 'autre',
    source: 'Maillage',
    aliases: ['secretaire', 'secretaire medicale', 'secretaire medical'],
  },
  {
    code: 'X-USAGER',
    label: 'Usager / patient',
    inclusive: 'Usager·ère / patient·e',
    family: 'autre',
    source: 'Maillage',
    aliases: ['usager', 'usagere', 'patient', 'patiente', 'representant des usagers', 'patient partenaire'],
  },
  {
    code: 'X-ELU',
    label: 'Élu',
    inclusive: 'Élu·e',
    family: 'autre',
    source: 'Maillage',
    aliases: ['elu', 'elue', 'maire', 'adjoint au maire', 'conseiller municipal'],
  },
  {
    code: 'X-PARTEN',
    label: 'Partenaire',
    inclusive: 'Partenaire',
    family: 'autre',
    source: 'Maillage',
    aliases: ['partenaire', 'membre associe'],
  },
  {
    code: 'X-AUTRE',
    label: 'Autre',
    inclusive: 'Autre',
    family: 'autre',
    source: 'Maillage',
    aliases: ['autre', 'autres'],
  },
];

/** Médecin specialties (TRE_R38): the codes verified in the ANS nomenclature. */
export const MEDICAL_SPECIALTIES: { code: string; label: string }[] = [
  { code: 'SM54', label: 'Médecine générale' },
  { code: 'SM53', label: 'Spécialiste en médecine générale' },
  { code: 'SM26', label: 'Qualifié en médecine générale' },
];

/** Specialties often met in CPTS member lists, kept as labels (their TRE_R38 codes are to be checked). */
export const COMMON_SPECIALTY_LABELS = [
  'Cardiologie',
  'Dermatologie',
  'Endocrinologie',
  'Gastro-entérologie',
  'Gériatrie',
  'Gynécologie',
  'Pédiatrie',
  'Pneumologie',
  'Psychiatrie',
  'Rhumatologie',
  'Médecine physique et de réadaptation',
  'Ophtalmologie',
  'ORL',
  'Radiologie',
];

export const STRUCTURE_TYPES: { code: string; label: string }[] = [
  { code: 'MSP', label: 'Maison de santé pluriprofessionnelle (MSP)' },
  { code: 'CDS', label: 'Centre de santé' },
  { code: 'ESP', label: 'Équipe de soins primaires (ESP)' },
  { code: 'ETAB', label: 'Établissement de santé' },
  { code: 'HPROX', label: 'Hôpital de proximité' },
  { code: 'EHPAD', label: 'EHPAD' },
  { code: 'SSIAD', label: 'SSIAD' },
  { code: 'HAD', label: 'Hospitalisation à domicile (HAD)' },
  { code: 'DAC', label: 'Dispositif d’appui à la coordination (DAC)' },
  { code: 'LABO', label: 'Laboratoire de biologie médicale' },
  { code: 'PHARMA', label: 'Pharmacie d’officine' },
  { code: 'CMP', label: 'Centre médico-psychologique (CMP)' },
  { code: 'PMI', label: 'Protection maternelle et infantile (PMI)' },
  { code: 'SAAD', label: 'Service d’aide à domicile' },
  { code: 'COLLEC', label: 'Collectivité territoriale' },
  { code: 'ASSO', label: 'Association' },
  { code: 'AUTRE', label: 'Autre structure' },
];

export const PRACTICE_MODES = [
  { code: 'liberal', label: 'Libéral' },
  { code: 'salarie', label: 'Salarié' },
  { code: 'mixte', label: 'Mixte' },
] as const;

export type PracticeMode = (typeof PRACTICE_MODES)[number]['code'];

export const PROFESSION_BY_CODE = new Map(PROFESSIONS.map((profession) => [profession.code, profession]));
