import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import type { MeetingDetail, RcpCaseRow } from '@shared/contract';
import { AGE_BANDS, DECISION_STATUSES } from '@shared/domain/meetings';
import { formatDateLong } from '@shared/format';
import { rcpCaseSchema, type RcpCaseData } from '@shared/schemas/meetings';
import { errorMessage, useApiMutation, useApiQuery } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { applyServerErrors } from '../../components/serverErrors';
import { useToast } from '../../components/Toasts';
import { useUnsavedFormGuard } from '../../components/UnsavedChanges';
import { decisionStatusLabel, FOLLOW_UP_STATUS } from './labels';

export const RCP_HINT =
  'Aucune donnée identifiante : ni nom, ni date de naissance, ni NIR, ni adresse. Le code du cas est généré par Maillage.';

/** Said once on an RCP's screen and once in the case form: what the identifier guard can and cannot do. */
export const RCP_GUARD_NOTE =
  'Maillage refuse ce qu’il reconnaît (nom précédé de Mme ou M., date de naissance, NIR, adresse, téléphone, courriel), ' +
  'mais ce n’est qu’un filet de sécurité : un nom de famille écrit seul ne peut pas être détecté. Relisez avant d’enregistrer.';

const NEW_MOTIF = '__nouveau';
const CASE_FIELDS = [
  'ageBand',
  'sex',
  'over75',
  'ald',
  'motifCode',
  'motifText',
  'summary',
  'patientInformed',
  'followUpOn',
  'followUpStatus',
  'decisions',
] as const;

interface CaseDecisionValues {
  id: string;
  action: string;
  ownerParticipantId: string;
  dueOn: string;
  status: string;
}
interface CaseValues {
  id: string;
  meetingId: number;
  ageBand: string;
  sex: string;
  over75: boolean;
  ald: boolean;
  motifCode: string;
  motifText: string;
  summary: string;
  patientInformed: boolean;
  followUpOn: string;
  followUpStatus: string;
  decisions: CaseDecisionValues[];
}

const resolver = zodResolver(rcpCaseSchema) as unknown as Resolver<CaseValues, unknown, RcpCaseData>;

const toValues = (meetingId: number, row: RcpCaseRow | null): CaseValues => ({
  id: row ? String(row.id) : '',
  meetingId,
  ageBand: row?.ageBand ?? '',
  sex: row?.sex ?? '',
  over75: row?.over75 ?? false,
  ald: row?.ald ?? false,
  motifCode: row?.motifCode ?? '',
  motifText: row?.motifText ?? '',
  summary: row?.summary ?? '',
  patientInformed: row?.patientInformed ?? false,
  followUpOn: row?.followUpOn ?? '',
  followUpStatus: row?.followUpStatus ?? 'a_faire',
  decisions: (row?.decisions ?? []).map((d) => ({
    id: String(d.id),
    action: d.action,
    ownerParticipantId: d.ownerParticipantId ? String(d.ownerParticipantId) : '',
    dueOn: d.dueOn ?? '',
    status: d.status,
  })),
});

const emptyDecision = (): CaseDecisionValues => ({
  id: '',
  action: '',
  ownerParticipantId: '',
  dueOn: '',
  status: 'a_faire',
});

/** « Cas présentés » of an RCP: pseudonymised cases, their decisions and follow-up. */
export function RcpCasesSection({ detail }: { detail: MeetingDetail }) {
  const [editing, setEditing] = useState<RcpCaseRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RcpCaseRow | null>(null);
  const remove = useApiMutation('rcp.deleteCase');
  const toast = useToast();

  return (
    <section className="card" aria-labelledby="cas-titre">
      <div className="card-header">
        <h2 id="cas-titre">Cas présentés</h2>
        <span className="muted small">{detail.cases.length} cas</span>
      </div>
      {detail.cases.length === 0 ? (
        <p className="muted">Aucun cas présenté pour l’instant.</p>
      ) : (
        <ul className="case-list">
          {detail.cases.map((c) => (
            <li key={c.id} className="case-item">
              <div className="case-head">
                <span className="mono case-code">{c.code}</span>
                <span>{AGE_BANDS.find((b) => b.code === c.ageBand)?.label ?? c.ageBand}</span>
                {c.sex && <span className="muted">{c.sex === 'F' ? 'femme' : 'homme'}</span>}
                {c.over75 && <span className="badge badge-warn">≥ 75 ans</span>}
                {c.ald && <span className="badge">ALD</span>}
                <span className="case-actions">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    aria-label={`Modifier le cas ${c.code}`}
                    onClick={() => setEditing(c)}
                  >
                    Modifier
                  </button>
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    aria-label={`Supprimer le cas ${c.code}`}
                    onClick={() => setDeleting(c)}
                  >
                    Supprimer
                  </button>
                </span>
              </div>
              <p className="case-motif">
                <strong>Motif :</strong> {[c.motifLabel, c.motifText].filter(Boolean).join(' — ') || '—'}
              </p>
              {c.decisions.length > 0 && (
                <ul className="case-decisions small">
                  {c.decisions.map((d) => (
                    <li key={d.id}>
                      {d.action}
                      {d.owner ? ` · ${d.owner}` : ''}
                      {d.dueOn ? ` · avant le ${formatDateLong(d.dueOn)}` : ''} · {decisionStatusLabel(d.status)}
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted small">
                Suivi : {FOLLOW_UP_STATUS.find((s) => s.code === c.followUpStatus)?.label}
                {c.followUpOn ? `, le ${formatDateLong(c.followUpOn)}` : ''}
                {c.patientInformed ? ' · patient·e informé·e' : ' · patient·e non informé·e'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <CaseForm
          key={editing === 'new' ? 'new' : editing.id}
          detail={detail}
          row={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing('new')}>
            Ajouter un cas
          </button>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title="Supprimer le cas ?"
          confirmLabel="Supprimer le cas"
          danger
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(
              { id: deleting.id },
              {
                onSuccess: () => {
                  setDeleting(null);
                  toast.notify({ kind: 'success', message: `Cas ${deleting.code} supprimé.` });
                },
              },
            )
          }
        >
          <p>Le cas {deleting.code} et ses décisions seront supprimés.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CaseForm({ detail, row, onDone }: { detail: MeetingDetail; row: RcpCaseRow | null; onDone: () => void }) {
  const toast = useToast();
  const motifs = useApiQuery('rcp.motifs', []);
  const save = useApiMutation('rcp.saveCase');
  const addMotif = useApiMutation('rcp.addMotif');
  const [formError, setFormError] = useState<string | null>(null);
  const [newMotif, setNewMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CaseValues, unknown, RcpCaseData>({
    resolver,
    defaultValues: toValues(detail.id, row),
    reValidateMode: 'onChange',
  });
  useUnsavedFormGuard(control);
  const { fields, append, remove } = useFieldArray({ control, name: 'decisions' });
  const motifCode = useWatch({ control, name: 'motifCode' });
  // A motif just added is chosen once its option is on screen.
  const [pendingMotif, setPendingMotif] = useState<string | null>(null);
  useEffect(() => {
    if (pendingMotif && motifs.data?.some((m) => m.code === pendingMotif)) {
      setValue('motifCode', pendingMotif, { shouldDirty: true, shouldValidate: true });
      setPendingMotif(null);
    }
  }, [pendingMotif, motifs.data, setValue]);
  const prefix = row ? `cas-${row.id}` : 'cas-nouveau';

  const onValid = async (data: RcpCaseData) => {
    setFormError(null);
    try {
      await save.mutateAsync(data);
      toast.notify({ kind: 'success', message: row ? `Cas ${row.code} enregistré.` : 'Cas ajouté.' });
      onDone();
    } catch (error) {
      // Keep everything typed; the guard's message goes under the offending field.
      const { message } = applyServerErrors(error, setError, CASE_FIELDS);
      setFormError(message);
    }
  };

  const onAddMotif = async () => {
    setMotifError(null);
    const label = newMotif.trim();
    try {
      const list = await addMotif.mutateAsync({ label });
      const created = [...list]
        .reverse()
        .find((m) => m.label.toLocaleLowerCase('fr-FR') === label.toLocaleLowerCase('fr-FR'));
      if (created) setPendingMotif(created.code);
      setNewMotif('');
    } catch (error) {
      setMotifError(errorMessage(error));
    }
  };

  return (
    <form
      className="subform case-form"
      onSubmit={handleSubmit(onValid)}
      noValidate
      aria-label={row ? `Modifier le cas ${row.code}` : 'Nouveau cas'}
    >
      <h3>{row ? `Cas ${row.code}` : 'Nouveau cas'}</h3>
      <p className="rcp-hint small">
        {RCP_HINT} {RCP_GUARD_NOTE}
      </p>
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid">
        <Field id={`${prefix}-age`} label="Tranche d’âge" required error={errors.ageBand?.message}>
          {(a) => (
            <select
              {...a}
              {...register('ageBand', {
                onChange: (event: { target: { value: string } }) => {
                  const band = AGE_BANDS.find((b) => b.code === event.target.value);
                  if (band) setValue('over75', band.over75, { shouldDirty: true, shouldValidate: true });
                },
              })}
            >
              <option value="">— Choisir —</option>
              {AGE_BANDS.map((band) => (
                <option key={band.code} value={band.code}>
                  {band.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-sex`} label="Sexe" error={errors.sex?.message}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <option value="">Non précisé</option>
              <option value="F">Femme</option>
              <option value="M">Homme</option>
            </select>
          )}
        </Field>
        <div className={`field field-checkbox${errors.over75 ? ' field-invalid' : ''}`}>
          <label className="checkbox-label">
            <input
              type="checkbox"
              {...register('over75')}
              aria-describedby={errors.over75 ? `${prefix}-over75-erreur` : undefined}
            />{' '}
            75 ans ou plus
          </label>
          {errors.over75?.message && (
            <p id={`${prefix}-over75-erreur`} className="field-error">
              {errors.over75.message}
            </p>
          )}
        </div>
        <div className="field field-checkbox">
          <label className="checkbox-label">
            <input type="checkbox" {...register('ald')} /> Affection de longue durée (ALD)
          </label>
        </div>
        <Field id={`${prefix}-motif`} label="Motif" error={errors.motifCode?.message}>
          {(a) => (
            <select {...a} {...register('motifCode')}>
              <option value="">— Choisir —</option>
              {(motifs.data ?? []).map((m) => (
                <option key={m.code} value={m.code}>
                  {m.label}
                </option>
              ))}
              <option value={NEW_MOTIF}>Ajouter un motif…</option>
            </select>
          )}
        </Field>
        {motifCode === NEW_MOTIF ? (
          <div className={`field${motifError ? ' field-invalid' : ''}`}>
            <label htmlFor={`${prefix}-new-motif`}>Nouveau motif</label>
            <div className="inline-row">
              <input
                id={`${prefix}-new-motif`}
                type="text"
                value={newMotif}
                onChange={(event) => setNewMotif(event.target.value)}
              />
              <button
                type="button"
                className="button button-small"
                onClick={() => void onAddMotif()}
                disabled={addMotif.isPending}
              >
                Ajouter le motif
              </button>
            </div>
            {motifError && <p className="field-error">{motifError}</p>}
          </div>
        ) : (
          <div className="field-spacer" aria-hidden="true" />
        )}
        <Field id={`${prefix}-motif-text`} label="Précision du motif" wide error={errors.motifText?.message}>
          {(a) => <input type="text" autoComplete="off" {...a} {...register('motifText')} />}
        </Field>
        <Field
          id={`${prefix}-summary`}
          label="Situation"
          wide
          error={errors.summary?.message}
          hint="Le contexte utile à la concertation, sans nom ni date de naissance."
        >
          {(a) => <textarea rows={5} {...a} {...register('summary')} />}
        </Field>
      </div>

      <fieldset className="form-section">
        <legend>Décisions</legend>
        {fields.length === 0 && <p className="muted small">Aucune décision pour ce cas.</p>}
        {fields.map((field, index) => {
          const e = errors.decisions?.[index];
          return (
            <div key={field.id} className="case-decision-row form-grid">
              <Field id={`${prefix}-d${index}-action`} label={`Action ${index + 1}`} wide error={e?.action?.message}>
                {(a) => <input type="text" autoComplete="off" {...a} {...register(`decisions.${index}.action`)} />}
              </Field>
              <Field
                id={`${prefix}-d${index}-owner`}
                label={`Responsable de l’action ${index + 1}`}
                error={e?.ownerParticipantId?.message}
              >
                {(a) => (
                  <select {...a} {...register(`decisions.${index}.ownerParticipantId`)}>
                    <option value="">—</option>
                    {detail.participants.map((p) => (
                      <option key={p.id} value={String(p.id)}>
                        {p.name}
                        {p.memberId !== null && p.professionLabel ? ` (${p.professionLabel})` : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={`${prefix}-d${index}-due`}
                label={`Échéance de l’action ${index + 1}`}
                error={e?.dueOn?.message}
              >
                {(a) => <input type="date" {...a} {...register(`decisions.${index}.dueOn`)} />}
              </Field>
              <Field
                id={`${prefix}-d${index}-status`}
                label={`État de l’action ${index + 1}`}
                error={e?.status?.message}
              >
                {(a) => (
                  <select {...a} {...register(`decisions.${index}.status`)}>
                    {DECISION_STATUSES.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="field">
                <button type="button" className="button button-small button-ghost" onClick={() => remove(index)}>
                  Retirer l’action {index + 1}
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" className="button button-small button-secondary" onClick={() => append(emptyDecision())}>
          Ajouter une action
        </button>
      </fieldset>

      <div className="form-grid">
        <div className="field field-checkbox">
          <label className="checkbox-label">
            <input type="checkbox" {...register('patientInformed')} /> Patient·e informé·e de la présentation en RCP
          </label>
        </div>
        <div className="field-spacer" aria-hidden="true" />
        <Field id={`${prefix}-followup-on`} label="Date de suivi" error={errors.followUpOn?.message}>
          {(a) => <input type="date" {...a} {...register('followUpOn')} />}
        </Field>
        <Field id={`${prefix}-followup-status`} label="État du suivi" error={errors.followUpStatus?.message}>
          {(a) => (
            <select {...a} {...register('followUpStatus')}>
              {FOLLOW_UP_STATUS.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onDone} disabled={isSubmitting}>
          Annuler
        </button>
        <button type="submit" className="button" disabled={isSubmitting || motifCode === NEW_MOTIF}>
          {isSubmitting ? 'Enregistrement…' : 'Enregistrer le cas'}
        </button>
      </div>
    </form>
  );
}
