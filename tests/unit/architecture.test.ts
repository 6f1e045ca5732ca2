/**
 * The architecture as tests: no module of src/ takes part in an import cycle (type-only imports
 * included, since a type cycle still ties two modules' designs together), the core's layers
 * only import downwards, and the scenario language (src/scenario) sits on the core's public entry
 * alone: it imports src/core/index.ts and its own files, nothing bare, and the core never imports
 * it (the worker, the protocol, the UI and the CLI may). The lint rules in eslint.config.js
 * enforce the layers file by file; these tests check the whole graph at once, so a cycle through
 * several files cannot slip by.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const source = join(root, 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/g)) found.push(resolve(dirname(file), match[1]!));
  return found;
}

/** Every module a file names: imports, re-exports, side-effect and dynamic imports, relative or bare. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/g)) found.push(match[1]!);
  for (const match of text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(match[1]!);
  return found;
}

function graph(): Map<string, string[]> {
  const files = sourceFiles(source);
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file).filter((target) => known.has(target))]));
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return found;
}

const scenario = join(source, 'scenario') + '/';
const coreEntry = join(source, 'core/index.ts');

/**
 * Where src/scenario reaches beyond itself other than to the core's public entry, as
 * "file -> target" (targets resolved), and the bare modules it names ("file -> name").
 */
function scenarioLeaks(edges: ReadonlyMap<string, readonly string[]>, specifiers: (file: string) => readonly string[]): string[] {
  const leaks: string[] = [];
  for (const [file, targets] of edges) {
    if (!file.startsWith(scenario)) continue;
    for (const target of targets) if (!target.startsWith(scenario) && target !== coreEntry) leaks.push(`${relative(root, file)} -> ${relative(root, target)}`);
    for (const name of specifiers(file)) if (!name.startsWith('.')) leaks.push(`${relative(root, file)} -> ${name}`);
  }
  return leaks;
}

describe('architecture', () => {
  const edges = graph();

  it('reads the import graph (sanity: it found the core and its imports)', () => {
    expect(edges.size).toBeGreaterThan(80);
    expect(edges.get(join(source, 'core/sim/host.ts'))).toContain(join(source, 'core/raft/ready.ts'));
  });

  it('has no import cycles anywhere in src/', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself works)', () => {
    const a = join(source, 'a.ts');
    const b = join(source, 'b.ts');
    const c = join(source, 'c.ts');
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
  });

  it.each([
    ['core/base', [] as string[]],
    ['core/raft', ['core/base']],
    ['core/sim', ['core/base', 'core/raft']],
  ])('%s imports only from itself and %j', (layer, below) => {
    const allowed = [layer, ...below].map((folder) => join(source, folder) + '/');
    const outside: string[] = [];
    for (const [file, targets] of edges) {
      if (!file.startsWith(join(source, layer) + '/')) continue;
      for (const target of targets) if (!allowed.some((prefix) => target.startsWith(prefix))) outside.push(`${relative(root, file)} -> ${relative(root, target)}`);
    }
    expect(outside).toEqual([]);
  });

  it('src/scenario imports only the core\'s public entry (src/core/index.ts) and its own files, nothing bare', () => {
    const scenarioFiles = [...edges.keys()].filter((file) => file.startsWith(scenario));
    // Sanity: the layer was found, and its imports of the core were read.
    expect(scenarioFiles.length).toBeGreaterThan(20);
    expect(edges.get(join(scenario, 'parser.ts'))).toContain(coreEntry);
    expect(scenarioLeaks(edges, specifiersOf)).toEqual([]);
  });

  it('finds a scenario file reaching past the core\'s entry, into the worker, or to a package (the check itself works)', () => {
    const parser = join(scenario, 'parser.ts');
    const fake = new Map([[parser, [coreEntry, join(scenario, 'lexer.ts'), join(source, 'core/sim/options.ts'), join(source, 'worker/run-file.ts')]]]);
    expect(scenarioLeaks(fake, () => ['../core/index.ts', './lexer.ts', 'node:fs', 'zustand'])).toEqual([
      'src/scenario/parser.ts -> src/core/sim/options.ts',
      'src/scenario/parser.ts -> src/worker/run-file.ts',
      'src/scenario/parser.ts -> node:fs',
      'src/scenario/parser.ts -> zustand',
    ]);
  });

  it('the core never imports src/scenario; the layers above it may', () => {
    const importers = new Set<string>();
    const fromCore: string[] = [];
    for (const [file, targets] of edges) {
      if (file.startsWith(scenario) || !targets.some((target) => target.startsWith(scenario))) continue;
      const layer = relative(source, file).split('/')[0]!;
      importers.add(layer);
      if (layer === 'core') fromCore.push(relative(root, file));
    }
    expect(fromCore).toEqual([]);
    // Sanity: the edges into the layer were read (the worker keeps a run's annotations, the CLI runs scenarios).
    expect(importers).toContain('worker');
    expect(importers).toContain('cli');
  });
});
