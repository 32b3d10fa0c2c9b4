/**
 * Pouvoirs (procurations) of the assembly: the rules of the statuts, a form to register a pouvoir received (the
 * main process refuses it with a French reason when the statuts do not allow it), and the pouvoirs registered with
 * whether each counts now.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { AgState } from '@shared/contract';
import { searchKey } from '@shared/text';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';
import { formatCount, pl } from './QuorumPanel';
import { useAgMutation } from './queries';
import { MemberCombobox, type Option } from './proxies/MemberCombobox';
import { ProxyTable } from './proxies/ProxyTable';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function ProxiesTab({ state }: { state: AgState }) {
  if (!state.proxiesAllowed) {
    return (
      <div className="agl-tab agl-proxies">
        <p className="alert alert-warning agl-no-proxies">
          Les statuts en vigueur ne permettent pas de voter par procuration : aucun pouvoir ne peut être enregistré pour
          cette assemblée. Seuls les membres présents votent.
        </p>
      </div>
    );
  }
  return <ProxiesContent state={state} />;
}

function ProxiesContent({ state }: { state: AgState }) {
  const readOnly = state.pv.status === 'approuve';
  const counted = state.proxies.filter((proxy) => proxy.counted).length;
  return (
    <div className="agl-tab agl-proxies">
      <section className="agl-rules" aria-label="Règles des statuts">
        <h2 className="agl-section-title">Ce que prévoient les statuts</h2>
        <ul className="agl-reminders">
          {state.rules.reminders.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {state.rules.isDefault && (
          <p className="field-hint">
            Règles usuelles par défaut : enregistrez celles de vos statuts dans les paramètres pour qu’elles
            s’appliquent.
          </p>
        )}
      </section>
      {readOnly && (
        <p className="alert alert-warning">
          Le procès-verbal est approuvé : les pouvoirs ne peuvent plus être modifiés. Rouvrez le procès-verbal en
          brouillon pour les corriger.
        </p>
      )}
      {!readOnly && <ProxyForm state={state} />}
      <section className="agl-proxy-list" aria-labelledby="agl-pouvoirs-titre">
        <h2 id="agl-pouvoirs-titre" className="agl-section-title">
          Pouvoirs enregistrés{' '}
          <span className="muted agl-title-note">
            {state.proxies.length === 0
              ? ''
              : `${formatCount(state.proxies.length)} au total, ${formatCount(counted)} ${pl(counted, 'compte', 'comptent')} maintenant`}
          </span>
        </h2>
        {state.proxies.length === 0 ? (
          <p className="muted">Aucun pouvoir enregistré pour cette assemblée.</p>
        ) : (
          <ProxyTable state={state} readOnly={readOnly} />
        )}
      </section>
    </div>
  );
}

function ProxyForm({ state }: { state: AgState }) {
  const formId = useId();
  const mutation = useAgMutation('ag.saveProxy');
  const [mandantId, setMandantId] = useState<number | null>(null);
  const [mandataireId, setMandataireId] = useState<number | null>(null);
  const [receivedOn, setReceivedOn] = useState('');
  const [errors, setErrors] = useState<{ mandant?: string; mandataire?: string; receivedOn?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState('');
  useUnsavedChangesGuard(mandantId !== null || mandataireId !== null || receivedOn !== '');

  const proxies = useMemo(() => new Map(state.proxies.map((proxy) => [proxy.id, proxy])), [state.proxies]);
  const mandants = useMemo<Option[]>(
    () =>
      [...state.voters]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((voter) => {
          const given = voter.proxyGiven === null ? undefined : proxies.get(voter.proxyGiven);
          const note = voter.present ? 'présent' : given ? `a déjà donné pouvoir à ${given.mandataireName}` : null;
          return { id: voter.id, name: voter.name, note, key: searchKey(voter.name) };
        }),
    [state.voters, proxies],
  );
  const mandataires = useMemo<Option[]>(() => {
    const voters = state.voters.map((voter) => {
      const held = voter.proxiesHeld.length;
      const notes = [
        voter.present ? 'présent' : 'absent',
        held > 0 ? `détient ${held} ${pl(held, 'pouvoir', 'pouvoirs')}` : null,
      ].filter(Boolean);
      return { id: voter.id, name: voter.name, note: notes.join(', '), key: searchKey(voter.name) };
    });
    const others = state.nonVoters.map((row) => ({
      id: row.id,
      name: row.name,
      note: `sans droit de vote : ${row.reason}`,
      key: searchKey(row.name),
    }));
    return [...voters, ...others].sort((a, b) => collator.compare(a.name, b.name));
  }, [state.voters, state.nonVoters]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    setDone('');
    const next: typeof errors = {};
    if (mandantId === null) next.mandant = 'Choisissez le mandant (le membre qui donne pouvoir) dans la liste.';
    if (mandataireId === null)
      next.mandataire = 'Choisissez le mandataire (le membre qui reçoit le pouvoir) dans la liste.';
    if (receivedOn && !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) next.receivedOn = 'Date attendue au format jj/mm/aaaa.';
    setErrors(next);
    if (Object.keys(next).length > 0 || mandantId === null || mandataireId === null) return;
    const before = new Set(state.proxies.map((proxy) => proxy.id));
    try {
      const saved = await mutation.mutateAsync({
        meetingId: state.meetingId,
        mandantId,
        mandataireId,
        receivedOn: receivedOn || null,
      });
      const created = saved.proxies.find((proxy) => !before.has(proxy.id));
      const names = created ? `${created.mandantName} donne pouvoir à ${created.mandataireName}` : '';
      setDone(
        created
          ? created.counted
            ? `Pouvoir enregistré : ${names}. Il compte dès maintenant.`
            : `Pouvoir enregistré : ${names}. Il ne compte pas pour l’instant (${created.reason}).`
          : 'Pouvoir enregistré.',
      );
      setMandantId(null);
      setMandataireId(null);
      setReceivedOn('');
      document.getElementById(`${formId}-mandant`)?.focus();
    } catch (error) {
      const fields = (error as { fields?: Record<string, string> }).fields ?? {};
      setErrors({ mandant: fields.mandantId, mandataire: fields.mandataireId, receivedOn: fields.receivedOn });
      setRefusal(errorMessage(error));
    }
  };

  return (
    <section className="card agl-proxy-form" aria-labelledby={`${formId}-titre`}>
      <h2 id={`${formId}-titre`} className="agl-section-title">
        Enregistrer un pouvoir reçu
      </h2>
      <form onSubmit={submit} noValidate>
        <div className="agl-proxy-fields">
          <Field
            id={`${formId}-mandant`}
            label="Mandant"
            required
            error={errors.mandant}
            hint="Le membre absent qui donne pouvoir."
          >
            {(control) => (
              <MemberCombobox
                control={control}
                options={mandants}
                value={mandantId}
                listLabel="Membres votants"
                onChange={(id) => {
                  setMandantId(id);
                  setRefusal(null);
                }}
              />
            )}
          </Field>
          <span className="agl-proxy-arrow" aria-hidden="true">
            →
          </span>
          <Field
            id={`${formId}-mandataire`}
            label="Mandataire"
            required
            error={errors.mandataire}
            hint="Le membre qui votera à sa place."
          >
            {(control) => (
              <MemberCombobox
                control={control}
                options={mandataires}
                value={mandataireId}
                listLabel="Membres"
                onChange={(id) => {
                  setMandataireId(id);
                  setRefusal(null);
                }}
              />
            )}
          </Field>
          <Field id={`${formId}-date`} label="Date de réception" error={errors.receivedOn} hint="Facultative.">
            {(control) => (
              <input
                {...control}
                type="date"
                value={receivedOn}
                onChange={(event) => setReceivedOn(event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="agl-proxy-actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {mutation.isPending ? 'Enregistrement…' : 'Enregistrer le pouvoir'}
          </button>
          <div className="agl-proxy-outcome">
            {refusal && (
              <p className="alert alert-error agl-refusal" role="alert">
                {refusal}
              </p>
            )}
            <p className="success-text" role="status">
              {done}
            </p>
          </div>
        </div>
      </form>
    </section>
  );
}
