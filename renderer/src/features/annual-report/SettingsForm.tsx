import { useWatch } from 'react-hook-form';
import { type ActivityDraft, activityDraftSaveSchema } from '@shared/contract';
import { dateLong } from '@shared/format';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useContractForm } from '../../components/useContractForm';
import { useAnnualReportWrite } from './queries';

interface SettingsValues {
  year: number;
  introduction: string;
  contractYearId: string;
  approvalMeetingId: string;
  /** « resolution:12 » or « decision:4 »: what, at that meeting, approved the report. */
  approvalPick: string;
  /** Never held by an input: what `prepare` derives from `approvalPick`, where the server's refusal lands. */
  approvalResolutionId?: number | null;
  approvalDecisionId?: number | null;
  includeMembersList: boolean;
  membersListAudience: 'annuaire' | 'bureau';
  includeAttendance: boolean;
  includeTrackingAnnex: boolean;
}

const idOrNull = (value: string) => (value ? Number(value) : null);

function toForm(draft: ActivityDraft): SettingsValues {
  return {
    year: draft.year,
    introduction: draft.introduction ?? '',
    contractYearId: draft.contractYearId ? String(draft.contractYearId) : '',
    approvalMeetingId: draft.approvalMeetingId ? String(draft.approvalMeetingId) : '',
    approvalPick: draft.approvalResolutionId
      ? `resolution:${draft.approvalResolutionId}`
      : draft.approvalDecisionId
        ? `decision:${draft.approvalDecisionId}`
        : '',
    includeMembersList: draft.includeMembersList,
    membersListAudience: draft.membersListAudience,
    includeAttendance: draft.includeAttendance,
    includeTrackingAnnex: draft.includeTrackingAnnex,
  };
}

function prepare({ approvalPick, ...values }: SettingsValues) {
  const [kind, id] = approvalPick.split(':');
  const meetingId = idOrNull(values.approvalMeetingId);
  return {
    ...values,
    contractYearId: idOrNull(values.contractYearId),
    approvalMeetingId: meetingId,
    approvalResolutionId: meetingId && kind === 'resolution' ? Number(id) : null,
    approvalDecisionId: meetingId && kind === 'decision' ? Number(id) : null,
  };
}

/**
 * What the report prints around its sections: the introduction, the contract year its missions show, the meeting
 * that approved it (its PV in annex) and the annexes.
 */
export function SettingsForm({ draft }: { draft: ActivityDraft }) {
  const save = useAnnualReportWrite('reportDrafts.saveActivity');
  const form = useContractForm({
    schema: activityDraftSaveSchema,
    defaultValues: toForm(draft),
    prepare,
    fields: [...Object.keys(toForm(draft)), 'approvalResolutionId', 'approvalDecisionId'],
    submit: save.mutateAsync,
    savedMessage: 'Réglages du rapport enregistrés.',
    onSaved: (saved, _data, self) => self.reset(toForm(saved)),
  });
  const { register, errors, control } = form;
  const meetingId = useWatch({ control, name: 'approvalMeetingId' });
  const includeMembersList = useWatch({ control, name: 'includeMembersList' });
  const meeting = draft.choices.approvalMeetings.find((choice) => String(choice.id) === meetingId) ?? null;
  const { contractYears, approvalMeetings } = draft.choices;
  const pickError = errors.approvalResolutionId?.message ?? errors.approvalDecisionId?.message;

  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-labelledby="rapport-reglages">
      <h2 id="rapport-reglages">Introduction, approbation et annexes</h2>
      <FormError message={form.formError} />
      <div className="form-grid">
        <Field
          id="rapport-introduction"
          label="Introduction"
          wide
          hint="Le mot du président ou de la coordination, imprimé avant le sommaire. Laissez vide pour n’en mettre aucun."
          error={errors.introduction?.message}
        >
          {(control) => <textarea {...control} rows={6} {...register('introduction')} />}
        </Field>
        <Field
          id="rapport-annee-contrat"
          label="Année du contrat ACI"
          hint={
            contractYears.length === 0
              ? 'Aucune année de contrat ne recouvre cette année : les parties des missions n’auront pas d’indicateurs.'
              : 'Les parties des missions montrent les indicateurs de cette année du contrat.'
          }
          error={errors.contractYearId?.message}
        >
          {(control) => (
            <select {...control} {...register('contractYearId')}>
              <option value="">Choisie par Maillage</option>
              {contractYears.map((contractYear) => (
                <option key={contractYear.id} value={contractYear.id}>
                  {contractYear.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="rapport-approbation"
          label="Réunion qui a approuvé le rapport"
          hint={
            approvalMeetings.length === 0
              ? 'Aucune assemblée générale ni aucun conseil d’administration enregistré pour cette période.'
              : 'Le procès-verbal de l’assemblée générale choisie est joint en annexe.'
          }
          error={errors.approvalMeetingId?.message}
        >
          {(control) => (
            <select
              {...control}
              {...register('approvalMeetingId', { onChange: () => form.setValue('approvalPick', '') })}
            >
              <option value="">Pas encore approuvé</option>
              {approvalMeetings.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.typeLabel} du {dateLong(choice.date)} — {choice.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {meeting && (
          <Field
            id="rapport-approbation-acte"
            label="Résolution ou décision"
            hint={
              meeting.resolutions.length + meeting.decisions.length === 0
                ? 'Cette réunion n’a ni résolution ni décision enregistrée.'
                : undefined
            }
            error={pickError}
          >
            {(control) => (
              <select {...control} {...register('approvalPick')}>
                <option value="">Aucune en particulier</option>
                {meeting.resolutions.length > 0 && (
                  <optgroup label="Résolutions">
                    {meeting.resolutions.map((resolution) => (
                      <option key={resolution.id} value={`resolution:${resolution.id}`}>
                        {resolution.title}
                      </option>
                    ))}
                  </optgroup>
                )}
                {meeting.decisions.length > 0 && (
                  <optgroup label="Décisions">
                    {meeting.decisions.map((decision) => (
                      <option key={decision.id} value={`decision:${decision.id}`}>
                        {decision.text}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset className="form-section annual-annexes">
        <legend>Annexes</legend>
        <label className="checkbox-label">
          <input type="checkbox" {...register('includeMembersList')} /> Liste des adhérents
        </label>
        {includeMembersList && (
          <fieldset className="annual-audience" aria-describedby="rapport-liste-aide">
            <legend>Version de la liste</legend>
            <label className="radio-label">
              <input type="radio" value="annuaire" {...register('membersListAudience')} /> annuaire
            </label>
            <label className="radio-label">
              <input type="radio" value="bureau" {...register('membersListAudience')} /> liste du bureau
            </label>
            <p id="rapport-liste-aide" className="field-hint">
              L’annuaire ne montre que les adhérents qui ont accepté d’y figurer. La liste du bureau, complète avec les
              coordonnées et les identifiants, est réservée au bureau : ne la joignez pas à un rapport diffusé.
            </p>
          </fieldset>
        )}
        <label className="checkbox-label">
          <input type="checkbox" {...register('includeAttendance')} /> Statistiques de participation aux réunions
        </label>
        <label className="checkbox-label">
          <input type="checkbox" {...register('includeTrackingAnnex')} /> Tableau de suivi des indicateurs de l’année du
          contrat
        </label>
      </fieldset>
      <FormActions pending={form.isSubmitting} submitLabel="Enregistrer les réglages" />
    </form>
  );
}
