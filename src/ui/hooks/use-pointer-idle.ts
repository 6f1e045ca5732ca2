import { useEffect, useState } from 'react';

/**
 * Whether the pointer has been still (and no key pressed) for `idleMs`, while `active`: presenter
 * mode hides its controls then, and shows them again as soon as the pointer moves.
 */
export function usePointerIdle(active: boolean, idleMs = 2500): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!active) {
      setIdle(false);
      return undefined;
    }
    let timer = setTimeout(() => setIdle(true), idleMs);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), idleMs);
    };
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    window.addEventListener('focusin', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      window.removeEventListener('focusin', wake);
    };
  }, [active, idleMs]);
  return idle;
}
