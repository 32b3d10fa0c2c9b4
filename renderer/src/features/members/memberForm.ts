import { contractResolver } from '../../components/useContractForm';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { memberSchema, type MemberData, type MemberInput } from '@shared/schemas/members';

/** The fields of the form, in screen order (server errors are placed under these). */
export const MEMBER_FIELDS = [
  'kind',
  'civility',
  'lastName',
  'firstName',
  'professionCode',
  'specialty',
  'rpps',
  'adeli',
  'practiceMode',
  'structureMemberId',
  'structureLabel',
  'structureName',
  'structureType',
  'finessEj',
  'finessEt',
  'siret',
  'representativeName',
  'communeCode',
  'address',
  'phone',
  'email',
  'collegeId',
  'joinedOn',
  'directoryConsentOn',
  'notes',
] as const satisfies readonly (keyof MemberData)[];

type MemberField = (typeof MEMBER_FIELDS)[number];

const PERSON_ONLY: MemberField[] = [
  'civility',
  'lastName',
  'firstName',
  'professionCode',
  'specialty',
  'rpps',
  'adeli',
  'practiceMode',
  'structureMemberId',
  'structureLabel',
];
const STRUCTURE_ONLY: MemberField[] = [
  'structureName',
  'structureType',
  'finessEj',
  'finessEt',
  'siret',
  'representativeName',
];

/** What the inputs hold: text everywhere ('' for nothing). */
export type MemberFormValues = { [K in MemberField]: K extends 'kind' ? 'person' | 'structure' : string };

export function memberToForm(data: MemberData | null | undefined, today: string): MemberFormValues {
  const values = {} as Record<MemberField, string>;
  for (const key of MEMBER_FIELDS) {
    const value = data?.[key];
    values[key] = value === null || value === undefined ? '' : String(value);
  }
  return { ...values, kind: data?.kind ?? 'person', joinedOn: data ? (data.joinedOn ?? '') : today };
}

/** The fields of the other kind are hidden: they are neither checked nor sent. */
export function withoutOtherKind(values: MemberFormValues): MemberFormValues {
  const hidden = values.kind === 'structure' ? PERSON_ONLY : STRUCTURE_ONLY;
  const copy: Record<MemberField, string> = { ...values };
  for (const key of hidden) copy[key] = '';
  if (copy.professionCode !== '10') copy.specialty = '';
  return copy as MemberFormValues;
}

const base = contractResolver<MemberFormValues, typeof memberSchema>(memberSchema);

/**
 * memberSchema, with every message at once: zod leaves out the « obligatoire » rules while a field is invalid
 * (an RPPS with a wrong key, say), so they are checked again on a copy without the invalid fields.
 */
export const memberResolver: Resolver<MemberFormValues, unknown, MemberData> = async (values, context, options) => {
  const cleaned = withoutOtherKind(values);
  const result = await base(cleaned, context, options);
  const errors = result.errors as FieldErrors<MemberFormValues> & Record<string, unknown>;
  const invalid = Object.keys(errors);
  if (invalid.length === 0) return result;
  const blanked: Record<string, unknown> = { ...cleaned };
  for (const key of invalid) blanked[key] = null;
  const second = memberSchema.safeParse(blanked as MemberInput);
  if (!second.success) {
    for (const issue of second.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !(key in errors)) errors[key] = { type: 'custom', message: issue.message };
    }
  }
  return result;
};
