import { useState } from 'react';
import { paymentSchema, type ContractDetail, type ContractYearRow, type PaymentLine } from '@shared/contract';
import { PAYER_LABELS, PAYERS, PAYMENT_KIND_LABELS, PAYMENT_KINDS } from '@shared/domain/contract-labels';
import { formatDateLong, formatEurosFromCents, toIsoDate } from '@shared/format';
import { DataTable } from '../../components/DataTable';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput } from '../../components/money';
import { useContractForm } from '../../components/useContractForm';
import { eurosResolver } from './euros';
import { useContractWrite } from './queries';

const STATUS_CLASS: Record<PaymentLine['status'], string> = {
  recu: 'badge badge-ok',
  recu_partiel: 'badge badge-warn',
  en_retard: 'badge payment-late',
  a_venir: 'badge badge-muted',
};

const money = (cents: number | null) =>
  cents === null ? <span className="muted">—</span> : formatEurosFromCents(cents);

function gap(cents: number | null) {
  if (cents === null) return <span className="muted">—</span>;
  if (cents === 0) return formatEurosFromCents(0);
  return (
    <span className={cents < 0 ? 'error-text' : 'success-text'}>
      {cents > 0 ? '+' : '−'}
      {formatEurosFromCents(Math.abs(cents))}
    </span>
  );
}

/** What a form starts from: a line of the schedule, a recorded payment, or nothing (another payment). */
type Editing = { line: PaymentLine | null };

/** A year's payments: what the contract makes the CPAM owe, what came in, and the gap. */
export function PaymentsSection({ contract, year }: { contract: ContractDetail; year: ContractYearRow }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const remove = useConfirmedDelete(useContractWrite('contract.deletePayment'), {
    title: () => 'Supprimer le versement ?',
    confirmLabel: 'Supprimer le versement',
    body: (line: PaymentLine) => (
      <p>
        Le versement « {line.label} »
        {line.receivedCents !== null ? ` (${formatEurosFromCents(line.receivedCents)} reçus)` : ''} sera supprimé.
      </p>
    ),
    input: (line) => ({ id: line.paymentId ?? 0 }),
    deletedMessage: () => 'Versement supprimé.',
  });
  const totals = year.paymentTotals;

  return (
    <section className="card" aria-labelledby="versements-titre">
      <div className="card-header">
        <h3 id="versements-titre">Versements attendus et reçus</h3>
        {!editing && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setEditing({ line: null })}
          >
            Ajouter un autre versement
          </button>
        )}
      </div>
      <DataTable
        rows={year.payments}
        rowKey={(row) => row.key}
        compact
        scroll
        className="contract-payments"
        aria-labelledby="versements-titre"
        empty="Aucun versement attendu pour cette année : saisissez le fonctionnement et les enveloppes, et les dates de démarrage des missions."
        columns={[
          {
            header: 'Versement',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.label}
                <span className="cell-sub">
                  {' '}
                  · {row.payerLabel}
                  {row.reference ? ` · réf. ${row.reference}` : ''}
                </span>
              </>
            ),
          },
          {
            header: 'Attendu',
            className: 'num',
            cell: (row) => (
              <>
                {row.expectedCents === null && row.kind === 'variable' ? (
                  <span className="muted">selon les indicateurs</span>
                ) : (
                  money(row.expectedCents)
                )}
                {row.expectedOn && (
                  <span className="cell-sub contract-cell-date">le {formatDateLong(row.expectedOn)}</span>
                )}
              </>
            ),
          },
          {
            header: 'Reçu',
            className: 'num',
            cell: (row) => (
              <>
                {money(row.receivedCents)}
                {row.receivedOn && (
                  <span className="cell-sub contract-cell-date">le {formatDateLong(row.receivedOn)}</span>
                )}
              </>
            ),
          },
          { header: 'Écart', className: 'num', cell: (row) => gap(row.gapCents) },
          { header: 'État', cell: (row) => <span className={STATUS_CLASS[row.status]}>{row.statusLabel}</span> },
        ]}
        actions={(row) => (
          <>
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label={
                row.receivedCents === null
                  ? `Saisir le versement reçu : ${row.label}`
                  : `Modifier le versement : ${row.label}`
              }
              onClick={() => setEditing({ line: row })}
            >
              {row.receivedCents === null ? 'Saisir le reçu' : 'Modifier'}
            </button>
            {row.paymentId !== null && (
              <>
                {' '}
                <DeleteButton label={`Supprimer le versement : ${row.label}`} onClick={() => remove.ask(row)} />
              </>
            )}
          </>
        )}
        footer={
          <>
            <tr>
              <th scope="row">Total attendu (montants connus)</th>
              <td className="num">{formatEurosFromCents(totals.expectedCents)}</td>
              <td className="num">{formatEurosFromCents(totals.receivedCents)}</td>
              <td />
              <td />
              <td />
            </tr>
            <tr>
              <th scope="row">Dû à ce jour</th>
              <td className="num">{formatEurosFromCents(totals.dueCents)}</td>
              <td className="num">{formatEurosFromCents(totals.receivedCents)}</td>
              <td className="num">{gap(totals.gapCents)}</td>
              <td />
              <td />
            </tr>
          </>
        }
      />
      {editing && (
        <PaymentForm
          key={editing.line?.key ?? 'nouveau'}
          contract={contract}
          year={year}
          line={editing.line}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </section>
  );
}

interface PaymentFormValues {
  kind: string;
  missionCode: string;
  payer: string;
  label: string;
  expectedOn: string;
  expected: string;
  receivedOn: string;
  received: string;
  reference: string;
  note: string;
}

const MONEY_FIELDS: Record<string, string> = { expectedCents: 'expected', receivedCents: 'received' };

function PaymentForm({
  contract,
  year,
  line,
  onDone,
}: {
  contract: ContractDetail;
  year: ContractYearRow;
  line: PaymentLine | null;
  onDone: () => void;
}) {
  const save = useContractWrite('contract.savePayment');
  const receiving = line !== null && line.receivedCents === null;
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: paymentSchema,
    resolver: eurosResolver<PaymentFormValues, typeof paymentSchema>(
      paymentSchema,
      (values, euros) => ({
        id: line?.paymentId ?? null,
        yearId: year.id,
        kind: values.kind,
        missionCode: values.missionCode || null,
        payer: values.payer,
        label: values.label,
        expectedOn: values.expectedOn,
        expectedCents: euros('expected', values.expected),
        receivedOn: values.receivedOn,
        receivedCents: euros('received', values.received),
        reference: values.reference,
        note: values.note,
      }),
      (path) => MONEY_FIELDS[String(path[0])] ?? path.map(String).join('.'),
    ),
    defaultValues: {
      kind: line?.kind ?? 'autre',
      missionCode: line?.missionCode ?? '',
      payer: line?.payer ?? 'cpam',
      label: line?.label ?? '',
      expectedOn: line?.expectedOn ?? '',
      expected: centsToInput(line?.expectedCents),
      receivedOn: line?.receivedOn ?? (receiving ? toIsoDate(new Date()) : ''),
      received: centsToInput(line?.receivedCents ?? (receiving ? line?.expectedCents : null)),
      reference: line?.reference ?? '',
      note: line?.note ?? '',
    },
    fields: ['kind', 'missionCode', 'payer', 'label', 'expectedOn', 'receivedOn', 'reference', 'note'],
    submit: save.mutateAsync,
    savedMessage: (_, values) =>
      values.receivedCents !== null
        ? `Versement reçu enregistré : ${formatEurosFromCents(values.receivedCents)}.`
        : 'Versement enregistré.',
    onSaved: onDone,
  });
  const title = line === null ? 'Autre versement' : receiving ? 'Saisir le versement reçu' : 'Modifier le versement';

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="versement-form-titre">
      <h3 id="versement-form-titre">{title}</h3>
      {line && <p className="muted small">{line.label}</p>}
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="versement-recu-le" label="Reçu le" error={errors.receivedOn?.message}>
          {(a) => <input type="date" {...a} {...register('receivedOn')} />}
        </Field>
        <Field
          id="versement-recu"
          label="Montant reçu (€)"
          hint="Par exemple 37 500 ou 1 250,50."
          error={errors.received?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('received')} />}
        </Field>
        <Field id="versement-nature" label="Nature" error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              {PAYMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {PAYMENT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="versement-mission" label="Mission" error={errors.missionCode?.message}>
          {(a) => (
            <select {...a} {...register('missionCode')}>
              <option value="">Aucune (fonctionnement, autre)</option>
              {contract.missions.map((mission) => (
                <option key={mission.code} value={mission.code}>
                  {mission.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="versement-payeur" label="Payeur" error={errors.payer?.message}>
          {(a) => (
            <select {...a} {...register('payer')}>
              {PAYERS.map((payer) => (
                <option key={payer} value={payer}>
                  {PAYER_LABELS[payer]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="versement-libelle" label="Libellé" error={errors.label?.message}>
          {(a) => <input type="text" {...a} {...register('label')} />}
        </Field>
        <Field id="versement-attendu-le" label="Attendu le" error={errors.expectedOn?.message}>
          {(a) => <input type="date" {...a} {...register('expectedOn')} />}
        </Field>
        <Field id="versement-attendu" label="Montant attendu (€)" error={errors.expected?.message}>
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('expected')} />}
        </Field>
        <Field id="versement-reference" label="Référence du virement" error={errors.reference?.message}>
          {(a) => <input type="text" spellCheck={false} {...a} {...register('reference')} />}
        </Field>
        <Field id="versement-note" label="Note" wide error={errors.note?.message}>
          {(a) => <textarea rows={2} {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le versement" onCancel={onDone} small />
    </form>
  );
}
