// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { RED_FLAGS, RISK_FACTORS, SPECIALISTS, SYMPTOMS, URGENCIES, urgencyRank, type RedFlag, type Symptom } from '@/triage/catalogue.ts';
import { redFlagsShown, symptomsShown } from '@/triage/answers/asked-when.ts';
import { validateAnswers, type Answers } from '@/triage/answers/answers-schema.ts';
import { evaluateRules, firedRules } from '@/triage/rules/evaluate-rules.ts';
import { readRuleSet } from '@/tooling/read-rule-files.ts';
import { recommendationSchema, type Recommendation } from '@/triage/rules/recommendation.ts';
import { safetyNetOf } from '@/triage/rules/safety-net.ts';
import { validAnswers } from '@/tooling/answers-arbitrary.ts';

/**
 * The safety invariants of policy §3, as properties over every valid answer, checked
 * against the real rule files. Seeded: a failure prints its seed and counterexample,
 * and the same run reproduces it. Each property checks 10,000 generated answers.
 */
const projectRoot = resolve(import.meta.dirname, '../..');
const ruleSet = readRuleSet(resolve(projectRoot, 'rules'));
const ruleIds = new Set(ruleSet.rules.map((rule) => rule.id));
const ruleUrgency = new Map(ruleSet.rules.map((rule) => [rule.id, rule.urgency]));

const SEED = 20_240_611;
const NUM_RUNS = 10_000;
const run = { seed: SEED, numRuns: NUM_RUNS } as const;

/** Throws with a readable message (fast-check adds the seed and the offending answers). */
function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

const show = (value: unknown) => JSON.stringify(value);
const recommend = (answers: Answers) => evaluateRules(ruleSet, answers);

describe('the answers arbitrary', { timeout: 30_000 }, () => {
  const sample = fc.sample(validAnswers, { seed: SEED, numRuns: 2_000 });

  it('generates only answers that validateAnswers accepts (2,000 samples)', () => {
    const rejected = sample.flatMap((answers) => {
      const result = validateAnswers(answers);
      return result.success ? [] : [{ answers, issues: result.issues }];
    });
    expect(rejected.slice(0, 3), `${rejected.length} of ${sample.length} generated answers are invalid`).toEqual([]);
  });

  it('covers every id, every urgency, and both present and absent optional fields', () => {
    const seen = (pick: (answers: Answers) => readonly unknown[] | undefined) => new Set(sample.flatMap((a) => pick(a) ?? []));
    expect([...seen((a) => a.redFlags)].sort()).toEqual([...new Set(RED_FLAGS)].sort());
    expect([...seen((a) => a.symptoms)].sort()).toEqual([...SYMPTOMS].sort());
    expect([...seen((a) => a.riskFactors)].sort()).toEqual([...RISK_FACTORS].sort());
    expect([...new Set(sample.map((a) => recommend(a).urgency))].sort()).toEqual([...URGENCIES].sort());
    expect(
      sample.every((a) => Array.isArray(a.redFlags)),
      'redFlags always present (required)',
    ).toBe(true);
    for (const field of [
      'pregnancy',
      'pregnancyWeeks',
      'locations',
      'onset',
      'duration',
      'symptoms',
      'riskFactors',
      'active',
      'painScore',
    ] as const) {
      expect(
        sample.some((a) => field in a),
        `${field} present`,
      ).toBe(true);
      expect(
        sample.some((a) => !(field in a)),
        `${field} absent`,
      ).toBe(true);
    }
    expect(
      sample.some((a) => a.pregnancy === 'postpartum' && a.redFlags?.includes('burning-urination')),
      'burning-urination after birth',
    ).toBe(true);
    expect(
      sample.some((a) => a.pregnancy === 'postpartum' && a.redFlags?.includes('preeclampsia-signs')),
      'pre-eclampsia signs after birth',
    ).toBe(true);
    expect(
      sample.some((a) => a.age < 16 && a.redFlags?.includes('limp')),
      'limp as a child red flag',
    ).toBe(true);
    expect(
      sample.some((a) => a.age >= 16 && a.age < 18 && a.redFlags?.includes('limp')),
      'limp as a red flag at 16–17',
    ).toBe(true);
    expect(
      sample.some((a) => a.age >= 18 && a.symptoms?.includes('limp')),
      'limp as an adult symptom',
    ).toBe(true);
    expect(
      sample.some((a) => a.age < 5 && a.redFlags?.includes('leg-not-moving')),
      'leg-not-moving under 5',
    ).toBe(true);
  });
});

// Each property takes 0.5–4 s on an idle two-core machine; the timeout leaves room for a busy one.
describe('safety invariants of policy §3 (10,000 generated answers each)', { timeout: 60_000 }, () => {
  it('totality (invariant 4): every valid answer gets exactly one well-formed recommendation with a known specialist', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        let result: Recommendation;
        try {
          result = recommend(answers);
        } catch (error) {
          throw new Error(`the engine threw: ${(error as Error).message}`, { cause: error });
        }
        const parsed = z.safeParse(recommendationSchema, result);
        check(parsed.success, () => `not a valid recommendation: ${show(result)}`);
        check((SPECIALISTS as readonly string[]).includes(result.specialist), () => `unknown specialist ${result.specialist}`);
      }),
      run,
    );
  });

  it('reasons are real rule ids, the fired rules, most urgent first; alsoConsider has no duplicate and not the primary', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = recommend(answers);
        const unknown = result.reasons.filter((id) => !ruleIds.has(id));
        check(unknown.length === 0, () => `reasons that are no rule: ${show(unknown)}`);
        check(new Set(result.reasons).size === result.reasons.length, () => `a reason twice: ${show(result.reasons)}`);
        const fired = firedRules(ruleSet, answers).map((rule) => rule.id);
        check(
          show([...result.reasons].sort()) === show([...fired].sort()),
          () => `reasons ${show(result.reasons)} are not the fired rules ${show(fired)}`,
        );
        const ranks = result.reasons.map((id) => urgencyRank(ruleUrgency.get(id)!));
        check(
          ranks.every((rank, i) => i === 0 || ranks[i - 1]! >= rank),
          () => `reasons not most urgent first: ${show(result.reasons)}`,
        );
        check(
          urgencyRank(ruleUrgency.get(result.reasons[0]!)!) === urgencyRank(result.urgency),
          () => `first reason is not of the result's urgency: ${show(result)}`,
        );
        check(
          new Set(result.alsoConsider).size === result.alsoConsider.length,
          () => `alsoConsider lists a specialist twice: ${show(result.alsoConsider)}`,
        );
        check(!result.alsoConsider.includes(result.specialist), () => `alsoConsider repeats the primary ${result.specialist}`);
        check(new Set(result.content).size === result.content.length, () => `content lists an article twice: ${show(result.content)}`);
      }),
      run,
    );
  });

  it('monotonicity (invariant 1): adding any one shown red flag or symptom never lowers the urgency', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const before = urgencyRank(recommend(answers).urgency);
        const additions: Answers[] = [
          ...redFlagsShown(answers)
            .filter((flag: RedFlag) => !answers.redFlags?.includes(flag))
            .map((flag) => ({ ...answers, redFlags: [...(answers.redFlags ?? []), flag] })),
          ...symptomsShown(answers)
            .filter((symptom: Symptom) => !answers.symptoms?.includes(symptom))
            .map((symptom) => ({ ...answers, symptoms: [...(answers.symptoms ?? []), symptom] })),
        ];
        for (const more of additions) {
          const after = recommend(more).urgency;
          check(urgencyRank(after) >= before, () => `adding to ${show(answers)} gives ${show(more)}, urgency falls to ${after}`);
        }
      }),
      run,
    );
  });

  it('emergency dominance (invariant 2): an emergency rule fires if and only if the result is an emergency', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const emergencyFired = firedRules(ruleSet, answers).some((rule) => rule.urgency === 'emergency');
        const result = recommend(answers);
        check(
          emergencyFired === (result.urgency === 'emergency'),
          () => `emergency rule fired: ${emergencyFired}, result: ${show(result)}`,
        );
      }),
      run,
    );
  });

  it('safety-netting (policy §2): every non-emergency result tells when to call now; every urgent one names at least one "call now if" line', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = recommend(answers);
        const net = safetyNetOf(ruleSet, result, answers);
        check(net.callIfWorse === (result.urgency !== 'emergency'), () => `callIfWorse ${net.callIfWorse} for ${show(result)}`);
        check(
          (result.urgency === 'urgent') === net.callNowIf.length > 0,
          () => `"call now if" lines ${show(net.callNowIf)} for ${show(result)}`,
        );
        check(net.mayBePregnant === (answers.pregnancy === 'unsure'), () => `mayBePregnant ${net.mayBePregnant} for ${show(answers)}`);
      }),
      run,
    );
  });

  it('determinism: the order of ticked items does not matter, and evaluating twice gives the same result', () => {
    const permutation = <T>(list: readonly T[] | undefined) =>
      list === undefined ? fc.constant(undefined) : fc.shuffledSubarray([...list], { minLength: list.length });
    const withShuffled = validAnswers.chain((answers) =>
      fc
        .record({
          redFlags: permutation(answers.redFlags),
          symptoms: permutation(answers.symptoms),
          riskFactors: permutation(answers.riskFactors),
          locations: permutation(answers.locations),
        })
        .map((lists) => ({
          answers,
          shuffled: { ...answers, ...Object.fromEntries(Object.entries(lists).filter(([, v]) => v !== undefined)) } as Answers,
        })),
    );
    fc.assert(
      fc.property(withShuffled, ({ answers, shuffled }) => {
        const copy = structuredClone(answers);
        const first = show(recommend(answers));
        check(show(recommend(answers)) === first, () => 'a second evaluation differs');
        check(show(recommend(shuffled)) === first, () => `shuffled ${show(shuffled)} gives ${show(recommend(shuffled))}, not ${first}`);
        check(show(answers) === show(copy), () => 'the engine changed the answers it was given');
      }),
      run,
    );
  });
});

describe('CLI and engine agree', () => {
  it('one CLI run over 200 generated answers prints exactly the engine recommendations', { timeout: 60_000 }, () => {
    const sample = fc.sample(validAnswers, { seed: SEED + 1, numRuns: 200 });
    const result = spawnSync(resolve(projectRoot, 'node_modules/.bin/tsx'), ['src/cli/triage-cli.ts', '-'], {
      cwd: projectRoot,
      input: JSON.stringify(sample),
      encoding: 'utf8',
      timeout: 55_000,
    });
    if (result.error) throw result.error;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(sample.map(recommend));
  });
});
