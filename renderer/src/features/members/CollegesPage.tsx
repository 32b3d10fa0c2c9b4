import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CollegeRow, CotisationRateRow } from '@shared/contract';
import { formatEurosFromCents, formatInteger, plural } from '@shared/format';
import { collegeSchema, MEMBER_TYPES, type MemberType } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput, parseEuros } from '../../components/money';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { useContractForm } from '../../components/useContractForm';
import { currentYear, VOTING_RIGHT_LABEL } from './labels';
import { useColleges, useCotisationRates, useMembersWrite } from './queries';
import './members.css';

export function CollegesPage() {
  return (
    <Page
      title="Collèges et cotisations"
      intro="Les collèges de vos statuts (qui vote, avec quel poids) et le montant de la cotisation annuelle de chaque type d’adhérent."
    >
      <p className="back-link">
        <Link to="/adherents">← Liste des adhérents</Link>
      </p>
      <div className="stack">
        <CollegesCard />
        <RatesCard />
      </div>
    </Page>
  );
}

// ---------- Collèges ----------

interface CollegeFormValues {
  id: string;
  name: string;
  votingRight: string;
  seats: string;
  voteWeight: string;
  description: string;
}

const collegeToForm = (college: CollegeRow | null): CollegeFormValues => ({
  id: college ? String(college.id) : '',
  name: college?.name ?? '',
  votingRight: college?.votingRight ?? 'deliberative',
  seats: college?.seats === null || college?.seats === undefined ? '' : String(college.seats),
  voteWeight: college ? String(college.voteWeight).replace('.', ',') : '1',
  description: college?.description ?? '',
});

function CollegesCard() {
  const colleges = useColleges();
  const [editing, setEditing] = useState<CollegeRow | 'new' | null>(null);
  const remove = useConfirmedDelete(useMembersWrite('colleges.delete'), {
    title: (college: CollegeRow) => `Supprimer le collège « ${college.name} » ?`,
    input: (college) => ({ id: college.id }),
    deletedMessage: (college) => `Collège « ${college.name} » supprimé.`,
    body: (college) => (
      <p>
        {college.memberCount > 0
          ? `${plural(college.memberCount, 'adhérent actif est', 'adhérents actifs sont')} dans ce collège : changez-les de collège avant de le supprimer.`
          : 'Aucun adhérent actif n’est dans ce collège.'}
      </p>
    ),
  });

  return (
    <section className="card" aria-labelledby="colleges-titre">
      <div className="card-header">
        <h2 id="colleges-titre">Collèges</h2>
        {editing === null && (
          <button type="button" className="button button-small button-secondary" onClick={() => setEditing('new')}>
            Ajouter un collège
          </button>
        )}
      </div>
      {colleges.isPending ? (
        <Loading />
      ) : colleges.isError ? (
        <QueryError message={errorMessage(colleges.error)} onRetry={() => void colleges.refetch()} />
      ) : colleges.data.length === 0 ? (
        <p className="muted">
          Aucun collège pour l’instant. Reprenez ceux de vos statuts, par exemple « Professionnels de santé libéraux »,
          « Structures d’exercice coordonné », « Établissements et services », « Usagers ».
        </p>
      ) : (
        <DataTable
          rows={colleges.data}
          rowKey={(college) => college.id}
          aria-labelledby="colleges-titre"
          columns={[
            {
              header: 'Collège',
              rowHeader: true,
              cell: (college) => (
                <>
                  {college.name}
                  {college.description && <div className="muted small">{college.description}</div>}
                </>
              ),
            },
            { header: 'Voix', cell: (college) => VOTING_RIGHT_LABEL[college.votingRight] },
            { header: 'Sièges', className: 'num', cell: (college) => college.seats ?? '—' },
            {
              header: 'Poids de vote',
              className: 'num',
              cell: (college) => String(college.voteWeight).replace('.', ','),
            },
            { header: 'Membres', className: 'num', cell: (college) => formatInteger(college.memberCount) },
          ]}
          actions={(college) => (
            <>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Modifier le collège ${college.name}`}
                onClick={() => setEditing(college)}
              >
                Modifier
              </button>{' '}
              <DeleteButton label={`Supprimer le collège ${college.name}`} onClick={() => remove.ask(college)} />
            </>
          )}
        />
      )}
      {editing !== null && (
        <CollegeForm
          key={editing === 'new' ? 'new' : editing.id}
          college={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </section>
  );
}

function CollegeForm({ college, onDone }: { college: CollegeRow | null; onDone: () => void }) {
  const save = useMembersWrite('colleges.save');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: collegeSchema,
    defaultValues: collegeToForm(college),
    // « 1,5 » is how a French user types one and a half.
    prepare: (values: CollegeFormValues) => ({ ...values, voteWeight: values.voteWeight.replace(',', '.') }),
    fields: ['name', 'votingRight', 'seats', 'voteWeight', 'description'],
    submit: save.mutateAsync,
    savedMessage: (_, values) => `Collège « ${values.name} » enregistré.`,
    onSaved: onDone,
  });

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="college-form-titre">
      <h3 id="college-form-titre">{college ? `Modifier le collège « ${college.name} »` : 'Nouveau collège'}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="college-name" label="Nom du collège" required wide error={errors.name?.message}>
          {(a) => <input type="text" {...a} {...register('name')} />}
        </Field>
        <fieldset className="field radio-field">
          <legend className="field-label-text">Droit de vote</legend>
          <label className="radio-label">
            <input type="radio" value="deliberative" {...register('votingRight')} /> Voix délibérative
          </label>
          <label className="radio-label">
            <input type="radio" value="consultative" {...register('votingRight')} /> Voix consultative
          </label>
          {errors.votingRight?.message && <p className="field-error">{errors.votingRight.message}</p>}
        </fieldset>
        <Field
          id="college-seats"
          label="Sièges au conseil d’administration"
          hint="Vide si les statuts n’en fixent pas."
          error={errors.seats?.message}
        >
          {(a) => <input type="text" inputMode="numeric" {...a} {...register('seats')} />}
        </Field>
        <Field
          id="college-weight"
          label="Poids de vote"
          hint="1 voix par membre, sauf si vos statuts pondèrent les collèges."
          error={errors.voteWeight?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('voteWeight')} />}
        </Field>
        <Field id="college-description" label="Description" wide error={errors.description?.message}>
          {(a) => <input type="text" {...a} {...register('description')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le collège" onCancel={onDone} small />
    </form>
  );
}

// ---------- Cotisation amounts ----------

function RatesCard() {
  const rates = useCotisationRates();
  const [extraYears, setExtraYears] = useState<number[]>([]);
  const years = useMemo(() => {
    const set = new Set<number>([currentYear(), ...extraYears]);
    for (const rate of rates.data ?? []) set.add(rate.year);
    return [...set].sort((a, b) => b - a);
  }, [rates.data, extraYears]);
  const nextYear = Math.max(...years) + 1;

  return (
    <section className="card" aria-labelledby="tarifs-titre">
      <div className="card-header">
        <h2 id="tarifs-titre">Montant des cotisations</h2>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setExtraYears((list) => [...list, nextYear])}
        >
          Ajouter l’année {nextYear}
        </button>
      </div>
      <p className="muted small">
        Montants annuels en euros, par exemple 45 ou 45,50. Un adhérent est « à jour » pour une année quand il a payé au
        moins le montant de son type (ou qu’il en est exonéré).
      </p>
      {rates.isPending ? (
        <Loading />
      ) : rates.isError ? (
        <QueryError message={errorMessage(rates.error)} onRetry={() => void rates.refetch()} />
      ) : (
        <DataTable
          rows={years}
          rowKey={(year) => year}
          className="rates-table"
          aria-labelledby="tarifs-titre"
          columns={[
            { header: 'Année' },
            ...MEMBER_TYPES.map((type) => ({ header: type.label })),
            { header: 'Actions', hiddenHeader: true },
          ]}
          renderRow={(year) => <RateRow year={year} rates={rates.data.filter((rate) => rate.year === year)} />}
        />
      )}
    </section>
  );
}

function RateRow({ year, rates }: { year: number; rates: CotisationRateRow[] }) {
  const toast = useToast();
  const save = useMembersWrite('cotisationRates.save');
  const stored = (type: MemberType) => rates.find((rate) => rate.memberType === type)?.amountCents ?? null;
  const [values, setValues] = useState<Record<MemberType, string>>(() => ({
    professionnel: centsToInput(stored('professionnel')),
    structure: centsToInput(stored('structure')),
    autre: centsToInput(stored('autre')),
  }));
  const [errors, setErrors] = useState<Partial<Record<MemberType, string>>>({});
  const [saving, setSaving] = useState(false);

  const changed = MEMBER_TYPES.filter((type) => {
    const parsed = parseEuros(values[type.code]);
    const before = stored(type.code);
    return parsed === null ? false : !parsed.ok || parsed.cents !== before;
  });
  useUnsavedChangesGuard(changed.length > 0);

  const onSave = async () => {
    const nextErrors: Partial<Record<MemberType, string>> = {};
    const toSave: CotisationRateRow[] = [];
    for (const type of MEMBER_TYPES) {
      const parsed = parseEuros(values[type.code]);
      if (parsed === null) {
        if (stored(type.code) !== null)
          nextErrors[type.code] = 'Indiquez un montant (0 si la cotisation est gratuite).';
        continue;
      }
      if (!parsed.ok) nextErrors[type.code] = parsed.message;
      else if (parsed.cents !== stored(type.code))
        toSave.push({ year, memberType: type.code, amountCents: parsed.cents });
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0 || toSave.length === 0) return;
    setSaving(true);
    try {
      for (const rate of toSave) await save.mutateAsync(rate);
      toast.notify({ kind: 'success', message: `Montants ${year} enregistrés.` });
    } catch (error) {
      toast.notify({
        kind: 'error',
        message: `Les montants ${year} n’ont pas été enregistrés : ${errorMessage(error)}`,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <tr>
      <th scope="row">{year}</th>
      {MEMBER_TYPES.map((type) => {
        const id = `tarif-${year}-${type.code}`;
        const error = errors[type.code];
        const current = stored(type.code);
        return (
          <td key={type.code}>
            <div className="amount-input">
              <input
                id={id}
                type="text"
                inputMode="decimal"
                aria-label={`${type.label}, ${year} (en euros)`}
                aria-invalid={Boolean(error)}
                aria-describedby={error ? `${id}-erreur` : undefined}
                placeholder="—"
                value={values[type.code]}
                onChange={(event) => setValues((v) => ({ ...v, [type.code]: event.target.value }))}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    void onSave();
                  }
                }}
              />
              <span aria-hidden="true">€</span>
            </div>
            {error ? (
              <p id={`${id}-erreur`} className="field-error">
                {error}
              </p>
            ) : (
              current !== null && <p className="field-hint">{formatEurosFromCents(current)}</p>
            )}
          </td>
        );
      })}
      <td className="actions">
        <button
          type="button"
          className="button button-small"
          disabled={saving || changed.length === 0}
          aria-label={`Enregistrer les montants ${year}`}
          onClick={() => void onSave()}
        >
          {saving ? 'Enregistrement…' : 'Enregistrer'}
        </button>
      </td>
    </tr>
  );
}
