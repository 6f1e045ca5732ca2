import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { Size } from '../viz/geometry.ts';

/**
 * The content box of an element in CSS px, kept up to date with a ResizeObserver (window
 * resizes, browser zoom, a projector, the legend opening). Layout is read once per resize, never
 * during render or per frame. Sizes are rounded so sub-pixel jitter does not re-lay-out.
 */
export function useElementSize(ref: RefObject<Element | null>, fallback: Size): Size {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box === undefined || box.width <= 0 || box.height <= 0) return;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      setSize((current) => (current.width === width && current.height === height ? current : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
