import type { TimelineState } from '../../protocol/worker-protocol.ts';
import { speedFromSlider, speedToSlider, speedSliderMax, formatSpeed } from '../speed.ts';
import './controls.css';

export interface ControlBarProps {
  readonly timeline: TimelineState;
  readonly onTogglePlay: () => void;
  readonly onStep: () => void;
  readonly onStepBack: () => void;
  readonly onNextEvent: () => void;
  readonly onSeek: (tick: number) => void;
  readonly onSpeed: (ticksPerSecond: number) => void;
}

/**
 * Playback: play/pause, step, step back, next event, the timeline scrubber and the speed slider
 * (logarithmic, from slow motion for lectures to as fast as the machine allows).
 */
export function ControlBar(props: ControlBarProps) {
  const { timeline } = props;
  return (
    <div className="control-bar" role="toolbar" aria-label="Playback">
      <button type="button" className="control-primary" onClick={props.onTogglePlay} aria-keyshortcuts="Space">
        {timeline.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={props.onStepBack} disabled={timeline.tick === 0} aria-keyshortcuts="ArrowLeft" title="Step back one tick (←)">
        Step back
      </button>
      <button type="button" onClick={props.onStep} aria-keyshortcuts="ArrowRight" title="Advance one tick (→)">
        Step
      </button>
      <button type="button" onClick={props.onNextEvent} aria-keyshortcuts="N" title="Run to the next delivery, timer or state change (N)">
        Next event
      </button>
      <label className="control-slider control-timeline">
        <span>Time</span>
        <input
          type="range"
          aria-label="Timeline"
          min={0}
          max={Math.max(timeline.maxTick, 1)}
          step={1}
          value={timeline.tick}
          aria-valuetext={`tick ${timeline.tick} of ${timeline.maxTick}`}
          onChange={(event) => props.onSeek(Number(event.currentTarget.value))}
        />
      </label>
      <label className="control-slider control-speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={0}
          max={speedSliderMax}
          step={1}
          value={speedToSlider(timeline.ticksPerSecond)}
          aria-valuetext={formatSpeed(timeline.ticksPerSecond)}
          onChange={(event) => props.onSpeed(speedFromSlider(Number(event.currentTarget.value)))}
        />
        <span className="control-speed-value">{formatSpeed(timeline.ticksPerSecond)}</span>
      </label>
      <AchievedSpeed timeline={timeline} />
    </div>
  );
}

/**
 * The speed playback really reaches, next to the one chosen: at high speed the worker runs what
 * fits in a frame, and a slider saying "1M ticks/s" while 54k run would mislead.
 */
function AchievedSpeed({ timeline }: { timeline: TimelineState }) {
  if (!timeline.playing || timeline.achievedTicksPerSecond === 0) return null;
  const reached = formatSpeed(roundSpeed(timeline.achievedTicksPerSecond));
  return (
    <output className={timeline.behind ? 'control-achieved is-behind' : 'control-achieved'} aria-label="Speed reached" title="The speed playback reaches on this machine">
      {timeline.behind ? `⚠ reaching only ${reached}` : `reaching ${reached}`}
    </output>
  );
}

/** Two significant figures: the reached speed jitters from frame to frame. */
function roundSpeed(ticksPerSecond: number): number {
  if (ticksPerSecond < 10) return Math.round(ticksPerSecond);
  const scale = 10 ** (Math.floor(Math.log10(ticksPerSecond)) - 1);
  return Math.round(ticksPerSecond / scale) * scale;
}
