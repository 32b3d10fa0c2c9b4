/**
 * French labels of the codes an ACI indicator carries (the database stores the codes, CHECK constraints list them):
 * kinds, value types, directions, data sources, payment rules, measure and result statuses, and the evidence a
 * signed annex usually asks for. Pure data, read by the screens, the PDFs and the exports alike.
 */
import type {
  IndicatorDirection,
  IndicatorValueType,
  MeasureStatus,
  PaymentRule,
  TargetStatus,
} from './aci/attainment';

export type IndicatorKind = 'moyens' | 'processus' | 'resultat';
export type IndicatorDataSource = 'cpam' | 'cpts' | 'ars' | 'partenaire' | 'maillage' | 'autre';
export type { IndicatorDirection, IndicatorValueType, MeasureStatus, PaymentRule, TargetStatus };

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  moyens: 'Moyens',
  processus: 'Processus',
  resultat: 'Résultat',
};

export const VALUE_TYPE_LABELS: Record<IndicatorValueType, string> = {
  oui_non: 'Oui / non',
  nombre: 'Nombre',
  taux: 'Taux (%)',
  delai: 'Délai (jours)',
};

export const DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  hausse: 'À la hausse',
  baisse: 'À la baisse',
  atteindre: 'Niveau à atteindre',
};

export const DATA_SOURCE_LABELS: Record<IndicatorDataSource, string> = {
  cpam: 'Requête CPAM',
  cpts: 'Déclaratif CPTS',
  ars: 'ARS',
  partenaire: 'Partenaire',
  maillage: 'Mesuré par Maillage',
  autre: 'Autre source',
};

export const PAYMENT_RULE_LABELS: Record<PaymentRule, string> = {
  tout_ou_rien: 'Tout ou rien',
  paliers: 'Par paliers',
  proportionnel: 'Au prorata',
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  brouillon: 'Brouillon',
  declare: 'Déclaré',
  valide: 'Validé par la CPAM',
};

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  non_mesure: 'Non mesuré',
  atteint: 'Atteint',
  partiel: 'Partiellement atteint',
  non_atteint: 'Non atteint',
};

/** The usual tier labels of an annex, in rank order; a tier may also carry free text. */
export const TIER_LABEL_SUGGESTIONS = ['socle', 'intermédiaire', 'objectif'] as const;

/** The « livrables » the signed annexes attach to indicators, offered when a requirement is added. */
export const EVIDENCE_LABEL_SUGGESTIONS = [
  'Feuilles d’émargement',
  'Comptes rendus',
  'Supports de présentation',
  'Calendrier et déroulé',
  'Bilans et évaluations de satisfaction',
  'Données statistiques CPAM',
  'Conventions signées',
  'Contrats et fiches de poste',
  'Documents de recensement',
] as const;

/** The codes, in display order, for selects and schemas. */
export const INDICATOR_KINDS = Object.keys(INDICATOR_KIND_LABELS) as [IndicatorKind, ...IndicatorKind[]];
export const VALUE_TYPES = Object.keys(VALUE_TYPE_LABELS) as [IndicatorValueType, ...IndicatorValueType[]];
export const DIRECTIONS = Object.keys(DIRECTION_LABELS) as [IndicatorDirection, ...IndicatorDirection[]];
export const DATA_SOURCES = Object.keys(DATA_SOURCE_LABELS) as [IndicatorDataSource, ...IndicatorDataSource[]];
export const PAYMENT_RULES = Object.keys(PAYMENT_RULE_LABELS) as [PaymentRule, ...PaymentRule[]];
export const MEASURE_STATUSES = Object.keys(MEASURE_STATUS_LABELS) as [MeasureStatus, ...MeasureStatus[]];
