/**
 * No user-visible text outside the catalogues: each UI and worker file is scanned for JSX text,
 * text attributes given as literals, and literals that read like English (tests/support/ui-literals.ts).
 * Run one file's check with `npx vitest run tests/unit/i18n-literals.test.ts -t ClientPanel`.
 */
import { describe, expect, it } from 'vitest';
import { findLiterals, sourceFiles } from '../support/ui-literals.ts';

const files = [...sourceFiles('src/ui'), ...sourceFiles('src/worker')].filter((file) => !file.includes('/i18n/')).sort();

describe('user-visible text comes from the catalogues', () => {
  it('scans the UI and the worker', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(`${file}`, () => {
      expect(findLiterals(file).map((literal) => `${literal.file}:${literal.line}: ${literal.text}`)).toEqual([]);
    });
  }
});
