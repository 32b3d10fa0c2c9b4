/**
 * French labels of the protocol library's codes. The codes are the ones the database CHECK constraints accept
 * (migration 0008); screens, services and PDFs read the labels here, never spelled out elsewhere.
 */

/** Two legal families must not be confused: a pluriprofessional protocol transfers no act, a cooperation one does. */
export const PROTOCOL_FAMILIES = [
  {
    code: 'pluripro',
    label: 'Protocole pluriprofessionnel',
    short: 'Pluriprofessionnel',
    long: 'Organise qui fait quoi entre professionnels (méthode HAS), sans transfert d’actes.',
    cooperation: false,
  },
  {
    code: 'coop_nationale',
    label: 'Protocole de coopération national',
    short: 'Coopération nationale',
    long: 'Transfert d’actes d’un délégant à des délégués, autorisé par arrêté (CSP L4011-1) ; l’équipe est déclarée à l’ARS.',
    cooperation: true,
  },
  {
    code: 'coop_locale',
    label: 'Protocole de coopération local',
    short: 'Coopération locale',
    long: 'Transfert d’actes écrit par l’équipe et déclaré à l’ARS (CSP L4011-1), ainsi que chaque changement d’équipe.',
    cooperation: true,
  },
  {
    code: 'parcours',
    label: 'Parcours de soins',
    short: 'Parcours',
    long: 'Organisation d’un parcours de patients entre professionnels et structures du territoire.',
    cooperation: false,
  },
  {
    code: 'autre',
    label: 'Autre protocole',
    short: 'Autre',
    long: 'Autre document d’organisation.',
    cooperation: false,
  },
] as const;
export type ProtocolFamily = (typeof PROTOCOL_FAMILIES)[number]['code'];
export const PROTOCOL_FAMILY_CODES = PROTOCOL_FAMILIES.map((family) => family.code) as [
  ProtocolFamily,
  ...ProtocolFamily[],
];
/** Whether acts are transferred (délégants, délégués, ARS declaration, RPPS required). */
export function isCooperation(family: ProtocolFamily): boolean {
  return PROTOCOL_FAMILIES.find((entry) => entry.code === family)?.cooperation ?? false;
}

/** The life of one version: written, validated by a body of the CPTS, in force, then superseded, suspended or archived. */
export const PROTOCOL_VERSION_STATUSES = [
  { code: 'brouillon', label: 'Brouillon' },
  { code: 'valide', label: 'Validé' },
  { code: 'en_vigueur', label: 'En vigueur' },
  { code: 'remplace', label: 'Remplacé' },
  { code: 'suspendu', label: 'Suspendu' },
  { code: 'archive', label: 'Archivé' },
] as const;
export type ProtocolVersionStatus = (typeof PROTOCOL_VERSION_STATUSES)[number]['code'];
export const PROTOCOL_VERSION_STATUS_CODES = PROTOCOL_VERSION_STATUSES.map((status) => status.code) as [
  ProtocolVersionStatus,
  ...ProtocolVersionStatus[],
];

export const PROTOCOL_MEMBER_ROLES = [
  { code: 'redacteur', label: 'Rédacteur', plural: 'Rédacteurs' },
  { code: 'utilisateur', label: 'Utilisateur', plural: 'Utilisateurs' },
  { code: 'referent', label: 'Référent', plural: 'Référents' },
  { code: 'delegant', label: 'Délégant', plural: 'Délégants' },
  { code: 'delegue', label: 'Délégué', plural: 'Délégués' },
] as const;
export type ProtocolMemberRole = (typeof PROTOCOL_MEMBER_ROLES)[number]['code'];
export const PROTOCOL_MEMBER_ROLE_CODES = PROTOCOL_MEMBER_ROLES.map((role) => role.code) as [
  ProtocolMemberRole,
  ...ProtocolMemberRole[],
];

export const PROTOCOL_DECLARATION_KINDS = [
  { code: 'initiale', label: 'Déclaration initiale' },
  { code: 'modification_equipe', label: 'Modification de l’équipe' },
] as const;
export type ProtocolDeclarationKind = (typeof PROTOCOL_DECLARATION_KINDS)[number]['code'];
export const PROTOCOL_DECLARATION_KIND_CODES = PROTOCOL_DECLARATION_KINDS.map((kind) => kind.code) as [
  ProtocolDeclarationKind,
  ...ProtocolDeclarationKind[],
];

/** Age bands of the anonymous use log: never a birth date. */
export const AGE_BANDS = [
  { code: 'moins_16', label: 'Moins de 16 ans' },
  { code: '16_25', label: '16 à 25 ans' },
  { code: '26_45', label: '26 à 45 ans' },
  { code: '46_65', label: '46 à 65 ans' },
  { code: '66_75', label: '66 à 75 ans' },
  { code: 'plus_75', label: 'Plus de 75 ans' },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];
export const AGE_BAND_CODES = AGE_BANDS.map((band) => band.code) as [AgeBand, ...AgeBand[]];

export const PATIENT_SEXES = [
  { code: 'F', label: 'Femme' },
  { code: 'M', label: 'Homme' },
  { code: 'X', label: 'Non précisé' },
] as const;
export type PatientSex = (typeof PATIENT_SEXES)[number]['code'];
export const PATIENT_SEX_CODES = PATIENT_SEXES.map((sex) => sex.code) as [PatientSex, ...PatientSex[]];

export const USE_OUTCOMES = [
  { code: 'pris_en_charge', label: 'Pris en charge' },
  { code: 'reoriente_delegant', label: 'Réorienté vers le délégant' },
  { code: 'oriente_urgences', label: 'Orienté vers les urgences' },
] as const;
export type UseOutcome = (typeof USE_OUTCOMES)[number]['code'];
export const USE_OUTCOME_CODES = USE_OUTCOMES.map((outcome) => outcome.code) as [UseOutcome, ...UseOutcome[]];

export const PROTOCOL_SESSION_KINDS = [
  { code: 'presentation', label: 'Présentation' },
  { code: 'formation', label: 'Formation' },
  { code: 'diffusion', label: 'Diffusion' },
] as const;
export type ProtocolSessionKind = (typeof PROTOCOL_SESSION_KINDS)[number]['code'];
export const PROTOCOL_SESSION_KIND_CODES = PROTOCOL_SESSION_KINDS.map((kind) => kind.code) as [
  ProtocolSessionKind,
  ...ProtocolSessionKind[],
];

export const PROTOCOL_DOCUMENT_KINDS = [
  { code: 'protocole_signe', label: 'Protocole signé' },
  { code: 'annexe', label: 'Annexe' },
  { code: 'original_word', label: 'Original Word' },
  { code: 'support', label: 'Support de présentation ou de formation' },
  { code: 'autre', label: 'Autre document' },
] as const;
export type ProtocolDocumentKind = (typeof PROTOCOL_DOCUMENT_KINDS)[number]['code'];
export const PROTOCOL_DOCUMENT_KIND_CODES = PROTOCOL_DOCUMENT_KINDS.map((kind) => kind.code) as [
  ProtocolDocumentKind,
  ...ProtocolDocumentKind[],
];

/** The review period when the protocol does not set one: no legal period exists for pluriprofessional protocols. */
export const DEFAULT_REVIEW_EVERY_MONTHS = 24;

function labelOf<T extends { code: string; label: string }>(list: readonly T[], code: string): string {
  return list.find((entry) => entry.code === code)?.label ?? code;
}
export const protocolFamilyLabel = (code: ProtocolFamily) => labelOf(PROTOCOL_FAMILIES, code);
export const protocolVersionStatusLabel = (code: ProtocolVersionStatus) => labelOf(PROTOCOL_VERSION_STATUSES, code);
export const protocolMemberRoleLabel = (code: ProtocolMemberRole) => labelOf(PROTOCOL_MEMBER_ROLES, code);
export const protocolDeclarationKindLabel = (code: ProtocolDeclarationKind) =>
  labelOf(PROTOCOL_DECLARATION_KINDS, code);
export const ageBandLabel = (code: AgeBand) => labelOf(AGE_BANDS, code);
export const patientSexLabel = (code: PatientSex) => labelOf(PATIENT_SEXES, code);
export const outcomeLabel = (code: UseOutcome) => labelOf(USE_OUTCOMES, code);
export const protocolSessionKindLabel = (code: ProtocolSessionKind) => labelOf(PROTOCOL_SESSION_KINDS, code);
export const protocolDocumentKindLabel = (code: ProtocolDocumentKind) => labelOf(PROTOCOL_DOCUMENT_KINDS, code);
