/** The CPTS's own team: salariés, prestataires, people put at its disposal and volunteers (rapport d’activité). */
import { STAFF_EMPLOYMENT_CODES, type StaffEmployment } from '../domain/report-labels';
import { optionalIsoDate, optionalText } from '../schemas/common';
import { z } from '../zod-fr';
import { channel, noInput } from './common';

const id = z.number().int().positive();

const startedOn = optionalIsoDate.transform((value, ctx) => {
  if (value === null) {
    ctx.addIssue({ code: 'custom', message: 'Indiquez la date d’arrivée.' });
    return z.NEVER;
  }
  return value;
});

export const staffSaveSchema = z
  .object({
    id: id.nullish(),
    fullName: z.string().trim().min(1, 'Indiquez le nom.').max(200, 'Nom : 200 caractères au maximum.'),
    role: z.string().trim().min(1, 'Indiquez la fonction.').max(200, 'Fonction : 200 caractères au maximum.'),
    employment: z.enum(STAFF_EMPLOYMENT_CODES, { error: 'Choisissez le statut.' }),
    /** Full-time equivalent in ]0, 1]; null for a prestataire paid by the task. */
    fte: z
      .number({ error: 'Indiquez un temps de travail entre 0 et 1 ETP (par exemple 0,5).' })
      .gt(0, 'Le temps de travail est supérieur à 0 ETP.')
      .max(1, 'Le temps de travail ne dépasse pas 1 ETP.')
      .nullish()
      .transform((value) => value ?? null),
    startedOn,
    endedOn: optionalIsoDate,
    note: optionalText(2_000, 'Remarque'),
  })
  .superRefine((value, ctx) => {
    if (value.startedOn && value.endedOn && value.endedOn < value.startedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endedOn'],
        message: 'La date de départ ne peut pas précéder la date d’arrivée.',
      });
    }
  });
export type StaffSaveInput = z.input<typeof staffSaveSchema>;
export type StaffSaveData = z.output<typeof staffSaveSchema>;

export interface StaffRow {
  id: number;
  fullName: string;
  role: string;
  employment: StaffEmployment;
  employmentLabel: string;
  fte: number | null;
  startedOn: string;
  endedOn: string | null;
  note: string | null;
  /** In the team today: started, not ended. */
  active: boolean;
}

/** Channels of the CPTS's staff. */
export const staffChannels = {
  'staff.list': channel<StaffRow[]>()(noInput),
  'staff.save': channel<StaffRow>()(staffSaveSchema),
  'staff.delete': channel<{ deleted: true }>()(
    z.object({ id, confirm: z.literal(true, { error: 'Confirmez la suppression.' }) }),
  ),
} as const;
