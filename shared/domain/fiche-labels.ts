/**
 * French labels of the fiches actions, partnerships and crisis plan codes. The codes are the ones the database
 * CHECK constraints accept; screens, services and PDFs read the labels here, never spelled out elsewhere.
 */

export const FICHE_STATUSES = [
  { code: 'non_debutee', label: 'Non débutée' },
  { code: 'en_cours', label: 'En cours' },
  { code: 'deployee', label: 'Déployée' },
  { code: 'suspendue', label: 'Suspendue' },
  { code: 'abandonnee', label: 'Abandonnée' },
  { code: 'realisee', label: 'Réalisée' },
] as const;
export type FicheStatus = (typeof FICHE_STATUSES)[number]['code'];
export const FICHE_STATUS_CODES = FICHE_STATUSES.map((status) => status.code) as [FicheStatus, ...FicheStatus[]];

/** What the CPTS does in a fiche: it carries it, carries it with another organisation, or takes part in it. */
export const CPTS_ROLES = [
  { code: 'porteur', label: 'Porteuse', long: 'La CPTS porte l’action' },
  { code: 'co_porteur', label: 'Co-porteuse', long: 'La CPTS porte l’action avec un partenaire' },
  { code: 'participant', label: 'Participante', long: 'La CPTS participe à l’action d’un partenaire' },
] as const;
export type CptsRole = (typeof CPTS_ROLES)[number]['code'];
export const CPTS_ROLE_CODES = CPTS_ROLES.map((role) => role.code) as [CptsRole, ...CptsRole[]];

export const PARTNERSHIP_TYPES = [
  { code: 'cls', label: 'Contrat local de santé (CLS)', short: 'CLS' },
  { code: 'cts', label: 'Conseil territorial de santé (CTS)', short: 'CTS' },
  { code: 'hopital_proximite', label: 'Hôpital de proximité', short: 'Hôpital de proximité' },
  { code: 'ght', label: 'Groupement hospitalier de territoire (GHT)', short: 'GHT' },
  { code: 'dac', label: 'Dispositif d’appui à la coordination (DAC)', short: 'DAC' },
  { code: 'sas', label: 'Service d’accès aux soins (SAS)', short: 'SAS' },
  { code: 'cpam', label: 'Caisse primaire d’assurance maladie (CPAM)', short: 'CPAM' },
  { code: 'collectivite', label: 'Collectivité territoriale', short: 'Collectivité' },
  { code: 'federation', label: 'Fédération (FCPTS, fédération régionale)', short: 'Fédération' },
  { code: 'autre', label: 'Autre partenariat', short: 'Autre' },
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number]['code'];
export const PARTNERSHIP_TYPE_CODES = PARTNERSHIP_TYPES.map((type) => type.code) as [
  PartnershipType,
  ...PartnershipType[],
];

export const FUNDING_SOURCES = [
  { code: 'aci', label: 'ACI (enveloppe de la mission)' },
  { code: 'fir', label: 'Fonds d’intervention régional (FIR)' },
  { code: 'cls', label: 'Contrat local de santé' },
  { code: 'collectivite', label: 'Collectivité' },
  { code: 'autre', label: 'Autre financement' },
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number]['code'];
export const FUNDING_SOURCE_CODES = FUNDING_SOURCES.map((source) => source.code) as [FundingSource, ...FundingSource[]];

/** Dated steps of the crisis plan (mission « réponse aux crises sanitaires graves »). */
export const CRISIS_PLAN_EVENTS = [
  { code: 'redaction', label: 'Rédaction du plan' },
  { code: 'mise_a_jour', label: 'Mise à jour du plan' },
  { code: 'transmission_ars', label: 'Transmission à l’ARS' },
  { code: 'partage_membres', label: 'Partage aux membres' },
  { code: 'exercice', label: 'Exercice' },
  { code: 'activation', label: 'Activation du plan' },
] as const;
export type CrisisPlanEventKind = (typeof CRISIS_PLAN_EVENTS)[number]['code'];
export const CRISIS_PLAN_EVENT_CODES = CRISIS_PLAN_EVENTS.map((event) => event.code) as [
  CrisisPlanEventKind,
  ...CrisisPlanEventKind[],
];

/** Months after which the crisis plan is due for its yearly update. */
export const CRISIS_PLAN_UPDATE_MONTHS = 12;

function labelIn(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}

export const ficheStatusLabel = (code: string): string => labelIn(FICHE_STATUSES, code);
export const cptsRoleLabel = (code: string): string => labelIn(CPTS_ROLES, code);
export const partnershipTypeLabel = (code: string): string => labelIn(PARTNERSHIP_TYPES, code);
export const fundingSourceLabel = (code: string): string => labelIn(FUNDING_SOURCES, code);
export const crisisPlanEventLabel = (code: string): string => labelIn(CRISIS_PLAN_EVENTS, code);

/** « CLS », « GHT »…: the short name of a partnership type, for lists and chips. */
export function partnershipTypeShort(code: string): string {
  return PARTNERSHIP_TYPES.find((entry) => entry.code === code)?.short ?? code;
}
