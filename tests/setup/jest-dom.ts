import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// jsdom has no 2D canvas; it says so on the console at every getContext. Drawings that paint on
// a canvas (the space-time diagram) check for null and skip painting; a test that wants the
// strokes installs its own recording context.
HTMLCanvasElement.prototype.getContext = () => null;
