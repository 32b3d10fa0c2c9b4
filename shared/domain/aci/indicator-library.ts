/**
 * Indicator wording seen in signed ACI contracts (the « annexe indicateurs » of two taille 3 CPTS, domain notes
 * §1.3–1.4, tag R), offered as templates for quick entry: the coordinator picks one, then sets the baseline, the
 * target and the amounts her own contract gives. Templates carry no amount and no target: both are negotiated per
 * contract and per year. The vocabularies below are the codes the database stores; the value type and direction
 * unions are those of the attainment maths.
 */
import type { IndicatorDirection, IndicatorValueType } from './attainment';
import type { AciMissionCode, Sourced } from './reference';

export const INDICATOR_KINDS = ['moyens', 'processus', 'resultat'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  moyens: 'Moyens',
  processus: 'Processus',
  resultat: 'Résultat',
};

/** `oui_non` is stored 1/0, `taux` is a percentage (66.26), `delai` a number of days. */
export const INDICATOR_VALUE_TYPES = [
  'oui_non',
  'nombre',
  'taux',
  'delai',
] as const satisfies readonly IndicatorValueType[];
export const INDICATOR_VALUE_TYPE_LABELS: Record<IndicatorValueType, string> = {
  oui_non: 'Oui / non',
  nombre: 'Nombre',
  taux: 'Taux (%)',
  delai: 'Délai (jours)',
};

/** `atteindre` compares like `hausse`, without progress from a baseline. */
export const INDICATOR_DIRECTIONS = ['hausse', 'baisse', 'atteindre'] as const satisfies readonly IndicatorDirection[];
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  hausse: 'À la hausse',
  baisse: 'À la baisse',
  atteindre: 'Niveau à atteindre',
};

export const INDICATOR_DATA_SOURCES = ['cpam', 'cpts', 'ars', 'partenaire', 'maillage', 'autre'] as const;
export type IndicatorDataSource = (typeof INDICATOR_DATA_SOURCES)[number];
export const INDICATOR_DATA_SOURCE_LABELS: Record<IndicatorDataSource, string> = {
  cpam: 'Requête CPAM',
  cpts: 'Déclaratif CPTS',
  ars: 'ARS',
  partenaire: 'Partenaire',
  maillage: 'Mesuré par Maillage',
  autre: 'Autre',
};

/** The evidence (« livrables ») the signed annexes attach to their indicators. */
export const EVIDENCE_KINDS = [
  'emargement',
  'compte_rendu',
  'supports',
  'calendrier',
  'bilan',
  'donnees_cpam',
  'convention',
  'contrat_fiche_poste',
  'recensement',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  emargement: 'Feuilles d’émargement',
  compte_rendu: 'Comptes rendus',
  supports: 'Supports et documents produits',
  calendrier: 'Calendrier et déroulé',
  bilan: 'Bilans et évaluations de satisfaction',
  donnees_cpam: 'Données statistiques CPAM',
  convention: 'Conventions signées',
  contrat_fiche_poste: 'Contrats et fiches de poste',
  recensement: 'Documents de recensement',
};

export interface IndicatorTemplate extends Sourced {
  /** Stable key: `<mission>-<slug>`. */
  id: string;
  missionCode: AciMissionCode;
  /** The sub-theme of the mission, when it has some (accès: médecin traitant, soins non programmés…). */
  theme: string | null;
  wording: string;
  kind: IndicatorKind;
  valueType: IndicatorValueType;
  direction: IndicatorDirection;
  /** Unit of a `nombre` value (« patients », « réunions »); null for the other value types. */
  unit: string | null;
  dataSource: IndicatorDataSource;
  evidence: readonly EvidenceKind[];
  /** How the signed contracts used it (a target seen there, a pattern of tiers), without any amount. */
  note: string | null;
}

type Row = Omit<IndicatorTemplate, 'sourceTag' | 'source' | 'note' | 'unit' | 'theme'> &
  Partial<Pick<IndicatorTemplate, 'note' | 'unit' | 'theme'>>;

const SIGNED_ANNEXES =
  'Annexes indicateurs de l’année 5 de deux CPTS de Seine-Saint-Denis (RoViRa ; Drancy/Le Blanc-Mesnil/Le Bourget), notes de domaine §1.3–1.4';

const MT = 'Médecin traitant';
const SNP = 'Soins non programmés';
const LISIBILITE = 'Lisibilité de l’offre';
const TELESANTE = 'Télésanté';

const ROWS: readonly Row[] = [
  // Accès aux soins — médecin traitant
  {
    id: 'acces-ald-sans-mt',
    missionCode: 'acces',
    theme: MT,
    wording: 'Patients en ALD sans médecin traitant',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'baisse',
    unit: 'patients',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
    note: 'Paliers à la baisse depuis la valeur initiale, par exemple 219 → 101, 100, 50',
  },
  {
    id: 'acces-plus-16-ans-avec-mt',
    missionCode: 'acces',
    theme: MT,
    wording: 'Patients de plus de 16 ans ayant un médecin traitant',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
  },
  {
    id: 'acces-c2s-ald-sans-mt',
    missionCode: 'acces',
    theme: MT,
    wording: 'Patients bénéficiaires de la C2S en ALD sans médecin traitant',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'baisse',
    unit: 'patients',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
  },
  {
    id: 'acces-plus-70-ans-sans-mt',
    missionCode: 'acces',
    theme: MT,
    wording: 'Patients de plus de 70 ans sans médecin traitant',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'baisse',
    unit: 'patients',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
    note: 'Cible en valeur absolue avec l’écart à la valeur initiale, par exemple 203 patients (−100 sur 303)',
  },
  {
    id: 'acces-partenariat-cpam',
    missionCode: 'acces',
    theme: MT,
    wording: 'Partenariat avec la CPAM maintenu (adresse électronique et numéros dédiés, personne ressource)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['convention', 'compte_rendu'],
  },
  {
    id: 'acces-medecins-volontaires',
    missionCode: 'acces',
    theme: MT,
    wording:
      'Médecins volontaires recensés pour prendre de nouveaux patients, avec le nombre de patients pris par médecin',
    kind: 'moyens',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'médecins',
    dataSource: 'cpts',
    evidence: ['recensement'],
  },
  {
    id: 'acces-guichet-unique-delai',
    missionCode: 'acces',
    theme: MT,
    wording: 'Délai de réponse du guichet unique aux patients sans médecin traitant',
    kind: 'processus',
    valueType: 'delai',
    direction: 'baisse',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Délais vus dans les contrats : de 30 à 90 jours',
  },
  // Accès aux soins — soins non programmés
  {
    id: 'acces-medecins-sas',
    missionCode: 'acces',
    theme: SNP,
    wording: 'Médecins participant au service d’accès aux soins (SAS) recensés',
    kind: 'moyens',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'médecins',
    dataSource: 'cpts',
    evidence: ['recensement'],
  },
  {
    id: 'acces-promotion-sas',
    missionCode: 'acces',
    theme: SNP,
    wording: 'Promotion du SAS auprès des professionnels du territoire',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'calendrier'],
  },
  {
    id: 'acces-sollicitations-snp',
    missionCode: 'acces',
    theme: SNP,
    wording: 'Sollicitations reçues par l’organisation des soins non programmés',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'sollicitations',
    dataSource: 'partenaire',
    evidence: ['bilan'],
  },
  {
    id: 'acces-rdv-honores',
    missionCode: 'acces',
    theme: SNP,
    wording: 'Rendez-vous de soins non programmés honorés',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Les contrats suivent les rendez-vous honorés et non honorés',
  },
  {
    id: 'acces-organisation-snp',
    missionCode: 'acces',
    theme: SNP,
    wording: 'Organisation des soins non programmés complémentaire du SAS en place',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['compte_rendu', 'calendrier'],
  },
  // Accès aux soins — lisibilité et télésanté
  {
    id: 'acces-annuaire',
    missionCode: 'acces',
    theme: LISIBILITE,
    wording: 'Annuaire de l’offre du territoire (professionnels, structures, dispositifs) en ligne et diffusé',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports'],
  },
  {
    id: 'acces-teleconsultation-isoles',
    missionCode: 'acces',
    theme: TELESANTE,
    wording: 'Créneaux de téléconsultation ouverts aux personnes âgées isolées',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'créneaux',
    dataSource: 'cpts',
    evidence: ['bilan'],
  },
  {
    id: 'acces-outil-telesante',
    missionCode: 'acces',
    theme: TELESANTE,
    wording: 'Promotion de l’outil régional de télésanté',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports'],
  },
  // Parcours pluriprofessionnels (one set per parcours)
  {
    id: 'parcours-recensement-ps',
    missionCode: 'parcours',
    wording: 'Professionnels de santé du parcours recensés',
    kind: 'moyens',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'professionnels',
    dataSource: 'cpts',
    evidence: ['recensement'],
  },
  {
    id: 'parcours-formalise',
    missionCode: 'parcours',
    wording: 'Parcours formalisé, diffusé et mis en œuvre',
    kind: 'processus',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'compte_rendu'],
  },
  {
    id: 'parcours-bilan',
    missionCode: 'parcours',
    wording: 'Bilan quantitatif et qualitatif (professionnels impliqués, patients inclus, orientés, suivis)',
    kind: 'processus',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['bilan'],
  },
  {
    id: 'parcours-soiree-pluripro',
    missionCode: 'parcours',
    wording: 'Soirée pluriprofessionnelle annuelle',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'maillage',
    evidence: ['emargement', 'supports', 'compte_rendu'],
  },
  {
    id: 'parcours-reunions-suivi',
    missionCode: 'parcours',
    wording: 'Réunions de suivi du parcours',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'réunions',
    dataSource: 'maillage',
    evidence: ['emargement', 'compte_rendu'],
  },
  {
    id: 'parcours-patients-inclus',
    missionCode: 'parcours',
    wording: 'Patients intégrés dans le parcours',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'patients',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Cibles vues : 100 patients intégrés, 75 dépistages par scanner faible dose',
  },
  {
    id: 'parcours-orientations',
    missionCode: 'parcours',
    wording: 'Patients orientés (par exemple vers une consultation de tabacologie)',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'orientations',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Cible vue : 70 orientations en tabacologie',
  },
  {
    id: 'parcours-delai',
    missionCode: 'parcours',
    wording: 'Délai de prise en charge dans le parcours',
    kind: 'resultat',
    valueType: 'delai',
    direction: 'baisse',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Cible vue : moins de 30 jours',
  },
  // Prévention
  {
    id: 'prevention-depistage-sein',
    missionCode: 'prevention',
    wording: 'Taux de dépistage du cancer du sein',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
    note: 'Paliers socle, intermédiaire et objectif, par exemple 66,26 % initial → 69,70 / 72,40 / 75 %',
  },
  {
    id: 'prevention-depistage-col',
    missionCode: 'prevention',
    wording: 'Taux de dépistage du cancer du col de l’utérus',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
    note: 'Paliers vus : 64,08 % initial → 66,70 / 67,45 / 68,20 %',
  },
  {
    id: 'prevention-depistage-colorectal',
    missionCode: 'prevention',
    wording: 'Taux de dépistage du cancer colorectal',
    kind: 'resultat',
    valueType: 'taux',
    direction: 'hausse',
    dataSource: 'cpam',
    evidence: ['donnees_cpam'],
    note: 'Paliers vus : 23,50 % initial → 25 / 26,10 / 27 %',
  },
  {
    id: 'prevention-convention-cpam',
    missionCode: 'prevention',
    wording: 'Convention avec la CPAM sur le dépistage (« 100 % Colo », « 100 % Frottis », « 100 % Mammographie »)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['convention'],
  },
  {
    id: 'prevention-journees',
    missionCode: 'prevention',
    wording: 'Journées de sensibilisation organisées',
    kind: 'moyens',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'journées',
    dataSource: 'cpts',
    evidence: ['calendrier', 'supports', 'emargement'],
  },
  {
    id: 'prevention-participants',
    missionCode: 'prevention',
    wording: 'Participants aux journées de sensibilisation',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'participants',
    dataSource: 'cpts',
    evidence: ['emargement', 'bilan'],
    note: 'Cible vue : au moins 800 participants',
  },
  {
    id: 'prevention-orientations',
    missionCode: 'prevention',
    wording: 'Orientations à l’issue des journées de sensibilisation',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'orientations',
    dataSource: 'cpts',
    evidence: ['bilan'],
    note: 'Cible vue : au moins 250 orientations',
  },
  {
    id: 'prevention-milieu-scolaire',
    missionCode: 'prevention',
    wording: 'Programme en milieu scolaire (ateliers, projet pédagogique, évaluation)',
    kind: 'processus',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'calendrier', 'bilan'],
  },
  // Réponse aux crises sanitaires graves: no result indicator
  {
    id: 'crise-plan',
    missionCode: 'crise',
    wording:
      'Plan d’action conforme à la trame nationale (référent situations sanitaires exceptionnelles, lieu de la cellule de crise, actions à mener)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports'],
  },
  {
    id: 'crise-mise-a-jour',
    missionCode: 'crise',
    wording: 'Mise à jour du plan d’action',
    kind: 'processus',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports'],
  },
  {
    id: 'crise-mise-en-oeuvre',
    missionCode: 'crise',
    wording: 'En cas de crise reconnue par l’ARS : mise en œuvre du plan',
    kind: 'processus',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['compte_rendu', 'bilan'],
  },
  {
    id: 'crise-ps-participants',
    missionCode: 'crise',
    wording: 'En cas de crise reconnue par l’ARS : professionnels de santé participants',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'professionnels',
    dataSource: 'cpts',
    evidence: ['emargement', 'bilan'],
  },
  {
    id: 'crise-actions',
    missionCode: 'crise',
    wording: 'En cas de crise reconnue par l’ARS : actions menées',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'actions',
    dataSource: 'cpts',
    evidence: ['bilan'],
  },
  // Qualité et pertinence des soins
  {
    id: 'qualite-reunions-concertation',
    missionCode: 'qualite',
    wording: 'Réunions de concertation et de partage d’expérience pluriprofessionnelles',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'réunions',
    dataSource: 'maillage',
    evidence: ['emargement', 'compte_rendu'],
    note: 'Cibles vues : 2 à 3 réunions par an, chacune avec son compte rendu',
  },
  {
    id: 'qualite-soirees-formation',
    missionCode: 'qualite',
    wording: 'Soirées de formation pluriprofessionnelles',
    kind: 'processus',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'soirées',
    dataSource: 'maillage',
    evidence: ['emargement', 'supports'],
  },
  {
    id: 'qualite-participants-formation',
    missionCode: 'qualite',
    wording: 'Participants par soirée de formation',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'atteindre',
    unit: 'participants',
    dataSource: 'maillage',
    evidence: ['emargement'],
    note: 'Cible vue : au moins 15 participants par soirée',
  },
  // Accompagnement des professionnels de santé
  {
    id: 'accompagnement-stagiaires',
    missionCode: 'accompagnement',
    wording: 'Accueil de stagiaires (livret d’accueil, maîtres de stage, référents des étudiants infirmiers)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'recensement'],
  },
  {
    id: 'accompagnement-internes',
    missionCode: 'accompagnement',
    wording: 'Promotion du territoire auprès des internes (stand en congrès)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'calendrier'],
  },
  {
    id: 'accompagnement-installation',
    missionCode: 'accompagnement',
    wording: 'Nouveaux professionnels de santé aidés à s’installer (guichet unique)',
    kind: 'resultat',
    valueType: 'nombre',
    direction: 'hausse',
    unit: 'professionnels',
    dataSource: 'cpts',
    evidence: ['recensement', 'bilan'],
  },
  {
    id: 'accompagnement-securite',
    missionCode: 'accompagnement',
    wording: 'Sécurité des soignants (boutons d’urgence)',
    kind: 'moyens',
    valueType: 'oui_non',
    direction: 'atteindre',
    dataSource: 'cpts',
    evidence: ['supports', 'bilan'],
  },
];

/** The template library, every row tagged R: wording reported from signed contracts. */
export const INDICATOR_TEMPLATES: readonly IndicatorTemplate[] = ROWS.map((row) => ({
  theme: null,
  unit: null,
  note: null,
  ...row,
  sourceTag: 'R',
  source: SIGNED_ANNEXES,
}));

/** The templates of one mission, in the order of the signed annexes. */
export function indicatorTemplatesFor(missionCode: AciMissionCode): IndicatorTemplate[] {
  return INDICATOR_TEMPLATES.filter((template) => template.missionCode === missionCode);
}

/** One template by its id, or null. */
export function indicatorTemplate(id: string): IndicatorTemplate | null {
  return INDICATOR_TEMPLATES.find((template) => template.id === id) ?? null;
}
