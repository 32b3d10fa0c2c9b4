/**
 * The editor of one version of the statutory rules: date of entry into force, source, then one collapsible
 * fieldset per meeting type (convocation, quorum on both convocations, who votes, pouvoirs, majorities), each
 * followed by the French sentences the app will apply, recomputed as the user types.
 *
 * The inputs hold text (numbers included, '' for nothing); `toVersionInput` turns them into the shape of
 * `rulesVersionSchema`, which checks everything before sending. Its messages (and the server's) are placed under
 * the matching inputs: zod paths such as `rules.meetings.age.quorum.first.fraction.denominator` are translated to
 * form paths such as `meetings.age.first.denominator`.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  get,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Resolver,
  type UseFormRegister,
} from 'react-hook-form';
import type { RulesOverview } from '@shared/contract';
import {
  DEFAULT_RULES,
  MEETING_TYPES,
  MEETING_TYPE_LABELS,
  majorityDescription,
  meetingRulesSchema,
  rulesReminders,
  secondConvocation,
  type MajorityBase,
  type MajorityRuleKind,
  type MeetingRules,
  type MeetingType,
  type QuorumCounting,
  type StatutoryRules,
  type Weighting,
} from '@shared/domain/governance';
import { formatDateLong } from '@shared/format';
import { rulesVersionSchema } from '@shared/schemas/ag';
import type { z } from '@shared/zod-fr';
import { ApiCallError, errorMessage, queryKey, useApiMutation } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useUnsavedChangesGuard } from '../../components/UnsavedChanges';

// ---------------------------------------------------------------------------------------------------------------
// Form values and their conversion
// ---------------------------------------------------------------------------------------------------------------

type Threshold = 'au_moins' | 'plus_de';

interface QuorumValues {
  required: 'aucun' | 'fraction';
  threshold: Threshold;
  numerator: string;
  denominator: string;
  counting: QuorumCounting;
  weighting: Weighting;
}

interface MajorityValues {
  code: string;
  label: string;
  rule: MajorityRuleKind;
  threshold: Threshold;
  numerator: string;
  denominator: string;
  base: MajorityBase;
  abstentionsCounted: boolean;
  blancsCounted: boolean;
}

interface MeetingValues {
  convocationDelayDays: string;
  convocationDayCount: 'calendaires' | 'francs';
  first: QuorumValues;
  secondProvided: boolean;
  second: QuorumValues & { convocationDelayDays: string };
  cotisationRequired: boolean;
  voteWeighting: Weighting;
  proxiesAllowed: boolean;
  maxPerMandataire: string;
  mandataireMustBeVoter: boolean;
  majorities: MajorityValues[];
}

export interface RulesFormValues {
  effectiveFrom: string;
  source: string;
  meetings: Record<MeetingType, MeetingValues>;
}

type ParsedVersion = z.output<typeof rulesVersionSchema>;

/** What the editor starts from: an existing version (id) or a new one prefilled from other rules (id null). */
export interface RulesDraft {
  id: number | null;
  effectiveFrom: string;
  source: string;
  rules: StatutoryRules;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** '' → undefined (zod then says « un nombre est attendu »); « 1,5 » is read as 1.5 (then refused as not whole). */
function numberOf(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

function quorumToValues(rule: MeetingRules['quorum']['first'] | null): QuorumValues {
  return {
    required: rule?.fraction ? 'fraction' : 'aucun',
    threshold: rule?.strict ? 'plus_de' : 'au_moins',
    numerator: text(rule?.fraction?.numerator ?? 1),
    denominator: text(rule?.fraction?.denominator ?? 2),
    counting: rule?.counting ?? 'presents_et_representes',
    weighting: rule?.weighting ?? 'heads',
  };
}

function meetingToValues(rules: MeetingRules): MeetingValues {
  const second = rules.quorum.second;
  return {
    convocationDelayDays: text(rules.convocationDelayDays),
    convocationDayCount: rules.convocationDayCount,
    first: quorumToValues(rules.quorum.first),
    secondProvided: second !== null,
    second: {
      ...quorumToValues(second),
      convocationDelayDays: text(second?.convocationDelayDays ?? rules.convocationDelayDays),
    },
    cotisationRequired: rules.voters.cotisationRequired,
    voteWeighting: rules.voteWeighting,
    proxiesAllowed: rules.proxies.allowed,
    maxPerMandataire: text(rules.proxies.maxPerMandataire),
    mandataireMustBeVoter: rules.proxies.mandataireMustBeVoter,
    majorities: Object.entries(rules.majorities)
      // « ordinaire » first: it is the one every meeting needs.
      .sort(([a], [b]) => (a === 'ordinaire' ? -1 : b === 'ordinaire' ? 1 : 0))
      .map(([code, majority]) => ({
        code,
        label: majority.label ?? '',
        rule: majority.rule,
        threshold: majority.strict ? 'plus_de' : 'au_moins',
        numerator: text(majority.fraction?.numerator ?? 1),
        denominator: text(majority.fraction?.denominator ?? 2),
        base: majority.base,
        abstentionsCounted: majority.abstentionsCounted,
        blancsCounted: majority.blancsCounted,
      })),
  };
}

export function draftToValues(draft: RulesDraft): RulesFormValues {
  const meetings = {} as Record<MeetingType, MeetingValues>;
  for (const type of MEETING_TYPES) meetings[type] = meetingToValues(draft.rules.meetings[type]);
  return { effectiveFrom: draft.effectiveFrom, source: draft.source, meetings };
}

function quorumToInput(values: QuorumValues) {
  return {
    fraction:
      values.required === 'fraction'
        ? { numerator: numberOf(values.numerator), denominator: numberOf(values.denominator) }
        : null,
    strict: values.required === 'fraction' && values.threshold === 'plus_de',
    counting: values.counting,
    weighting: values.weighting,
  };
}

/** One meeting type, in the shape of `meetingRulesSchema` (not yet checked). */
function meetingToInput(values: MeetingValues) {
  return {
    convocationDelayDays: numberOf(values.convocationDelayDays),
    convocationDayCount: values.convocationDayCount,
    quorum: {
      first: quorumToInput(values.first),
      second: values.secondProvided
        ? { ...quorumToInput(values.second), convocationDelayDays: numberOf(values.second.convocationDelayDays) }
        : null,
    },
    voters: { cotisationRequired: values.cotisationRequired },
    voteWeighting: values.voteWeighting,
    proxies: {
      allowed: values.proxiesAllowed,
      // Without pouvoirs, the cap means nothing: keep the schema quiet about a stale value.
      maxPerMandataire: values.proxiesAllowed ? (numberOf(values.maxPerMandataire) ?? null) : null,
      mandataireMustBeVoter: values.mandataireMustBeVoter,
    },
    majorities: Object.fromEntries(
      values.majorities.map((row) => {
        const simple = row.rule === 'simple';
        const exprimes = simple || row.base === 'exprimes';
        return [
          row.code.trim(),
          {
            label: row.label.trim() || undefined,
            rule: row.rule,
            fraction:
              row.rule === 'fraction'
                ? { numerator: numberOf(row.numerator), denominator: numberOf(row.denominator) }
                : null,
            strict: row.rule === 'fraction' && row.threshold === 'plus_de',
            // The simple majority compares pour and contre only: its base and counted votes are fixed.
            base: simple ? 'exprimes' : row.base,
            abstentionsCounted: exprimes && !simple ? row.abstentionsCounted : false,
            blancsCounted: exprimes && !simple ? row.blancsCounted : false,
          },
        ];
      }),
    ),
  };
}

function toVersionInput(values: RulesFormValues, id: number | null): unknown {
  const meetings: Record<string, unknown> = {};
  for (const type of MEETING_TYPES) meetings[type] = meetingToInput(values.meetings[type]);
  return { id, effectiveFrom: values.effectiveFrom, rules: { source: values.source, meetings } };
}

// ---------------------------------------------------------------------------------------------------------------
// Errors: zod paths → form paths
// ---------------------------------------------------------------------------------------------------------------

const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const CODE_MESSAGE =
  'Code : lettres minuscules sans accent, chiffres et « _ », en commençant par une lettre (par exemple « approbation_comptes »).';

/** The form path of a zod (or server) issue path, or null when no input matches. */
export function formPathOf(path: readonly PropertyKey[], values: RulesFormValues): string | null {
  const parts = path.map(String);
  if (parts[0] === 'effectiveFrom') return 'effectiveFrom';
  if (parts[0] !== 'rules') return null;
  if (parts[1] === 'source') return 'source';
  const type = parts[2] as MeetingType | undefined;
  if (parts[1] !== 'meetings' || !type || !MEETING_TYPES.includes(type)) return null;
  const base = `meetings.${type}`;
  const [key, a, b, c] = parts.slice(3);
  switch (key) {
    case 'convocationDelayDays':
    case 'convocationDayCount':
    case 'voteWeighting':
      return `${base}.${key}`;
    case 'voters':
      return `${base}.cotisationRequired`;
    case 'proxies':
      return a === 'allowed'
        ? `${base}.proxiesAllowed`
        : a === 'mandataireMustBeVoter'
          ? `${base}.mandataireMustBeVoter`
          : `${base}.maxPerMandataire`;
    case 'quorum': {
      if (a !== 'first' && a !== 'second') return null;
      if (b === 'fraction') return `${base}.${a}.${c === 'denominator' ? 'denominator' : 'numerator'}`;
      if (b === 'convocationDelayDays' && a === 'second') return `${base}.second.convocationDelayDays`;
      if (b === 'counting' || b === 'weighting') return `${base}.${a}.${b}`;
      return `${base}.${a}.required`;
    }
    case 'majorities': {
      if (a === undefined) return null;
      const index = values.meetings[type].majorities.findIndex((row) => row.code.trim() === a);
      if (index < 0) return null;
      const row = `${base}.majorities.${index}`;
      if (b === undefined) return `${row}.code`;
      if (b === 'fraction') return `${row}.${c === 'denominator' ? 'denominator' : 'numerator'}`;
      if (b === 'label' || b === 'rule' || b === 'base') return `${row}.${b}`;
      return `${row}.rule`;
    }
    default:
      return null;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Checks the codes of the resolution kinds of one meeting type (format, duplicates): zod would only say « clé invalide ». */
function majorityCodeIssues(type: MeetingType, rows: MajorityValues[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const code = row.code.trim();
    const path = `meetings.${type}.majorities.${index}.code`;
    if (!CODE_PATTERN.test(code)) issues.push({ path, message: CODE_MESSAGE });
    else if (seen.has(code))
      issues.push({ path, message: `Le code « ${code} » est déjà utilisé pour ce type de réunion.` });
    seen.add(code);
  });
  return issues;
}

const codeIssues = (values: RulesFormValues) =>
  MEETING_TYPES.flatMap((type) => majorityCodeIssues(type, values.meetings[type].majorities));

const FRACTION_ABOVE_ONE = 'La fraction doit être au plus égale à 1';

const rulesResolver =
  (id: number | null): Resolver<RulesFormValues, unknown, ParsedVersion> =>
  async (values) => {
    const local = codeIssues(values);
    const result = rulesVersionSchema.safeParse(toVersionInput(values, id));
    if (result.success && local.length === 0) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    const unplaced: string[] = [];
    for (const issue of local) setPath(errors, issue.path, { type: 'validation', message: issue.message });
    for (const issue of result.success ? [] : result.error.issues) {
      if (issue.code === 'invalid_key') continue; // said by codeIssues, in French
      const path = formPathOf(issue.path, values);
      if (!path) {
        if (!unplaced.includes(issue.message)) unplaced.push(issue.message);
        continue;
      }
      if (get(errors, path)) continue; // the first message of a field is enough
      // « 1/0 »: the denominator's own message says it all.
      if (issue.message.startsWith(FRACTION_ABOVE_ONE) && get(errors, path.replace(/numerator$/, 'denominator')))
        continue;
      setPath(errors, path, { type: 'validation', message: issue.message });
    }
    if (unplaced.length > 0) errors.root = { type: 'validation', message: unplaced.join(' ') };
    return { values: {}, errors: errors as FieldErrors<RulesFormValues> };
  };

/** The message of the error at a dotted form path, if any. */
function messageAt(errors: FieldErrors<RulesFormValues>, path: string): string | undefined {
  const found = get(errors, path) as { message?: unknown } | undefined;
  return typeof found?.message === 'string' ? found.message : undefined;
}

/** The meeting types an error object touches. */
function typesWithErrors(errors: FieldErrors<RulesFormValues>): MeetingType[] {
  return MEETING_TYPES.filter((type) => Boolean(errors.meetings?.[type]));
}

/** The first input of the form (in screen order) that has an error. */
function firstErrorPath(errors: FieldErrors<RulesFormValues>, form: HTMLFormElement | null): string | null {
  if (!form) return null;
  for (const element of form.querySelectorAll<HTMLInputElement>('input[name], select[name]')) {
    if (messageAt(errors, element.name)) return element.name;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

const SHORT_LABELS: Record<MeetingType, string> = {
  ago: 'AG ordinaire',
  age: 'AG extraordinaire',
  constitutive: 'AG constitutive',
  ca: MEETING_TYPE_LABELS.ca,
  bureau: 'Bureau',
};

const RULE_LABELS: Record<MajorityRuleKind, string> = {
  simple: 'Majorité simple (plus de pour que de contre)',
  absolue: 'Majorité absolue (plus de la moitié)',
  deux_tiers: 'Deux tiers',
  trois_quarts: 'Trois quarts',
  fraction: 'Autre fraction…',
};

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** The French sentences of one meeting type, or null while a value is missing or wrong. */
function meetingSentences(type: MeetingType, values: MeetingValues, year: number): string[] | null {
  const parsed = meetingRulesSchema.safeParse(meetingToInput(values));
  if (!parsed.success || majorityCodeIssues(type, values.majorities).length > 0) return null;
  const meeting = parsed.data;
  const rules: StatutoryRules = { source: null, meetings: { ...DEFAULT_RULES.meetings, [type]: meeting } };
  const days = meeting.convocationDelayDays;
  const francs = meeting.convocationDayCount === 'francs';
  const dayWord = `${days > 1 ? 'jours' : 'jour'}${francs ? (days > 1 ? ' francs' : ' franc') : ''}`;
  const lines = [
    `Convocation : au moins ${days} ${dayWord} avant la réunion${francs ? ' (ni le jour de l’envoi ni celui de la réunion ne comptent)' : ''}.`,
    ...rulesReminders(rules, type, 1, year),
    secondConvocation(rules, type).message,
  ];
  for (const [code, majority] of Object.entries(meeting.majorities)) {
    lines.push(`${majority.label ?? code} : ${lowerFirst(majorityDescription(majority))}.`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------------------------

interface EditorProps {
  draft: RulesDraft;
  /** Heading of the editor, e.g. « Nouvelle version des statuts ». */
  title: string;
  onSaved: (overview: RulesOverview) => void;
  onCancel: () => void;
}

const DEFAULT_OPEN: Record<MeetingType, boolean> = {
  ago: true,
  age: true,
  constitutive: false,
  ca: false,
  bureau: false,
};

export function RulesEditor({ draft, title, onSaved, onCancel }: EditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [open, setOpen] = useState<Record<MeetingType, boolean>>(DEFAULT_OPEN);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const toast = useToast();
  const queryClient = useQueryClient();
  const save = useApiMutation('rules.save', { invalidate: false });
  const resolver = useMemo(() => rulesResolver(draft.id), [draft.id]);

  const form = useForm<RulesFormValues, unknown, ParsedVersion>({
    resolver,
    defaultValues: draftToValues(draft),
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting, isDirty, submitCount },
  } = form;
  useUnsavedChangesGuard(isDirty);

  // The editor opens under the list: bring it into view and give it the focus.
  useEffect(() => {
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus();
  }, []);

  // Ctrl+S / Cmd+S saves, from anywhere on the page.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  /** Opens the meeting types that hold an error, then puts the focus on the first wrong input. */
  const revealErrors = (found: FieldErrors<RulesFormValues>) => {
    const types = typesWithErrors(found);
    if (types.some((type) => !open[type])) {
      flushSync(() => setOpen((current) => ({ ...current, ...Object.fromEntries(types.map((type) => [type, true])) })));
    }
    const path = firstErrorPath(found, formRef.current);
    if (!path) return;
    setFocus(path as never);
    // Centred, so that the sticky save bar does not hide the input and its message.
    formRef.current?.querySelector(`[name="${path}"]`)?.scrollIntoView?.({ block: 'center' });
  };

  const onValid = async (values: ParsedVersion) => {
    setFormError(null);
    try {
      const overview = await save.mutateAsync(values);
      queryClient.setQueryData(queryKey('rules.list'), overview);
      // The assemblies read the rules in force at their date.
      await queryClient.invalidateQueries({ queryKey: ['ag.get'] });
      toast.notify({
        kind: 'success',
        message: `Règles statutaires enregistrées (en vigueur à partir du ${formatDateLong(values.effectiveFrom)}).`,
      });
      onSaved(overview);
    } catch (error) {
      // Keep everything typed; say why it was refused, under the inputs when possible.
      const current = form.getValues();
      let placed = 0;
      if (error instanceof ApiCallError) {
        for (const [path, message] of Object.entries(error.fields)) {
          const target = formPathOf(path.split('.'), current);
          if (!target) continue;
          setError(target as never, { type: 'server', message });
          placed++;
        }
        if (error.code === 'conflict') {
          setError('effectiveFrom', {
            type: 'server',
            message: 'Choisissez une autre date, ou modifiez la version existante.',
          });
          placed++;
        }
      }
      const message = errorMessage(error);
      setFormError(message);
      toast.notify({ kind: 'error', message });
      if (placed > 0) revealErrors(form.formState.errors);
    }
  };

  const errorCount = countErrors(errors);
  const cancel = () => (isDirty ? setConfirmCancel(true) : onCancel());

  return (
    <form
      ref={formRef}
      className="rules-editor"
      noValidate
      aria-labelledby="regles-editeur-titre"
      onSubmit={handleSubmit(onValid, (found) => {
        setFormError(null);
        revealErrors(found);
      })}
    >
      <h3 id="regles-editeur-titre" ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p className="muted small">
        Recopiez ce que disent vos statuts (ou votre règlement intérieur). Les valeurs proposées sont{' '}
        {draft.id === null
          ? 'celles de la version précédente, ou à défaut des valeurs usuelles'
          : 'celles de cette version'}
        . Ctrl+S enregistre.
      </p>

      <div className="form-grid">
        <Field
          id="regles-date"
          label="Date d’entrée en vigueur"
          required
          error={errors.effectiveFrom?.message}
          hint="Les réunions tenues à partir de cette date suivent ces règles (souvent la date de l’assemblée qui a adopté les statuts)."
        >
          {(a) => <input type="date" {...a} {...register('effectiveFrom')} />}
        </Field>
        <Field
          id="regles-source"
          label="Source"
          error={errors.source?.message}
          hint="Par exemple : Statuts adoptés le 12 mars 2021, articles 10 à 14."
        >
          {(a) => (
            <input
              type="text"
              autoComplete="off"
              placeholder="Statuts adoptés le …, articles …"
              {...a}
              {...register('source')}
            />
          )}
        </Field>
      </div>

      {MEETING_TYPES.map((type) => (
        <MeetingFieldset
          key={type}
          type={type}
          open={open[type]}
          onToggle={() => setOpen((current) => ({ ...current, [type]: !current[type] }))}
          register={register}
          control={control}
          errors={errors}
        />
      ))}

      <div className="rules-editor-actions">
        {errors.root?.message && (
          <p className="error-text" role="alert">
            {errors.root.message}
          </p>
        )}
        {formError ? (
          <div className="alert alert-error" role="alert">
            {formError}
          </div>
        ) : (
          submitCount > 0 &&
          errorCount > 0 && (
            <p className="error-text" role="alert">
              {errorCount > 1
                ? `${errorCount} valeurs sont à corriger : les messages sont affichés sous les champs concernés.`
                : 'Une valeur est à corriger : le message est affiché sous le champ concerné.'}
            </p>
          )
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Enregistrement…' : 'Enregistrer cette version'}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel} disabled={isSubmitting}>
            Annuler
          </button>
        </div>
      </div>

      {confirmCancel && (
        <ConfirmDialog
          title="Abandonner les modifications ?"
          confirmLabel="Abandonner"
          danger
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            onCancel();
          }}
        >
          <p>Les valeurs saisies dans cette version des statuts n’ont pas été enregistrées : elles seront perdues.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && 'type' in node) return 1;
  return Object.entries(node).reduce((sum, [key, value]) => (key === 'ref' ? sum : sum + countErrors(value)), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// One meeting type
// ---------------------------------------------------------------------------------------------------------------

interface SectionProps {
  type: MeetingType;
  register: UseFormRegister<RulesFormValues>;
  control: Control<RulesFormValues, unknown, ParsedVersion>;
  errors: FieldErrors<RulesFormValues>;
}

function MeetingFieldset({
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

// ---------------------------------------------------------------------------------------------------------------
// Quorum of one round
// ---------------------------------------------------------------------------------------------------------------

function QuorumFields({
  type,
  round,
  legend,
  register,
  control,
  errors,
}: SectionProps & { round: 'first' | 'second'; legend: string }) {
  const p = `meetings.${type}.${round}` as const;
  const required = useWatch({ control, name: `${p}.required` });
  const id = (name: string) => `regles-${type}-${round}-${name}`;
  return (
    <fieldset className="rules-group">
      <legend>{legend}</legend>
      <div className="radio-field" role="radiogroup" aria-label={`${legend} : quorum exigé ?`}>
        <label className="radio-label">
          <input type="radio" value="aucun" {...register(`${p}.required`)} />
          Aucun quorum
        </label>
        <label className="radio-label">
          <input type="radio" value="fraction" {...register(`${p}.required`)} />
          Une fraction des membres votants
        </label>
      </div>
      {messageAt(errors, `${p}.required`) && <p className="field-error">{messageAt(errors, `${p}.required`)}</p>}
      {required === 'fraction' && (
        <div className="rules-inline">
          <Field id={id('seuil')} label="Seuil">
            {(a) => (
              <select {...a} {...register(`${p}.threshold`)}>
                <option value="au_moins">au moins</option>
                <option value="plus_de">plus de</option>
              </select>
            )}
          </Field>
          <FractionInputs
            idPrefix={id('')}
            numerator={register(`${p}.numerator`)}
            denominator={register(`${p}.denominator`)}
            numeratorError={messageAt(errors, `${p}.numerator`)}
            denominatorError={messageAt(errors, `${p}.denominator`)}
          />
          <Field id={id('comptes')} label="Membres comptés" error={messageAt(errors, `${p}.counting`)}>
            {(a) => (
              <select {...a} {...register(`${p}.counting`)}>
                <option value="presents_et_representes">présents et représentés</option>
                <option value="presents">présents seulement</option>
              </select>
            )}
          </Field>
          <Field id={id('decompte')} label="Compté" error={messageAt(errors, `${p}.weighting`)}>
            {(a) => (
              <select {...a} {...register(`${p}.weighting`)}>
                <option value="heads">par membre</option>
                <option value="weight">par voix (poids des collèges)</option>
              </select>
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}

/**
 * Numerator / denominator side by side; their messages go under the pair, as wide as the pair (not wider), so a
 * message does not push the neighbouring fields around.
 */
function FractionInputs({
  idPrefix,
  numerator,
  denominator,
  numeratorError,
  denominatorError,
}: {
  idPrefix: string;
  numerator: ReturnType<UseFormRegister<RulesFormValues>>;
  denominator: ReturnType<UseFormRegister<RulesFormValues>>;
  numeratorError: string | undefined;
  denominatorError: string | undefined;
}) {
  const parts = [
    { key: 'numerateur', label: 'Numérateur', field: numerator, error: numeratorError },
    { key: 'denominateur', label: 'Dénominateur', field: denominator, error: denominatorError },
  ];
  return (
    <div className="rules-fraction-group">
      <div className="rules-fraction">
        {parts.map((part, index) => (
          <div key={part.key} className="rules-fraction-part">
            {index === 1 && (
              <span className="rules-fraction-bar" aria-hidden="true">
                /
              </span>
            )}
            <div className="field">
              <div className="field-label">
                <label htmlFor={`${idPrefix}${part.key}`}>{part.label}</label>
              </div>
              <input
                id={`${idPrefix}${part.key}`}
                type="number"
                min={1}
                className="number-input"
                aria-invalid={Boolean(part.error)}
                aria-describedby={part.error ? `${idPrefix}${part.key}-erreur` : undefined}
                {...part.field}
              />
            </div>
          </div>
        ))}
      </div>
      {parts.map(
        (part) =>
          part.error && (
            <p key={part.key} id={`${idPrefix}${part.key}-erreur`} className="field-error rules-fraction-error">
              {part.error}
            </p>
          ),
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Majorities
// ---------------------------------------------------------------------------------------------------------------

function MajoritiesFields({ type, register, control, errors }: SectionProps) {
  const { fields, append, remove } = useFieldArray({ control, name: `meetings.${type}.majorities` });
  const rows = useWatch({ control, name: `meetings.${type}.majorities` });
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [addError, setAddError] = useState<{ code?: string; label?: string }>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const id = (name: string) => `regles-${type}-${name}`;

  const add = () => {
    const cleanCode = code.trim();
    const problems: { code?: string; label?: string } = {};
    if (!CODE_PATTERN.test(cleanCode)) problems.code = CODE_MESSAGE;
    else if (rows.some((row) => row.code.trim() === cleanCode))
      problems.code = `Le code « ${cleanCode} » est déjà utilisé pour ce type de réunion.`;
    if (!label.trim())
      problems.label = 'Indiquez le libellé de ce type de résolution (par exemple « Modification des statuts »).';
    setAddError(problems);
    if (problems.code || problems.label) {
      codeRef.current?.focus();
      return;
    }
    const index = rows.length;
    append(
      {
        code: cleanCode,
        label: label.trim(),
        rule: 'absolue',
        threshold: 'au_moins',
        numerator: '1',
        denominator: '2',
        base: 'exprimes',
        abstentionsCounted: false,
        blancsCounted: false,
      },
      // Next step for the user: the majority this new kind requires.
      { focusName: `meetings.${type}.majorities.${index}.rule` },
    );
    setCode('');
    setLabel('');
  };
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the row instead of submitting the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="rules-group">
      <legend>Majorités par type de résolution</legend>
      <p className="muted small">
        La ligne « ordinaire » s’applique à toute résolution sans type particulier ; ajoutez les types que vos statuts
        traitent à part (modification des statuts, dissolution, exclusion…).
      </p>
      <ul className="rules-majorities">
        {fields.map((field, index) => (
          <MajorityRow
            key={field.id}
            type={type}
            index={index}
            code={field.code}
            row={rows[index] ?? field}
            register={register}
            errors={errors}
            onRemove={() => remove(index)}
          />
        ))}
      </ul>
      <div className="rules-add" role="group" aria-label={`Ajouter un type de résolution (${SHORT_LABELS[type]})`}>
        <Field
          id={id('nouveau-code')}
          label="Code du nouveau type"
          error={addError.code}
          hint="Par exemple « statuts » ou « dissolution »."
        >
          {(a) => (
            <input
              ref={codeRef}
              type="text"
              autoComplete="off"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              onKeyDown={onEnter}
              {...a}
            />
          )}
        </Field>
        <Field id={id('nouveau-libelle')} label="Libellé du nouveau type" error={addError.label}>
          {(a) => (
            <input
              type="text"
              autoComplete="off"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              onKeyDown={onEnter}
              {...a}
            />
          )}
        </Field>
        <button type="button" className="button button-secondary rules-add-button" onClick={add}>
          Ajouter ce type de résolution
        </button>
      </div>
    </fieldset>
  );
}

function MajorityRow({
  type,
  index,
  code,
  row,
  register,
  errors,
  onRemove,
}: {
  type: MeetingType;
  index: number;
  code: string;
  row: MajorityValues;
  register: UseFormRegister<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
  onRemove: () => void;
}) {
  const p = `meetings.${type}.majorities.${index}` as const;
  const id = (name: string) => `regles-${type}-majorite-${index}-${name}`;
  const mandatory = code === 'ordinaire';
  const codeError = messageAt(errors, `${p}.code`);
  return (
    <li className="rules-majority">
      <fieldset className="rules-majority-fieldset">
        <legend>
          Type « {code} »{mandatory && <span className="badge badge-muted rules-majority-badge">obligatoire</span>}
        </legend>
        {codeError && <p className="field-error">{codeError}</p>}
        <div className="rules-inline">
          <Field id={id('libelle')} label="Libellé" error={messageAt(errors, `${p}.label`)}>
            {(a) => (
              <input type="text" autoComplete="off" className="rules-label-input" {...a} {...register(`${p}.label`)} />
            )}
          </Field>
          <Field id={id('regle')} label="Majorité requise" error={messageAt(errors, `${p}.rule`)}>
            {(a) => (
              <select {...a} {...register(`${p}.rule`)}>
                {(Object.keys(RULE_LABELS) as MajorityRuleKind[]).map((rule) => (
                  <option key={rule} value={rule}>
                    {RULE_LABELS[rule]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {row.rule !== 'simple' && (
          <div className="rules-inline">
            {row.rule === 'fraction' && (
              <>
                <Field id={id('seuil')} label="Seuil">
                  {(a) => (
                    <select {...a} {...register(`${p}.threshold`)}>
                      <option value="au_moins">au moins</option>
                      <option value="plus_de">plus de</option>
                    </select>
                  )}
                </Field>
                <FractionInputs
                  idPrefix={id('')}
                  numerator={register(`${p}.numerator`)}
                  denominator={register(`${p}.denominator`)}
                  numeratorError={messageAt(errors, `${p}.numerator`)}
                  denominatorError={messageAt(errors, `${p}.denominator`)}
                />
              </>
            )}
            <Field id={id('base')} label="Calculée sur" error={messageAt(errors, `${p}.base`)}>
              {(a) => (
                <select {...a} {...register(`${p}.base`)}>
                  <option value="exprimes">les suffrages exprimés</option>
                  <option value="presents_et_representes">les membres présents et représentés</option>
                </select>
              )}
            </Field>
          </div>
        )}
        {row.rule === 'simple' ? (
          <p className="muted small">
            La majorité simple compare les voix pour et contre : abstentions et blancs ne comptent pas.
          </p>
        ) : row.base === 'exprimes' ? (
          <div className="rules-checks">
            <label className="checkbox-label">
              <input type="checkbox" {...register(`${p}.abstentionsCounted`)} />
              Les abstentions comptent dans les suffrages exprimés
            </label>
            <label className="checkbox-label">
              <input type="checkbox" {...register(`${p}.blancsCounted`)} />
              Les votes blancs comptent dans les suffrages exprimés
            </label>
          </div>
        ) : (
          <p className="muted small">Abstentions, blancs et membres qui ne votent pas pèsent comme des voix contre.</p>
        )}
        {!mandatory && (
          <div className="rules-majority-actions">
            <button type="button" className="button button-small button-ghost" onClick={onRemove}>
              Retirer le type « {code} »
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
