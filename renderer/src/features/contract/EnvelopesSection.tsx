import { useState } from 'react';
import { contractYearSchema, type ContractDetail, type ContractYearRow } from '@shared/contract';
import { formatEurosFromCents, formatInteger } from '@shared/format';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput } from '../../components/money';
import { useContractForm } from '../../components/useContractForm';
import { eurosResolver } from './euros';
import { useContractWrite } from './queries';

interface EnvelopeLine {
  key: string;
  label: string;
  /** The fonctionnement row has no fixed/variable split. */
  fonctionnement: boolean;
  fixedCents: number | null;
  variableMaxCents: number | null;
  source: string | null;
}

function envelopeLines(contract: ContractDetail, year: ContractYearRow): EnvelopeLine[] {
  const fonctionnement = year.fonctionnement;
  return [
    {
      key: 'fonctionnement',
      label: 'Fonctionnement',
      fonctionnement: true,
      fixedCents: fonctionnement.cents,
      variableMaxCents: null,
      source: fonctionnement.sourceLabel,
    },
    ...contract.missions.map((mission) => {
      const envelope = year.envelopes.find((candidate) => candidate.missionCode === mission.code);
      return {
        key: mission.code,
        label: mission.label,
        fonctionnement: false,
        fixedCents: envelope?.fixedCents ?? null,
        variableMaxCents: envelope?.variableMaxCents ?? null,
        source: null,
      };
    }),
  ];
}

const money = (cents: number | null) =>
  cents === null ? <span className="muted">à saisir</span> : formatEurosFromCents(cents);

/** A year's taille, population and envelopes: fonctionnement, then each mission's fixed part and variable maximum. */
export function EnvelopesSection({ contract, year }: { contract: ContractDetail; year: ContractYearRow }) {
  const [editing, setEditing] = useState(false);
  const reference = year.fonctionnement.reference;
  return (
    <section className="card" aria-labelledby="enveloppes-titre">
      <div className="card-header">
        <h3 id="enveloppes-titre">Enveloppes de l’{year.label.toLowerCase()}</h3>
        {!editing && (
          <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
            Modifier l’année
          </button>
        )}
      </div>
      <dl className="inline-facts">
        <div>
          <dt>Taille</dt>
          <dd>
            {year.taille === null ? 'à saisir' : year.taille}
            {year.tailleFromPopulation && year.taille !== null && (
              <span className="muted small"> (déduite de la population)</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Population</dt>
          <dd>
            {year.population === null ? 'à saisir' : `${formatInteger(year.population)} habitants`}
            {year.populationRefYear !== null && (
              <span className="muted small"> (recensement {year.populationRefYear})</span>
            )}
          </dd>
        </div>
      </dl>
      <DataTable
        rows={envelopeLines(contract, year)}
        rowKey={(row) => row.key}
        compact
        scroll
        aria-labelledby="enveloppes-titre"
        columns={[
          {
            header: 'Enveloppe',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.label}
                {row.source && (
                  <>
                    {' '}
                    <span
                      className={
                        year.fonctionnement.source === 'reference' ? 'badge contract-source' : 'badge badge-muted'
                      }
                      title={reference && year.fonctionnement.source === 'reference' ? reference.source : undefined}
                    >
                      {row.source}
                      {reference && year.fonctionnement.source === 'reference' ? ` [${reference.sourceTag}]` : ''}
                    </span>
                  </>
                )}
              </>
            ),
          },
          { header: 'Part fixe', className: 'num', cell: (row) => money(row.fixedCents) },
          {
            header: 'Part variable maximale',
            className: 'num',
            cell: (row) => (row.fonctionnement ? '—' : money(row.variableMaxCents)),
          },
          {
            header: 'Total',
            className: 'num',
            cell: (row) =>
              row.fixedCents === null && row.variableMaxCents === null
                ? '—'
                : formatEurosFromCents((row.fixedCents ?? 0) + (row.variableMaxCents ?? 0)),
          },
        ]}
        footer={
          <tr>
            <th scope="row">Total de l’année</th>
            <td className="num">{formatEurosFromCents((year.fonctionnement.cents ?? 0) + year.totals.fixedCents)}</td>
            <td className="num">{formatEurosFromCents(year.totals.variableMaxCents)}</td>
            <td className="num">{formatEurosFromCents(year.totals.maxCents)}</td>
          </tr>
        }
      />
      {reference && year.fonctionnement.source === 'reference' && (
        <p className="muted small">
          Fonctionnement : montant établi par l’ACI pour la taille {year.taille} ({reference.source}
          {reference.condition ? ` ; ${reference.condition}` : ''}). Saisissez le montant de votre contrat s’il diffère.
        </p>
      )}
      {editing && <YearForm contract={contract} year={year} onDone={() => setEditing(false)} />}
    </section>
  );
}

interface YearFormValues {
  taille: string;
  population: string;
  populationRefYear: string;
  fonctionnement: string;
  envelopes: { missionCode: string; fixed: string; variableMax: string }[];
}

const integerOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(/[\s\u00a0\u202f]/g, '')));

function YearForm({ contract, year, onDone }: { contract: ContractDetail; year: ContractYearRow; onDone: () => void }) {
  const save = useContractWrite('contract.saveYear');
  const entered = year.fonctionnement.source === 'saisi' ? year.fonctionnement.cents : null;
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: contractYearSchema,
    resolver: eurosResolver<YearFormValues, typeof contractYearSchema>(
      contractYearSchema,
      (values, euros) => ({
        yearId: year.id,
        taille: integerOrNull(values.taille),
        population: integerOrNull(values.population),
        populationRefYear: integerOrNull(values.populationRefYear),
        fonctionnementCents: euros('fonctionnement', values.fonctionnement),
        envelopes: values.envelopes.map((envelope, index) => ({
          missionCode: envelope.missionCode,
          fixedCents: euros(`envelopes.${index}.fixed`, envelope.fixed) ?? 0,
          variableMaxCents: euros(`envelopes.${index}.variableMax`, envelope.variableMax) ?? 0,
        })),
      }),
      (path) => {
        const [root, index, leaf] = path.map(String);
        if (root === 'fonctionnementCents') return 'fonctionnement';
        if (root === 'envelopes' && leaf === 'fixedCents') return `envelopes.${index}.fixed`;
        if (root === 'envelopes' && leaf === 'variableMaxCents') return `envelopes.${index}.variableMax`;
        return path.map(String).join('.');
      },
    ),
    defaultValues: {
      taille: year.tailleFromPopulation || year.taille === null ? '' : String(year.taille),
      population: year.population === null ? '' : String(year.population),
      populationRefYear: year.populationRefYear === null ? '' : String(year.populationRefYear),
      fonctionnement: centsToInput(entered),
      envelopes: contract.missions.map((mission) => {
        const envelope = year.envelopes.find((candidate) => candidate.missionCode === mission.code);
        return {
          missionCode: mission.code,
          fixed: centsToInput(envelope?.fixedCents),
          variableMax: centsToInput(envelope?.variableMaxCents),
        };
      }),
    },
    submit: save.mutateAsync,
    savedMessage: `${year.label} enregistrée.`,
    onSaved: onDone,
  });
  const reference = year.fonctionnement.reference;
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="annee-form-titre">
      <h3 id="annee-form-titre">Modifier l’{year.label.toLowerCase()}</h3>
      <p className="muted small">Montants en euros, par exemple 12 500 ou 1 250,50.</p>
      <FormError message={formError} />
      <div className="form-grid contract-year-form">
        <Field id="annee-taille" label="Taille" error={errors.taille?.message}>
          {(a) => (
            <select {...a} {...register('taille')}>
              <option value="">Selon la population</option>
              {[1, 2, 3, 4].map((taille) => (
                <option key={taille} value={taille}>
                  Taille {taille}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="annee-population" label="Population (habitants)" error={errors.population?.message}>
          {(a) => <input type="text" inputMode="numeric" {...a} {...register('population')} />}
        </Field>
        <Field
          id="annee-recensement"
          label="Année de référence de la population"
          error={errors.populationRefYear?.message}
        >
          {(a) => (
            <input type="text" inputMode="numeric" className="number-input" {...a} {...register('populationRefYear')} />
          )}
        </Field>
        <Field
          id="annee-fonctionnement"
          label="Fonctionnement (€)"
          hint={
            reference
              ? `Vide : le montant établi par l’ACI pour cette taille, ${formatEurosFromCents(reference.cents)}.`
              : 'Vide : le montant établi par l’ACI pour la taille, quand il existe.'
          }
          error={errors.fonctionnement?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('fonctionnement')} />}
        </Field>
      </div>
      <table className="table table-compact contract-envelopes-form">
        <caption className="visually-hidden">Enveloppes des missions</caption>
        <thead>
          <tr>
            <th scope="col">Mission</th>
            <th scope="col">Part fixe (€)</th>
            <th scope="col">Part variable maximale (€)</th>
          </tr>
        </thead>
        <tbody>
          {contract.missions.map((mission, index) => {
            const fieldErrors = errors.envelopes?.[index];
            return (
              <tr key={mission.code}>
                <th scope="row">{mission.label}</th>
                <td>
                  <Field
                    id={`enveloppe-fixe-${mission.code}`}
                    label={`Part fixe, ${mission.shortLabel}`}
                    error={fieldErrors?.fixed?.message ?? fieldErrors?.missionCode?.message}
                  >
                    {(a) => <input type="text" inputMode="decimal" {...a} {...register(`envelopes.${index}.fixed`)} />}
                  </Field>
                </td>
                <td>
                  <Field
                    id={`enveloppe-variable-${mission.code}`}
                    label={`Part variable maximale, ${mission.shortLabel}`}
                    error={fieldErrors?.variableMax?.message}
                  >
                    {(a) => (
                      <input type="text" inputMode="decimal" {...a} {...register(`envelopes.${index}.variableMax`)} />
                    )}
                  </Field>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer l’année" onCancel={onDone} small />
    </form>
  );
}
