/**
 * The French words of the ACI contract's codes (statuses, signatory parties, payment kinds and payers, attached
 * documents): the codes are what the database stores (CHECK constraints of migration 0007), the labels what screens
 * and PDFs show. Pure data: the renderer, the services and the PDFs read the same maps.
 */

export const CONTRACT_STATUSES = ['en_preparation', 'actif', 'echu', 'resilie', 'renouvele'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  en_preparation: 'En préparation',
  actif: 'Actif',
  echu: 'Échu',
  resilie: 'Résilié',
  renouvele: 'Renouvelé',
};

export const SIGNATORY_PARTIES = ['cpts', 'cpam', 'ars', 'autre'] as const;
export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];

export const SIGNATORY_PARTY_LABELS: Record<SignatoryParty, string> = {
  cpts: 'CPTS',
  cpam: 'CPAM',
  ars: 'ARS',
  autre: 'Autre signataire',
};

export const PAYMENT_KINDS = [
  'fonctionnement',
  'avance_fixe',
  'solde_fixe',
  'variable',
  'lettre_intention',
  'autre',
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  fonctionnement: 'Fonctionnement',
  avance_fixe: 'Avance de la part fixe (75 %)',
  solde_fixe: 'Solde de la part fixe',
  variable: 'Part variable',
  lettre_intention: 'Aide après la lettre d’intention',
  autre: 'Autre versement',
};

export const PAYERS = ['cpam', 'ars', 'autre'] as const;
export type Payer = (typeof PAYERS)[number];

export const PAYER_LABELS: Record<Payer, string> = {
  cpam: 'CPAM',
  ars: 'ARS',
  autre: 'Autre payeur',
};

/** Kinds of document attached to a contract or one of its years (the partnership and crisis kinds belong elsewhere). */
export const CONTRACT_DOCUMENT_KINDS = ['contrat_signe', 'annexe_indicateurs', 'avenant', 'autre'] as const;
export type ContractDocumentKind = (typeof CONTRACT_DOCUMENT_KINDS)[number];

export const CONTRACT_DOCUMENT_KIND_LABELS: Record<ContractDocumentKind, string> = {
  contrat_signe: 'Contrat signé',
  annexe_indicateurs: 'Annexe indicateurs',
  avenant: 'Avenant',
  autre: 'Autre document',
};

/** Where the fonctionnement amount of a contract year comes from. */
export type FonctionnementSource = 'reference' | 'saisi' | 'absent';

export const FONCTIONNEMENT_SOURCE_LABELS: Record<FonctionnementSource, string> = {
  reference: 'Montant établi de l’ACI',
  saisi: 'Montant saisi',
  absent: 'À saisir',
};

/** Where a payment stands: received (in full or in part), late (expected date passed), or to come. */
export type PaymentStatus = 'recu' | 'recu_partiel' | 'en_retard' | 'a_venir';

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  recu: 'Reçu',
  recu_partiel: 'Reçu en partie',
  en_retard: 'En retard',
  a_venir: 'À venir',
};

export const MISSION_CATEGORY_LABELS: Record<'socle' | 'optionnelle', string> = {
  socle: 'Mission socle',
  optionnelle: 'Mission optionnelle',
};
