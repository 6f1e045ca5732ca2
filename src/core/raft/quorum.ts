import type { LogIndex, NodeId } from './types.ts';

/** Votes or acknowledgements needed out of `voters`: a strict majority. */
export function quorumSize(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

/**
 * The highest index that a majority of voters hold: sort match indexes descending and take the
 * quorum-th. With matches [9, 7, 7, 4, 2] and 5 voters, 3 hold index 7, so 7 is the answer.
 */
export function committedIndex(matchIndexes: readonly LogIndex[]): LogIndex {
  // Insertion sort, descending: clusters are small and this runs on every acknowledgement.
  const sorted = matchIndexes.slice();
  for (let i = 1; i < sorted.length; i += 1) {
    const value = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! < value) {
      sorted[j + 1] = sorted[j]!;
      j -= 1;
    }
    sorted[j + 1] = value;
  }
  return sorted[quorumSize(sorted.length) - 1] ?? 0;
}

export type VoteResult = 'pending' | 'won' | 'lost';

/** Tallies an election: won once a majority granted, lost once a majority refused. */
export function voteResult(votes: ReadonlyMap<NodeId, boolean> | readonly (boolean | null)[], voters: number): VoteResult {
  let granted = 0;
  let refused = 0;
  for (const vote of votes.values()) {
    if (vote === true) granted += 1;
    else if (vote === false) refused += 1;
  }
  const needed = quorumSize(voters);
  if (granted >= needed) return 'won';
  if (refused >= needed) return 'lost';
  return 'pending';
}
