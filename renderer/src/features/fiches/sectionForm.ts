/**
 * A small form of the fiche page (a milestone, a budget line) that saves the whole fiche: its values are placed in
 * the stored fiche, validated with the contract's fiche schema, and the messages about the edited item go under
 * its inputs (on the way in and from the server).
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { type FicheData, type FicheDetail, type FicheInput, ficheSchema } from '@shared/contract';
import { useContractForm } from '../../components/useContractForm';
import { useFichesWrite } from './queries';

interface SectionFormOptions<V extends FieldValues> {
  detail: FicheDetail;
  defaultValues: V;
  /** The whole fiche with the form's values in it. */
  build: (values: V) => FicheInput;
  /** Where the edited item sits in the fiche (`['milestones', 3]`): messages under it go to the form's inputs. */
  path: readonly (string | number)[];
  /** Checks done before the schema (an amount typed in euros…): field → message. */
  check?: (values: V) => Partial<Record<keyof V & string, string>>;
  /** The contract's name of an item field → the form's input that holds it (`plannedCents` → `planned`). */
  rename?: Readonly<Record<string, keyof V & string>>;
  savedMessage: string;
  onSaved: () => void;
}

function sectionResolver<V extends FieldValues>(
  build: (values: V) => FicheInput,
  path: readonly (string | number)[],
  check?: (values: V) => Partial<Record<string, string>>,
  rename: Readonly<Record<string, string>> = {},
): Resolver<V, unknown, FicheData> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(check?.(values) ?? {})) {
      if (message) errors[field] = { type: 'validation', message };
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    const parsed = ficheSchema.safeParse(build(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    for (const issue of parsed.error.issues) {
      const inside = path.every((step, index) => String(issue.path[index]) === String(step));
      const own = inside ? issue.path.slice(path.length).join('.') : '';
      const field = own ? (rename[own] ?? own) : 'root';
      errors[field] ??= { type: 'validation', message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/** See the module comment; the result is {@link useContractForm}'s. */
export function useFicheSectionForm<V extends FieldValues>(options: SectionFormOptions<V>) {
  const { detail, defaultValues, build, path, check, rename, savedMessage, onSaved } = options;
  const update = useFichesWrite('fiches.update');
  return useContractForm({
    schema: ficheSchema,
    resolver: sectionResolver(build, path, check, rename),
    defaultValues: defaultValues as never,
    fields: Object.keys(defaultValues),
    serverPrefix: `data.${path.join('.')}.`,
    submit: (data: FicheData) => update.mutateAsync({ id: detail.id, data }),
    savedMessage,
    failedMessage: (message) => `La fiche n’a pas été enregistrée : ${message}`,
    onSaved,
  });
}
