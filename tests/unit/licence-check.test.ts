// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run licenses:check` (licensee, with the allow-list in .licensee.json): every
 * runtime dependency's licence must be compatible with the project's Apache-2.0. It
 * reads node_modules only, so it works offline. Child processes: not in test:fast.
 */
const projectRoot = resolve(import.meta.dirname, '../..');
const licensee = resolve(projectRoot, 'node_modules/.bin/licensee');
const tempDir = mkdtempSync(join(tmpdir(), 'licence-check-test-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const ALLOWED = ['Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', '0BSD'];

function check(cwd: string, ...flags: string[]) {
  const result = spawnSync(licensee, ['--production', ...flags], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

describe('the dependency licence check', { timeout: 60_000 }, () => {
  it('passes on this project: every runtime dependency has a licence of the allow-list', () => {
    const result = check(projectRoot, '--ndjson');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const found = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; license: string; approved: boolean });
    // It looked at the real dependencies, not at nothing.
    expect(found.map((p) => p.name)).toEqual(expect.arrayContaining(['react', 'react-dom', 'i18next', 'xstate', 'zod']));
    for (const p of found) {
      expect(p.approved, p.name).toBe(true);
      expect(ALLOWED, `${p.name}: ${p.license}`).toContain(p.license);
    }
  });

  it('fails on a runtime dependency under a licence outside the allow-list (GPL-3.0), or with none, naming it', () => {
    const project = join(tempDir, 'project');
    const dependencies = { 'copyleft-thing': 'GPL-3.0-only', 'unlicensed-thing': undefined, 'permissive-thing': 'MIT' };
    for (const [name, license] of Object.entries(dependencies)) {
      mkdirSync(join(project, 'node_modules', name), { recursive: true });
      writeFileSync(join(project, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0', license }));
    }
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'probe',
        version: '1.0.0',
        dependencies: Object.fromEntries(Object.keys(dependencies).map((n) => [n, '1.0.0'])),
      }),
    );
    copyFileSync(join(projectRoot, '.licensee.json'), join(project, '.licensee.json'));
    const result = check(project, '--errors-only');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('copyleft-thing@1.0.0\n  NOT APPROVED');
    expect(result.stdout).toContain('unlicensed-thing@1.0.0\n  NOT APPROVED');
    expect(result.stdout).not.toContain('permissive-thing');
  });
});
