// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

it('embed.js stays under 3 KB gzip and loads nothing else', () => {
  const source = readFileSync('public/embed.js', 'utf8');
  const size = gzipSync(source, { level: 9 }).length;
  expect(size).toBeLessThan(3 * 1024);
  expect(source).not.toMatch(/\bimport\b|require\(|fetch\(|XMLHttpRequest/);
});
