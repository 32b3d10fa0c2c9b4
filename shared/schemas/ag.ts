/** Inputs of the general-assembly channels (rules, convocation, pouvoirs, presence, resolutions, votes, PV). */
import { z } from '../zod-fr';
import { statutoryRulesSchema } from '../domain/ag';
import { optionalId, optionalIsoDate, optionalText } from './common';

const id = z.number().int().positive();
const requiredDate = (message: string) => optionalIsoDate.refine((value) => value !== null, message);

export const CONVOCATION_MODES = [
  { code: 'courriel', label: 'par courriel' },
  { code: 'courrier', label: 'par courrier postal' },
  { code: 'remise', label: 'par remise en main propre' },
  { code: 'affichage', label: 'par affichage et lettre d’information' },
] as const;
export type ConvocationMode = (typeof CONVOCATION_MODES)[number]['code'];

export const rulesVersionSchema = z.object({
  id: optionalId,
  /** The statuts (or their amendment) apply to meetings held from this date. */
  effectiveFrom: requiredDate('Indiquez la date d’entrée en vigueur des statuts.'),
  rules: statutoryRulesSchema,
});

export const convocationSentSchema = z.object({
  meetingId: id,
  sentOn: requiredDate('Indiquez la date d’envoi de la convocation.'),
  mode: z.enum(CONVOCATION_MODES.map((mode) => mode.code) as [ConvocationMode, ...ConvocationMode[]], {
    error: 'Choisissez le mode d’envoi de la convocation.',
  }),
});

/** Before the session's date, an arrival or a vote is recorded only once the user confirmed it. */
const confirmedBeforeDate = z.boolean().optional();

export const presenceSchema = z.object({ meetingId: id, memberId: id, present: z.boolean(), confirmedBeforeDate });

export const proxySchema = z.object({
  meetingId: id,
  mandantId: z.number({ error: 'Choisissez le mandant (le membre qui donne pouvoir).' }).int().positive(),
  mandataireId: z.number({ error: 'Choisissez le mandataire (le membre qui reçoit le pouvoir).' }).int().positive(),
  receivedOn: optionalIsoDate,
});

export const resolutionSchema = z.object({
  meetingId: id,
  id: optionalId,
  agendaItemId: optionalId,
  title: z
    .string()
    .trim()
    .min(3, 'Donnez un intitulé à la résolution.')
    .max(200, 'Intitulé : 200 caractères au maximum.'),
  text: z
    .string()
    .trim()
    .min(10, 'Rédigez le texte de la résolution soumis au vote.')
    .max(5000, 'Texte : 5 000 caractères au maximum.'),
  kind: z.string().trim().min(1, 'Choisissez le type de résolution.').max(40).default('ordinaire'),
});

const voteCount = (label: string) =>
  z
    .number({ error: `${label} : indiquez un nombre.` })
    .min(0, `${label} : le nombre ne peut pas être négatif.`)
    .max(1_000_000);

const headCount = (label: string) =>
  z
    .number({ error: `${label} : indiquez un nombre de membres.` })
    .int(`${label} : un nombre entier de membres est attendu.`)
    .min(0, `${label} : le nombre ne peut pas être négatif.`)
    .max(1_000_000);

/** Head counts of one collège when the collèges weigh the votes: the app applies the weights. */
export const collegeVoteSchema = z.object({
  collegeId: z.number().int().positive().nullable(),
  pour: headCount('Pour'),
  contre: headCount('Contre'),
  abstention: headCount('Abstentions').default(0),
  blanc: headCount('Blancs ou nuls').default(0),
});

export const voteSchema = z.object({
  meetingId: id,
  resolutionId: id,
  /** Totals of the room (unweighted votes); with weighted collèges, the weighted totals computed from `byCollege`. */
  pour: voteCount('Pour'),
  contre: voteCount('Contre'),
  abstention: voteCount('Abstentions').default(0),
  blanc: voteCount('Blancs ou nuls').default(0),
  byCollege: z.array(collegeVoteSchema).max(100).nullish(),
  confirmedBeforeDate,
});

export const officersSchema = z.object({
  meetingId: id,
  presidentMemberId: optionalId,
  secretaireMemberId: optionalId,
});

export const secondConvocationSchema = z.object({
  meetingId: id,
  date: requiredDate('Indiquez la date de l’assemblée sur deuxième convocation.'),
  startTime: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}$/, 'Heure attendue au format 18:30.')
    .nullish(),
});

export const approvePvSchema = z.object({
  meetingId: id,
  approvedOn: requiredDate('Indiquez la date d’approbation du procès-verbal.'),
  /** The AG changed the dirigeants (CA, bureau): declaration to the greffe within 3 months. */
  dirigeantsChanged: z.boolean().default(false),
  /** The AG changed the statuts (or the siège): declaration to the greffe within 3 months. */
  statutsChanged: z.boolean().default(false),
});

export const formalitySchema = z.object({
  id,
  doneOn: optionalIsoDate,
  notes: optionalText(1000, 'Notes'),
});
