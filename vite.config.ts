import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

/**
 * `npm run build` builds twice (docs/deploying.md):
 * - `vite build`: the site in dist/, with relative addresses (base './'), so the same files work
 *   at a server's root and under any subfolder. RAFTLAB_BASE=/some/path/ makes them absolute.
 * - `vite build --mode single-file`: dist/raftlab.html, one self-contained file (scripts, styles,
 *   the worker and the favicon inlined) that opens over file://, from a USB stick, with no server.
 */
const singleFileMode = 'single-file';
const singleFileName = 'raftlab.html';

export default defineConfig(({ mode }) => {
  const singleFile = mode === singleFileMode;
  return {
    base: process.env.RAFTLAB_BASE || './',
    plugins: [react(), ...(singleFile ? [viteSingleFile({ outputFileName: singleFileName }), inlineFavicon(), onlyTheSingleFile()] : [])],
    // Over file:// Chromium will not start a module worker from a blob: URL (the page's origin is
    // opaque); a classic one it will. So the single file's inlined worker is built as a classic script.
    worker: { format: singleFile ? 'iife' : 'es' },
    resolve: singleFile
      ? {
          // Over file:// a page may not load another file as a worker: the single file's worker is
          // inlined in the page instead (Vite's ?worker&inline). The imports are in src/ui/store/worker-port.ts and src/ui/fuzz/fuzz-workers.ts.
          alias: [{ find: /^(.*\/worker\/(?:sim|fuzz)\.worker\.ts)\?worker$/, replacement: '$1?worker&inline' }],
        }
      : {},
    // The single file goes beside the site in dist/ (written by the first build, so kept here), and
    // needs nothing from public/: its favicon is inlined.
    build: singleFile ? { emptyOutDir: false, copyPublicDir: false } : {},
    preview: { host: '127.0.0.1', port: 4173, strictPort: true },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
        },
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['tests/component/**/*.test.tsx'],
            setupFiles: ['tests/setup/jest-dom.ts'],
            // Whole-app tests render the app on the real worker logic and type like a user: on two
            // busy cores the slowest take several seconds, so 5 s is a coin toss, not a hang check.
            testTimeout: 20_000,
          },
        },
      ],
    },
  };
});

/**
 * The single file's favicon as a data: URL. vite-plugin-singlefile leaves public/ files alone and
 * Vite never inlines a <link rel="icon">, so this is done here, before Vite reads the page.
 */
function inlineFavicon(): Plugin {
  const link = 'href="/favicon.svg"';
  return {
    name: 'raftlab:inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(link)) throw new Error(`index.html: expected the favicon link ${link}, to inline it in ${singleFileName}`);
        const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url), 'utf8').trim();
        return html.replace(link, `href="data:image/svg+xml,${encodeURIComponent(svg)}"`);
      },
    },
  };
}

/** Fails the single-file build if it would write anything else: a file beside it would not load over file://. */
function onlyTheSingleFile(): Plugin {
  return {
    name: 'raftlab:only-the-single-file',
    writeBundle(_options, bundle) {
      const others = Object.keys(bundle).filter((name) => name !== singleFileName);
      if (others.length > 0) this.error(`the single-file build would also write ${others.join(', ')}, which ${singleFileName} cannot load over file://`);
    },
  };
}
