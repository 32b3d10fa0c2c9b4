/** Paramètres › RCP: the minimum number of different professions expected at a réunion de concertation pluriprofessionnelle. */
import { contract } from '@shared/contract';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { useContractForm } from '../../components/useContractForm';
import { useSettings, useSettingsWrite } from './queries';

interface Values {
  rcpMinProfessions: string;
}

/** The typed text as the channel reads it ('' and « 2,5 » included): the main process's checks then apply as they are. */
function prepare(values: Values) {
  const raw = values.rcpMinProfessions.trim().replace(',', '.');
  return { rcpMinProfessions: raw === '' ? undefined : Number(raw) };
}

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
  const save = useSettingsWrite('settings.save');
  const form = useContractForm({
    schema: contract['settings.save'].input,
    prepare,
    defaultValues: { rcpMinProfessions: String(value) } satisfies Values,
    reValidateMode: 'onChange',
    submit: (values) => save.mutateAsync(values),
    onSaved: (saved, _, { reset }) => reset({ rcpMinProfessions: String(saved.rcpMinProfessions) }),
    savedMessage: (saved) =>
      `Minimum enregistré : ${saved.rcpMinProfessions} ${saved.rcpMinProfessions > 1 ? 'professions' : 'profession'} par RCP.`,
    failedMessage: (message) => `Le réglage n’a pas été enregistré : ${message}`,
  });
  const {
    register,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="rcp-reglage-titre">
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
      <FormError message={form.formError} />
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le minimum">
        {!isDirty && !isSubmitting && (
          <span className="muted small" aria-live="polite">
            Valeur actuelle : {value} {value > 1 ? 'professions' : 'profession'}.
          </span>
        )}
      </FormActions>
    </form>
  );
}
