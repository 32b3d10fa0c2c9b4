import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { type IndicatorDetail, type MeasureRow, measureSchema } from '@shared/contract';
import { MEASURE_STATUS_LABELS } from '@shared/domain/indicator-labels';
import { formatDateLong, toIsoDate } from '@shared/format';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { indicatorsResolver, orNull, readDecimal } from './formResolver';
import type { YearChoice } from './missions';
import { useIndicatorsWrite } from './queries';
import { decimalToInput, VALUE_SUFFIX } from './values';
import { valueText } from './wording';

interface MeasureFormValues {
  value: string;
  periodStart: string;
  periodEnd: string;
  measuredOn: string;
  source: string;
  status: string;
  comment: string;
}

const FIELDS = ['value', 'periodStart', 'periodEnd', 'measuredOn', 'source', 'status', 'comment', 'contractYearId'];

function toForm(indicator: IndicatorDetail, measure: MeasureRow | null): MeasureFormValues {
  return {
    value: measure ? decimalToInput(measure.value) : indicator.valueType === 'oui_non' ? '0' : '',
    periodStart: measure?.periodStart ?? '',
    periodEnd: measure?.periodEnd ?? '',
    measuredOn: measure?.measuredOn ?? toIsoDate(new Date()),
    source: measure?.source ?? '',
    status: measure?.status ?? 'brouillon',
    comment: measure?.comment ?? '',
  };
}

/** The measures of an indicator for a contract year: the list, and the form to enter or correct one. */
export function MeasuresSection({
  indicator,
  year,
  hasTarget,
}: {
  indicator: IndicatorDetail;
  year: YearChoice;
  hasTarget: boolean;
}) {
  const [editing, setEditing] = useState<{ measure: MeasureRow | null } | null>(null);
  const remove = useConfirmedDelete(useIndicatorsWrite('indicators.deleteMeasure'), {
    title: () => 'Supprimer cette mesure ?',
    body: (measure: MeasureRow) => (
      <p>
        La mesure du {formatDateLong(measure.measuredOn)} ({valueText(indicator, measure.value)}) sera supprimée.
      </p>
    ),
    input: (measure) => ({ id: measure.id }),
    deletedMessage: () => 'Mesure supprimée.',
  });
  const rows = indicator.measures.filter((measure) => measure.contractYearId === year.id);
  return (
    <section className="card" aria-labelledby="mesures-titre">
      <div className="card-header">
        <h2 id="mesures-titre">Mesures de l’année {year.index}</h2>
        {!editing && (
          <button type="button" className="button button-small" onClick={() => setEditing({ measure: null })}>
            Saisir une mesure
          </button>
        )}
      </div>
      {!hasTarget && (
        <p className="muted small">Fixez d’abord la cible de l’année : une mesure se rapporte à une cible.</p>
      )}
      <DataTable
        rows={rows}
        rowKey={(measure) => measure.id}
        compact
        className="indicators-table"
        scroll
        aria-labelledby="mesures-titre"
        empty="Aucune mesure pour cette année."
        columns={[
          {
            header: 'Valeur',
            rowHeader: true,
            className: 'num',
            cell: (measure) => valueText(indicator, measure.value),
          },
          { header: 'Mesurée le', cell: (measure) => formatDateLong(measure.measuredOn) },
          {
            header: 'Période',
            cell: (measure) =>
              measure.periodStart || measure.periodEnd
                ? `du ${formatDateLong(measure.periodStart) || '…'} au ${formatDateLong(measure.periodEnd) || '…'}`
                : '—',
          },
          { header: 'Statut', cell: (measure) => MEASURE_STATUS_LABELS[measure.status] },
          {
            header: 'Source et commentaire',
            cell: (measure) => (
              <>
                {[measure.source, measure.comment].filter(Boolean).join(' — ') || '—'}
                {measure.computedFrom && <span className="cell-sub template-meta">{measure.computedFrom}</span>}
              </>
            ),
          },
        ]}
        actions={(measure) => (
          <>
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Modifier la mesure du ${formatDateLong(measure.measuredOn)}`}
              onClick={() => setEditing({ measure })}
            >
              Modifier
            </button>
            <DeleteButton
              label={`Supprimer la mesure du ${formatDateLong(measure.measuredOn)}`}
              onClick={() => remove.ask(measure)}
            />
          </>
        )}
      />
      {editing && (
        <MeasureForm
          key={editing.measure?.id ?? 'nouvelle'}
          indicator={indicator}
          year={year}
          measure={editing.measure}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </section>
  );
}

function MeasureForm({
  indicator,
  year,
  measure,
  onDone,
}: {
  indicator: IndicatorDetail;
  year: YearChoice;
  measure: MeasureRow | null;
  onDone: () => void;
}) {
  const save = useIndicatorsWrite('indicators.saveMeasure');
  const form = useContractForm({
    schema: measureSchema,
    defaultValues: toForm(indicator, measure),
    resolver: indicatorsResolver<MeasureFormValues, typeof measureSchema>(measureSchema, (values, problems) => ({
      id: measure?.id ?? null,
      indicatorId: indicator.id,
      contractYearId: year.id,
      value: readDecimal(values.value, 'value', problems),
      periodStart: orNull(values.periodStart),
      periodEnd: orNull(values.periodEnd),
      measuredOn: values.measuredOn,
      source: orNull(values.source),
      status: values.status,
      comment: orNull(values.comment),
    })),
    fields: FIELDS,
    submit: save.mutateAsync,
    savedMessage: (row) => `Mesure enregistrée : ${valueText(indicator, row.value)}.`,
    onSaved: (_row, _data, f) => {
      f.reset();
      onDone();
    },
  });
  const { register, errors } = form;
  const suffix = VALUE_SUFFIX[indicator.valueType];
  const yearError = (errors as Record<string, { message?: string } | undefined>).contractYearId?.message;
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-labelledby="mesure-form-titre">
      <h3 id="mesure-form-titre">{measure ? 'Modifier la mesure' : 'Nouvelle mesure'}</h3>
      <FormError message={form.formError} />
      {yearError && <p className="field-error">{yearError}</p>}
      <div className="form-grid">
        {indicator.valueType === 'oui_non' ? (
          <div className="field field-checkbox">
            <Controller
              control={form.control}
              name="value"
              render={({ field }) => (
                <label className="checkbox-label">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={field.value === '1'}
                    checked={field.value === '1'}
                    onChange={(event) => field.onChange(event.target.checked ? '1' : '0')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                  />{' '}
                  Réalisé (oui)
                </label>
              )}
            />
            {errors.value?.message && <p className="field-error">{errors.value.message}</p>}
          </div>
        ) : (
          <Field
            id="mesure-valeur"
            label={suffix ? `Valeur (${suffix})` : indicator.unit ? `Valeur (${indicator.unit})` : 'Valeur'}
            required
            error={errors.value?.message}
          >
            {(a) => <input type="text" inputMode="decimal" {...a} {...register('value')} />}
          </Field>
        )}
        <Field id="mesure-date" label="Mesurée le" required error={errors.measuredOn?.message}>
          {(a) => <input type="date" {...a} {...register('measuredOn')} />}
        </Field>
        <Field id="mesure-statut" label="Statut" required error={errors.status?.message}>
          {(a) => (
            <select {...a} {...register('status')}>
              {Object.entries(MEASURE_STATUS_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mesure-debut" label="Début de la période" error={errors.periodStart?.message}>
          {(a) => <input type="date" {...a} {...register('periodStart')} />}
        </Field>
        <Field id="mesure-fin" label="Fin de la période" error={errors.periodEnd?.message}>
          {(a) => <input type="date" {...a} {...register('periodEnd')} />}
        </Field>
        <Field
          id="mesure-source"
          label="Source"
          hint="Par exemple : requête CPAM du 15 mars."
          error={errors.source?.message}
        >
          {(a) => <input type="text" {...a} {...register('source')} />}
        </Field>
        <Field id="mesure-commentaire" label="Commentaire" wide error={errors.comment?.message}>
          {(a) => <textarea rows={2} {...a} {...register('comment')} />}
        </Field>
      </div>
      <FormActions pending={form.isSubmitting} submitLabel="Enregistrer la mesure" onCancel={onDone} small />
    </form>
  );
}
