import { describe, it, expect } from 'vitest';
import {
  DEFAULT_RULES,
  AgRuleError,
  computeQuorum,
  computeVote,
  convocationDelayProblem,
  secondConvocation,
  statutoryRulesSchema,
  threshold,
  validateProxy,
  votingRoll,
  weighCollegeVotes,
  type AttendanceEntry,
  type AgMember,
  type MajorityRule,
  type MeetingRules,
  type ProxyInput,
  type StatutoryRules,
  type VoteResult,
} from '@shared/domain/ag';

// Every figure below is checked by hand; the arithmetic is written next to each assertion.

const YEAR = 2026;
const NBSP = '\u00a0';

const member = (id: number, over: Partial<AgMember> = {}): AgMember => ({
  id,
  name: `Membre ${id}`,
  collegeId: 1,
  collegeName: 'Professionnels libéraux',
  votingRight: 'deliberative',
  voteWeight: 1,
  upToDate: true,
  active: true,
  ...over,
});
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const present = (list: number[]): AttendanceEntry[] => list.map((memberId) => ({ memberId, status: 'present' }));
const represented = (list: number[]): AttendanceEntry[] =>
  list.map((memberId) => ({ memberId, status: 'represented' }));

/** DEFAULT_RULES with one meeting type changed (deep enough for our needs). */
function withMeeting(
  type: keyof StatutoryRules['meetings'],
  change: (meeting: MeetingRules) => MeetingRules,
): StatutoryRules {
  const copy = structuredClone(DEFAULT_RULES) as StatutoryRules;
  copy.meetings[type] = change(copy.meetings[type]);
  return statutoryRulesSchema.parse(copy);
}
const majority = (over: Partial<MajorityRule>): MajorityRule => ({
  rule: 'absolue',
  fraction: null,
  strict: false,
  base: 'exprimes',
  abstentionsCounted: false,
  blancsCounted: false,
  ...over,
});
/** AGO rules whose `ordinaire` majority is replaced. */
const agoWith = (rule: MajorityRule) => withMeeting('ago', (m) => ({ ...m, majorities: { ordinaire: rule } }));

function ok(result: VoteResult) {
  if (!result.ok) throw new Error(`unexpected refusal: ${result.message}`);
  return result;
}
const ctx = (heads: number, meetingType: 'ago' | 'age' = 'ago') => ({
  meetingType,
  presentOrRepresented: { heads, weight: heads },
});

describe('statutory rules', () => {
  it('DEFAULT_RULES follow domain.md §4 and pass their own schema', () => {
    expect(statutoryRulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
    const { ago, age } = DEFAULT_RULES.meetings;
    expect(ago.convocationDelayDays).toBe(15);
    expect(ago.quorum.first.fraction).toEqual({ numerator: 1, denominator: 4 });
    expect(age.quorum.first.fraction).toEqual({ numerator: 1, denominator: 2 });
    expect(ago.quorum.second?.fraction).toBeNull();
    expect(age.quorum.second?.fraction).toBeNull();
    expect(ago.majorities.ordinaire?.rule).toBe('simple');
    expect(age.majorities.statuts).toMatchObject({
      rule: 'deux_tiers',
      base: 'exprimes',
      abstentionsCounted: false,
      blancsCounted: false,
    });
    expect(ago.proxies).toEqual({ allowed: true, maxPerMandataire: 2, mandataireMustBeVoter: true });
    expect(ago.voteWeighting).toBe('heads');
    expect(ago.voters.cotisationRequired).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.meetings.ago.proxies)).toBe(true);
  });

  it('refuses inconsistent rules with French messages', () => {
    const broken = structuredClone(DEFAULT_RULES) as unknown as { meetings: Record<string, Record<string, unknown>> };
    broken.meetings.ago!.quorum = {
      first: { fraction: { numerator: 5, denominator: 4 }, counting: 'presents', weighting: 'heads' },
      second: null,
    };
    broken.meetings.age!.majorities = { statuts: { rule: 'fraction' } };
    broken.meetings.ca!.majorities = { ordinaire: { rule: 'simple', base: 'presents_et_representes' } };
    const messages = statutoryRulesSchema
      .safeParse(broken)
      .error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        [
          'meetings.ago.quorum.first.fraction.numerator',
          'La fraction doit être au plus égale à 1 (par exemple 1/4 ou 2/3).',
        ],
        ['meetings.age.majorities.statuts.fraction', 'Indiquez la fraction requise (par exemple 3/5).'],
        ['meetings.age.majorities', 'Indiquez au moins la majorité des résolutions ordinaires (« ordinaire »).'],
        [
          'meetings.ca.majorities.ordinaire.rule',
          'La majorité simple compare seulement les voix pour et contre : pour compter les abstentions, les blancs ou les présents, choisissez la majorité absolue ou une fraction.',
        ],
      ]),
    );
  });

  it('rounds thresholds exactly: ceil(base × f), or floor(base × f) + 1 when strict', () => {
    expect(threshold(180, { numerator: 1, denominator: 4 }, false)).toBe(45); // 180/4 = 45 exactly
    expect(threshold(181, { numerator: 1, denominator: 4 }, false)).toBe(46); // 45,25 → 46
    expect(threshold(160, { numerator: 2, denominator: 3 }, false)).toBe(107); // 106,67 → 107
    expect(threshold(150, { numerator: 2, denominator: 3 }, false)).toBe(100); // 100 exactly
    expect(threshold(100, { numerator: 1, denominator: 2 }, true)).toBe(51); // floor(50) + 1
    expect(threshold(101, { numerator: 1, denominator: 2 }, true)).toBe(51); // floor(50,5) + 1
    expect(threshold(0, { numerator: 1, denominator: 2 }, false)).toBe(0);
    // In units of 1/1000 voix with a 0,5-voix step: 6,5 × 2/3 = 4,33 → 4,5.
    expect(threshold(6500, { numerator: 2, denominator: 3 }, false, 500)).toBe(4500);
  });
});

describe('voting roll', () => {
  const members: AgMember[] = [
    member(1, { name: 'Mme Claire Durand' }),
    member(2, { name: 'M. Paul Martin', collegeId: 4, collegeName: 'Usagers', votingRight: 'consultative' }),
    member(3, { name: 'Mme Léa Petit', upToDate: [2024, 2025] }),
    member(4, { name: 'M. Jean Roux', active: false, upToDate: false }),
    member(5, {
      name: 'Mme Inès Blanc',
      collegeId: 4,
      collegeName: 'Usagers',
      votingRight: 'consultative',
      upToDate: false,
    }),
    member(6, { name: 'M. Hugo Noir', upToDate: [2025, 2026] }),
  ];

  it('keeps deliberative members up to date, and says why the others do not vote', () => {
    const roll = votingRoll(members, DEFAULT_RULES, { meetingType: 'ago', year: YEAR });
    expect(roll.voters.map((v) => v.id)).toEqual([1, 6]);
    expect(roll.totals).toEqual({ heads: 2, weight: 2 });
    expect(roll.nonVoters.map((n) => [n.name, n.reason])).toEqual([
      ['M. Paul Martin', 'collège consultatif'],
      ['Mme Léa Petit', 'cotisation 2026 non à jour'],
      ['M. Jean Roux', 'membre sorti'], // a departed member gets no other reason
      ['Mme Inès Blanc', 'collège consultatif ; cotisation 2026 non à jour'],
    ]);
  });

  it('lets founders vote without a cotisation at the constitutive AG (rule, not code)', () => {
    const roll = votingRoll(members, DEFAULT_RULES, { meetingType: 'constitutive', year: YEAR });
    expect(roll.voters.map((v) => v.id)).toEqual([1, 3, 6]);
    // The consultative collège is still excluded.
    expect(roll.nonVoters.find((n) => n.id === 5)?.reason).toBe('collège consultatif');
  });
});

describe('proxies', () => {
  const members = [
    member(1, { name: 'Mme Claire Durand' }),
    member(2, { name: 'M. Paul Martin' }),
    ...ids(3, 10).map((id) => member(id)),
    member(11, { name: 'M. Yves Lenoir', votingRight: 'consultative', collegeId: 4, collegeName: 'Usagers' }),
    member(12, { name: 'Mme Anne Vidal', upToDate: false }),
  ];
  const roll = votingRoll(members, DEFAULT_RULES, { meetingType: 'ago', year: YEAR });
  const held: ProxyInput[] = [
    { id: 'p1', mandantId: 3, mandataireId: 1 },
    { id: 'p2', mandantId: 4, mandataireId: 1 },
  ];
  const context = { rules: DEFAULT_RULES, meetingType: 'ago' as const, roll, proxies: held };

  it('caps the proxies per mandataire at the statutory maximum', () => {
    // Mme Durand already holds 2 pouvoirs (members 3 and 4); the statuts allow 2.
    const third = validateProxy({ mandantId: 5, mandataireId: 1 }, context);
    expect(third.ok).toBe(false);
    expect(third.reasons).toEqual([
      {
        code: 'maximum_atteint',
        message: 'Mme Claire Durand détient déjà 2 pouvoirs, le maximum prévu par les statuts.',
      },
    ]);
    expect(validateProxy({ mandantId: 5, mandataireId: 2 }, context)).toEqual({ ok: true, reasons: [], warnings: [] });
    // Editing one of her proxies does not count it twice.
    expect(validateProxy({ id: 'p2', mandantId: 4, mandataireId: 1 }, context).ok).toBe(true);
    // Statuts silent on a cap (the law sets none): unlimited.
    const unlimited = withMeeting('ago', (m) => ({ ...m, proxies: { ...m.proxies, maxPerMandataire: null } }));
    expect(validateProxy({ mandantId: 5, mandataireId: 1 }, { ...context, rules: unlimited }).ok).toBe(true);
    // A cap of 1: « 1 pouvoir » in the singular.
    const one = withMeeting('ago', (m) => ({ ...m, proxies: { ...m.proxies, maxPerMandataire: 1 } }));
    expect(
      validateProxy(
        { mandantId: 5, mandataireId: 2 },
        { ...context, rules: one, proxies: [{ mandantId: 6, mandataireId: 2 }] },
      ).reasons[0]?.message,
    ).toBe('M. Paul Martin détient déjà 1 pouvoir, le maximum prévu par les statuts.');
  });

  it('refuses self-proxies, non-voting mandants and mandataires, present mandants and second proxies', () => {
    expect(validateProxy({ mandantId: 5, mandataireId: 5 }, context).reasons.map((r) => r.message)).toEqual([
      'Membre 5 ne peut pas se donner pouvoir : un pouvoir se donne à un autre membre.',
    ]);
    expect(validateProxy({ mandantId: 12, mandataireId: 2 }, context).reasons.map((r) => r.message)).toEqual([
      'Mme Anne Vidal ne peut pas donner pouvoir : pas de droit de vote (cotisation 2026 non à jour).',
    ]);
    expect(validateProxy({ mandantId: 5, mandataireId: 11 }, context).reasons.map((r) => r.message)).toEqual([
      'M. Yves Lenoir ne peut pas recevoir de pouvoir : les statuts exigent que le mandataire soit membre votant (collège consultatif).',
    ]);
    // When the statuts let anyone be a mandataire, the consultative member may hold the proxy.
    const anyone = withMeeting('ago', (m) => ({ ...m, proxies: { ...m.proxies, mandataireMustBeVoter: false } }));
    expect(validateProxy({ mandantId: 5, mandataireId: 11 }, { ...context, rules: anyone }).ok).toBe(true);
    expect(
      validateProxy({ mandantId: 5, mandataireId: 2 }, { ...context, attendance: present([2, 5]) }).reasons.map(
        (r) => r.message,
      ),
    ).toEqual(['Membre 5 figure parmi les présents : un membre présent vote lui-même.']);
    expect(validateProxy({ mandantId: 3, mandataireId: 2 }, context).reasons.map((r) => r.message)).toEqual([
      'Membre 3 a déjà donné pouvoir à Mme Claire Durand.',
    ]);
    // Several problems at once are all listed.
    expect(validateProxy({ mandantId: 3, mandataireId: 1 }, context).reasons.map((r) => r.code)).toEqual([
      'pouvoir_deja_donne',
      'maximum_atteint',
    ]);
  });

  it('refuses every proxy where the statuts forbid them, and warns when the mandataire is not there yet', () => {
    const bureauRoll = votingRoll(members, DEFAULT_RULES, { meetingType: 'bureau', year: YEAR });
    expect(
      validateProxy(
        { mandantId: 5, mandataireId: 2 },
        { rules: DEFAULT_RULES, meetingType: 'bureau', roll: bureauRoll, proxies: [] },
      ),
    ).toEqual({
      ok: false,
      reasons: [{ code: 'pouvoirs_interdits', message: "Les statuts n'autorisent pas les pouvoirs pour le bureau." }],
      warnings: [],
    });
    const early = validateProxy({ mandantId: 5, mandataireId: 2 }, { ...context, attendance: present([1]) });
    expect(early.ok).toBe(true);
    expect(early.warnings).toEqual([
      "M. Paul Martin ne figure pas (encore) parmi les présents : ce pouvoir ne comptera qu'en sa présence.",
    ]);
    // Proxies are not passed on: warn about chains.
    expect(validateProxy({ mandantId: 1, mandataireId: 2 }, { ...context, proxies: [held[0]!] }).warnings).toEqual([
      'Mme Claire Durand détient 1 pouvoir, qui ne comptera pas en son absence.',
    ]);
    expect(validateProxy({ mandantId: 1, mandataireId: 2 }, context).warnings).toEqual([
      'Mme Claire Durand détient 2 pouvoirs, qui ne compteront pas en son absence.',
    ]);
    expect(validateProxy({ mandantId: 5, mandataireId: 3 }, context).warnings).toEqual([
      "Membre 3 a donné son propre pouvoir à Mme Claire Durand : ce pouvoir ne comptera qu'en sa présence.",
    ]);
    expect(validateProxy({ mandantId: 999, mandataireId: 2 }, context).reasons.map((r) => r.message)).toEqual([
      'Le mandant (membre n° 999) ne figure pas parmi les membres.',
    ]);
  });
});

describe('quorum', () => {
  // 180 voting members; the AGO quorum is 1/4 of members present or represented: 180 × 1/4 = 45 exactly.
  const roll = votingRoll(
    ids(1, 180).map((id) => member(id, id === 1 ? { name: 'Mme Claire Durand' } : {})),
    DEFAULT_RULES,
    { meetingType: 'ago', year: YEAR },
  );
  const proxies: ProxyInput[] = [
    { mandantId: 41, mandataireId: 1 },
    { mandantId: 42, mandataireId: 1 },
    { mandantId: 43, mandataireId: 2 },
    { mandantId: 44, mandataireId: 2 },
    { mandantId: 45, mandataireId: 3 },
    { mandantId: 46, mandataireId: 3 },
  ];

  it('counts 40 present + 6 represented = 46 ≥ 45: quorum met', () => {
    const result = computeQuorum(
      { roll, attendance: [...present(ids(1, 40)), ...represented(ids(41, 46))], proxies },
      DEFAULT_RULES,
      'ago',
      1,
    );
    expect(result.present.heads).toBe(40);
    expect(result.represented.heads).toBe(6);
    expect(result.reached).toEqual({ heads: 46, weight: 46 });
    expect(result.required).toEqual({ heads: 45, weight: 45 });
    expect(result.met).toBe(true);
    expect(result.missing).toBe(0);
    expect(result.proxies.counted).toHaveLength(6);
    expect(result.proxies.notCounted).toEqual([]);
    expect(result.anomalies).toEqual([]);
    expect(result.sentence).toBe(
      '46 membres présents ou représentés sur 180 membres votants ; quorum requis : 1/4, soit 45 ; quorum atteint.',
    );
  });

  it('stops counting the proxies of a mandataire who leaves, and the quorum drops below the threshold', () => {
    // Mme Durand (1) leaves: 39 present; her 2 proxies (41, 42) stop counting; 4 represented remain.
    // 39 + 4 = 43 < 45: 2 missing.
    const attendance = [
      { memberId: 1, status: 'absent' as const },
      ...present(ids(2, 40)),
      ...represented(ids(41, 46)),
    ];
    const result = computeQuorum({ roll, attendance, proxies }, DEFAULT_RULES, 'ago', 1);
    expect(result.reached.heads).toBe(43);
    expect(result.met).toBe(false);
    expect(result.missing).toBe(2);
    expect(result.proxies.notCounted.map((p) => [p.proxy.mandantId, p.mandataireName, p.code, p.reason])).toEqual([
      [41, 'Mme Claire Durand', 'mandataire_absent', 'mandataire absent'],
      [42, 'Mme Claire Durand', 'mandataire_absent', 'mandataire absent'],
    ]);
    expect(result.anomalies).toEqual([
      'Membre 41 : noté « représenté » sans pouvoir valable en cours ; compté absent.',
      'Membre 42 : noté « représenté » sans pouvoir valable en cours ; compté absent.',
    ]);
    expect(result.sentence).toBe(
      '43 membres présents ou représentés sur 180 membres votants ; quorum requis : 1/4, soit 45 ; quorum non atteint (il manque 2 membres).',
    );
  });

  it('counts present members only when the statuts say so', () => {
    // Same meeting, quorum of « présents »: 40 < 45, 5 missing; the proxies still exist but do not make the quorum.
    const rules = withMeeting('ago', (m) => ({
      ...m,
      quorum: { ...m.quorum, first: { ...m.quorum.first, counting: 'presents' } },
    }));
    const result = computeQuorum(
      { roll, attendance: [...present(ids(1, 40)), ...represented(ids(41, 46))], proxies },
      rules,
      'ago',
      1,
    );
    expect(result.met).toBe(false);
    expect(result.presentOrRepresented.heads).toBe(46);
    expect(result.sentence).toBe(
      '40 membres présents sur 180 membres votants ; quorum requis : 1/4, soit 45 ; quorum non atteint (il manque 5 membres).',
    );
  });

  it('applies the cap, ignores a second proxy of the same mandant and a proxy of a present mandant', () => {
    const extra: ProxyInput[] = [
      ...proxies,
      { mandantId: 47, mandataireId: 1 }, // Mme Durand's 3rd: over the cap of 2
      { mandantId: 41, mandataireId: 4 }, // 41 already gave a proxy
      { mandantId: 5, mandataireId: 4 }, // 5 is present
    ];
    const result = computeQuorum({ roll, attendance: present(ids(1, 40)), proxies: extra }, DEFAULT_RULES, 'ago', 1);
    expect(result.represented.heads).toBe(6);
    expect(result.proxies.notCounted.map((p) => [p.proxy.mandantId, p.reason])).toEqual([
      [47, 'au-delà du maximum de 2 pouvoirs prévu par les statuts'],
      [41, 'le mandant a déjà donné un pouvoir'],
      [5, 'mandant présent'],
    ]);
  });

  it('weighs collèges (A weighs 2, B weighs 1) and breaks the quorum down per collège', () => {
    const rules = withMeeting('ago', (m) => ({
      ...m,
      voteWeighting: 'weight',
      quorum: {
        ...m.quorum,
        first: {
          fraction: { numerator: 1, denominator: 2 },
          strict: false,
          counting: 'presents_et_representes',
          weighting: 'weight',
        },
      },
    }));
    const collegeA = { collegeId: 1, collegeName: 'Collège A', voteWeight: 2 };
    const collegeB = { collegeId: 2, collegeName: 'Collège B', voteWeight: 1 };
    const weighted = votingRoll(
      [...ids(1, 10).map((id) => member(id, collegeA)), ...ids(11, 30).map((id) => member(id, collegeB))],
      rules,
      { meetingType: 'ago', year: YEAR },
    );
    // Voting weight: 10 × 2 + 20 × 1 = 40; quorum 1/2 → 20 voix (and 30 heads / 2 = 15 members).
    expect(weighted.totals).toEqual({ heads: 30, weight: 40 });
    // Present: A 1–6 (6 × 2 = 12), B 11–15 (5 × 1 = 5); member 7 (A, 2 voix) gave a proxy to 11 (B, present).
    // Reached: 12 + 5 + 2 = 19 voix < 20 → missing 1 voix.
    const proxy = [{ mandantId: 7, mandataireId: 11 }];
    const before = computeQuorum(
      { roll: weighted, attendance: present([...ids(1, 6), ...ids(11, 15)]), proxies: proxy },
      rules,
      'ago',
      1,
    );
    expect(before.reached).toEqual({ heads: 12, weight: 19 });
    expect(before.required).toEqual({ heads: 15, weight: 20 });
    expect(before.met).toBe(false);
    expect(before.missing).toBe(1);
    expect(before.byCollege).toEqual([
      {
        collegeId: 1,
        collegeName: 'Collège A',
        voting: { heads: 10, weight: 20 },
        present: { heads: 6, weight: 12 },
        represented: { heads: 1, weight: 2 },
        reached: { heads: 7, weight: 14 },
      },
      {
        collegeId: 2,
        collegeName: 'Collège B',
        voting: { heads: 20, weight: 20 },
        present: { heads: 5, weight: 5 },
        represented: { heads: 0, weight: 0 },
        reached: { heads: 5, weight: 5 },
      },
    ]);
    expect(before.sentence).toBe(
      '19 voix présentes ou représentées sur 40 voix (30 membres votants) ; quorum requis : 1/2, soit 20 voix ; quorum non atteint (il manque 1 voix).',
    );

    // Member 16 (B) arrives: 20 voix ≥ 20 → met, although only 13 heads of 30 are there (< 15 by heads).
    const after = computeQuorum(
      { roll: weighted, attendance: present([...ids(1, 6), ...ids(11, 16)]), proxies: proxy },
      rules,
      'ago',
      1,
    );
    expect(after.reached).toEqual({ heads: 13, weight: 20 });
    expect(after.met).toBe(true);
    expect(after.sentence).toBe(
      '20 voix présentes ou représentées sur 40 voix (30 membres votants) ; quorum requis : 1/2, soit 20 voix ; quorum atteint.',
    );

    // Weighted vote on the AGO ordinaire made « deux tiers »: pour 14 voix, contre 6 voix → base 20,
    // 20 × 2/3 = 13,33 → 14 required: adopted. 21 voix cast for 20 present or represented is refused.
    const twoThirds = {
      ...rules,
      meetings: {
        ...rules.meetings,
        ago: { ...rules.meetings.ago, majorities: { ordinaire: majority({ rule: 'deux_tiers' }) } },
      },
    };
    const vote = ok(computeVote({ pour: 14, contre: 6 }, twoThirds, 'ordinaire', after));
    expect(vote.adopted).toBe(true);
    expect(vote.sentence).toBe(
      'Pour 14, contre 6, abstentions 0, blancs 0. Base : 20 suffrages exprimés (abstentions et blancs non comptés). Majorité des deux tiers : 14 voix requises (2/3 de 20, arrondi au supérieur). Résolution adoptée.',
    );
    expect(computeVote({ pour: 15, contre: 6 }, twoThirds, 'ordinaire', after)).toEqual({
      ok: false,
      code: 'votes_incoherents',
      message:
        'Décompte incohérent : 21 votes saisis (pour, contre, abstentions et blancs) pour seulement 20 voix présentes ou représentées. Vérifiez le décompte.',
    });
  });

  it('keeps fractional weights exact (collège weighing 1,5)', () => {
    const rules = withMeeting('ago', (m) => ({
      ...m,
      voteWeighting: 'weight',
      majorities: { ordinaire: majority({ rule: 'deux_tiers' }) },
    }));
    const roll15 = votingRoll(
      [...ids(1, 3).map((id) => member(id, { voteWeight: 1.5 })), member(4), member(5)],
      rules,
      { meetingType: 'ago', year: YEAR },
    );
    // 3 × 1,5 + 2 × 1 = 6,5 voix.
    expect(roll15.totals.weight).toBe(6.5);
    // Pour 4,5 and contre 2: base 6,5; 6,5 × 2/3 = 4,33; votes move in steps of 0,5 → 4,5 required: adopted.
    const vote = ok(
      computeVote({ pour: 4.5, contre: 2 }, rules, 'ordinaire', {
        meetingType: 'ago',
        presentOrRepresented: roll15.totals,
      }),
    );
    expect(vote.required).toBe(4.5);
    expect(vote.adopted).toBe(true);
    expect(vote.sentence).toContain('Majorité des deux tiers : 4,5 voix requises (2/3 de 6,5, arrondi au supérieur).');
  });

  it('needs no quorum on a second convocation, and says when the statuts provide none', () => {
    // 10 present + 2 represented = 12 of 180: no quorum on the 2nd call, the AG may deliberate.
    const attendance = present(ids(1, 10));
    const result = computeQuorum(
      {
        roll,
        attendance,
        proxies: [
          { mandantId: 11, mandataireId: 1 },
          { mandantId: 12, mandataireId: 2 },
        ],
      },
      DEFAULT_RULES,
      'ago',
      2,
    );
    expect(result.required).toBeNull();
    expect(result.met).toBe(true);
    expect(result.sentence).toBe(
      "12 membres présents ou représentés sur 180 membres votants ; aucun quorum requis (deuxième convocation) ; l'assemblée peut délibérer.",
    );
    // On the 1st call the same meeting misses its quorum: 12 < 45, 33 missing.
    expect(
      computeQuorum(
        {
          roll,
          attendance,
          proxies: [
            { mandantId: 11, mandataireId: 1 },
            { mandantId: 12, mandataireId: 2 },
          ],
        },
        DEFAULT_RULES,
        'ago',
        1,
      ),
    ).toMatchObject({ met: false, missing: 33 });
    // Nobody there: even without a quorum nothing can be voted.
    expect(computeQuorum({ roll, attendance: [], proxies: [] }, DEFAULT_RULES, 'ago', 2)).toMatchObject({
      met: false,
      sentence:
        '0 membre présent ou représenté sur 180 membres votants ; aucun quorum requis (deuxième convocation) ; aucun membre votant présent ou représenté.',
    });

    expect(secondConvocation(DEFAULT_RULES, 'ago')).toEqual({
      possible: true,
      quorum: DEFAULT_RULES.meetings.ago.quorum.second,
      convocationDelayDays: 15,
      message:
        "Deuxième convocation possible pour l'assemblée générale ordinaire : aucun quorum requis ; convocation au moins 15 jours avant.",
    });
    const thirdOnSecond = withMeeting('age', (m) => ({
      ...m,
      quorum: {
        ...m.quorum,
        second: {
          fraction: { numerator: 1, denominator: 3 },
          strict: false,
          counting: 'presents',
          weighting: 'heads',
          convocationDelayDays: 6,
        },
      },
    }));
    expect(secondConvocation(thirdOnSecond, 'age').message).toBe(
      "Deuxième convocation possible pour l'assemblée générale extraordinaire : quorum de 1/3 des membres votants présents ; convocation au moins 6 jours avant.",
    );
    expect(secondConvocation(DEFAULT_RULES, 'ca')).toEqual({
      possible: false,
      message: "Les statuts ne prévoient pas de deuxième convocation pour le conseil d'administration.",
    });
    expect(() => computeQuorum({ roll, attendance, proxies: [] }, DEFAULT_RULES, 'ca', 2)).toThrow(AgRuleError);
    expect(() => computeQuorum({ roll, attendance, proxies: [] }, DEFAULT_RULES, 'ca', 2)).toThrow(
      "Les statuts ne prévoient pas de deuxième convocation pour le conseil d'administration.",
    );
  });

  it('handles 1,500 voting members and 400 proxies (correctness; timing is measured outside the tests)', () => {
    const big = votingRoll(
      ids(1, 1500).map((id) => member(id)),
      DEFAULT_RULES,
      { meetingType: 'ago', year: YEAR },
    );
    // 300 present; 400 proxies from 301–700 to mandataires 1–200 (2 each): 300 + 400 = 700 ≥ 1 500 / 4 = 375.
    const bigProxies = ids(301, 700).map((mandantId, i) => ({ mandantId, mandataireId: 1 + Math.floor(i / 2) }));
    const result = computeQuorum(
      { roll: big, attendance: present(ids(1, 300)), proxies: bigProxies },
      DEFAULT_RULES,
      'ago',
      1,
    );
    expect(result.proxies.counted).toHaveLength(400);
    expect(result.sentence).toBe(
      `700 membres présents ou représentés sur 1${NBSP}500 membres votants ; quorum requis : 1/4, soit 375 ; quorum atteint.`,
    );
  });

  it('is linear: 10 times more members and proxies means 10 times more reads, not 100', () => {
    // Deterministic complexity check without timing: count every property read on the inputs.
    function reads(n: number): { roll: number; quorum: number } {
      const counter = { reads: 0 };
      const watch = <T extends object>(value: T): T =>
        new Proxy(value, {
          get(target, key, receiver) {
            counter.reads += 1;
            return Reflect.get(target, key, receiver);
          },
        });
      const members = watch(ids(1, n).map((id) => watch(member(id, { collegeId: id % 3, voteWeight: 1 + (id % 3) }))));
      const roll = votingRoll(members, DEFAULT_RULES, { meetingType: 'ago', year: YEAR });
      const rollReads = counter.reads;
      counter.reads = 0;
      const watchedRoll = {
        ...roll,
        voters: watch(roll.voters.map((v) => watch(v))),
        nonVoters: watch(roll.nonVoters.map((v) => watch(v))),
      };
      const attendance = watch(present(ids(1, Math.floor(n / 5))).map((entry) => watch(entry)));
      const proxies = watch(
        ids(Math.floor(n / 5) + 1, Math.floor(n / 5) + Math.floor(n / 4)).map((mandantId, i) =>
          watch({ mandantId, mandataireId: 1 + (i % Math.floor(n / 5)) }),
        ),
      );
      computeQuorum({ roll: watchedRoll, attendance, proxies }, DEFAULT_RULES, 'ago', 1);
      return { roll: rollReads, quorum: counter.reads };
    }
    const small = reads(1_600);
    const large = reads(16_000);
    expect(large.roll / small.roll).toBeGreaterThan(9);
    expect(large.roll / small.roll).toBeLessThan(11);
    expect(large.quorum / small.quorum).toBeGreaterThan(9);
    expect(large.quorum / small.quorum).toBeLessThan(11);
  });
});

describe('votes', () => {
  it('writes the arithmetic of the two-thirds majority (example of the brief)', () => {
    // Base 120 + 40 = 160 exprimés; 160 × 2/3 = 106,67 → 107 required; 120 ≥ 107.
    const result = ok(
      computeVote({ pour: 120, contre: 40, abstention: 10, blanc: 2 }, DEFAULT_RULES, 'statuts', ctx(200, 'age')),
    );
    expect(result).toMatchObject({
      adopted: true,
      base: 160,
      required: 107,
      majorityLabel: 'Majorité des deux tiers',
      resolutionLabel: 'Modification des statuts',
    });
    expect(result.sentence).toBe(
      'Pour 120, contre 40, abstentions 10, blancs 2. Base : 160 suffrages exprimés (abstentions et blancs non comptés). Majorité des deux tiers : 107 voix requises (2/3 de 160, arrondi au supérieur). Résolution adoptée.',
    );
  });

  it('meets two thirds exactly at the boundary', () => {
    // 150 × 2/3 = 100 exactly: 100 pour adopts, 99 does not.
    const exact = ok(computeVote({ pour: 100, contre: 50 }, DEFAULT_RULES, 'statuts', ctx(200, 'age')));
    expect(exact.adopted).toBe(true);
    expect(exact.sentence).toBe(
      'Pour 100, contre 50, abstentions 0, blancs 0. Base : 150 suffrages exprimés (abstentions et blancs non comptés). Majorité des deux tiers : 100 voix requises (2/3 de 150). Résolution adoptée.',
    );
    const below = ok(computeVote({ pour: 99, contre: 51 }, DEFAULT_RULES, 'statuts', ctx(200, 'age')));
    expect(below).toMatchObject({ adopted: false, required: 100 });
    expect(below.sentence.endsWith('Résolution rejetée.')).toBe(true);
    // 160: 107 required; 107 / 53 adopts, 106 / 54 does not.
    expect(ok(computeVote({ pour: 107, contre: 53 }, DEFAULT_RULES, 'dissolution', ctx(200, 'age'))).adopted).toBe(
      true,
    );
    expect(ok(computeVote({ pour: 106, contre: 54 }, DEFAULT_RULES, 'dissolution', ctx(200, 'age'))).adopted).toBe(
      false,
    );
  });

  it('meets three quarters exactly at the boundary', () => {
    const rules = agoWith(majority({ rule: 'trois_quarts' }));
    // 160 × 3/4 = 120 exactly.
    expect(ok(computeVote({ pour: 120, contre: 40 }, rules, 'ordinaire', ctx(200))).adopted).toBe(true);
    expect(ok(computeVote({ pour: 119, contre: 41 }, rules, 'ordinaire', ctx(200)))).toMatchObject({
      adopted: false,
      required: 120,
    });
    // 161 × 3/4 = 120,75 → 121: 120 pour is not enough, 121 is.
    const over = ok(computeVote({ pour: 120, contre: 41 }, rules, 'ordinaire', ctx(200)));
    expect(over).toMatchObject({ adopted: false, required: 121 });
    expect(over.sentence).toContain(
      'Majorité des trois quarts : 121 voix requises (3/4 de 161, arrondi au supérieur).',
    );
    expect(ok(computeVote({ pour: 121, contre: 40 }, rules, 'ordinaire', ctx(200))).adopted).toBe(true);
  });

  it('rejects ties under both simple and absolute majority, and tells them apart with abstentions', () => {
    const simple = DEFAULT_RULES; // AGO ordinaire: majorité simple
    const absolute = agoWith(majority({ rule: 'absolue' }));
    const absoluteWithAbstentions = agoWith(majority({ rule: 'absolue', abstentionsCounted: true }));

    // Tie 50 / 50: simple needs 50 + 1 = 51; absolute needs floor(100 / 2) + 1 = 51.
    const tieSimple = ok(computeVote({ pour: 50, contre: 50, abstention: 20 }, simple, 'ordinaire', ctx(150)));
    expect(tieSimple.adopted).toBe(false);
    expect(tieSimple.sentence).toBe(
      'Pour 50, contre 50, abstentions 20, blancs 0. Base : 100 suffrages exprimés (abstentions et blancs non comptés). Majorité simple : plus de voix pour que de voix contre, soit 51 voix requises. Résolution rejetée.',
    );
    const tieAbsolute = ok(computeVote({ pour: 50, contre: 50, abstention: 20 }, absolute, 'ordinaire', ctx(150)));
    expect(tieAbsolute).toMatchObject({ adopted: false, required: 51 });
    expect(tieAbsolute.sentence).toContain('Majorité absolue : 51 voix requises (la moitié de 100, plus une voix).');
    // One more pour breaks the tie for both.
    expect(ok(computeVote({ pour: 51, contre: 50 }, simple, 'ordinaire', ctx(150))).adopted).toBe(true);
    expect(ok(computeVote({ pour: 51, contre: 50 }, absolute, 'ordinaire', ctx(150))).adopted).toBe(true);
    // Odd base 101: floor(50,5) + 1 = 51.
    expect(ok(computeVote({ pour: 51, contre: 50 }, absolute, 'ordinaire', ctx(150))).sentence).toContain(
      "Majorité absolue : 51 voix requises (la moitié de 101, arrondi à l'inférieur, plus une voix).",
    );
    // 50 pour, 49 contre, 10 abstentions: simple adopts (50 > 49); absolute counting abstentions has base 109,
    // floor(54,5) + 1 = 55 > 50: rejected.
    expect(ok(computeVote({ pour: 50, contre: 49, abstention: 10 }, simple, 'ordinaire', ctx(150))).adopted).toBe(true);
    expect(
      ok(computeVote({ pour: 50, contre: 49, abstention: 10 }, absoluteWithAbstentions, 'ordinaire', ctx(150))),
    ).toMatchObject({ adopted: false, base: 109, required: 55 });
  });

  it('gives different results on the same votes depending on the base and on counting abstentions and blancs', () => {
    const votes = { pour: 60, contre: 40, abstention: 30, blanc: 10 };
    const state = ctx(150); // 150 present or represented; 140 cast a ballot, 10 did not vote
    // Exprimés only: base 60 + 40 = 100 → 51 required → adopted.
    expect(ok(computeVote(votes, agoWith(majority({})), 'ordinaire', state))).toMatchObject({
      adopted: true,
      base: 100,
      required: 51,
    });
    // Blancs counted: base 110 → 56 → adopted.
    const blancs = ok(computeVote(votes, agoWith(majority({ blancsCounted: true })), 'ordinaire', state));
    expect(blancs).toMatchObject({ adopted: true, base: 110, required: 56 });
    expect(blancs.sentence).toContain('Base : 110 suffrages exprimés, blancs compris (abstentions non comptées).');
    // Abstentions counted: base 130 → 66 → rejected.
    const abstentions = ok(computeVote(votes, agoWith(majority({ abstentionsCounted: true })), 'ordinaire', state));
    expect(abstentions).toMatchObject({ adopted: false, base: 130, required: 66 });
    expect(abstentions.sentence).toContain(
      'Base : 130 suffrages exprimés, abstentions comprises (blancs non comptés).',
    );
    // Both counted: base 140 → 71 → rejected.
    expect(
      ok(computeVote(votes, agoWith(majority({ abstentionsCounted: true, blancsCounted: true })), 'ordinaire', state))
        .sentence,
    ).toContain('Base : 140 suffrages exprimés, abstentions et blancs compris.');
    // Présents et représentés: base 150 → 76 → rejected.
    expect(
      ok(computeVote(votes, agoWith(majority({ base: 'presents_et_representes' })), 'ordinaire', state)).sentence,
    ).toBe(
      'Pour 60, contre 40, abstentions 30, blancs 10. Base : 150 membres présents ou représentés (abstentions, blancs et non-votants pèsent comme des voix contre). Majorité absolue : 76 voix requises (la moitié de 150, plus une voix). Résolution rejetée.',
    );
  });

  it('supports any fraction, at least or strictly more than', () => {
    // 3/5 of 160 = 96 exactly: at least → 96; strictly more → 97.
    expect(
      ok(
        computeVote(
          { pour: 96, contre: 64 },
          agoWith(majority({ rule: 'fraction', fraction: { numerator: 3, denominator: 5 } })),
          'ordinaire',
          ctx(200),
        ),
      ),
    ).toMatchObject({
      adopted: true,
      required: 96,
      majorityLabel: 'Majorité de 3/5',
    });
    const strict = ok(
      computeVote(
        { pour: 96, contre: 64 },
        agoWith(majority({ rule: 'fraction', fraction: { numerator: 3, denominator: 5 }, strict: true })),
        'ordinaire',
        ctx(200),
      ),
    );
    expect(strict).toMatchObject({ adopted: false, required: 97, majorityLabel: 'Majorité de plus de 3/5' });
    expect(strict.sentence).toContain('Majorité de plus de 3/5 : 97 voix requises (3/5 de 160, plus une voix).');
  });

  it('refuses inconsistent or impossible inputs in French', () => {
    // 100 + 30 + 10 + 5 = 145 ballots for 140 members present or represented.
    expect(
      computeVote({ pour: 100, contre: 30, abstention: 10, blanc: 5 }, DEFAULT_RULES, 'ordinaire', ctx(140)),
    ).toEqual({
      ok: false,
      code: 'votes_incoherents',
      message:
        'Décompte incohérent : 145 votes saisis (pour, contre, abstentions et blancs) pour seulement 140 membres votants présents ou représentés. Vérifiez le décompte.',
    });
    expect(computeVote({ pour: -1, contre: 3 }, DEFAULT_RULES, 'ordinaire', ctx(140))).toMatchObject({
      ok: false,
      code: 'votes_invalides',
      message: 'Nombre de voix « pour » invalide : un nombre positif ou nul est attendu.',
    });
    expect(computeVote({ pour: 1.5, contre: 3 }, DEFAULT_RULES, 'ordinaire', ctx(140))).toMatchObject({
      ok: false,
      code: 'votes_invalides',
    });
    expect(computeVote({ pour: 10, contre: 3 }, DEFAULT_RULES, 'statuts', ctx(140))).toEqual({
      ok: false,
      code: 'regle_inconnue',
      message:
        "Aucune règle de majorité n'est définie pour le type de résolution « statuts » de l'assemblée générale ordinaire : complétez les règles statutaires.",
    });
    expect(computeVote({ pour: 10, contre: 3 }, DEFAULT_RULES, 'ordinaire', { ...ctx(140), met: false })).toEqual({
      ok: false,
      code: 'quorum_non_atteint',
      message: "Le quorum n'est pas atteint : l'assemblée ne peut pas valablement délibérer.",
    });
    // Everyone abstains: nothing to count, never adopted.
    const empty = ok(computeVote({ pour: 0, contre: 0, abstention: 12 }, DEFAULT_RULES, 'statuts', ctx(140, 'age')));
    expect(empty.adopted).toBe(false);
    expect(empty.sentence).toBe(
      'Pour 0, contre 0, abstentions 12, blancs 0. Base : 0 suffrage exprimé (abstentions et blancs non comptés). Aucun suffrage à compter : la résolution ne peut pas être adoptée. Résolution rejetée.',
    );
  });
});

describe('convocation delay', () => {
  it('warns when the convocation was sent too late', () => {
    // 20 June − 10 June = 10 days < 15.
    expect(convocationDelayProblem('2026-06-20', '2026-06-10', DEFAULT_RULES, 'ago')).toBe(
      "La convocation a été envoyée 10 jours avant l'assemblée ; les statuts en demandent 15.",
    );
    // 20 June − 5 June = 15 days: fine.
    expect(convocationDelayProblem('2026-06-20', '2026-06-05', DEFAULT_RULES, 'ago')).toBeNull();
    expect(convocationDelayProblem('2026-06-20', '2026-06-17', DEFAULT_RULES, 'ca')).toBe(
      "La convocation a été envoyée 3 jours avant la réunion du conseil d'administration ; les statuts en demandent 7.",
    );
    expect(convocationDelayProblem('2026-06-20', '2026-06-20', DEFAULT_RULES, 'age')).toBe(
      "La convocation a été envoyée le jour même de l'assemblée ; les statuts demandent 15 jours.",
    );
    expect(convocationDelayProblem('2026-06-20', '2026-06-22', DEFAULT_RULES, 'age')).toBe(
      "La convocation est datée d'après l'assemblée : vérifiez les dates.",
    );
    expect(convocationDelayProblem('2026-02-30', '2026-02-01', DEFAULT_RULES, 'ago')).toBe(
      "Date de l'assemblée invalide (« 2026-02-30 ») : impossible de vérifier le délai de convocation.",
    );
  });

  it('counts jours francs when the statuts say so', () => {
    const francs = withMeeting('ago', (m) => ({ ...m, convocationDayCount: 'francs' }));
    // 5 → 20 June: 15 calendar days, but only 14 jours francs (6 to 19 June).
    expect(convocationDelayProblem('2026-06-20', '2026-06-05', francs, 'ago')).toBe(
      "La convocation a été envoyée 14 jours francs avant l'assemblée ; les statuts en demandent 15.",
    );
    expect(convocationDelayProblem('2026-06-20', '2026-06-04', francs, 'ago')).toBeNull();
  });
});

describe('weighCollegeVotes', () => {
  // Collège A: 4 members present or represented, 1,5 voix each (6 voix); collège B: 3 members, 0,5 voix each (1,5 voix).
  const powers = [
    { collegeId: 1, collegeName: 'Libéraux', heads: 4, weight: 6 },
    { collegeId: 2, collegeName: 'Structures', heads: 3, weight: 1.5 },
  ];

  it('multiplies each collège’s head counts by the voix of one member', () => {
    const result = weighCollegeVotes(
      [
        { collegeId: 1, pour: 3, contre: 1, abstention: 0, blanc: 0 },
        { collegeId: 2, pour: 0, contre: 3, abstention: 0, blanc: 0 },
      ],
      powers,
    );
    if (!result.ok) throw new Error(result.message);
    // pour 3 × 1,5 = 4,5; contre 1 × 1,5 + 3 × 0,5 = 1,5 + 1,5 = 3.
    expect(result.totals).toEqual({ pour: 4.5, contre: 3, abstention: 0, blanc: 0 });
    expect(result.colleges.map((college) => college.weightPerMember)).toEqual([1.5, 0.5]);
    expect(result.sentence).toBe(
      `Voix pondérées par collège — Libéraux (1,5 voix par membre) : pour 3 × 1,5 = 4,5, contre 1 × 1,5 = 1,5, abstentions 0, blancs 0 ; ` +
        `Structures (0,5 voix par membre) : pour 0, contre 3 × 0,5 = 1,5, abstentions 0, blancs 0. Total : pour 4,5, contre 3, abstentions 0, blancs 0 voix.`,
    );
    // The weighted totals decide: 4,5 pour against 3 contre, simple majority adopts.
    const weighted = JSON.parse(JSON.stringify(DEFAULT_RULES)) as StatutoryRules;
    weighted.meetings.ago.voteWeighting = 'weight';
    const vote = computeVote(result.totals, weighted, 'ordinaire', {
      meetingType: 'ago',
      presentOrRepresented: { heads: 7, weight: 7.5 },
    });
    expect(vote.ok && vote.adopted).toBe(true);
  });

  it('adds voix exactly: thirds of a voix do not drift', () => {
    // 3 members sharing 1 voix (0,333 each, to the thousandth): 3 × 0,333 = 0,999.
    const result = weighCollegeVotes(
      [{ collegeId: 7, pour: 3, contre: 0, abstention: 0, blanc: 0 }],
      [{ collegeId: 7, collegeName: 'Usagers', heads: 3, weight: 0.999 }],
    );
    expect(result.ok && result.totals.pour).toBe(0.999);
  });

  it('refuses head counts larger than the members present or represented, fractions, duplicates and empty collèges', () => {
    const over = weighCollegeVotes([{ collegeId: 2, pour: 3, contre: 1, abstention: 0, blanc: 0 }], powers);
    expect(over).toEqual({
      ok: false,
      message:
        'Collège « Structures » : 4 votes saisis (pour, contre, abstentions et blancs) pour seulement 3 membres votants présents ou représentés. ' +
        'Saisissez des nombres de membres, l’application applique les poids. Vérifiez le décompte.',
    });
    expect(weighCollegeVotes([{ collegeId: 1, pour: 1.5, contre: 0, abstention: 0, blanc: 0 }], powers)).toMatchObject({
      ok: false,
      message: expect.stringContaining('un nombre entier'),
    });
    expect(
      weighCollegeVotes(
        [
          { collegeId: 1, pour: 1, contre: 0, abstention: 0, blanc: 0 },
          { collegeId: 1, pour: 1, contre: 0, abstention: 0, blanc: 0 },
        ],
        powers,
      ),
    ).toMatchObject({ ok: false, message: 'Collège « Libéraux » figure deux fois dans le décompte.' });
    expect(weighCollegeVotes([{ collegeId: 9, pour: 1, contre: 0, abstention: 0, blanc: 0 }], powers)).toMatchObject({
      ok: false,
      message: expect.stringContaining('aucun membre votant présent ou représenté'),
    });
    // A collège with nobody present and nothing entered is simply left out.
    expect(weighCollegeVotes([{ collegeId: 9, pour: 0, contre: 0, abstention: 0, blanc: 0 }], powers)).toMatchObject({
      ok: true,
      totals: { pour: 0, contre: 0 },
    });
  });
});
