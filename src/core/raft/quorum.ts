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
  // Counting instead of sorting: clusters are small, this runs on every acknowledgement, and it
  // allocates nothing. The answer is the largest index held by at least a quorum of voters.
  const needed = quorumSize(matchIndexes.length);
  let best = 0;
  for (const candidate of matchIndexes) {
    if (candidate <= best) continue;
    let holders = 0;
    for (const other of matchIndexes) if (other >= candidate) holders += 1;
    if (holders >= needed) best = candidate;
  }
  return best;
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
