import { computeQuorum, DEFAULT_RULES, votingRoll, type AgMember } from '@shared/domain/ag';
import { seededRandom } from '../generate';
import { ms, stats, time, type BenchSection } from '../report';

/** An AG of 1 500 voting members and 400 proxies: quorum recomputed after each check-in. */
export async function quorumBench(): Promise<BenchSection> {
  const random = seededRandom(11);
  const members: AgMember[] = Array.from({ length: 1_650 }, (_, index) => ({
    id: index + 1,
    name: `Membre ${index + 1}`,
    collegeId: 1 + (index % 3),
    votingRight: index % 11 === 0 ? 'consultative' : 'deliberative',
    voteWeight: 1 + (index % 3 === 0 ? 1 : 0),
    upToDate: true,
    active: true,
  }));
  const roll = votingRoll(members, DEFAULT_RULES, { meetingType: 'ago', year: 2026 });
  const voters = roll.voters.slice(0, 1_500);
  const rollOf1500 = { ...roll, voters };
  // 400 proxies from absent members to 200 present mandataires (2 each, the default cap).
  const proxies = Array.from({ length: 400 }, (_, index) => ({
    mandantId: voters[1_000 + index]!.id,
    mandataireId: voters[index % 200]!.id,
  }));
  const attendance = voters.slice(0, 600).map((voter) => ({ memberId: voter.id, status: 'present' as const }));
  const samples: number[] = [];
  for (let checkIn = 0; checkIn < 400; checkIn += 1) {
    const arriving = voters[600 + Math.floor(random() * 400)]!;
    attendance.push({ memberId: arriving.id, status: 'present' });
    samples.push(
      (await time(() => computeQuorum({ roll: rollOf1500, attendance, proxies }, DEFAULT_RULES, 'ago', 1))).ms,
    );
  }
  const summary = stats(samples);
  return {
    title: 'Assemblée générale : quorum en direct (1 500 votants, 400 pouvoirs)',
    notes: [
      'Calcul complet du quorum (pouvoirs comptés seulement si le mandataire est présent, détail par collège) après chaque arrivée, 400 arrivées.',
    ],
    rows: [
      {
        measure: 'Recalcul après un pointage — médiane',
        value: ms(summary.median),
        target: '< 20 ms',
        ok: summary.median < 20,
      },
      {
        measure: 'Recalcul après un pointage — 95e centile',
        value: ms(summary.p95),
        target: '< 20 ms',
        ok: summary.p95 < 20,
      },
      { measure: 'Recalcul après un pointage — pire cas', value: ms(summary.max) },
    ],
  };
}
