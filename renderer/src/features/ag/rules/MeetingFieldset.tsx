/** One collapsible fieldset per meeting type: convocation, quorum on both convocations, voters, pouvoirs, majorities. */
import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { MEETING_TYPE_LABELS, type MeetingType } from '@shared/domain/ag';
import { Field } from '../../../components/Field';
import { MajoritiesFields } from './MajoritiesFields';
import { QuorumFields } from './QuorumFields';
import { messageAt, type SectionProps } from './rulesForm';
import { SHORT_LABELS, meetingSentences } from './rulesSentences';

export function MeetingFieldset({
  type,
  open,
  onToggle,
  register,
  control,
  errors,
}: SectionProps & { open: boolean; onToggle: () => void }) {
  const bodyId = useId();
  const hasErrors = Boolean(errors.meetings?.[type]);
  return (
    <fieldset
      className={`rules-meeting${open ? ' rules-meeting-open' : ''}${hasErrors ? ' rules-meeting-invalid' : ''}`}
    >
      <legend>
        <button
          type="button"
          className="rules-meeting-toggle"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={onToggle}
        >
          <span className="rules-meeting-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {MEETING_TYPE_LABELS[type]}
        </button>
      </legend>
      {open ? (
        // Folded types are not rendered (their values stay in the form): the page stays light.
        <MeetingBody id={bodyId} type={type} register={register} control={control} errors={errors} />
      ) : (
        <p className="muted small rules-meeting-closed">
          {hasErrors ? <span className="error-text">Des valeurs sont à corriger. </span> : null}
          Cliquez sur le titre pour afficher et modifier ces règles.
        </p>
      )}
    </fieldset>
  );
}

function MeetingBody({ id: bodyId, type, register, control, errors }: SectionProps & { id: string }) {
  const p = `meetings.${type}` as const;
  const secondProvided = useWatch({ control, name: `${p}.secondProvided` });
  const proxiesAllowed = useWatch({ control, name: `${p}.proxiesAllowed` });
  const id = (name: string) => `regles-${type}-${name}`;

  return (
    <div id={bodyId} className="rules-meeting-body">
      <fieldset className="rules-group">
        <legend>Convocation</legend>
        <div className="rules-inline">
          <Field
            id={id('delai')}
            label="Délai de convocation (jours)"
            error={messageAt(errors, `${p}.convocationDelayDays`)}
          >
            {(a) => (
              <input
                type="number"
                min={0}
                max={365}
                className="number-input"
                {...a}
                {...register(`${p}.convocationDelayDays`)}
              />
            )}
          </Field>
          <Field id={id('decompte-jours')} label="Jours comptés" error={messageAt(errors, `${p}.convocationDayCount`)}>
            {(a) => (
              <select {...a} {...register(`${p}.convocationDayCount`)}>
                <option value="calendaires">jours calendaires</option>
                <option value="francs">jours francs (sans le jour d’envoi ni celui de la réunion)</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <QuorumFields
        type={type}
        round="first"
        legend="Quorum sur première convocation"
        register={register}
        control={control}
        errors={errors}
      />

      <fieldset className="rules-group">
        <legend>Deuxième convocation</legend>
        <label className="checkbox-label">
          <input type="checkbox" {...register(`${p}.secondProvided`)} />
          Les statuts prévoient une deuxième convocation si le quorum n’est pas atteint
        </label>
        {secondProvided && (
          <>
            <div className="rules-inline">
              <Field
                id={id('delai-2')}
                label="Délai de la deuxième convocation (jours)"
                error={messageAt(errors, `${p}.second.convocationDelayDays`)}
              >
                {(a) => (
                  <input
                    type="number"
                    min={0}
                    max={365}
                    className="number-input"
                    {...a}
                    {...register(`${p}.second.convocationDelayDays`)}
                  />
                )}
              </Field>
            </div>
            <QuorumFields
              type={type}
              round="second"
              legend="Quorum sur deuxième convocation"
              register={register}
              control={control}
              errors={errors}
            />
          </>
        )}
      </fieldset>

      <fieldset className="rules-group">
        <legend>Droit de vote</legend>
        <label className="checkbox-label">
          <input type="checkbox" {...register(`${p}.cotisationRequired`)} />
          Seuls les membres à jour de leur cotisation de l’année votent
        </label>
        <div className="rules-inline">
          <Field id={id('ponderation')} label="Décompte des voix" error={messageAt(errors, `${p}.voteWeighting`)}>
            {(a) => (
              <select {...a} {...register(`${p}.voteWeighting`)}>
                <option value="heads">une voix par membre</option>
                <option value="weight">voix pondérées selon le collège</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="rules-group">
        <legend>Pouvoirs</legend>
        <label className="checkbox-label">
          <input type="checkbox" {...register(`${p}.proxiesAllowed`)} />
          Le vote par procuration (pouvoir) est autorisé
        </label>
        {proxiesAllowed && (
          <>
            <div className="rules-inline">
              <Field
                id={id('pouvoirs-max')}
                label="Pouvoirs au plus par mandataire"
                error={messageAt(errors, `${p}.maxPerMandataire`)}
                hint="Laissez vide : sans limite (ce qui s’applique quand les statuts ne disent rien)."
              >
                {(a) => (
                  <input type="number" min={1} className="number-input" {...a} {...register(`${p}.maxPerMandataire`)} />
                )}
              </Field>
            </div>
            <label className="checkbox-label">
              <input type="checkbox" {...register(`${p}.mandataireMustBeVoter`)} />
              Le mandataire doit être lui-même un membre votant
            </label>
          </>
        )}
      </fieldset>

      <MajoritiesFields type={type} register={register} control={control} errors={errors} />

      <MeetingSummary type={type} control={control} />
    </div>
  );
}

/** The French sentences of the rules being typed (only this part re-renders on each keystroke). */
function MeetingSummary({ type, control }: { type: MeetingType; control: SectionProps['control'] }) {
  const values = useWatch({ control, name: `meetings.${type}` });
  const effectiveFrom = useWatch({ control, name: 'effectiveFrom' });
  const year = /^\d{4}/.test(effectiveFrom ?? '') ? Number(effectiveFrom.slice(0, 4)) : new Date().getFullYear();
  const lines = useMemo(() => meetingSentences(type, values, year), [type, values, year]);
  return (
    <div className="rules-summary">
      <h4>Ce que prévoient ces statuts — {SHORT_LABELS[type]}</h4>
      {lines === null ? (
        <p className="muted">Corrigez ou complétez les valeurs signalées ci-dessus : le résumé s’affichera ici.</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
