import { useFieldArray } from 'react-hook-form';
import { type IndicatorDetail, type TargetRow, targetSchema } from '@shared/contract';
import { tierName } from '@shared/domain/aci/attainment';
import { formatEurosFromCents } from '@shared/format';
import { PAYMENT_RULE_LABELS, TIER_LABEL_SUGGESTIONS } from '@shared/domain/indicator-labels';
import { centsToInput } from '../../components/money';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { indicatorsResolver, orNull, readDecimal, readEuros } from './formResolver';
import type { YearChoice } from './missions';
import { useCarryOverCandidates, useIndicatorsWrite } from './queries';
import { decimalToInput, VALUE_SUFFIX } from './values';
import { targetText, valueText } from './wording';

interface TierValues {
  label: string;
  threshold: string;
  amountCents: string;
}

interface TargetFormValues {
  paymentRule: string;
  targetValue: string;
  maxCents: string;
  tiers: TierValues[];
  carryOver: boolean;
  note: string;
}

const FIELDS = ['paymentRule', 'targetValue', 'maxCents', 'tiers', 'carryOver', 'note'] as const;

function toForm(indicator: IndicatorDetail, target: TargetRow | null): TargetFormValues {
  return {
    paymentRule: target?.paymentRule ?? (indicator.valueType === 'oui_non' ? 'tout_ou_rien' : 'paliers'),
    targetValue: indicator.valueType === 'oui_non' ? '1' : decimalToInput(target?.targetValue),
    maxCents: centsToInput(target?.maxCents),
    tiers: (target?.tiers ?? []).map((tier) => ({
      label: tier.label,
      threshold: decimalToInput(tier.threshold),
      amountCents: centsToInput(tier.amountCents),
    })),
    carryOver: target?.carriedOverFromId != null,
    note: target?.note ?? '',
  };
}

/**
 * The target of an indicator for one contract year: its payment rule (tout ou rien, paliers, prorata), its cible and
 * amount, or its tiers (threshold and amount each, in the indicator's direction), the carry-over of last year's
 * target when it was not met, a note. The attainment rules' French messages come back under the right field.
 */
export function TargetEditor({
  indicator,
  year,
  target,
  onDone,
}: {
  indicator: IndicatorDetail;
  year: YearChoice;
  target: TargetRow | null;
  onDone: () => void;
}) {
  const save = useIndicatorsWrite('indicators.saveTarget');
  const form = useContractForm({
    schema: targetSchema,
    defaultValues: toForm(indicator, target),
    resolver: indicatorsResolver<TargetFormValues, typeof targetSchema>(targetSchema, (values, problems) => {
      const paliers = values.paymentRule === 'paliers';
      return {
        indicatorId: indicator.id,
        contractYearId: year.id,
        paymentRule: values.paymentRule,
        targetValue: paliers ? null : readDecimal(values.targetValue, 'targetValue', problems),
        maxCents: paliers ? null : readEuros(values.maxCents, 'maxCents', problems),
        tiers: paliers
          ? values.tiers.map((tier, index) => ({
              rank: index + 1,
              label: tier.label.trim(),
              threshold: readDecimal(tier.threshold, `tiers.${index}.threshold`, problems),
              amountCents: readEuros(tier.amountCents, `tiers.${index}.amountCents`, problems),
            }))
          : [],
        carryOver: values.carryOver,
        note: orNull(values.note),
      };
    }),
    fields: FIELDS,
    submit: save.mutateAsync,
    savedMessage: `Cible de l’année ${year.index} enregistrée.`,
    onSaved: (row, _data, f) => {
      f.reset(toForm(indicator, row));
      onDone();
    },
  });
  const { register, errors, control } = form;
  const candidates = useCarryOverCandidates(year.id, year.index > 1);
  const carriable =
    target?.carriedOverFromId != null || (candidates.data ?? []).some((line) => line.indicator.id === indicator.id);
  const tiers = useFieldArray({ control, name: 'tiers' });
  const rule = form.watch('paymentRule');
  const yesNo = indicator.valueType === 'oui_non';
  const suffix = VALUE_SUFFIX[indicator.valueType];
  const tiersError = errors.tiers?.message ?? errors.tiers?.root?.message;

  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-labelledby="cible-form-titre">
      <h3 id="cible-form-titre">Cible de l’année {year.index}</h3>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id="cible-regle" label="Règle de rémunération" required error={errors.paymentRule?.message}>
          {(a) => (
            <select {...a} {...register('paymentRule')}>
              {Object.entries(PAYMENT_RULE_LABELS)
                .filter(([code]) => !yesNo || code === 'tout_ou_rien')
                .map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {rule !== 'paliers' && (
          <>
            {yesNo ? (
              <Field id="cible-valeur" label="Cible" required error={errors.targetValue?.message}>
                {(a) => (
                  <select {...a} {...register('targetValue')}>
                    <option value="1">Oui</option>
                    <option value="0">Non</option>
                  </select>
                )}
              </Field>
            ) : (
              <Field
                id="cible-valeur"
                label={suffix ? `Cible (${suffix})` : 'Cible'}
                required
                error={errors.targetValue?.message}
              >
                {(a) => <input type="text" inputMode="decimal" {...a} {...register('targetValue')} />}
              </Field>
            )}
            <Field
              id="cible-montant"
              label="Montant de l’indicateur (€)"
              required
              hint="Sa part de l’enveloppe variable de la mission, par exemple 2 000."
              error={errors.maxCents?.message}
            >
              {(a) => <input type="text" inputMode="decimal" {...a} {...register('maxCents')} />}
            </Field>
          </>
        )}
      </div>
      {rule === 'paliers' && (
        <fieldset className="form-section">
          <legend>Paliers</legend>
          <p className="muted small">
            Du premier au dernier palier,{' '}
            {indicator.direction === 'baisse' ? 'des seuils de plus en plus bas' : 'des seuils de plus en plus hauts'}{' '}
            et des montants croissants ; le palier le plus haut atteint est payé, les paliers ne se cumulent pas.
          </p>
          {tiersError && (
            <p className="field-error" role="alert">
              {tiersError}
            </p>
          )}
          <datalist id="palier-libelles">
            {TIER_LABEL_SUGGESTIONS.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
          <div className="tier-rows">
            {tiers.fields.map((field, index) => (
              <div key={field.id} className="tier-row">
                <span className="tier-rank">Palier {index + 1}</span>
                <Field id={`palier-${index}-libelle`} label={`Libellé du palier ${index + 1}`}>
                  {(a) => <input type="text" list="palier-libelles" {...a} {...register(`tiers.${index}.label`)} />}
                </Field>
                <Field
                  id={`palier-${index}-seuil`}
                  label={`Seuil du palier ${index + 1}${suffix ? ` (${suffix})` : ''}`}
                  required
                  error={errors.tiers?.[index]?.threshold?.message}
                >
                  {(a) => <input type="text" inputMode="decimal" {...a} {...register(`tiers.${index}.threshold`)} />}
                </Field>
                <Field
                  id={`palier-${index}-montant`}
                  label={`Montant du palier ${index + 1} (€)`}
                  required
                  error={errors.tiers?.[index]?.amountCents?.message}
                >
                  {(a) => <input type="text" inputMode="decimal" {...a} {...register(`tiers.${index}.amountCents`)} />}
                </Field>
                <span className="tier-remove">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => tiers.remove(index)}
                  >
                    Retirer le palier {index + 1}
                  </button>
                </span>
              </div>
            ))}
          </div>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() =>
              tiers.append({
                label: TIER_LABEL_SUGGESTIONS[tiers.fields.length] ?? '',
                threshold: '',
                amountCents: '',
              })
            }
          >
            Ajouter un palier
          </button>
        </fieldset>
      )}
      <div className="form-grid">
        {carriable && (
          <div className="field field-checkbox field-wide">
            <label className="checkbox-label">
              <input type="checkbox" {...register('carryOver')} /> Reporter la cible de l’année {year.index - 1}, qui
              n’a pas été atteinte
            </label>
            {errors.carryOver?.message && <p className="field-error">{errors.carryOver.message}</p>}
          </div>
        )}
        <Field id="cible-note" label="Note" wide error={errors.note?.message}>
          {(a) => <textarea rows={2} {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={form.isSubmitting} submitLabel="Enregistrer la cible" onCancel={onDone} small />
    </form>
  );
}

/** The target as read: rule, cible or tiers, amount, carry-over and note. */
export function TargetSummary({ indicator, target }: { indicator: IndicatorDetail; target: TargetRow }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Règle</dt>
          <dd>{PAYMENT_RULE_LABELS[target.paymentRule]}</dd>
        </div>
        <div>
          <dt>Cible</dt>
          <dd>{targetText(indicator, target)}</dd>
        </div>
        <div>
          <dt>Montant maximal</dt>
          <dd>{formatEurosFromCents(target.maxCents)}</dd>
        </div>
        {target.carriedOverFromId !== null && (
          <div>
            <dt>Report</dt>
            <dd>Cible reportée de l’année précédente</dd>
          </div>
        )}
      </dl>
      {target.paymentRule === 'paliers' && (
        <ol className="plain-list">
          {target.tiers.map((tier) => (
            <li key={tier.rank}>
              {tierName(tier)} : {indicator.direction === 'baisse' ? '≤' : '≥'} {valueText(indicator, tier.threshold)} →{' '}
              {formatEurosFromCents(tier.amountCents)}
            </li>
          ))}
        </ol>
      )}
      {target.note && <p className="muted">{target.note}</p>}
    </>
  );
}
