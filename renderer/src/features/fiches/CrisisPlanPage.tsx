import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { type CrisisPlan, type CrisisPlanEventRow, crisisPlanEventSchema } from '@shared/contract';
import { CRISIS_PLAN_EVENTS } from '@shared/domain/fiche-labels';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { MemberCombobox } from '../ag/proxies/MemberCombobox';
import { CodeOptions } from '../meetings/CodeOptions';
import { useMembers } from '../members/queries';
import { memberOptions } from './ficheFormValues';
import { useCrisisPlan, useFichesWrite } from './queries';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';
import './fiches.css';

/** /projet-de-sante/plan-de-crise — the crisis plan of the mission « réponse aux crises sanitaires graves ». */
export function CrisisPlanPage() {
  const plan = useCrisisPlan();
  return (
    <Page
      title="Plan de crise"
      intro="Le plan de réponse aux crises sanitaires graves : sa rédaction, ses mises à jour annuelles, sa transmission à l’ARS, son partage aux membres, ses exercices et ses activations."
      wide
    >
      {plan.isPending ? (
        <Loading label="Chargement du plan de crise…" />
      ) : plan.isError ? (
        <QueryError message={errorMessage(plan.error)} onRetry={() => void plan.refetch()} />
      ) : (
        <CrisisPlanSections plan={plan.data} />
      )}
    </Page>
  );
}

const dateOr = (iso: string | null, none: string) => (iso ? formatDateLong(iso) : none);

function CrisisPlanSections({ plan }: { plan: CrisisPlan }) {
  const [editing, setEditing] = useState<CrisisPlanEventRow | 'new' | null>(null);
  const toast = useToast();
  const attach = useFichesWrite('crisisPlan.attachDocument');
  const remove = useConfirmedDelete(useFichesWrite('crisisPlan.deleteEvent'), {
    title: (row: CrisisPlanEventRow) => `Supprimer « ${row.kindLabel} » du ${formatDateLong(row.occurredOn)} ?`,
    body: (row) => <p>L’étape sera retirée de l’historique du plan{row.document ? ', avec son document' : ''}.</p>,
    input: (row) => ({ id: row.id, confirm: true as const }),
    deletedMessage: (row) => `« ${row.kindLabel} » supprimée.`,
  });
  const detach = useConfirmedDelete(useFichesWrite('crisisPlan.detachDocument'), {
    title: () => 'Retirer le document ?',
    body: (row: CrisisPlanEventRow) => (
      <p>« {row.document?.fileName} » sera retiré de l’étape et supprimé de Maillage.</p>
    ),
    input: (row) => ({ eventId: row.id }),
    confirmLabel: 'Retirer le document',
    deletedMessage: () => 'Document retiré.',
  });
  const onAttach = (row: CrisisPlanEventRow) =>
    attach.mutate(
      { eventId: row.id },
      {
        onSuccess: (result) => {
          if (!('cancelled' in result)) toast.notify({ kind: 'success', message: 'Document joint.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le document n’a pas été joint : ${errorMessage(error)}` }),
      },
    );

  return (
    <div className="stack">
      <section className="card crisis-status" aria-labelledby="plan-etat-titre">
        <div className="card-header">
          <h2 id="plan-etat-titre">État du plan</h2>
          <span className={`badge${plan.state === 'a_jour' ? ' badge-ok' : ' badge-warn'}`}>{plan.stateLabel}</span>
        </div>
        {plan.warnings.length > 0 && (
          <div className="alert alert-warning" role="note">
            <ul className="plain-list">
              {plan.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        <dl className="tiles">
          <div className="tile">
            <dt>Rédigé</dt>
            <dd className="tile-value-text">{dateOr(plan.writtenOn, 'Pas encore')}</dd>
          </div>
          <div className="tile">
            <dt>Dernière mise à jour</dt>
            <dd className="tile-value-text">{dateOr(plan.lastUpdatedOn, '—')}</dd>
            {plan.updateDueOn && (
              <dd className={`tile-note${plan.updateOverdue ? ' overdue' : ''}`}>
                {plan.updateOverdue ? 'Mise à jour annuelle en retard depuis le ' : 'Prochaine mise à jour avant le '}
                {formatDateLong(plan.updateDueOn)}
              </dd>
            )}
          </div>
          <div className="tile">
            <dt>Transmis à l’ARS</dt>
            <dd className="tile-value-text">{dateOr(plan.sentToArsOn, 'Pas encore')}</dd>
            {plan.sentToArsOn && !plan.arsHasCurrentVersion && (
              <dd className="tile-note overdue">L’ARS n’a pas la dernière version.</dd>
            )}
          </div>
          <div className="tile">
            <dt>Partagé aux membres</dt>
            <dd className="tile-value-text">{dateOr(plan.sharedWithMembersOn, 'Pas encore')}</dd>
          </div>
          <div className="tile">
            <dt>Dernier exercice</dt>
            <dd className="tile-value-text">{dateOr(plan.lastExerciseOn, 'Aucun')}</dd>
          </div>
          <div className="tile">
            <dt>Dernière activation</dt>
            <dd className="tile-value-text">{dateOr(plan.lastActivationOn, 'Aucune')}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="plan-historique-titre">
        <h2 id="plan-historique-titre">Historique</h2>
        <DataTable
          rows={plan.events}
          rowKey={(row) => row.id}
          aria-labelledby="plan-historique-titre"
          empty="Rien d’enregistré. Commencez par la rédaction du plan : sa date, son référent et le document."
          columns={[
            { header: 'Date', className: 'nowrap', cell: (row) => formatDateLong(row.occurredOn) },
            { header: 'Étape', rowHeader: true, cell: (row) => row.kindLabel },
            { header: 'Référent', cell: (row) => row.referent ?? '—' },
            { header: 'Note', cell: (row) => row.note ?? '' },
            {
              header: 'Document',
              cell: (row) =>
                row.document ? (
                  <>
                    {row.document.title ?? row.document.fileName}{' '}
                    <OpenDocumentButton
                      target={{ documentId: row.document.id }}
                      name={row.document.title ?? row.document.fileName}
                    />{' '}
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      onClick={() => detach.ask(row)}
                      aria-label={`Retirer ${row.document.fileName}`}
                    >
                      Retirer
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    disabled={attach.isPending}
                    onClick={() => onAttach(row)}
                    aria-label={`Joindre un document à « ${row.kindLabel} » du ${formatDateLong(row.occurredOn)}`}
                  >
                    Joindre…
                  </button>
                ),
            },
          ]}
          actionsClassName="row-actions"
          actions={(row) => (
            <>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => setEditing(row)}
                aria-label={`Modifier « ${row.kindLabel} » du ${formatDateLong(row.occurredOn)}`}
              >
                Modifier
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => remove.ask(row)}
                aria-label={`Supprimer « ${row.kindLabel} » du ${formatDateLong(row.occurredOn)}`}
              >
                Supprimer
              </button>
            </>
          )}
        />
        {editing ? (
          <EventForm
            key={editing === 'new' ? 'new' : editing.id}
            row={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
              Ajouter une étape
            </button>
          </div>
        )}
      </section>
      {remove.dialog}
      {detach.dialog}
    </div>
  );
}

interface EventValues {
  id: string;
  kind: string;
  occurredOn: string;
  referentMemberId: number | null;
  note: string;
}

function EventForm({ row, onDone }: { row: CrisisPlanEventRow | null; onDone: () => void }) {
  const members = useMembers();
  const save = useFichesWrite('crisisPlan.saveEvent');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: crisisPlanEventSchema,
    defaultValues: {
      id: row ? String(row.id) : '',
      kind: row?.kind ?? '',
      occurredOn: row?.occurredOn ?? '',
      referentMemberId: row?.referentMemberId ?? null,
      note: row?.note ?? '',
    } satisfies EventValues,
    submit: save.mutateAsync,
    savedMessage: row ? 'Étape du plan modifiée.' : 'Étape du plan ajoutée.',
    failedMessage: (message) => `L’étape n’a pas été enregistrée : ${message}`,
    onSaved: onDone,
  });
  const options = memberOptions(members.data ?? [], row?.referentMemberId ? [row.referentMemberId] : []);
  const title = row ? 'Modifier l’étape' : 'Nouvelle étape du plan';

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="plan-kind" label="Étape" required error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              <option value="">— Choisir —</option>
              <CodeOptions items={CRISIS_PLAN_EVENTS} />
            </select>
          )}
        </Field>
        <Field id="plan-date" label="Date" required error={errors.occurredOn?.message}>
          {(a) => <input type="date" {...a} {...register('occurredOn')} />}
        </Field>
        <Field id="plan-referent" label="Référent (adhérent)" error={errors.referentMemberId?.message}>
          {(a) => (
            <Controller
              control={control}
              name="referentMemberId"
              render={({ field }) => (
                <MemberCombobox
                  control={a}
                  options={options}
                  value={field.value}
                  onChange={field.onChange}
                  listLabel="Adhérents proposés comme référent"
                />
              )}
            />
          )}
        </Field>
        <Field id="plan-note" label="Note" error={errors.note?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions
        pending={isSubmitting}
        submitLabel={row ? 'Enregistrer l’étape' : 'Ajouter l’étape'}
        onCancel={onDone}
        small
      />
    </form>
  );
}
