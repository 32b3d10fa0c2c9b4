/** Kinds of meetings, RCP reference lists and labels. Data, not code: a CPTS may extend its RCP motifs. */

export const MEETING_TYPES = [
  { code: 'ago', label: 'Assemblée générale ordinaire', short: 'AG ordinaire', governance: true },
  { code: 'age', label: 'Assemblée générale extraordinaire', short: 'AG extraordinaire', governance: true },
  { code: 'constitutive', label: 'Assemblée générale constitutive', short: 'AG constitutive', governance: true },
  { code: 'ca', label: 'Conseil d’administration', short: 'CA', governance: true },
  { code: 'bureau', label: 'Bureau', short: 'Bureau', governance: true },
  { code: 'commission', label: 'Commission / groupe de travail', short: 'Commission', governance: false },
  { code: 'rcp', label: 'Réunion de concertation pluriprofessionnelle (RCP)', short: 'RCP', governance: false },
  { code: 'copil', label: 'Comité de pilotage', short: 'COPIL', governance: false },
  { code: 'information', label: 'Soirée d’information / formation', short: 'Information', governance: false },
  {
    code: 'dialogue_gestion',
    label: 'Dialogue de gestion (CPAM, ARS)',
    short: 'Dialogue de gestion',
    governance: false,
  },
  { code: 'autre', label: 'Autre réunion', short: 'Autre', governance: false },
] as const;

export type MeetingType = (typeof MEETING_TYPES)[number]['code'];
export const MEETING_TYPE_CODES = MEETING_TYPES.map((type) => type.code) as [MeetingType, ...MeetingType[]];

export function meetingTypeLabel(code: string): string {
  return MEETING_TYPES.find((type) => type.code === code)?.label ?? code;
}

export const ATTENDANCE = [
  { code: 'present', label: 'Présent·e' },
  { code: 'excuse', label: 'Excusé·e' },
  { code: 'absent', label: 'Absent·e' },
  { code: 'represente', label: 'Représenté·e' },
] as const;
export type Attendance = (typeof ATTENDANCE)[number]['code'];

export const DECISION_STATUSES = [
  { code: 'a_faire', label: 'À faire' },
  { code: 'en_cours', label: 'En cours' },
  { code: 'fait', label: 'Fait' },
  { code: 'abandonnee', label: 'Abandonnée' },
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number]['code'];

/** Age bands of RCP cases: never a birth date. */
export const AGE_BANDS = [
  { code: '0-5', label: '0 à 5 ans', over75: false },
  { code: '6-17', label: '6 à 17 ans', over75: false },
  { code: '18-39', label: '18 à 39 ans', over75: false },
  { code: '40-59', label: '40 à 59 ans', over75: false },
  { code: '60-74', label: '60 à 74 ans', over75: false },
  { code: '75-84', label: '75 à 84 ans', over75: true },
  { code: '85+', label: '85 ans et plus', over75: true },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

/** Frequent reasons for presenting a case in a primary-care RCP; the CPTS adds its own. */
export const BUILTIN_RCP_MOTIFS = [
  { code: 'chutes', label: 'Chutes répétées' },
  { code: 'maintien_domicile', label: 'Maintien à domicile difficile' },
  { code: 'polymedication', label: 'Polymédication / iatrogénie' },
  { code: 'plaie', label: 'Plaie chronique' },
  { code: 'diabete', label: 'Diabète déséquilibré' },
  { code: 'insuffisance_cardiaque', label: 'Insuffisance cardiaque' },
  { code: 'soins_palliatifs', label: 'Soins palliatifs / fin de vie' },
  { code: 'sante_mentale', label: 'Santé mentale' },
  { code: 'addiction', label: 'Addiction' },
  { code: 'denutrition', label: 'Dénutrition' },
  { code: 'troubles_cognitifs', label: 'Troubles cognitifs' },
  { code: 'precarite', label: 'Précarité / accès aux droits' },
  { code: 'sortie_hospitalisation', label: 'Sortie d’hospitalisation' },
  { code: 'perinatalite', label: 'Périnatalité' },
  { code: 'enfance', label: 'Enfance / adolescence' },
  { code: 'autre', label: 'Autre motif' },
] as const;

/** Default minimum number of different professions for an RCP (field data: most primary-care RCP gather 2). */
export const DEFAULT_RCP_MIN_PROFESSIONS = 2;
