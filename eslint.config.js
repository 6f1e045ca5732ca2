import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The core is deterministic: no wall clock, no ambient randomness, no real timers. */
const coreForbiddenGlobals = [
  { name: 'Date', message: 'The core runs on simulated ticks; wall-clock time breaks determinism.' },
  { name: 'performance', message: 'The core runs on simulated ticks; use bench/ for timing.' },
  { name: 'setTimeout', message: 'No real timers in the core: time advances only through tick().' },
  { name: 'setInterval', message: 'No real timers in the core: time advances only through tick().' },
  { name: 'setImmediate', message: 'No real timers in the core: time advances only through tick().' },
  { name: 'requestAnimationFrame', message: 'The core knows nothing of the screen.' },
  { name: 'window', message: 'The core knows nothing of the DOM.' },
  { name: 'document', message: 'The core knows nothing of the DOM.' },
  { name: 'self', message: 'The core knows nothing of the worker.' },
  { name: 'crypto', message: 'All randomness comes from the simulation seed (core/base/prng.ts).' },
];

const coreForbiddenProperties = [
  { object: 'Math', property: 'random', message: 'All randomness comes from the simulation seed (core/base/prng.ts).' },
  { object: 'Date', property: 'now', message: 'The core runs on simulated ticks.' },
  { object: 'performance', property: 'now', message: 'The core runs on simulated ticks.' },
  { object: 'globalThis', property: 'setTimeout', message: 'No real timers in the core.' },
];

/** The same bans for src/scenario, which is as deterministic as the core it runs. */
const asDeterministicAsTheCore = (bans) => bans.map((ban) => ({ ...ban, message: `src/scenario is as deterministic as the core. ${ban.message}` }));

/** Bare module imports (npm packages, node:*) are out of the core: it is pure TypeScript. */
const bareImport = { regex: '^[^.]', message: 'The core imports nothing outside src/core.' };
const outsideCore = { regex: '^\\.\\./\\.\\./', message: 'The core imports nothing outside src/core.' };

/**
 * The core's layers, bottom up: base (PRNG, assertions) <- raft (the node) <- sim (the world) <-
 * the top (Simulation, Timeline, views). A layer imports only from itself and the layers below.
 */
const layerRule = (below, message) => ({ regex: `^\\.\\./(?!${below.join('/|')}/)`, message });

export default defineConfig([
  { ignores: ['dist', 'test-results', 'playwright-report', 'artifacts', 'node_modules', '.prof'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...coreForbiddenGlobals],
      'no-restricted-properties': ['error', ...coreForbiddenProperties],
    },
  },
  {
    files: ['src/core/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [bareImport, { regex: '^\\.\\./', message: 'The core imports nothing outside src/core.' }] }] },
  },
  {
    files: ['src/core/base/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [bareImport, outsideCore, { regex: '^\\.\\./', message: 'core/base is the bottom layer: it imports nothing.' }] }] },
  },
  {
    files: ['src/core/raft/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [bareImport, outsideCore, layerRule(['base'], 'core/raft imports only raft/ and base/: not sim/, nor the core top layer.')] }] },
  },
  {
    files: ['src/core/sim/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [bareImport, outsideCore, layerRule(['base', 'raft'], 'core/sim imports only sim/, raft/ and base/: not the core top layer.')] }] },
  },
  {
    // The scenario language sits on the headless API: as deterministic as the core, and it sees
    // the core only through its public entry. From src/scenario/ that is ../core/index.ts, from a
    // subfolder ../../core/index.ts; a subfolder's ../X.ts is a scenario file (src/ itself holds
    // no files). Anything else that leaves the folder, and anything bare, is refused.
    files: ['src/scenario/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...asDeterministicAsTheCore(coreForbiddenGlobals)],
      'no-restricted-properties': ['error', ...asDeterministicAsTheCore(coreForbiddenProperties)],
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^[^.]', message: 'The scenario layer imports nothing outside src: no npm packages, no node:*.' },
        { regex: '^\\.\\./(?!(\\.\\./)?core/index\\.ts$|[^./][^/]*\\.ts$)', message: 'The scenario layer imports only its own files and the core\'s public entry, core/index.ts.' },
      ] }],
    },
  },
  {
    files: ['src/worker/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'zustand', 'd3', 'd3-*', '**/ui/**'], message: 'The worker and protocol know nothing of the UI.' },
      ] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/core/**', '**/core'], allowTypeImports: true, message: 'The UI talks to the simulation only through src/protocol (type imports of core data are fine).' },
        { group: ['**/worker/**'], message: 'The UI talks to the worker only through src/protocol.' },
      ] }],
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
