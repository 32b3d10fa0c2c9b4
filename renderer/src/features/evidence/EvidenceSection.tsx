import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { type EvidenceChecklistRow, type EvidenceRow, evidenceUpdateSchema, requirementSchema } from '@shared/contract';
import { EVIDENCE_LABEL_SUGGESTIONS } from '@shared/domain/indicator-labels';
import { formatDateLong, toIsoDate } from '@shared/format';
import { errorMessage } from '../../api';
import { OpenDocumentButton } from '../../components/OpenDocumentButton';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import type { YearChoice } from '../indicators/missions';
import { useEvidence, useIndicatorsWrite } from '../indicators/queries';
import { useMeeting, useMeetings } from '../meetings/queries';
import './evidence.css';

/** Whose evidence the section shows: an indicator of the contract or a fiche action. */
export type EvidenceOwner = { indicatorId: number } | { ficheId: number };

const ownedBy = (row: EvidenceChecklistRow, owner: EvidenceOwner) =>
  'indicatorId' in owner ? row.indicatorId === owner.indicatorId : row.ficheId === owner.ficheId;

const KIND_LABELS: Record<EvidenceRow['kind'], string> = {
  document: 'Document',
  meeting_document: 'Document de réunion',
  meeting: 'Réunion',
};

/**
 * What an indicator or a fiche action must prove (feuilles d’émargement, comptes rendus, données CPAM…) and, for the
 * contract year, the evidence provided: a document chosen on the computer, a meeting of the year or one of its
 * documents; each dated, remarked and checked once reviewed. `picker` goes under the title (the year's selector).
 */
export function EvidenceSection({
  owner,
  year,
  picker,
}: {
  owner: EvidenceOwner;
  year: YearChoice;
  picker?: ReactNode;
}) {
  const titleId = useId();
  const checklist = useEvidence(year.id);
  const [adding, setAdding] = useState(false);
  const rows = (checklist.data ?? []).filter((row) => ownedBy(row, owner));
  const missing = rows.filter((row) => row.missing).length;
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card-header">
        <h2 id={titleId}>Justificatifs de l’année {year.index}</h2>
        {!adding && (
          <button type="button" className="button button-small button-secondary" onClick={() => setAdding(true)}>
            Ajouter un justificatif attendu
          </button>
        )}
      </div>
      {picker}
      {checklist.isPending ? (
        <Loading />
      ) : checklist.isError ? (
        <QueryError message={errorMessage(checklist.error)} onRetry={() => void checklist.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">
          Aucun justificatif attendu. Ajoutez ce que la CPAM demandera au dialogue de gestion : feuilles d’émargement,
          comptes rendus, données…
        </p>
      ) : (
        <>
          <p className={missing > 0 ? 'alert alert-warning' : 'success-text'}>
            {missing > 0
              ? `${missing} justificatif${missing > 1 ? 's' : ''} obligatoire${missing > 1 ? 's' : ''} encore manquant${missing > 1 ? 's' : ''} pour l’année ${year.index}.`
              : `Tous les justificatifs obligatoires de l’année ${year.index} sont fournis.`}
          </p>
          <ul className="evidence-list">
            {rows.map((row) => (
              <RequirementItem key={row.requirementId} row={row} year={year} />
            ))}
          </ul>
        </>
      )}
      {adding && <RequirementForm owner={owner} onDone={() => setAdding(false)} />}
    </section>
  );
}

function RequirementItem({ row, year }: { row: EvidenceChecklistRow; year: YearChoice }) {
  const toast = useToast();
  const attach = useIndicatorsWrite('indicators.attachEvidenceFile');
  const [linking, setLinking] = useState(false);
  const removeRequirement = useConfirmedDelete(useIndicatorsWrite('indicators.deleteRequirement'), {
    title: (r: EvidenceChecklistRow) => `Supprimer le justificatif attendu « ${r.label} » ?`,
    body: () => <p>Les pièces fournies pour lui, toutes années confondues, seront retirées aussi.</p>,
    input: (r) => ({ id: r.requirementId }),
    deletedMessage: (r) => `Justificatif attendu « ${r.label} » supprimé.`,
  });
  const removeEvidence = useConfirmedDelete(useIndicatorsWrite('indicators.deleteEvidence'), {
    title: (e: EvidenceRow) => `Retirer « ${e.label} » ?`,
    body: () => <p>La pièce ne comptera plus comme justificatif ; un document joint est supprimé de Maillage.</p>,
    confirmLabel: 'Retirer',
    input: (e) => ({ id: e.id }),
    deletedMessage: (e) => `« ${e.label} » retiré.`,
  });
  const onAttach = () =>
    attach.mutate(
      { requirementId: row.requirementId, contractYearId: year.id, title: null, providedOn: null, remark: null },
      {
        onSuccess: (result) => {
          if (!('cancelled' in result)) toast.notify({ kind: 'success', message: `« ${result.label} » joint.` });
        },
        onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
      },
    );
  const headingId = useId();
  return (
    <li className="evidence-item" aria-labelledby={headingId}>
      <div className="evidence-item-header">
        <h3 id={headingId}>
          {row.label}{' '}
          {row.missing ? (
            <span className="badge badge-warn">manquant</span>
          ) : row.evidence.length > 0 ? (
            <span className="badge badge-ok">fourni</span>
          ) : (
            <span className="badge badge-muted">facultatif</span>
          )}
        </h3>
        <span className="evidence-actions">
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={onAttach}
            disabled={attach.isPending}
            aria-label={`Joindre un document : ${row.label}`}
          >
            Joindre un document
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setLinking((open) => !open)}
            aria-expanded={linking}
            aria-label={`Lier une réunion : ${row.label}`}
          >
            Lier une réunion
          </button>
          <DeleteButton
            label={`Supprimer le justificatif attendu « ${row.label} »`}
            onClick={() => removeRequirement.ask(row)}
          />
        </span>
      </div>
      {row.evidence.length > 0 && (
        <ul className="evidence-pieces">
          {row.evidence.map((evidence) => (
            <EvidenceItem key={evidence.id} evidence={evidence} onRemove={() => removeEvidence.ask(evidence)} />
          ))}
        </ul>
      )}
      {linking && <MeetingLink row={row} year={year} onDone={() => setLinking(false)} />}
      {removeRequirement.dialog}
      {removeEvidence.dialog}
    </li>
  );
}

/** One piece provided: what it is (a meeting's pieces open on the meeting's page), when, the remark, « Vérifié ». */
function EvidenceItem({ evidence, onRemove }: { evidence: EvidenceRow; onRemove: () => void }) {
  const toast = useToast();
  const update = useIndicatorsWrite('indicators.updateEvidence');
  const [editing, setEditing] = useState(false);
  const onCheck = (checked: boolean) =>
    update.mutate(
      { id: evidence.id, checked, providedOn: evidence.providedOn, remark: evidence.remark },
      { onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }) },
    );
  if (editing) {
    return (
      <li className="evidence-piece evidence-piece-editing">
        <EvidenceEditForm evidence={evidence} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="evidence-piece">
      <div className="evidence-piece-main">
        <span className="badge badge-muted">{KIND_LABELS[evidence.kind]}</span>{' '}
        {evidence.meetingId !== null ? (
          <Link to={`/reunions/${evidence.meetingId}`}>{evidence.label}</Link>
        ) : (
          <span>{evidence.label}</span>
        )}
        {evidence.meetingDate && ` (${formatDateLong(evidence.meetingDate)})`}
        {evidence.providedOn && ` — fourni le ${formatDateLong(evidence.providedOn)}`}
        {evidence.remark && <p className="evidence-remark">{evidence.remark}</p>}
      </div>
      <span className="evidence-actions">
        {evidence.documentId !== null && (
          <OpenDocumentButton target={{ documentId: evidence.documentId }} name={`« ${evidence.label} »`} />
        )}
        {evidence.meetingDocumentId !== null && (
          <OpenDocumentButton
            target={{ meetingDocumentId: evidence.meetingDocumentId }}
            name={`« ${evidence.label} »`}
          />
        )}
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={evidence.checked}
            disabled={update.isPending}
            onChange={(event) => onCheck(event.target.checked)}
          />{' '}
          Vérifié
        </label>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setEditing(true)}
          aria-label={`Modifier « ${evidence.label} »`}
        >
          Modifier
        </button>
        <DeleteButton label={`Retirer « ${evidence.label} »`} onClick={onRemove} />
      </span>
    </li>
  );
}

interface EvidenceEditValues {
  providedOn: string;
  remark: string;
}

/** « Fourni le » and the remark of a piece, edited in place; Échap or « Annuler » leave it as it was. */
function EvidenceEditForm({ evidence, onDone }: { evidence: EvidenceRow; onDone: () => void }) {
  const id = useId();
  const save = useIndicatorsWrite('indicators.updateEvidence');
  const form = useContractForm({
    schema: evidenceUpdateSchema,
    defaultValues: { providedOn: evidence.providedOn ?? '', remark: evidence.remark ?? '' } as EvidenceEditValues,
    prepare: (values: EvidenceEditValues) => ({ ...values, id: evidence.id, checked: evidence.checked }),
    submit: save.mutateAsync,
    savedMessage: (row) => `« ${row.label} » enregistré.`,
    onSaved: onDone,
    guard: false,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onDone();
  };
  return (
    <form
      className="evidence-edit"
      onSubmit={form.onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={`Modifier « ${evidence.label} »`}
    >
      <p className="evidence-edit-title">
        <span className="badge badge-muted">{KIND_LABELS[evidence.kind]}</span> {evidence.label}
      </p>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id={`${id}-fourni`} label="Fourni le" error={form.errors.providedOn?.message}>
          {(a) => <input type="date" max={toIsoDate(new Date())} {...a} {...form.register('providedOn')} />}
        </Field>
        <Field id={`${id}-remarque`} label="Remarque" wide error={form.errors.remark?.message}>
          {(a) => <input type="text" {...a} {...form.register('remark')} />}
        </Field>
      </div>
      <FormActions pending={form.isSubmitting} submitLabel="Enregistrer" onCancel={onDone} small />
    </form>
  );
}

/**
 * Links a meeting of the contract year, or one of its documents (compte rendu, feuille d’émargement…), as evidence.
 * What the requirement already holds is not offered again.
 */
function MeetingLink({ row, year, onDone }: { row: EvidenceChecklistRow; year: YearChoice; onDone: () => void }) {
  const id = useId();
  const meetings = useMeetings({ from: year.startOn, to: year.endOn });
  const [meetingId, setMeetingId] = useState('');
  const choices = (meetings.data ?? []).filter((meeting) => meeting.status !== 'annulee');
  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <QueryError message={errorMessage(meetings.error)} />;
  if (choices.length === 0) {
    return <p className="muted small">Aucune réunion de l’année {year.index} à lier.</p>;
  }
  return (
    <div className="evidence-link">
      <div className="field">
        <label htmlFor={id}>Réunion de l’année {year.index}</label>
        <select id={id} value={meetingId} onChange={(event) => setMeetingId(event.target.value)}>
          <option value="">Choisir une réunion…</option>
          {choices.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {formatDateLong(meeting.date)} — {meeting.title}
            </option>
          ))}
        </select>
      </div>
      {meetingId && <PieceChoice key={meetingId} meetingId={Number(meetingId)} row={row} year={year} onDone={onDone} />}
    </div>
  );
}

/** The meeting itself or one of its documents: what to link. */
function PieceChoice({
  meetingId,
  row,
  year,
  onDone,
}: {
  meetingId: number;
  row: EvidenceChecklistRow;
  year: YearChoice;
  onDone: () => void;
}) {
  const id = useId();
  const toast = useToast();
  const meeting = useMeeting(meetingId);
  const link = useIndicatorsWrite('indicators.linkEvidence');
  const [chosen, setChosen] = useState<string | null>(null);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <QueryError message={errorMessage(meeting.error)} />;
  const linkedMeeting = row.evidence.some(
    (evidence) => evidence.kind === 'meeting' && evidence.meetingId === meetingId,
  );
  const linkedDocuments = new Set(row.evidence.map((evidence) => evidence.meetingDocumentId));
  const pieces = [
    ...(linkedMeeting ? [] : [{ value: 'reunion', label: 'La réunion elle-même (présences, relevé)' }]),
    ...meeting.data.documents
      .filter((document) => !linkedDocuments.has(document.id))
      .map((document) => ({ value: String(document.id), label: `Document : ${document.fileName}` })),
  ];
  if (pieces.length === 0) {
    return <p className="muted small">La réunion et ses documents sont déjà liés à ce justificatif.</p>;
  }
  const value = chosen ?? pieces[0]!.value;
  const onLink = () =>
    link.mutate(
      {
        requirementId: row.requirementId,
        contractYearId: year.id,
        source:
          value === 'reunion'
            ? { kind: 'meeting', meetingId }
            : { kind: 'meeting_document', meetingDocumentId: Number(value) },
        providedOn: null,
        remark: null,
      },
      {
        onSuccess: (evidence) => {
          toast.notify({ kind: 'success', message: `« ${evidence.label} » lié.` });
          onDone();
        },
      },
    );
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Pièce à lier</label>
        <select id={id} value={value} onChange={(event) => setChosen(event.target.value)}>
          {pieces.map((piece) => (
            <option key={piece.value} value={piece.value}>
              {piece.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-small" disabled={link.isPending} onClick={onLink}>
        Lier
      </button>
      {link.isError && <p className="field-error">{errorMessage(link.error)}</p>}
    </>
  );
}

interface RequirementFormValues {
  label: string;
  required: boolean;
}

function RequirementForm({ owner, onDone }: { owner: EvidenceOwner; onDone: () => void }) {
  const id = useId();
  const save = useIndicatorsWrite('indicators.saveRequirement');
  const form = useContractForm({
    schema: requirementSchema,
    defaultValues: { label: '', required: true } as RequirementFormValues,
    prepare: (values: RequirementFormValues) => ({ ...values, id: null, ...owner }),
    submit: save.mutateAsync,
    savedMessage: (row) => `Justificatif attendu « ${row.label} » ajouté.`,
    onSaved: (_row, _data, f) => {
      f.reset();
      onDone();
    },
  });
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Nouveau justificatif attendu</h3>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id={`${id}-libelle`} label="Justificatif" required wide error={form.errors.label?.message}>
          {(a) => <input type="text" list={`${id}-suggestions`} {...a} {...form.register('label')} />}
        </Field>
        <datalist id={`${id}-suggestions`}>
          {EVIDENCE_LABEL_SUGGESTIONS.map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <div className="field field-checkbox">
          <label className="checkbox-label">
            <input type="checkbox" {...form.register('required')} /> Obligatoire
          </label>
        </div>
      </div>
      <FormActions pending={form.isSubmitting} submitLabel="Ajouter le justificatif" onCancel={onDone} small />
    </form>
  );
}
