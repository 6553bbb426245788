import fc from 'fast-check';
import { expect } from 'vitest';
import { validAnswers } from '@/tooling/testing/answers-arbitrary.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import { evaluateRules } from '@/triage/rules/evaluate-rules.ts';
import type { RuleSet } from '@/triage/rules/rule-schema.ts';
import { callNowIfLines } from '@/triage/rules/safety-net.ts';
import { boxContains } from './answers-in-box.ts';
import type { ChangeGroup, RulesDiff } from './rules-diff.ts';

/**
 * The tests' check of a rule diff against the rules engine itself, by random answers
 * (rules-diff.test.ts, impact-report.test.ts).
 */

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
export function crossCheck(diff: RulesDiff, runs: number): void {
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
