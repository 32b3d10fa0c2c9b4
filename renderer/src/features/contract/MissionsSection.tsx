import { useState } from 'react';
import { contractMissionSchema, type ContractDetail, type ContractMissionRow } from '@shared/contract';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { DeadlineBadge } from './DeadlineBadge';
import { useContractWrite } from './queries';

/** The contract's missions, with where their start and deployment stand against the ACI's deadlines. */
export function MissionsSection({ contract }: { contract: ContractDetail }) {
  const [editing, setEditing] = useState<ContractMissionRow | null>(null);
  return (
    <section className="card" aria-labelledby="missions-titre">
      <h2 id="missions-titre">Missions et échéances</h2>
      <DataTable
        rows={contract.missions}
        rowKey={(row) => row.code}
        compact
        scroll
        aria-labelledby="missions-titre"
        empty="Aucune mission au contrat."
        columns={[
          {
            header: 'Mission',
            rowHeader: true,
            cell: (row) => (
              <>
                {row.label}
                <span className="cell-sub"> · {row.categoryLabel}</span>
                {row.deadlineNote && <span className="cell-sub contract-cell-note">{row.deadlineNote}</span>}
              </>
            ),
          },
          { header: 'Démarrage', cell: (row) => <DeadlineBadge status={row.startStatus} /> },
          { header: 'Déploiement', cell: (row) => <DeadlineBadge status={row.deployStatus} /> },
        ]}
        actions={(row) => (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={`Modifier les dates de la mission ${row.shortLabel}`}
            onClick={() => setEditing(row)}
          >
            Modifier
          </button>
        )}
      />
      {editing && (
        <MissionDatesForm
          key={editing.code}
          contractId={contract.id}
          mission={editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function MissionDatesForm({
  contractId,
  mission,
  onDone,
}: {
  contractId: number;
  mission: ContractMissionRow;
  onDone: () => void;
}) {
  const save = useContractWrite('contract.saveMission');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: contractMissionSchema,
    defaultValues: {
      startedOn: mission.startedOn ?? '',
      deployedOn: mission.deployedOn ?? '',
      note: mission.note ?? '',
    },
    prepare: (values) => ({ ...values, contractId, missionCode: mission.code }),
    submit: save.mutateAsync,
    savedMessage: `Dates de la mission « ${mission.shortLabel} » enregistrées.`,
    onSaved: onDone,
  });
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="mission-form-titre">
      <h3 id="mission-form-titre">{mission.label}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field
          id="mission-demarrage"
          label="Démarrée le"
          hint={mission.startDeadlineOn ? undefined : 'Mission optionnelle : pas d’échéance fixée par l’ACI.'}
          error={errors.startedOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('startedOn')} />}
        </Field>
        <Field id="mission-deploiement" label="Déployée le" error={errors.deployedOn?.message}>
          {(a) => <input type="date" {...a} {...register('deployedOn')} />}
        </Field>
        <Field id="mission-note" label="Note" wide error={errors.note?.message}>
          {(a) => <textarea rows={2} {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer les dates" onCancel={onDone} small />
    </form>
  );
}
