import type { Resolver } from 'react-hook-form';
import { meetingSchema, type MeetingData } from '@shared/schemas/meetings';
import { contractResolver } from '../../components/useContractForm';

export const MEETING_FIELDS = [
  'type',
  'title',
  'date',
  'startTime',
  'endTime',
  'place',
  'visioUrl',
  'organiserMemberId',
  'organiserLabel',
  'status',
  'summary',
  'rcpKind',
  'theme',
] as const satisfies readonly (keyof MeetingData)[];

export type MeetingFormValues = Record<(typeof MEETING_FIELDS)[number], string>;

export function meetingToForm(data: MeetingData | null | undefined): MeetingFormValues {
  const values = {} as MeetingFormValues;
  for (const key of MEETING_FIELDS) {
    const value = data?.[key];
    values[key] = value === null || value === undefined ? '' : String(value);
  }
  if (!data) values.status = 'prevue';
  return values;
}

const base = contractResolver<MeetingFormValues, typeof meetingSchema>(meetingSchema);

/**
 * meetingSchema, with every message at once: zod skips the cross-field rules (RCP kind, end after start) while
 * another field is invalid, so they are added here when the schema refused the form.
 */
export const meetingResolver: Resolver<MeetingFormValues, unknown, MeetingData> = async (values, context, options) => {
  const result = await base(values, context, options);
  const errors = result.errors as Record<string, { type: string; message: string } | undefined>;
  if (Object.keys(errors).length === 0) return result;
  if (values.type === 'rcp' && !values.rcpKind && !errors.rcpKind) {
    errors.rcpKind = { type: 'custom', message: 'RCP clinique ou thématique ?' };
  }
  if (values.startTime && values.endTime && values.endTime <= values.startTime && !errors.endTime) {
    errors.endTime = { type: 'custom', message: 'L’heure de fin doit suivre l’heure de début.' };
  }
  return result;
};
