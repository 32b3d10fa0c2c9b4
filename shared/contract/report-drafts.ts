/**
 * The draft of the rapport d’activité of a calendar year: what only the coordinator can write (introduction, a text
 * per section, highlights, photos), which sections and annexes are printed, the contract year its mission sections
 * show and the meeting that approved it. Read with defaults before the first save; the report itself is built from
 * the database (`reportDrafts.data`).
 */
import {
  ACTIVITY_SECTIONS,
  MEMBERS_LIST_AUDIENCES,
  type ActivitySectionKey,
  type MembersListAudience,
} from '../domain/report-labels';
import type { ActivityReportData } from '../reports/activity-report';
import { optionalId, optionalIsoDate, optionalText } from '../schemas/common';
import { z } from '../zod-fr';
import { channel } from './common';

const id = z.number().int().positive();

const year = z
  .number({ error: 'Indiquez l’année.' })
  .int('Indiquez l’année.')
  .min(2000, 'Année invalide.')
  .max(2100, 'Année invalide.');

export const ACTIVITY_SECTION_KEYS = ACTIVITY_SECTIONS.map((section) => section.key) as [
  ActivitySectionKey,
  ...ActivitySectionKey[],
];

const sectionKey = z.enum(ACTIVITY_SECTION_KEYS, { error: 'Choisissez la partie du rapport.' });

/** Longest text of a section or of the introduction (about ten pages). */
const LONG_TEXT = 30_000;

export const activityDraftSaveSchema = z.object({
  year,
  introduction: optionalText(LONG_TEXT, 'Introduction'),
  /** The contract year whose indicators the mission sections show; null lets Maillage choose. */
  contractYearId: optionalId,
  /** The AG or CA that approved the report (its PV is printed as an annex). */
  approvalMeetingId: optionalId,
  approvalResolutionId: optionalId,
  approvalDecisionId: optionalId,
  includeMembersList: z.boolean(),
  membersListAudience: z.enum(MEMBERS_LIST_AUDIENCES, { error: 'Choisissez la liste des membres à joindre.' }),
  includeAttendance: z.boolean(),
  includeTrackingAnnex: z.boolean(),
});
export type ActivityDraftSaveInput = z.input<typeof activityDraftSaveSchema>;
export type ActivityDraftSaveData = z.output<typeof activityDraftSaveSchema>;

export const activitySectionSaveSchema = z.object({
  year,
  key: sectionKey,
  included: z.boolean(),
  body: optionalText(LONG_TEXT, 'Texte'),
  /** Mission sections: difficulties met and next steps. */
  difficulties: optionalText(LONG_TEXT, 'Difficultés'),
  nextSteps: optionalText(LONG_TEXT, 'Prochaines étapes'),
});
export type ActivitySectionSaveInput = z.input<typeof activitySectionSaveSchema>;
export type ActivitySectionSaveData = z.output<typeof activitySectionSaveSchema>;

export const activityHighlightSaveSchema = z.object({
  year,
  id: id.nullish(),
  title: z.string().trim().min(1, 'Indiquez le titre du fait marquant.').max(300, 'Titre : 300 caractères au maximum.'),
  body: optionalText(5_000, 'Texte'),
  happenedOn: optionalIsoDate,
});
export type ActivityHighlightSaveInput = z.input<typeof activityHighlightSaveSchema>;
export type ActivityHighlightSaveData = z.output<typeof activityHighlightSaveSchema>;

export const activityPhotoUpdateSchema = z.object({
  id,
  caption: optionalText(500, 'Légende'),
  /** The section the photo illustrates; null prints it with the highlights. */
  sectionKey: sectionKey.nullish().transform((value) => value ?? null),
});
export type ActivityPhotoUpdateInput = z.input<typeof activityPhotoUpdateSchema>;
export type ActivityPhotoUpdateData = z.output<typeof activityPhotoUpdateSchema>;

export interface ActivityDraftSection {
  key: ActivitySectionKey;
  title: string;
  /** The ACI mission of a mission section, null otherwise. */
  missionCode: string | null;
  included: boolean;
  body: string | null;
  difficulties: string | null;
  nextSteps: string | null;
}

export interface ActivityDraftHighlight {
  id: number;
  title: string;
  body: string | null;
  happenedOn: string | null;
}

export interface ActivityDraftPhoto {
  id: number;
  documentId: number;
  fileName: string;
  sectionKey: ActivitySectionKey | null;
  caption: string | null;
}

/** A meeting that can have approved the report: an AG or a CA of the year or of the six months after it. */
export interface ApprovalMeetingChoice {
  id: number;
  date: string;
  /** « Assemblée générale ordinaire », « Conseil d’administration ». */
  typeLabel: string;
  title: string;
  resolutions: { id: number; title: string }[];
  decisions: { id: number; text: string }[];
}

export interface ActivityDraft {
  /** null: never saved, the defaults are shown. */
  id: number | null;
  year: number;
  introduction: string | null;
  contractYearId: number | null;
  approvalMeetingId: number | null;
  approvalResolutionId: number | null;
  approvalDecisionId: number | null;
  includeMembersList: boolean;
  membersListAudience: MembersListAudience;
  includeAttendance: boolean;
  includeTrackingAnnex: boolean;
  /** Every section of the report, in print order. */
  sections: ActivityDraftSection[];
  highlights: ActivityDraftHighlight[];
  photos: ActivityDraftPhoto[];
  choices: {
    /** Contract years overlapping the calendar year: « Année 3 (15/04/2025 – 14/04/2026) ». */
    contractYears: { id: number; label: string }[];
    approvalMeetings: ApprovalMeetingChoice[];
  };
  updatedAt: string | null;
}

/** Channels of the drafts of the yearly documents. */
export const reportDraftsChannels = {
  'reportDrafts.getActivity': channel<ActivityDraft>()(z.object({ year })),
  'reportDrafts.saveActivity': channel<ActivityDraft>()(activityDraftSaveSchema),
  'reportDrafts.saveSection': channel<ActivityDraft>()(activitySectionSaveSchema),
  'reportDrafts.saveHighlight': channel<ActivityDraft>()(activityHighlightSaveSchema),
  'reportDrafts.deleteHighlight': channel<ActivityDraft>()(z.object({ id })),
  'reportDrafts.moveHighlight': channel<ActivityDraft>()(z.object({ id, direction: z.enum(['up', 'down']) })),
  /** Asks for a PNG or JPEG image (10 Mo at most) and adds it to the section. */
  'reportDrafts.addPhoto': channel<ActivityDraft | { cancelled: true }>()(
    z.object({ year, sectionKey: sectionKey.nullish().transform((value) => value ?? null) }),
  ),
  'reportDrafts.updatePhoto': channel<ActivityDraft>()(activityPhotoUpdateSchema),
  'reportDrafts.deletePhoto': channel<ActivityDraft>()(z.object({ id })),
} as const;

/** What the report will print (figures, tables, chart series), images left out: for the editor. */
export const reportDraftsDataChannels = {
  'reportDrafts.data': channel<ActivityReportData>()(z.object({ year })),
} as const;
