/** The officers of the session (président, secrétaire de séance…), chosen among the members. */
import type { AgState } from '@shared/contract';
import { officersSchema } from '@shared/schemas/ag';
import { useMembers } from '../../members/queries';
import { FormActions, FormError } from '../../../components/FormActions';
import { useContractForm } from '../../../components/useContractForm';
import { useAgMutation } from '../queries';

/** The officers as the selects hold them ('' while « À désigner »). */
function officersToForm(state: AgState) {
  const { presidentMemberId, secretaireMemberId } = state.officers;
  return {
    meetingId: state.meetingId,
    presidentMemberId: presidentMemberId ? String(presidentMemberId) : '',
    secretaireMemberId: secretaireMemberId ? String(secretaireMemberId) : '',
  };
}

export function Officers({ state, disabled }: { state: AgState; disabled: boolean }) {
  const members = useMembers();
  const save = useAgMutation('ag.setOfficers');
  const form = useContractForm({
    schema: officersSchema,
    defaultValues: officersToForm(state),
    submit: (data) => save.mutateAsync(data),
    // The refusal is said above the form, as a whole.
    fields: [],
    savedMessage: 'Président et secrétaire de séance enregistrés.',
    onSaved: (saved, _, { reset }) => reset(officersToForm(saved)),
  });
  const {
    register,
    watch,
    formState: { isSubmitting, isDirty },
  } = form;
  // Controlled, so that the choice stays shown while the members' list arrives and its options move.
  const president = watch('presidentMemberId');
  const secretaire = watch('secretaireMemberId');

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

  return (
    <section aria-labelledby="ag-bureau-titre">
      <h2 id="ag-bureau-titre">Bureau de séance</h2>
      <FormError message={form.formError} />
      <form className="ag-inline-form" onSubmit={form.onSubmit} noValidate>
        <div className="field">
          <label htmlFor="ag-president">Président·e de séance</label>
          <select id="ag-president" disabled={disabled} {...register('presidentMemberId')} value={president}>
            {options(president)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ag-secretaire">Secrétaire de séance</label>
          <select id="ag-secretaire" disabled={disabled} {...register('secretaireMemberId')} value={secretaire}>
            {options(secretaire)}
          </select>
        </div>
        {!disabled && (
          <FormActions pending={isSubmitting} submitLabel="Enregistrer le bureau de séance">
            {isDirty && <span className="muted small">Modifications non enregistrées.</span>}
          </FormActions>
        )}
      </form>
    </section>
  );
}
