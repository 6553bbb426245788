// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  RED_FLAGS,
  RISK_FACTORS,
  SPECIALISTS,
  SYMPTOMS,
  URGENCIES,
  urgencyRank,
  type CallNowIf,
  type RedFlag,
  type Symptom,
} from '@/triage/catalogue.ts';
import { redFlagsShown, symptomsShown } from '@/triage/answers/asked-when.ts';
import { validateAnswers, type Answers } from '@/triage/answers/answers-schema.ts';
import { POLICY_CALL_NOW_IF, POLICY_PREGNANCY_RED_FLAGS } from '../fixtures/policy-v3-tables.ts';
import { evaluateRules, firedRules } from '@/triage/rules/evaluate-rules.ts';
import { readRuleSet } from '@/tooling/project-files/read-rule-files.ts';
import { recommendationSchema, type Recommendation } from '@/triage/rules/recommendation.ts';
import { safetyNetOf, type SafetyNet } from '@/triage/rules/safety-net.ts';
import { instructionOf } from '@/triage/rules/instruction.ts';
import { reasonsShown } from '@/triage/rules/reasons-shown.ts';
import { validAnswers } from '@/tooling/testing/answers-arbitrary.ts';

/**
 * The safety invariants of policy §3 (v3: five) and the output rules of §2, as
 * properties over every valid answer, checked against the real rule files. Seeded: a
 * failure prints its seed and counterexample, and the same run reproduces it. Each
 * property checks 10,000 generated answers.
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

// ---------------------------------------------------------------------------------
// Policy §1 and §2 (v3), written out by hand from clinical-policy.md: never from the
// code or the rule files, so that the properties compare two readings of the policy.
// ---------------------------------------------------------------------------------

/** §1: the red flags shown to this person (the pregnancy table, children, and v3's age and hip replacement). */
const PREGNANCY_TABLE = POLICY_PREGNANCY_RED_FLAGS;
function policyShows(flag: string, a: Answers): boolean {
  const statuses = PREGNANCY_TABLE[flag as RedFlag];
  if (statuses) return a.pregnancy !== undefined && statuses.includes(a.pregnancy);
  if (flag === 'scalp-jaw-headache') return a.age >= 50;
  if (flag === 'wound-problem') return a.hipReplacement === true;
  if (flag === 'limp') return a.age < 18;
  if (flag === 'leg-not-moving') return a.age < 5;
  return true; // the sixteen general ones, severe-abdominal-pain and groin-swelling included (v3)
}

const CALL_NOW_IF_TABLE = POLICY_CALL_NOW_IF;
const policyCallNowIf = (reasons: readonly string[], a: Answers): CallNowIf[] => {
  const fired = new Set(reasons);
  return CALL_NOW_IF_TABLE.filter(([, applies]) => applies(fired, a)).map(([line]) => line);
};

/** §3 definitions the output depends on: later pregnancy is from 20 weeks; unknown weeks count as early (v3). */
const laterPregnancy = (a: Answers) => a.pregnancy === 'pregnant' && a.pregnancyWeeks !== undefined && a.pregnancyWeeks >= 20;
const earlyOrUnknownPregnancy = (a: Answers) => a.pregnancy === 'pregnant' && !laterPregnancy(a);

/** §2, safety-netting of an urgent, soon or routine result (an emergency result's instruction is the call itself). */
function policySafetyNet(result: Recommendation, a: Answers): Omit<SafetyNet, 'pregnancyNote'> {
  if (result.urgency === 'emergency') return { callNow: false, callNowIf: [], warningSigns: [], sameDay: false };
  const pregnancyLine = laterPregnancy(a)
    ? 'maternity-pregnant'
    : a.pregnancy === 'postpartum'
      ? 'maternity-postpartum'
      : earlyOrUnknownPregnancy(a)
        ? 'early-pregnancy'
        : undefined;
  return {
    callNow: true,
    callNowIf: policyCallNowIf(result.reasons, a),
    warningSigns: RED_FLAGS.filter((flag) => policyShows(flag, a)),
    sameDay: result.urgency === 'soon' || result.urgency === 'routine',
    ...(pregnancyLine && { pregnancyLine }),
  };
}

/** §2 item 4: "you might be pregnant" when unsure; "any chance" for not pregnant, 12–55, not male, sudden pain. */
const policyPregnancyNote = (a: Answers) =>
  a.pregnancy === 'unsure'
    ? 'may-be-pregnant'
    : a.pregnancy === 'no' && a.sex !== 'male' && a.age >= 12 && a.age <= 55 && a.onset === 'sudden'
      ? 'any-chance'
      : undefined;

describe('the answers arbitrary', { timeout: 30_000 }, () => {
  const sample = fc.sample(validAnswers, { seed: SEED, numRuns: 2_000 });

  it('generates only answers that validateAnswers accepts (2,000 samples)', () => {
    const rejected = sample.flatMap((answers) => {
      const result = validateAnswers(answers);
      return result.success ? [] : [{ answers, issues: result.issues }];
    });
    expect(rejected.slice(0, 3), `${rejected.length} of ${sample.length} generated answers are invalid`).toEqual([]);
  });

  it('covers every id, every urgency, every rule, and both present and absent optional fields', () => {
    const seen = (pick: (answers: Answers) => readonly unknown[] | undefined) => new Set(sample.flatMap((a) => pick(a) ?? []));
    expect([...seen((a) => a.redFlags)].sort()).toEqual([...new Set(RED_FLAGS)].sort());
    expect([...seen((a) => a.symptoms)].sort()).toEqual([...SYMPTOMS].sort());
    expect([...seen((a) => a.riskFactors)].sort()).toEqual([...RISK_FACTORS].sort());
    expect([...new Set(sample.map((a) => recommend(a).urgency))].sort()).toEqual([...URGENCIES].sort());
    const fired = new Set(sample.flatMap((a) => recommend(a).reasons));
    expect(
      [...ruleIds].filter((id) => !fired.has(id)),
      'rules that fire on no sampled answer',
    ).toEqual([]);
    expect(
      sample.every((a) => Array.isArray(a.redFlags)),
      'redFlags always present (required)',
    ).toBe(true);
    for (const field of [
      'pregnancy',
      'pregnancyWeeks',
      'hipReplacement',
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
    const cases: [string, (a: Answers) => boolean][] = [
      ['burning-urination after birth', (a) => a.pregnancy === 'postpartum' && a.redFlags.includes('burning-urination')],
      ['pre-eclampsia signs after birth', (a) => a.pregnancy === 'postpartum' && a.redFlags.includes('preeclampsia-signs')],
      ['limp as a child red flag', (a) => a.age < 16 && a.redFlags.includes('limp')],
      ['limp as a red flag at 16–17', (a) => a.age >= 16 && a.age < 18 && a.redFlags.includes('limp')],
      ['limp as an adult symptom', (a) => a.age >= 18 && a.symptoms?.includes('limp') === true],
      ['leg-not-moving under 5', (a) => a.age < 5 && a.redFlags.includes('leg-not-moving')],
      ['leg-not-moving at age 0', (a) => a.age === 0 && a.redFlags.includes('leg-not-moving')],
      // v3
      ['a hip replacement at 16', (a) => a.age === 16 && a.hipReplacement === true],
      ['wound-problem with a hip replacement', (a) => a.redFlags.includes('wound-problem')],
      ['scalp-jaw-headache at 50', (a) => a.age === 50 && a.redFlags.includes('scalp-jaw-headache')],
      ['severe-abdominal-pain for a man', (a) => a.sex === 'male' && a.redFlags.includes('severe-abdominal-pain')],
      ['a pregnancy sign at 19 weeks', (a) => a.pregnancyWeeks === 19 && a.redFlags.some((f) => f in PREGNANCY_TABLE)],
      ['a pregnancy sign at 20 weeks', (a) => a.pregnancyWeeks === 20 && a.redFlags.some((f) => f in PREGNANCY_TABLE)],
      [
        'a pregnancy sign, weeks not known',
        (a) => a.pregnancy === 'pregnant' && a.pregnancyWeeks === undefined && a.redFlags.some((f) => f in PREGNANCY_TABLE),
      ],
      ['rest pain from 18, onset not answered', (a) => a.age >= 18 && a.symptoms?.includes('rest-pain') === true && a.onset === undefined],
      ['an injury under 2', (a) => a.age < 2 && a.onset === 'injury'],
      ['pain 7 and sudden', (a) => a.painScore === 7 && a.onset === 'sudden'],
    ];
    expect(cases.filter(([, found]) => !sample.some(found)).map(([name]) => name)).toEqual([]);
  });
});

// Each property takes 0.5–4 s on an idle two-core machine; the timeout leaves room for a busy one.
describe('safety invariants of policy §3 and the output of §2 (10,000 generated answers each)', { timeout: 60_000 }, () => {
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
        // v3 (§2): an emergency result names only what fired emergency rules name, so it offers no booking or reading.
        if (result.urgency === 'emergency') {
          const emergencyRules = firedRules(ruleSet, answers).filter((rule) => rule.urgency === 'emergency');
          const named = new Set(emergencyRules.flatMap((rule) => [rule.specialist, ...rule.also]));
          check(
            result.alsoConsider.every((s) => named.has(s)),
            () => `emergency result lists ${show(result.alsoConsider)}, not only what its emergency rules name`,
          );
          check(
            result.content.every((c) => emergencyRules.some((rule) => rule.content.includes(c))),
            () => `emergency result offers reading ${show(result.content)}`,
          );
        }
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

  it('red flags in context (invariant 5, v3): each red flag shown to this person gives at least "urgent" with the rest of the answers', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const shown = redFlagsShown(answers);
        // The catalogue's "shown" is the policy's (§1), so that the flags tried are exactly those the person sees.
        const policy = RED_FLAGS.filter((flag) => policyShows(flag, answers));
        check(show(shown) === show(policy), () => `red flags shown ${show(shown)}, policy §1 shows ${show(policy)}`);
        for (const flag of shown) {
          const urgency = recommend({ ...answers, redFlags: [flag] }).urgency;
          check(
            urgencyRank(urgency) >= urgencyRank('urgent'),
            () => `${flag} alone gives ${urgency} (invariant 5: never less than urgent where it is asked)`,
          );
        }
      }),
      run,
    );
  });

  it('safety-netting (policy §2, v3): the "call now if" lines of the table, the warning signs shown, same-day for soon and routine, the pregnancy lines', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = recommend(answers);
        const { pregnancyNote, ...net } = safetyNetOf(ruleSet, result, answers);
        const want = policySafetyNet(result, answers);
        check(show(net) === show(want), () => `safety net ${show(net)}, policy §2 says ${show(want)} for ${show(result)}`);
        // Every urgent result says what should make the person call now (every urgent rule has a line).
        check(result.urgency !== 'urgent' || net.callNowIf.length > 0, () => `urgent result without a "call now if" line: ${show(result)}`);
        // Item 4 is listed for urgent, soon and routine results; on an emergency the code shows it too (see the report).
        if (result.urgency !== 'emergency')
          check(pregnancyNote === policyPregnancyNote(answers), () => `pregnancyNote ${pregnancyNote} for ${show(answers)}`);
      }),
      run,
    );
  });

  it('what a person is told (policy §2, v3): the instruction for the urgency and pregnancy stage, and "why" only at the result\'s urgency', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const result = recommend(answers);
        const stage = laterPregnancy(answers)
          ? 'later'
          : answers.pregnancy === 'postpartum'
            ? 'postpartum'
            : earlyOrUnknownPregnancy(answers)
              ? 'early'
              : 'none';
        const want =
          result.urgency === 'emergency'
            ? stage === 'later'
              ? 'laterPregnancyInstruction'
              : 'instruction'
            : result.urgency === 'urgent'
              ? {
                  later: 'laterPregnancyInstruction',
                  postpartum: 'postpartumInstruction',
                  early: 'earlyPregnancyInstruction',
                  none: 'instruction',
                }[stage]
              : 'instruction';
        const instruction = instructionOf(result, answers);
        check(instruction === want, () => `instruction ${instruction}, policy §2 says ${want} for ${show(result)}`);
        const { why, otherThings } = reasonsShown(ruleSet, result);
        const atUrgency = result.reasons.filter((id) => ruleUrgency.get(id) === result.urgency);
        check(show(why) === show(atUrgency), () => `why ${show(why)}, not the reasons at ${result.urgency} ${show(atUrgency)}`);
        const others = result.urgency === 'emergency' ? [] : result.reasons.filter((id) => ruleUrgency.get(id) !== result.urgency);
        check(show(otherThings) === show(others), () => `other things ${show(otherThings)} for ${show(result)}`);
        check(why.length > 0, () => `no reason shown as "why" for ${show(result)}`);
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
