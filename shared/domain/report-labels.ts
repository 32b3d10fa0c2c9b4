/**
 * Codes and French labels of the yearly documents: the sections of the rapport d'activité and of the renewal dossier
 * (the keys of `report_draft_section`), and the kinds of staff of the CPTS.
 */
import type { AciMissionCode } from './aci/reference';

export const REPORT_DRAFT_KINDS = ['rapport_activite', 'renouvellement'] as const;
export type ReportDraftKind = (typeof REPORT_DRAFT_KINDS)[number];

/** The sections of the rapport d'activité in print order; one per ACI mission. */
export const ACTIVITY_SECTIONS = [
  { key: 'synthese', label: 'Synthèse et chiffres clés' },
  { key: 'identite', label: 'Identité et territoire' },
  { key: 'vie_associative', label: 'Vie associative' },
  { key: 'mission_acces', label: 'Amélioration de l’accès aux soins', missionCode: 'acces' },
  {
    key: 'mission_parcours',
    label: 'Organisation de parcours pluriprofessionnels autour du patient',
    missionCode: 'parcours',
  },
  {
    key: 'mission_prevention',
    label: 'Développement des actions coordonnées de prévention',
    missionCode: 'prevention',
  },
  { key: 'mission_crise', label: 'Réponse aux crises sanitaires graves', missionCode: 'crise' },
  {
    key: 'mission_qualite',
    label: 'Développement de la qualité et de la pertinence des soins',
    missionCode: 'qualite',
  },
  {
    key: 'mission_accompagnement',
    label: 'Accompagnement des professionnels de santé sur le territoire',
    missionCode: 'accompagnement',
  },
  { key: 'protocoles', label: 'Protocoles pluriprofessionnels' },
  { key: 'rcp', label: 'Concertations pluriprofessionnelles (RCP)' },
  { key: 'partenariats', label: 'La CPTS dans le paysage local' },
  { key: 'finances', label: 'Finances' },
  { key: 'perspectives', label: 'Perspectives' },
] as const satisfies readonly { key: string; label: string; missionCode?: AciMissionCode }[];
export type ActivitySectionKey = (typeof ACTIVITY_SECTIONS)[number]['key'];

/** The sections of the renewal dossier in print order. */
export const RENEWAL_SECTIONS = [
  { key: 'bilan', label: 'Bilan du contrat' },
  { key: 'territoire', label: 'Le territoire, hier et aujourd’hui' },
  { key: 'chiffres', label: 'Cinq ans en chiffres' },
  { key: 'missions', label: 'Ce que chaque mission a accompli' },
  { key: 'indicateurs', label: 'Les indicateurs année par année' },
  { key: 'annexe_proposee', label: 'Annexe des indicateurs proposée' },
  { key: 'deliberation', label: 'Délibération' },
] as const;
export type RenewalSectionKey = (typeof RENEWAL_SECTIONS)[number]['key'];

export const STAFF_EMPLOYMENTS = [
  { code: 'salarie', label: 'Salarié(e)' },
  { code: 'prestataire', label: 'Prestataire' },
  { code: 'mise_a_disposition', label: 'Mis(e) à disposition' },
  { code: 'benevole', label: 'Bénévole' },
] as const;
export type StaffEmployment = (typeof STAFF_EMPLOYMENTS)[number]['code'];
export const STAFF_EMPLOYMENT_CODES = STAFF_EMPLOYMENTS.map((employment) => employment.code) as [
  StaffEmployment,
  ...StaffEmployment[],
];
export const staffEmploymentLabel = (code: string): string =>
  STAFF_EMPLOYMENTS.find((employment) => employment.code === code)?.label ?? code;

export const MEMBERS_LIST_AUDIENCES = ['annuaire', 'bureau'] as const;
export type MembersListAudience = (typeof MEMBERS_LIST_AUDIENCES)[number];
