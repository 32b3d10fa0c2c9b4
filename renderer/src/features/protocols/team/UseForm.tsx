import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { type ProtocolDetail, type ProtocolTeamRow, protocolUseSchema } from '@shared/contract';
import { AGE_BANDS, PATIENT_SEXES, USE_OUTCOMES } from '@shared/domain/protocol-labels';
import { toIsoDate } from '@shared/format';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { useContractForm } from '../../../components/useContractForm';
import { CodeOptions } from '../../meetings/CodeOptions';
import { useProtocolTeamWrite } from './queries';

interface UseValues {
  usedOn: string;
  professionalMemberId: string;
  delegantMemberId: string;
  ageBand: string;
  sex: string;
  hasMt: '' | 'oui' | 'non';
  outcome: string;
  adverseEvent: boolean;
  adverseEventText: string;
  note: string;
}

const blank = (keep: Pick<UseValues, 'usedOn' | 'professionalMemberId' | 'delegantMemberId'>): UseValues => ({
  ...keep,
  ageBand: '',
  sex: '',
  hasMt: '',
  outcome: 'pris_en_charge',
  adverseEvent: false,
  adverseEventText: '',
  note: '',
});

/** « BERNARD Camille — Pharmacien » */
const personLabel = (row: ProtocolTeamRow) =>
  row.professionLabel ? `${row.memberName} — ${row.professionLabel}` : row.memberName;

/** Each member once, in the order given. */
const distinct = (rows: readonly ProtocolTeamRow[]) =>
  rows.filter((row, index) => rows.findIndex((other) => other.memberId === row.memberId) === index);

/**
 * One use of the protocol, typed fast at the keyboard: the date (today), the professional (délégués of the team
 * first) and the délégant stay for the next entry; the rest empties and the focus goes back to the date.
 */
export function UseForm({ protocol, team }: { protocol: ProtocolDetail; team: readonly ProtocolTeamRow[] }) {
  const log = useProtocolTeamWrite('protocolUses.log');
  const active = team.filter((row) => row.active);
  const delegues = distinct(active.filter((row) => row.role === 'delegue'));
  const others = distinct(active.filter((row) => row.role !== 'delegue' && row.role !== 'delegant')).filter(
    (row) => !delegues.some((d) => d.memberId === row.memberId),
  );
  const delegants = distinct(active.filter((row) => row.role === 'delegant'));
  const onlyDelegant = delegants.length === 1 ? String(delegants[0]!.memberId) : '';
  // Bumped by each save: the focus goes back to the date once the emptied form is drawn.
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (saved > 0) document.getElementById('utilisation-date')?.focus();
  }, [saved]);
  const onlyProfessional = delegues.length + others.length === 1 ? String((delegues[0] ?? others[0])!.memberId) : '';

  const form = useContractForm({
    schema: protocolUseSchema,
    defaultValues: blank({
      usedOn: toIsoDate(new Date()),
      professionalMemberId: onlyProfessional,
      delegantMemberId: onlyDelegant,
    }),
    prepare: (values: UseValues) => ({
      ...values,
      protocolId: protocol.id,
      professionalMemberId: values.professionalMemberId === '' ? undefined : Number(values.professionalMemberId),
      hasMt: values.hasMt === '' ? undefined : values.hasMt === 'oui',
      ageBand: values.ageBand || undefined,
      sex: values.sex || undefined,
    }),
    submit: (data) => log.mutateAsync(data),
    savedMessage: 'Utilisation enregistrée',
    // A day of entries is typed in a row: nothing to lose between two of them.
    guard: false,
    onSaved: (_saved, _data, form) => {
      const { usedOn, professionalMemberId, delegantMemberId } = form.getValues();
      form.reset(blank({ usedOn, professionalMemberId, delegantMemberId }));
      setSaved((count) => count + 1);
    },
  });
  const { register, control, onSubmit, formError, errors, isSubmitting } = form;
  const adverseEvent = useWatch({ control, name: 'adverseEvent' });

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="utilisation-form-titre">
      <h2 id="utilisation-form-titre">Nouvelle utilisation</h2>
      <div className="alert alert-warning" role="note">
        Journal anonyme : n’écrivez ni le nom du patient, ni sa date de naissance, ni son adresse, son téléphone ou son
        numéro de sécurité sociale. Une tranche d’âge et le sexe suffisent.
      </div>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="utilisation-date" label="Date" required error={errors.usedOn?.message}>
          {(a) => <input type="date" {...a} {...register('usedOn')} />}
        </Field>
        <Field
          id="utilisation-professionnel"
          label="Professionnel"
          required
          hint={protocol.isCooperation ? 'Le délégué qui a appliqué le protocole.' : undefined}
          error={errors.professionalMemberId?.message}
        >
          {(a) => (
            <select {...a} {...register('professionalMemberId')}>
              <option value="">— Choisir —</option>
              {delegues.length > 0 && (
                <optgroup label="Délégués">
                  {delegues.map((row) => (
                    <option key={row.memberId} value={String(row.memberId)}>
                      {personLabel(row)}
                    </option>
                  ))}
                </optgroup>
              )}
              {others.length > 0 && (
                <optgroup label={delegues.length > 0 ? 'Autres membres de l’équipe' : 'Équipe'}>
                  {others.map((row) => (
                    <option key={row.memberId} value={String(row.memberId)}>
                      {personLabel(row)}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </Field>
        {protocol.isCooperation && (
          <Field id="utilisation-delegant" label="Délégant" error={errors.delegantMemberId?.message}>
            {(a) => (
              <select {...a} {...register('delegantMemberId')}>
                <option value="">— Non précisé —</option>
                {delegants.map((row) => (
                  <option key={row.memberId} value={String(row.memberId)}>
                    {personLabel(row)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="utilisation-age" label="Tranche d’âge" required error={errors.ageBand?.message}>
          {(a) => (
            <select {...a} {...register('ageBand')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={AGE_BANDS} />
            </select>
          )}
        </Field>
        <Field id="utilisation-sexe" label="Sexe" required error={errors.sex?.message}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={PATIENT_SEXES} />
            </select>
          )}
        </Field>
        <Field id="utilisation-mt" label="Médecin traitant" required error={errors.hasMt?.message}>
          {(a) => (
            <select {...a} {...register('hasMt')}>
              <option value="">— Choisir —</option>
              <option value="oui">Oui, le patient a un médecin traitant</option>
              <option value="non">Non, pas de médecin traitant</option>
            </select>
          )}
        </Field>
        <Field id="utilisation-issue" label="Issue" required error={errors.outcome?.message}>
          {(a) => (
            <select {...a} {...register('outcome')}>
              <CodeOptions items={USE_OUTCOMES} />
            </select>
          )}
        </Field>
        <div className={`field field-checkbox${errors.adverseEvent ? ' field-invalid' : ''}`}>
          <label className="checkbox-label" htmlFor="utilisation-ei">
            <input
              id="utilisation-ei"
              type="checkbox"
              aria-invalid={Boolean(errors.adverseEvent)}
              aria-describedby={errors.adverseEvent ? 'utilisation-ei-erreur' : undefined}
              {...register('adverseEvent')}
            />{' '}
            Événement indésirable
          </label>
          {errors.adverseEvent?.message && (
            <p id="utilisation-ei-erreur" className="field-error">
              {errors.adverseEvent.message}
            </p>
          )}
        </div>
        {adverseEvent && (
          <Field
            id="utilisation-ei-texte"
            label="Description de l’événement indésirable"
            required
            wide
            error={errors.adverseEventText?.message}
          >
            {(a) => <textarea rows={2} {...a} {...register('adverseEventText')} />}
          </Field>
        )}
        <Field id="utilisation-note" label="Note" wide error={errors.note?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer l’utilisation" />
    </form>
  );
}
