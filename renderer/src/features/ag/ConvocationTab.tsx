import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { Link } from 'react-router-dom';
import type { AgResolutionRow, AgState, MailsExportResult, MeetingDetail } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { resolutionSchema, type ConvocationMode } from '@shared/schemas/ag';
import type { z } from '@shared/zod-fr';
import { ApiCallError, errorMessage, useApiMutation, useApiQuery } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Loading, QueryError } from '../../components/Page';
import { applyServerErrors } from '../../components/serverErrors';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard, useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { CONVOCATION_MODES, exportToasts, looseResolutions, resolutionNumbers, todayIso } from './agLabels';
import { useAgMutation } from './useAgMutation';
import { PdfExportProgress } from '../../components/PdfExportProgress';

/** Tab « Convocation »: the ordre du jour with its resolutions, then the sending of the convocation. */
export function ConvocationTab({ state }: { state: AgState }) {
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  return (
    <div className="stack">
      {meeting.isPending ? (
        <Loading />
      ) : meeting.isError ? (
        <QueryError message={errorMessage(meeting.error)} onRetry={() => void meeting.refetch()} />
      ) : (
        <AgendaResolutions state={state} detail={meeting.data} />
      )}
      <ConvocationSending state={state} />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Ordre du jour and resolutions
// ---------------------------------------------------------------------------------------------------------------

type Editing = { resolution: AgResolutionRow } | { newFor: number | null } | null;

function AgendaResolutions({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const toast = useToast();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AgResolutionRow | null>(null);
  const remove = useAgMutation('ag.deleteResolution');
  const approved = state.pv.status === 'approuve';
  const numbers = resolutionNumbers(state.resolutions, detail.agenda);
  const loose = looseResolutions(state.resolutions, detail.agenda);

  const form = (agendaItemId: number | null, row: AgResolutionRow | null) => (
    <ResolutionForm
      key={row ? `r-${row.id}` : `new-${agendaItemId ?? 'x'}`}
      state={state}
      detail={detail}
      row={row}
      agendaItemId={agendaItemId}
      onDone={() => setEditing(null)}
    />
  );

  const list = (resolutions: AgResolutionRow[]) =>
    resolutions.length === 0 ? (
      <p className="muted small ag-no-resolution">Aucune résolution soumise au vote sur ce point.</p>
    ) : (
      <ul className="ag-resolution-list">
        {resolutions.map((resolution) =>
          editing && 'resolution' in editing && editing.resolution.id === resolution.id ? (
            <li key={resolution.id}>{form(resolution.agendaItemId, resolution)}</li>
          ) : (
            <li key={resolution.id} className="ag-resolution">
              <div className="ag-resolution-head">
                <h4 className="ag-resolution-title">
                  Résolution n° {numbers.get(resolution.id)} : {resolution.title}
                </h4>
                {!approved && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={`Modifier la résolution « ${resolution.title} »`}
                      onClick={() => setEditing({ resolution })}
                    >
                      Modifier
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      aria-label={`Supprimer la résolution « ${resolution.title} »`}
                      onClick={() => setDeleting(resolution)}
                    >
                      Supprimer
                    </button>
                  </span>
                )}
              </div>
              <p className="ag-resolution-text">{resolution.text}</p>
              <p className="ag-resolution-majority small">
                <span className="badge">{resolution.kindLabel}</span> {resolution.majorityLabel}
                {resolution.votes && <span className="muted"> · déjà votée</span>}
              </p>
            </li>
          ),
        )}
      </ul>
    );

  const addButton = (agendaItemId: number | null, label: string) =>
    editing && 'newFor' in editing && editing.newFor === agendaItemId
      ? form(agendaItemId, null)
      : !approved && (
          <button
            type="button"
            className="button button-small button-secondary"
            aria-label={label}
            onClick={() => setEditing({ newFor: agendaItemId })}
          >
            Ajouter une résolution
          </button>
        );

  return (
    <section aria-labelledby="ag-odj-titre">
      <div className="card-header">
        <h2 id="ag-odj-titre">Ordre du jour et résolutions</h2>
        <Link className="card-link" to={`/reunions/${state.meetingId}`}>
          Modifier les points de l’ordre du jour (page de la réunion)
        </Link>
      </div>
      {approved && (
        <p className="alert alert-warning">
          Le procès-verbal est approuvé : rouvrez-le en brouillon (onglet « Procès-verbal ») pour modifier les
          résolutions.
        </p>
      )}
      {detail.agenda.length === 0 ? (
        <p className="muted">
          L’ordre du jour est vide : ajoutez ses points sur{' '}
          <Link to={`/reunions/${state.meetingId}`}>la page de la réunion</Link>, puis revenez ici pour rédiger les
          résolutions.
        </p>
      ) : (
        <ol className="ag-agenda">
          {detail.agenda.map((item, index) => (
            <li key={item.id} className="ag-agenda-item">
              <h3 className="ag-agenda-title">
                <span className="ag-agenda-number">{index + 1}.</span> {item.title}
              </h3>
              {list(state.resolutions.filter((resolution) => resolution.agendaItemId === item.id))}
              <div className="ag-agenda-add">
                {addButton(item.id, `Ajouter une résolution au point ${index + 1} : ${item.title}`)}
              </div>
            </li>
          ))}
        </ol>
      )}
      {(loose.length > 0 || detail.agenda.length === 0) && (
        <div className="ag-agenda-item ag-loose">
          <h3 className="ag-agenda-title">Résolutions rattachées à aucun point</h3>
          {list(loose)}
          <div className="ag-agenda-add">{addButton(null, 'Ajouter une résolution rattachée à aucun point')}</div>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title="Supprimer la résolution ?"
          confirmLabel="Supprimer la résolution"
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { meetingId: state.meetingId, id: deleting.id },
              {
                onSuccess: () => {
                  toast.notify({ kind: 'success', message: `Résolution « ${deleting.title} » supprimée.` });
                  setDeleting(null);
                },
              },
            )
          }
        >
          <p>
            « {deleting.title} » sera retirée de l’ordre du jour{deleting.votes ? ', avec le résultat de son vote' : ''}
            . Cette action est définitive.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

type ResolutionData = z.output<typeof resolutionSchema>;
interface ResolutionValues {
  meetingId: number;
  id: string;
  agendaItemId: string;
  title: string;
  text: string;
  kind: string;
}
const resolver = zodResolver(resolutionSchema) as unknown as Resolver<ResolutionValues, unknown, ResolutionData>;
const FIELDS = ['title', 'text', 'kind', 'agendaItemId'] as const;

function ResolutionForm({
  state,
  detail,
  row,
  agendaItemId,
  onDone,
}: {
  state: AgState;
  detail: MeetingDetail;
  row: AgResolutionRow | null;
  agendaItemId: number | null;
  onDone: () => void;
}) {
  const toast = useToast();
  const save = useAgMutation('ag.saveResolution');
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = row ? `resolution-${row.id}` : `resolution-new-${agendaItemId ?? 'x'}`;
  const kinds = state.resolutionKinds;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ResolutionValues, unknown, ResolutionData>({
    resolver,
    defaultValues: {
      meetingId: state.meetingId,
      id: row ? String(row.id) : '',
      agendaItemId: agendaItemId === null ? '' : String(agendaItemId),
      title: row?.title ?? '',
      text: row?.text ?? '',
      kind: row?.kind ?? (kinds.some((kind) => kind.code === 'ordinaire') ? 'ordinaire' : (kinds[0]?.code ?? '')),
    },
  });
  useUnsavedChangesGuard(isDirty);

  const onValid = async (data: ResolutionData) => {
    setFormError(null);
    try {
      await save.mutateAsync(data);
      toast.notify({
        kind: 'success',
        message: row ? 'Résolution modifiée.' : `Résolution « ${data.title} » ajoutée.`,
      });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS).message);
    }
  };

  const title = row ? 'Modifier la résolution' : 'Nouvelle résolution';
  return (
    <form className="subform ag-resolution-form" onSubmit={handleSubmit(onValid)} noValidate aria-label={title}>
      <h4>{title}</h4>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid">
        <Field id={`${prefix}-title`} label="Intitulé de la résolution" required wide error={errors.title?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('title')} />}
        </Field>
        <Field
          id={`${prefix}-text`}
          label="Texte soumis au vote"
          required
          wide
          error={errors.text?.message}
          hint="Par exemple : « L’assemblée générale approuve les comptes de l’exercice 2025. »"
        >
          {(a) => <textarea rows={3} {...a} {...register('text')} />}
        </Field>
        <Field id={`${prefix}-kind`} label="Type de résolution" required error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              {kinds.map((kind) => (
                <option key={kind.code} value={kind.code}>
                  {kind.label} — {kind.majorityLabel}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-agenda`} label="Point de l’ordre du jour" error={errors.agendaItemId?.message}>
          {(a) => (
            <select {...a} {...register('agendaItemId')}>
              <option value="">— Aucun point —</option>
              {detail.agenda.map((item, index) => (
                <option key={item.id} value={String(item.id)}>
                  {index + 1}. {item.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {row?.votes && (
        <p className="muted small">
          Cette résolution a déjà été votée : pour en changer le texte ou le type, effacez d’abord le vote (onglet «
          Votes »).
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onDone} disabled={isSubmitting}>
          Annuler
        </button>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Enregistrement…' : row ? 'Enregistrer la résolution' : 'Ajouter la résolution'}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sending the convocation
// ---------------------------------------------------------------------------------------------------------------

function ConvocationSending({ state }: { state: AgState }) {
  const toast = useToast();
  const exportPdf = useApiMutation('reports.exportConvocation', { invalidate: false });
  const exportMails = useApiMutation('ag.exportConvocationMails', { invalidate: false });
  const [mails, setMails] = useState<Extract<MailsExportResult, { saved: true }> | null>(null);
  const { convocation } = state;

  const onMails = () =>
    exportMails.mutate(
      { meetingId: state.meetingId },
      {
        onSuccess: (result) => {
          if (result.saved) {
            setMails(result);
            toast.notify({
              kind: 'success',
              message: `${plural(result.count, 'courriel préparé', 'courriels préparés')} : ${result.folder}`,
            });
          } else toast.notify({ kind: 'info', message: 'Export annulé : aucun courriel n’a été préparé.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Les courriels n’ont pas été préparés : ${errorMessage(error)}` }),
      },
    );

  return (
    <section aria-labelledby="ag-envoi-titre" className="ag-sending">
      <h2 id="ag-envoi-titre">Envoi de la convocation</h2>
      <ul className="ag-reminders">
        <li>
          Délai de convocation : au moins {plural(convocation.requiredDays, 'jour')} avant la séance
          {state.round === 2 ? ' (deuxième convocation)' : ''}.
        </li>
        {state.rules.reminders.map((reminder) => (
          <li key={reminder}>{reminder}</li>
        ))}
        <li>
          {plural(convocation.recipients, 'membre à convoquer', 'membres à convoquer')}
          {convocation.withoutEmail > 0
            ? `, dont ${plural(convocation.withoutEmail, 'membre', 'membres')} sans adresse électronique (à convoquer par courrier ou en main propre)`
            : ''}
          .
        </li>
      </ul>
      {convocation.delayProblem && (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">Délai de convocation</p>
          <p>{convocation.delayProblem}</p>
        </div>
      )}
      <div className="page-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={exportPdf.isPending}
          onClick={() =>
            exportPdf.mutate(
              { meetingId: state.meetingId },
              exportToasts(toast.notify, {
                saved: 'Convocation enregistrée',
                failed: 'La convocation n’a pas été exportée',
              }),
            )
          }
        >
          {exportPdf.isPending ? 'Génération du PDF…' : 'Exporter la convocation (PDF)'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={exportMails.isPending}
          aria-describedby="ag-mails-aide"
          onClick={onMails}
        >
          {exportMails.isPending ? 'Préparation des courriels…' : 'Préparer les courriels (.eml)'}
        </button>
      </div>
      <PdfExportProgress pending={exportPdf.isPending} />
      <p id="ag-mails-aide" className="muted small">
        Un fichier .eml par membre, avec la convocation (PDF) et l’invitation d’agenda (.ics) en pièces jointes :
        ouvrez-les avec votre messagerie pour les envoyer. Rien n’est envoyé par Maillage.
      </p>
      {mails && (
        <div className="ag-result" role="status">
          <p className="alert-title">{plural(mails.count, 'courriel prêt', 'courriels prêts')} à envoyer</p>
          <p>
            Dossier : <span className="path">{mails.folder}</span>
          </p>
          {mails.sender ? (
            <p>Expéditeur : {mails.sender} (adresse de la CPTS dans Ma CPTS).</p>
          ) : (
            <p className="ag-warning">
              Aucune adresse de la CPTS n’est renseignée dans <Link to="/cpts">Ma CPTS</Link> : votre messagerie
              demandera l’expéditeur à l’envoi.
            </p>
          )}
          <p className="muted small">
            Outlook ouvre chaque fichier comme un brouillon prêt à envoyer ; avec Thunderbird, ouvrez-le puis choisissez
            « Modifier en tant que nouveau message ».
          </p>
          {mails.withoutEmail.length > 0 ? (
            <>
              <p>
                Sans adresse électronique, à convoquer par courrier ou en main propre (liste aussi enregistrée dans le
                dossier) :
              </p>
              <ul>
                {mails.withoutEmail.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Tous les membres convoqués ont une adresse électronique.</p>
          )}
        </div>
      )}
      <ConvocationSentForm state={state} />
    </section>
  );
}

function ConvocationSentForm({ state }: { state: AgState }) {
  const toast = useToast();
  const mark = useAgMutation('ag.markConvocationSent');
  const { convocation } = state;
  const approved = state.pv.status === 'approuve';
  const [editingNow, setEditing] = useState(convocation.sentOn === null);
  // Once the PV is approved, the main process refuses any change to the convocation.
  const editing = editingNow && !approved;
  const [sentOn, setSentOn] = useState(() => convocation.sentOn ?? (todayIso() < state.date ? todayIso() : state.date));
  const [mode, setMode] = useState<ConvocationMode>((convocation.mode as ConvocationMode | null) ?? 'courriel');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useUnsavedValuesGuard([sentOn, mode], editing && convocation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    try {
      await mark.mutateAsync({ meetingId: state.meetingId, sentOn, mode });
      toast.notify({ kind: 'success', message: 'Envoi de la convocation enregistré.' });
      setEditing(false);
    } catch (e) {
      if (e instanceof ApiCallError) setFields(e.fields);
      setError(errorMessage(e));
    }
  };

  return (
    <div className="ag-sent">
      <h3>Date et mode d’envoi</h3>
      {convocation.sentOn && !editing && (
        <p className="ag-sent-recorded">
          <span className="badge badge-ok">Envoyée</span> Convocation envoyée le {formatDateLong(convocation.sentOn)}
          {convocation.modeLabel ? ` ${convocation.modeLabel}` : ''}.{' '}
          {!approved && (
            <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
              Modifier
            </button>
          )}
        </p>
      )}
      {!convocation.sentOn && approved && <p className="muted">L’envoi de la convocation n’a pas été enregistré.</p>}
      {editing && (
        <form
          className="ag-inline-form"
          onSubmit={(event) => void onSubmit(event)}
          noValidate
          aria-label="Envoi de la convocation"
        >
          {error && (
            <div className="alert alert-error ag-form-error" role="alert">
              {error}
            </div>
          )}
          <div className={`field${fields.sentOn ? ' field-invalid' : ''}`}>
            <label htmlFor="ag-sent-on">Convocation envoyée le</label>
            <input
              id="ag-sent-on"
              type="date"
              value={sentOn}
              max={state.date}
              aria-invalid={Boolean(fields.sentOn)}
              onChange={(event) => setSentOn(event.target.value)}
            />
            {fields.sentOn && <p className="field-error">{fields.sentOn}</p>}
          </div>
          <div className={`field${fields.mode ? ' field-invalid' : ''}`}>
            <label htmlFor="ag-sent-mode">Mode d’envoi</label>
            <select
              id="ag-sent-mode"
              value={mode}
              aria-invalid={Boolean(fields.mode)}
              onChange={(event) => setMode(event.target.value as ConvocationMode)}
            >
              {CONVOCATION_MODES.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.label}
                </option>
              ))}
            </select>
            {fields.mode && <p className="field-error">{fields.mode}</p>}
          </div>
          <button type="submit" className="button" disabled={mark.isPending}>
            {mark.isPending ? 'Enregistrement…' : 'Enregistrer l’envoi'}
          </button>
          {convocation.sentOn && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setEditing(false)}
              disabled={mark.isPending}
            >
              Annuler
            </button>
          )}
        </form>
      )}
    </div>
  );
}
