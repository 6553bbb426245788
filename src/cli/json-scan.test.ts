// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scanJson } from './json-scan.ts';

const limits = { maxDepth: 32, maxValues: 1000, maxListItems: 100 };
const findings = (text: string) => {
  const result = scanJson(text, limits);
  return 'findings' in result ? result.findings.map((f) => `${f.path} ${f.kind} ${f.text}`) : result;
};

describe('scanning JSON text before it is parsed', () => {
  it('finds nothing in plain answers, whatever their strings hold (quotes, braces, commas, colons)', () => {
    expect(findings('{"age":30,"note":"a \\"b\\", {\\"age\\": 1e-400}, [","x":[0,-5,120]}')).toEqual([]);
  });

  it('names a repeated name where it is, also written with an escape, in nested objects and lists', () => {
    expect(findings('[{"a":1},{"b":{"c":1,"\\u0063":2}},{"d":[{"e":1,"e":2}]}]')).toEqual([
      '[1].b.c repeatedName c',
      '[2].d[0].e repeatedName e',
    ]);
    // The same name in two objects, or in an object and its parent, is no repetition.
    expect(findings('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toEqual([]);
  });

  it('names numbers that read as whole numbers without being written as one, and leaves the others to the schema', () => {
    expect(findings('[1e-400, -0, 3e1, 5.0, 0.1e1, -0.0, 4.5, 1e400, 0, -7, 12345678901234567890]')).toEqual([
      '[0] notWholeNumber 1e-400',
      '[1] notWholeNumber -0',
      '[2] notWholeNumber 3e1',
      '[3] notWholeNumber 5.0',
      '[4] notWholeNumber 0.1e1',
      '[5] notWholeNumber -0.0',
    ]);
  });

  it('stops at the first limit passed: depth, values, items of one list (named)', () => {
    expect(scanJson(`${'['.repeat(33)}${']'.repeat(33)}`, limits)).toEqual({ tooDeep: true });
    expect(findings(`${'['.repeat(32)}${']'.repeat(32)}`)).toEqual([]);
    expect(scanJson(`{"a":[${Array(100).fill(1).join(',')}]}`, limits)).toEqual({ findings: [], count: 0 });
    expect(scanJson(`{"a":[${Array(101).fill(1).join(',')}]}`, limits)).toEqual({ tooLong: 'a' });
    expect(
      scanJson(
        `[${Array(10)
          .fill(`[${Array(99).fill(1).join(',')}]`)
          .join(',')}]`,
        limits,
      ),
    ).toEqual({ tooManyValues: true });
  });

  it('never throws on text that is not JSON (JSON.parse reports it)', () => {
    for (const text of ['', '{', '}', ']]]', '{"a', '{"a":', '"\\', '[1,,2', 'tru', '{"a" 1 "a" 2}', '\u0000'])
      expect(() => scanJson(text, limits), text).not.toThrow();
  });
});
