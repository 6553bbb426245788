import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const ci = readFileSync(resolve(root, '.ci/run'), 'utf8');

describe('README: what a newcomer copies', () => {
  it('lists every step of `npm test`, in order', () => {
    const steps = scripts.test!.split(' && ').map((step) => step.replace(/^npm run /, ''));
    const listed = [...readme.slice(readme.indexOf('`npm test` runs, in order:')).matchAll(/^\d+\. .*?`npm run ([\w:]+)`/gm)].map(
      ([, name]) => name,
    );
    expect(listed).toEqual(steps);
  });

  it('gives the test command that CI runs, and the command to run the wizard', () => {
    expect(readme).toContain('```sh\nnpm ci && npm test\n```');
    expect(ci).toMatch(/^npm ci && npm test$/m);
    expect(readme).toContain('```sh\nnpm ci && npm start\n```');
    expect(scripts.start).toBeDefined();
  });
});
