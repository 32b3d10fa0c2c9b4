import { fromUnits, toUnits } from './arithmetic';
import type { VoteTotals } from './votes';
import { fmt, pl } from './wording';

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
