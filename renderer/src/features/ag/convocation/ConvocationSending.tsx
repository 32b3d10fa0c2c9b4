/** Sending the convocation: the letters and mails to export, then « convocation envoyée » recorded with its date and mode. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { AgState, MailsExportResult } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { type ConvocationMode } from '@shared/schemas/ag';
import { ApiCallError, errorMessage } from '../../../api';
import { useToast } from '../../../components/Toasts';
import { useUnsavedValuesGuard } from '../../../components/UnsavedChanges';
import { CONVOCATION_MODES, todayIso } from '../agLabels';
import { AgPdfButton } from '../AgPdfButton';
import { useAgMutation, useAgWrite } from '../queries';
import { PdfExportProgress } from '../../../components/PdfExportProgress';

export function ConvocationSending({ state }: { state: AgState }) {
  const toast = useToast();
  const exportPdf = useAgWrite('reports.exportConvocation');
  const exportMails = useAgWrite('ag.exportConvocationMails');
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
        <AgPdfButton
          write={exportPdf}
          meetingId={state.meetingId}
          label="Exporter la convocation (PDF)"
          saved="Convocation enregistrée"
          failed="La convocation n’a pas été exportée"
        />
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
