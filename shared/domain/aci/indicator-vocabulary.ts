/**
 * The codes an ACI indicator is described with, as the database stores them, and their French labels: kind, value
 * type, direction, data source, and the kinds of evidence (« livrables ») a contract asks for. The value type and
 * direction unions are those of the attainment maths.
 */
import type { IndicatorDirection, IndicatorValueType } from './attainment';

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
