import { useState } from 'react';
import type { FicheDetail, FicheMilestoneRow } from '@shared/contract';
import { formatDateLong, toIsoDate } from '@shared/format';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useToast } from '../../components/Toasts';
import { ficheWith } from './ficheFormValues';
import { useFichesWrite } from './queries';
import { useFicheSectionForm } from './sectionForm';

type Milestone = Pick<FicheMilestoneRow, 'label' | 'dueOn' | 'doneOn' | 'note'>;
const stored = (rows: readonly FicheMilestoneRow[]): Milestone[] =>
  rows.map(({ label, dueOn, doneOn, note }) => ({ label, dueOn, doneOn, note }));

/** The dated milestones of the fiche (« déployée depuis le 14 mai 2024 »): add, mark done, remove. */
export function MilestonesSection({ detail }: { detail: FicheDetail }) {
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const update = useFichesWrite('fiches.update');
  const withMilestones = (milestones: Milestone[]) => ({
    id: detail.id,
    data: ficheWith(detail, { milestones }),
  });
  const markDone = (row: FicheMilestoneRow) =>
    update.mutate(
      withMilestones(
        detail.milestones.map((m) => (m.id === row.id ? { ...m, doneOn: toIsoDate(new Date()) } : m)).map(strip),
      ),
      {
        onSuccess: () => toast.notify({ kind: 'success', message: `Étape « ${row.label} » marquée comme faite.` }),
        onError: (error) =>
          toast.notify({ kind: 'error', message: `L’étape n’a pas été modifiée : ${errorMessage(error)}` }),
      },
    );
  const remove = useConfirmedDelete(update, {
    title: (row: FicheMilestoneRow) => `Retirer l’étape « ${row.label} » ?`,
    body: () => <p>L’étape et ses dates seront retirées de la fiche.</p>,
    input: (row) => withMilestones(stored(detail.milestones.filter((m) => m.id !== row.id))),
    confirmLabel: 'Retirer',
    deletedMessage: (row) => `Étape « ${row.label} » retirée.`,
  });

  return (
    <section className="card" aria-labelledby="fiche-etapes-titre">
      <h2 id="fiche-etapes-titre">Étapes et jalons</h2>
      <DataTable
        rows={detail.milestones}
        rowKey={(row) => row.id}
        compact
        aria-labelledby="fiche-etapes-titre"
        empty="Aucune étape datée. Ajoutez-en une : « Ouverture de la consultation », prévue ou faite à une date."
        columns={[
          { header: 'Étape', rowHeader: true, cell: (row) => row.label },
          {
            header: 'Prévue le',
            cellClassName: (row) => (row.late ? 'overdue' : undefined),
            cell: (row) => (
              <>
                {row.dueOn ? formatDateLong(row.dueOn) : '—'}
                {row.late && <span className="badge badge-warn">en retard</span>}
              </>
            ),
          },
          {
            header: 'Faite le',
            cell: (row) => (row.doneOn ? <span className="milestone-done">{formatDateLong(row.doneOn)}</span> : '—'),
          },
          { header: 'Note', cell: (row) => row.note ?? '' },
        ]}
        actionsClassName="row-actions"
        actions={(row) => (
          <>
            {!row.doneOn && (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={update.isPending}
                onClick={() => markDone(row)}
                aria-label={`Marquer comme faite : ${row.label}`}
              >
                Marquer comme faite
              </button>
            )}
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => remove.ask(row)}
              aria-label={`Retirer l’étape ${row.label}`}
            >
              Retirer
            </button>
          </>
        )}
      />
      {adding ? (
        <MilestoneForm detail={detail} onDone={() => setAdding(false)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            Ajouter une étape
          </button>
        </div>
      )}
      {remove.dialog}
    </section>
  );
}

const strip = ({ label, dueOn, doneOn, note }: Milestone): Milestone => ({ label, dueOn, doneOn, note });

interface MilestoneValues {
  label: string;
  dueOn: string;
  doneOn: string;
  note: string;
}

function MilestoneForm({ detail, onDone }: { detail: FicheDetail; onDone: () => void }) {
  const index = detail.milestones.length;
  const { register, onSubmit, formError, errors, isSubmitting } = useFicheSectionForm<MilestoneValues>({
    detail,
    defaultValues: { label: '', dueOn: '', doneOn: '', note: '' },
    build: (values) => ficheWith(detail, { milestones: [...stored(detail.milestones), values] }),
    path: ['milestones', index],
    savedMessage: 'Étape ajoutée.',
    onSaved: onDone,
  });
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label="Nouvelle étape">
      <h3>Nouvelle étape</h3>
      <FormError message={formError ?? errors.root?.message ?? null} />
      <div className="form-grid">
        <Field id="jalon-label" label="Étape" required wide error={errors.label?.message}>
          {(a) => (
            <input
              type="text"
              autoComplete="off"
              placeholder="Ouverture de la consultation"
              {...a}
              {...register('label')}
            />
          )}
        </Field>
        <Field id="jalon-due" label="Prévue le" error={errors.dueOn?.message}>
          {(a) => <input type="date" {...a} {...register('dueOn')} />}
        </Field>
        <Field id="jalon-done" label="Faite le" error={errors.doneOn?.message}>
          {(a) => <input type="date" {...a} {...register('doneOn')} />}
        </Field>
        <Field id="jalon-note" label="Note" wide error={errors.note?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Ajouter l’étape" onCancel={onDone} small />
    </form>
  );
}
