import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether any of an element is in the viewport (or its scrolling panel's view), kept up to date
 * with an IntersectionObserver, so a costly drawing below the fold asks for and draws nothing.
 * True where there is no IntersectionObserver (tests), and until the first answer.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry !== undefined) setOnScreen(entry.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}
