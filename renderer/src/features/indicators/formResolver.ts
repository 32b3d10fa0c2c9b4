/**
 * A resolver for the indicator forms, whose inputs hold text (« 66,26 », « 3 500 ») while the contract's schemas
 * read numbers and cents: `build` turns the values into the channel's input and notes what it could not read; the
 * schema then decides, its messages going under the inputs of the same dotted names (`tiers.1.threshold`).
 */
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from '@shared/zod-fr';
import { parseEuros } from '../../components/money';
import { parseDecimal } from './values';

/** Problems found while reading the inputs, by dotted field name. */
export type InputProblems = Record<string, string>;

export function indicatorsResolver<V extends FieldValues, S extends z.ZodType<unknown, unknown>>(
  schema: S,
  build: (values: V, problems: InputProblems) => unknown,
): Resolver<V, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const problems: InputProblems = {};
    const parsed = schema.safeParse(build(values, problems));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        if (path && !problems[path]) problems[path] = issue.message;
      }
    }
    if (parsed.success && Object.keys(problems).length === 0) return { values: parsed.data as z.output<S>, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(problems)) flat[path] = { type: 'validate', message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<V> };
  };
}

/** A decimal input: its number, null when empty; a problem is noted under `field` when it is not a number. */
export function readDecimal(text: string, field: string, problems: InputProblems): number | null {
  const parsed = parseDecimal(text);
  if (parsed === null) return null;
  if (!parsed.ok) {
    problems[field] = parsed.message;
    return null;
  }
  return parsed.value;
}

/** An amount typed in euros: its cents, null when empty; a problem is noted under `field` otherwise. */
export function readEuros(text: string, field: string, problems: InputProblems): number | null {
  const parsed = parseEuros(text);
  if (parsed === null) return null;
  if (!parsed.ok) {
    problems[field] = parsed.message;
    return null;
  }
  return parsed.cents;
}

/** '' → null: optional text and dates. */
export const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
