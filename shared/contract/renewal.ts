/**
 * The renewal dossier of an ACI contract (five years): the draft the coordinator writes (introduction, a text per
 * section, sections printed or left out), the AG or CA deliberation that authorises the renewal, and the indicator
 * annex proposed for the next contract, seeded from the current indicators.
 */
import { z } from '../zod-fr';
import { ACI_MISSION_CODES, type AciMissionCode } from '../domain/aci';
import type { RenewalSectionKey } from '../domain/report-labels';
import { RENEWAL_SECTIONS } from '../domain/report-labels';
import { optionalText } from '../schemas/common';
import { channel } from './common';

const id = z.number().int().positive();
const contractId = id;
const optionalRowId = id.nullish().transform((value) => value ?? null);
const RENEWAL_SECTION_KEYS = RENEWAL_SECTIONS.map((section) => section.key) as [
  RenewalSectionKey,
  ...RenewalSectionKey[],
];

export const renewalDraftSchema = z.object({
  contractId,
  introduction: optionalText(20_000, 'Introduction'),
  /** The meeting that deliberated (AG or CA), and the AG resolution or CA decision voted there. */
  approvalMeetingId: optionalRowId,
  approvalResolutionId: optionalRowId,
  approvalDecisionId: optionalRowId,
});
export type RenewalDraftInput = z.input<typeof renewalDraftSchema>;
export type RenewalDraftData = z.output<typeof renewalDraftSchema>;

export const renewalSectionSchema = z.object({
  contractId,
  key: z.enum(RENEWAL_SECTION_KEYS, { error: 'Cette section n’existe pas dans le dossier de renouvellement.' }),
  included: z.boolean(),
  body: optionalText(20_000, 'Texte de la section'),
});
export type RenewalSectionInput = z.input<typeof renewalSectionSchema>;
export type RenewalSectionData = z.output<typeof renewalSectionSchema>;

export const renewalProposalSchema = z.object({
  contractId,
  id: optionalRowId,
  missionCode: z.enum(ACI_MISSION_CODES, { error: 'Choisissez la mission.' }),
  label: z.string().trim().min(3, 'Nommez l’indicateur proposé.').max(500, 'Indicateur : 500 caractères au maximum.'),
  targetText: optionalText(500, 'Cible proposée'),
  comment: optionalText(2_000, 'Commentaire'),
  /** The current indicator this proposal continues, if any. */
  indicatorId: optionalRowId,
});
export type RenewalProposalInput = z.input<typeof renewalProposalSchema>;
export type RenewalProposalData = z.output<typeof renewalProposalSchema>;

export interface RenewalDraftSection {
  key: RenewalSectionKey;
  title: string;
  included: boolean;
  body: string | null;
}

export interface RenewalProposal {
  id: number;
  /** The current indicator it continues (null for a new indicator, or when that indicator was deleted). */
  indicatorId: number | null;
  missionCode: AciMissionCode;
  missionLabel: string;
  label: string;
  targetText: string | null;
  comment: string | null;
}

/** An AG or CA the coordinator can name as the deliberation, with what was voted or decided there. */
export interface RenewalMeetingChoice {
  id: number;
  date: string;
  typeLabel: string;
  title: string;
  /** AG resolutions (empty for a CA). */
  resolutions: { id: number; title: string }[];
  /** CA decisions (empty for an AG). */
  decisions: { id: number; text: string }[];
}

export interface RenewalDraft {
  /** null until the first save: the defaults are shown. */
  id: number | null;
  contractId: number;
  introduction: string | null;
  /** Every `RENEWAL_SECTIONS` entry, in print order. */
  sections: RenewalDraftSection[];
  approvalMeetingId: number | null;
  approvalResolutionId: number | null;
  approvalDecisionId: number | null;
  /** The proposed indicator annex, in order. */
  proposals: RenewalProposal[];
  choices: { meetings: RenewalMeetingChoice[] };
  updatedAt: string | null;
}

/** Channels of the renewal dossier's draft. */
export const renewalChannels = {
  'renewal.getDraft': channel<RenewalDraft>()(z.object({ contractId })),
  'renewal.saveDraft': channel<RenewalDraft>()(renewalDraftSchema),
  'renewal.saveSection': channel<RenewalDraft>()(renewalSectionSchema),
  /** One proposal per current indicator with its last target; refused when the annex already has proposals. */
  'renewal.seedProposals': channel<RenewalDraft>()(z.object({ contractId })),
  'renewal.saveProposal': channel<RenewalDraft>()(renewalProposalSchema),
  'renewal.deleteProposal': channel<RenewalDraft>()(z.object({ id })),
  'renewal.moveProposal': channel<RenewalDraft>()(z.object({ id, direction: z.enum(['up', 'down']) })),
} as const;
