/**
 * Breakpoints: conditions that pause the run when they first hold (src/core/breakpoints.ts),
 * kept in the run's annotations so they travel with it (files, the address, the autosave). The
 * worker pauses playing, Step and Next event at the enabled ones and says where
 * ('breakpoint-hit'); this panel sets them, says where the run paused, in the event log's words,
 * and lists the stops, which TimelineMarks also marks on the timeline.
 *
 * The conditions that take no setting are one checkbox each ("Pause on new leader"), as is the
 * vote-refused one with its reason; message and tick breakpoints are added with their settings
 * and listed, each with a checkbox and Remove. Turning one off keeps it in the run, off. Space
 * is play/pause everywhere, even on a checkbox, so Enter turns these checkboxes on and off too.
 */
import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Breakpoint, ClusterView, RemoteMessageType, VoteRefusal } from '../../core/index.ts';
import { breakpointsMax, remoteMessageTypes, sameBreakpoint, voteRefusals } from '../../protocol/worker-protocol.ts';
import type { BreakpointMark } from '../../protocol/worker-protocol.ts';
import type { BreakpointSetting } from '../../scenario/annotations.ts';
import { explain } from '../explain.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { BreakpointStop } from '../store/app-state.ts';
import { useAppStore } from '../store/store-context.tsx';
import { trackLeft } from '../viz/timeline-track.ts';
import './breakpoints.css';
import './panels.css';

/** The conditions that are only their kind, in the panel's order (vote refused sits before violation). */
type PlainKind = 'new-leader' | 'term-change' | 'candidate' | 'commit' | 'truncation' | 'violation';
const plainKindsBefore: readonly PlainKind[] = ['new-leader', 'term-change', 'candidate', 'commit', 'truncation'];
/** The checkbox kinds: one breakpoint each (the first of its kind in the list). */
type CheckboxKind = PlainKind | 'vote-refused';

/** How many stops the panel lists (the latest); the timeline marks all of them. */
const stopsListed = 10;

/** A breakpoint's name, as its checkbox, its list item and its stops say it. */
export function breakpointName(m: Messages, breakpoint: Breakpoint): string {
  switch (breakpoint.kind) {
    case 'message':
      return m.debug.message.name({
        type: breakpoint.messageType === null ? null : m.events.rpc[breakpoint.messageType],
        on: breakpoint.on,
        from: breakpoint.from,
        to: breakpoint.to,
      });
    case 'vote-refused':
      return breakpoint.reason === null ? m.debug.voteRefused : m.debug.voteRefusedFor(m.debug.reasonName[breakpoint.reason]);
    case 'tick':
      return m.debug.tick.name(breakpoint.tick);
    default:
      return m.debug.pauseOn[breakpoint.kind];
  }
}

/** Where the run paused, in words: the event that made the breakpoint hold, the tick, or the violation found there. */
export function stopText(m: Messages, stop: BreakpointStop, violations: ClusterView['violations']): string {
  const { event, tick } = stop;
  if (event !== null) return event.node === null ? m.debug.stop.clusterEvent(tick, explain(m, event)) : m.debug.stop.event(tick, m.common.nodeInText(event.node), explain(m, event));
  if (stop.kind !== 'violation') return m.debug.stop.tick(tick);
  // The frame's view lists the first few violations: the one found here may not be among them.
  const violation = violations.find((found) => found.tick === tick);
  return violation === undefined ? m.debug.stop.violationUnnamed(tick) : m.debug.stop.violation(tick, m.app.status.safetyProperty[violation.property]);
}

/** The list with `breakpoint` on: the same one turned on if it is there, else added at the end. */
export function withBreakpoint(settings: readonly BreakpointSetting[], breakpoint: Breakpoint): readonly BreakpointSetting[] {
  const index = settings.findIndex((setting) => sameBreakpoint(setting.breakpoint, breakpoint));
  if (index < 0) return [...settings, { breakpoint, enabled: true }];
  return settings.map((setting, at) => (at === index ? { ...setting, enabled: true } : setting));
}

function replaced(settings: readonly BreakpointSetting[], index: number, setting: BreakpointSetting): readonly BreakpointSetting[] {
  return settings.map((other, at) => (at === index ? setting : other));
}

/** The place of the breakpoint a checkbox stands for: the first of its kind. */
function checkboxIndex(settings: readonly BreakpointSetting[], kind: CheckboxKind): number {
  return settings.findIndex((setting) => setting.breakpoint.kind === kind);
}

export function BreakpointsPanel() {
  const m = useMessages();
  const settings = useAppStore((state) => state.annotations.breakpoints);
  const setBreakpoints = useAppStore((state) => state.setBreakpoints);
  const nodeCount = useAppStore((state) => state.view?.nodes.length ?? 0);
  const id = useId();
  const full = settings.length >= breakpointsMax;
  const shown = new Set<number>(
    [...plainKindsBefore, 'vote-refused' as const, 'violation' as const].map((kind) => checkboxIndex(settings, kind)).filter((index) => index >= 0),
  );
  const listed = settings.flatMap((setting, index) => (shown.has(index) ? [] : [{ setting, index }]));
  const toggle = (index: number, enabled: boolean) => setBreakpoints(replaced(settings, index, { ...settings[index]!, enabled }));
  return (
    <section className="app-slot" aria-label={m.debug.region}>
      <div className="panel breakpoints-panel">
        <h2>{m.debug.region}</h2>
        <p className="muted breakpoints-intro">{m.debug.intro}</p>
        <StopNotice settings={settings} />
        <fieldset>
          <legend>{m.debug.conditions}</legend>
          <div className="breakpoint-conditions">
            {plainKindsBefore.map((kind) => (
              <PlainCheckbox key={kind} kind={kind} settings={settings} full={full} onChange={setBreakpoints} />
            ))}
            <VoteRefusedRow id={`${id}-reason`} settings={settings} full={full} onChange={setBreakpoints} />
            <PlainCheckbox kind="violation" settings={settings} full={full} onChange={setBreakpoints} />
          </div>
          <p className="muted breakpoints-hint">{m.debug.keyboardHint}</p>
        </fieldset>
        <MessageForm id={`${id}-message`} nodeCount={nodeCount} disabled={full} onAdd={(breakpoint) => setBreakpoints(withBreakpoint(settings, breakpoint))} />
        <TickForm id={`${id}-tick`} disabled={full} onAdd={(breakpoint) => setBreakpoints(withBreakpoint(settings, breakpoint))} />
        {full ? <p className="field-warning">{m.debug.full(breakpointsMax)}</p> : null}
        {listed.length > 0 ? (
          <ul className="breakpoint-list" aria-label={m.debug.listed}>
            {listed.map(({ setting, index }) => {
              const name = breakpointName(m, setting.breakpoint);
              return (
                <li key={index}>
                  <Checkbox label={name} checked={setting.enabled} onChange={(enabled) => toggle(index, enabled)} />
                  <button type="button" aria-label={m.debug.removeNamed(name)} onClick={() => setBreakpoints(settings.filter((_, at) => at !== index))}>
                    {m.debug.remove}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <StopsList settings={settings} />
      </div>
    </section>
  );
}

/** A checkbox that Enter also turns on and off (Space is play/pause everywhere). */
function Checkbox({ label, checked, disabled = false, onChange }: { label: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!disabled) onChange(!checked);
  };
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} onKeyDown={onKeyDown} />
      <span>{label}</span>
    </label>
  );
}

interface ConditionProps {
  readonly settings: readonly BreakpointSetting[];
  /** The list is full: a condition not in it cannot be turned on. */
  readonly full: boolean;
  readonly onChange: (settings: readonly BreakpointSetting[]) => void;
}

function PlainCheckbox({ kind, settings, full, onChange }: ConditionProps & { kind: PlainKind }) {
  const m = useMessages();
  const index = checkboxIndex(settings, kind);
  const setting = settings[index];
  const change = (enabled: boolean) => onChange(setting === undefined ? [...settings, { breakpoint: { kind }, enabled }] : replaced(settings, index, { ...setting, enabled }));
  return <Checkbox label={m.debug.pauseOn[kind]} checked={setting?.enabled ?? false} disabled={setting === undefined && full} onChange={change} />;
}

/** "Pause on vote refused" and its reason: the reason edits the breakpoint, or waits for it to be turned on. */
function VoteRefusedRow({ id, settings, full, onChange }: ConditionProps & { id: string }) {
  const m = useMessages();
  const index = checkboxIndex(settings, 'vote-refused');
  const setting = settings[index];
  const [chosen, setChosen] = useState<VoteRefusal | null>(null);
  const reason = setting?.breakpoint.kind === 'vote-refused' ? setting.breakpoint.reason : chosen;
  const change = (enabled: boolean) =>
    onChange(setting === undefined ? [...settings, { breakpoint: { kind: 'vote-refused', reason }, enabled }] : replaced(settings, index, { ...setting, enabled }));
  const choose = (value: string) => {
    const next = voteRefusals.find((known) => known === value) ?? null;
    setChosen(next);
    if (setting === undefined) return;
    const breakpoint: Breakpoint = { kind: 'vote-refused', reason: next };
    // Another vote-refused breakpoint may already pause for that reason: a run lists each once.
    if (settings.some((other, at) => at !== index && sameBreakpoint(other.breakpoint, breakpoint))) return;
    onChange(replaced(settings, index, { ...setting, breakpoint }));
  };
  return (
    <div className="breakpoint-vote-refused">
      <Checkbox label={m.debug.voteRefused} checked={setting?.enabled ?? false} disabled={setting === undefined && full} onChange={change} />
      <span className="breakpoint-reason">
        <label htmlFor={id}>{m.debug.reason}</label>
        <select id={id} value={reason ?? ''} onChange={(event) => choose(event.currentTarget.value)}>
          <option value="">{m.debug.anyReason}</option>
          {voteRefusals.map((known) => (
            <option key={known} value={known}>
              {m.debug.reasonName[known]}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

/** A node choice: any node, or one of the run's. */
function NodeSelect({ id, label, value, nodeCount, onChange }: { id: string; label: string; value: string; nodeCount: number; onChange: (value: string) => void }) {
  const m = useMessages();
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{m.debug.message.anyNode}</option>
        {Array.from({ length: nodeCount }, (_, at) => at + 1).map((node) => (
          <option key={node} value={String(node)}>
            {m.common.node(node)}
          </option>
        ))}
      </select>
    </div>
  );
}

function MessageForm({ id, nodeCount, disabled, onAdd }: { id: string; nodeCount: number; disabled: boolean; onAdd: (breakpoint: Breakpoint) => void }) {
  const m = useMessages();
  const [on, setOn] = useState<'sent' | 'delivered'>('sent');
  const [type, setType] = useState<RemoteMessageType | ''>('MsgVote');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // A node the run no longer has (a new run with fewer nodes) means any node.
  const node = (value: string): number | null => (value !== '' && Number(value) <= nodeCount ? Number(value) : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ kind: 'message', on, messageType: type === '' ? null : type, from: node(from), to: node(to) });
  };
  return (
    <form className="breakpoint-form" aria-label={m.debug.message.legend} onSubmit={submit}>
      <h3>{m.debug.message.legend}</h3>
      <div className="form-row">
        <label htmlFor={`${id}-type`}>{m.debug.message.type}</label>
        <select id={`${id}-type`} value={type} onChange={(event) => setType(remoteMessageTypes.find((known) => known === event.currentTarget.value) ?? '')}>
          <option value="">{m.debug.message.anyType}</option>
          {remoteMessageTypes.map((known) => (
            <option key={known} value={known}>
              {m.events.rpc[known]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-on`}>{m.debug.message.on}</label>
        <select id={`${id}-on`} value={on} onChange={(event) => setOn(event.currentTarget.value === 'delivered' ? 'delivered' : 'sent')}>
          <option value="sent">{m.debug.message.sent}</option>
          <option value="delivered">{m.debug.message.delivered}</option>
        </select>
      </div>
      <NodeSelect id={`${id}-from`} label={m.debug.message.from} value={node(from) === null ? '' : from} nodeCount={nodeCount} onChange={setFrom} />
      <NodeSelect id={`${id}-to`} label={m.debug.message.to} value={node(to) === null ? '' : to} nodeCount={nodeCount} onChange={setTo} />
      <button type="submit" disabled={disabled}>
        {m.debug.message.add}
      </button>
    </form>
  );
}

function TickForm({ id, disabled, onAdd }: { id: string; disabled: boolean; onAdd: (breakpoint: Breakpoint) => void }) {
  const m = useMessages();
  const [text, setText] = useState('');
  const tick = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  const valid = Number.isSafeInteger(tick) && tick >= 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || disabled) return;
    onAdd({ kind: 'tick', tick });
    setText('');
  };
  return (
    <form className="breakpoint-form" aria-label={m.debug.tick.legend} onSubmit={submit}>
      <h3>{m.debug.tick.legend}</h3>
      <div className="form-row">
        <label htmlFor={id}>{m.debug.tick.label}</label>
        <input id={id} type="number" inputMode="numeric" min={1} step={1} value={text} onChange={(event) => setText(event.currentTarget.value)} />
        <button type="submit" disabled={disabled || !valid}>
          {m.debug.tick.add}
        </button>
      </div>
    </form>
  );
}

/** Where the run paused, while the screen is at that tick. */
function StopNotice({ settings }: { settings: readonly BreakpointSetting[] }) {
  const m = useMessages();
  const stop = useAppStore((state) => state.breakpointStop);
  const tick = useAppStore((state) => state.timeline.tick);
  const violations = useAppStore((state) => state.view?.violations ?? noViolations);
  const shown = stop !== null && stop.tick === tick && settings.length > 0;
  return (
    <p className="breakpoint-stop" role="status">
      {shown ? stopText(m, stop, violations) : ''}
    </p>
  );
}

const noViolations: ClusterView['violations'] = [];

/** The name a stop goes by: its breakpoint's. */
function stopName(m: Messages, settings: readonly BreakpointSetting[], hit: BreakpointMark): string {
  const setting = settings[hit.index];
  return setting === undefined ? '' : breakpointName(m, setting.breakpoint);
}

/** The latest stops, each a way back to its tick. */
function StopsList({ settings }: { settings: readonly BreakpointSetting[] }) {
  const m = useMessages();
  const hits = useAppStore((state) => state.breakpointHits);
  const seek = useAppStore((state) => state.seek);
  if (hits.length === 0) return null;
  const latest = hits.slice(-stopsListed);
  return (
    <div className="breakpoint-stops">
      <h3>{m.debug.stops}</h3>
      <p className="muted">{m.debug.stopsIntro}</p>
      <ol aria-label={m.debug.stops}>
        {latest.map((hit) => {
          const name = stopName(m, settings, hit);
          return (
            <li key={`${hit.tick}-${hit.index}`}>
              <button type="button" className="link-button" aria-label={m.debug.goToStop(hit.tick, name)} onClick={() => seek(hit.tick)}>
                {m.debug.stopAt(hit.tick, name)}
              </button>
            </li>
          );
        })}
      </ol>
      {hits.length > latest.length ? <p className="muted">{m.debug.earlierStops(hits.length - latest.length)}</p> : null}
    </div>
  );
}

/**
 * The stops marked on the timeline slider's track, each at its tick; a click goes there. They
 * stay out of the Tab order (the Breakpoints panel lists the stops for the keyboard).
 */
export function TimelineMarks() {
  const m = useMessages();
  const hits = useAppStore((state) => state.breakpointHits);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const settings = useAppStore((state) => state.annotations.breakpoints);
  const seek = useAppStore((state) => state.seek);
  if (hits.length === 0) return null;
  return (
    <span className="timeline-marks">
      {hits
        .filter((hit) => hit.tick <= maxTick)
        .map((hit) => {
          const name = stopName(m, settings, hit);
          return (
            <button
              key={`${hit.tick}-${hit.index}`}
              type="button"
              tabIndex={-1}
              className="timeline-mark"
              style={{ left: trackLeft(hit.tick, maxTick) }}
              aria-label={m.debug.goToStop(hit.tick, name)}
              title={m.debug.stopAt(hit.tick, name)}
              onClick={(event) => {
                event.preventDefault();
                seek(hit.tick);
              }}
            />
          );
        })}
    </span>
  );
}
