// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../eslint.config.js';
import { crossFeatureImports, fileCycle, folderGraph, folderLevels, readImportGraph, type ImportGraph } from './import-graph.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const graph = readImportGraph(projectRoot);
const graphOf = (files: Record<string, string[]>): ImportGraph => ({ files: new Map(Object.entries(files)) });

describe('the import graph of src/ (docs/architecture.md, issue 19)', () => {
  it('reads the real imports, dynamic and type imports included', () => {
    expect(graph.files.size).toBeGreaterThan(100);
    // A lazy page, a type-only import and an `@/` import.
    expect(graph.files.get('src/app/prefetch.ts')).toContain('src/result/result-page.tsx');
    expect(graph.files.get('src/steps/form-values.ts')).toContain('src/questions/step-questions.ts');
  });

  it('no feature imports another', () => {
    expect(crossFeatureImports(graph, FEATURE_NAMES)).toEqual([]);
  });

  it('the folders stack at most 8 levels deep', () => {
    const { levels, deepest } = folderLevels(folderGraph(graph));
    expect(Math.max(...levels.values()), `deepest: ${deepest.join(' → ')}`).toBeLessThanOrEqual(8);
  });

  it('no files import each other in a circle', () => {
    expect(fileCycle(graph)).toBeUndefined();
  });

  it('each check can fail', () => {
    const crossing = graphOf({ 'src/result/a.ts': ['src/steps/b.ts'], 'src/steps/b.ts': [] });
    expect(crossFeatureImports(crossing, ['result', 'steps'])).toEqual(['src/result/a.ts → src/steps/b.ts']);
    const chain = graphOf(
      Object.fromEntries([...'abcdefghi'].map((f, i, all) => [`src/${f}/x.ts`, i + 1 < all.length ? [`src/${all[i + 1]}/x.ts`] : []])),
    );
    const { levels, deepest } = folderLevels(folderGraph(chain));
    expect(Math.max(...levels.values())).toBe(9);
    expect(deepest).toEqual([...'abcdefghi']);
    expect(fileCycle(graphOf({ 'src/a/x.ts': ['src/a/y.ts'], 'src/a/y.ts': ['src/a/x.ts'] }))).toEqual([
      'src/a/x.ts',
      'src/a/y.ts',
      'src/a/x.ts',
    ]);
    expect(() => folderLevels(folderGraph(graphOf({ 'src/a/x.ts': ['src/b/y.ts'], 'src/b/y.ts': ['src/a/x.ts'] })))).toThrow(
      /circle: a → b → a/,
    );
  });
});
