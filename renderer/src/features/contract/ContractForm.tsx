import { contractChannels, contractCreateSchema, type ContractDetail, type ContractDraft } from '@shared/contract';
import { ACI_VERSIONS, type AciVersion, type AciVersionCode, missionsFor } from '@shared/domain/aci';
import { formatDateLong } from '@shared/format';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUSES, SIGNATORY_PARTY_LABELS } from '@shared/domain/contract-labels';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { Loading, QueryError } from '../../components/Page';
import { type ContractForm as BoundForm, type ContractSchema, useContractForm } from '../../components/useContractForm';
import { eurosResolver } from './euros';
import { useContractDraft, useContractWrite } from './queries';

/** « Avenant 2, signé le 20 décembre 2021 »: short enough for a select, the full title in the header. */
function versionLabel(version: AciVersion): string {
  const name = version.shortLabel.charAt(0).toUpperCase() + version.shortLabel.slice(1);
  return `${name}, signé le ${formatDateLong(version.signedOn)}`;
}

/** The input of `contract.update`: `{ id, data }`. */
const contractUpdateSchema = contractChannels['contract.update'].input;

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

/** A stored contract → what the inputs hold (for « Modifier le contrat »). */
function contractToForm(contract: ContractDetail): ContractFormValues {
  return {
    number: contract.number ?? '',
    aciVersion: contract.aciVersion,
    signedOn: contract.signedOn,
    anniversaryOn: contract.anniversaryOn === contract.signedOn ? '' : contract.anniversaryOn,
    durationYears: String(contract.durationYears),
    status: contract.status,
    optionalMissions: [],
    signatories: PARTIES.map((party) => {
      const found = contract.signatories.find((signatory) => signatory.party === party);
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
function signatoriesToSend(values: ContractFormValues): number[] {
  return values.signatories.flatMap((signatory, index) =>
    [signatory.organisation, signatory.name, signatory.role, signatory.signedOn].some((text) => text.trim())
      ? [index]
      : [],
  );
}

function contractData(values: ContractFormValues, sent: readonly number[]) {
  return {
    ...values,
    durationYears: values.durationYears.trim() === '' ? undefined : Number(values.durationYears),
    signatories: sent.map((index) => values.signatories[index]),
  };
}

/** Puts a message about the n-th signatory sent under the block it came from. */
function blockField(path: readonly PropertyKey[], sent: readonly number[]): string {
  const [root, index, ...rest] = path.map(String);
  if (root !== 'signatories' || index === undefined) return path.map(String).join('.');
  return ['signatories', String(sent[Number(index)] ?? index), ...rest].join('.');
}

/** A new contract; at renewal, linked to the contract it follows. */
function createResolver(previousContractId: number | null) {
  let sent: number[] = [];
  return eurosResolver<ContractFormValues, typeof contractCreateSchema>(
    contractCreateSchema,
    (values) => {
      sent = signatoriesToSend(values);
      return { ...contractData(values, sent), previousContractId };
    },
    (path) => blockField(path, sent),
  );
}

/** The update wraps the same values in `{ id, data }`; signatories of another party are kept as they were. */
function updateResolver(contract: ContractDetail) {
  let sent: number[] = [];
  const others = contract.signatories
    .filter((signatory) => !(PARTIES as readonly string[]).includes(signatory.party))
    .map(({ party, organisation, name, role, signedOn }) => ({ party, organisation, name, role, signedOn }));
  return eurosResolver<ContractFormValues, typeof contractUpdateSchema>(
    contractUpdateSchema,
    (values) => {
      sent = signatoriesToSend(values);
      const { optionalMissions: _missions, ...data } = contractData(values, sent);
      return { id: contract.id, data: { ...data, signatories: [...data.signatories, ...others] } };
    },
    (path) => blockField(path[0] === 'data' ? path.slice(1) : path, sent),
  );
}

/** The new-contract form, prefilled from what the app already knows. */
export function ContractForm({ onDone }: { onDone: (created?: ContractDetail) => void }) {
  const draft = useContractDraft(true);
  if (draft.isPending) return <Loading label="Préparation du formulaire…" />;
  if (draft.isError) return <QueryError message={errorMessage(draft.error)} onRetry={() => void draft.refetch()} />;
  return <NewContractForm draft={draft.data} onDone={onDone} />;
}

function NewContractForm({ draft, onDone }: { draft: ContractDraft; onDone: (created?: ContractDetail) => void }) {
  const create = useContractWrite('contract.create');
  const form = useContractForm({
    schema: contractCreateSchema,
    defaultValues: draftToForm(draft),
    resolver: createResolver(draft.data.previousContractId ?? null),
    submit: create.mutateAsync,
    savedMessage: 'Contrat ACI enregistré.',
    onSaved: (created) => onDone(created),
  });
  return (
    <ContractFields form={form} title="Saisir le contrat ACI" notes={draft.notes} onCancel={() => onDone()} missions />
  );
}

/** « Modifier le contrat »: number, version, dates, status and signatories (missions are changed in their table). */
export function EditContractForm({ contract, onDone }: { contract: ContractDetail; onDone: () => void }) {
  const update = useContractWrite('contract.update');
  const form = useContractForm({
    schema: contractUpdateSchema,
    defaultValues: contractToForm(contract),
    resolver: updateResolver(contract),
    serverPrefix: 'data.',
    submit: update.mutateAsync,
    savedMessage: 'Contrat ACI enregistré.',
    onSaved: onDone,
  });
  return <ContractFields form={form} title="Modifier le contrat" notes={[]} onCancel={onDone} missions={false} />;
}

type ContractFormState = BoundForm<ContractFormValues, ContractSchema>;

function ContractFields({
  form,
  title,
  notes,
  onCancel,
  missions,
}: {
  form: ContractFormState;
  title: string;
  notes: readonly string[];
  onCancel: () => void;
  /** Shows the choice of optional missions (a new contract). */
  missions: boolean;
}) {
  const { register, onSubmit, formError, errors, isSubmitting, watch } = form;
  const version = watch('aciVersion') as AciVersionCode;
  const optional = missionsFor(version).filter((mission) => mission.category === 'optionnelle');
  const socle = missionsFor(version).filter((mission) => mission.category === 'socle');
  const signatoryErrors = errors.signatories;

  return (
    <form className="card form-card" onSubmit={onSubmit} noValidate aria-labelledby="contrat-form-titre">
      <h2 id="contrat-form-titre">{title}</h2>
      {notes.length > 0 && (
        <ul className="muted small contract-draft-notes">
          {notes.map((note) => (
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
        {missions && (
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
        )}
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
      <FormActions pending={isSubmitting} submitLabel="Enregistrer le contrat" onCancel={onCancel} />
    </form>
  );
}
