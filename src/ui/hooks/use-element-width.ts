import type { RefObject } from 'react';
import { useElementSize } from './use-element-size.ts';

/** The width of an element in CSS px, kept up to date as it resizes (see useElementSize). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  return useElementSize(ref, { width: fallback, height: 1 }).width;
}
