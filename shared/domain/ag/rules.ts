import { z } from '../../zod-fr';
import { MAJORITY_BASES, MAJORITY_RULES, QUORUM_COUNTINGS, WEIGHTINGS } from './vocabulary';

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
