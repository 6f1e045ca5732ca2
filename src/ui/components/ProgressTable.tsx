/**
 * What a leader knows of each follower (Figure 2's nextIndex and matchIndex) and how it is
 * sending to it: probe (one append per heartbeat until the logs meet), replicate (streaming), or
 * snapshot (an InstallSnapshot is outstanding).
 */
import type { NodeId, ProgressView } from '../../core/index.ts';
import './panels.css';

export interface ProgressTableProps {
  readonly leader: NodeId;
  readonly progress: readonly ProgressView[];
  /** The leader's last log index, to show how far behind each follower is. */
  readonly lastIndex: number;
}

const stateHelp = {
  probe: 'probe: one AppendEntries at a time until the logs meet',
  replicate: 'replicate: streaming entries without waiting',
  snapshot: 'snapshot: an InstallSnapshot is outstanding',
} as const satisfies Record<ProgressView['state'], string>;

export function ProgressTable({ leader, progress, lastIndex }: ProgressTableProps) {
  return (
    <div className="progress-table-scroll">
      <table className="panel-table progress-table">
        <caption>Leader {leader}&apos;s progress per follower</caption>
        <thead>
          <tr>
            <th scope="col">Follower</th>
            {/* The names of Figure 2, free to break before "Index" in a narrow panel. */}
            <th scope="col">
              next<wbr />Index
            </th>
            <th scope="col">
              match<wbr />Index
            </th>
            <th scope="col">Behind</th>
            <th scope="col">Mode</th>
            <th scope="col">Paused</th>
            <th scope="col">In flight</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((row) => (
            <tr key={row.follower}>
              <th scope="row">Node {row.follower}</th>
              <td>{row.nextIndex}</td>
              <td>{row.matchIndex}</td>
              <td>{Math.max(0, lastIndex - row.matchIndex)}</td>
              <td title={stateHelp[row.state]}>
                <span className={`progress-state progress-${row.state}`}>{row.state}</span>
              </td>
              <td>{row.paused ? 'yes' : 'no'}</td>
              <td>{row.inflight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
