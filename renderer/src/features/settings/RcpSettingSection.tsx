/** Paramètres › RCP: the minimum number of different professions expected at a réunion de concertation pluriprofessionnelle. */
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { contract } from '@shared/contract';
import { ApiCallError, errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useSettings, useSettingsWrite } from './queries';

interface Values {
  rcpMinProfessions: string;
}
type Parsed = { rcpMinProfessions: number };

const schema = contract['settings.save'].input;

/** The same checks as the main process, on the typed text ('' and « 2,5 » included). */
const resolver: Resolver<Values, unknown, Parsed> = async (values) => {
  const raw = values.rcpMinProfessions.trim().replace(',', '.');
  const result = schema.safeParse({ rcpMinProfessions: raw === '' ? undefined : Number(raw) });
  if (result.success) return { values: result.data, errors: {} };
  const errors: FieldErrors<Values> = {
    rcpMinProfessions: { type: 'validation', message: result.error.issues[0]?.message ?? 'Valeur invalide.' },
  };
  return { values: {}, errors };
};

export function RcpSettingSection() {
  const settings = useSettings();
  return (
    <section className="card form-card" aria-labelledby="rcp-reglage-titre">
      <h2 id="rcp-reglage-titre">Réunions de concertation pluriprofessionnelle (RCP)</h2>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryError message={errorMessage(settings.error)} onRetry={() => void settings.refetch()} />
      ) : (
        <RcpForm value={settings.data.rcpMinProfessions} />
      )}
    </section>
  );
}

function RcpForm({ value }: { value: number }) {
  const toast = useToast();
  const save = useSettingsWrite('settings.save');
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values, unknown, Parsed>({
    resolver,
    defaultValues: { rcpMinProfessions: String(value) },
    reValidateMode: 'onChange',
  });
  useUnsavedChangesGuard(isDirty);

  const onSubmit = async (values: Parsed) => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync(values);
      reset({ rcpMinProfessions: String(saved.rcpMinProfessions) });
      toast.notify({
        kind: 'success',
        message: `Minimum enregistré : ${saved.rcpMinProfessions} ${saved.rcpMinProfessions > 1 ? 'professions' : 'profession'} par RCP.`,
      });
    } catch (error) {
      const message = errorMessage(error);
      const fieldMessage = error instanceof ApiCallError ? error.fields.rcpMinProfessions : undefined;
      if (fieldMessage) setError('rcpMinProfessions', { type: 'server', message: fieldMessage }, { shouldFocus: true });
      setFormError(message);
      toast.notify({ kind: 'error', message: `Le réglage n’a pas été enregistré : ${message}` });
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="rcp-reglage-titre">
      <p className="muted">
        Une RCP réunit des professionnels de santé de professions différentes autour de situations de patients. Quand
        moins de professions que ce minimum sont présentes, Maillage le signale sur la réunion, et le bilan annuel des
        RCP compte la séance comme « en dessous du minimum ». Les réunions déjà saisies ne sont pas modifiées.
      </p>
      <div className="rules-inline">
        <Field
          id="rcp-min-professions"
          label="Nombre minimal de professions par RCP"
          required
          error={errors.rcpMinProfessions?.message}
          hint="Entre 1 et 10 ; 2 par défaut."
        >
          {(a) => (
            <input
              type="number"
              min={1}
              max={10}
              step={1}
              className="number-input"
              {...a}
              {...register('rcpMinProfessions')}
            />
          )}
        </Field>
      </div>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Enregistrement…' : 'Enregistrer le minimum'}
        </button>
        {!isDirty && !isSubmitting && (
          <span className="muted small" aria-live="polite">
            Valeur actuelle : {value} {value > 1 ? 'professions' : 'profession'}.
          </span>
        )}
      </div>
    </form>
  );
}
