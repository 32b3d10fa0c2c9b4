import { useState } from 'react';
import type { Resolver } from 'react-hook-form';
import type { CotisationRateRow, CotisationRow, MemberDetail } from '@shared/contract';
import { formatDateLong, formatEurosFromCents, toIsoDate } from '@shared/format';
import { COTISATION_MODES, cotisationSchema } from '@shared/schemas/members';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput, parseEuros } from '../../components/money';
import { useContractForm } from '../../components/useContractForm';
import { currentYear } from './labels';
import { useMembersWrite } from './queries';

const MODE_LABEL = new Map<string, string>(COTISATION_MODES.map((mode) => [mode.code, mode.label]));

interface CotisationFormValues {
  year: string;
  amount: string;
  paidOn: string;
  mode: string;
}

type CotisationData = ReturnType<typeof cotisationSchema.parse>;

/** Euros typed « 45 » or « 45,50 » become cents, then the shared cotisationSchema decides. */
function cotisationResolver(memberId: number): Resolver<CotisationFormValues, unknown, CotisationData> {
  return async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const year = values.year.trim();
    if (!/^\d{4}$/.test(year))
      errors.year = { type: 'format', message: 'Indiquez l’année sur 4 chiffres, par exemple 2026.' };
    const amount = parseEuros(values.amount);
    if (amount === null) errors.amount = { type: 'required', message: 'Indiquez le montant (0 pour une exonération).' };
    else if (!amount.ok) errors.amount = { type: 'format', message: amount.message };
    const parsed = cotisationSchema.safeParse({
      memberId,
      year: Number(year),
      amountCents: amount?.ok ? amount.cents : 0,
      paidOn: values.paidOn,
      mode: values.mode,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'amountCents' ? 'amount' : String(issue.path[0] ?? '');
        if (key && !errors[key]) errors[key] = { type: 'schema', message: issue.message };
      }
    }
    if (Object.keys(errors).length > 0 || !parsed.success) return { values: {}, errors };
    return { values: parsed.data, errors: {} };
  };
}

function expectedFor(rates: CotisationRateRow[], detail: MemberDetail, year: number): number | null {
  return rates.find((rate) => rate.year === year && rate.memberType === detail.memberType)?.amountCents ?? null;
}

export function CotisationsSection({ detail, rates }: { detail: MemberDetail; rates: CotisationRateRow[] }) {
  const [editing, setEditing] = useState<{ year: number | null } | null>(null);
  const deleteCotisation = useMembersWrite('members.deleteCotisation');
  const remove = useConfirmedDelete(deleteCotisation, {
    title: (row: CotisationRow) => `Supprimer la cotisation ${row.year} ?`,
    input: (row) => ({ memberId: detail.id, year: row.year }),
    deletedMessage: (row) => `Cotisation ${row.year} supprimée.`,
    body: (row) => (
      <p>
        La cotisation {row.year} de {detail.displayName} ({formatEurosFromCents(row.amountCents)}) sera supprimée.
      </p>
    ),
  });
  const rows = [...detail.cotisations].sort((a, b) => b.year - a.year);

  const startNew = () => {
    deleteCotisation.reset();
    setEditing({ year: null });
  };

  return (
    <section className="card" aria-labelledby="cotisations-titre">
      <div className="card-header">
        <h2 id="cotisations-titre">Cotisations</h2>
        {!editing && !detail.erasedAt && (
          <button type="button" className="button button-small button-secondary" onClick={startNew}>
            Ajouter une cotisation
          </button>
        )}
      </div>
      <DataTable
        rows={rows}
        rowKey={(row) => row.year}
        empty="Aucune cotisation enregistrée."
        compact
        scroll
        aria-labelledby="cotisations-titre"
        columns={[
          { header: 'Année', rowHeader: true, cell: (row) => row.year },
          {
            header: 'Montant',
            className: 'num',
            cell: (row) => (
              <>
                {formatEurosFromCents(row.amountCents)}
                {row.expectedCents !== null && row.amountCents < row.expectedCents && row.mode !== 'exoneration' && (
                  <span className="muted small"> (attendu {formatEurosFromCents(row.expectedCents)})</span>
                )}
              </>
            ),
          },
          {
            header: 'Payée le',
            cell: (row) => (row.paidOn ? formatDateLong(row.paidOn) : <span className="muted">non payée</span>),
          },
          { header: 'Mode', cell: (row) => (row.mode ? (MODE_LABEL.get(row.mode) ?? row.mode) : '—') },
          {
            header: 'État',
            cell: (row) =>
              row.upToDate ? (
                <span className="badge badge-ok">à jour</span>
              ) : (
                <span className="badge badge-warn">non à jour</span>
              ),
          },
        ]}
        actions={(row) =>
          !detail.erasedAt && (
            <>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Modifier la cotisation ${row.year}`}
                onClick={() => setEditing({ year: row.year })}
              >
                Modifier
              </button>{' '}
              <DeleteButton label={`Supprimer la cotisation ${row.year}`} onClick={() => remove.ask(row)} />
            </>
          )
        }
      />
      {editing && (
        <CotisationForm
          key={editing.year ?? 'nouvelle'}
          detail={detail}
          rates={rates}
          existing={editing.year === null ? null : (detail.cotisations.find((c) => c.year === editing.year) ?? null)}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </section>
  );
}

function CotisationForm({
  detail,
  rates,
  existing,
  onDone,
}: {
  detail: MemberDetail;
  rates: CotisationRateRow[];
  existing: CotisationRow | null;
  onDone: () => void;
}) {
  const save = useMembersWrite('members.setCotisation');
  const taken = new Set(detail.cotisations.map((c) => c.year));
  const year = currentYear();
  const defaultYear = existing?.year ?? (taken.has(year) ? (taken.has(year + 1) ? year - 1 : year + 1) : year);
  const expected = expectedFor(rates, detail, defaultYear);

  const { register, onSubmit, formError, watch, errors, isSubmitting } = useContractForm({
    schema: cotisationSchema,
    resolver: cotisationResolver(detail.id),
    fields: ['year', 'paidOn', 'mode'],
    canSubmit: (values, form) => {
      if (existing || !taken.has(values.year)) return true;
      // Same year again: it replaces the stored one, say so rather than silently overwriting.
      form.setError('year', {
        type: 'taken',
        message: `Une cotisation ${values.year} existe déjà : utilisez « Modifier » sur sa ligne.`,
      });
      return false;
    },
    submit: save.mutateAsync,
    savedMessage: (_, values) => `Cotisation ${values.year} enregistrée.`,
    onSaved: onDone,
    defaultValues: {
      year: String(defaultYear),
      amount: existing ? centsToInput(existing.amountCents) : centsToInput(expected),
      paidOn: existing ? (existing.paidOn ?? '') : toIsoDate(new Date()),
      mode: existing?.mode ?? '',
    },
    reValidateMode: 'onChange',
  });
  const typedYear = Number(watch('year'));
  const expectedForTyped = Number.isInteger(typedYear) ? expectedFor(rates, detail, typedYear) : null;

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="cotisation-form-titre">
      <h3 id="cotisation-form-titre">{existing ? `Modifier la cotisation ${existing.year}` : 'Nouvelle cotisation'}</h3>
      <FormError message={formError} />
      <div className="form-grid form-grid-4">
        <Field id="cot-year" label="Année" required error={errors.year?.message}>
          {(a) => <input type="text" inputMode="numeric" readOnly={Boolean(existing)} {...a} {...register('year')} />}
        </Field>
        <Field
          id="cot-amount"
          label="Montant (€)"
          required
          hint={
            expectedForTyped !== null
              ? `Montant fixé : ${formatEurosFromCents(expectedForTyped)}`
              : 'Par exemple 45 ou 45,50.'
          }
          error={errors.amount?.message}
        >
          {(a) => <input type="text" inputMode="decimal" autoComplete="off" {...a} {...register('amount')} />}
        </Field>
        <Field
          id="cot-paid-on"
          label="Date de paiement"
          hint="Vide si pas encore payée."
          error={errors.paidOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('paidOn')} />}
        </Field>
        <Field id="cot-mode" label="Mode de paiement" error={errors.mode?.message}>
          {(a) => (
            <select {...a} {...register('mode')}>
              <option value="">—</option>
              {COTISATION_MODES.map((mode) => (
                <option key={mode.code} value={mode.code}>
                  {mode.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer la cotisation" onCancel={onDone} small />
    </form>
  );
}
