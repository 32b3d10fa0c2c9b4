import { useState } from 'react';
import type { MandateRow, MemberDetail } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { MANDATE_ROLES, mandateSchema } from '@shared/schemas/members';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useMembersWrite } from './queries';

interface MandateFormValues {
  memberId: number;
  role: string;
  label: string;
  startOn: string;
  endOn: string;
}

export function MandatesSection({ detail }: { detail: MemberDetail }) {
  const [adding, setAdding] = useState(false);
  const remove = useConfirmedDelete(useMembersWrite('members.deleteMandate'), {
    title: () => 'Supprimer ce mandat ?',
    input: (row: MandateRow) => ({ memberId: detail.id, mandateId: row.id }),
    deletedMessage: (row) => `Mandat « ${row.roleLabel} » supprimé.`,
    body: (row) => (
      <p>
        Le mandat « {row.roleLabel} » de {detail.displayName}, commencé le {formatDateLong(row.startOn)}, sera supprimé.
        Pour un mandat terminé, indiquez plutôt sa date de fin.
      </p>
    ),
  });
  const rows = [...detail.mandates].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.startOn.localeCompare(a.startOn),
  );

  return (
    <section className="card" aria-labelledby="mandats-titre">
      <div className="card-header">
        <h2 id="mandats-titre">Mandats</h2>
        {!adding && !detail.erasedAt && (
          <button type="button" className="button button-small button-secondary" onClick={() => setAdding(true)}>
            Ajouter un mandat
          </button>
        )}
      </div>
      <DataTable
        rows={rows}
        rowKey={(row) => row.id}
        empty="Aucun mandat (conseil d’administration, bureau, commission…)."
        compact
        aria-labelledby="mandats-titre"
        columns={[
          {
            header: 'Mandat',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.roleLabel} {row.current && <span className="badge badge-ok">en cours</span>}
              </>
            ),
          },
          { header: 'Précision', cell: (row) => row.label ?? '—' },
          { header: 'Début', cell: (row) => formatDateLong(row.startOn) },
          { header: 'Fin', cell: (row) => (row.endOn ? formatDateLong(row.endOn) : '—') },
        ]}
        actions={(row) =>
          !detail.erasedAt && (
            <DeleteButton label={`Supprimer le mandat ${row.roleLabel}`} onClick={() => remove.ask(row)} />
          )
        }
      />
      {adding && <MandateForm memberId={detail.id} onDone={() => setAdding(false)} />}
      {remove.dialog}
    </section>
  );
}

function MandateForm({ memberId, onDone }: { memberId: number; onDone: () => void }) {
  const add = useMembersWrite('members.addMandate');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: mandateSchema,
    defaultValues: { memberId, role: '', label: '', startOn: toIsoDate(new Date()), endOn: '' } as MandateFormValues,
    fields: ['role', 'label', 'startOn', 'endOn'],
    submit: add.mutateAsync,
    savedMessage: 'Mandat ajouté.',
    onSaved: onDone,
  });

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="mandat-form-titre">
      <h3 id="mandat-form-titre">Nouveau mandat</h3>
      <FormError message={formError} />
      <div className="form-grid form-grid-4">
        <Field id="mandat-role" label="Mandat" required error={errors.role?.message}>
          {(a) => (
            <select {...a} {...register('role')}>
              <option value="">— Choisir —</option>
              {MANDATE_ROLES.map((role) => (
                <option key={role.code} value={role.code}>
                  {role.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="mandat-label"
          label="Précision"
          hint="Par exemple le nom de la commission."
          error={errors.label?.message}
        >
          {(a) => <input type="text" {...a} {...register('label')} />}
        </Field>
        <Field id="mandat-start" label="Début" required error={errors.startOn?.message}>
          {(a) => <input type="date" {...a} {...register('startOn')} />}
        </Field>
        <Field id="mandat-end" label="Fin" error={errors.endOn?.message}>
          {(a) => <input type="date" {...a} {...register('endOn')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Ajouter le mandat" onCancel={onDone} small />
    </form>
  );
}
