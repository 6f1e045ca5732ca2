import type { LogIndex, NodeId } from './types.ts';

/** Votes or acknowledgements needed out of `voters`: a strict majority. */
export function quorumSize(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

/**
 * The highest index that a majority of voters hold. With matches [9, 7, 7, 4, 2] and 5 voters,
 * three hold index 7 or more, so 7 is the answer.
 *
 * It counts rather than sorts: clusters are small, this runs on every acknowledgement, and it
 * allocates nothing. Each match index is a candidate answer, kept if a quorum holds at least it.
 */
export function committedIndex(matchIndexes: readonly LogIndex[]): LogIndex {
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

export interface VoteTally {
  readonly granted: number;
  readonly refused: number;
  /** Votes a majority needs. */
  readonly needed: number;
  /** Won once a majority granted, lost once a majority refused, pending until then. */
  readonly result: VoteResult;
}

/** Counts an election's answers (true granted, false refused, null not yet answered). */
export function tallyVotes(votes: ReadonlyMap<NodeId, boolean> | readonly (boolean | null)[], voters: number): VoteTally {
  let granted = 0;
  let refused = 0;
  for (const vote of votes.values()) {
    if (vote === true) granted += 1;
    else if (vote === false) refused += 1;
  }
  const needed = quorumSize(voters);
  const result = granted >= needed ? 'won' : refused >= needed ? 'lost' : 'pending';
  return { granted, refused, needed, result };
}

export function voteResult(votes: ReadonlyMap<NodeId, boolean> | readonly (boolean | null)[], voters: number): VoteResult {
  return tallyVotes(votes, voters).result;
}
