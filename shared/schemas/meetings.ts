import { z } from '../zod-fr';
import { AGE_BANDS, DECISION_STATUSES, MEETING_TYPE_CODES } from '../domain/meetings';
import { rcpTextProblem } from '../domain/rcp-guard';
import { optionalId, optionalIsoDate, optionalText } from './common';

const time = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (!value) return null;
    const match = /^(\d{1,2})\s*[:h]\s*(\d{2})?$/i.exec(value);
    if (!match || Number(match[1]) > 23 || Number(match[2] ?? 0) > 59) {
      ctx.addIssue({ code: 'custom', message: `L'heure « ${value} » n'est pas valide (exemple : 18:30).` });
      return z.NEVER;
    }
    return `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
  });

export const meetingSchema = z
  .object({
    type: z.enum(MEETING_TYPE_CODES, { error: 'Choisissez le type de réunion.' }),
    title: z.string().trim().min(2, 'Donnez un titre à la réunion.').max(200, 'Titre : 200 caractères au maximum.'),
    date: optionalIsoDate.refine((value) => value !== null, 'Indiquez la date de la réunion.'),
    startTime: time,
    endTime: time,
    place: optionalText(200, 'Lieu'),
    visioUrl: z
      .string()
      .trim()
      .nullish()
      .transform((value, ctx) => {
        if (!value) return null;
        if (!/^https:\/\/\S+$/.test(value)) {
          ctx.addIssue({ code: 'custom', message: 'Le lien de visioconférence doit commencer par https://' });
          return z.NEVER;
        }
        return value;
      }),
    organiserMemberId: optionalId,
    organiserLabel: optionalText(150, 'Organisateur'),
    status: z.enum(['prevue', 'tenue', 'annulee']).default('prevue'),
    summary: optionalText(20_000, 'Compte rendu'),
    rcpKind: z
      .preprocess((v) => (v === '' ? null : v), z.enum(['clinique', 'thematique']).nullish())
      .transform((v) => v ?? null),
    theme: optionalText(200, 'Thème'),
  })
  .superRefine((meeting, ctx) => {
    if (meeting.startTime && meeting.endTime && meeting.endTime <= meeting.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'L’heure de fin doit suivre l’heure de début.' });
    }
    if (meeting.type === 'rcp') {
      if (!meeting.rcpKind)
        ctx.addIssue({ code: 'custom', path: ['rcpKind'], message: 'RCP clinique ou thématique ?' });
      const problem = meeting.theme ? rcpTextProblem(meeting.theme, 'Thème') : null;
      if (problem) ctx.addIssue({ code: 'custom', path: ['theme'], message: problem });
    }
  });
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingData = z.output<typeof meetingSchema>;

export const agendaSchema = z.object({
  meetingId: z.number().int().positive(),
  items: z
    .array(
      z.object({
        id: optionalId,
        title: z.string().trim().min(1, 'Chaque point de l’ordre du jour a un intitulé.').max(300),
        minutes: optionalText(20_000, 'Relevé du point'),
      }),
    )
    .max(100),
});

export const participantsSchema = z.object({
  meetingId: z.number().int().positive(),
  participants: z
    .array(
      z
        .object({
          id: optionalId,
          memberId: optionalId,
          guestName: optionalText(150, 'Nom de l’invité'),
          guestQuality: optionalText(150, 'Qualité de l’invité'),
          professionCode: optionalText(20, 'Profession'),
          attendance: z
            .preprocess((v) => (v === '' ? null : v), z.enum(['present', 'excuse', 'absent', 'represente']).nullish())
            .transform((v) => v ?? null),
          minutesSpent: z
            .preprocess(
              (v) => (v === '' || v == null ? null : v),
              z.coerce
                .number()
                .int()
                .min(0, 'Temps invalide.')
                .max(24 * 60, 'Temps invalide.')
                .nullable(),
            )
            .optional()
            .transform((v) => v ?? null),
        })
        .refine(
          (p) => p.memberId !== null || p.guestName !== null || p.professionCode !== null,
          'Chaque participant est un adhérent, ou un invité avec son nom ou sa profession.',
        ),
    )
    .max(2000),
});

export const decisionSchema = z.object({
  id: optionalId,
  meetingId: z.number().int().positive(),
  agendaItemId: optionalId,
  text: z.string().trim().min(2, 'Décrivez la décision.').max(2000),
  ownerMemberId: optionalId,
  ownerLabel: optionalText(150, 'Responsable'),
  dueOn: optionalIsoDate,
  status: z.enum(DECISION_STATUSES.map((s) => s.code) as [string, ...string[]]).default('a_faire'),
});

/** Every free-text field of an RCP case goes through the direct-identifier guard. */
function guarded(max: number, label: string) {
  return optionalText(max, label).superRefine((value, ctx) => {
    const problem = value ? rcpTextProblem(value, label) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const rcpCaseSchema = z
  .object({
    id: optionalId,
    meetingId: z.number().int().positive(),
    ageBand: z.enum(AGE_BANDS.map((band) => band.code) as [string, ...string[]], {
      error: 'Choisissez la tranche d’âge.',
    }),
    sex: z.preprocess((v) => (v === '' ? null : v), z.enum(['F', 'M']).nullish()).transform((v) => v ?? null),
    over75: z.boolean().default(false),
    ald: z.boolean().default(false),
    motifCode: optionalText(60, 'Motif'),
    motifText: guarded(500, 'Précision du motif'),
    summary: guarded(4000, 'Situation'),
    patientInformed: z.boolean().default(false),
    followUpOn: optionalIsoDate,
    followUpStatus: z.enum(['a_faire', 'fait', 'sans_objet']).default('a_faire'),
    decisions: z
      .array(
        z.object({
          id: optionalId,
          action: guarded(1000, 'Décision').refine((value) => value !== null, 'Décrivez l’action décidée.'),
          ownerParticipantId: optionalId,
          dueOn: optionalIsoDate,
          status: z.enum(['a_faire', 'en_cours', 'fait', 'abandonnee']).default('a_faire'),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((rcpCase, ctx) => {
    const band = AGE_BANDS.find((candidate) => candidate.code === rcpCase.ageBand);
    if (band && band.over75 !== rcpCase.over75) {
      ctx.addIssue({
        code: 'custom',
        path: ['over75'],
        message: band.over75
          ? 'La tranche d’âge choisie a 75 ans ou plus : cochez « 75 ans ou plus ».'
          : 'La tranche d’âge choisie a moins de 75 ans.',
      });
    }
    if (!rcpCase.motifCode && !rcpCase.motifText)
      ctx.addIssue({ code: 'custom', path: ['motifCode'], message: 'Indiquez le motif de présentation du cas.' });
  });
export type RcpCaseInput = z.input<typeof rcpCaseSchema>;
export type RcpCaseData = z.output<typeof rcpCaseSchema>;
