// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRulesDiff } from './rules-diff-cli.ts';
import { raiseSevereSuddenTo8 } from './worked-example.ts';

/**
 * rules:diff's default sides, the last commit (read with git) against the rule files as
 * they are now, in a git repository of the test's own. Not in test:fast: it runs git.
 */
const projectRoot = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'rules-diff-git-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run rules:diff with no sides given', () => {
  it('compares the last commit with the rule files as they are now (a git repository of its own)', () => {
    const repo = join(temp, 'repository');
    cpSync(join(projectRoot, 'rules'), join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'rules');
    git('commit', '-q', '-m', 'rules as they are');
    expect(runRulesDiff(['--format', 'json'], repo)).toMatchObject({ status: 0, stdout: expect.stringContaining('"groups": []') });
    raiseSevereSuddenTo8(join(repo, 'rules'));
    const run = runRulesDiff(['--format', 'json'], repo);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      before: { spec: string; label: string };
      after: { spec: string; label: string };
      groups: { field: string; from: string; to: string }[];
    };
    expect(report.groups.filter((g) => g.field === 'urgency').map((g) => [g.from, g.to])).toEqual([['urgent', 'soon']]);
    expect([report.before.label, report.after.label]).toEqual(['git revision HEAD', 'folder rules']);
  });
});
