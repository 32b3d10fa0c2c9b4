import { useState } from 'react';
import { dialogueSchema, type ContractDetail, type ContractYearRow, type DialogueRow } from '@shared/contract';
import { formatDateLong, formatEurosFromCents } from '@shared/format';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { centsToInput } from '../../components/money';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { eurosResolver } from './euros';
import { useContractWrite } from './queries';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';

/** The dialogue de gestion of a contract year with the CPAM and the ARS: when, who, what was sent and decided. */
export function DialogueSection({ contract, year }: { contract: ContractDetail; year: ContractYearRow }) {
  const toast = useToast();
  const attach = useContractWrite('contract.addDocument');
  const onAttach = (dialogue: DialogueRow) =>
    attach.mutate(
      {
        contractId: contract.id,
        yearId: year.id,
        dialogueId: dialogue.id,
        kind: 'autre',
        title: `Compte rendu du dialogue de gestion du ${formatDateLong(dialogue.heldOn)}`,
      },
      {
        onSuccess: (result) => {
          if ('cancelled' in result) return;
          toast.notify({ kind: 'success', message: 'Compte rendu joint.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le compte rendu n’a pas été joint : ${errorMessage(error)}` }),
      },
    );
  const [editing, setEditing] = useState<{ dialogue: DialogueRow | null } | null>(null);
  const remove = useConfirmedDelete(useContractWrite('contract.deleteDialogue'), {
    title: (dialogue: DialogueRow) => `Supprimer le dialogue de gestion du ${formatDateLong(dialogue.heldOn)} ?`,
    confirmLabel: 'Supprimer le dialogue',
    body: () => <p>Son compte rendu et ses conclusions seront supprimés.</p>,
    input: (dialogue) => ({ id: dialogue.id }),
    deletedMessage: () => 'Dialogue de gestion supprimé.',
  });

  return (
    <section className="card" aria-labelledby="dialogue-titre">
      <div className="card-header">
        <h3 id="dialogue-titre">Dialogue de gestion</h3>
        {!editing && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setEditing({ dialogue: null })}
          >
            Saisir un dialogue de gestion
          </button>
        )}
      </div>
      {year.dialogues.length === 0 && !editing && (
        <p className="muted">
          Aucun dialogue de gestion saisi pour cette année. Il a lieu autour de l’anniversaire du contrat : saisissez sa
          date, les participants, les documents transmis et le montant variable validé.
        </p>
      )}
      {year.dialogues.map((dialogue) => (
        <article
          key={dialogue.id}
          className="contract-dialogue"
          aria-label={`Dialogue du ${formatDateLong(dialogue.heldOn)}`}
        >
          <div className="card-header">
            <h4>Le {formatDateLong(dialogue.heldOn)}</h4>
            <span>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Modifier le dialogue du ${formatDateLong(dialogue.heldOn)}`}
                onClick={() => setEditing({ dialogue })}
              >
                Modifier
              </button>{' '}
              <DeleteButton
                label={`Supprimer le dialogue du ${formatDateLong(dialogue.heldOn)}`}
                onClick={() => remove.ask(dialogue)}
              />
            </span>
          </div>
          <dl className="contract-dialogue-facts">
            <dt>Part variable validée</dt>
            <dd>
              {dialogue.variableValidatedCents === null
                ? 'non renseignée'
                : formatEurosFromCents(dialogue.variableValidatedCents)}
            </dd>
            <dt>Participants</dt>
            <dd>{dialogue.participants ?? '—'}</dd>
            <dt>Documents transmis</dt>
            <dd>{dialogue.documentsSent ?? '—'}</dd>
            <dt>Conclusions</dt>
            <dd className="contract-prewrap">{dialogue.outcome ?? '—'}</dd>
            <dt>Cibles modifiées</dt>
            <dd>
              {dialogue.targetsAmended ? `Oui${dialogue.amendmentNote ? ` : ${dialogue.amendmentNote}` : ''}` : 'Non'}
            </dd>
            <dt>Compte rendu</dt>
            <dd>
              {dialogue.minutes ? `${dialogue.minutes.fileName} ` : 'non joint '}
              {dialogue.minutes && (
                <>
                  <OpenDocumentButton
                    target={{ documentId: dialogue.minutes.id }}
                    name={`le compte rendu du dialogue du ${formatDateLong(dialogue.heldOn)}`}
                  />{' '}
                </>
              )}
              <button
                type="button"
                className="button button-small button-ghost"
                disabled={attach.isPending}
                aria-label={`${dialogue.minutes ? 'Remplacer' : 'Joindre'} le compte rendu du dialogue du ${formatDateLong(dialogue.heldOn)}`}
                onClick={() => onAttach(dialogue)}
              >
                {dialogue.minutes ? 'Remplacer…' : 'Joindre…'}
              </button>
            </dd>
          </dl>
        </article>
      ))}
      {editing && (
        <DialogueForm
          key={editing.dialogue?.id ?? 'nouveau'}
          year={year}
          dialogue={editing.dialogue}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.dialog}
    </section>
  );
}

interface DialogueFormValues {
  heldOn: string;
  participants: string;
  documentsSent: string;
  outcome: string;
  variableValidated: string;
  targetsAmended: boolean;
  amendmentNote: string;
}

function DialogueForm({
  year,
  dialogue,
  onDone,
}: {
  year: ContractYearRow;
  dialogue: DialogueRow | null;
  onDone: () => void;
}) {
  const save = useContractWrite('contract.saveDialogue');
  const { register, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: dialogueSchema,
    resolver: eurosResolver<DialogueFormValues, typeof dialogueSchema>(
      dialogueSchema,
      (values, euros) => ({
        ...values,
        id: dialogue?.id ?? null,
        yearId: year.id,
        variableValidatedCents: euros('variableValidated', values.variableValidated),
      }),
      (path) => (path[0] === 'variableValidatedCents' ? 'variableValidated' : path.map(String).join('.')),
    ),
    defaultValues: {
      heldOn: dialogue?.heldOn ?? '',
      participants: dialogue?.participants ?? '',
      documentsSent: dialogue?.documentsSent ?? '',
      outcome: dialogue?.outcome ?? '',
      variableValidated: centsToInput(dialogue?.variableValidatedCents),
      targetsAmended: dialogue?.targetsAmended ?? false,
      amendmentNote: dialogue?.amendmentNote ?? '',
    },
    submit: save.mutateAsync,
    savedMessage: 'Dialogue de gestion enregistré.',
    onSaved: onDone,
  });
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="dialogue-form-titre">
      <h3 id="dialogue-form-titre">{dialogue ? 'Modifier le dialogue de gestion' : 'Nouveau dialogue de gestion'}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="dialogue-date" label="Date du dialogue" required error={errors.heldOn?.message}>
          {(a) => <input type="date" {...a} {...register('heldOn')} />}
        </Field>
        <Field
          id="dialogue-variable"
          label="Part variable validée (€)"
          hint="Le montant que la CPAM a validé pour l’année."
          error={errors.variableValidated?.message}
        >
          {(a) => <input type="text" inputMode="decimal" {...a} {...register('variableValidated')} />}
        </Field>
        <Field id="dialogue-participants" label="Participants" wide error={errors.participants?.message}>
          {(a) => <textarea rows={2} {...a} {...register('participants')} />}
        </Field>
        <Field id="dialogue-documents" label="Documents transmis" wide error={errors.documentsSent?.message}>
          {(a) => <textarea rows={2} {...a} {...register('documentsSent')} />}
        </Field>
        <Field id="dialogue-conclusions" label="Conclusions" wide error={errors.outcome?.message}>
          {(a) => <textarea rows={3} {...a} {...register('outcome')} />}
        </Field>
        <div className="field field-checkbox field-wide">
          <label className="checkbox-label">
            <input type="checkbox" {...register('targetsAmended')} />
            Des cibles ont été modifiées
          </label>
        </div>
        <Field id="dialogue-cibles" label="Cibles modifiées" wide error={errors.amendmentNote?.message}>
          {(a) => <textarea rows={2} {...a} {...register('amendmentNote')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le dialogue" onCancel={onDone} small />
    </form>
  );
}
