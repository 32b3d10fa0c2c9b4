import { contractCreateSchema, type ContractDraft } from '@shared/contract';
import { ACI_VERSIONS, type AciVersion, type AciVersionCode, missionsFor } from '@shared/domain/aci';
import { formatDateLong } from '@shared/format';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUSES, SIGNATORY_PARTY_LABELS } from '@shared/domain/contract-labels';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { useContractForm } from '../../components/useContractForm';
import { eurosResolver } from './euros';
import { useContractDraft, useContractWrite } from './queries';

/** « Avenant 2, signé le 20 décembre 2021 »: short enough for a select, the full title in the header. */
function versionLabel(version: AciVersion): string {
  const name = version.shortLabel.charAt(0).toUpperCase() + version.shortLabel.slice(1);
  return `${name}, signé le ${formatDateLong(version.signedOn)}`;
}

/** The three parties of an ACI contract, one block each in the form. */
const PARTIES = ['cpts', 'cpam', 'ars'] as const;

interface SignatoryValues {
  party: (typeof PARTIES)[number];
  organisation: string;
  name: string;
  role: string;
  signedOn: string;
}

interface ContractFormValues {
  number: string;
  aciVersion: string;
  signedOn: string;
  anniversaryOn: string;
  durationYears: string;
  status: string;
  optionalMissions: string[];
  signatories: SignatoryValues[];
}

/** The draft the service offers (Ma CPTS, the CPAM and ARS of the territory) → what the inputs hold. */
function draftToForm(draft: ContractDraft | undefined): ContractFormValues {
  const data = draft?.data;
  return {
    number: data?.number ?? '',
    aciVersion: data?.aciVersion ?? ACI_VERSIONS[ACI_VERSIONS.length - 1]!.code,
    signedOn: data?.signedOn ?? '',
    anniversaryOn: data?.anniversaryOn ?? '',
    durationYears: String(data?.durationYears ?? 5),
    status: data?.status ?? 'actif',
    optionalMissions: [...(data?.optionalMissions ?? [])],
    signatories: PARTIES.map((party) => {
      const found = data?.signatories?.find((signatory) => signatory.party === party);
      return {
        party,
        organisation: found?.organisation ?? '',
        name: found?.name ?? '',
        role: found?.role ?? '',
        signedOn: found?.signedOn ?? '',
      };
    }),
  };
}

/**
 * A signatory block left entirely empty is not sent; one partly filled is, so the contract says what is missing,
 * under the block it is about.
 */
function contractFormResolver() {
  let sentBlocks: number[] = [];
  return eurosResolver<ContractFormValues, typeof contractCreateSchema>(
    contractCreateSchema,
    (values) => {
      sentBlocks = values.signatories.flatMap((signatory, index) =>
        [signatory.organisation, signatory.name, signatory.role, signatory.signedOn].some((text) => text.trim())
          ? [index]
          : [],
      );
      return {
        ...values,
        durationYears: values.durationYears.trim() === '' ? undefined : Number(values.durationYears),
        signatories: sentBlocks.map((index) => values.signatories[index]),
      };
    },
    (path) => {
      const [root, index, ...rest] = path.map(String);
      if (root !== 'signatories' || index === undefined) return path.map(String).join('.');
      return ['signatories', String(sentBlocks[Number(index)] ?? index), ...rest].join('.');
    },
  );
}

/** The new-contract form, prefilled from what the app already knows. */
export function ContractForm({ onDone }: { onDone: () => void }) {
  const draft = useContractDraft(true);
  if (draft.isPending) return <Loading label="Préparation du formulaire…" />;
  if (draft.isError) return <QueryError message={errorMessage(draft.error)} onRetry={() => void draft.refetch()} />;
  return <ContractFormFields draft={draft.data} onDone={onDone} />;
}

function ContractFormFields({ draft, onDone }: { draft: ContractDraft; onDone: () => void }) {
  const create = useContractWrite('contract.create');
  const { register, onSubmit, formError, errors, isSubmitting, watch } = useContractForm({
    schema: contractCreateSchema,
    defaultValues: draftToForm(draft),
    resolver: contractFormResolver(),
    submit: create.mutateAsync,
    savedMessage: 'Contrat ACI enregistré.',
    onSaved: onDone,
  });
  const version = watch('aciVersion') as AciVersionCode;
  const optional = missionsFor(version).filter((mission) => mission.category === 'optionnelle');
  const socle = missionsFor(version).filter((mission) => mission.category === 'socle');
  const signatoryErrors = errors.signatories;

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="contrat-form-titre">
      <h2 id="contrat-form-titre">Saisir le contrat ACI</h2>
      {draft.notes.length > 0 && (
        <ul className="muted small contract-draft-notes">
          {draft.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <FormError message={formError} />
      <div className="form-grid">
        <Field id="contrat-numero" label="Numéro du contrat" error={errors.number?.message}>
          {(a) => <input type="text" spellCheck={false} {...a} {...register('number')} />}
        </Field>
        <Field id="contrat-version" label="Version de l’ACI" required error={errors.aciVersion?.message}>
          {(a) => (
            <select {...a} {...register('aciVersion')}>
              {ACI_VERSIONS.map((candidate) => (
                <option key={candidate.code} value={candidate.code}>
                  {versionLabel(candidate)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="contrat-signature" label="Date de signature" required error={errors.signedOn?.message}>
          {(a) => <input type="date" {...a} {...register('signedOn')} />}
        </Field>
        <Field
          id="contrat-anniversaire"
          label="Date anniversaire"
          hint="Premier jour de l’année 1 du contrat ; la date de signature si vide."
          error={errors.anniversaryOn?.message}
        >
          {(a) => <input type="date" {...a} {...register('anniversaryOn')} />}
        </Field>
        <Field id="contrat-duree" label="Durée (années)" error={errors.durationYears?.message}>
          {(a) => (
            <input type="number" min={1} max={10} className="number-input" {...a} {...register('durationYears')} />
          )}
        </Field>
        <Field id="contrat-statut" label="Statut" error={errors.status?.message}>
          {(a) => (
            <select {...a} {...register('status')}>
              {CONTRACT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {CONTRACT_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field field-wide contract-missions-choice">
          <legend className="field-label">Missions</legend>
          <p className="muted small">
            Missions socle, toujours au contrat : {socle.map((mission) => mission.shortLabel).join(', ')}.
          </p>
          {optional.map((mission) => (
            <label key={mission.code} className="checkbox-label">
              <input type="checkbox" value={mission.code} {...register('optionalMissions')} />
              {mission.label} (mission optionnelle)
            </label>
          ))}
        </fieldset>
      </div>
      <h3 className="contract-form-subtitle">Signataires</h3>
      <div className="contract-signatories-form">
        {PARTIES.map((party, index) => {
          const fieldErrors = signatoryErrors?.[index];
          const prefix = `contrat-signataire-${party}`;
          const who = SIGNATORY_PARTY_LABELS[party];
          return (
            <fieldset key={party} className="contract-signatory-block">
              <legend>{who}</legend>
              <input type="hidden" {...register(`signatories.${index}.party`)} />
              <Field id={`${prefix}-organisme`} label={`Organisme (${who})`} error={fieldErrors?.organisation?.message}>
                {(a) => <input type="text" {...a} {...register(`signatories.${index}.organisation`)} />}
              </Field>
              <Field id={`${prefix}-nom`} label={`Nom du signataire (${who})`} error={fieldErrors?.name?.message}>
                {(a) => <input type="text" {...a} {...register(`signatories.${index}.name`)} />}
              </Field>
              <Field id={`${prefix}-qualite`} label={`Qualité (${who})`} error={fieldErrors?.role?.message}>
                {(a) => <input type="text" {...a} {...register(`signatories.${index}.role`)} />}
              </Field>
              <Field id={`${prefix}-date`} label={`Signé le (${who})`} error={fieldErrors?.signedOn?.message}>
                {(a) => <input type="date" {...a} {...register(`signatories.${index}.signedOn`)} />}
              </Field>
            </fieldset>
          );
        })}
      </div>
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le contrat" onCancel={onDone} />
    </form>
  );
}
