/**
 * The statutory rules editor's form: its values (text in the inputs, numbers included, '' for nothing), their
 * conversion from a rules version and to the shape of `rulesVersionSchema`, and the resolver that places the
 * schema's messages (and the server's) under the matching inputs: zod paths such as
 * `rules.meetings.age.quorum.first.fraction.denominator` become form paths such as `meetings.age.first.denominator`.
 */
import { get, type Control, type FieldErrors, type Resolver, type UseFormRegister } from 'react-hook-form';
import {
  MEETING_TYPES,
  type MajorityBase,
  type MajorityRuleKind,
  type MeetingRules,
  type MeetingType,
  type QuorumCounting,
  type StatutoryRules,
  type Weighting,
} from '@shared/domain/ag';
import { rulesVersionSchema } from '@shared/schemas/ag';
import type { z } from '@shared/zod-fr';

// ---------------------------------------------------------------------------------------------------------------
// Form values and their conversion
// ---------------------------------------------------------------------------------------------------------------

export type Threshold = 'au_moins' | 'plus_de';

export interface QuorumValues {
  required: 'aucun' | 'fraction';
  threshold: Threshold;
  numerator: string;
  denominator: string;
  counting: QuorumCounting;
  weighting: Weighting;
}

export interface MajorityValues {
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

export interface MeetingValues {
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

export type ParsedVersion = z.output<typeof rulesVersionSchema>;

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
export function meetingToInput(values: MeetingValues) {
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

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const CODE_MESSAGE =
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
export function majorityCodeIssues(type: MeetingType, rows: MajorityValues[]): { path: string; message: string }[] {
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

export const rulesResolver =
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
export function messageAt(errors: FieldErrors<RulesFormValues>, path: string): string | undefined {
  const found = get(errors, path) as { message?: unknown } | undefined;
  return typeof found?.message === 'string' ? found.message : undefined;
}

/** The meeting types an error object touches. */
export function typesWithErrors(errors: FieldErrors<RulesFormValues>): MeetingType[] {
  return MEETING_TYPES.filter((type) => Boolean(errors.meetings?.[type]));
}

/** The first input of the form (in screen order) that has an error. */
export function firstErrorPath(errors: FieldErrors<RulesFormValues>, form: HTMLFormElement | null): string | null {
  if (!form) return null;
  for (const element of form.querySelectorAll<HTMLInputElement>('input[name], select[name]')) {
    if (messageAt(errors, element.name)) return element.name;
  }
  return null;
}

/** What each section of a meeting type's rules receives from the editor's form. */
export interface SectionProps {
  type: MeetingType;
  register: UseFormRegister<RulesFormValues>;
  control: Control<RulesFormValues, unknown, ParsedVersion>;
  errors: FieldErrors<RulesFormValues>;
}
