/**
 * The editor of one version of the statutory rules: date of entry into force, source, then one collapsible
 * fieldset per meeting type (`MeetingFieldset`), each followed by the French sentences the app will apply,
 * recomputed as the user types. The form's values, their conversion and the placing of error messages live in
 * `rulesForm.ts`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm, type FieldErrors } from 'react-hook-form';
import type { RulesOverview } from '@shared/contract';
import { MEETING_TYPES, type MeetingType } from '@shared/domain/ag';
import { formatDateLong } from '@shared/format';
import { ApiCallError, errorMessage } from '../../../api';
import { ConfirmDialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { useAgWrite } from '../queries';
import { MeetingFieldset } from './MeetingFieldset';
import {
  draftToValues,
  firstErrorPath,
  formPathOf,
  rulesResolver,
  typesWithErrors,
  type ParsedVersion,
  type RulesDraft,
  type RulesFormValues,
} from './rulesForm';

export type { RulesDraft } from './rulesForm';

interface EditorProps {
  draft: RulesDraft;
  /** Heading of the editor, e.g. « Nouvelle version des statuts ». */
  title: string;
  onSaved: (overview: RulesOverview) => void;
  onCancel: () => void;
}

const DEFAULT_OPEN: Record<MeetingType, boolean> = {
  ago: true,
  age: true,
  constitutive: false,
  ca: false,
  bureau: false,
};

export function RulesEditor({ draft, title, onSaved, onCancel }: EditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [open, setOpen] = useState<Record<MeetingType, boolean>>(DEFAULT_OPEN);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const toast = useToast();
  const save = useAgWrite('rules.save');
  const resolver = useMemo(() => rulesResolver(draft.id), [draft.id]);

  const form = useForm<RulesFormValues, unknown, ParsedVersion>({
    resolver,
    defaultValues: draftToValues(draft),
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting, isDirty, submitCount },
  } = form;
  useUnsavedChangesGuard(isDirty);

  // The editor opens under the list: bring it into view and give it the focus.
  useEffect(() => {
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus();
  }, []);

  // Ctrl+S / Cmd+S saves, from anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  /** Opens the meeting types that hold an error, then puts the focus on the first wrong input. */
  const revealErrors = (found: FieldErrors<RulesFormValues>) => {
    const types = typesWithErrors(found);
    if (types.some((type) => !open[type])) {
      flushSync(() => setOpen((current) => ({ ...current, ...Object.fromEntries(types.map((type) => [type, true])) })));
    }
    const path = firstErrorPath(found, formRef.current);
    if (!path) return;
    setFocus(path as never);
    // Centred, so that the sticky save bar does not hide the input and its message.
    formRef.current?.querySelector(`[name="${path}"]`)?.scrollIntoView?.({ block: 'center' });
  };

  const onValid = async (values: ParsedVersion) => {
    setFormError(null);
    try {
      const overview = await save.mutateAsync(values);
      toast.notify({
        kind: 'success',
        message: `Règles statutaires enregistrées (en vigueur à partir du ${formatDateLong(values.effectiveFrom)}).`,
      });
      onSaved(overview);
    } catch (error) {
      // Keep everything typed; say why it was refused, under the inputs when possible.
      const current = form.getValues();
      let placed = 0;
      if (error instanceof ApiCallError) {
        for (const [path, message] of Object.entries(error.fields)) {
          const target = formPathOf(path.split('.'), current);
          if (!target) continue;
          setError(target as never, { type: 'server', message });
          placed++;
        }
        if (error.code === 'conflict') {
          setError('effectiveFrom', {
            type: 'server',
            message: 'Choisissez une autre date, ou modifiez la version existante.',
          });
          placed++;
        }
      }
      const message = errorMessage(error);
      setFormError(message);
      toast.notify({ kind: 'error', message });
      if (placed > 0) revealErrors(form.formState.errors);
    }
  };

  const errorCount = countErrors(errors);
  const cancel = () => (isDirty ? setConfirmCancel(true) : onCancel());

  return (
    <form
      ref={formRef}
      className="rules-editor"
      noValidate
      aria-labelledby="regles-editeur-titre"
      onSubmit={handleSubmit(onValid, (found) => {
        setFormError(null);
        revealErrors(found);
      })}
    >
      <h3 id="regles-editeur-titre" ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p className="muted small">
        Recopiez ce que disent vos statuts (ou votre règlement intérieur). Les valeurs proposées sont{' '}
        {draft.id === null
          ? 'celles de la version précédente, ou à défaut des valeurs usuelles'
          : 'celles de cette version'}
        . Ctrl+S enregistre.
      </p>

      <div className="form-grid">
        <Field
          id="regles-date"
          label="Date d’entrée en vigueur"
          required
          error={errors.effectiveFrom?.message}
          hint="Les réunions tenues à partir de cette date suivent ces règles (souvent la date de l’assemblée qui a adopté les statuts)."
        >
          {(a) => <input type="date" {...a} {...register('effectiveFrom')} />}
        </Field>
        <Field
          id="regles-source"
          label="Source"
          error={errors.source?.message}
          hint="Par exemple : Statuts adoptés le 12 mars 2021, articles 10 à 14."
        >
          {(a) => (
            <input
              type="text"
              autoComplete="off"
              placeholder="Statuts adoptés le …, articles …"
              {...a}
              {...register('source')}
            />
          )}
        </Field>
      </div>

      {MEETING_TYPES.map((type) => (
        <MeetingFieldset
          key={type}
          type={type}
          open={open[type]}
          onToggle={() => setOpen((current) => ({ ...current, [type]: !current[type] }))}
          register={register}
          control={control}
          errors={errors}
        />
      ))}

      <div className="rules-editor-actions">
        {errors.root?.message && (
          <p className="error-text" role="alert">
            {errors.root.message}
          </p>
        )}
        {formError ? (
          <div className="alert alert-error" role="alert">
            {formError}
          </div>
        ) : (
          submitCount > 0 &&
          errorCount > 0 && (
            <p className="error-text" role="alert">
              {errorCount > 1
                ? `${errorCount} valeurs sont à corriger : les messages sont affichés sous les champs concernés.`
                : 'Une valeur est à corriger : le message est affiché sous le champ concerné.'}
            </p>
          )
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Enregistrement…' : 'Enregistrer cette version'}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel} disabled={isSubmitting}>
            Annuler
          </button>
        </div>
      </div>

      {confirmCancel && (
        <ConfirmDialog
          title="Abandonner les modifications ?"
          confirmLabel="Abandonner"
          danger
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            onCancel();
          }}
        >
          <p>Les valeurs saisies dans cette version des statuts n’ont pas été enregistrées : elles seront perdues.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && 'type' in node) return 1;
  return Object.entries(node).reduce((sum, [key, value]) => (key === 'ref' ? sum : sum + countErrors(value)), 0);
}
