/**
 * npm run fuzz -- [--count 100000] [--seed N] [--show 3] [--rules rules]
 *
 * Throws many random valid answers at the rules engine and checks the policy's safety
 * invariants on each: totality (a well-formed recommendation with a known specialist,
 * no exception), emergency dominance (an emergency rule fired if and only if the
 * result is an emergency) and monotonicity (one random red flag that the wizard shows
 * for these answers, added, never lowers the urgency). About 1% extra inputs are
 * deliberately invalid (wrong types, unknown ids and fields, out-of-range numbers,
 * answers the wizard would not ask): the validator must return issues for each and
 * never throw, and each issue must turn into the CLI's one-line message (English
 * words from locales/en/errors.json) without throwing. Reports crashes, violations (the first few offending answers as JSON)
 * and throughput, with engine time measured apart from generation. Exit 1 on any
 * crash or violation. Same seed, same run.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { validAnswers } from './answers-arbitrary.ts';
import { validateAnswers, type Answers } from '../../triage/answers/answers-schema.ts';
import { redFlagsShown } from '../../triage/answers/asked-when.ts';
import { describeAnswersIssue } from '../../triage/answers/describe-answers-issue.ts';
import { SPECIALISTS, urgencyRank } from '../../triage/catalogue.ts';
import { evaluateRules, firedRules } from '../../triage/rules/evaluate-rules.ts';
import { readRuleSet } from '../project-files/read-rule-files.ts';
import { englishErrors } from '../project-files/english-errors.ts';
import { recommendationSchema, type Recommendation } from '../../triage/rules/recommendation.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const BATCH = 5_000;
const INVALID_SHARE = 0.01;

const { values: options } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    show: { type: 'string', default: '3' },
    rules: { type: 'string', default: resolve(projectRoot, 'rules') },
  },
});
const count = Number(options.count);
const seed = options.seed === undefined ? Date.now() % 2 ** 31 : Number(options.seed);
const show = Number(options.show);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed) || !Number.isSafeInteger(show) || show < 0) {
  console.error(
    'usage: npm run fuzz -- [--count <positive whole number>] [--seed <whole number>] [--show <examples per problem>] [--rules <folder of rule files>]',
  );
  process.exit(2);
}

/** Small seeded PRNG (mulberry32) for the choices outside fast-check: which red flag to add, which input to break. */
function prng(start: number) {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = prng(seed ^ 0x5eed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// ---------------------------------------------------------------------------------
// Problems found, grouped by kind, with the first few examples of each.
// ---------------------------------------------------------------------------------
const problems = new Map<string, { count: number; examples: unknown[] }>();
function report(kind: string, example: unknown): void {
  const entry = problems.get(kind) ?? { count: 0, examples: [] };
  entry.count += 1;
  if (entry.examples.length < show) entry.examples.push(example);
  problems.set(kind, entry);
}

// ---------------------------------------------------------------------------------
// Deliberately invalid inputs: each is invalid whatever answers it starts from.
// ---------------------------------------------------------------------------------
type Breaker = { name: string; apply: (answers: Answers) => unknown };
const set = (field: string, value: unknown) => (answers: Answers) => ({ ...answers, [field]: value });
const BREAKERS: Breaker[] = [
  ...['30', 30.5, -1, 121, Number.NaN, Number.POSITIVE_INFINITY, null, true, [], {}].map((v) => ({
    name: `age ${JSON.stringify(v) ?? String(v)}`,
    apply: set('age', v),
  })),
  ...['x', 'Female', 1, null, ['female']].map((v) => ({ name: `sex ${JSON.stringify(v)}`, apply: set('sex', v) })),
  ...['maybe', true, null].map((v) => ({ name: `pregnancy ${JSON.stringify(v)}`, apply: set('pregnancy', v) })),
  ...[0, 43, 20.5, '20', null].map((v) => ({ name: `pregnancyWeeks ${JSON.stringify(v)}`, apply: set('pregnancyWeeks', v) })),
  ...[11, -1, 7.5, '7', null].map((v) => ({ name: `painScore ${JSON.stringify(v)}`, apply: set('painScore', v) })),
  ...['true', 1, null].map((v) => ({ name: `active ${JSON.stringify(v)}`, apply: set('active', v) })),
  ...['injured', 2].map((v) => ({ name: `onset ${JSON.stringify(v)}`, apply: set('onset', v) })),
  ...['years', null].map((v) => ({ name: `duration ${JSON.stringify(v)}`, apply: set('duration', v) })),
  ...(['redFlags', 'symptoms', 'riskFactors', 'locations'] as const).flatMap((field) => [
    {
      name: `${field} unknown id`,
      apply: (a: Answers) => ({ ...a, [field]: [...((a[field] as string[] | undefined) ?? []), 'no-such-id'] }),
    },
    { name: `${field} not a list`, apply: set(field, 'fever') },
    { name: `${field} null`, apply: set(field, null) },
    { name: `${field} number in the list`, apply: set(field, [1]) },
    { name: `${field} nested list`, apply: set(field, [['groin']]) },
  ]),
  { name: 'redFlags duplicate', apply: (a) => ({ ...a, redFlags: ['fever', 'fever'] }) },
  { name: 'symptoms duplicate', apply: (a) => ({ ...a, symptoms: ['tingling', 'rest-pain', 'tingling'] }) },
  { name: 'locations empty', apply: set('locations', []) },
  { name: 'unknown field', apply: set('foo', 1) },
  { name: 'unknown field "constructor"', apply: set('constructor', 'x') },
  { name: 'own "__proto__" field', apply: (a) => JSON.parse(JSON.stringify(a).replace(/^\{/, '{"__proto__":{"age":1},')) },
  { name: 'age missing', apply: ({ age: _age, ...rest }) => rest },
  { name: 'sex missing', apply: ({ sex: _sex, ...rest }) => rest },
  { name: 'pregnancy when male', apply: (a) => ({ ...a, sex: 'male', pregnancy: 'no' }) },
  { name: 'pregnancy at 60', apply: (a) => ({ ...a, age: 60, pregnancy: 'pregnant' }) },
  { name: 'pregnancyWeeks when not pregnant', apply: (a) => ({ ...a, age: 30, sex: 'female', pregnancy: 'no', pregnancyWeeks: 20 }) },
  {
    name: 'pregnancy red flag when not pregnant',
    apply: (a) => ({ ...a, age: 30, sex: 'male', pregnancy: undefined, redFlags: ['contractions'] }),
  },
  { name: 'limp red flag for an adult', apply: (a) => ({ ...a, age: 40, redFlags: ['limp'] }) },
  {
    name: 'limp symptom for a child',
    apply: (a) => ({ ...a, age: 8, pregnancy: undefined, pregnancyWeeks: undefined, symptoms: ['limp'] }),
  },
  ...[null, undefined, 42, 'answers', true, []].map((v) => ({
    name: `not an object: ${JSON.stringify(v) ?? 'undefined'}`,
    apply: () => v,
  })),
  { name: 'array of answers', apply: (a) => [a] },
];

/** The CLI's words for validation issues. */
const i18n = await englishErrors();

function checkInvalid(answers: Answers): void {
  const breaker = pick(BREAKERS);
  const input = breaker.apply(answers);
  let result: ReturnType<typeof validateAnswers>;
  try {
    result = validateAnswers(input);
  } catch (error) {
    report(`crash: validateAnswers threw (${breaker.name})`, { input, error: String(error) });
    return;
  }
  if (result.success) {
    report(`validator accepted an invalid input (${breaker.name})`, input);
    return;
  }
  if (
    !Array.isArray(result.issues) ||
    result.issues.length === 0 ||
    !result.issues.every((issue) => Array.isArray(issue.path) && typeof issue.message === 'string' && issue.message.startsWith('answers.'))
  ) {
    report(`validator returned malformed issues (${breaker.name})`, { input, issues: result.issues });
    return;
  }
  for (const issue of result.issues) {
    if (!i18n.exists(issue.message, { ns: 'errors' }))
      report(`issue without English words in locales/en/errors.json (${breaker.name})`, { input, issue });
    try {
      describeAnswersIssue(issue, input, i18n.t);
    } catch (error) {
      report(`crash: describeAnswersIssue threw, so the CLI exits 1 instead of naming the field (${breaker.name})`, {
        input,
        issue,
        error: String(error),
      });
    }
  }
}

// ---------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------
const ruleSet = readRuleSet(options.rules);
const emergencyRules = new Set(ruleSet.rules.filter((rule) => rule.urgency === 'emergency').map((rule) => rule.id));
const time = { generation: 0, engine: 0, checks: 0, validation: 0 };
let evaluations = 0;
let invalidInputs = 0;
const urgencies = new Map<string, number>();

/** Evaluates with the engine, timing it; an exception is a crash (reported, undefined returned). */
function evaluate(answers: Answers): Recommendation | undefined {
  const started = performance.now();
  try {
    return evaluateRules(ruleSet, answers);
  } catch (error) {
    report('crash: the engine threw', { answers, error: String(error) });
    return undefined;
  } finally {
    time.engine += performance.now() - started;
    evaluations += 1;
  }
}

const started = performance.now();
for (let done = 0, batch = 0; done < count; batch += 1) {
  const size = Math.min(BATCH, count - done);
  let t = performance.now();
  const sample = fc.sample(validAnswers, { seed: seed + batch, numRuns: size });
  time.generation += performance.now() - t;

  for (const answers of sample) {
    t = performance.now();
    const validation = validateAnswers(answers);
    time.validation += performance.now() - t;
    if (!validation.success)
      report('generator produced answers the validator rejects (a bug in the arbitrary or the schema)', {
        answers,
        issues: validation.issues,
      });

    const result = evaluate(answers);
    if (result === undefined) continue;
    urgencies.set(result.urgency, (urgencies.get(result.urgency) ?? 0) + 1);

    // Monotonicity: one random red flag shown for these answers and not yet ticked.
    const candidates = redFlagsShown(answers).filter((flag) => !answers.redFlags?.includes(flag));
    const more = candidates.length > 0 ? { ...answers, redFlags: [...(answers.redFlags ?? []), pick(candidates)] } : undefined;
    const moreResult = more && evaluate(more);

    t = performance.now();
    if (!z.safeParse(recommendationSchema, result).success || !(SPECIALISTS as readonly string[]).includes(result.specialist)) {
      report('totality: not a well-formed recommendation with a known specialist', { answers, result });
    }
    const emergencyFired = firedRules(ruleSet, answers).some((rule) => emergencyRules.has(rule.id));
    if (emergencyFired !== (result.urgency === 'emergency')) {
      report('emergency dominance: an emergency rule fired but the result is not an emergency, or the reverse', { answers, result });
    }
    if (more && moreResult && urgencyRank(moreResult.urgency) < urgencyRank(result.urgency)) {
      report('monotonicity: adding a red flag lowered the urgency', {
        answers,
        urgency: result.urgency,
        withAddedRedFlag: more,
        urgencyAfter: moreResult.urgency,
      });
    }
    time.checks += performance.now() - t;

    if (random() < INVALID_SHARE) {
      t = performance.now();
      checkInvalid(answers);
      invalidInputs += 1;
      time.validation += performance.now() - t;
    }
  }
  done += size;
}
const total = performance.now() - started;

// ---------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (items: number, ms: number) => `${n(items / (ms / 1000))}/s`;

console.log(
  `fuzz: ${n(count)} valid answers against ${relative(process.cwd(), options.rules) || options.rules} (seed ${seed}; rerun with --seed ${seed}) and ${n(invalidInputs)} deliberately invalid inputs`,
);
console.log(`  total       ${s(total).padStart(9)}   ${rate(count, total)} answers end to end`);
console.log(`  generation  ${s(time.generation).padStart(9)}   ${rate(count, time.generation)} answers generated`);
console.log(
  `  engine      ${s(time.engine).padStart(9)}   ${rate(evaluations, time.engine)} evaluations (${n(evaluations)}, the added-red-flag ones included)`,
);
console.log(`  checks      ${s(time.checks).padStart(9)}   schema, firedRules, comparisons`);
console.log(
  `  validation  ${s(time.validation).padStart(9)}   validateAnswers on every valid and invalid input (and the CLI's messages for the invalid ones)`,
);
console.log(
  `  urgencies   ${[...urgencies]
    .sort((a, b) => b[1] - a[1])
    .map(([u, c]) => `${u} ${((100 * c) / count).toFixed(1)}%`)
    .join(', ')}`,
);

const crashes = [...problems].filter(([kind]) => kind.startsWith('crash')).reduce((sum, [, p]) => sum + p.count, 0);
const violations = [...problems].reduce((sum, [, p]) => sum + p.count, 0) - crashes;
console.log(`crashes: ${crashes}, invariant violations: ${violations}`);
for (const [kind, { count: times, examples }] of problems) {
  console.log(`\n✗ ${kind}: ${n(times)} time(s); first ${examples.length}:`);
  for (const example of examples) console.log(`  ${JSON.stringify(example)}`);
}
if (problems.size > 0) process.exit(1);
console.log('✓ no crash, no invariant violation');
