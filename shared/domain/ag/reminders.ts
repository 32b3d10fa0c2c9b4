import type { MajorityRule, QuorumRoundRule, StatutoryRules } from './rules';
import type { MeetingType } from './vocabulary';
import { majorityLabelOf } from './votes';
import { fractionText, pl } from './wording';

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
