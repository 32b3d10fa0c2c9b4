import type { CollegeVotingPower, Tally } from '@shared/domain/ag';

/** What is kept of the quorum when a vote is recorded (JSON in resolution.quorum_json). */
export interface StoredQuorum {
  sentence: string;
  met: boolean;
  presentOrRepresented: Tally;
  /** Kept since the PV states each vote's count (absent from votes recorded before). */
  present?: Tally;
  represented?: Tally;
  voting?: Tally;
  /** Members present or represented per collège: the cap of the head counts of a weighted vote. */
  byCollege?: CollegeVotingPower[];
}
