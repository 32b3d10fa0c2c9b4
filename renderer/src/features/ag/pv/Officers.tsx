/** The officers of the session (président, secrétaire de séance…), chosen among the members. */
import { useState, type FormEvent } from 'react';
import type { AgState } from '@shared/contract';
import { errorMessage } from '../../../api';
import { useMembers } from '../../members/queries';
import { useToast } from '../../../components/Toasts';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChanges';
import { useAgMutation } from '../queries';

export function Officers({ state, disabled }: { state: AgState; disabled: boolean }) {
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
