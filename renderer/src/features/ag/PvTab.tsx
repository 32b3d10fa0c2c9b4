import { useState, type FormEvent } from 'react';
import type { AgResolutionRow, AgState, MeetingDetail } from '@shared/contract';
import { formatDateLong, plural } from '@shared/format';
import { ApiCallError, errorMessage, useApiMutation, useApiQuery, useMembers } from '../../api';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard, useUnsavedValuesGuard } from '../../components/UnsavedChanges';
import { withoutPrefix } from '../meetings/labels';
import {
  defaultApprovalDate,
  exportToasts,
  looseResolutions,
  numberedResolutions,
  resolutionNumbers,
  resultBadgeClass,
  resultLabel,
  todayIso,
  useRefreshAfterPv,
} from './agLabels';
import { useAgMutation } from './useAgMutation';
import { FormalitiesList } from './FormalitiesList';
import { PdfExportProgress } from '../../components/PdfExportProgress';

/** Tab « Procès-verbal »: officers, summary of the debates per point, results, closing time, approval, formalities. */
export function PvTab({ state }: { state: AgState }) {
  const meeting = useApiQuery('meetings.get', [{ id: state.meetingId }]);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return <QueryError message={errorMessage(meeting.error)} onRetry={() => void meeting.refetch()} />;
  return <PvWorkspace state={state} detail={meeting.data} />;
}

function PvWorkspace({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const approved = state.pv.status === 'approuve';
  const present = state.voters.filter((voter) => voter.present).length;
  const represented = state.proxies.filter((proxy) => proxy.counted).length;
  return (
    <div className="stack">
      <PvStatus state={state} detail={detail} />
      <p className="muted small">
        {plural(present, 'membre votant présent', 'membres votants présents')},{' '}
        {plural(represented, 'membre représenté', 'membres représentés')} sur{' '}
        {plural(state.voters.length, 'membre votant', 'membres votants')}. Les présences et les pouvoirs se saisissent
        dans l’onglet « Émargement en direct », les résultats dans l’onglet « Votes ».
      </p>
      <Officers state={state} disabled={approved} />
      <Debates state={state} detail={detail} disabled={approved} />
      <ClosingTime detail={detail} disabled={approved} />
      {state.formalities.length > 0 && (
        <section aria-labelledby="ag-formalites-titre">
          <h2 id="ag-formalites-titre">Formalités après l’assemblée</h2>
          <FormalitiesList formalities={state.formalities} />
        </section>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Status, exports, approval
// ---------------------------------------------------------------------------------------------------------------

function PvStatus({ state, detail }: { state: AgState; detail: MeetingDetail }) {
  const toast = useToast();
  const exportPv = useApiMutation('reports.exportPv', { invalidate: false });
  const exportSheet = useApiMutation('reports.exportAttendanceSheet', { invalidate: false });
  const reopen = useAgMutation('ag.reopenPv');
  const refresh = useRefreshAfterPv();
  const [approving, setApproving] = useState(false);
  const [reopening, setReopening] = useState(false);
  const approved = state.pv.status === 'approuve';

  return (
    <section aria-labelledby="ag-pv-titre" className="ag-pv-status">
      <div className="card-header">
        <h2 id="ag-pv-titre">Procès-verbal</h2>
        <p className="ag-pv-state">
          <span className="muted">Statut :</span>{' '}
          {approved ? (
            <span className="badge badge-ok">
              Approuvé{state.pv.approvedOn ? ` le ${formatDateLong(state.pv.approvedOn)}` : ''}
            </span>
          ) : (
            <span className="badge badge-warn">Brouillon</span>
          )}
        </p>
      </div>
      {approved && (
        <>
          <p className="muted small">
            Procès-verbal approuvé : la séance ne peut plus être modifiée. Rouvrez-le en brouillon pour corriger.
          </p>
          <p className="muted small">
            Le PV exporté garde les noms tels qu’au jour de l’approbation, même si un membre est renommé ou anonymisé
            ensuite.
          </p>
        </>
      )}
      <div className="page-actions">
        {approved ? (
          <button type="button" className="button button-secondary" onClick={() => setReopening(true)}>
            Rouvrir en brouillon
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setApproving(true)}>
            Approuver le procès-verbal
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={exportPv.isPending}
          onClick={() =>
            exportPv.mutate(
              { meetingId: state.meetingId },
              exportToasts(toast.notify, {
                saved: 'Procès-verbal enregistré',
                failed: 'Le procès-verbal n’a pas été exporté',
              }),
            )
          }
        >
          {exportPv.isPending ? 'Génération du PDF…' : 'Exporter le PV (PDF)'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={exportSheet.isPending}
          onClick={() =>
            exportSheet.mutate(
              { meetingId: state.meetingId },
              exportToasts(toast.notify, {
                saved: 'Feuille d’émargement enregistrée',
                failed: 'La feuille d’émargement n’a pas été exportée',
              }),
            )
          }
        >
          {exportSheet.isPending ? 'Génération du PDF…' : 'Exporter la feuille d’émargement (PDF)'}
        </button>
      </div>
      <PdfExportProgress pending={exportPv.isPending || exportSheet.isPending} />
      {approving && <ApproveDialog state={state} detail={detail} onClose={() => setApproving(false)} />}
      {reopening && (
        <ConfirmDialog
          title="Rouvrir le procès-verbal en brouillon ?"
          confirmLabel="Rouvrir en brouillon"
          busy={reopen.isPending}
          error={reopen.error ? errorMessage(reopen.error) : null}
          onCancel={() => {
            reopen.reset();
            setReopening(false);
          }}
          onConfirm={() =>
            reopen.mutate(
              { meetingId: state.meetingId },
              {
                onSuccess: () => {
                  void refresh(state.meetingId);
                  toast.notify({ kind: 'success', message: 'Procès-verbal rouvert en brouillon.' });
                  setReopening(false);
                },
              },
            )
          }
        >
          <p>
            Le procès-verbal redevient un brouillon : la séance, les résolutions et les votes pourront de nouveau être
            modifiés. Les formalités déjà listées restent à suivre. Il faudra l’approuver à nouveau.
          </p>
          <p>
            Le PV approuvé gardait les noms tels qu’au jour de l’approbation ; rouvert, il reprend les noms actuels des
            membres (renommés ou anonymisés depuis).
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ApproveDialog({ state, detail, onClose }: { state: AgState; detail: MeetingDetail; onClose: () => void }) {
  const toast = useToast();
  const approve = useAgMutation('ag.approvePv');
  const refresh = useRefreshAfterPv();
  const [today] = useState(todayIso);
  const [approvedOn, setApprovedOn] = useState(() => defaultApprovalDate(state.date, today));
  const notHeldYet = state.date > today;
  const unvoted = numberedResolutions(state.resolutions, detail.agenda).filter(
    ({ resolution }) => resolution.votes === null,
  );
  const [dirigeantsChanged, setDirigeantsChanged] = useState(false);
  const [statutsChanged, setStatutsChanged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useUnsavedValuesGuard([approvedOn, dirigeantsChanged, statutsChanged]);
  const missingOfficers = !state.officers.presidentMemberId || !state.officers.secretaireMemberId;

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setFields({});
    try {
      const next = await approve.mutateAsync({
        meetingId: state.meetingId,
        approvedOn,
        dirigeantsChanged,
        statutsChanged,
      });
      void refresh(state.meetingId);
      const count = next.formalities.filter((formality) => !formality.doneOn).length;
      toast.notify({
        kind: 'success',
        message: `Procès-verbal approuvé le ${formatDateLong(approvedOn)}. ${plural(count, 'formalité', 'formalités')} à accomplir.`,
      });
      onClose();
    } catch (e) {
      if (e instanceof ApiCallError) setFields(e.fields);
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog
      title="Approuver le procès-verbal"
      onClose={onClose}
      busy={approve.isPending}
      initialFocus="#ag-approve-date"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={approve.isPending}>
            Annuler
          </button>
          <button type="button" className="button" disabled={approve.isPending} onClick={() => void onSubmit()}>
            {approve.isPending ? 'Approbation…' : 'Approuver le procès-verbal'}
          </button>
        </>
      }
    >
      <form id="ag-approve-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p>
          Une fois le procès-verbal approuvé, la séance ne peut plus être modifiée (réunion, ordre du jour et
          résolutions, convocation, présences, pouvoirs, votes, bureau de séance) : il faut le rouvrir en brouillon pour
          corriger.
        </p>
        {notHeldYet && (
          <p className="alert alert-warning">
            L’assemblée n’a pas encore eu lieu (elle est prévue le {formatDateLong(state.date)}) : son procès-verbal ne
            pourra être approuvé qu’après la séance.
          </p>
        )}
        {missingOfficers && (
          <p className="alert alert-warning">
            Le président et le secrétaire de séance signent le procès-verbal : désignez-les d’abord.
          </p>
        )}
        {unvoted.length > 0 && (
          <div className="alert alert-warning">
            <p id="ag-approve-unvoted" className="alert-title">
              {unvoted.length === 1 ? 'Résolution sans vote enregistré' : 'Résolutions sans vote enregistré'} :
            </p>
            <ul aria-labelledby="ag-approve-unvoted">
              {unvoted.map(({ resolution, number }) => (
                <li key={resolution.id}>
                  Résolution n° {number} : {resolution.title}
                </li>
              ))}
            </ul>
            <p>
              Le procès-verbal{' '}
              {unvoted.length === 1 ? 'la mentionnera comme non votée' : 'les mentionnera comme non votées'}. Vous
              pouvez approuver quand même, ou saisir d’abord les résultats dans l’onglet « Votes ».
            </p>
          </div>
        )}
        <div className={`field${fields.approvedOn ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-approve-date">Date d’approbation</label>
          <input
            id="ag-approve-date"
            type="date"
            value={approvedOn}
            min={state.date}
            max={notHeldYet ? undefined : today}
            aria-invalid={Boolean(fields.approvedOn)}
            onChange={(event) => setApprovedOn(event.target.value)}
          />
          {fields.approvedOn && <p className="field-error">{fields.approvedOn}</p>}
        </div>
        <fieldset className="ag-approve-changes">
          <legend>Ce qu’a décidé l’assemblée</legend>
          <label className="field-checkbox">
            <input
              type="checkbox"
              checked={dirigeantsChanged}
              onChange={(event) => setDirigeantsChanged(event.target.checked)}
            />{' '}
            L’assemblée a changé des dirigeants
          </label>
          <label className="field-checkbox">
            <input
              type="checkbox"
              checked={statutsChanged}
              onChange={(event) => setStatutsChanged(event.target.checked)}
            />{' '}
            L’assemblée a modifié les statuts ou le siège
          </label>
        </fieldset>
        <p className="muted small">
          Les formalités qui suivent seront listées avec leur échéance : signature et classement du procès-verbal (1
          mois) ; en cas de changement de dirigeants, de statuts ou de siège, déclaration au greffe des associations et
          inscription au registre spécial (3 mois après l’assemblée).
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Officers
// ---------------------------------------------------------------------------------------------------------------

function Officers({ state, disabled }: { state: AgState; disabled: boolean }) {
  const toast = useToast();
  const members = useMembers();
  const save = useAgMutation('ag.setOfficers');
  const [president, setPresident] = useState(
    state.officers.presidentMemberId ? String(state.officers.presidentMemberId) : '',
  );
  const [secretaire, setSecretaire] = useState(
    state.officers.secretaireMemberId ? String(state.officers.secretaireMemberId) : '',
  );
  const [error, setError] = useState<string | null>(null);
  const dirty =
    president !== (state.officers.presidentMemberId ? String(state.officers.presidentMemberId) : '') ||
    secretaire !== (state.officers.secretaireMemberId ? String(state.officers.secretaireMemberId) : '');
  useUnsavedChangesGuard(dirty);

  const presentVoters = state.voters.filter((voter) => voter.present);
  const presentIds = new Set(presentVoters.map((voter) => voter.id));
  const others = (members.data ?? []).filter((member) => member.active && !member.erased && !presentIds.has(member.id));
  const known = new Set([...presentIds, ...others.map((member) => member.id)]);
  const nameOf = (id: number) =>
    state.voters.find((voter) => voter.id === id)?.name ??
    state.nonVoters.find((other) => other.id === id)?.name ??
    `Membre n° ${id}`;

  const options = (current: string) => (
    <>
      <option value="">— À désigner —</option>
      {presentVoters.length > 0 && (
        <optgroup label="Membres votants présents">
          {presentVoters.map((voter) => (
            <option key={voter.id} value={String(voter.id)}>
              {voter.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={presentVoters.length > 0 ? 'Autres membres' : 'Membres'}>
        {current && !known.has(Number(current)) && <option value={current}>{nameOf(Number(current))}</option>}
        {others.map((member) => (
          <option key={member.id} value={String(member.id)}>
            {member.displayName}
          </option>
        ))}
      </optgroup>
    </>
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save.mutateAsync({
        meetingId: state.meetingId,
        presidentMemberId: president || null,
        secretaireMemberId: secretaire || null,
      });
      toast.notify({ kind: 'success', message: 'Président et secrétaire de séance enregistrés.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="ag-bureau-titre">
      <h2 id="ag-bureau-titre">Bureau de séance</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <form className="ag-inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor="ag-president">Président·e de séance</label>
          <select
            id="ag-president"
            value={president}
            disabled={disabled}
            onChange={(event) => setPresident(event.target.value)}
          >
            {options(president)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ag-secretaire">Secrétaire de séance</label>
          <select
            id="ag-secretaire"
            value={secretaire}
            disabled={disabled}
            onChange={(event) => setSecretaire(event.target.value)}
          >
            {options(secretaire)}
          </select>
        </div>
        {!disabled && (
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer le bureau de séance'}
          </button>
        )}
        {dirty && <span className="muted small">Modifications non enregistrées.</span>}
      </form>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Debates and results, per point of the ordre du jour
// ---------------------------------------------------------------------------------------------------------------

function Debates({ state, detail, disabled }: { state: AgState; detail: MeetingDetail; disabled: boolean }) {
  const toast = useToast();
  const save = useApiMutation('meetings.saveAgenda');
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const numbers = resolutionNumbers(state.resolutions, detail.agenda);
  const loose = looseResolutions(state.resolutions, detail.agenda);
  const textOf = (item: MeetingDetail['agenda'][number]) => drafts[item.id] ?? item.minutes ?? '';
  const dirty = detail.agenda.some((item) => textOf(item) !== (item.minutes ?? ''));
  useUnsavedChangesGuard(dirty);

  const onSave = async () => {
    setError(null);
    try {
      // The agenda is saved as a whole: every point goes back with its id and title, only the summaries change.
      await save.mutateAsync({
        meetingId: detail.id,
        items: detail.agenda.map((item) => ({ id: item.id, title: item.title, minutes: textOf(item) })),
      });
      setDrafts({});
      toast.notify({ kind: 'success', message: 'Synthèse des débats enregistrée.' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const results = (resolutions: AgResolutionRow[]) =>
    resolutions.length > 0 && (
      <ul className="ag-resolution-list">
        {resolutions.map((resolution) => (
          <li key={resolution.id} className="ag-resolution">
            <div className="ag-resolution-head">
              <h4 className="ag-resolution-title">
                Résolution n° {numbers.get(resolution.id)} : {resolution.title}
              </h4>
              <span className={resultBadgeClass(resolution)}>{resultLabel(resolution)}</span>
            </div>
            <p className="ag-resolution-majority small">
              <span className="badge">{resolution.kindLabel}</span> {resolution.majorityLabel}
            </p>
            {resolution.arithmetic ? (
              <p className="ag-arithmetic small">{resolution.arithmetic}</p>
            ) : (
              <p className="muted small">Pas encore de vote enregistré (onglet « Votes »).</p>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="ag-debats-titre">
      <h2 id="ag-debats-titre">Débats et résolutions</h2>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {detail.agenda.length === 0 ? (
        <p className="muted">L’ordre du jour est vide : ajoutez ses points sur la page de la réunion.</p>
      ) : (
        <ol className="ag-agenda">
          {detail.agenda.map((item, index) => (
            <li key={item.id} className="ag-agenda-item">
              <h3 className="ag-agenda-title">
                <span className="ag-agenda-number">{index + 1}.</span> {item.title}
              </h3>
              <div className="field field-wide">
                <label htmlFor={`ag-debats-${item.id}`}>{`Synthèse des débats — point ${index + 1}`}</label>
                <textarea
                  id={`ag-debats-${item.id}`}
                  rows={4}
                  value={textOf(item)}
                  readOnly={disabled}
                  onChange={(event) => setDrafts((current) => ({ ...current, [item.id]: event.target.value }))}
                />
              </div>
              {results(state.resolutions.filter((resolution) => resolution.agendaItemId === item.id))}
            </li>
          ))}
        </ol>
      )}
      {loose.length > 0 && (
        <div className="ag-agenda-item ag-loose">
          <h3 className="ag-agenda-title">Autres résolutions</h3>
          {results(loose)}
        </div>
      )}
      {detail.agenda.length > 0 && !disabled && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void onSave()} disabled={save.isPending || !dirty}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer la synthèse des débats'}
          </button>
          {dirty && <span className="muted small">Modifications non enregistrées.</span>}
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Closing time (the meeting's end time)
// ---------------------------------------------------------------------------------------------------------------

function ClosingTime({ detail, disabled }: { detail: MeetingDetail; disabled: boolean }) {
  const toast = useToast();
  const update = useApiMutation('meetings.update');
  const [endTime, setEndTime] = useState(detail.data.endTime ?? '');
  const [error, setError] = useState<string | null>(null);
  const dirty = endTime !== (detail.data.endTime ?? '');
  useUnsavedChangesGuard(dirty);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await update.mutateAsync({ id: detail.id, data: { ...detail.data, endTime: endTime || null } });
      toast.notify({
        kind: 'success',
        message: endTime ? 'Heure de clôture enregistrée.' : 'Heure de clôture effacée.',
      });
    } catch (e) {
      const fixed = withoutPrefix(e, 'data.');
      setError(fixed instanceof ApiCallError ? (fixed.fields.endTime ?? fixed.message) : errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="ag-cloture-titre">
      <h2 id="ag-cloture-titre">Clôture de la séance</h2>
      <form className="ag-inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="ag-cloture">Heure de clôture</label>
          <input
            id="ag-cloture"
            type="time"
            value={endTime}
            readOnly={disabled}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'ag-cloture-erreur' : 'ag-cloture-aide'}
            onChange={(event) => setEndTime(event.target.value)}
          />
          {error && (
            <p id="ag-cloture-erreur" className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {!disabled && (
          <button type="submit" className="button button-secondary" disabled={update.isPending || !dirty}>
            {update.isPending ? 'Enregistrement…' : 'Enregistrer l’heure de clôture'}
          </button>
        )}
      </form>
      <p id="ag-cloture-aide" className="muted small">
        C’est l’heure de fin de la réunion : le procès-verbal indique « L’ordre du jour étant épuisé, la séance est
        levée à … ».
      </p>
    </section>
  );
}
