import { useState } from 'react';
import { renewalProposalSchema, type RenewalDraft, type RenewalProposal } from '@shared/contract';
import { ACI_MISSION_CODES, ACI_MISSIONS } from '@shared/domain/aci';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { useRenewalWrite } from './queries';

/** Each mission once, with its full name for the form and its short one for the table (latest accord). */
const MISSION_OPTIONS = ACI_MISSION_CODES.map((code) => {
  const mission = [...ACI_MISSIONS].reverse().find((candidate) => candidate.code === code);
  return { code, label: mission?.label ?? code, shortLabel: mission?.shortLabel ?? code };
});
const shortMission = (code: string, fallback: string) =>
  MISSION_OPTIONS.find((mission) => mission.code === code)?.shortLabel ?? fallback;

/**
 * The indicator annex proposed for the next contract: seeded from the current indicators with their last target
 * (« Reprendre les indicateurs actuels »), then each line edited, moved, deleted, or a new one added.
 */
export function ProposalsEditor({ draft }: { draft: RenewalDraft }) {
  const toast = useToast();
  const seed = useRenewalWrite('renewal.seedProposals');
  const move = useRenewalWrite('renewal.moveProposal');
  const [editing, setEditing] = useState<{ proposal: RenewalProposal | null } | null>(null);
  const remove = useConfirmedDelete(useRenewalWrite('renewal.deleteProposal'), {
    title: (proposal: RenewalProposal) => `Retirer l’indicateur « ${proposal.label} » de l’annexe proposée ?`,
    confirmLabel: 'Retirer l’indicateur',
    body: () => <p>La ligne, sa cible proposée et son commentaire seront supprimés du dossier.</p>,
    input: (proposal) => ({ id: proposal.id }),
    deletedMessage: () => 'Indicateur retiré de l’annexe proposée.',
  });
  const onMove = (proposal: RenewalProposal, direction: 'up' | 'down') =>
    move.mutate(
      { id: proposal.id, direction },
      { onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }) },
    );
  const last = draft.proposals.length - 1;

  return (
    <div className="renewal-proposals">
      <div className="card-header">
        <h3 id="annexe-proposee-titre">Indicateurs proposés pour le contrat suivant</h3>
        <span className="renewal-proposals-actions">
          {draft.proposals.length === 0 && (
            <button
              type="button"
              className="button button-small"
              disabled={seed.isPending}
              onClick={() =>
                seed.mutate(
                  { contractId: draft.contractId },
                  {
                    onSuccess: (result) =>
                      toast.notify({
                        kind: 'success',
                        message: `${result.proposals.length} indicateurs repris du contrat actuel.`,
                      }),
                    onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
                  },
                )
              }
            >
              {seed.isPending ? 'Reprise…' : 'Reprendre les indicateurs actuels'}
            </button>
          )}{' '}
          {!editing && (
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => setEditing({ proposal: null })}
            >
              Ajouter un indicateur
            </button>
          )}
        </span>
      </div>
      <DataTable
        rows={draft.proposals}
        rowKey={(row) => row.id}
        compact
        scroll
        aria-labelledby="annexe-proposee-titre"
        empty="Aucun indicateur proposé. « Reprendre les indicateurs actuels » copie ceux du contrat avec leur dernière cible, que vous ajustez ensuite ; vous pouvez aussi en ajouter un."
        columns={[
          { header: 'N°', className: 'num', cell: (_row, index) => index + 1 },
          { header: 'Mission', cell: (row) => shortMission(row.missionCode, row.missionLabel) },
          { header: 'Indicateur', rowHeader: true, cell: (row) => row.label },
          { header: 'Cible proposée', cell: (row) => row.targetText ?? '—' },
          { header: 'Commentaire', cell: (row) => row.comment ?? '—' },
        ]}
        actions={(row) => {
          const index = draft.proposals.indexOf(row);
          return (
            <>
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={`Monter « ${row.label} »`}
                disabled={index === 0 || move.isPending}
                onClick={() => onMove(row, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={`Descendre « ${row.label} »`}
                disabled={index === last || move.isPending}
                onClick={() => onMove(row, 'down')}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Modifier « ${row.label} »`}
                onClick={() => setEditing({ proposal: row })}
              >
                Modifier
              </button>
              <DeleteButton label={`Retirer « ${row.label} »`} onClick={() => remove.ask(row)} />
            </>
          );
        }}
      />
      {editing && (
        <ProposalForm
          key={editing.proposal?.id ?? 'nouveau'}
          draft={draft}
          proposal={editing.proposal}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </div>
  );
}

interface ProposalValues {
  missionCode: string;
  label: string;
  targetText: string;
  comment: string;
}

function ProposalForm({
  draft,
  proposal,
  onDone,
}: {
  draft: RenewalDraft;
  proposal: RenewalProposal | null;
  onDone: () => void;
}) {
  const save = useRenewalWrite('renewal.saveProposal');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: renewalProposalSchema,
    prepare: (values: ProposalValues) => ({
      ...values,
      missionCode: values.missionCode || undefined,
      contractId: draft.contractId,
      id: proposal?.id ?? null,
      indicatorId: proposal?.indicatorId ?? null,
    }),
    defaultValues: {
      missionCode: proposal?.missionCode ?? '',
      label: proposal?.label ?? '',
      targetText: proposal?.targetText ?? '',
      comment: proposal?.comment ?? '',
    },
    submit: save.mutateAsync,
    savedMessage: proposal ? 'Indicateur proposé modifié.' : 'Indicateur ajouté à l’annexe proposée.',
    onSaved: onDone,
  });
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="proposition-form-titre">
      <h4 id="proposition-form-titre">{proposal ? 'Modifier l’indicateur proposé' : 'Nouvel indicateur proposé'}</h4>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="proposition-mission" label="Mission" required error={errors.missionCode?.message}>
          {(a) => (
            <select {...a} {...register('missionCode')}>
              <option value="">Choisir la mission…</option>
              {MISSION_OPTIONS.map((mission) => (
                <option key={mission.code} value={mission.code}>
                  {mission.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="proposition-cible" label="Cible proposée" error={errors.targetText?.message}>
          {(a) => <input {...a} {...register('targetText')} placeholder="Par exemple : 75 % des patients" />}
        </Field>
        <Field id="proposition-libelle" label="Indicateur" required error={errors.label?.message} wide>
          {(a) => <textarea rows={2} {...a} {...register('label')} />}
        </Field>
        <Field id="proposition-commentaire" label="Commentaire" error={errors.comment?.message} wide>
          {(a) => <textarea rows={2} {...a} {...register('comment')} />}
        </Field>
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={proposal ? 'Enregistrer l’indicateur' : 'Ajouter l’indicateur'}
        onCancel={onDone}
        small
      />
    </form>
  );
}
