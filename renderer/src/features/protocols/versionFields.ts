/**
 * The HAS content of a protocol version, in the order of the HAS method (« Protocoles pluriprofessionnels de soins de
 * premier recours »): each field's French label and the one-line question it answers (QQOQCP).
 */
import type { ProtocolVersionDetail } from '@shared/contract';

export type VersionTextField =
  | 'situation'
  | 'need'
  | 'population'
  | 'inclusionCriteria'
  | 'exclusionCriteria'
  | 'objectives'
  | 'derogatoryActs'
  | 'criticalPoints'
  | 'traceability'
  | 'referencesText'
  | 'evaluation';

export interface VersionFieldInfo {
  name: VersionTextField;
  label: string;
  help: string;
  /** Only for a cooperation protocol (acts transferred). */
  cooperationOnly?: boolean;
}

/** Before the professions and the steps. */
export const VERSION_FIELDS_BEFORE_STEPS: readonly VersionFieldInfo[] = [
  {
    name: 'situation',
    label: 'Situation clinique',
    help: 'Quoi ? La situation ou le problème de santé que le protocole organise.',
  },
  {
    name: 'need',
    label: 'Besoin',
    help: 'Pourquoi ? Le constat des professionnels, ce qui ne va pas aujourd’hui.',
  },
  {
    name: 'population',
    label: 'Population concernée',
    help: 'Qui ? Les patients visés par le protocole.',
  },
  {
    name: 'inclusionCriteria',
    label: 'Critères d’inclusion',
    help: 'Quels patients entrent dans le protocole ?',
  },
  {
    name: 'exclusionCriteria',
    label: 'Critères d’exclusion',
    help: 'Quels patients n’y entrent pas (et vers qui les orienter) ?',
  },
  {
    name: 'objectives',
    label: 'Objectifs',
    help: 'Pour quoi faire ? Ce que le protocole doit améliorer pour le patient.',
  },
  {
    name: 'derogatoryActs',
    label: 'Actes dérogatoires',
    help: 'Les actes ou activités que les délégants confient aux délégués.',
    cooperationOnly: true,
  },
];

/** After the professions and the steps. */
export const VERSION_FIELDS_AFTER_STEPS: readonly VersionFieldInfo[] = [
  {
    name: 'criticalPoints',
    label: 'Points critiques',
    help: 'Les étapes où une erreur ou un oubli a les conséquences les plus graves.',
  },
  {
    name: 'traceability',
    label: 'Traçabilité et communication',
    help: 'Comment l’inclusion du patient est notée dans les dossiers et transmise entre professionnels ?',
  },
  {
    name: 'referencesText',
    label: 'Références',
    help: 'Recommandations de la HAS, arrêté, bibliographie sur lesquels le protocole s’appuie.',
  },
  {
    name: 'evaluation',
    label: 'Évaluation',
    help: 'Comment ? Les indicateurs qui diront si le protocole est appliqué et s’il atteint ses objectifs.',
  },
];

/** The text fields that hold something, in the HAS order, split around the steps. */
export function filledFields(
  version: Pick<ProtocolVersionDetail, VersionTextField>,
  fields: readonly VersionFieldInfo[],
) {
  return fields
    .map((field) => ({ ...field, text: version[field.name]?.trim() ?? '' }))
    .filter((field) => field.text !== '');
}
