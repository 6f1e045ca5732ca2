/**
 * The architecture as tests: no module of src/ takes part in an import cycle (type-only imports
 * included, since a type cycle still ties two modules' designs together), and the core's layers
 * only import downwards. The lint rules in eslint.config.js enforce the layers file by file;
 * these tests check the whole graph at once, so a cycle through several files cannot slip by.
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
});
