import { useState } from 'react';
import { type ActivityDraft, type ActivityDraftHighlight, activityHighlightSaveSchema } from '@shared/contract';
import { dateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { useAnnualReportWrite } from './queries';

/** The highlights of the year, printed after the introduction in this order: add, edit, move, delete. */
export function Highlights({ draft }: { draft: ActivityDraft }) {
  const toast = useToast();
  const [editing, setEditing] = useState<ActivityDraftHighlight | 'new' | null>(null);
  const move = useAnnualReportWrite('reportDrafts.moveHighlight', {
    onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
  });
  const remove = useAnnualReportWrite('reportDrafts.deleteHighlight');
  const confirm = useConfirmedDelete(remove, {
    title: (highlight: ActivityDraftHighlight) => `Supprimer le fait marquant « ${highlight.title} » ?`,
    body: () => 'Il ne sera plus imprimé dans le rapport.',
    input: (highlight) => ({ id: highlight.id }),
    deletedMessage: (highlight) => `Fait marquant « ${highlight.title} » supprimé.`,
    onDeleted: (highlight) => {
      if (editing !== null && editing !== 'new' && editing.id === highlight.id) setEditing(null);
    },
  });
  const { highlights } = draft;
  const last = highlights.length - 1;

  return (
    <section className="card" aria-labelledby="rapport-faits">
      <div className="card-header">
        <h2 id="rapport-faits">Faits marquants de l’année</h2>
        {editing === null && (
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing('new')}>
            Ajouter un fait marquant
          </button>
        )}
      </div>
      <p className="muted small">Imprimés après l’introduction, dans l’ordre de cette liste.</p>
      <DataTable
        rows={highlights}
        rowKey={(highlight) => highlight.id}
        aria-label="Faits marquants"
        empty="Aucun fait marquant : ajoutez les événements de l’année qu’un lecteur doit retenir (ouverture d’un centre de soins non programmés, signature d’un CLS…)."
        columns={[
          { header: 'Titre', rowHeader: true, cell: (highlight) => highlight.title },
          { header: 'Date', cell: (highlight) => (highlight.happenedOn ? dateLong(highlight.happenedOn) : '—') },
          {
            header: 'Texte',
            cell: (highlight) => <span className="annual-highlight-body">{highlight.body ?? '—'}</span>,
          },
        ]}
        actions={(highlight) => {
          const index = highlights.indexOf(highlight);
          return (
            <>
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={`Monter « ${highlight.title} »`}
                disabled={index === 0 || move.isPending}
                onClick={() => move.mutate({ id: highlight.id, direction: 'up' })}
              >
                Monter
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={`Descendre « ${highlight.title} »`}
                disabled={index === last || move.isPending}
                onClick={() => move.mutate({ id: highlight.id, direction: 'down' })}
              >
                Descendre
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                aria-label={`Modifier « ${highlight.title} »`}
                onClick={() => setEditing(highlight)}
              >
                Modifier
              </button>
              <DeleteButton label={`Supprimer « ${highlight.title} »`} onClick={() => confirm.ask(highlight)} />
            </>
          );
        }}
      />
      {editing !== null && (
        <HighlightForm
          key={editing === 'new' ? 'new' : editing.id}
          year={draft.year}
          highlight={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {confirm.dialog}
    </section>
  );
}

function HighlightForm({
  year,
  highlight,
  onDone,
}: {
  year: number;
  highlight: ActivityDraftHighlight | null;
  onDone: () => void;
}) {
  const save = useAnnualReportWrite('reportDrafts.saveHighlight');
  const form = useContractForm({
    schema: activityHighlightSaveSchema,
    defaultValues: {
      year,
      id: highlight?.id ?? null,
      title: highlight?.title ?? '',
      body: highlight?.body ?? '',
      happenedOn: highlight?.happenedOn ?? '',
    },
    submit: save.mutateAsync,
    savedMessage: (_saved, values) => `Fait marquant « ${values.title} » enregistré.`,
    onSaved: (_saved, _data, self) => {
      self.reset();
      onDone();
    },
  });
  const { register, errors } = form;
  const titleId = 'fait-marquant-form-titre';
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{highlight ? 'Modifier le fait marquant' : 'Nouveau fait marquant'}</h3>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id="fait-titre" label="Titre" required error={errors.title?.message}>
          {(props) => <input {...props} {...register('title')} />}
        </Field>
        <Field id="fait-date" label="Date" error={errors.happenedOn?.message}>
          {(props) => <input {...props} type="date" {...register('happenedOn')} />}
        </Field>
        <Field id="fait-texte" label="Texte" wide error={errors.body?.message}>
          {(props) => <textarea {...props} rows={3} {...register('body')} />}
        </Field>
      </div>
      <FormActions pending={form.isSubmitting} submitLabel="Enregistrer le fait marquant" onCancel={onDone} small />
    </form>
  );
}
