import { useState } from 'react';
import { contractMissionSchema, type ContractDetail, type ContractMissionRow } from '@shared/contract';
import { type AciMissionCode, missionsFor } from '@shared/domain/aci';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { DeadlineBadge } from './DeadlineBadge';
import { useContractWrite } from './queries';

/** The contract's missions, with where their start and deployment stand against the ACI's deadlines. */
export function MissionsSection({ contract }: { contract: ContractDetail }) {
  const [editing, setEditing] = useState<ContractMissionRow | null>(null);
  const toast = useToast();
  const add = useContractWrite('contract.saveMission');
  const remove = useConfirmedDelete(useContractWrite('contract.removeMission'), {
    title: (mission: ContractMissionRow) => `Retirer la mission « ${mission.shortLabel} » du contrat ?`,
    confirmLabel: 'Retirer la mission',
    body: () => (
      <p>
        Une mission ne se retire que tant qu’elle n’a ni indicateur, ni enveloppe, ni versement ; ses dates de démarrage
        et de déploiement sont alors oubliées.
      </p>
    ),
    input: (mission) => ({ contractId: contract.id, missionCode: mission.code }),
    deletedMessage: (mission) => `Mission « ${mission.shortLabel} » retirée du contrat.`,
  });
  const present = new Set(contract.missions.map((mission) => mission.code));
  const addable = missionsFor(contract.aciVersion).filter(
    (mission) => mission.category === 'optionnelle' && !present.has(mission.code),
  );
  const onAdd = (code: AciMissionCode, name: string) =>
    add.mutate(
      { contractId: contract.id, missionCode: code },
      {
        onSuccess: () => toast.notify({ kind: 'success', message: `Mission « ${name} » ajoutée au contrat.` }),
        onError: (error) =>
          toast.notify({ kind: 'error', message: `La mission n’a pas été ajoutée : ${errorMessage(error)}` }),
      },
    );
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
          <>
            <button
              type="button"
              className="button button-small button-secondary"
              aria-label={`Modifier les dates de la mission ${row.shortLabel}`}
              onClick={() => setEditing(row)}
            >
              Modifier
            </button>
            {row.category === 'optionnelle' && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`Retirer la mission ${row.shortLabel} du contrat`}
                  onClick={() => remove.ask(row)}
                >
                  Retirer
                </button>
              </>
            )}
          </>
        )}
      />
      {addable.length > 0 && (
        <div className="form-actions">
          {addable.map((mission) => (
            <button
              key={mission.code}
              type="button"
              className="button button-small button-secondary"
              disabled={add.isPending}
              onClick={() => onAdd(mission.code, mission.shortLabel)}
            >
              Ajouter la mission optionnelle « {mission.shortLabel} »
            </button>
          ))}
        </div>
      )}
      {remove.dialog}
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
