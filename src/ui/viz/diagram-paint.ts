/**
 * Paints a space-time diagram scene on a 2D canvas. The screen uses a canvas, not SVG elements:
 * a busy window holds hundreds of arrows and marks, and a canvas paints them in a few
 * milliseconds without creating, styling or laying out an element for each; scrolling then
 * slides the painted canvas (a composited transform) and paints nothing until a new window
 * arrives. The file for slides is SVG, from the same scene (diagram-markup.ts).
 */
import type { DiagramScene } from './diagram-scene.ts';
import { bandColour, bandOpacity, textColour } from './diagram-scene.ts';

export interface PaintStyle {
  /** The screen's text colour (what currentColor is in the SVG). */
  readonly text: string;
  readonly fontFamily: string;
}

/** Paints `scene` onto `context`, whose canvas is the scene's size times `pixelRatio`. */
export function paintScene(context: CanvasRenderingContext2D, scene: DiagramScene, style: PaintStyle, pixelRatio: number): void {
  const { geometry } = scene;
  const colour = (value: string) => (value === textColour ? style.text : value);
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, context.canvas.width / pixelRatio, context.canvas.height / pixelRatio);

  for (const rect of scene.stretches) {
    context.globalAlpha = rect.opacity;
    context.fillStyle = rect.fill;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
  }

  // The collapsed heartbeats: one thin, faint path.
  if (scene.band.length > 0) {
    context.globalAlpha = bandOpacity;
    context.strokeStyle = bandColour;
    context.lineWidth = 0.75;
    context.beginPath();
    for (const line of scene.band) {
      context.moveTo(line.x1, line.y1);
      context.lineTo(line.x2, line.y2);
    }
    context.stroke();
  }

  context.font = `11px ${style.fontFamily}`;
  context.textBaseline = 'middle';
  for (const { tick, at } of scene.axis) {
    context.globalAlpha = 0.12;
    context.strokeStyle = style.text;
    context.lineWidth = 1;
    context.beginPath();
    if (geometry.orientation === 'down') {
      context.moveTo(46, at);
      context.lineTo(geometry.width, at);
    } else {
      context.moveTo(at, geometry.crossStart - 8);
      context.lineTo(at, geometry.height);
    }
    context.stroke();
    context.globalAlpha = 0.75;
    context.fillStyle = style.text;
    context.textAlign = geometry.orientation === 'down' ? 'right' : 'center';
    if (geometry.orientation === 'down') context.fillText(String(tick), 42, at);
    else context.fillText(String(tick), at, 12);
  }

  context.lineCap = 'butt';
  for (const arrow of scene.arrows) {
    const fade = arrow.faded ? 0.15 : 1;
    context.globalAlpha = arrow.opacity * fade;
    context.strokeStyle = arrow.colour;
    context.lineWidth = arrow.width;
    context.setLineDash(arrow.dashed ? [5, 3] : []);
    context.beginPath();
    context.moveTo(arrow.x1, arrow.y1);
    context.lineTo(arrow.x2, arrow.y2);
    context.stroke();
    context.setLineDash([]);
    context.globalAlpha = fade;
    if (arrow.head === null) {
      context.fillStyle = arrow.colour;
      context.font = `700 13px ${style.fontFamily}`;
      context.textAlign = 'center';
      context.fillText('×', arrow.x2, arrow.y2);
    } else {
      context.lineWidth = arrow.selected ? 3 : 1.5;
      context.beginPath();
      context.moveTo(arrow.head[0].x, arrow.head[0].y);
      context.lineTo(arrow.x2, arrow.y2);
      context.lineTo(arrow.head[1].x, arrow.head[1].y);
      context.stroke();
    }
  }

  context.font = `12px ${style.fontFamily}`;
  for (const mark of scene.marks) {
    context.globalAlpha = mark.opacity;
    context.fillStyle = colour(mark.fill);
    context.textAlign = mark.anchor === 'start' ? 'left' : mark.anchor === 'end' ? 'right' : 'center';
    context.fillText(mark.text, mark.x, mark.y);
  }
  context.globalAlpha = 1;
}
