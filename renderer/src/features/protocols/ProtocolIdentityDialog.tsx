import { useWatch } from 'react-hook-form';
import { type ProtocolDetail, protocolSchema } from '@shared/contract';
import { DEFAULT_REVIEW_EVERY_MONTHS, PROTOCOL_FAMILIES } from '@shared/domain/protocol-labels';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { CodeOptions } from '../meetings/CodeOptions';
import { MISSION_OPTIONS } from '../fiches/labels';
import { useProtocolsWrite } from './queries';

interface Values {
  title: string;
  code: string;
  family: string;
  theme: string;
  missionCode: string;
  reviewEveryMonths: string;
  arreteReference: string;
  arreteOn: string;
}

/** The form's values: a new protocol's defaults, or the identity as stored. */
function toValues(protocol: ProtocolDetail | null): Values {
  const data = protocol?.data;
  return {
    title: data?.title ?? '',
    code: data?.code ?? '',
    family: data?.family ?? 'pluripro',
    theme: data?.theme ?? '',
    missionCode: data?.missionCode ?? '',
    reviewEveryMonths: String(data?.reviewEveryMonths ?? DEFAULT_REVIEW_EVERY_MONTHS),
    arreteReference: data?.arreteReference ?? '',
    arreteOn: data?.arreteOn ?? '',
  };
}

/** What the inputs hold → the channel's input (blank texts left out, the period as a number). */
function toInput(values: Values, protocol: ProtocolDetail | null) {
  const national = values.family === 'coop_nationale';
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return {
    ...(protocol?.data ?? {}),
    title: values.title,
    code: text(values.code),
    family: values.family,
    theme: text(values.theme),
    missionCode: text(values.missionCode),
    reviewEveryMonths: values.reviewEveryMonths.trim() === '' ? undefined : Number(values.reviewEveryMonths),
    arreteReference: national ? text(values.arreteReference) : null,
    arreteOn: national ? text(values.arreteOn) : null,
  };
}

/**
 * « Nouveau protocole » or « Modifier l’identité »: title, family, theme, mission, review period, and the arrêté of a
 * national cooperation protocol; the content is written in the protocol's versions.
 */
export function ProtocolIdentityDialog({
  protocol,
  onClose,
  onSaved,
}: {
  /** The protocol to edit, or null for a new one. */
  protocol: ProtocolDetail | null;
  onClose: () => void;
  onSaved: (saved: ProtocolDetail) => void;
}) {
  const create = useProtocolsWrite('protocols.create');
  const update = useProtocolsWrite('protocols.update');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: protocolSchema,
    defaultValues: toValues(protocol),
    prepare: (values: Values) => toInput(values, protocol),
    serverPrefix: protocol ? 'data.' : undefined,
    submit: (data) => (protocol ? update.mutateAsync({ id: protocol.id, data }) : create.mutateAsync(data)),
    savedMessage: (saved) =>
      protocol ? `Protocole « ${saved.title} » enregistré.` : `Protocole « ${saved.title} » créé.`,
    onSaved: (saved, _data, form) => {
      form.reset(toValues(saved));
      onSaved(saved);
    },
  });
  const family = useWatch({ control, name: 'family' });

  return (
    <Dialog
      title={protocol ? 'Modifier le protocole' : 'Nouveau protocole'}
      onClose={onClose}
      busy={isSubmitting}
      initialFocus="#protocole-titre"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={isSubmitting}>
            Annuler
          </button>
          <button type="submit" form="protocole-identite" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Enregistrement…' : protocol ? 'Enregistrer' : 'Créer le protocole'}
          </button>
        </>
      }
    >
      <form id="protocole-identite" onSubmit={onSubmit} noValidate className="protocol-new-form">
        <FormError message={formError} />
        <Field id="protocole-titre" label="Titre" required error={errors.title?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
        </Field>
        <fieldset
          className="protocol-families"
          aria-describedby={errors.family ? 'protocole-famille-erreur' : undefined}
        >
          <legend>Famille</legend>
          {PROTOCOL_FAMILIES.map((entry) => (
            <label key={entry.code} className="protocol-family-choice">
              <input type="radio" value={entry.code} {...register('family')} />
              <span>
                <strong>{entry.label}</strong>
                <span className="field-hint">{entry.long}</span>
              </span>
            </label>
          ))}
          {errors.family?.message && (
            <p id="protocole-famille-erreur" className="field-error">
              {errors.family.message}
            </p>
          )}
        </fieldset>
        <div className="form-grid">
          <Field
            id="protocole-code"
            label="Code"
            hint="Facultatif, par exemple « PR-03 »."
            error={errors.code?.message}
          >
            {(a) => <input type="text" autoComplete="off" {...a} {...register('code')} />}
          </Field>
          <Field
            id="protocole-theme"
            label="Thème"
            hint="Par exemple « Chutes de la personne âgée »."
            error={errors.theme?.message}
          >
            {(a) => <input type="text" autoComplete="off" {...a} {...register('theme')} />}
          </Field>
          <Field id="protocole-mission" label="Mission de l’ACI" error={errors.missionCode?.message}>
            {(a) => (
              <select {...a} {...register('missionCode')}>
                <option value="">Aucune</option>
                <CodeOptions items={MISSION_OPTIONS} />
              </select>
            )}
          </Field>
          <Field
            id="protocole-revision"
            label="Révision tous les (mois)"
            hint={`${DEFAULT_REVIEW_EVERY_MONTHS} mois par défaut.`}
            error={errors.reviewEveryMonths?.message}
          >
            {(a) => (
              <input type="number" min={1} max={120} inputMode="numeric" {...a} {...register('reviewEveryMonths')} />
            )}
          </Field>
          {family === 'coop_nationale' && (
            <>
              <Field
                id="protocole-arrete"
                label="Arrêté d’autorisation"
                hint="Par exemple « Arrêté du 9 mars 2023 relatif au protocole de coopération… »."
                error={errors.arreteReference?.message}
              >
                {(a) => <input type="text" autoComplete="off" {...a} {...register('arreteReference')} />}
              </Field>
              <Field id="protocole-arrete-date" label="Date de l’arrêté" error={errors.arreteOn?.message}>
                {(a) => <input type="date" {...a} {...register('arreteOn')} />}
              </Field>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
