// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validAnswers } from '@/tooling/testing/answers-arbitrary.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import { evaluateRules } from '@/triage/rules/evaluate-rules.ts';
import type { RuleSet } from '@/triage/rules/rule-schema.ts';
import { callNowIfLines } from '@/triage/rules/safety-net.ts';
import { UNANSWERED } from './answer-space.ts';
import { boxContains } from './answers-in-box.ts';
import { loadRuleSide } from './rule-sides.ts';
import { diffRuleSides, type ChangeGroup, type RulesDiff } from './rules-diff.ts';
import { runRulesDiff } from './rules-diff-cli.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const temp = mkdtempSync(join(tmpdir(), 'rules-diff-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of rules/ with U-severe-sudden from pain 8 instead of 7 (the worked example of rules/README.md). */
function severeSuddenAt8(): string {
  const dir = join(temp, 'severe-sudden-8');
  cpSync(join(projectRoot, 'rules'), dir, { recursive: true });
  const file = join(dir, 'urgent.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/(- id: U-severe-sudden\n\s+when:\n\s+all:\n\s+- painScore: \{ atLeast: )7( \})/, '$18$2');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return dir;
}

/** The compared parts of one outcome, as the diff words them. */
function parts(ruleSet: RuleSet, answers: Answers): Map<string, string> {
  const r = evaluateRules(ruleSet, answers);
  const named = new Set([r.specialist, ...r.alsoConsider]);
  const lines = new Set(callNowIfLines(ruleSet, r, answers).filter(() => r.urgency !== 'emergency'));
  const content = new Set<string>(r.content);
  return new Map<string, string>([
    ['urgency', r.urgency],
    ['specialist', r.specialist],
    ...ruleSet.rules
      .flatMap((rule) => [rule.specialist, ...rule.also])
      .map((s) => [`alsoConsider:${s}`, named.has(s) ? 'named' : 'not named'] as [string, string]),
    ...ruleSet.rules
      .flatMap((rule) => rule.content)
      .map((c) => [`content:${c}`, content.has(c) ? 'offered' : 'not offered'] as [string, string]),
    ...ruleSet.safetyNet.map((l) => [`safetyNet:${l.line}`, lines.has(l.line) ? 'shown' : 'not shown'] as [string, string]),
  ]);
}
const keyOf = (group: ChangeGroup) => (group.item ? `${group.field}:${group.item}` : group.field);
const ABSENT: Record<string, string> = { alsoConsider: 'not named', content: 'not offered', safetyNet: 'not shown' };
const valueOf = (map: Map<string, string>, key: string) => map.get(key) ?? ABSENT[key.split(':')[0]!]!;

/** Both directions of the claim: every answer that changes lies in a reported class, and every example changes. */
function crossCheck(diff: RulesDiff, runs: number): void {
  const [before, after] = [diff.before.ruleSet, diff.after.ruleSet];
  for (const group of diff.groups) {
    const key = keyOf(group);
    expect(
      [valueOf(parts(before, group.example), key), valueOf(parts(after, group.example), key)],
      `${key}: ${JSON.stringify(group.example)}`,
    ).toEqual([group.from, group.to]);
  }
  let changed = 0;
  fc.assert(
    fc.property(validAnswers, (answers) => {
      const [was, is] = [parts(before, answers), parts(after, answers)];
      for (const key of new Set([...was.keys(), ...is.keys()])) {
        const [from, to] = [valueOf(was, key), valueOf(is, key)];
        if (from === to) continue;
        changed += 1;
        const group = diff.groups.find((g) => keyOf(g) === key && g.from === from && g.to === to);
        expect(group, `${key} ${from} → ${to} for ${JSON.stringify(answers)}`).toBeDefined();
        expect(group!.boxes.some((box) => boxContains(box, diff.space, answers))).toBe(true);
      }
    }),
    { numRuns: runs, seed: 23 },
  );
  if (diff.groups.length > 0) expect(changed).toBeGreaterThan(0);
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
