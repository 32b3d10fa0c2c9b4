import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type BaseSyntheticEvent } from 'react';
import {
  useForm,
  type FieldValues,
  type Resolver,
  type ResolverOptions,
  type ResolverResult,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from '@shared/zod-fr';
import { ApiCallError } from '../api';
import { applyServerErrors } from './serverErrors';
import { useToast } from './Toasts';
import { useUnsavedChangesGuard } from './UnsavedChanges';

/** A zod schema of the contract (or of a form built on it). */
export type ContractSchema = z.ZodType<unknown, unknown>;

/**
 * A react-hook-form resolver from a contract's zod schema, for a form whose inputs hold `V` (strings, mostly) while the
 * schema reads the input of the channel: `prepare` turns the former into the latter before validation (e.g. « 1,5 » →
 * « 1.5 »). The validated values are the schema's output, as the channel takes them.
 */
export function contractResolver<V extends FieldValues, S extends ContractSchema>(
  schema: S,
  prepare?: (values: V) => FieldValues,
): Resolver<V, unknown, z.output<S>> {
  // The schema reads what `prepare` gives; its errors name the same fields as the form's inputs.
  const validate = zodResolver(schema as unknown as z.ZodType<z.output<S>, FieldValues>) as Resolver<
    FieldValues,
    unknown,
    z.output<S>
  >;
  return async (values, context, options) =>
    (await validate(
      prepare ? prepare(values) : values,
      context,
      options as unknown as ResolverOptions<FieldValues>,
    )) as ResolverResult<V, z.output<S>>;
}

/** Removes a prefix from the field paths of a refused save (« data.rpps » → « rpps »). */
export function withoutFieldPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiCallError)) return error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    fields[path.startsWith(prefix) ? path.slice(prefix.length) : path] = message;
  }
  return new ApiCallError(error.code, error.message, fields, error.channel);
}

export interface ContractFormOptions<V extends FieldValues, S extends ContractSchema, R>
  extends Omit<UseFormProps<V, unknown, z.output<S>>, 'resolver'> {
  /** The contract's schema: the same one validates the channel's input in the main process. */
  schema: S;
  /** What the inputs hold → what the schema reads (see {@link contractResolver}). */
  prepare?: (values: V) => FieldValues;
  /** A resolver of the form's own, built on the schema, when `prepare` is not enough. */
  resolver?: Resolver<V, unknown, z.output<S>>;
  /** Sends the validated values, usually `mutation.mutateAsync` of the feature's write hook. */
  submit: (data: z.output<S>) => Promise<R>;
  /** Checked after validation, before sending: false stops there (the form says why, e.g. with `form.setError`). */
  canSubmit?: (data: z.output<S>, form: UseFormReturn<V, unknown, z.output<S>>) => boolean;
  /** After a successful save (e.g. `form.reset` with the stored values, close the form). */
  onSaved?: (result: R, data: z.output<S>, form: UseFormReturn<V, unknown, z.output<S>>) => void | Promise<void>;
  /** When the values do not pass the schema (nothing is sent). */
  onInvalid?: () => void;
  /** After a refused save, with the French message shown above the form. */
  onFailed?: (message: string) => void;
  /** The success toast (none when absent). */
  savedMessage?: string | ((result: R, data: z.output<S>) => string);
  /** The error toast, from the refusal's message (none when absent: the message is shown above the form). */
  failedMessage?: (message: string) => string;
  /** The fields whose server messages go under the inputs (roots of dotted paths). Default: the default values' keys. */
  fields?: readonly string[];
  /** Prefix of the server's field paths to drop, when the channel wraps the form's values (« data. »). */
  serverPrefix?: string;
  /** Ask « Quitter sans enregistrer ? » while the form holds unsaved changes (default true). */
  guard?: boolean;
}

export type ContractForm<V extends FieldValues, S extends ContractSchema> = UseFormReturn<V, unknown, z.output<S>> & {
  /** The form's `onSubmit`: validates, sends, then places the server's refusal under the fields. */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The refusal's message, to show above the form (null once a new submission starts). */
  formError: string | null;
  setFormError: (message: string | null) => void;
  /** `formState.errors` and `formState.isSubmitting`, at hand for the fields and {@link FormActions}. */
  errors: UseFormReturn<V, unknown, z.output<S>>['formState']['errors'];
  isSubmitting: boolean;
};

/**
 * A form bound to a channel of the contract: zod validation with the contract's schema, submission through the
 * feature's write, the server's per-field messages under the right inputs, success and error toasts, and the
 * unsaved-changes guard.
 *
 * ```tsx
 * const save = useMembersWrite('colleges.save');
 * const form = useContractForm({
 *   schema: collegeSchema,
 *   defaultValues: collegeToForm(college),
 *   submit: save.mutateAsync,
 *   savedMessage: (_, values) => `Collège « ${values.name} » enregistré.`,
 *   onSaved: onDone,
 * });
 * return <form onSubmit={form.onSubmit} noValidate>…<FormActions pending={form.isSubmitting} … /></form>;
 * ```
 */
export function useContractForm<V extends FieldValues, S extends ContractSchema, R>(
  options: ContractFormOptions<V, S, R>,
): ContractForm<V, S> {
  const {
    schema,
    prepare,
    resolver,
    submit,
    canSubmit,
    onSaved,
    onFailed,
    onInvalid,
    savedMessage,
    failedMessage,
    fields,
    serverPrefix,
    guard = true,
    ...formProps
  } = options;
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<V, unknown, z.output<S>>({
    ...formProps,
    resolver: resolver ?? contractResolver<V, S>(schema, prepare),
  });
  useUnsavedChangesGuard(guard && form.formState.isDirty);

  const known = fields ?? Object.keys((formProps.defaultValues as object | undefined) ?? {});
  const onSubmit = form.handleSubmit(async (data) => {
    setFormError(null);
    if (canSubmit && !canSubmit(data, form)) return;
    let result: R;
    try {
      result = await submit(data);
    } catch (error) {
      const refusal = serverPrefix ? withoutFieldPrefix(error, serverPrefix) : error;
      const { message } = applyServerErrors(refusal, form.setError, known);
      setFormError(message);
      if (failedMessage) toast.notify({ kind: 'error', message: failedMessage(message) });
      onFailed?.(message);
      return;
    }
    if (savedMessage) {
      toast.notify({
        kind: 'success',
        message: typeof savedMessage === 'string' ? savedMessage : savedMessage(result, data),
      });
    }
    await onSaved?.(result, data, form);
  }, onInvalid);

  const { errors, isSubmitting } = form.formState;
  return { ...form, onSubmit, formError, setFormError, errors, isSubmitting };
}
