/** The rows of the check-in: voters and members without a vote sorted by name, filtered by chip and search. */
import { useMemo } from 'react';
import type { AgState, AgVoterRow } from '@shared/contract';
import { searchKey } from '@shared/text';

export type Filter = 'tous' | 'presents' | 'absents' | 'pouvoir';

export const FILTERS: { code: Filter; label: string }[] = [
  { code: 'tous', label: 'Tous' },
  { code: 'presents', label: 'Présents' },
  { code: 'absents', label: 'Absents' },
  { code: 'pouvoir', label: 'Ont donné pouvoir' },
];

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The words of a search, accents and case ignored. */
export const searchWords = (text: string) => searchKey(text).split(' ').filter(Boolean);

/** Every word typed must start a word of the name (accents and case ignored). */
function matches(key: string, words: string[]): boolean {
  if (words.length === 0) return true;
  const spaced = ` ${key}`;
  return words.every((word) => spaced.includes(` ${word}`));
}

function passesFilter(voter: AgVoterRow, filter: Filter): boolean {
  if (filter === 'presents' && !voter.present) return false;
  if (filter === 'absents' && voter.present) return false;
  if (filter === 'pouvoir' && voter.proxyGiven === null) return false;
  return true;
}

/** The rows shown for `words` (the deferred search) and `filter`, the chips' counts, and a search on typed words. */
export function useCheckInRows(state: AgState, words: string[], filter: Filter) {
  const voters = useMemo(
    () =>
      state.voters
        .map((voter) => ({ voter, key: searchKey(voter.name) }))
        .sort((a, b) => collator.compare(a.voter.name, b.voter.name)),
    [state.voters],
  );
  const nonVoters = useMemo(
    () =>
      state.nonVoters
        .map((row) => ({ row, key: searchKey(row.name) }))
        .sort((a, b) => collator.compare(a.row.name, b.row.name)),
    [state.nonVoters],
  );

  const counts = useMemo(() => {
    const present = state.voters.filter((voter) => voter.present).length;
    return {
      tous: state.voters.length,
      presents: present,
      absents: state.voters.length - present,
      pouvoir: state.voters.filter((voter) => voter.proxyGiven !== null).length,
    };
  }, [state.voters]);

  const shown = useMemo(
    () =>
      voters.filter(({ voter, key }) => passesFilter(voter, filter) && matches(key, words)).map(({ voter }) => voter),
    [voters, filter, words],
  );
  const shownNonVoters = useMemo(
    () => nonVoters.filter(({ key }) => matches(key, words)).map(({ row }) => row),
    [nonVoters, words],
  );

  /** The members (voters under the filter, then members without a vote) that match words typed just now. */
  const hits = (typed: string[]) => [
    ...voters.filter(({ voter, key }) => passesFilter(voter, filter) && matches(key, typed)).map(({ voter }) => voter),
    ...nonVoters.filter(({ key }) => matches(key, typed)).map(({ row }) => row),
  ];

  return { counts, shown, shownNonVoters, hits };
}
