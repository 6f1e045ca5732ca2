import type { NodeId } from '../../core/index.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { Point } from '../viz/geometry.ts';

export interface VoteMarksProps {
  readonly m: Messages;
  /** Answers received so far: granted (true) or refused (false). */
  readonly answers: ReadonlyMap<NodeId, boolean>;
  /** Where each voter's mark goes, relative to the candidate (on its rim, facing the voter). */
  readonly offsets: ReadonlyMap<NodeId, Point>;
  /** The candidate's radius. */
  readonly radius: number;
}

/**
 * A candidate's tally, one mark per other node: a filled dot for a granted vote, a cross for a
 * refusal, a hollow ring while no answer has arrived. Shapes differ, not only colours.
 */
export function VoteMarks({ m, answers, offsets, radius }: VoteMarksProps) {
  const size = Math.max(3, radius * 0.15);
  return (
    <g className="raft-votes">
      {[...offsets].map(([voter, at]) => {
        const answer = answers.get(voter);
        const state = answer === undefined ? 'pending' : answer ? 'granted' : 'refused';
        return (
          <g key={voter} className={`raft-vote raft-vote--${state}`} transform={`translate(${at.x},${at.y})`} data-voter={voter}>
            <title>{state === 'pending' ? m.cluster.voteMark.pending(voter) : state === 'granted' ? m.cluster.voteMark.granted(voter) : m.cluster.voteMark.refused(voter)}</title>
            {state === 'refused' ? (
              <path d={`M${-size},${-size}L${size},${size}M${size},${-size}L${-size},${size}`} strokeWidth={size * 0.55} />
            ) : (
              <circle r={size} strokeWidth={size * 0.4} />
            )}
          </g>
        );
      })}
    </g>
  );
}
