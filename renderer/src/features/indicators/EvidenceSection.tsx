import { useId, useState } from 'react';
import { type EvidenceChecklistRow, type EvidenceRow, requirementSchema } from '@shared/contract';
import { EVIDENCE_LABEL_SUGGESTIONS } from '@shared/domain/indicator-labels';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { DeleteButton, useConfirmedDelete } from '../../components/ConfirmDelete';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { useContractForm } from '../../components/useContractForm';
import { useMeetings } from '../meetings/queries';
import type { YearChoice } from './missions';
import { useEvidence, useIndicatorsWrite } from './queries';

const KIND_LABELS: Record<EvidenceRow['kind'], string> = {
  document: 'Document',
  meeting_document: 'Document de réunion',
  meeting: 'Réunion',
};

/**
 * What the indicator must prove (feuilles d’émargement, comptes rendus, données CPAM…) and, for the contract year,
 * the evidence provided: a document chosen on the computer, or a meeting of the year; each checked once reviewed.
 */
export function EvidenceSection({ indicatorId, year }: { indicatorId: number; year: YearChoice }) {
  const checklist = useEvidence(year.id);
  const [adding, setAdding] = useState(false);
  const rows = (checklist.data ?? []).filter((row) => row.indicatorId === indicatorId);
  const missing = rows.filter((row) => row.missing).length;
  return (
    <section className="card" aria-labelledby="justificatifs-titre">
      <div className="card-header">
        <h2 id="justificatifs-titre">Justificatifs de l’année {year.index}</h2>
        {!adding && (
          <button type="button" className="button button-small button-secondary" onClick={() => setAdding(true)}>
            Ajouter un justificatif attendu
          </button>
        )}
      </div>
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
      {adding && <RequirementForm indicatorId={indicatorId} onDone={() => setAdding(false)} />}
    </section>
  );
}

function RequirementItem({ row, year }: { row: EvidenceChecklistRow; year: YearChoice }) {
  const toast = useToast();
  const attach = useIndicatorsWrite('indicators.attachEvidenceFile');
  const update = useIndicatorsWrite('indicators.updateEvidence');
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
  const onCheck = (evidence: EvidenceRow, checked: boolean) =>
    update.mutate(
      { id: evidence.id, checked, providedOn: evidence.providedOn, remark: evidence.remark },
      { onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }) },
    );
  const headingId = `justificatif-${row.requirementId}`;
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
        <span className="indicator-actions">
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
        <ul className="plain-list">
          {row.evidence.map((evidence) => (
            <li key={evidence.id}>
              <span className="badge badge-muted">{KIND_LABELS[evidence.kind]}</span> <span>{evidence.label}</span>
              {evidence.meetingDate && ` (${formatDateLong(evidence.meetingDate)})`}
              {evidence.providedOn && ` — fourni le ${formatDateLong(evidence.providedOn)}`}{' '}
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  checked={evidence.checked}
                  disabled={update.isPending}
                  onChange={(event) => onCheck(evidence, event.target.checked)}
                />{' '}
                Vérifié
              </label>{' '}
              <DeleteButton label={`Retirer « ${evidence.label} »`} onClick={() => removeEvidence.ask(evidence)} />
            </li>
          ))}
        </ul>
      )}
      {linking && <MeetingLink row={row} year={year} onDone={() => setLinking(false)} />}
      {removeRequirement.dialog}
      {removeEvidence.dialog}
    </li>
  );
}

/** Links a meeting of the contract year (its feuille d’émargement, its compte rendu) as evidence. */
function MeetingLink({ row, year, onDone }: { row: EvidenceChecklistRow; year: YearChoice; onDone: () => void }) {
  const id = useId();
  const toast = useToast();
  const meetings = useMeetings({ from: year.startOn, to: year.endOn });
  const link = useIndicatorsWrite('indicators.linkEvidence');
  const [meetingId, setMeetingId] = useState('');
  const taken = new Set(row.evidence.map((evidence) => evidence.meetingId));
  const choices = (meetings.data ?? []).filter((meeting) => meeting.status !== 'annulee' && !taken.has(meeting.id));
  const onLink = () => {
    if (!meetingId) return;
    link.mutate(
      {
        requirementId: row.requirementId,
        contractYearId: year.id,
        source: { kind: 'meeting', meetingId: Number(meetingId) },
        providedOn: null,
        remark: null,
      },
      {
        onSuccess: (evidence) => {
          toast.notify({ kind: 'success', message: `Réunion « ${evidence.label} » liée.` });
          onDone();
        },
      },
    );
  };
  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <QueryError message={errorMessage(meetings.error)} />;
  if (choices.length === 0) {
    return <p className="muted small">Aucune réunion de l’année {year.index} à lier.</p>;
  }
  return (
    <div className="inline-field">
      <label htmlFor={id}>Réunion de l’année {year.index}</label>
      <select id={id} value={meetingId} onChange={(event) => setMeetingId(event.target.value)}>
        <option value="">Choisir une réunion…</option>
        {choices.map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {formatDateLong(meeting.date)} — {meeting.title}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" disabled={!meetingId || link.isPending} onClick={onLink}>
        Lier
      </button>
      {link.isError && <p className="field-error">{errorMessage(link.error)}</p>}
    </div>
  );
}

interface RequirementFormValues {
  label: string;
  required: boolean;
}

function RequirementForm({ indicatorId, onDone }: { indicatorId: number; onDone: () => void }) {
  const save = useIndicatorsWrite('indicators.saveRequirement');
  const form = useContractForm({
    schema: requirementSchema,
    defaultValues: { label: '', required: true } as RequirementFormValues,
    prepare: (values: RequirementFormValues) => ({ ...values, id: null, indicatorId }),
    submit: save.mutateAsync,
    savedMessage: (row) => `Justificatif attendu « ${row.label} » ajouté.`,
    onSaved: (_row, _data, f) => {
      f.reset();
      onDone();
    },
  });
  return (
    <form className="subform" onSubmit={form.onSubmit} noValidate aria-labelledby="justificatif-form-titre">
      <h3 id="justificatif-form-titre">Nouveau justificatif attendu</h3>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field id="justificatif-libelle" label="Justificatif" required wide error={form.errors.label?.message}>
          {(a) => <input type="text" list="justificatifs-suggeres" {...a} {...form.register('label')} />}
        </Field>
        <datalist id="justificatifs-suggeres">
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
