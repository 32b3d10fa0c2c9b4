import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiCallError, errorMessage } from '../api';

/**
 * Puts the per-field French messages of a refused save under the matching inputs (keys are dotted paths).
 * Returns the message to show above the form: the error's own message, unless every field was placed and
 * the message adds nothing.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly string[],
): { message: string; placed: number } {
  if (!(error instanceof ApiCallError)) return { message: errorMessage(error), placed: 0 };
  let placed = 0;
  const entries = Object.entries(error.fields);
  for (const [path, message] of entries) {
    const root = path.split('.')[0] ?? path;
    if (!knownFields.includes(root)) continue;
    setError(path as FieldPath<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
    placed++;
  }
  return { message: error.message, placed };
}
