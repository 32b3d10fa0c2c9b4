/**
 * Forms whose inputs hold amounts in euros (« 1 234,50 ») while the channel takes integer cents: each amount is
 * read with `parseEuros`, then the contract's schema decides; its French messages land under the inputs.
 */
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from '@shared/zod-fr';
import type { ContractSchema } from '../../components/useContractForm';
import { parseEuros } from '../../components/money';

/** Reads one amount typed in euros; `null` when empty (and allowed), `undefined` when refused. */
export type EurosReader = (field: string, text: string, options?: { required?: string }) => number | null;

/**
 * A resolver for a form with amounts in euros: `build` turns the inputs into the channel's input, reading each
 * amount with `euros(field, text)`; `fieldOf` names the input of a schema issue (its path by default).
 */
export function eurosResolver<V extends FieldValues, S extends ContractSchema>(
  schema: S,
  build: (values: V, euros: EurosReader) => unknown,
  fieldOf: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join('.'),
): Resolver<V, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const errors: Record<string, FieldError> = {};
    const euros: EurosReader = (field, text, { required } = {}) => {
      const parsed = parseEuros(text ?? '');
      if (parsed === null) {
        if (required) errors[field] = { type: 'required', message: required };
        return null;
      }
      if (!parsed.ok) {
        errors[field] = { type: 'format', message: parsed.message };
        return null;
      }
      return parsed.cents;
    };
    const input = build(values, euros);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path);
        if (!errors[field]) errors[field] = { type: 'schema', message: issue.message };
      }
    }
    if (Object.keys(errors).length > 0 || !parsed.success) {
      return { values: {}, errors: toNestErrors(errors as FieldErrors, options) as FieldErrors<V> };
    }
    return { values: parsed.data as z.output<S>, errors: {} };
  };
}
