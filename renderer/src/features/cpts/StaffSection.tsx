/** Ma CPTS › Équipe salariée et prestataires: who works for the CPTS, listed in the rapport d’activité. */
import { useState } from 'react';
import { staffSaveSchema, type StaffRow } from '@shared/contract';
import { STAFF_EMPLOYMENTS } from '@shared/domain/report-labels';
import { formatDateLong, formatDecimal } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { useContractForm } from '../../components/useContractForm';
import { useCptsWrite, useStaff } from './queries';

function period(row: StaffRow): string {
  return row.endedOn
    ? `du ${formatDateLong(row.startedOn)} au ${formatDateLong(row.endedOn)}`
    : `depuis le ${formatDateLong(row.startedOn)}`;
}

export function StaffSection() {
  const staff = useStaff();
  const [editing, setEditing] = useState<{ row: StaffRow | null } | null>(null);
  const remove = useConfirmedDelete(useCptsWrite('staff.delete'), {
    title: (row: StaffRow) => `Retirer ${row.fullName} de l’équipe ?`,
    confirmLabel: 'Retirer de l’équipe',
    body: (row) => (
      <p>
        {row.fullName} ({row.role}) ne figurera plus dans l’équipe ni dans les rapports d’activité, même passés. Pour un
        départ, indiquez plutôt la date de départ.
      </p>
    ),
    input: (row) => ({ id: row.id, confirm: true as const }),
    deletedMessage: (row) => `${row.fullName} a été retiré(e) de l’équipe.`,
  });

  return (
    <section className="card" aria-labelledby="equipe-titre">
      <div className="card-header">
        <h2 id="equipe-titre">Équipe salariée et prestataires</h2>
        {!editing && staff.isSuccess && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setEditing({ row: null })}
          >
            Ajouter une personne
          </button>
        )}
      </div>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <QueryError message={errorMessage(staff.error)} onRetry={() => void staff.refetch()} />
      ) : (
        <DataTable
          rows={staff.data}
          rowKey={(row) => row.id}
          compact
          scroll
          aria-labelledby="equipe-titre"
          empty="Personne dans l’équipe : ajoutez la coordinatrice ou le coordinateur, les salariés et les prestataires de la CPTS."
          rowProps={(row) => (row.active ? {} : { className: 'muted' })}
          columns={[
            { header: 'Nom', rowHeader: true, cell: (row) => row.fullName },
            { header: 'Fonction', cell: (row) => row.role },
            { header: 'Statut', cell: (row) => row.employmentLabel },
            {
              header: 'Temps de travail',
              className: 'num',
              cell: (row) => (row.fte === null ? <span className="muted">—</span> : `${formatDecimal(row.fte)} ETP`),
            },
            {
              header: 'Période',
              cell: (row) => (
                <>
                  {period(row)}
                  {!row.active && <span className="cell-sub"> · {row.endedOn ? 'parti(e)' : 'à venir'}</span>}
                </>
              ),
            },
          ]}
          actions={(row) => (
            <>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Modifier : ${row.fullName}`}
                onClick={() => setEditing({ row })}
              >
                Modifier
              </button>{' '}
              <DeleteButton label={`Retirer de l’équipe : ${row.fullName}`} onClick={() => remove.ask(row)} />
            </>
          )}
        />
      )}
      {editing && <StaffForm key={editing.row?.id ?? 'nouveau'} row={editing.row} onDone={() => setEditing(null)} />}
      {remove.dialog}
    </section>
  );
}

interface StaffFormValues {
  fullName: string;
  role: string;
  employment: string;
  fte: string;
  startedOn: string;
  endedOn: string;
  note: string;
}

function StaffForm({ row, onDone }: { row: StaffRow | null; onDone: () => void }) {
  const save = useCptsWrite('staff.save');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: staffSaveSchema,
    prepare: (values: StaffFormValues) => {
      const fte = values.fte.trim().replace(',', '.');
      return { ...values, id: row?.id ?? null, fte: fte === '' ? null : Number(fte) };
    },
    defaultValues: {
      fullName: row?.fullName ?? '',
      role: row?.role ?? '',
      employment: row?.employment ?? 'salarie',
      fte: row?.fte === null || row?.fte === undefined ? '' : formatDecimal(row.fte),
      startedOn: row?.startedOn ?? '',
      endedOn: row?.endedOn ?? '',
      note: row?.note ?? '',
    },
    submit: save.mutateAsync,
    savedMessage: (saved) =>
      row ? `${saved.fullName} : modifications enregistrées.` : `${saved.fullName} ajouté(e) à l’équipe.`,
    onSaved: onDone,
  });
  const title = row ? `Modifier : ${row.fullName}` : 'Ajouter une personne à l’équipe';

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="equipe-form-titre">
      <h3 id="equipe-form-titre">{title}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="equipe-nom" label="Nom et prénom, ou raison sociale" required error={errors.fullName?.message}>
          {(a) => <input type="text" {...a} {...register('fullName')} />}
        </Field>
        <Field
          id="equipe-fonction"
          label="Fonction"
          required
          hint="Par exemple : coordinatrice, chargé de mission."
          error={errors.role?.message}
        >
          {(a) => <input type="text" {...a} {...register('role')} />}
        </Field>
        <Field id="equipe-statut" label="Statut" required error={errors.employment?.message}>
          {(a) => (
            <select {...a} {...register('employment')}>
              {STAFF_EMPLOYMENTS.map((employment) => (
                <option key={employment.code} value={employment.code}>
                  {employment.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="equipe-etp"
          label="Temps de travail (ETP)"
          hint="Entre 0 et 1, par exemple 0,5 pour un mi-temps ; vide pour un prestataire payé à la tâche."
          error={errors.fte?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('fte')} />}
        </Field>
        <Field id="equipe-arrivee" label="Arrivée le" required error={errors.startedOn?.message}>
          {(a) => <input type="date" {...a} {...register('startedOn')} />}
        </Field>
        <Field id="equipe-depart" label="Départ le" error={errors.endedOn?.message}>
          {(a) => <input type="date" {...a} {...register('endedOn')} />}
        </Field>
        <Field id="equipe-remarque" label="Remarque" wide error={errors.note?.message}>
          {(a) => <textarea rows={2} {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer' : 'Ajouter à l’équipe'}
        onCancel={onDone}
        small
      />
    </form>
  );
}
