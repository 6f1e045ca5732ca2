import type { TimelineState } from '../../protocol/worker-protocol.ts';
import { useId } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { speedFromSlider, speedToSlider, speedSliderMax, formatSpeed } from '../speed.ts';
import { BranchMarks } from './BranchesPanel.tsx';
import { TimelineMarks } from './BreakpointsPanel.tsx';
import { NextStepLabel } from './NextStepLabel.tsx';
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
 * (logarithmic, from slow motion for lectures to as fast as the machine allows). The timeline's
 * track marks the ticks where breakpoints paused the run (TimelineMarks) and where branches
 * leave the one on screen (BranchMarks).
 */
export function ControlBar(props: ControlBarProps) {
  const { timeline } = props;
  const m = useMessages();
  const speed = formatSpeed(m, timeline.ticksPerSecond);
  const nextId = useId();
  return (
    <div className="control-bar" role="toolbar" aria-label={m.app.controls.toolbar}>
      <button type="button" className="control-primary" onClick={props.onTogglePlay} aria-keyshortcuts="Space">
        {timeline.playing ? m.app.controls.pause : m.app.controls.play}
      </button>
      <button type="button" onClick={props.onStepBack} disabled={timeline.tick === 0} aria-keyshortcuts="ArrowLeft" title={m.app.controls.stepBackHint}>
        {m.app.controls.stepBack}
      </button>
      <button type="button" onClick={props.onStep} aria-keyshortcuts="ArrowRight" title={m.app.controls.stepHint}>
        {m.app.controls.step}
      </button>
      <button type="button" onClick={props.onNextEvent} aria-keyshortcuts="N" title={m.app.controls.nextEventHint} aria-describedby={nextId}>
        {m.app.controls.nextEvent}
      </button>
      <NextStepLabel id={nextId} next={timeline.next} />
      <label className="control-slider control-timeline">
        <span>{m.app.controls.time}</span>
        <span className="timeline-track">
          <input
            type="range"
            aria-label={m.app.controls.timeline}
            min={0}
            max={Math.max(timeline.maxTick, 1)}
            step={1}
            value={timeline.tick}
            aria-valuetext={m.app.controls.timelineValue(timeline.tick, timeline.maxTick)}
            onChange={(event) => props.onSeek(Number(event.currentTarget.value))}
          />
          {/* Where breakpoints paused the run (the Breakpoints panel lists them too). */}
          <TimelineMarks />
          {/* Where branches leave the one on screen (the Branch picker lists them). */}
          <BranchMarks />
        </span>
      </label>
      <label className="control-slider control-speed">
        <span>{m.app.controls.speed}</span>
        <input
          type="range"
          aria-label={m.app.controls.speed}
          min={0}
          max={speedSliderMax}
          step={1}
          value={speedToSlider(timeline.ticksPerSecond)}
          aria-valuetext={speed}
          onChange={(event) => props.onSpeed(speedFromSlider(Number(event.currentTarget.value)))}
        />
        <span className="control-speed-value">{speed}</span>
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
  const m = useMessages();
  if (!timeline.playing || timeline.achievedTicksPerSecond === 0) return null;
  const reached = formatSpeed(m, roundSpeed(timeline.achievedTicksPerSecond));
  return (
    <output className={timeline.behind ? 'control-achieved is-behind' : 'control-achieved'} aria-label={m.app.controls.speedReached} title={m.app.controls.speedReachedHint}>
      {timeline.behind ? m.app.controls.reachingOnly(reached) : m.app.controls.reaching(reached)}
    </output>
  );
}

/** Two significant figures: the reached speed jitters from frame to frame. */
function roundSpeed(ticksPerSecond: number): number {
  if (ticksPerSecond < 10) return Math.round(ticksPerSecond);
  const scale = 10 ** (Math.floor(Math.log10(ticksPerSecond)) - 1);
  return Math.round(ticksPerSecond / scale) * scale;
}
