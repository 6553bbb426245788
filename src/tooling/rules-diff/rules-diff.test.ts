// @vitest-environment node
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNANSWERED } from './answer-space.ts';
import { loadRuleSide } from './rule-sides.ts';
import { diffRuleSides } from './rules-diff.ts';
import { crossCheck } from './cross-check.ts';
import { runRulesDiff } from './rules-diff-cli.ts';
import { raiseSevereSuddenTo8 } from './worked-example.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'rules-diff-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of rules/ with U-severe-sudden from pain 8 instead of 7 (the worked example of rules/README.md). */
function severeSuddenAt8(): string {
  const dir = join(temp, 'severe-sudden-8');
  cpSync(join(projectRoot, 'rules'), dir, { recursive: true });
  raiseSevereSuddenTo8(dir);
  return dir;
}

describe('npm run rules:diff', { timeout: 120_000 }, () => {
  it('finds no change between the rules and themselves, and exits 0', () => {
    const run = runRulesDiff(['rules', 'rules', '--format', 'json'], projectRoot);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).groups).toEqual([]);
  });

  const raised = severeSuddenAt8();
  const diff = diffRuleSides(loadRuleSide('rules', projectRoot), loadRuleSide(raised, projectRoot));

  it('U-severe-sudden from pain 7 to 8 moves only sudden onset at pain 7, from urgent to soon', () => {
    const pain7 = diff.space.bands.painScore.findIndex((band) => band.from === 7 && band.to === 7);
    for (const group of diff.groups)
      for (const box of group.boxes) {
        expect(box.domains.onset).toEqual(['sudden']);
        expect(box.domains.painScore).toEqual([pain7]);
      }
    expect(diff.groups.filter((g) => g.field === 'urgency').map((g) => [g.from, g.to])).toEqual([['urgent', 'soon']]);
    expect(diff.groups.map((g) => g.example.painScore)).toEqual(diff.groups.map(() => 7));
    expect(diff.space.domains.painScore).toContain(UNANSWERED);
  });

  it('exits 1 for a fall in urgency, 0 with --accept-lower', () => {
    expect(runRulesDiff(['rules', raised], projectRoot).status).toBe(1);
    const accepted = runRulesDiff(['rules', raised, '--accept-lower'], projectRoot);
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain('LOWER URGENCY');
  });

  it('random answers: every change is in a reported class, every example shows its change (both directions)', () => {
    crossCheck(diff, 3000);
    crossCheck(diffRuleSides(loadRuleSide(raised, projectRoot), loadRuleSide('rules', projectRoot)), 1000);
  });
});
