import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import {
  type ProtocolDetail,
  type ProtocolSessionDocument,
  type ProtocolSessionRow,
  protocolSessionSchema,
} from '@shared/contract';
import { PROTOCOL_SESSION_KINDS } from '@shared/domain/protocol-labels';
import { formatDateLong, plural, toIsoDate } from '@shared/format';
import { errorMessage } from '../../../api';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
import { OpenDocumentButton } from '../../../components/OpenDocumentButton';
import { useToast } from '../../../components/Toasts';
import { Field } from '../../../components/Field';
import { FormActions, FormError } from '../../../components/FormActions';
import { Loading, QueryError } from '../../../components/Page';
import { useContractForm } from '../../../components/useContractForm';
import { CodeOptions } from '../../meetings/CodeOptions';
import { useMeetings } from '../../meetings/queries';
import { useProtocolSessions, useProtocolTeamWrite } from './queries';
import './team.css';

/** Where the protocol was presented, taught or handed out: date, kind, version, meeting (its attendance), public. */
export function SessionsSection({ protocol }: { protocol: ProtocolDetail }) {
  const sessions = useProtocolSessions(protocol.id);
  const [editing, setEditing] = useState<ProtocolSessionRow | 'new' | null>(null);
  const remove = useConfirmedDelete(useProtocolTeamWrite('protocolSessions.delete'), {
    title: (row: ProtocolSessionRow) => `Supprimer la séance du ${formatDateLong(row.heldOn)} ?`,
    body: (row) => (
      <p>
        La {row.kindLabel.toLocaleLowerCase('fr-FR')} sera retirée du protocole
        {row.meetingTitle ? ` ; la réunion « ${row.meetingTitle} » reste au calendrier.` : '.'}
      </p>
    ),
    input: (row) => ({ id: row.id }),
    confirmLabel: 'Supprimer la séance',
    deletedMessage: () => 'Séance supprimée.',
  });
  const toast = useToast();
  const attach = useProtocolTeamWrite('protocolSessions.addDocument');
  const detach = useConfirmedDelete(useProtocolTeamWrite('protocolSessions.deleteDocument'), {
    title: (doc: ProtocolSessionDocument) => `Retirer « ${doc.title ?? doc.fileName} » ?`,
    body: () => <p>Le support sera retiré de la séance et supprimé de Maillage s’il ne sert nulle part ailleurs.</p>,
    input: (doc) => ({ id: doc.id }),
    confirmLabel: 'Retirer le support',
    deletedMessage: () => 'Support retiré.',
  });
  const onAttach = (row: ProtocolSessionRow) =>
    attach.mutate(
      { sessionId: row.id },
      {
        onSuccess: (result) => {
          if (!('cancelled' in result)) toast.notify({ kind: 'success', message: 'Support joint à la séance.' });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `Le support n’a pas été joint : ${errorMessage(error)}` }),
      },
    );
  return (
    <section className="card" aria-labelledby="protocole-seances-titre">
      <h2 id="protocole-seances-titre">Présentations et formations</h2>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryError message={errorMessage(sessions.error)} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          rows={sessions.data}
          rowKey={(row) => row.id}
          compact
          aria-labelledby="protocole-seances-titre"
          empty="Aucune séance enregistrée. Notez chaque présentation, formation ou diffusion du protocole, avec la réunion où elle a eu lieu."
          columns={[
            { header: 'Date', rowHeader: true, className: 'nowrap', cell: (row) => formatDateLong(row.heldOn) },
            { header: 'Type', cell: (row) => row.kindLabel },
            {
              header: 'Version',
              className: 'nowrap',
              cell: (row) => (row.versionNumber ? `Version ${row.versionNumber}` : '—'),
            },
            {
              header: 'Réunion',
              cell: (row) => (row.meetingId ? <Link to={`/reunions/${row.meetingId}`}>{row.meetingTitle}</Link> : '—'),
            },
            { header: 'Public', cell: (row) => row.audience ?? '—' },
            { header: 'Participants', className: 'num', cell: attendanceText },
            {
              header: 'Supports',
              cell: (row) =>
                row.documents.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {row.documents.map((doc) => (
                      <li key={doc.id}>
                        {doc.title ?? doc.fileName}{' '}
                        <OpenDocumentButton target={{ documentId: doc.documentId }} name={doc.title ?? doc.fileName} />{' '}
                        <button
                          type="button"
                          className="button button-small button-ghost"
                          onClick={() => detach.ask(doc)}
                          aria-label={`Retirer ${doc.title ?? doc.fileName}`}
                        >
                          Retirer
                        </button>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
          actionsClassName="row-actions"
          actions={(row) => (
            <>
              <button
                type="button"
                className="button button-small button-ghost"
                disabled={attach.isPending}
                onClick={() => onAttach(row)}
                aria-label={`Joindre un support à la séance du ${formatDateLong(row.heldOn)}`}
              >
                Joindre un support…
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => setEditing(row)}
                aria-label={`Modifier la séance du ${formatDateLong(row.heldOn)}`}
              >
                Modifier
              </button>
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => remove.ask(row)}
                aria-label={`Supprimer la séance du ${formatDateLong(row.heldOn)}`}
              >
                Supprimer
              </button>
            </>
          )}
        />
      )}
      {editing ? (
        <SessionForm
          key={editing === 'new' ? 'nouvelle' : editing.id}
          protocol={protocol}
          row={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            Ajouter une séance
          </button>
        </div>
      )}
      {remove.dialog}
      {detach.dialog}
    </section>
  );
}

/** « 12 présents (réunion) » from the linked meeting, the typed number otherwise. */
function attendanceText(row: ProtocolSessionRow) {
  if (row.attendance === null) return '—';
  return row.attendanceSource === 'reunion'
    ? `${plural(row.attendance, 'présent')} à la réunion`
    : String(row.attendance);
}

interface SessionValues {
  kind: string;
  heldOn: string;
  versionId: string;
  meetingId: string;
  audience: string;
  attendees: string;
  note: string;
}

function SessionForm({
  protocol,
  row,
  onDone,
}: {
  protocol: ProtocolDetail;
  row: ProtocolSessionRow | null;
  onDone: () => void;
}) {
  const meetings = useMeetings({});
  const save = useProtocolTeamWrite('protocolSessions.save');
  const { register, control, onSubmit, formError, errors, isSubmitting } = useContractForm({
    schema: protocolSessionSchema,
    defaultValues: {
      kind: row?.kind ?? 'presentation',
      heldOn: row?.heldOn ?? toIsoDate(new Date()),
      versionId: String(row?.versionId ?? protocol.currentVersionId ?? ''),
      meetingId: row?.meetingId ? String(row.meetingId) : '',
      audience: row?.audience ?? '',
      attendees: row?.attendees === null || row?.attendees === undefined ? '' : String(row.attendees),
      note: row?.note ?? '',
    } satisfies SessionValues,
    prepare: (values: SessionValues) => ({
      ...values,
      id: row?.id ?? null,
      protocolId: protocol.id,
      attendees: values.meetingId || values.attendees.trim() === '' ? null : Number(values.attendees.trim()),
    }),
    submit: (data) => save.mutateAsync(data),
    savedMessage: (saved) => `${saved.kindLabel} du ${formatDateLong(saved.heldOn)} enregistrée.`,
    onSaved: onDone,
  });
  const meetingId = useWatch({ control, name: 'meetingId' });
  const meetingRows = [...(meetings.data ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  const title = row ? `Séance du ${formatDateLong(row.heldOn)}` : 'Nouvelle séance';
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="seance-type" label="Type de séance" required error={errors.kind?.message}>
          {(a) => (
            <select {...a} {...register('kind')}>
              <CodeOptions items={PROTOCOL_SESSION_KINDS} />
            </select>
          )}
        </Field>
        <Field id="seance-date" label="Date" required error={errors.heldOn?.message}>
          {(a) => <input type="date" {...a} {...register('heldOn')} />}
        </Field>
        <Field id="seance-version" label="Version présentée" error={errors.versionId?.message}>
          {(a) => (
            <select {...a} {...register('versionId')}>
              <option value="">— Non précisée —</option>
              {protocol.versions.map((version) => (
                <option key={version.id} value={String(version.id)}>
                  Version {version.number} — {version.statusLabel}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="seance-reunion"
          label="Réunion"
          hint="Les présents de la réunion sont comptés comme participants."
          error={errors.meetingId?.message}
        >
          {(a) => (
            <select {...a} {...register('meetingId')}>
              <option value="">— Aucune —</option>
              {meetingRows.map((meeting) => (
                <option key={meeting.id} value={String(meeting.id)}>
                  {formatDateLong(meeting.date)} — {meeting.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="seance-public" label="Public" hint="Pharmaciens du secteur nord…" error={errors.audience?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('audience')} />}
        </Field>
        {meetingId ? (
          <div className="field-spacer" aria-hidden="true" />
        ) : (
          <Field id="seance-participants" label="Nombre de participants" error={errors.attendees?.message}>
            {(a) => (
              <input type="text" inputMode="numeric" className="number-input" {...a} {...register('attendees')} />
            )}
          </Field>
        )}
        <Field id="seance-note" label="Note" wide error={errors.note?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('note')} />}
        </Field>
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer la séance" onCancel={onDone} small />
    </form>
  );
}
