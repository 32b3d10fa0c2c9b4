import { useState } from 'react';
import type { FicheBudgetRow, FicheDetail } from '@shared/contract';
import { formatEurosFromCents } from '@shared/format';
import { FUNDING_SOURCES } from '@shared/domain/fiche-labels';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput, parseEuros } from '../../components/money';
import { CodeOptions } from '../meetings/CodeOptions';
import { ficheWith } from './ficheFormValues';
import { useFichesWrite } from './queries';
import { useFicheSectionForm } from './sectionForm';

type Line = Pick<FicheBudgetRow, 'year' | 'source' | 'plannedCents' | 'actualCents'>;
const stored = (rows: readonly FicheBudgetRow[]): Line[] =>
  rows.map(({ year, source, plannedCents, actualCents }) => ({ year, source, plannedCents, actualCents }));
const amount = (cents: number | null) => (cents === null ? '—' : formatEurosFromCents(cents));

/** The budget of the fiche per year and funding source, planned and actual, with the totals of each year. */
export function BudgetSection({ detail }: { detail: FicheDetail }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const update = useFichesWrite('fiches.update');
  const remove = useConfirmedDelete(update, {
    title: (row: FicheBudgetRow) => `Retirer la ligne ${row.year} « ${row.sourceLabel} » ?`,
    body: () => <p>Les montants prévu et réalisé de cette ligne seront retirés du budget de la fiche.</p>,
    input: (row) => ({
      id: detail.id,
      data: ficheWith(detail, {
        budget: stored(detail.budget.filter((line) => !(line.year === row.year && line.source === row.source))),
      }),
    }),
    confirmLabel: 'Retirer',
    deletedMessage: (row) => `Ligne ${row.year} « ${row.sourceLabel} » retirée.`,
  });
  const planned = detail.budgetByYear.reduce((sum, year) => sum + year.plannedCents, 0);
  const actual = detail.budgetByYear.reduce((sum, year) => sum + year.actualCents, 0);

  return (
    <section className="card" aria-labelledby="fiche-budget-titre">
      <h2 id="fiche-budget-titre">Budget</h2>
      <DataTable
        rows={detail.budget}
        rowKey={(row) => `${row.year}-${row.source}`}
        compact
        aria-labelledby="fiche-budget-titre"
        empty="Aucune ligne de budget. Ajoutez le montant prévu (ou réalisé) d’une année pour une source de financement."
        columns={[
          { header: 'Année', className: 'mono', cell: (row) => row.year },
          { header: 'Source de financement', rowHeader: true, cell: (row) => row.sourceLabel },
          { header: 'Prévu', className: 'num', cell: (row) => amount(row.plannedCents) },
          { header: 'Réalisé', className: 'num', cell: (row) => amount(row.actualCents) },
        ]}
        actionsClassName="row-actions"
        actions={(row) => (
          <>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => setEditing(detail.budget.indexOf(row))}
              aria-label={`Modifier la ligne ${row.year} ${row.sourceLabel}`}
            >
              Modifier
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => remove.ask(row)}
              aria-label={`Retirer la ligne ${row.year} ${row.sourceLabel}`}
            >
              Retirer
            </button>
          </>
        )}
        footer={
          <>
            {detail.budgetByYear.length > 1 &&
              detail.budgetByYear.map((year) => (
                <tr key={year.year}>
                  <th scope="row" colSpan={2}>
                    Total {year.year}
                  </th>
                  <td className="num">{formatEurosFromCents(year.plannedCents)}</td>
                  <td className="num">{formatEurosFromCents(year.actualCents)}</td>
                  <td />
                </tr>
              ))}
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className="num">{formatEurosFromCents(planned)}</td>
              <td className="num">{formatEurosFromCents(actual)}</td>
              <td />
            </tr>
          </>
        }
      />
      {editing !== null ? (
        <BudgetForm key={editing} detail={detail} index={editing} onDone={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            Ajouter une ligne de budget
          </button>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}

interface LineValues {
  year: string;
  source: string;
  planned: string;
  actual: string;
}

function BudgetForm({ detail, index, onDone }: { detail: FicheDetail; index: number | 'new'; onDone: () => void }) {
  const lines = stored(detail.budget);
  const at = index === 'new' ? lines.length : index;
  const current = index === 'new' ? null : lines[index]!;
  const toLine = (values: LineValues) => ({
    year: /^\d+$/.test(values.year.trim()) ? Number(values.year.trim()) : (values.year as unknown as number),
    source: values.source as Line['source'],
    plannedCents: euros(values.planned),
    actualCents: euros(values.actual),
  });
  const { register, onSubmit, formError, errors, isSubmitting } = useFicheSectionForm<LineValues>({
    detail,
    defaultValues: {
      year: String(current?.year ?? new Date().getFullYear()),
      source: current?.source ?? '',
      planned: centsToInput(current?.plannedCents),
      actual: centsToInput(current?.actualCents),
    },
    check: (values) => ({ planned: euroError(values.planned), actual: euroError(values.actual) }),
    build: (values) => {
      const next = [...lines];
      next[at] = toLine(values);
      return ficheWith(detail, { budget: next });
    },
    path: ['budget', at],
    rename: { plannedCents: 'planned', actualCents: 'actual' },
    savedMessage: current ? 'Ligne de budget modifiée.' : 'Ligne de budget ajoutée.',
    onSaved: onDone,
  });
  const title = current ? `Modifier la ligne ${current.year}` : 'Nouvelle ligne de budget';
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormError message={formError ?? errors.root?.message ?? null} />
      <div className="form-grid">
        <Field id="budget-year" label="Année" required error={errors.year?.message}>
          {(a) => <input type="text" inputMode="numeric" className="number-input" {...a} {...register('year')} />}
        </Field>
        <Field id="budget-source" label="Source de financement" required error={errors.source?.message}>
          {(a) => (
            <select {...a} {...register('source')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={FUNDING_SOURCES} />
            </select>
          )}
        </Field>
        <Field id="budget-planned" label="Montant prévu (€)" error={errors.planned?.message}>
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('planned')} />}
        </Field>
        <Field id="budget-actual" label="Montant réalisé (€)" error={errors.actual?.message}>
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('actual')} />}
        </Field>
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={current ? 'Enregistrer la ligne' : 'Ajouter la ligne'}
        onCancel={onDone}
        small
      />
    </form>
  );
}

/** The cents of an amount typed in euros (null when empty or not an amount: the check says why). */
function euros(text: string): number | null {
  const parsed = parseEuros(text);
  return parsed?.ok ? parsed.cents : null;
}

function euroError(text: string): string | undefined {
  const parsed = parseEuros(text);
  return parsed && !parsed.ok ? parsed.message : undefined;
}
