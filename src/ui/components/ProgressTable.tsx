/**
 * What a leader knows of each follower (Figure 2's nextIndex and matchIndex) and how it is
 * sending to it: probe (one append per heartbeat until the logs meet), replicate (streaming), or
 * snapshot (an InstallSnapshot is outstanding).
 */
import type { NodeId, ProgressView } from '../../core/index.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import './panels.css';

export interface ProgressTableProps {
  readonly leader: NodeId;
  readonly progress: readonly ProgressView[];
  /** The leader's last log index, to show how far behind each follower is. */
  readonly lastIndex: number;
  /** The catalogue to speak in (NodeInspector passes its own); English when left out. */
  readonly m?: Messages;
}

export function ProgressTable({ leader, progress, lastIndex, m = messagesFor(defaultLocale) }: ProgressTableProps) {
  return (
    <div className="progress-table-scroll">
      <table className="panel-table progress-table">
        <caption>{m.details.progress.caption(leader)}</caption>
        <thead>
          <tr>
            <th scope="col">{m.details.progress.follower}</th>
            {/* The names of Figure 2, the same in every language, free to break before "Index" in a narrow panel. */}
            <th scope="col">
              {'next'}
              <wbr />
              {'Index'}
            </th>
            <th scope="col">
              {'match'}
              <wbr />
              {'Index'}
            </th>
            <th scope="col">{m.details.progress.behind}</th>
            <th scope="col">{m.details.progress.mode}</th>
            <th scope="col">{m.details.progress.paused}</th>
            <th scope="col">{m.details.progress.inFlight}</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((row) => (
            <tr key={row.follower}>
              <th scope="row">{m.common.node(row.follower)}</th>
              <td>{row.nextIndex}</td>
              <td>{row.matchIndex}</td>
              <td>{Math.max(0, lastIndex - row.matchIndex)}</td>
              <td title={m.details.progress.stateHelp[row.state]}>
                <span className={`progress-state progress-${row.state}`}>{m.details.progress.state[row.state]}</span>
              </td>
              <td>{row.paused ? m.details.progress.yes : m.details.progress.no}</td>
              <td>{row.inflight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
