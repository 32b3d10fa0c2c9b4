import { useState } from 'react';
import { type FicheListRow, type IndicatorData, type IndicatorRow, indicatorSchema } from '@shared/contract';
import { EVIDENCE_LABELS, type AciMissionCode, type IndicatorTemplate } from '@shared/domain/aci';
import {
  INDICATOR_DATA_SOURCE_LABELS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_KIND_LABELS,
  INDICATOR_VALUE_TYPE_LABELS,
} from '@shared/domain/indicator-labels';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { type InputProblems, indicatorsResolver, orNull, readDecimal } from './formResolver';
import { ProfessionOptions } from '../members/ProfessionOptions';
import { useFiches } from '../fiches/queries';
import { useAutoMeasures, useIndicatorsWrite } from './queries';
import { TemplatePicker } from './TemplatePicker';
import { decimalToInput } from './values';

interface IndicatorFormValues {
  label: string;
  code: string;
  kind: string;
  valueType: string;
  unit: string;
  direction: string;
  dataSource: string;
  definition: string;
  baselineValue: string;
  baselineOn: string;
  baselineSource: string;
  autoMeasure: string;
  /** The profession of « Adhérents d’une profession », composed into `autoMeasure` when saved. */
  autoMeasureProfession: string;
  ficheId: string;
}

const FIELDS = [
  'label',
  'code',
  'kind',
  'valueType',
  'unit',
  'direction',
  'dataSource',
  'definition',
  'baselineValue',
  'baselineOn',
  'baselineSource',
  'autoMeasure',
  'ficheId',
] as const;

const EMPTY: IndicatorFormValues = {
  label: '',
  code: '',
  kind: 'resultat',
  valueType: 'nombre',
  unit: '',
  direction: 'hausse',
  dataSource: 'cpts',
  definition: '',
  baselineValue: '',
  baselineOn: '',
  baselineSource: '',
  autoMeasure: '',
  autoMeasureProfession: '',
  ficheId: '',
};

/**
 * A measure bound to a profession is stored `<catalogue code><profession>` (`adherents_profession:60`), its catalogue
 * code ending with « : »: the form shows the catalogue entry and the profession apart.
 */
function splitAutoMeasure(code: string | null): Pick<IndicatorFormValues, 'autoMeasure' | 'autoMeasureProfession'> {
  const colon = code?.indexOf(':') ?? -1;
  if (!code || colon < 0) return { autoMeasure: code ?? '', autoMeasureProfession: '' };
  return { autoMeasure: code.slice(0, colon + 1), autoMeasureProfession: code.slice(colon + 1) };
}

const PROFESSION_MISSING = 'Choisissez la profession des adhérents à compter.';

/** The stored code of the chosen measure: with its profession when it counts the members of one. */
function composeAutoMeasure(values: IndicatorFormValues, problems: InputProblems): string | null {
  const code = orNull(values.autoMeasure);
  if (code === null || !code.endsWith(':')) return code;
  if (!values.autoMeasureProfession) problems.autoMeasureProfession = PROFESSION_MISSING;
  return `${code}${values.autoMeasureProfession}`;
}

function toForm(row: IndicatorRow | null): IndicatorFormValues {
  if (!row) return EMPTY;
  return {
    label: row.label,
    code: row.code ?? '',
    kind: row.kind,
    valueType: row.valueType,
    unit: row.unit ?? '',
    direction: row.direction,
    dataSource: row.dataSource,
    definition: row.definition ?? '',
    baselineValue: decimalToInput(row.baselineValue),
    baselineOn: row.baselineOn ?? '',
    baselineSource: row.baselineSource ?? '',
    ...splitAutoMeasure(row.autoMeasure),
    ficheId: row.ficheId === null ? '' : String(row.ficheId),
  };
}

/** The values a template prefills: wording, kind, value type, direction, unit and data source. */
function fromTemplate(template: IndicatorTemplate, current: IndicatorFormValues): IndicatorFormValues {
  return {
    ...current,
    label: template.wording,
    kind: template.kind,
    valueType: template.valueType,
    direction: template.direction,
    unit: template.unit ?? '',
    dataSource: template.dataSource,
  };
}

function options(labels: Record<string, string>) {
  return Object.entries(labels).map(([code, label]) => (
    <option key={code} value={code}>
      {label}
    </option>
  ));
}

/**
 * An indicator's definition: wording, kind, value type, direction, data source, baseline and the value Maillage
 * measures for it. A new one may start from the library of wording seen in signed contracts; its evidence
 * (« livrables ») then become its evidence requirements.
 */
export function IndicatorForm({
  contractId,
  missionCode,
  indicator,
  onSaved,
  onCancel,
}: {
  contractId: number;
  missionCode: AciMissionCode;
  indicator: IndicatorRow | null;
  onSaved: (row: IndicatorRow) => void;
  onCancel: () => void;
}) {
  const create = useIndicatorsWrite('indicators.create');
  const update = useIndicatorsWrite('indicators.update');
  const saveRequirement = useIndicatorsWrite('indicators.saveRequirement');
  const autoMeasures = useAutoMeasures();
  const [template, setTemplate] = useState<IndicatorTemplate | null>(null);

  const form = useContractForm({
    schema: indicatorSchema,
    defaultValues: toForm(indicator),
    resolver: indicatorsResolver<IndicatorFormValues, typeof indicatorSchema>(indicatorSchema, (values, problems) => ({
      contractId,
      missionCode,
      ficheId: values.ficheId ? Number(values.ficheId) : null,
      label: values.label,
      code: orNull(values.code),
      kind: values.kind,
      valueType: values.valueType,
      unit: orNull(values.unit),
      direction: values.direction,
      definition: orNull(values.definition),
      dataSource: values.dataSource,
      baselineValue: readDecimal(values.baselineValue, 'baselineValue', problems),
      baselineOn: orNull(values.baselineOn),
      baselineSource: orNull(values.baselineSource),
      autoMeasure: composeAutoMeasure(values, problems),
    })),
    fields: FIELDS,
    submit: async (data: IndicatorData) => {
      if (indicator) return update.mutateAsync({ id: indicator.id, data });
      const row = await create.mutateAsync(data);
      for (const kind of template?.evidence ?? []) {
        await saveRequirement.mutateAsync({
          id: null,
          indicatorId: row.id,
          label: EVIDENCE_LABELS[kind],
          required: true,
        });
      }
      return row;
    },
    savedMessage: (row) => (indicator ? 'Indicateur enregistré.' : `Indicateur « ${row.label} » créé.`),
    onSaved: (row, _data, f) => {
      f.reset(toForm(row));
      onSaved(row);
    },
  });
  const { register, errors } = form;
  const valueType = form.watch('valueType');
  const canMeasure = valueType === 'nombre' || valueType === 'delai';
  const catalogue = (autoMeasures.data ?? []).filter((entry) => entry.needs !== 'fiche');
  const autoMeasure = form.watch('autoMeasure');
  const needsProfession = catalogue.some((entry) => entry.code === autoMeasure && entry.needs === 'profession');
  const fiches = useFiches({});
  const sameMission = (fiches.data ?? []).filter((fiche) => fiche.missionCode === missionCode);
  const otherFiches = (fiches.data ?? []).filter((fiche) => fiche.missionCode !== missionCode);
  const ficheOption = (fiche: FicheListRow) => (
    <option key={fiche.id} value={String(fiche.id)}>
      {fiche.code ? `${fiche.code} — ${fiche.title}` : fiche.title}
    </option>
  );

  const pick = (picked: IndicatorTemplate) => {
    setTemplate(picked);
    form.reset(fromTemplate(picked, form.getValues()), { keepDefaultValues: true });
  };

  const titleId = indicator ? 'indicateur-form-titre' : 'nouvel-indicateur-titre';
  return (
    <form className="form-card" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{indicator ? 'Modifier l’indicateur' : 'Nouvel indicateur'}</h2>
      {!indicator && (
        <>
          <p className="muted small">
            Partez d’un libellé vu dans des contrats signés, ou saisissez le vôtre. La cible et les montants se fixent
            ensuite, année par année, sur la page de l’indicateur.
          </p>
          <TemplatePicker missionCode={missionCode} pickedId={template?.id ?? null} onPick={pick} />
          {template?.note && <p className="field-hint">Dans les contrats signés : {template.note}.</p>}
        </>
      )}
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id="indicateur-libelle" label="Libellé" required wide error={errors.label?.message}>
          {(a) => <textarea rows={2} {...a} {...register('label')} />}
        </Field>
        <Field
          id="indicateur-code"
          label="Code"
          hint="Le numéro de l’annexe, par exemple 1.2."
          error={errors.code?.message}
        >
          {(a) => <input type="text" {...a} {...register('code')} />}
        </Field>
        <Field id="indicateur-nature" label="Nature" required error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              {options(INDICATOR_KIND_LABELS)}
            </select>
          )}
        </Field>
        <Field id="indicateur-type" label="Type de valeur" required error={errors.valueType?.message}>
          {(a) => (
            <select {...a} {...register('valueType')}>
              {options(INDICATOR_VALUE_TYPE_LABELS)}
            </select>
          )}
        </Field>
        {valueType === 'nombre' && (
          <Field
            id="indicateur-unite"
            label="Unité"
            hint="Par exemple : patients, réunions."
            error={errors.unit?.message}
          >
            {(a) => <input type="text" {...a} {...register('unit')} />}
          </Field>
        )}
        <Field id="indicateur-sens" label="Sens" required error={errors.direction?.message}>
          {(a) => (
            <select {...a} {...register('direction')}>
              {options(INDICATOR_DIRECTION_LABELS)}
            </select>
          )}
        </Field>
        <Field id="indicateur-source" label="Source des données" required error={errors.dataSource?.message}>
          {(a) => (
            <select {...a} {...register('dataSource')}>
              {options(INDICATOR_DATA_SOURCE_LABELS)}
            </select>
          )}
        </Field>
        <Field id="indicateur-definition" label="Définition" wide error={errors.definition?.message}>
          {(a) => <textarea rows={2} {...a} {...register('definition')} />}
        </Field>
        <Field
          id="indicateur-initiale"
          label="Valeur initiale"
          hint="La situation de départ que donne l’annexe (66,26 pour 66,26 %)."
          error={errors.baselineValue?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('baselineValue')} />}
        </Field>
        <Field id="indicateur-initiale-date" label="Date de la valeur initiale" error={errors.baselineOn?.message}>
          {(a) => <input type="date" {...a} {...register('baselineOn')} />}
        </Field>
        <Field
          id="indicateur-initiale-source"
          label="Source de la valeur initiale"
          error={errors.baselineSource?.message}
        >
          {(a) => <input type="text" {...a} {...register('baselineSource')} />}
        </Field>
        <Field
          id="indicateur-fiche"
          label="Fiche action"
          hint="La fiche action dont l’indicateur mesure le résultat, s’il y en a une."
          error={errors.ficheId?.message}
        >
          {(a) => (
            <select {...a} {...register('ficheId')}>
              <option value="">Aucune</option>
              {sameMission.length > 0 && (
                <optgroup label="Fiches de cette mission">{sameMission.map(ficheOption)}</optgroup>
              )}
              {otherFiches.length > 0 && <optgroup label="Autres fiches">{otherFiches.map(ficheOption)}</optgroup>}
            </select>
          )}
        </Field>
        {canMeasure && (
          <Field
            id="indicateur-auto"
            label="Valeur mesurée par Maillage"
            hint="Maillage calcule alors la valeur à partir de ses propres données ; vous la figez comme mesure."
            error={errors.autoMeasure?.message}
          >
            {(a) => (
              <select {...a} {...register('autoMeasure')}>
                <option value="">Aucune</option>
                {catalogue.map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {entry.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {canMeasure && needsProfession && (
          <Field
            id="indicateur-auto-profession"
            label="Profession des adhérents comptés"
            required
            error={errors.autoMeasureProfession?.message}
          >
            {(a) => (
              <select {...a} {...register('autoMeasureProfession')}>
                <ProfessionOptions />
              </select>
            )}
          </Field>
        )}
      </div>
      <FormActions
        pending={form.isSubmitting}
        submitLabel={indicator ? 'Enregistrer l’indicateur' : 'Créer l’indicateur'}
        onCancel={onCancel}
      />
    </form>
  );
}
