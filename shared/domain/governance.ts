/**
 * Governance maths of a CPTS: who votes, which proxies (pouvoirs) count, whether the quorum is reached, whether a
 * resolution is adopted, whether the convocation was sent in time.
 *
 * Everything here is pure and data-driven. The loi du 1er juillet 1901 fixes none of these rules (domain.md §4):
 * convocation delay, quorum, majorities and proxies all come from the statuts (or the règlement intérieur) of the
 * CPTS, captured in a {@link StatutoryRules} value that the caller stores and versions. {@link DEFAULT_RULES} only
 * holds the usual defaults, to be replaced by the CPTS's own statuts.
 *
 * Arithmetic is exact. Vote weights and vote totals are converted to integer thousandths of a voix ("units",
 * {@link VOTE_UNIT}); weights with more than three decimals are rounded to three. Thresholds are computed with
 * integer division and remainder, never with floating-point ceilings. Rounding rules (see {@link threshold}):
 * - « au moins une fraction » (quorum 1/4, majorité des 2/3, des 3/4, fraction f): `ceil(base × f)` voix requises;
 * - « plus de la moitié » (majorité absolue) and any strict fraction: `floor(base × f) + 1` voix requises;
 * - majorité simple: more pour than contre, i.e. `contre + 1` voix requises;
 * where "1" and the rounding step are one voix whenever every weight and vote total is a whole number (otherwise
 * the smallest step the weights allow, e.g. 0,5 voix with a collège weighing 1,5).
 *
 * Every message a user can read is in French; identifiers and comments are in English.
 * This module must stay free of Node built-ins and of 'electron' (it runs in the renderer too).
 */
import { z } from '../zod-fr';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Meeting types that have statutory rules: AG ordinaire, extraordinaire, constitutive, conseil d'administration, bureau. */
export const MEETING_TYPES = ['ago', 'age', 'constitutive', 'ca', 'bureau'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** French label of each meeting type, for screens and PDFs. */
export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, string>> = Object.freeze({
  ago: 'Assemblée générale ordinaire',
  age: 'Assemblée générale extraordinaire',
  constitutive: 'Assemblée générale constitutive',
  ca: "Conseil d'administration",
  bureau: 'Bureau',
});

/** How each meeting type is named inside a French sentence. */
const WORDING: Readonly<Record<MeetingType, { the: string; meeting: string; body: string }>> = {
  ago: { the: "l'assemblée générale ordinaire", meeting: "l'assemblée", body: "l'assemblée" },
  age: { the: "l'assemblée générale extraordinaire", meeting: "l'assemblée", body: "l'assemblée" },
  constitutive: { the: "l'assemblée générale constitutive", meeting: "l'assemblée", body: "l'assemblée" },
  ca: {
    the: "le conseil d'administration",
    meeting: "la réunion du conseil d'administration",
    body: "le conseil d'administration",
  },
  bureau: { the: 'le bureau', meeting: 'la réunion du bureau', body: 'le bureau' },
};

/** Who counts towards the quorum: the members present only, or present plus represented by a proxy. */
export const QUORUM_COUNTINGS = ['presents', 'presents_et_representes'] as const;
export type QuorumCounting = (typeof QUORUM_COUNTINGS)[number];

/** One member one vote (`heads`) or each member weighs their collège's vote weight (`weight`). */
export const WEIGHTINGS = ['heads', 'weight'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

/**
 * Majority rules:
 * - `simple`: more pour than contre (pour > contre); abstentions and blancs never matter;
 * - `absolue`: strictly more than half of the base;
 * - `deux_tiers`, `trois_quarts`: at least 2/3, 3/4 of the base;
 * - `fraction`: at least (or, with `strict`, strictly more than) the given fraction of the base.
 */
export const MAJORITY_RULES = ['simple', 'absolue', 'deux_tiers', 'trois_quarts', 'fraction'] as const;
export type MajorityRuleKind = (typeof MAJORITY_RULES)[number];

/**
 * Base of a majority:
 * - `exprimes`: suffrages exprimés = pour + contre, plus abstentions and/or blancs only when the statuts say so;
 * - `presents_et_representes`: all the voting power present or represented, whatever was cast (every voix that is
 *   not « pour » weighs as a « contre »).
 */
export const MAJORITY_BASES = ['exprimes', 'presents_et_representes'] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

/** Resolution kinds every CPTS has; statuts may add their own keys (e.g. `exclusion`, `election_ca`). */
export const STANDARD_RESOLUTION_KINDS = ['ordinaire', 'statuts', 'dissolution'] as const;

/** Attendance of one person at a meeting, as it stands now (arrivals and departures update it). */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'represented'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Internal precision: one voix = 1,000 units, so weights such as 1,5 or 0,25 stay exact integers. */
export const VOTE_UNIT = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Statutory rules: zod schema and types
// ---------------------------------------------------------------------------------------------------------------

/** A fraction in (0, 1], e.g. `{ numerator: 1, denominator: 4 }` for « le quart ». */
export const fractionSchema = z
  .object({
    numerator: z
      .number({ error: 'Numérateur : un nombre entier est attendu.' })
      .int('Numérateur : un nombre entier est attendu.')
      .min(1, 'Le numérateur doit valoir au moins 1.'),
    denominator: z
      .number({ error: 'Dénominateur : un nombre entier est attendu.' })
      .int('Dénominateur : un nombre entier est attendu.')
      .min(1, 'Le dénominateur doit valoir au moins 1.')
      .max(1000, 'Dénominateur : 1 000 au maximum.'),
  })
  .refine((fraction) => fraction.numerator <= fraction.denominator, {
    message: 'La fraction doit être au plus égale à 1 (par exemple 1/4 ou 2/3).',
    path: ['numerator'],
  });
export type Fraction = z.output<typeof fractionSchema>;

const delayDaysSchema = z
  .number({ error: 'Délai de convocation : un nombre de jours est attendu.' })
  .int('Délai de convocation : un nombre entier de jours est attendu.')
  .min(0, 'Le délai de convocation ne peut pas être négatif.')
  .max(365, 'Délai de convocation : 365 jours au maximum.');

/**
 * Quorum of one convocation round. `fraction: null` means no quorum. `strict: true` reads « plus de la moitié »
 * (strictly more than the fraction) instead of « au moins la moitié ».
 */
export const quorumRoundSchema = z.object({
  fraction: fractionSchema.nullable(),
  strict: z.boolean().default(false),
  counting: z.enum(QUORUM_COUNTINGS, {
    error: 'Quorum : comptez les « présents » ou les « présents et représentés ».',
  }),
  weighting: z.enum(WEIGHTINGS, {
    error: 'Quorum : compté par membre (« heads ») ou par poids de vote (« weight ») ?',
  }),
});
export type QuorumRoundRule = z.output<typeof quorumRoundSchema>;

/** Quorum of the second convocation, with its own convocation delay. */
export const secondRoundSchema = quorumRoundSchema.extend({ convocationDelayDays: delayDaysSchema });
export type SecondRoundRule = z.output<typeof secondRoundSchema>;

/** Proxies (pouvoirs). `maxPerMandataire: null` = no cap (what the law implies when the statuts are silent). */
export const proxyRulesSchema = z.object({
  allowed: z.boolean({ error: 'Pouvoirs : autorisés ou non ?' }),
  maxPerMandataire: z
    .number({ error: 'Nombre maximal de pouvoirs : un nombre entier est attendu.' })
    .int('Nombre maximal de pouvoirs : un nombre entier est attendu.')
    .min(1, 'Nombre maximal de pouvoirs : au moins 1 (ou aucun plafond).')
    .max(1000, 'Nombre maximal de pouvoirs : 1 000 au maximum.')
    .nullable(),
  mandataireMustBeVoter: z.boolean({ error: 'Le mandataire doit-il être membre votant ?' }),
});
export type ProxyRules = z.output<typeof proxyRulesSchema>;

/**
 * Majority of one resolution kind. `fraction` (and `strict`) are read only with `rule: 'fraction'`. With
 * `base: 'exprimes'`, abstentions and blancs are NOT suffrages exprimés (French practice) unless
 * `abstentionsCounted` / `blancsCounted` say the statuts count them. `simple` compares pour and contre only, so it
 * accepts neither another base nor counted abstentions: use `absolue` or a fraction for that.
 */
export const majorityRuleSchema = z
  .object({
    /** French label of the resolution kind, e.g. « Modification des statuts ». */
    label: z.string().trim().min(1, 'Libellé vide.').max(120, 'Libellé : 120 caractères au maximum.').optional(),
    rule: z.enum(MAJORITY_RULES, { error: 'Majorité : simple, absolue, deux tiers, trois quarts ou fraction.' }),
    fraction: fractionSchema.nullish().transform((value) => value ?? null),
    strict: z.boolean().default(false),
    base: z
      .enum(MAJORITY_BASES, { error: 'Base de la majorité : suffrages exprimés ou membres présents et représentés.' })
      .default('exprimes'),
    abstentionsCounted: z.boolean().default(false),
    blancsCounted: z.boolean().default(false),
  })
  .superRefine((majority, ctx) => {
    if (majority.rule === 'fraction' && !majority.fraction) {
      ctx.addIssue({ code: 'custom', path: ['fraction'], message: 'Indiquez la fraction requise (par exemple 3/5).' });
    }
    if (
      majority.rule === 'simple' &&
      (majority.base !== 'exprimes' || majority.abstentionsCounted || majority.blancsCounted)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['rule'],
        message:
          'La majorité simple compare seulement les voix pour et contre : pour compter les abstentions, les blancs ou les présents, choisissez la majorité absolue ou une fraction.',
      });
    }
  });
export type MajorityRule = z.output<typeof majorityRuleSchema>;

const resolutionKindSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'Type de résolution : lettres minuscules, chiffres et « _ » (par exemple « approbation_comptes »).',
  );

/** All the rules of one meeting type. */
export const meetingRulesSchema = z.object({
  /** Minimum number of days between sending the convocation and the meeting. */
  convocationDelayDays: delayDaysSchema,
  /** `calendaires`: difference of calendar dates; `francs`: neither the sending day nor the meeting day counts. */
  convocationDayCount: z
    .enum(['calendaires', 'francs'], { error: 'Jours calendaires ou jours francs ?' })
    .default('calendaires'),
  quorum: z.object({
    first: quorumRoundSchema,
    /** `null`: the statuts provide no second convocation. */
    second: secondRoundSchema.nullable(),
  }),
  /** Who may vote besides having a voix délibérative (a consultative collège never votes). */
  voters: z.object({ cotisationRequired: z.boolean({ error: 'Cotisation à jour exigée pour voter ?' }) }),
  /** Whether vote totals are counted per member or per vote weight. */
  voteWeighting: z.enum(WEIGHTINGS, {
    error: 'Votes comptés par membre (« heads ») ou par poids de vote (« weight ») ?',
  }),
  proxies: proxyRulesSchema,
  /** Majority per resolution kind; `ordinaire` is required, other keys are free. */
  majorities: z
    .record(resolutionKindSchema, majorityRuleSchema)
    .refine((majorities) => Object.prototype.hasOwnProperty.call(majorities, 'ordinaire'), {
      message: 'Indiquez au moins la majorité des résolutions ordinaires (« ordinaire »).',
    }),
});
export type MeetingRules = z.output<typeof meetingRulesSchema>;

/** The statutory rules of a CPTS, one entry per meeting type. The caller versions them (statuts change). */
export const statutoryRulesSchema = z.object({
  /** Where the rules come from, e.g. « Statuts adoptés le 12 mars 2021, articles 10 à 14 ». */
  source: z
    .string()
    .trim()
    .max(300, 'Source : 300 caractères au maximum.')
    .nullish()
    .transform((value) => value || null),
  meetings: z.object({
    ago: meetingRulesSchema,
    age: meetingRulesSchema,
    constitutive: meetingRulesSchema,
    ca: meetingRulesSchema,
    bureau: meetingRulesSchema,
  }),
});
export type StatutoryRules = z.output<typeof statutoryRulesSchema>;
export type StatutoryRulesInput = z.input<typeof statutoryRulesSchema>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Usual defaults, to be replaced by the CPTS's own statuts. AG values come from domain.md §4 ([GK] frequent
 * defaults): 15-day convocation; quorum ¼ (AGO) / ½ (AGE) of the voting members present or represented on the 1st
 * call and none on the 2nd; AGO simple majority of the suffrages exprimés; AGE two-thirds of the exprimés; one
 * member one vote; cotisation required to vote; proxies allowed, mandataire a voting member.
 *
 * Proxies: the law sets NO cap. When the statuts are silent, proxies are allowed and unlimited (RM 28/08/2012);
 * the cap of 2 per mandataire below is only a common statutory choice.
 *
 * The constitutive AG, CA and bureau values are general knowledge, not sourced: the founders of a constitutive AG
 * have no cotisation yet and no quorum applies; the CA deliberates with half of its members present or represented
 * (one proxy each); the bureau with half present and no proxy. The CA and the bureau have no second convocation.
 * For the CA and the bureau, the caller builds the roll from the members of that body only.
 */
export const DEFAULT_RULES: StatutoryRules = deepFreeze({
  source: 'Valeurs usuelles par défaut : à remplacer par celles des statuts de la CPTS.',
  meetings: {
    ago: {
      convocationDelayDays: 15,
      convocationDayCount: 'calendaires',
      quorum: {
        first: {
          fraction: { numerator: 1, denominator: 4 },
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'heads',
        },
        second: {
          fraction: null,
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'heads',
          convocationDelayDays: 15,
        },
      },
      voters: { cotisationRequired: true },
      voteWeighting: 'heads',
      proxies: { allowed: true, maxPerMandataire: 2, mandataireMustBeVoter: true },
      majorities: {
        ordinaire: {
          label: 'Résolution ordinaire',
          rule: 'simple',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
      },
    },
    age: {
      convocationDelayDays: 15,
      convocationDayCount: 'calendaires',
      quorum: {
        first: {
          fraction: { numerator: 1, denominator: 2 },
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'heads',
        },
        second: {
          fraction: null,
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'heads',
          convocationDelayDays: 15,
        },
      },
      voters: { cotisationRequired: true },
      voteWeighting: 'heads',
      proxies: { allowed: true, maxPerMandataire: 2, mandataireMustBeVoter: true },
      majorities: {
        ordinaire: {
          label: 'Résolution extraordinaire',
          rule: 'deux_tiers',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
        statuts: {
          label: 'Modification des statuts',
          rule: 'deux_tiers',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
        dissolution: {
          label: 'Dissolution',
          rule: 'deux_tiers',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
      },
    },
    constitutive: {
      convocationDelayDays: 15,
      convocationDayCount: 'calendaires',
      quorum: {
        first: { fraction: null, strict: false, counting: 'presents_et_representes', weighting: 'heads' },
        second: null,
      },
      voters: { cotisationRequired: false },
      voteWeighting: 'heads',
      proxies: { allowed: true, maxPerMandataire: 2, mandataireMustBeVoter: true },
      majorities: {
        ordinaire: {
          label: 'Résolution ordinaire',
          rule: 'simple',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
        statuts: {
          label: 'Adoption des statuts',
          rule: 'simple',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
      },
    },
    ca: {
      convocationDelayDays: 7,
      convocationDayCount: 'calendaires',
      quorum: {
        first: {
          fraction: { numerator: 1, denominator: 2 },
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'heads',
        },
        second: null,
      },
      voters: { cotisationRequired: true },
      voteWeighting: 'heads',
      proxies: { allowed: true, maxPerMandataire: 1, mandataireMustBeVoter: true },
      majorities: {
        ordinaire: {
          label: 'Délibération',
          rule: 'simple',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
      },
    },
    bureau: {
      convocationDelayDays: 7,
      convocationDayCount: 'calendaires',
      quorum: {
        first: { fraction: { numerator: 1, denominator: 2 }, strict: false, counting: 'presents', weighting: 'heads' },
        second: null,
      },
      voters: { cotisationRequired: true },
      voteWeighting: 'heads',
      proxies: { allowed: false, maxPerMandataire: null, mandataireMustBeVoter: true },
      majorities: {
        ordinaire: {
          label: 'Délibération',
          rule: 'simple',
          fraction: null,
          strict: false,
          base: 'exprimes',
          abstentionsCounted: false,
          blancsCounted: false,
        },
      },
    },
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic helpers (exact, integer units)
// ---------------------------------------------------------------------------------------------------------------

/** Tally in both dimensions: heads (number of members) and weight (sum of vote weights, in voix). */
export interface Tally {
  heads: number;
  weight: number;
}

/** Voix → integer units (three decimals kept). */
const toUnits = (voix: number): number => Math.round(voix * VOTE_UNIT);
/** Integer units → voix. */
const fromUnits = (units: number): number => units / VOTE_UNIT;

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/**
 * The smallest multiple of `step` that satisfies the rule, in the units of `base`:
 * - not strict (« au moins f »): the smallest multiple ≥ base × f, i.e. `ceil(base × f)` when step = 1 voix;
 * - strict (« plus de f »): the smallest multiple > base × f, i.e. `floor(base × f) + 1` when step = 1 voix
 *   (majorité absolue: `floor(base / 2) + 1`).
 * Computed with integer quotient and remainder (`%` is exact on integers below 2^53), never with `Math.ceil` of a
 * float division. A count that is a multiple of `step` meets the rule exactly when it is ≥ the returned value.
 */
export function threshold(base: number, fraction: Fraction, strict: boolean, step = 1): number {
  const numerator = base * fraction.numerator;
  const denominator = fraction.denominator * step;
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  const multiples = strict ? quotient + 1 : remainder === 0 ? quotient : quotient + 1;
  return multiples * step;
}

const NBSP = '\u00a0';
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
/** 1500 → « 1 500 », 12.5 → « 12,5 » (non-breaking spaces, as in shared/format). */
function fmt(value: number): string {
  return numberFormat.format(value).replace(/[\u202f\u00a0]/g, NBSP);
}
/** French plural: 0 and 1 are singular. */
const pl = (count: number, singular: string, plural: string): string => (count >= 2 ? plural : singular);
const fractionText = (fraction: Fraction): string => `${fraction.numerator}/${fraction.denominator}`;

// ---------------------------------------------------------------------------------------------------------------
// Voting roll
// ---------------------------------------------------------------------------------------------------------------

/** What the governance maths needs of a member (see shared/domain/members for the full row). */
export interface GovernanceMember {
  id: number;
  /** Display name with civility when known, e.g. « Mme Claire Durand » (used in messages). */
  name: string;
  collegeId: number | null;
  collegeName?: string | null;
  /** From the member's collège; a member without collège is usually passed as 'deliberative'. */
  votingRight: 'deliberative' | 'consultative';
  /** From the member's collège (1 by default); only used when the rules weigh votes or quorum by weight. */
  voteWeight: number;
  /** Up to date for the meeting's year (boolean), or the list of years paid (MemberListRow.upToDateYears). */
  upToDate: boolean | readonly number[];
  /** False once the member has left the association (membre sorti). */
  active: boolean;
}

/** Why a member has no vote at a meeting. */
export type NonVoterReasonCode = 'membre_sorti' | 'college_consultatif' | 'cotisation_non_a_jour' | 'poids_nul';

/** A member with a vote at this meeting. */
export interface RollVoter {
  id: number;
  name: string;
  collegeId: number | null;
  collegeName: string | null;
  /** Vote weight in voix (three decimals at most). */
  weight: number;
}

/** A member without a vote at this meeting, with the French reason(s). */
export interface RollNonVoter {
  id: number;
  name: string;
  collegeId: number | null;
  collegeName: string | null;
  reasons: { code: NonVoterReasonCode; message: string }[];
  /** The reasons joined: « collège consultatif ; cotisation 2026 non à jour ». */
  reason: string;
}

/** The voting roll of one meeting: who votes (with weight) and who does not (with why). */
export interface VotingRoll {
  meetingType: MeetingType;
  year: number;
  voters: RollVoter[];
  nonVoters: RollNonVoter[];
  /** Number of voting members and sum of their weights. */
  totals: Tally;
}

function isUpToDate(upToDate: boolean | readonly number[], year: number): boolean {
  return typeof upToDate === 'boolean' ? upToDate : upToDate.includes(year);
}

/**
 * Splits members into voters (with their vote weight) and non-voters with the French reason:
 * « membre sorti » (inactive; no other reason is given), « collège consultatif », « cotisation 2026 non à jour »
 * (only when the meeting type's rules require an up-to-date cotisation), « poids de vote nul ».
 * For a CA or a bureau, pass the members of that body only. O(n).
 */
export function votingRoll(
  members: readonly GovernanceMember[],
  rules: StatutoryRules,
  options: { meetingType: MeetingType; year: number },
): VotingRoll {
  const meeting = rules.meetings[options.meetingType];
  const voters: RollVoter[] = [];
  const nonVoters: RollNonVoter[] = [];
  let heads = 0;
  let units = 0;
  for (const member of members) {
    const collegeName = member.collegeName ?? null;
    const reasons: RollNonVoter['reasons'] = [];
    const weightUnits = Number.isFinite(member.voteWeight) ? toUnits(member.voteWeight) : 0;
    if (!member.active) {
      reasons.push({ code: 'membre_sorti', message: 'membre sorti' });
    } else {
      if (member.votingRight !== 'deliberative')
        reasons.push({ code: 'college_consultatif', message: 'collège consultatif' });
      if (meeting.voters.cotisationRequired && !isUpToDate(member.upToDate, options.year)) {
        reasons.push({ code: 'cotisation_non_a_jour', message: `cotisation ${options.year} non à jour` });
      }
      if (weightUnits <= 0) reasons.push({ code: 'poids_nul', message: 'poids de vote nul' });
    }
    if (reasons.length) {
      nonVoters.push({
        id: member.id,
        name: member.name,
        collegeId: member.collegeId,
        collegeName,
        reasons,
        reason: reasons.map((r) => r.message).join(' ; '),
      });
    } else {
      voters.push({
        id: member.id,
        name: member.name,
        collegeId: member.collegeId,
        collegeName,
        weight: fromUnits(weightUnits),
      });
      heads += 1;
      units += weightUnits;
    }
  }
  return {
    meetingType: options.meetingType,
    year: options.year,
    voters,
    nonVoters,
    totals: { heads, weight: fromUnits(units) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------------------------

/** A pouvoir: the mandant (absent member) gives their vote to the mandataire. */
export interface ProxyInput {
  /** Database id of the proxy, if any (lets validateProxy ignore the proxy being edited). */
  id?: number | string;
  mandantId: number;
  mandataireId: number;
}

/** Attendance of one person now (the caller updates it on arrivals and departures). Missing = absent. */
export interface AttendanceEntry {
  memberId: number;
  status: AttendanceStatus;
}

/** Why validateProxy refuses a proxy. */
export type ProxyRefusalCode =
  | 'pouvoirs_interdits'
  | 'auto_pouvoir'
  | 'mandant_inconnu'
  | 'mandant_non_votant'
  | 'mandataire_non_votant'
  | 'mandant_present'
  | 'pouvoir_deja_donne'
  | 'maximum_atteint';

/** What validateProxy checks a new proxy against. */
export interface ProxyContext {
  rules: StatutoryRules;
  meetingType: MeetingType;
  roll: VotingRoll;
  /** Proxies already registered for this meeting. */
  proxies: readonly ProxyInput[];
  /** Current attendance, if the meeting has started or the sheet is filled in. */
  attendance?: readonly AttendanceEntry[];
}

/** Answer of validateProxy: `ok` when no reason refuses the proxy. */
export interface ProxyValidation {
  ok: boolean;
  /** Why the proxy is refused (empty when ok), in French. */
  reasons: { code: ProxyRefusalCode; message: string }[];
  /** Not a refusal, e.g. the mandataire is not present yet: the proxy will only count once they are. */
  warnings: string[];
}

interface People {
  voters: Map<number, RollVoter>;
  nonVoters: Map<number, RollNonVoter>;
}

function indexRoll(roll: VotingRoll): People {
  const voters = new Map<number, RollVoter>();
  const nonVoters = new Map<number, RollNonVoter>();
  for (const voter of roll.voters) voters.set(voter.id, voter);
  for (const nonVoter of roll.nonVoters) nonVoters.set(nonVoter.id, nonVoter);
  return { voters, nonVoters };
}

const nameOf = (people: People, id: number): string =>
  people.voters.get(id)?.name ?? people.nonVoters.get(id)?.name ?? `membre n° ${id}`;

/**
 * Checks a new proxy against the statuts and the proxies already registered. Refusals (all of them are listed):
 * proxies forbidden for this meeting type; self-proxy; mandant unknown or without a vote; mandataire without a
 * vote when the statuts require a voting mandataire; mandant present; mandant who already gave a proxy;
 * mandataire already holding the maximum (« Mme X détient déjà 2 pouvoirs, le maximum prévu par les statuts. »).
 * Warnings, not refusals (proxies are usually registered before the meeting): the mandataire is not present yet or
 * gave their own proxy; the mandant holds proxies that will not count in their absence (proxies are not passed on).
 * O(n + p).
 */
export function validateProxy(proxy: ProxyInput, context: ProxyContext): ProxyValidation {
  const meeting = context.rules.meetings[context.meetingType];
  const reasons: ProxyValidation['reasons'] = [];
  const warnings: string[] = [];
  if (!meeting.proxies.allowed) {
    reasons.push({
      code: 'pouvoirs_interdits',
      message: `Les statuts n'autorisent pas les pouvoirs pour ${WORDING[context.meetingType].the}.`,
    });
    return { ok: false, reasons, warnings };
  }
  const people = indexRoll(context.roll);
  const mandantName = nameOf(people, proxy.mandantId);
  const mandataireName = nameOf(people, proxy.mandataireId);
  const status = new Map<number, AttendanceStatus>();
  for (const entry of context.attendance ?? []) status.set(entry.memberId, entry.status);

  if (proxy.mandantId === proxy.mandataireId) {
    reasons.push({
      code: 'auto_pouvoir',
      message: `${mandantName} ne peut pas se donner pouvoir : un pouvoir se donne à un autre membre.`,
    });
  }
  const mandantNonVoter = people.nonVoters.get(proxy.mandantId);
  if (mandantNonVoter) {
    reasons.push({
      code: 'mandant_non_votant',
      message: `${mandantName} ne peut pas donner pouvoir : pas de droit de vote (${mandantNonVoter.reason}).`,
    });
  } else if (!people.voters.has(proxy.mandantId)) {
    reasons.push({ code: 'mandant_inconnu', message: `Le mandant (${mandantName}) ne figure pas parmi les membres.` });
  }
  if (
    meeting.proxies.mandataireMustBeVoter &&
    proxy.mandantId !== proxy.mandataireId &&
    !people.voters.has(proxy.mandataireId)
  ) {
    const why = people.nonVoters.get(proxy.mandataireId)?.reason ?? 'ne figure pas parmi les membres';
    reasons.push({
      code: 'mandataire_non_votant',
      message: `${mandataireName} ne peut pas recevoir de pouvoir : les statuts exigent que le mandataire soit membre votant (${why}).`,
    });
  }
  if (status.get(proxy.mandantId) === 'present') {
    reasons.push({
      code: 'mandant_present',
      message: `${mandantName} figure parmi les présents : un membre présent vote lui-même.`,
    });
  }
  let held = 0;
  let heldByMandant = 0;
  let mandataireGaveTo: number | null = null;
  for (const existing of context.proxies) {
    if (proxy.id !== undefined && existing.id === proxy.id) continue;
    if (existing.mandantId === proxy.mandantId && !reasons.some((r) => r.code === 'pouvoir_deja_donne')) {
      reasons.push({
        code: 'pouvoir_deja_donne',
        message: `${mandantName} a déjà donné pouvoir à ${nameOf(people, existing.mandataireId)}.`,
      });
    }
    if (existing.mandataireId === proxy.mandataireId) held += 1;
    if (existing.mandataireId === proxy.mandantId) heldByMandant += 1;
    if (existing.mandantId === proxy.mandataireId) mandataireGaveTo = existing.mandataireId;
  }
  const cap = meeting.proxies.maxPerMandataire;
  if (cap !== null && held >= cap) {
    reasons.push({
      code: 'maximum_atteint',
      message: `${mandataireName} détient déjà ${held} ${pl(held, 'pouvoir', 'pouvoirs')}, le maximum prévu par les statuts.`,
    });
  }
  if (reasons.length === 0) {
    // Proxies are not passed on: a mandataire's proxies only count while the mandataire is present.
    if (heldByMandant > 0) {
      warnings.push(
        `${mandantName} détient ${heldByMandant} ${pl(heldByMandant, 'pouvoir, qui ne comptera', 'pouvoirs, qui ne compteront')} pas en son absence.`,
      );
    }
    if (mandataireGaveTo !== null) {
      warnings.push(
        `${mandataireName} a donné son propre pouvoir à ${nameOf(people, mandataireGaveTo)} : ce pouvoir ne comptera qu'en sa présence.`,
      );
    } else if (context.attendance && status.get(proxy.mandataireId) !== 'present') {
      warnings.push(
        `${mandataireName} ne figure pas (encore) parmi les présents : ce pouvoir ne comptera qu'en sa présence.`,
      );
    }
  }
  return { ok: reasons.length === 0, reasons, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Quorum
// ---------------------------------------------------------------------------------------------------------------

/** The state of a meeting at one moment: its roll, current attendance and registered proxies. */
export interface MeetingState {
  roll: VotingRoll;
  attendance: readonly AttendanceEntry[];
  proxies: readonly ProxyInput[];
}

/** Why a registered proxy does not count now (computeQuorum). */
export type InactiveProxyCode =
  | 'pouvoirs_interdits'
  | 'auto_pouvoir'
  | 'mandant_non_votant'
  | 'pouvoir_deja_donne'
  | 'mandant_present'
  | 'mandataire_non_votant'
  | 'mandataire_absent'
  | 'maximum_atteint';

/** A registered proxy with the names of both members, as listed by computeQuorum. */
export interface CountedProxy {
  proxy: ProxyInput;
  mandantName: string;
  mandataireName: string;
}

/** A registered proxy that does not count now, with the reason (e.g. « mandataire absent »). */
export interface InactiveProxy extends CountedProxy {
  code: InactiveProxyCode;
  reason: string;
}

/** Quorum figures of one collège (members without collège are grouped under `collegeId: null`). */
export interface CollegeQuorumLine {
  collegeId: number | null;
  collegeName: string | null;
  voting: Tally;
  present: Tally;
  represented: Tally;
  /** What counts towards the quorum for this collège (present, or present + represented). */
  reached: Tally;
}

/** Everything computeQuorum found: figures in heads and weight, proxies counted or not, the French sentence. */
export interface QuorumResult {
  meetingType: MeetingType;
  round: 1 | 2;
  rule: QuorumRoundRule;
  /** Voting members (the base of the quorum). */
  voting: Tally;
  present: Tally;
  represented: Tally;
  presentOrRepresented: Tally;
  /** What counts towards the quorum under the rule's counting. */
  reached: Tally;
  /** Required in both dimensions; `null` when no quorum applies. `met` uses `rule.weighting`. */
  required: Tally | null;
  /** How much is missing in the rule's dimension (0 when met or no quorum). */
  missing: number;
  met: boolean;
  /** Per-collège breakdown, in the order collèges first appear on the roll. */
  byCollege: CollegeQuorumLine[];
  proxies: { counted: CountedProxy[]; notCounted: InactiveProxy[] };
  /** Inconsistencies worth showing, e.g. a member marked « représenté » without a valid proxy. */
  anomalies: string[];
  /** The arithmetic in French: « 46 membres présents ou représentés sur 180 membres votants ; quorum requis : 1/4, soit 45 ; quorum atteint. » */
  sentence: string;
}

/** A configuration error (e.g. asking for a 2nd-round quorum the statuts do not provide), with a French message. */
export class GovernanceRuleError extends Error {
  constructor(
    readonly code: 'deuxieme_convocation_impossible',
    message: string,
  ) {
    super(message);
    this.name = 'GovernanceRuleError';
  }
}

interface MutableLine {
  collegeId: number | null;
  collegeName: string | null;
  votingHeads: number;
  votingUnits: number;
  presentHeads: number;
  presentUnits: number;
  representedHeads: number;
  representedUnits: number;
}

const tally = (heads: number, units: number): Tally => ({ heads, weight: fromUnits(units) });

/**
 * Computes the quorum of a meeting now. A proxy counts only while its mandataire is present: the proxies that stop
 * counting are listed with their reason (« mandataire absent », « mandant présent », « au-delà du maximum de 2
 * pouvoirs prévu par les statuts »…). Proxies are examined in the order given (registration order): only a
 * mandant's first proxy is considered, and a mandataire's proxies beyond the statutory cap do not count.
 *
 * `required` = `threshold(voting, fraction, strict)` in heads and in weight (ceil(base × f), or floor(base × f) + 1
 * when strict); `met` compares `reached` and `required` in the rule's dimension, and is false when nobody votes.
 * `state.roll` should be built by {@link votingRoll} for the same meeting type (its cotisation rule).
 * Throws {@link GovernanceRuleError} when round 2 is asked but the statuts provide no second convocation.
 * O(n + p) for n members on the roll and p proxies (a few Map/Set operations per item, no nested loops).
 */
export function computeQuorum(
  state: MeetingState,
  rules: StatutoryRules,
  meetingType: MeetingType,
  round: 1 | 2 = 1,
): QuorumResult {
  const meeting = rules.meetings[meetingType];
  const rule = round === 1 ? meeting.quorum.first : meeting.quorum.second;
  if (!rule) {
    throw new GovernanceRuleError(
      'deuxieme_convocation_impossible',
      `Les statuts ne prévoient pas de deuxième convocation pour ${WORDING[meetingType].the}.`,
    );
  }
  const people = indexRoll(state.roll);
  const status = new Map<number, AttendanceStatus>();
  for (const entry of state.attendance) status.set(entry.memberId, entry.status);

  // Proxies, in registration order.
  const proxyRules = meeting.proxies;
  const cap = proxyRules.maxPerMandataire;
  const seenMandants = new Set<number>();
  const held = new Map<number, number>();
  const representedMandants = new Set<number>();
  const counted: CountedProxy[] = [];
  const notCounted: InactiveProxy[] = [];
  const inactive = (code: InactiveProxyCode, reason: string) => ({ code, reason });
  /** Why this proxy does not count now, or null when it counts. Checks run in this order. */
  const whyNotCounted = (proxy: ProxyInput): { code: InactiveProxyCode; reason: string } | null => {
    if (!proxyRules.allowed) return inactive('pouvoirs_interdits', 'pouvoirs non prévus par les statuts');
    if (proxy.mandantId === proxy.mandataireId) return inactive('auto_pouvoir', 'pouvoir donné à soi-même');
    if (!people.voters.has(proxy.mandantId)) return inactive('mandant_non_votant', 'mandant non votant');
    if (seenMandants.has(proxy.mandantId)) return inactive('pouvoir_deja_donne', 'le mandant a déjà donné un pouvoir');
    // From here on this is the mandant's proxy: a later one is a duplicate, even if this one stops counting.
    seenMandants.add(proxy.mandantId);
    if (status.get(proxy.mandantId) === 'present') return inactive('mandant_present', 'mandant présent');
    if (proxyRules.mandataireMustBeVoter && !people.voters.has(proxy.mandataireId))
      return inactive('mandataire_non_votant', 'mandataire non votant');
    if (status.get(proxy.mandataireId) !== 'present') return inactive('mandataire_absent', 'mandataire absent');
    if (cap !== null && (held.get(proxy.mandataireId) ?? 0) >= cap) {
      return inactive(
        'maximum_atteint',
        `au-delà du maximum de ${cap} ${pl(cap, 'pouvoir', 'pouvoirs')} prévu par les statuts`,
      );
    }
    return null;
  };
  for (const proxy of state.proxies) {
    const line: CountedProxy = {
      proxy,
      mandantName: nameOf(people, proxy.mandantId),
      mandataireName: nameOf(people, proxy.mandataireId),
    };
    const refusal = whyNotCounted(proxy);
    if (refusal) {
      notCounted.push({ ...line, ...refusal });
    } else {
      counted.push(line);
      held.set(proxy.mandataireId, (held.get(proxy.mandataireId) ?? 0) + 1);
      representedMandants.add(proxy.mandantId);
    }
  }

  // Tallies per voter and per collège.
  const lines = new Map<number | null, MutableLine>();
  const anomalies: string[] = [];
  let step = VOTE_UNIT;
  let votingHeads = 0;
  let votingUnits = 0;
  let presentHeads = 0;
  let presentUnits = 0;
  let representedHeads = 0;
  let representedUnits = 0;
  for (const voter of state.roll.voters) {
    const units = toUnits(voter.weight);
    step = gcd(step, units);
    let line = lines.get(voter.collegeId);
    if (!line) {
      line = {
        collegeId: voter.collegeId,
        collegeName: voter.collegeName,
        votingHeads: 0,
        votingUnits: 0,
        presentHeads: 0,
        presentUnits: 0,
        representedHeads: 0,
        representedUnits: 0,
      };
      lines.set(voter.collegeId, line);
    }
    votingHeads += 1;
    votingUnits += units;
    line.votingHeads += 1;
    line.votingUnits += units;
    const current = status.get(voter.id);
    if (current === 'present') {
      presentHeads += 1;
      presentUnits += units;
      line.presentHeads += 1;
      line.presentUnits += units;
    } else if (representedMandants.has(voter.id)) {
      representedHeads += 1;
      representedUnits += units;
      line.representedHeads += 1;
      line.representedUnits += units;
    } else if (current === 'represented') {
      anomalies.push(`${voter.name} : noté « représenté » sans pouvoir valable en cours ; compté absent.`);
    }
  }

  const withRepresented = rule.counting === 'presents_et_representes';
  const reachedHeads = presentHeads + (withRepresented ? representedHeads : 0);
  const reachedUnits = presentUnits + (withRepresented ? representedUnits : 0);
  const byWeight = rule.weighting === 'weight';
  const requiredHeads = rule.fraction ? threshold(votingHeads, rule.fraction, rule.strict, 1) : null;
  const requiredUnits = rule.fraction ? threshold(votingUnits, rule.fraction, rule.strict, step) : null;
  const dimReached = byWeight ? reachedUnits : reachedHeads;
  const dimRequired = byWeight ? requiredUnits : requiredHeads;
  const met = dimReached > 0 && (dimRequired === null || dimReached >= dimRequired);
  const missingDim = dimRequired === null ? 0 : Math.max(0, dimRequired - dimReached);
  const missing = byWeight ? fromUnits(missingDim) : missingDim;

  // The arithmetic in French.
  const wording = WORDING[meetingType];
  const presentWord = withRepresented ? ['présent ou représenté', 'présents ou représentés'] : ['présent', 'présents'];
  const presentWordF = withRepresented
    ? ['présente ou représentée', 'présentes ou représentées']
    : ['présente', 'présentes'];
  let sentence: string;
  if (byWeight) {
    const reached = fromUnits(reachedUnits);
    const voting = fromUnits(votingUnits);
    sentence =
      `${fmt(reached)} voix ${pl(reached, presentWordF[0]!, presentWordF[1]!)} sur ${fmt(voting)} voix ` +
      `(${fmt(votingHeads)} ${pl(votingHeads, 'membre votant', 'membres votants')})`;
  } else {
    sentence =
      `${fmt(reachedHeads)} ${pl(reachedHeads, 'membre', 'membres')} ${pl(reachedHeads, presentWord[0]!, presentWord[1]!)} ` +
      `sur ${fmt(votingHeads)} ${pl(votingHeads, 'membre votant', 'membres votants')}`;
  }
  const unitWord = byWeight ? ' voix' : '';
  if (rule.fraction === null) {
    sentence +=
      round === 2 ? ' ; aucun quorum requis (deuxième convocation)' : ' ; aucun quorum requis par les statuts';
    sentence += met
      ? ` ; ${wording.body} peut délibérer.`
      : ` ; aucun membre votant ${withRepresented ? 'présent ou représenté' : 'présent'}.`;
  } else {
    const requiredShown = byWeight ? fromUnits(requiredUnits ?? 0) : (requiredHeads ?? 0);
    sentence += ` ; quorum requis : ${rule.strict ? 'plus de ' : ''}${fractionText(rule.fraction)}, soit ${fmt(requiredShown)}${unitWord}`;
    if (met) sentence += ' ; quorum atteint.';
    else if (missing > 0)
      sentence += ` ; quorum non atteint (il manque ${fmt(missing)} ${byWeight ? 'voix' : pl(missing, 'membre', 'membres')}).`;
    else
      sentence += ` ; quorum non atteint (aucun membre votant ${withRepresented ? 'présent ou représenté' : 'présent'}).`;
  }

  const byCollege: CollegeQuorumLine[] = [];
  for (const line of lines.values()) {
    byCollege.push({
      collegeId: line.collegeId,
      collegeName: line.collegeName,
      voting: tally(line.votingHeads, line.votingUnits),
      present: tally(line.presentHeads, line.presentUnits),
      represented: tally(line.representedHeads, line.representedUnits),
      reached: tally(
        line.presentHeads + (withRepresented ? line.representedHeads : 0),
        line.presentUnits + (withRepresented ? line.representedUnits : 0),
      ),
    });
  }

  return {
    meetingType,
    round,
    rule,
    voting: tally(votingHeads, votingUnits),
    present: tally(presentHeads, presentUnits),
    represented: tally(representedHeads, representedUnits),
    presentOrRepresented: tally(presentHeads + representedHeads, presentUnits + representedUnits),
    reached: tally(reachedHeads, reachedUnits),
    required: requiredHeads === null || requiredUnits === null ? null : tally(requiredHeads, requiredUnits),
    missing,
    met,
    byCollege,
    proxies: { counted, notCounted },
    anomalies,
    sentence,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------------------------

/** Totals of one vote, weighted by the caller when the meeting's `voteWeighting` is 'weight'. */
export interface VoteTotals {
  pour: number;
  contre: number;
  abstention?: number;
  blanc?: number;
}

/** What computeVote needs of the meeting: a {@link QuorumResult} fits. `met: false` refuses the vote. */
export interface VoteContext {
  meetingType: MeetingType;
  presentOrRepresented: Tally;
  met?: boolean;
}

/** Why computeVote refuses to decide. */
export type VoteErrorCode = 'regle_inconnue' | 'votes_invalides' | 'votes_incoherents' | 'quorum_non_atteint';

/** Answer of computeVote: the decision and its arithmetic, or a refusal with a French message. */
export type VoteResult =
  | {
      ok: true;
      adopted: boolean;
      resolutionKind: string;
      /** « Résolution ordinaire », « Modification des statuts »… */
      resolutionLabel: string;
      majority: MajorityRule;
      /** « Majorité des deux tiers » */
      majorityLabel: string;
      weighting: Weighting;
      votes: Required<VoteTotals>;
      /** The base of the majority, in voix (or members when counted by heads). */
      base: number;
      /** Voix « pour » required for adoption (see the module doc for the rounding). */
      required: number;
      /** The arithmetic in French, ending with « Résolution adoptée. » or « Résolution rejetée. » */
      sentence: string;
      /** The same without its opening tally (« Pour 3, contre 4… »), for a text that already gave the totals. */
      reasoning: string;
    }
  | { ok: false; code: VoteErrorCode; message: string };

const MAJORITY_LABELS: Record<Exclude<MajorityRuleKind, 'fraction'>, string> = {
  simple: 'Majorité simple',
  absolue: 'Majorité absolue',
  deux_tiers: 'Majorité des deux tiers',
  trois_quarts: 'Majorité des trois quarts',
};

/** The rule as a fraction: absolue = plus de 1/2; deux tiers = au moins 2/3; trois quarts = au moins 3/4. */
function ruleFraction(majority: MajorityRule): { fraction: Fraction; strict: boolean } | null {
  switch (majority.rule) {
    case 'simple':
      return null;
    case 'absolue':
      return { fraction: { numerator: 1, denominator: 2 }, strict: true };
    case 'deux_tiers':
      return { fraction: { numerator: 2, denominator: 3 }, strict: false };
    case 'trois_quarts':
      return { fraction: { numerator: 3, denominator: 4 }, strict: false };
    case 'fraction':
      return majority.fraction ? { fraction: majority.fraction, strict: majority.strict } : null;
  }
}

function majorityLabelOf(majority: MajorityRule): string {
  if (majority.rule !== 'fraction') return MAJORITY_LABELS[majority.rule];
  const fraction = majority.fraction ? fractionText(majority.fraction) : '?';
  return `Majorité ${majority.strict ? 'de plus de' : 'de'} ${fraction}`;
}

/**
 * Decides a resolution from its vote totals.
 * - Base `exprimes` = pour + contre (+ abstentions if `abstentionsCounted`) (+ blancs if `blancsCounted`); base
 *   `presents_et_representes` = all the voting power present or represented (`state.presentOrRepresented`, in heads
 *   or weight according to the meeting's `voteWeighting`).
 * - Required « pour »: simple = contre + 1; absolue = floor(base / 2) + 1; deux tiers / trois quarts / fraction f =
 *   ceil(base × f); strict fraction = floor(base × f) + 1 (one voix being the step; see {@link threshold}).
 * - A base of 0 never adopts.
 * Refuses (ok: false, French message): unknown resolution kind, negative or non-numeric totals, fractional totals
 * when votes are counted by heads, more votes than voting power present or represented, quorum not met.
 */
export function computeVote(
  votes: VoteTotals,
  rules: StatutoryRules,
  resolutionKind: string,
  state: VoteContext,
): VoteResult {
  const meeting = rules.meetings[state.meetingType];
  const wording = WORDING[state.meetingType];
  const majority = Object.prototype.hasOwnProperty.call(meeting.majorities, resolutionKind)
    ? meeting.majorities[resolutionKind]
    : undefined;
  if (!majority) {
    return {
      ok: false,
      code: 'regle_inconnue',
      message: `Aucune règle de majorité n'est définie pour le type de résolution « ${resolutionKind} » de ${wording.the} : complétez les règles statutaires.`,
    };
  }
  if (state.met === false) {
    return {
      ok: false,
      code: 'quorum_non_atteint',
      message: `Le quorum n'est pas atteint : ${wording.body} ne peut pas valablement délibérer.`,
    };
  }
  const weighting = meeting.voteWeighting;
  const byWeight = weighting === 'weight';
  const all: Required<VoteTotals> = {
    pour: votes.pour,
    contre: votes.contre,
    abstention: votes.abstention ?? 0,
    blanc: votes.blanc ?? 0,
  };
  for (const [key, value] of Object.entries(all)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      return {
        ok: false,
        code: 'votes_invalides',
        message: `Nombre de voix « ${key} » invalide : un nombre positif ou nul est attendu.`,
      };
    }
    if (!byWeight && !Number.isInteger(value)) {
      return {
        ok: false,
        code: 'votes_invalides',
        message: `Nombre de voix « ${key} » invalide : avec une voix par membre, un nombre entier est attendu.`,
      };
    }
  }
  const pour = toUnits(all.pour);
  const contre = toUnits(all.contre);
  const abstention = toUnits(all.abstention);
  const blanc = toUnits(all.blanc);
  const cast = pour + contre + abstention + blanc;
  const power = byWeight ? toUnits(state.presentOrRepresented.weight) : state.presentOrRepresented.heads * VOTE_UNIT;
  if (cast > power) {
    const powerText = byWeight
      ? `${fmt(fromUnits(power))} voix ${pl(fromUnits(power), 'présente ou représentée', 'présentes ou représentées')}`
      : `${fmt(fromUnits(power))} ${pl(fromUnits(power), 'membre votant présent ou représenté', 'membres votants présents ou représentés')}`;
    return {
      ok: false,
      code: 'votes_incoherents',
      message: `Décompte incohérent : ${fmt(fromUnits(cast))} ${pl(fromUnits(cast), 'vote saisi', 'votes saisis')} (pour, contre, abstentions et blancs) pour seulement ${powerText}. Vérifiez le décompte.`,
    };
  }

  let base: number;
  let baseText: string;
  const simple = majority.rule === 'simple';
  if (!simple && majority.base === 'presents_et_representes') {
    base = power;
    const baseVoix = fromUnits(base);
    baseText = byWeight
      ? `${fmt(baseVoix)} voix des membres présents ou représentés (abstentions, blancs et non-votants pèsent comme des voix contre)`
      : `${fmt(baseVoix)} ${pl(baseVoix, 'membre présent ou représenté', 'membres présents ou représentés')} (abstentions, blancs et non-votants pèsent comme des voix contre)`;
  } else {
    const withAbstentions = !simple && majority.abstentionsCounted;
    const withBlancs = !simple && majority.blancsCounted;
    base = pour + contre + (withAbstentions ? abstention : 0) + (withBlancs ? blanc : 0);
    const baseVoix = fromUnits(base);
    const head = `${fmt(baseVoix)} ${pl(baseVoix, 'suffrage exprimé', 'suffrages exprimés')}`;
    if (withAbstentions && withBlancs) baseText = `${head}, abstentions et blancs compris`;
    else if (withAbstentions) baseText = `${head}, abstentions comprises (blancs non comptés)`;
    else if (withBlancs) baseText = `${head}, blancs compris (abstentions non comptées)`;
    else baseText = `${head} (abstentions et blancs non comptés)`;
  }

  // Smallest step the figures allow: one voix when everything is whole.
  const step = [pour, contre, abstention, blanc, base].reduce((acc, value) => gcd(acc, value), VOTE_UNIT);
  const majorityLabel = majorityLabelOf(majority);
  const asFraction = ruleFraction(majority);
  let required: number;
  let thresholdText: string;
  if (asFraction === null) {
    required = contre + step;
    thresholdText = `${majorityLabel} : plus de voix pour que de voix contre, soit ${fmt(fromUnits(required))} ${pl(fromUnits(required), 'voix requise', 'voix requises')}.`;
  } else {
    const { fraction, strict } = asFraction;
    required = threshold(base, fraction, strict, step);
    const exact = (base * fraction.numerator) % (fraction.denominator * step) === 0;
    const baseShown = fmt(fromUnits(base));
    const ofBase =
      majority.rule === 'absolue' ? `la moitié de ${baseShown}` : `${fractionText(fraction)} de ${baseShown}`;
    const how = strict
      ? exact
        ? `${ofBase}, plus une voix`
        : `${ofBase}, arrondi à l'inférieur, plus une voix`
      : exact
        ? ofBase
        : `${ofBase}, arrondi au supérieur`;
    thresholdText = `${majorityLabel} : ${fmt(fromUnits(required))} ${pl(fromUnits(required), 'voix requise', 'voix requises')} (${how}).`;
  }
  const adopted = base > 0 && pour >= required;
  const parts = [
    `Pour ${fmt(all.pour)}, contre ${fmt(all.contre)}, abstentions ${fmt(all.abstention)}, blancs ${fmt(all.blanc)}.`,
    `Base : ${baseText}.`,
    base > 0 ? thresholdText : 'Aucun suffrage à compter : la résolution ne peut pas être adoptée.',
    adopted ? 'Résolution adoptée.' : 'Résolution rejetée.',
  ];
  return {
    ok: true,
    adopted,
    resolutionKind,
    resolutionLabel: majority.label ?? resolutionKind,
    majority,
    majorityLabel,
    weighting,
    votes: all,
    base: fromUnits(base),
    required: fromUnits(required),
    sentence: parts.join(' '),
    reasoning: parts.slice(1).join(' '),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Weighted votes: head counts per collège, weights applied by the app
// ---------------------------------------------------------------------------------------------------------------

/** Members counted in the room for one collège: how many hands were raised for each answer. */
export interface CollegeHeadCount {
  collegeId: number | null;
  pour: number;
  contre: number;
  abstention: number;
  blanc: number;
}

/** The voting power of one collège at the moment of a vote: members present or represented and their voix. */
export interface CollegeVotingPower {
  collegeId: number | null;
  collegeName: string | null;
  heads: number;
  weight: number;
}

/** One collège of a weighted vote: its head counts, the voix of one member and the weighted figures. */
export interface WeighedCollege {
  collegeId: number | null;
  collegeName: string | null;
  /** Voix of one member of this collège. */
  weightPerMember: number;
  heads: Required<VoteTotals>;
  weighted: Required<VoteTotals>;
}

export type WeighedVotes =
  | { ok: true; totals: Required<VoteTotals>; colleges: WeighedCollege[]; sentence: string }
  | { ok: false; message: string };

const VOTE_KEYS = ['pour', 'contre', 'abstention', 'blanc'] as const;
const VOTE_WORDS: Record<(typeof VOTE_KEYS)[number], string> = {
  pour: 'pour',
  contre: 'contre',
  abstention: 'abstentions',
  blanc: 'blancs',
};

const collegeLabel = (name: string | null): string => (name ? `Collège « ${name} »` : 'Membres sans collège');

/**
 * Applies the collège weights to head counts: each collège's « pour », « contre », abstentions and blancs are
 * multiplied by the voix of one of its members (all members of a collège weigh the same). Refuses, with a French
 * message, a count that is not a whole number of members, a collège counted twice or unknown, and a collège whose
 * counts add up to more members than it has present or represented at that moment: head counts entered by mistake
 * cannot turn into voix that adopt a resolution. Exact: voix are added in integer thousandths.
 */
export function weighCollegeVotes(
  counts: readonly CollegeHeadCount[],
  powers: readonly CollegeVotingPower[],
): WeighedVotes {
  const powerOf = new Map(powers.map((power) => [power.collegeId, power]));
  const seen = new Set<number | null>();
  const totals = { pour: 0, contre: 0, abstention: 0, blanc: 0 };
  const colleges: WeighedCollege[] = [];
  const parts: string[] = [];
  for (const count of counts) {
    const power = powerOf.get(count.collegeId);
    const label = collegeLabel(power?.collegeName ?? null);
    if (seen.has(count.collegeId)) return { ok: false, message: `${label} figure deux fois dans le décompte.` };
    seen.add(count.collegeId);
    for (const key of VOTE_KEYS) {
      const value = count[key];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return {
          ok: false,
          message: `${power ? label : 'Décompte'} : « ${VOTE_WORDS[key]} » se compte en membres, un nombre entier positif ou nul est attendu.`,
        };
      }
    }
    const heads = count.pour + count.contre + count.abstention + count.blanc;
    if (!power || power.heads === 0) {
      if (heads === 0) continue;
      return {
        ok: false,
        message: `${power ? label : 'Un collège du décompte'} : aucun membre votant présent ou représenté au moment du vote ; ${fmt(heads)} ${pl(heads, 'vote saisi', 'votes saisis')}. Vérifiez le décompte.`,
      };
    }
    if (heads > power.heads) {
      return {
        ok: false,
        message:
          `${label} : ${fmt(heads)} ${pl(heads, 'vote saisi', 'votes saisis')} (pour, contre, abstentions et blancs) pour seulement ` +
          `${fmt(power.heads)} ${pl(power.heads, 'membre votant présent ou représenté', 'membres votants présents ou représentés')}. ` +
          'Saisissez des nombres de membres, l’application applique les poids. Vérifiez le décompte.',
      };
    }
    const unitsPerMember = Math.round(toUnits(power.weight) / power.heads);
    const weighted = { pour: 0, contre: 0, abstention: 0, blanc: 0 };
    for (const key of VOTE_KEYS) {
      weighted[key] = fromUnits(count[key] * unitsPerMember);
      totals[key] += count[key] * unitsPerMember;
    }
    const perMember = fromUnits(unitsPerMember);
    colleges.push({
      collegeId: count.collegeId,
      collegeName: power.collegeName,
      weightPerMember: perMember,
      heads: { pour: count.pour, contre: count.contre, abstention: count.abstention, blanc: count.blanc },
      weighted,
    });
    const figures = VOTE_KEYS.map((key) =>
      count[key] === 0
        ? `${VOTE_WORDS[key]} 0`
        : `${VOTE_WORDS[key]} ${fmt(count[key])} × ${fmt(perMember)} = ${fmt(weighted[key])}`,
    );
    parts.push(
      `${power.collegeName ?? 'sans collège'} (${fmt(perMember)} ${pl(perMember, 'voix', 'voix')} par membre) : ${figures.join(', ')}`,
    );
  }
  const result = {
    pour: fromUnits(totals.pour),
    contre: fromUnits(totals.contre),
    abstention: fromUnits(totals.abstention),
    blanc: fromUnits(totals.blanc),
  };
  const sentence =
    `Voix pondérées par collège — ${parts.length ? parts.join(' ; ') : 'aucun vote saisi'}. ` +
    `Total : ${VOTE_KEYS.map((key) => `${VOTE_WORDS[key]} ${fmt(result[key])}`).join(', ')} voix.`;
  return { ok: true, totals: result, colleges, sentence };
}

// ---------------------------------------------------------------------------------------------------------------
// Convocation
// ---------------------------------------------------------------------------------------------------------------

/** Answer of secondConvocation. */
export type SecondConvocation =
  | { possible: false; message: string }
  | { possible: true; quorum: SecondRoundRule; convocationDelayDays: number; message: string };

/**
 * Whether the statuts provide a second convocation for this meeting type (when the first one missed its quorum),
 * with its quorum and convocation delay, and a French summary:
 * « Deuxième convocation possible pour l'assemblée générale ordinaire : aucun quorum requis ; convocation au moins
 * 15 jours avant. »
 */
export function secondConvocation(rules: StatutoryRules, meetingType: MeetingType): SecondConvocation {
  const second = rules.meetings[meetingType].quorum.second;
  const wording = WORDING[meetingType];
  if (!second)
    return { possible: false, message: `Les statuts ne prévoient pas de deuxième convocation pour ${wording.the}.` };
  const who =
    second.counting === 'presents' ? 'des membres votants présents' : 'des membres votants présents ou représentés';
  const weighed = second.weighting === 'weight' ? ', compté en poids de vote' : '';
  const quorum = second.fraction
    ? `quorum de ${second.strict ? 'plus de ' : ''}${fractionText(second.fraction)} ${who}${weighed}`
    : 'aucun quorum requis';
  const days = second.convocationDelayDays;
  return {
    possible: true,
    quorum: second,
    convocationDelayDays: days,
    message: `Deuxième convocation possible pour ${wording.the} : ${quorum} ; convocation au moins ${days} ${pl(days, 'jour', 'jours')} avant.`,
  };
}

const DAY_MS = 86_400_000;
function isoDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / DAY_MS;
}

/**
 * Checks the convocation delay. Dates are ISO (`yyyy-mm-dd`, a datetime is cut to its date). The delay is the
 * difference of calendar dates (sent on 1 March for 16 March = 15 days), or with `convocationDayCount: 'francs'`
 * that difference minus one (neither the sending day nor the meeting day counts).
 * Returns null when the delay is respected, else a French warning:
 * « La convocation a été envoyée 10 jours avant l'assemblée ; les statuts en demandent 15. »
 */
export function convocationDelayProblem(
  meetingDate: string,
  sentDate: string,
  rules: StatutoryRules,
  meetingType: MeetingType,
): string | null {
  const meeting = rules.meetings[meetingType];
  const wording = WORDING[meetingType];
  const meetingDay = isoDay(meetingDate);
  const sentDay = isoDay(sentDate);
  if (meetingDay === null)
    return `Date de ${wording.meeting} invalide (« ${meetingDate} ») : impossible de vérifier le délai de convocation.`;
  if (sentDay === null)
    return `Date d'envoi de la convocation invalide (« ${sentDate} ») : impossible de vérifier le délai de convocation.`;
  const required = meeting.convocationDelayDays;
  const francs = meeting.convocationDayCount === 'francs';
  const unit = (count: number) => `${pl(count, 'jour', 'jours')}${francs ? ` ${pl(count, 'franc', 'francs')}` : ''}`;
  const days = meetingDay - sentDay;
  if (days < 0) return `La convocation est datée d'après ${wording.meeting} : vérifiez les dates.`;
  const counted = francs ? days - 1 : days;
  if (counted >= required) return null;
  if (days === 0)
    return `La convocation a été envoyée le jour même de ${wording.meeting} ; les statuts demandent ${required} ${unit(required)}.`;
  if (counted === 0)
    return `La convocation a été envoyée la veille de ${wording.meeting} (0 jour franc) ; les statuts en demandent ${required}.`;
  return `La convocation a été envoyée ${counted} ${unit(counted)} avant ${wording.meeting} ; les statuts en demandent ${required}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reminders (convocation, screens)
// ---------------------------------------------------------------------------------------------------------------

/** « Majorité des deux tiers des suffrages exprimés (abstentions non comptées) ». */
export function majorityDescription(majority: MajorityRule): string {
  const base = majority.base === 'exprimes' ? 'des suffrages exprimés' : 'des voix des membres présents et représentés';
  const counted = [majority.abstentionsCounted ? 'abstentions' : null, majority.blancsCounted ? 'blancs' : null].filter(
    Boolean,
  );
  const note =
    majority.base === 'exprimes'
      ? counted.length
        ? ` (${counted.join(' et ')} comptés dans la base)`
        : ' (abstentions et blancs non comptés)'
      : '';
  return `${majorityLabelOf(majority)} ${base}${note}`;
}

const FRACTION_WORDS: Record<string, string> = {
  '1/2': 'la moitié',
  '1/3': 'le tiers',
  '2/3': 'les deux tiers',
  '1/4': 'le quart',
  '3/4': 'les trois quarts',
  '1/5': 'le cinquième',
};

/** The quorum of one round in words: « au moins le quart des membres votants présents ou représentés ». */
export function quorumDescription(rule: QuorumRoundRule): string {
  if (!rule.fraction) return 'aucun quorum requis';
  const key = fractionText(rule.fraction);
  const words = FRACTION_WORDS[key] ?? key;
  const who =
    rule.counting === 'presents' ? 'des membres votants présents' : 'des membres votants présents ou représentés';
  const weighed = rule.weighting === 'weight' ? ' (compté en voix)' : '';
  return `${rule.strict ? 'plus de' : 'au moins'} ${words} ${who}${weighed}`;
}

/**
 * The rules of one meeting in a few French sentences, for the convocation and the screens:
 * quorum of the round, who votes, proxies, vote weighting.
 */
export function rulesReminders(rules: StatutoryRules, meetingType: MeetingType, round: 1 | 2, year: number): string[] {
  const meeting = rules.meetings[meetingType];
  const quorumRule = round === 2 ? meeting.quorum.second : meeting.quorum.first;
  const lines: string[] = [];
  if (quorumRule) {
    const quorum = quorumDescription(quorumRule);
    lines.push(
      quorumRule.fraction
        ? `Quorum : ${quorum}.`
        : `Quorum : ${quorum}${round === 2 ? ' sur deuxième convocation' : ''}.`,
    );
  }
  lines.push(
    meeting.voters.cotisationRequired
      ? `Droit de vote : membres des collèges à voix délibérative, à jour de leur cotisation ${year}.`
      : 'Droit de vote : membres des collèges à voix délibérative.',
  );
  if (meeting.voteWeighting === 'weight')
    lines.push('Les voix sont pondérées selon le collège, comme le prévoient les statuts.');
  const proxies = meeting.proxies;
  if (!proxies.allowed) lines.push('Les statuts ne permettent pas de voter par procuration.');
  else {
    const cap =
      proxies.maxPerMandataire === null
        ? 'sans limite de nombre'
        : `${proxies.maxPerMandataire} ${pl(proxies.maxPerMandataire, 'pouvoir', 'pouvoirs')} au plus par mandataire`;
    lines.push(`Pouvoirs : ${cap}${proxies.mandataireMustBeVoter ? ', donnés à un membre votant' : ''}.`);
  }
  return lines;
}
