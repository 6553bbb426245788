// @vitest-environment node
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { vignettes } from '../fixtures/vignettes.ts';
import {
  GENERAL_RED_FLAGS,
  NUMBER_RANGES,
  LOCATIONS,
  PREGNANCY_STATUSES,
  RISK_FACTORS,
  SEXES,
  type ContentId,
  type Finding,
  type Location,
  type Specialist,
  type Urgency,
} from '@/triage/catalogue.ts';
import { isPregnancyAsked, redFlagsShown, symptomsShown } from '@/triage/answers/asked-when.ts';
import { validateAnswers, type Answers } from '@/triage/answers/answers-schema.ts';
import { analyseRuleSet } from '@/triage/rules/analyse-rules.ts';
import { compileRuleFilesWithOrigins, type RuleFileSource } from '@/triage/rules/compile-rule-files.ts';
import { evaluateRules } from '@/triage/rules/evaluate-rules.ts';
import { DEFINITIONS } from '@/triage/rules/conditions.ts';
import { readRuleFileSources } from '@/tooling/read-rule-files.ts';
import { satisfiableBoxes } from '@/triage/rules/condition-space.ts';
import type { CompiledRule, Condition, RuleSet } from '@/triage/rules/rule-schema.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import { BOUNDARY_AGES, validAnswers } from '@/tooling/answers-arbitrary.ts';

/**
 * Does the safety net catch a wrong edit of the rule files? Each "mutant" is a copy of
 * the real rule files with one plausible clinical mistake (an emergency rule deleted
 * or downgraded, an age or pain threshold off by one, a red flag dropped or mistyped,
 * a definition narrowed). Every mutant must make at least one safety check fail:
 *
 *  - worked cases: the policy's worked examples (tests/fixtures/vignettes.json);
 *  - policy oracle: an independent implementation of policy §3 written by hand from
 *    the policy tables below (it never reads the YAML), compared on ~3,000 seeded
 *    generated answers plus systematic boundary answers;
 *  - rule checker: the reasoning of `npm run rules:check` (rules that can never fire,
 *    red flags that lead nowhere urgent).
 *
 * A surviving mutant means a clinician could make that mistake and every test would
 * still pass: the test names it in plain words.
 */

// ---------------------------------------------------------------------------------
// The policy oracle: policy §3, transcribed by hand. Keep it in step with
// clinical-policy.md, never with the YAML.
// ---------------------------------------------------------------------------------

const findingsOf = (a: Answers): readonly string[] => [...(a.redFlags ?? []), ...(a.symptoms ?? []), ...(a.riskFactors ?? [])];
const has = (a: Answers, ...anyOf: Finding[]) => anyOf.some((finding) => findingsOf(a).includes(finding));
const at = (a: Answers, ...anyOf: Location[]) => anyOf.some((location) => a.locations?.includes(location) ?? false);
const child = (a: Answers) => a.age < 16;
const adolescent = (a: Answers) => a.age >= 16 && a.age < 18;
const pregnant = (a: Answers) => a.pregnancy === 'pregnant';
const peripartum = (a: Answers) => a.pregnancy === 'pregnant' || a.pregnancy === 'postpartum';
const postpartum = (a: Answers) => a.pregnancy === 'postpartum';
const sudden = (a: Answers) => a.onset === 'sudden';
const fragilityRisk = (a: Answers) =>
  has(a, 'fragility-fracture', 'steroids', 'height-loss') ||
  (has(a, 'menopause') && has(a, 'smoking', 'alcohol', 'low-weight', 'family-osteoporosis'));
const injury = (a: Answers) => a.onset === 'injury';
const painAtLeast = (a: Answers, score: number) => a.painScore !== undefined && a.painScore >= score;

interface PolicyRule {
  id: string;
  urgency: Urgency;
  when: (a: Answers) => boolean;
  specialist: Specialist;
  also?: Specialist[];
  content?: ContentId[];
  adds?: true;
}

const E = 'emergency';
const U = 'urgent';
const S = 'soon';
const R = 'routine';

/** Policy §3, table by table, in the policy's order. R-default is handled in `oracleFired`. */
const POLICY: PolicyRule[] = [
  {
    id: 'E-fracture',
    urgency: E,
    when: (a) => injury(a) && has(a, 'cannot-bear-weight', 'leg-deformed'),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  {
    id: 'E-fracture-older',
    urgency: E,
    when: (a) => a.age >= 65 && has(a, 'cannot-bear-weight'),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  {
    id: 'E-deformity',
    urgency: E,
    when: (a) => has(a, 'leg-deformed') && (a.age >= 65 || sudden(a)),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  {
    id: 'E-pathological-fracture',
    urgency: E,
    when: (a) => has(a, 'cancer-history') && has(a, 'cannot-bear-weight'),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  {
    id: 'E-prosthesis',
    urgency: E,
    when: (a) => has(a, 'hip-replacement') && has(a, 'fever', 'leg-deformed', 'cannot-bear-weight'),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  { id: 'E-infection', urgency: E, when: (a) => has(a, 'fever') && has(a, 'hot-swollen-joint'), specialist: 'emergency-department' },
  {
    id: 'E-infection-hip',
    urgency: E,
    when: (a) => a.age >= 16 && has(a, 'fever') && has(a, 'cannot-bear-weight'),
    specialist: 'emergency-department',
    also: ['orthopedist'],
  },
  {
    id: 'E-child-infection',
    urgency: E,
    when: (a) => a.age < 18 && has(a, 'fever') && has(a, 'limp', 'cannot-bear-weight', 'leg-not-moving'),
    specialist: 'emergency-department',
    also: ['pediatric-orthopedist'],
  },
  {
    id: 'E-infant-fever',
    urgency: E,
    when: (a) => a.age === 0 && has(a, 'fever'),
    specialist: 'emergency-department',
    also: ['pediatric-orthopedist'],
  },
  {
    id: 'E-nerve',
    urgency: E,
    when: (a) => has(a, 'saddle-numbness', 'bladder-bowel', 'leg-weakness', 'both-legs-nerve-pain'),
    specialist: 'emergency-department',
    also: ['neurologist'],
  },
  { id: 'E-chest', urgency: E, when: (a) => has(a, 'breathless'), specialist: 'emergency-department' },
  { id: 'E-very-unwell', urgency: E, when: (a) => has(a, 'very-unwell'), specialist: 'emergency-department' },
  { id: 'E-limb', urgency: E, when: (a) => has(a, 'cold-pale-leg'), specialist: 'emergency-department' },
  {
    id: 'E-pregnancy',
    urgency: E,
    when: (a) =>
      pregnant(a) &&
      has(
        a,
        'vaginal-bleeding',
        'severe-abdominal-pain',
        'dizziness-fainting',
        'contractions',
        'reduced-movements',
        'waters-breaking',
        'preeclampsia-signs',
      ),
    specialist: 'obstetrician',
    also: ['emergency-department'],
  },
  {
    id: 'E-pregnancy-unsure',
    urgency: E,
    when: (a) => a.pregnancy === 'unsure' && has(a, 'vaginal-bleeding', 'severe-abdominal-pain', 'dizziness-fainting'),
    specialist: 'emergency-department',
    also: ['obstetrician'],
  },
  {
    id: 'E-postpartum',
    urgency: E,
    when: (a) => postpartum(a) && has(a, 'vaginal-bleeding', 'severe-abdominal-pain', 'dizziness-fainting', 'preeclampsia-signs'),
    specialist: 'obstetrician',
    also: ['emergency-department'],
  },

  { id: 'U-clot-pregnancy', urgency: U, when: (a) => peripartum(a) && has(a, 'calf-swelling'), specialist: 'obstetrician' },
  { id: 'U-clot', urgency: U, when: (a) => has(a, 'calf-swelling'), specialist: 'gp' },
  {
    id: 'U-pregnancy-infection',
    urgency: U,
    when: (a) => peripartum(a) && has(a, 'fever', 'burning-urination'),
    specialist: 'obstetrician',
  },
  { id: 'U-hot-joint', urgency: U, when: (a) => has(a, 'hot-swollen-joint'), specialist: 'gp', also: ['rheumatologist'] },
  {
    id: 'U-child-walking',
    urgency: U,
    when: (a) => child(a) && has(a, 'limp', 'cannot-bear-weight', 'leg-not-moving', 'leg-deformed'),
    specialist: 'pediatric-orthopedist',
  },
  { id: 'U-child-night-pain', urgency: U, when: (a) => child(a) && has(a, 'rest-pain'), specialist: 'pediatric-orthopedist' },
  { id: 'U-child-sudden', urgency: U, when: (a) => child(a) && sudden(a), specialist: 'pediatric-orthopedist' },
  { id: 'U-adolescent-walking', urgency: U, when: (a) => adolescent(a) && has(a, 'limp'), specialist: 'orthopedist' },
  { id: 'U-deformity', urgency: U, when: (a) => has(a, 'leg-deformed'), specialist: 'orthopedist' },
  { id: 'U-cannot-bear-weight', urgency: U, when: (a) => has(a, 'cannot-bear-weight'), specialist: 'orthopedist' },
  { id: 'U-injury', urgency: U, when: (a) => injury(a) && (a.age >= 65 || painAtLeast(a, 7)), specialist: 'orthopedist' },
  { id: 'U-fragility-injury', urgency: U, when: (a) => injury(a) && fragilityRisk(a), specialist: 'orthopedist' },
  { id: 'U-cancer', urgency: U, when: (a) => has(a, 'cancer-history', 'weight-loss'), specialist: 'gp', also: ['orthopedist'] },
  { id: 'U-severe-sudden', urgency: U, when: (a) => painAtLeast(a, 8) && sudden(a), specialist: 'gp', also: ['orthopedist'] },
  { id: 'U-fever', urgency: U, when: (a) => has(a, 'fever'), specialist: 'gp' },
  { id: 'U-urinary', urgency: U, when: (a) => has(a, 'burning-urination'), specialist: 'gp' },

  { id: 'S-injury', urgency: S, when: injury, specialist: 'orthopedist' },
  { id: 'S-inflammatory', urgency: S, when: (a) => has(a, 'morning-stiffness', 'several-joints'), specialist: 'rheumatologist' },
  {
    id: 'S-bone-fragility',
    urgency: S,
    when: (a) => has(a, 'fragility-fracture', 'height-loss'),
    specialist: 'endocrinologist',
    content: ['diffuse-osteoporosis'],
  },
  {
    id: 'S-pelvic-girdle',
    urgency: S,
    when: (a) => peripartum(a) && (at(a, 'pubic') || has(a, 'pelvic-pain-moving')),
    specialist: 'obstetrician',
    also: ['physiotherapist'],
    content: ['hip-pain-pregnancy'],
  },
  { id: 'S-child', urgency: S, when: child, specialist: 'pediatric-orthopedist', content: ['hip-joint-degeneration'] },
  {
    id: 'S-advanced-wear',
    urgency: S,
    when: (a) => a.age >= 16 && has(a, 'rest-pain', 'limp', 'stiff-hip'),
    specialist: 'orthopedist',
    also: ['physiotherapist'],
    content: ['hip-joint-degeneration'],
  },
  { id: 'S-severe-pain', urgency: S, when: (a) => painAtLeast(a, 8), specialist: 'gp' },

  { id: 'R-pregnancy', urgency: R, when: pregnant, specialist: 'obstetrician', also: ['physiotherapist'], content: ['hip-pain-pregnancy'] },
  {
    id: 'R-sciatica',
    urgency: R,
    when: (a) => at(a, 'buttock', 'lower-back') && has(a, 'radiates-below-knee', 'tingling'),
    specialist: 'neurologist',
    also: ['physiotherapist'],
    content: ['hip-pain-physiotherapy'],
  },
  {
    id: 'R-labral',
    urgency: R,
    when: (a) => a.age >= 16 && a.age < 50 && has(a, 'clicking-locking'),
    specialist: 'hip-preservation-surgeon',
    also: ['physiotherapist'],
    content: ['hip-preservation-surgery'],
  },
  {
    id: 'R-labral-older',
    urgency: R,
    when: (a) => a.age >= 50 && has(a, 'clicking-locking'),
    specialist: 'orthopedist',
    content: ['hip-joint-degeneration'],
  },
  {
    id: 'R-impingement-active',
    urgency: R,
    when: (a) => a.age >= 16 && a.age < 50 && a.active === true && at(a, 'groin') && has(a, 'activity-pain'),
    specialist: 'hip-preservation-surgeon',
    also: ['physiotherapist'],
    content: ['hip-preservation-surgery'],
  },
  {
    id: 'R-wear',
    urgency: R,
    when: (a) => a.age >= 40 && at(a, 'groin') && has(a, 'activity-pain'),
    specialist: 'orthopedist',
    also: ['physiotherapist'],
    content: ['hip-joint-degeneration', 'hip-pain-physiotherapy'],
  },
  {
    id: 'R-lateral',
    urgency: R,
    when: (a) => at(a, 'outer-hip') && has(a, 'lying-on-side'),
    specialist: 'physiotherapist',
    also: ['orthopedist'],
    content: ['hip-pain-physiotherapy'],
  },
  {
    id: 'R-postpartum',
    urgency: R,
    when: (a) => a.pregnancy === 'postpartum',
    specialist: 'physiotherapist',
    also: ['gp'],
    content: ['hip-pain-pregnancy'],
  },
  {
    id: 'R-pregnancy-unsure',
    urgency: R,
    when: (a) => a.pregnancy === 'unsure',
    specialist: 'gp',
    also: ['obstetrician'],
    content: ['hip-pain-pregnancy'],
  },
  {
    id: 'R-bone-screen',
    urgency: R,
    adds: true,
    when: (a) =>
      (a.sex !== 'male' && a.age >= 65) ||
      (a.sex === 'male' && a.age >= 70) ||
      has(a, 'steroids') ||
      (has(a, 'menopause') && has(a, 'smoking', 'alcohol', 'low-weight', 'family-osteoporosis')),
    specialist: 'endocrinologist',
    content: ['diffuse-osteoporosis'],
  },
];
const DEFAULT_RULE: PolicyRule = {
  id: 'R-default',
  urgency: R,
  when: () => false,
  specialist: 'gp',
  also: ['physiotherapist'],
  content: ['hip-pain-physiotherapy'],
};
const POLICY_IDS = [...POLICY.map((rule) => rule.id), DEFAULT_RULE.id];
const RANK: Record<Urgency, number> = { emergency: 4, urgent: 3, soon: 2, routine: 1 };

/** The rules policy §3 says fire for these answers, in policy order. */
function oracleFired(a: Answers): PolicyRule[] {
  const fired = POLICY.filter((rule) => rule.when(a));
  return fired.some((rule) => !rule.adds) ? fired : [...fired, DEFAULT_RULE];
}

/** The recommendation policy §2–§3 gives, by the combination rules in the policy's words. */
function oracleRecommend(a: Answers): Recommendation {
  const fired = oracleFired(a);
  const deciding = fired.filter((rule) => !rule.adds);
  const urgency = deciding.map((rule) => rule.urgency).reduce((best, u) => (RANK[u] > RANK[best] ? u : best));
  const primary = deciding.find((rule) => rule.urgency === urgency)!.specialist;
  const once = <T>(list: T[]) => list.filter((item, index) => list.indexOf(item) === index);
  return {
    urgency,
    specialist: primary,
    alsoConsider: once(fired.flatMap((rule) => [rule.specialist, ...(rule.also ?? [])])).filter((s) => s !== primary),
    content: once(fired.flatMap((rule) => rule.content ?? [])),
    reasons: [...fired].sort((x, y) => RANK[y.urgency] - RANK[x.urgency]).map((rule) => rule.id),
  };
}

// ---------------------------------------------------------------------------------
// The answers the checks run on: a seeded sample plus systematic boundary answers.
// ---------------------------------------------------------------------------------

const SEED = 7_031_966;

/**
 * Ages where a rule combining red flags has an age threshold (policy §3: fever with
 * leg-not-moving under 5 in E-child-infection; child below 16 in U-child-walking; 16 in
 * E-infection-hip; under 18 in E-child-infection; 65 in E-fracture-older), each with the
 * age on the other side where there is one: pairs of red flags are tried there.
 */
const RED_FLAG_PAIR_AGES = [4, 15, 16, 17, 18, 64, 65];

/**
 * Systematic answers at every boundary age, for every sex and pregnancy answer that can
 * be given: nothing else, and everything ticked (with and without injury, at pain
 * scores around the thresholds). Then, as sparse answers that show a single missing
 * link: each red flag on its own (with and without injury), each symptom, each risk
 * factor, and each pair of red flags at RED_FLAG_PAIR_AGES. The sparse ones are given
 * for male, and for female when pregnant, unsure or postpartum: no rule on red flags,
 * symptoms or risk factors depends on sex otherwise (and the random sample mixes all).
 */
function boundaryAnswers(): Answers[] {
  const out: Answers[] = [];
  for (const age of BOUNDARY_AGES) {
    for (const sex of SEXES) {
      const pregnancies = isPregnancyAsked({ age, sex }) ? [undefined, ...PREGNANCY_STATUSES] : [undefined];
      for (const pregnancy of pregnancies) {
        const context = { age, sex, redFlags: [], ...(pregnancy && { pregnancy }) } as Answers;
        const redFlags = redFlagsShown(context);
        const symptoms = symptomsShown(context);
        const everything = { ...context, redFlags, locations: [...LOCATIONS], symptoms, riskFactors: [...RISK_FACTORS], active: true };
        out.push(context, { ...everything, onset: 'gradual' });
        for (const painScore of [undefined, 6, 7, 8])
          out.push({ ...everything, onset: 'injury', ...(painScore !== undefined && { painScore }) });
        if (!(sex === 'male' || (sex === 'female' && pregnancy !== undefined && pregnancy !== 'no'))) continue;
        redFlags.forEach((flag, index) => {
          out.push(
            { ...context, redFlags: [flag] },
            { ...context, redFlags: [flag], onset: 'injury' },
            { ...context, redFlags: [flag], onset: 'sudden' },
            { ...context, redFlags: [flag], riskFactors: ['hip-replacement'] },
          );
          if (!RED_FLAG_PAIR_AGES.includes(age)) return;
          for (const other of redFlags.slice(index + 1)) out.push({ ...context, redFlags: [flag, other] });
        });
        for (const symptom of symptoms) out.push({ ...context, symptoms: [symptom], locations: [...LOCATIONS], active: true });
        for (const factor of RISK_FACTORS)
          out.push({ ...context, riskFactors: [factor] }, { ...context, riskFactors: [factor], onset: 'injury' });
        for (const symptom of symptoms) out.push({ ...context, symptoms: [symptom], onset: 'injury' });
        for (const painScore of [7, 8]) out.push({ ...context, onset: 'sudden', painScore });
      }
    }
  }
  return out;
}

const sample: Answers[] = [...fc.sample(validAnswers, { seed: SEED, numRuns: 3_000 }), ...boundaryAnswers()];
const expected = sample.map((answers) => ({ answers, recommendation: oracleRecommend(answers) }));

// ---------------------------------------------------------------------------------
// The safety checks, as plain functions of a rule set.
// ---------------------------------------------------------------------------------

interface CheckResult {
  caught: boolean;
  detail: string;
}

const show = (value: unknown) => JSON.stringify(value);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** What a rule set gives for every sampled answer, computed once per rule set and shared by the oracle checks. */
interface Subject {
  ruleSet: RuleSet;
  origins: Record<string, string>;
  results: Recommendation[];
}

function mismatches(
  subject: Subject,
  compare: (entry: (typeof expected)[number], result: Recommendation) => string | undefined,
): CheckResult {
  let count = 0;
  let example = '';
  expected.forEach((entry, index) => {
    const problem = compare(entry, subject.results[index]!);
    if (problem === undefined) return;
    count += 1;
    if (count === 1) example = `${problem} for ${show(entry.answers)}`;
  });
  return { caught: count > 0, detail: count > 0 ? `${count} of ${expected.length} answers, e.g. ${example}` : '' };
}

const CHECKS: { name: string; run: (subject: Subject) => CheckResult }[] = [
  {
    name: 'worked cases',
    run: ({ ruleSet }) => {
      const wrong = vignettes.filter((v) => show(evaluateRules(ruleSet, v.answers)) !== show(v.expected));
      return { caught: wrong.length > 0, detail: wrong.length > 0 ? `${wrong.length} case(s), e.g. "${wrong[0]!.title}"` : '' };
    },
  },
  {
    name: 'policy oracle: urgency',
    run: (subject) =>
      mismatches(subject, (entry, result) =>
        result.urgency === entry.recommendation.urgency ? undefined : `${result.urgency} instead of ${entry.recommendation.urgency}`,
      ),
  },
  {
    name: 'policy oracle: who to see and what to read',
    run: (subject) =>
      mismatches(subject, (entry, result) => {
        const want = entry.recommendation;
        if (
          result.specialist === want.specialist &&
          sameList(result.alsoConsider, want.alsoConsider) &&
          sameList(result.content, want.content)
        )
          return undefined;
        const pick = ({ specialist, alsoConsider, content }: Recommendation) => show({ specialist, alsoConsider, content });
        return `${pick(result)} instead of ${pick(want)}`;
      }),
  },
  {
    name: 'policy oracle: rules fired',
    run: (subject) =>
      mismatches(subject, (entry, result) => {
        // `reasons` are the fired rules, most urgent first and otherwise in rule order
        // (the property tests prove them against firedRules).
        if (sameList(result.reasons, entry.recommendation.reasons)) return undefined;
        const missing = entry.recommendation.reasons.filter((id) => !result.reasons.includes(id));
        const extra = result.reasons.filter((id) => !entry.recommendation.reasons.includes(id));
        return missing.length + extra.length === 0
          ? `reasons in the order ${show(result.reasons)} instead of ${show(entry.recommendation.reasons)}`
          : `missing ${show(missing)}, extra ${show(extra)}`;
      }),
  },
  {
    name: 'rule checker',
    run: ({ ruleSet, origins }) => {
      const { errors } = analyseRuleSet(ruleSet, origins);
      return { caught: errors.length > 0, detail: errors[0] ?? '' };
    },
  },
];

function runChecks(ruleSet: RuleSet, origins: Record<string, string>) {
  const subject: Subject = { ruleSet, origins, results: expected.map((entry) => evaluateRules(ruleSet, entry.answers)) };
  return CHECKS.map((check) => ({ name: check.name, ...check.run(subject) }));
}

// ---------------------------------------------------------------------------------
// Mutants: in-memory copies of the rule files with one mistake each.
// ---------------------------------------------------------------------------------

interface YamlRule {
  id: string;
  when?: Condition;
  [key: string]: unknown;
}
interface YamlFile {
  urgency: Urgency;
  rules: YamlRule[];
  [key: string]: unknown;
}

const sources = readRuleFileSources('rules');
const parsedSources = sources.map((source) => ({ name: source.name, doc: parse(source.text) as YamlFile }));
const real = compileRuleFilesWithOrigins(sources);

interface Mutant {
  /** Plain words, e.g. "Weakening E-nerve (moved to urgent)". */
  name: string;
  files: RuleFileSource[];
}

/** A copy of the rule files with `edit` applied to the parsed YAML of every file. */
function mutant(name: string, edit: (files: YamlFile[]) => void): Mutant {
  const docs = parsedSources.map(({ doc }) => structuredClone(doc));
  edit(docs);
  return { name, files: parsedSources.map(({ name: file }, i) => ({ name: file, text: stringify(docs[i]) })) };
}

const fileOf = (docs: YamlFile[], urgency: Urgency) => docs.find((doc) => doc.urgency === urgency)!;
const ruleIn = (docs: YamlFile[], id: string) => docs.flatMap((doc) => doc.rules).find((rule) => rule.id === id)!;

/** Every condition node of a rule with its path (keys into nested all/any lists). */
function* conditionsOf(
  condition: Condition | undefined,
  path: (string | number)[] = [],
): Generator<{ node: Condition; path: (string | number)[] }> {
  if (!condition) return;
  yield { node: condition, path };
  for (const key of ['all', 'any'] as const) {
    for (const [index, child] of (condition[key] ?? []).entries()) yield* conditionsOf(child, [...path, key, index]);
  }
}
const nodeAt = (rule: YamlRule, path: (string | number)[]): Condition =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], rule.when) as Condition;

const describeRange = (range: { atLeast?: number | undefined; below?: number | undefined }) =>
  [range.atLeast !== undefined && `≥ ${range.atLeast}`, range.below !== undefined && `< ${range.below}`].filter(Boolean).join(' and ');

function buildMutants(): { mutants: Mutant[]; emergencyIds: string[] } {
  const mutants: Mutant[] = [];
  const names = new Set<string>();
  const add = (m: Mutant) => {
    if (!names.has(m.name)) mutants.push(m);
    names.add(m.name);
  };
  const emergencyIds = real.ruleSet.rules.filter((rule) => rule.urgency === 'emergency').map((rule) => rule.id);

  // (i) and (ii): each emergency and urgent rule deleted, and downgraded one step.
  for (const id of emergencyIds) {
    add(
      mutant(`Deleting ${id}`, (docs) => {
        const file = fileOf(docs, 'emergency');
        file.rules = file.rules.filter((rule) => rule.id !== id);
      }),
    );
    add(
      mutant(`Weakening ${id} (moved to urgent)`, (docs) => {
        const file = fileOf(docs, 'emergency');
        const rule = file.rules.find((r) => r.id === id)!;
        file.rules = file.rules.filter((r) => r !== rule);
        fileOf(docs, 'urgent').rules.push({ ...rule, id: `${id.replace(/^E-/, 'U-')}-weakened`, callNowIf: 'very-unwell' });
      }),
    );
  }

  for (const id of real.ruleSet.rules.filter((rule) => rule.urgency === 'urgent').map((rule) => rule.id)) {
    add(
      mutant(`Deleting ${id}`, (docs) => {
        const file = fileOf(docs, 'urgent');
        file.rules = file.rules.filter((rule) => rule.id !== id);
      }),
    );
    add(
      mutant(`Weakening ${id} (moved to soon)`, (docs) => {
        const file = fileOf(docs, 'urgent');
        const { callNowIf: _line, ...rule } = file.rules.find((r) => r.id === id)!;
        file.rules = file.rules.filter((r) => r.id !== id);
        fileOf(docs, 'soon').rules.push({ ...rule, id: `${id.replace(/^U-/, 'S-')}-weakened` });
      }),
    );
  }

  for (const { doc } of parsedSources) {
    for (const rule of doc.rules) {
      const emergency = doc.urgency === 'emergency';
      for (const { node, path } of conditionsOf(rule.when)) {
        // (iii) and all files: age and pain thresholds shifted by one year/point each way.
        for (const field of ['age', 'painScore'] as const) {
          const range = node[field];
          if (!range) continue;
          for (const bound of ['atLeast', 'below'] as const) {
            if (range[bound] === undefined) continue;
            for (const delta of [+1, -1]) {
              const shifted = { ...range, [bound]: range[bound]! + delta };
              if (shifted.atLeast !== undefined && shifted.below !== undefined && shifted.atLeast >= shifted.below) continue;
              // A threshold outside the answer's range is refused by the rule schema: no mistake a clinician could ship.
              const { min, max } = NUMBER_RANGES[field];
              if (shifted[bound]! <= min || shifted[bound]! > max) continue;
              // For an emergency rule, the unsafe direction makes it fire for fewer people.
              const unsafe = emergency && ((bound === 'atLeast' && delta > 0) || (bound === 'below' && delta < 0));
              add(
                mutant(
                  `Shifting ${rule.id}'s ${field} threshold from ${describeRange(range)} to ${describeRange(shifted)}${unsafe ? ' (unsafe direction)' : ''}`,
                  (docs) => {
                    nodeAt(ruleIn(docs, rule.id), path)[field] = shifted;
                  },
                ),
              );
            }
          }
        }
        // Definitions used with `is:` (child, adult, possibly-pregnant, ...), written out
        // as the condition they stand for, with a shifted age or one pregnancy answer left out.
        const definition = node.is ? (DEFINITIONS[node.is] as Condition) : undefined;
        for (const bound of ['atLeast', 'below'] as const) {
          const age = definition?.age?.[bound];
          if (age === undefined) continue;
          for (const delta of [+1, -1]) {
            const shifted = { ...definition!.age, [bound]: age + delta };
            const unsafe = emergency && ((bound === 'atLeast' && delta > 0) || (bound === 'below' && delta < 0));
            add(
              mutant(
                `Shifting ${rule.id}'s "${node.is}" from age ${describeRange(definition!.age!)} to ${describeRange(shifted)}${unsafe ? ' (unsafe direction)' : ''}`,
                (docs) => {
                  const target = nodeAt(ruleIn(docs, rule.id), path);
                  delete target.is;
                  target.age = shifted;
                },
              ),
            );
          }
        }
        const statuses = definition?.pregnancy ?? node.pregnancy;
        if (statuses && statuses.length > 1 && (doc.urgency === 'emergency' || doc.urgency === 'urgent')) {
          for (const dropped of statuses) {
            add(
              mutant(
                `Narrowing ${rule.id}'s ${node.is ? `"${node.is}"` : 'pregnancy condition'} to leave out pregnancy "${dropped}"`,
                (docs) => {
                  const target = nodeAt(ruleIn(docs, rule.id), path);
                  delete target.is;
                  target.pregnancy = statuses.filter((status) => status !== dropped);
                },
              ),
            );
          }
        }
        // Red-flag mapping of emergency and urgent rules: one id dropped from a list, or
        // a single `has:` pointing at the wrong red flag.
        if (doc.urgency !== 'emergency' && doc.urgency !== 'urgent') continue;
        if (node.hasAny && node.hasAny.length > 1) {
          for (const dropped of node.hasAny) {
            add(
              mutant(`Dropping "${dropped}" from ${rule.id}'s list [${node.hasAny.join(', ')}]`, (docs) => {
                const target = nodeAt(ruleIn(docs, rule.id), path);
                target.hasAny = target.hasAny!.filter((id) => id !== dropped);
              }),
            );
          }
        }
        if (node.has) {
          const used = new Set([...conditionsOf(rule.when)].flatMap(({ node: n }) => [n.has, ...(n.hasAny ?? [])]));
          const start = GENERAL_RED_FLAGS.indexOf(node.has as never);
          const replacement = [...GENERAL_RED_FLAGS.slice(start + 1), ...GENERAL_RED_FLAGS].find((flag) => !used.has(flag))!;
          add(
            mutant(`Replacing "has: ${node.has}" with "has: ${replacement}" in ${rule.id}`, (docs) => {
              nodeAt(ruleIn(docs, rule.id), path).has = replacement;
            }),
          );
        }
      }
    }
  }
  // Rule order decides who to see first and the order of "also consider" and reading:
  // each rule swapped with the one above it, where both can fire for the same answer
  // (swapping rules that never fire together changes nothing, so it is no mistake).
  const compiled = new Map(real.ruleSet.rules.map((rule) => [rule.id, rule]));
  const canFireTogether = (a: CompiledRule, b: CompiledRule) =>
    a.when && b.when ? satisfiableBoxes({ all: [a.when, b.when] }).length > 0 : Boolean((a.fallback && b.adds) || (a.adds && b.fallback));
  for (const { name: file, doc } of parsedSources) {
    doc.rules.forEach((rule, index) => {
      const above = doc.rules[index - 1];
      if (!above || !canFireTogether(compiled.get(above.id)!, compiled.get(rule.id)!)) return;
      add(
        mutant(`Swapping the order of ${above.id} and ${rule.id} in ${file}`, (docs) => {
          const target = docs.find((d) => d.urgency === doc.urgency)!;
          [target.rules[index - 1], target.rules[index]] = [target.rules[index]!, target.rules[index - 1]!];
        }),
      );
    });
  }
  return { mutants, emergencyIds };
}

// ---------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------

describe('the policy oracle', { timeout: 30_000 }, () => {
  it('agrees with the real rule files on every sampled and boundary answer', () => {
    const invalid = sample.filter((answers) => !validateAnswers(answers).success);
    expect(invalid.slice(0, 3), `${invalid.length} sampled answers are invalid`).toEqual([]);
    const disagreements = expected.filter((entry) => show(evaluateRules(real.ruleSet, entry.answers)) !== show(entry.recommendation));
    expect(
      disagreements
        .slice(0, 3)
        .map(({ answers, recommendation }) => ({ answers, oracle: recommendation, rules: evaluateRules(real.ruleSet, answers) })),
      `the rule files and policy §3 (oracle) disagree on ${disagreements.length} of ${expected.length} answers`,
    ).toEqual([]);
  });

  it('knows the same rules as the rule files, and each fires on some sampled answer and misses on another', () => {
    expect([...POLICY_IDS].sort()).toEqual(real.ruleSet.rules.map((rule) => rule.id).sort());
    for (const id of POLICY_IDS) {
      const fires = expected.filter((entry) => entry.recommendation.reasons.includes(id)).length;
      expect(fires, `${id} fires on no sampled answer`).toBeGreaterThan(0);
      expect(fires, `${id} fires on every sampled answer`).toBeLessThan(expected.length);
    }
  });

  it('gives the worked cases their expected recommendation', () => {
    for (const vignette of vignettes) expect(oracleRecommend(vignette.answers), vignette.title).toEqual(vignette.expected);
  });
});

describe('the safety net catches wrong edits of the rule files (mutation check)', { timeout: 30_000 }, () => {
  const { mutants, emergencyIds } = buildMutants();
  const report: { name: string; caughtBy: string[] }[] = [];

  afterAll(() => {
    const caught = report.filter((r) => r.caughtBy.length > 0).length;
    const checked = report.length === mutants.length ? '' : ` (${report.length} checked in this run)`;
    const byCheck = CHECKS.map((check) => `${check.name} ${report.filter((r) => r.caughtBy.includes(check.name)).length}`).join(', ');
    const lines = report.map((r) => `  ${r.caughtBy.length > 0 ? '✓' : '✗'} ${r.name}: ${r.caughtBy.join(', ') || 'NOT CAUGHT'}`);
    console.log(
      `Mutation check: ${mutants.length} mutants generated${checked}, ${caught} caught. Caught by each check: ${byCheck}.\n${lines.join('\n')}`,
    );
  });

  it('generates a deletion and a downgrade for every emergency rule, and threshold mutants', () => {
    expect(emergencyIds.length).toBeGreaterThan(0);
    for (const id of emergencyIds) {
      expect(mutants.map((m) => m.name)).toEqual(expect.arrayContaining([`Deleting ${id}`, `Weakening ${id} (moved to urgent)`]));
    }
    expect(mutants.some((m) => m.name.includes('(unsafe direction)'))).toBe(true);
  });

  it('the checks all pass on the real rule files (so a failure on a mutant means the mutant)', () => {
    expect(runChecks(real.ruleSet, real.origins).filter((c) => c.caught)).toEqual([]);
  });

  it.each(mutants.map((m) => [m.name, m] as const))('%s is caught', (name, m) => {
    let compiled: ReturnType<typeof compileRuleFilesWithOrigins>;
    try {
      compiled = compileRuleFilesWithOrigins(m.files);
    } catch (error) {
      throw new Error(`${name}: the mutant does not compile, so it tests nothing (a bug in this test): ${(error as Error).message}`, {
        cause: error,
      });
    }
    const results = runChecks(compiled.ruleSet, compiled.origins);
    const caughtBy = results.filter((r) => r.caught);
    report.push({ name, caughtBy: caughtBy.map((r) => r.name) });
    if (caughtBy.length === 0) {
      throw new Error(
        `${name} was NOT caught by any safety check (${CHECKS.map((c) => c.name).join(', ')}). A clinician could make this edit and every test would pass.`,
      );
    }
  });
});
