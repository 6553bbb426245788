// @vitest-environment node
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { vignettes } from '../fixtures/vignettes.ts';
import { POLICY_CALL_NOW_IF, POLICY_V3_NEW_RULES } from '../fixtures/policy-v3-tables.ts';
import {
  GENERAL_RED_FLAGS,
  NUMBER_RANGES,
  LOCATIONS,
  PREGNANCY_STATUSES,
  RISK_FACTORS,
  SEXES,
  type CallNowIf,
  type ContentId,
  type Finding,
  type Location,
  type Specialist,
  type Urgency,
} from '@/triage/catalogue.ts';
import { isHipReplacementAsked, isPregnancyAsked, redFlagsShown, symptomsShown } from '@/triage/answers/asked-when.ts';
import { validateAnswers, type Answers } from '@/triage/answers/answers-schema.ts';
import { analyseRuleSet } from '@/triage/rules/analyse-rules.ts';
import { compileRuleFilesWithOrigins, type RuleFileSource } from '@/triage/rules/compile-rule-files.ts';
import { evaluateRules } from '@/triage/rules/evaluate-rules.ts';
import { callNowIfLines } from '@/triage/rules/safety-net.ts';
import { DEFINITIONS } from '@/triage/rules/conditions.ts';
import { readRuleFileSources } from '@/tooling/project-files/read-rule-files.ts';
import { satisfiableBoxes } from '@/triage/rules/condition-space.ts';
import { UNANSWERABLE_FIELDS, type CompiledRule, type Condition, type RuleSet } from '@/triage/rules/rule-schema.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import { BOUNDARY_AGES, BOUNDARY_WEEKS, validAnswers } from '@/tooling/testing/answers-arbitrary.ts';

/**
 * Does the safety net catch a wrong edit of the rule files? Each "mutant" is a copy of
 * the real rule files (rules/*.yaml, the safety-net table included) with one plausible
 * clinical mistake: an emergency or urgent rule deleted or downgraded, an age, pain or
 * week threshold off by one, a red flag dropped or mistyped, a definition narrowed, a
 * qualifier such as "with a hip replacement" forgotten, an unanswered question read
 * the unsafe way (v3: "not after an injury", "weeks not known"), two rules swapped, a
 * "call now if" line tied to the wrong rules. Every mutant must make at least one
 * safety check fail:
 *
 *  - worked cases: the policy's worked examples (tests/fixtures/vignettes.json);
 *  - policy oracle: an independent implementation of policy §2 and §3 (v3) written by
 *    hand from the policy tables below (it never reads the YAML), compared on ~3,000
 *    seeded generated answers plus systematic boundary answers: the urgency, who to
 *    see and what to read, the rules fired, and the "call now if" lines;
 *  - rule checker: the reasoning of `npm run rules:check` (rules that can never fire,
 *    red flags that lead nowhere urgent in some context, urgent rules without a
 *    safety-net line). It takes ~0.3 s a rule set, so it runs only on a mutant that
 *    the other checks let through;
 *  - rule compiler: a few mutants cannot be shipped at all (deleting the only rule a
 *    "call now if" line names leaves the table naming a rule that does not exist);
 *    they are generated on purpose and must be refused.
 *
 * A surviving mutant means a clinician could make that mistake and every test would
 * still pass: the test names it in plain words.
 */

// ---------------------------------------------------------------------------------
// The policy oracle: policy §3 (v3), transcribed by hand. Keep it in step with
// clinical-policy.md, never with the YAML.
// ---------------------------------------------------------------------------------

const findingsOf = (a: Answers): readonly string[] => [...(a.redFlags ?? []), ...(a.symptoms ?? []), ...(a.riskFactors ?? [])];
const has = (a: Answers, ...anyOf: Finding[]) => anyOf.some((finding) => findingsOf(a).includes(finding));
const at = (a: Answers, ...anyOf: Location[]) => anyOf.some((location) => a.locations?.includes(location) ?? false);
const child = (a: Answers) => a.age < 18; // v3: was < 16
const pregnant = (a: Answers) => a.pregnancy === 'pregnant';
const laterPregnancy = (a: Answers) => pregnant(a) && a.pregnancyWeeks !== undefined && a.pregnancyWeeks >= 20;
const earlyOrUnknownPregnancy = (a: Answers) => pregnant(a) && (a.pregnancyWeeks === undefined || a.pregnancyWeeks < 20);
const peripartum = (a: Answers) => a.pregnancy === 'pregnant' || a.pregnancy === 'postpartum';
const postpartum = (a: Answers) => a.pregnancy === 'postpartum';
const sudden = (a: Answers) => a.onset === 'sudden';
const injury = (a: Answers) => a.onset === 'injury';
const notAfterInjury = (a: Answers) => a.onset !== 'injury'; // true when onset is absent: the safer reading
const hipReplacement = (a: Answers) => a.hipReplacement === true;
const fragilityRisk = (a: Answers) =>
  has(a, 'fragility-fracture', 'steroids', 'height-loss') ||
  (has(a, 'menopause') && has(a, 'smoking', 'alcohol', 'low-weight', 'family-osteoporosis'));
const painAtLeast = (a: Answers, score: number) => a.painScore !== undefined && a.painScore >= score;
const PREGNANCY_SIGNS: Finding[] = [
  'vaginal-bleeding',
  'severe-abdominal-pain',
  'dizziness-fainting',
  'contractions',
  'reduced-movements',
  'waters-breaking',
  'preeclampsia-signs',
];

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
const ED = 'emergency-department';

/** Policy §3, table by table, in the policy's order. R-default is handled in `oracleFired`. */
const POLICY: PolicyRule[] = [
  {
    id: 'E-fracture',
    urgency: E,
    when: (a) => injury(a) && has(a, 'cannot-bear-weight', 'leg-deformed', 'leg-not-moving'),
    specialist: ED,
    also: ['orthopedist'],
  },
  { id: 'E-fracture-older', urgency: E, when: (a) => a.age >= 65 && has(a, 'cannot-bear-weight'), specialist: ED, also: ['orthopedist'] },
  {
    id: 'E-deformity',
    urgency: E,
    when: (a) => has(a, 'leg-deformed') && (a.age >= 65 || sudden(a)),
    specialist: ED,
    also: ['orthopedist'],
  },
  {
    id: 'E-pathological-fracture',
    urgency: E,
    when: (a) => has(a, 'cancer-history') && has(a, 'cannot-bear-weight'),
    specialist: ED,
    also: ['orthopedist'],
  },
  {
    id: 'E-prosthesis',
    urgency: E,
    when: (a) => hipReplacement(a) && has(a, 'fever', 'leg-deformed', 'cannot-bear-weight'),
    specialist: ED,
    also: ['orthopedist'],
  },
  { id: 'E-infection', urgency: E, when: (a) => has(a, 'fever') && has(a, 'hot-swollen-joint'), specialist: ED },
  {
    id: 'E-infection-hip',
    urgency: E,
    when: (a) => a.age >= 16 && has(a, 'fever') && has(a, 'cannot-bear-weight'),
    specialist: ED,
    also: ['orthopedist'],
  },
  {
    id: 'E-child-infection',
    urgency: E,
    when: (a) => child(a) && has(a, 'fever') && has(a, 'limp', 'cannot-bear-weight', 'leg-not-moving'),
    specialist: ED,
    also: ['pediatric-orthopedist'],
  },
  {
    id: 'E-child-cannot-walk',
    urgency: E,
    when: (a) => a.age >= 9 && a.age < 18 && has(a, 'cannot-bear-weight'),
    specialist: ED,
    also: ['pediatric-orthopedist'],
  },
  { id: 'E-infant-fever', urgency: E, when: (a) => a.age === 0 && has(a, 'fever'), specialist: ED, also: ['pediatric-orthopedist'] },
  { id: 'E-infant-leg', urgency: E, when: (a) => a.age === 0 && has(a, 'leg-not-moving'), specialist: ED, also: ['pediatric-orthopedist'] },
  {
    id: 'E-nerve',
    urgency: E,
    when: (a) => has(a, 'saddle-numbness', 'bladder-bowel', 'leg-weakness', 'both-legs-nerve-pain'),
    specialist: ED,
    also: ['neurologist'],
  },
  { id: 'E-chest', urgency: E, when: (a) => has(a, 'breathless'), specialist: ED },
  { id: 'E-very-unwell', urgency: E, when: (a) => has(a, 'very-unwell'), specialist: ED },
  { id: 'E-limb', urgency: E, when: (a) => has(a, 'cold-pale-leg'), specialist: ED },
  {
    id: 'E-pregnancy',
    urgency: E,
    when: (a) => laterPregnancy(a) && has(a, ...PREGNANCY_SIGNS),
    specialist: 'obstetrician',
    also: [ED],
  },
  {
    id: 'E-pregnancy-early',
    urgency: E,
    when: (a) => earlyOrUnknownPregnancy(a) && has(a, ...PREGNANCY_SIGNS),
    specialist: ED,
    also: ['obstetrician'],
  },
  {
    id: 'E-pregnancy-unsure',
    urgency: E,
    when: (a) => a.pregnancy === 'unsure' && has(a, 'vaginal-bleeding', 'severe-abdominal-pain', 'dizziness-fainting'),
    specialist: ED,
    also: ['obstetrician'],
  },
  {
    id: 'E-postpartum',
    urgency: E,
    when: (a) => postpartum(a) && has(a, 'vaginal-bleeding', 'severe-abdominal-pain', 'dizziness-fainting', 'preeclampsia-signs'),
    specialist: ED,
    also: ['obstetrician'],
  },
  { id: 'E-abdomen', urgency: E, when: (a) => has(a, 'severe-abdominal-pain'), specialist: ED },
  { id: 'E-groin', urgency: E, when: (a) => has(a, 'groin-swelling'), specialist: ED },

  { id: 'U-clot-pregnancy', urgency: U, when: (a) => peripartum(a) && has(a, 'calf-swelling'), specialist: 'obstetrician' },
  { id: 'U-clot', urgency: U, when: (a) => has(a, 'calf-swelling'), specialist: 'gp' },
  {
    id: 'U-pregnancy-infection',
    urgency: U,
    when: (a) => peripartum(a) && has(a, 'fever', 'burning-urination'),
    specialist: 'obstetrician',
  },
  {
    id: 'U-prosthesis',
    urgency: U,
    when: (a) => hipReplacement(a) && has(a, 'hot-swollen-joint', 'wound-problem'),
    specialist: 'orthopedist',
  },
  { id: 'U-hot-joint', urgency: U, when: (a) => has(a, 'hot-swollen-joint'), specialist: 'gp', also: ['rheumatologist'] },
  { id: 'U-child-fever', urgency: U, when: (a) => child(a) && has(a, 'fever'), specialist: 'pediatric-orthopedist' },
  {
    id: 'U-child-walking',
    urgency: U,
    when: (a) => child(a) && has(a, 'limp', 'cannot-bear-weight', 'leg-not-moving', 'leg-deformed'),
    specialist: 'pediatric-orthopedist',
  },
  {
    id: 'U-child-stiff-hip',
    urgency: U,
    when: (a) => a.age >= 9 && a.age < 18 && has(a, 'stiff-hip'),
    specialist: 'pediatric-orthopedist',
  },
  { id: 'U-infant-injury', urgency: U, when: (a) => a.age < 2 && injury(a), specialist: 'pediatric-orthopedist' },
  { id: 'U-child-night-pain', urgency: U, when: (a) => child(a) && has(a, 'rest-pain'), specialist: 'pediatric-orthopedist' },
  { id: 'U-child-sudden', urgency: U, when: (a) => child(a) && sudden(a), specialist: 'pediatric-orthopedist' },
  { id: 'U-deformity', urgency: U, when: (a) => has(a, 'leg-deformed'), specialist: 'orthopedist' },
  { id: 'U-cannot-bear-weight', urgency: U, when: (a) => has(a, 'cannot-bear-weight'), specialist: 'orthopedist' },
  {
    id: 'U-injury',
    urgency: U,
    when: (a) => injury(a) && (a.age >= 65 || painAtLeast(a, 7) || has(a, 'limp')),
    specialist: 'orthopedist',
  },
  { id: 'U-fragility-injury', urgency: U, when: (a) => injury(a) && fragilityRisk(a), specialist: 'orthopedist' },
  { id: 'U-cancer', urgency: U, when: (a) => has(a, 'cancer-history', 'weight-loss'), specialist: 'gp', also: ['orthopedist'] },
  {
    id: 'U-young-rest-pain',
    urgency: U,
    when: (a) => a.age >= 18 && a.age < 25 && has(a, 'rest-pain'),
    specialist: 'gp',
    also: ['orthopedist'],
  },
  { id: 'U-severe-sudden', urgency: U, when: (a) => painAtLeast(a, 7) && sudden(a), specialist: 'gp', also: ['orthopedist'] },
  { id: 'U-sudden-older', urgency: U, when: (a) => a.age >= 65 && sudden(a), specialist: 'gp', also: ['orthopedist'] },
  { id: 'U-headache-jaw', urgency: U, when: (a) => has(a, 'scalp-jaw-headache'), specialist: 'gp', also: ['rheumatologist'] },
  { id: 'U-fever', urgency: U, when: (a) => has(a, 'fever'), specialist: 'gp' },
  { id: 'U-urinary', urgency: U, when: (a) => has(a, 'burning-urination'), specialist: 'gp' },

  { id: 'S-child', urgency: S, when: child, specialist: 'pediatric-orthopedist', content: ['hip-joint-degeneration'] },
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
  {
    id: 'S-stress-fracture',
    urgency: S,
    when: (a) => a.age < 40 && a.active === true && has(a, 'activity-pain') && has(a, 'low-weight', 'menopause'),
    specialist: 'orthopedist',
    content: ['diffuse-osteoporosis'],
  },
  {
    id: 'S-advanced-wear',
    urgency: S,
    when: (a) => a.age >= 18 && notAfterInjury(a) && has(a, 'rest-pain', 'limp', 'stiff-hip'),
    specialist: 'orthopedist',
    also: ['physiotherapist'],
    content: ['hip-joint-degeneration'],
  },
  { id: 'S-sudden', urgency: S, when: sudden, specialist: 'gp' },
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
  // v3: on an emergency result, alsoConsider and content come from fired emergency rules only.
  const naming = urgency === E ? fired.filter((rule) => rule.urgency === E) : fired;
  return {
    urgency,
    specialist: primary,
    alsoConsider: once(naming.flatMap((rule) => [rule.specialist, ...(rule.also ?? [])])).filter((s) => s !== primary),
    content: once(naming.flatMap((rule) => rule.content ?? [])),
    reasons: [...fired].sort((x, y) => RANK[y.urgency] - RANK[x.urgency]).map((rule) => rule.id),
  };
}

/**
 * Policy §2 (v3), the "call now if" table, row by row in table order (the line ids are
 * the catalogue's names for the rows). An emergency result has none.
 */
const CALL_NOW_IF_TABLE = POLICY_CALL_NOW_IF;
function oracleCallNowIf(recommendation: Recommendation, a: Answers): CallNowIf[] {
  if (recommendation.urgency === E) return [];
  const fired = new Set(recommendation.reasons);
  return CALL_NOW_IF_TABLE.filter(([, applies]) => applies(fired, a)).map(([line]) => line);
}

// ---------------------------------------------------------------------------------
// The answers the checks run on: a seeded sample plus systematic boundary answers.
// ---------------------------------------------------------------------------------

const SEED = 7_031_966;

/**
 * Ages where a rule combining red flags has an age threshold (policy §3, v3): age 0 and 1
 * (E-infant-fever, E-infant-leg), 4 (leg-not-moving shown), 8 and 9 (E-child-cannot-walk),
 * 15, 16 and 17 (E-infection-hip from 16), 17 and 18 (child, E-child-infection), 64 and
 * 65 (E-fracture-older, E-deformity): pairs of red flags are tried there.
 */
const RED_FLAG_PAIR_AGES = [0, 1, 4, 8, 9, 15, 16, 17, 18, 64, 65];

/**
 * Systematic answers at every boundary age, for every sex, pregnancy answer, week of
 * pregnancy around 20 (and not known) and hip replacement answer (and not answered)
 * that can be given: nothing else, and everything ticked (with onset gradual, not
 * answered, and injury at pain scores around the thresholds). Then, as sparse answers
 * that show a single missing link: each red flag on its own (onset not answered,
 * injury, sudden), each symptom, each risk factor, sudden pain around 7, and each pair
 * of red flags at RED_FLAG_PAIR_AGES. The sparse ones are given for male, and for
 * female when pregnant, unsure or postpartum, with no or a hip replacement: no rule on
 * red flags, symptoms or risk factors depends on sex otherwise (and the random sample
 * mixes all); pairs only for male (no rule reads a pair together with pregnancy).
 */
function boundaryAnswers(): Answers[] {
  const out: Answers[] = [];
  for (const age of BOUNDARY_AGES) {
    for (const sex of SEXES) {
      const pregnancies = isPregnancyAsked({ age, sex }) ? [undefined, ...PREGNANCY_STATUSES] : [undefined];
      for (const pregnancy of pregnancies) {
        for (const pregnancyWeeks of pregnancy === 'pregnant'
          ? [undefined, ...BOUNDARY_WEEKS.filter((w) => w === 19 || w === 20)]
          : [undefined]) {
          for (const hipReplacement of isHipReplacementAsked({ age }) ? [undefined, false, true] : [undefined]) {
            const context = {
              age,
              sex,
              redFlags: [],
              ...(pregnancy && { pregnancy }),
              ...(pregnancyWeeks !== undefined && { pregnancyWeeks }),
              ...(hipReplacement !== undefined && { hipReplacement }),
            } as Answers;
            const redFlags = redFlagsShown(context);
            const symptoms = symptomsShown(context);
            const everything = { ...context, redFlags, locations: [...LOCATIONS], symptoms, riskFactors: [...RISK_FACTORS], active: true };
            out.push(context, everything, { ...everything, onset: 'gradual' });
            for (const painScore of [undefined, 6, 7, 8])
              out.push({ ...everything, onset: 'injury', ...(painScore !== undefined && { painScore }) });
            if (hipReplacement === false) continue;
            if (!(sex === 'male' || (sex === 'female' && pregnancy !== undefined && pregnancy !== 'no'))) continue;
            redFlags.forEach((flag, index) => {
              out.push(
                { ...context, redFlags: [flag] },
                { ...context, redFlags: [flag], onset: 'injury' },
                { ...context, redFlags: [flag], onset: 'sudden' },
              );
              if (sex !== 'male' || hipReplacement !== undefined || !RED_FLAG_PAIR_AGES.includes(age)) return;
              for (const other of redFlags.slice(index + 1)) out.push({ ...context, redFlags: [flag, other] });
            });
            for (const symptom of symptoms) {
              out.push(
                { ...context, symptoms: [symptom], locations: [...LOCATIONS], active: true },
                { ...context, symptoms: [symptom], onset: 'injury' },
                { ...context, symptoms: [symptom], onset: 'gradual' },
              );
            }
            for (const factor of RISK_FACTORS)
              out.push(
                { ...context, riskFactors: [factor] },
                { ...context, riskFactors: [factor], onset: 'injury' },
                { ...context, riskFactors: [factor], symptoms: ['activity-pain'], active: true },
              );
            for (const painScore of [6, 7, 8]) out.push({ ...context, onset: 'sudden', painScore });
          }
        }
      }
    }
  }
  return out;
}

const sample: Answers[] = [...fc.sample(validAnswers, { seed: SEED, numRuns: 3_000 }), ...boundaryAnswers()];
const expected = sample.map((answers) => {
  const recommendation = oracleRecommend(answers);
  return { answers, recommendation, callNowIf: oracleCallNowIf(recommendation, answers) };
});

// ---------------------------------------------------------------------------------
// The safety checks, as plain functions of a rule set.
// ---------------------------------------------------------------------------------

interface CheckResult {
  name: string;
  caught: boolean;
  detail: string;
}

const show = (value: unknown) => JSON.stringify(value);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

type Entry = (typeof expected)[number];

/** The oracle's checks: each compares one part of the rule set's answer with the policy's, and says how they differ. */
const ORACLE_CHECKS: { name: string; compare: (entry: Entry, result: Recommendation, ruleSet: RuleSet) => string | undefined }[] = [
  {
    name: 'policy oracle: urgency',
    compare: (entry, result) =>
      result.urgency === entry.recommendation.urgency ? undefined : `${result.urgency} instead of ${entry.recommendation.urgency}`,
  },
  {
    name: 'policy oracle: who to see and what to read',
    compare: (entry, result) => {
      const want = entry.recommendation;
      if (
        result.specialist === want.specialist &&
        sameList(result.alsoConsider, want.alsoConsider) &&
        sameList(result.content, want.content)
      )
        return undefined;
      const pick = ({ specialist, alsoConsider, content }: Recommendation) => show({ specialist, alsoConsider, content });
      return `${pick(result)} instead of ${pick(want)}`;
    },
  },
  {
    name: 'policy oracle: rules fired',
    compare: (entry, result) => {
      // `reasons` are the fired rules, most urgent first and otherwise in rule order
      // (the property tests prove them against firedRules).
      if (sameList(result.reasons, entry.recommendation.reasons)) return undefined;
      const missing = entry.recommendation.reasons.filter((id) => !result.reasons.includes(id));
      const extra = result.reasons.filter((id) => !entry.recommendation.reasons.includes(id));
      return missing.length + extra.length === 0
        ? `reasons in the order ${show(result.reasons)} instead of ${show(entry.recommendation.reasons)}`
        : `missing ${show(missing)}, extra ${show(extra)}`;
    },
  },
  {
    name: 'policy oracle: "call now if" lines',
    compare: (entry, result, ruleSet) => {
      const lines = result.urgency === 'emergency' ? [] : callNowIfLines(ruleSet, result, entry.answers);
      return sameList(lines, entry.callNowIf) ? undefined : `lines ${show(lines)} instead of ${show(entry.callNowIf)}`;
    },
  },
];

/**
 * One pass of the oracle's checks over the answers. For the real files every answer is
 * judged (`all`); for a mutant the pass stops at the first answer any check disagrees
 * on, and names the checks that disagree there (most mutants are caught in the first
 * few hundred answers, which keeps ~600 mutants fast).
 */
function oraclePass(ruleSet: RuleSet, all: boolean): { name: string; count: number; example: string }[] {
  const found = new Map<string, { count: number; example: string }>();
  for (const entry of expected) {
    const result = evaluateRules(ruleSet, entry.answers);
    for (const check of ORACLE_CHECKS) {
      const problem = check.compare(entry, result, ruleSet);
      if (problem === undefined) continue;
      const seen = found.get(check.name) ?? { count: 0, example: `${problem} for ${show(entry.answers)}` };
      seen.count += 1;
      found.set(check.name, seen);
    }
    if (!all && found.size > 0) break;
  }
  return [...found].map(([name, seen]) => ({ name, ...seen }));
}

const workedCases = (ruleSet: RuleSet): CheckResult => {
  const wrong = vignettes.filter((v) => show(evaluateRules(ruleSet, v.answers)) !== show(v.expected));
  return {
    name: 'worked cases',
    caught: wrong.length > 0,
    detail: wrong.length > 0 ? `${wrong.length} case(s), e.g. "${wrong[0]!.title}"` : '',
  };
};

const ruleChecker = (ruleSet: RuleSet, origins: Record<string, string>): CheckResult => {
  const { errors } = analyseRuleSet(ruleSet, origins);
  return { name: 'rule checker', caught: errors.length > 0, detail: errors[0] ?? '' };
};

const CHECK_NAMES = ['worked cases', ...ORACLE_CHECKS.map((check) => check.name), 'rule checker', 'rule compiler'];

/** Every check, in full (for the real rule files). */
function runAllChecks(ruleSet: RuleSet, origins: Record<string, string>): CheckResult[] {
  const oracle = oraclePass(ruleSet, true);
  return [
    workedCases(ruleSet),
    ...ORACLE_CHECKS.map(({ name }) => {
      const found = oracle.find((f) => f.name === name);
      return {
        name,
        caught: found !== undefined,
        detail: found ? `${found.count} of ${expected.length} answers, e.g. ${found.example}` : '',
      };
    }),
    ruleChecker(ruleSet, origins),
  ];
}

/** The checks that catch a mutant: the worked cases and the oracle, and the (slower) rule checker only if they did not. */
function catchers(ruleSet: RuleSet, origins: Record<string, string>): CheckResult[] {
  const caught = [
    workedCases(ruleSet),
    ...oraclePass(ruleSet, false).map(({ name, example }) => ({ name, caught: true, detail: example })),
  ].filter((check) => check.caught);
  return caught.length > 0 ? caught : [ruleChecker(ruleSet, origins)].filter((check) => check.caught);
}

// ---------------------------------------------------------------------------------
// Mutants: in-memory copies of the rule files with one mistake each.
// ---------------------------------------------------------------------------------

interface YamlRule {
  id: string;
  when?: Condition;
  [key: string]: unknown;
}
interface YamlRuleFile {
  urgency: Urgency;
  rules: YamlRule[];
  [key: string]: unknown;
}
interface YamlNetLine {
  line: CallNowIf;
  whenFired: string[];
  orWhen?: Condition;
  onlyWhen?: Condition;
}
interface YamlNetFile {
  safetyNet: YamlNetLine[];
  [key: string]: unknown;
}
type YamlDoc = YamlRuleFile | YamlNetFile;
const isNet = (doc: YamlDoc): doc is YamlNetFile => 'safetyNet' in doc;

const sources = readRuleFileSources('rules');
const parsedSources = sources.map((source) => ({ name: source.name, doc: parse(source.text) as YamlDoc }));
const ruleSources = parsedSources.flatMap(({ name, doc }) => (isNet(doc) ? [] : [{ name, doc }]));
const netSource = parsedSources.find(({ doc }) => isNet(doc)) as { name: string; doc: YamlNetFile };
const real = compileRuleFilesWithOrigins(sources);

interface Mutant {
  /** Plain words, e.g. "Weakening E-nerve (moved to urgent)". */
  name: string;
  files: RuleFileSource[];
  /** The mistake cannot be shipped: the rule compiler must refuse it. */
  refusedByCompiler?: true;
}

interface Docs {
  rules: YamlRuleFile[];
  net: YamlNetFile;
}

/** A copy of the rule files with `edit` applied to the parsed YAML (the rule files and the safety-net table). */
function mutant(name: string, edit: (docs: Docs) => void, refusedByCompiler = false): Mutant {
  const docs = parsedSources.map(({ doc }) => structuredClone(doc));
  edit({ rules: docs.filter((doc): doc is YamlRuleFile => !isNet(doc)), net: docs.find(isNet)! });
  return {
    name,
    files: parsedSources.map(({ name: file }, i) => ({ name: file, text: stringify(docs[i]) })),
    ...(refusedByCompiler && { refusedByCompiler: true }),
  };
}

const fileOf = (docs: Docs, urgency: Urgency) => docs.rules.find((doc) => doc.urgency === urgency)!;
const ruleIn = (docs: Docs, id: string) => docs.rules.flatMap((doc) => doc.rules).find((rule) => rule.id === id)!;
const renameInNet = (net: YamlNetFile, from: string, to: string) => {
  for (const line of net.safetyNet) line.whenFired = line.whenFired.map((id) => (id === from ? to : id));
};
/** Lines of the safety-net table that name only this rule (deleting it leaves them naming a rule that does not exist). */
const linesOnlyFor = (id: string) => netSource.doc.safetyNet.filter((line) => line.whenFired.length === 1 && line.whenFired[0] === id);

/** A rule deleted, and its name taken out of the safety-net table where another rule keeps the line. */
function deletion(urgency: Urgency, id: string): Mutant {
  return mutant(
    `Deleting ${id}`,
    (docs) => {
      const file = fileOf(docs, urgency);
      file.rules = file.rules.filter((rule) => rule.id !== id);
      for (const line of docs.net.safetyNet) if (line.whenFired.length > 1) line.whenFired = line.whenFired.filter((other) => other !== id);
    },
    linesOnlyFor(id).length > 0,
  );
}

/** A rule moved one urgency down, renamed for its new file (and renamed in the safety-net table). */
function weakening(from: Urgency, to: Urgency, id: string, netLine?: CallNowIf): Mutant {
  const renamed = `${to[0]!.toUpperCase()}-${id.slice(2)}-weakened`;
  return mutant(`Weakening ${id} (moved to ${to})`, (docs) => {
    const file = fileOf(docs, from);
    const rule = file.rules.find((r) => r.id === id)!;
    file.rules = file.rules.filter((r) => r !== rule);
    fileOf(docs, to).rules.push({ ...rule, id: renamed });
    renameInNet(docs.net, id, renamed);
    // An emergency rule moved to urgent gets a "call now if" line, as every urgent rule must.
    if (netLine) docs.net.safetyNet.find((line) => line.line === netLine)!.whenFired.push(renamed);
  });
}

const describeRange = (range: { atLeast?: number | undefined; below?: number | undefined }) =>
  [range.atLeast !== undefined && `≥ ${range.atLeast}`, range.below !== undefined && `< ${range.below}`].filter(Boolean).join(' and ');

interface EditOptions {
  /** Thresholds of an emergency rule: the direction that makes it fire for fewer people is marked unsafe. */
  emergency: boolean;
  /** Red-flag mapping and pregnancy answers of emergency and urgent rules: dropped ids and mistyped ids. */
  findings: boolean;
  /** The findings the rule uses anywhere (a mistyped id becomes one it does not use yet). */
  used: ReadonlySet<string>;
}
interface Edit {
  label: string;
  condition: Condition;
}

/**
 * Every single plausible mistake inside a condition, each as the whole edited condition.
 * A definition used with `is:` is written out in its place with the mistake inside it
 * (say, "child" as age < 19 in U-child-fever only), since a rule author who does not
 * trust a definition writes its condition out.
 */
function* edits(condition: Condition, options: EditOptions): Generator<Edit> {
  for (const field of ['age', 'painScore', 'pregnancyWeeks'] as const) {
    const range = condition[field];
    if (!range) continue;
    for (const bound of ['atLeast', 'below'] as const) {
      if (range[bound] === undefined) continue;
      for (const delta of [+1, -1]) {
        const shifted = { ...range, [bound]: range[bound]! + delta };
        if (shifted.atLeast !== undefined && shifted.below !== undefined && shifted.atLeast >= shifted.below) continue;
        // A threshold outside the answer's range is refused by the rule schema: no mistake a clinician could ship.
        const { min, max } = NUMBER_RANGES[field];
        if (shifted[bound]! <= min || shifted[bound]! > max) continue;
        const unsafe = options.emergency && ((bound === 'atLeast' && delta > 0) || (bound === 'below' && delta < 0));
        yield {
          label: `${field} threshold moved from ${describeRange(range)} to ${describeRange(shifted)}${unsafe ? ' (unsafe direction)' : ''}`,
          condition: { [field]: shifted },
        };
      }
    }
  }
  for (const key of ['pregnancy', 'onset', 'locations'] as const) {
    const list = condition[key] as string[] | undefined;
    if (!list || list.length < 2 || (key === 'pregnancy' && !options.findings)) continue;
    for (const dropped of list) {
      yield {
        label: `${key} [${list.join(', ')}] narrowed to leave out "${dropped}"`,
        condition: { [key]: list.filter((value) => value !== dropped) },
      };
    }
  }
  if (options.findings && condition.hasAny && condition.hasAny.length > 1) {
    for (const dropped of condition.hasAny) {
      yield {
        label: `"${dropped}" dropped from [${condition.hasAny.join(', ')}]`,
        condition: { hasAny: condition.hasAny.filter((id) => id !== dropped) },
      };
    }
  }
  if (options.findings && condition.has) {
    const start = GENERAL_RED_FLAGS.indexOf(condition.has as never);
    const replacement = [...GENERAL_RED_FLAGS.slice(start + 1), ...GENERAL_RED_FLAGS].find((flag) => !options.used.has(flag))!;
    yield { label: `"has: ${condition.has}" replaced with "has: ${replacement}"`, condition: { has: replacement } };
  }
  if (condition.unanswered) {
    const other = UNANSWERABLE_FIELDS[(UNANSWERABLE_FIELDS.indexOf(condition.unanswered) + 1) % UNANSWERABLE_FIELDS.length]!;
    yield { label: `"unanswered: ${condition.unanswered}" mistyped as "unanswered: ${other}"`, condition: { unanswered: other } };
  }
  for (const key of ['all', 'any'] as const) {
    const list = condition[key];
    if (!list) continue;
    for (const [index, child] of list.entries()) {
      const without = list.filter((_, other) => other !== index);
      // v3: a question not answered read the safer way ("not after an injury", "weeks not known"); or a qualifier forgotten.
      if (key === 'any' && child.unanswered && without.length > 0)
        yield {
          label: `an unanswered ${child.unanswered} no longer read the safer way ("unanswered" dropped)`,
          condition: { any: without },
        };
      if (key === 'all' && child.is && without.length > 0) yield { label: `"is: ${child.is}" dropped`, condition: { all: without } };
      for (const edit of edits(child, options))
        yield { label: edit.label, condition: { [key]: list.map((other, i) => (i === index ? edit.condition : other)) } };
    }
  }
  if (condition.is) {
    for (const edit of edits(DEFINITIONS[condition.is] as Condition, options))
      yield { label: `"${condition.is}" written out with ${edit.label}`, condition: structuredClone(edit.condition) };
  }
}

/** Every finding a condition names, definitions written out. */
function findingsIn(condition: Condition | undefined): string[] {
  if (!condition) return [];
  return [
    ...(condition.has ? [condition.has] : []),
    ...(condition.hasAny ?? []),
    ...(condition.all ?? []).flatMap(findingsIn),
    ...(condition.any ?? []).flatMap(findingsIn),
    ...(condition.is ? findingsIn(DEFINITIONS[condition.is] as Condition) : []),
  ];
}

function buildMutants(): { mutants: Mutant[]; emergencyIds: string[] } {
  const mutants: Mutant[] = [];
  const names = new Set<string>();
  const add = (m: Mutant) => {
    if (!names.has(m.name)) mutants.push(m);
    names.add(m.name);
  };
  const idsOf = (urgency: Urgency) => real.ruleSet.rules.filter((rule) => rule.urgency === urgency).map((rule) => rule.id);
  const emergencyIds = idsOf('emergency');

  // Each rule deleted, and each emergency, urgent and soon rule moved one urgency down.
  for (const id of emergencyIds) [deletion('emergency', id), weakening('emergency', 'urgent', id, 'fever-or-unwell')].forEach(add);
  for (const id of idsOf('urgent')) [deletion('urgent', id), weakening('urgent', 'soon', id)].forEach(add);
  for (const id of idsOf('soon')) [deletion('soon', id), weakening('soon', 'routine', id)].forEach(add);
  // (Deleting R-default leaves no fallback, which the compiler refuses with its own message.)
  for (const id of idsOf('routine').filter((id) => id !== 'R-default')) add(deletion('routine', id));

  // One mistake inside a rule's condition: a threshold, a list, a definition, an unanswered reading.
  for (const { doc } of ruleSources) {
    for (const rule of doc.rules) {
      if (!rule.when) continue;
      const options: EditOptions = {
        emergency: doc.urgency === 'emergency',
        findings: doc.urgency === 'emergency' || doc.urgency === 'urgent',
        used: new Set(findingsIn(rule.when)),
      };
      for (const edit of edits(rule.when, options)) {
        add(
          mutant(`In ${rule.id}: ${edit.label}`, (docs) => {
            ruleIn(docs, rule.id).when = edit.condition;
          }),
        );
      }
    }
  }

  // The safety-net table: a line no longer tied to one of its rules, or to its other conditions.
  for (const [index, line] of netSource.doc.safetyNet.entries()) {
    if (line.whenFired.length > 1) {
      for (const dropped of line.whenFired) {
        add(
          mutant(`Safety net: the "${line.line}" line no longer given when ${dropped} fired`, (docs) => {
            const target = docs.net.safetyNet[index]!;
            target.whenFired = target.whenFired.filter((id) => id !== dropped);
          }),
        );
      }
    }
    for (const key of ['orWhen', 'onlyWhen'] as const) {
      const condition = line[key];
      if (!condition) continue;
      add(
        mutant(`Safety net: the "${line.line}" line without its ${key} condition`, (docs) => {
          delete docs.net.safetyNet[index]![key];
        }),
      );
      for (const edit of edits(condition, { emergency: false, findings: false, used: new Set() })) {
        add(
          mutant(`Safety net: the "${line.line}" line's ${key}: ${edit.label}`, (docs) => {
            docs.net.safetyNet[index]![key] = edit.condition;
          }),
        );
      }
    }
  }

  // Rule order decides who to see first and the order of "also consider" and reading:
  // each rule swapped with the one above it, where both can fire for the same answer
  // (swapping rules that never fire together changes nothing, so it is no mistake).
  const compiled = new Map(real.ruleSet.rules.map((rule) => [rule.id, rule]));
  const canFireTogether = (a: CompiledRule, b: CompiledRule) =>
    a.when && b.when ? satisfiableBoxes({ all: [a.when, b.when] }).length > 0 : Boolean((a.fallback && b.adds) || (a.adds && b.fallback));
  for (const { name: file, doc } of ruleSources) {
    doc.rules.forEach((rule, index) => {
      const above = doc.rules[index - 1];
      if (!above || !canFireTogether(compiled.get(above.id)!, compiled.get(rule.id)!)) return;
      add(
        mutant(`Swapping the order of ${above.id} and ${rule.id} in ${file}`, (docs) => {
          const target = fileOf(docs, doc.urgency);
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
    const disagreements = expected.filter(
      (entry) =>
        show(evaluateRules(real.ruleSet, entry.answers)) !== show(entry.recommendation) ||
        show(entry.recommendation.urgency === 'emergency' ? [] : callNowIfLines(real.ruleSet, entry.recommendation, entry.answers)) !==
          show(entry.callNowIf),
    );
    expect(
      disagreements.slice(0, 3).map(({ answers, recommendation, callNowIf }) => {
        const rules = evaluateRules(real.ruleSet, answers);
        return {
          answers,
          oracle: { ...recommendation, callNowIf },
          rules: { ...rules, callNowIf: callNowIfLines(real.ruleSet, rules, answers) },
        };
      }),
      `the rule files and policy §2–§3 (oracle) disagree on ${disagreements.length} of ${expected.length} answers`,
    ).toEqual([]);
  });

  it('knows the same rules as the rule files, and each rule and "call now if" line applies on some sampled answer and not on another', () => {
    expect([...POLICY_IDS].sort()).toEqual(real.ruleSet.rules.map((rule) => rule.id).sort());
    for (const id of POLICY_IDS) {
      const fires = expected.filter((entry) => entry.recommendation.reasons.includes(id)).length;
      expect(fires, `${id} fires on no sampled answer`).toBeGreaterThan(0);
      expect(fires, `${id} fires on every sampled answer`).toBeLessThan(expected.length);
    }
    expect(CALL_NOW_IF_TABLE.map(([line]) => line)).toEqual(real.ruleSet.safetyNet.map((line) => line.line));
    for (const [line] of CALL_NOW_IF_TABLE) {
      const given = expected.filter((entry) => entry.callNowIf.includes(line)).length;
      expect(given, `"${line}" is given on no sampled answer`).toBeGreaterThan(0);
      expect(given, `"${line}" is given on every sampled answer`).toBeLessThan(expected.length);
    }
  });

  it('gives the worked cases their expected recommendation', () => {
    for (const vignette of vignettes) expect(oracleRecommend(vignette.answers), vignette.title).toEqual(vignette.expected);
  });

  it('reads v3 as written: it is no copy of the rule files', () => {
    // A few answers where v2 and v3 differ, worked out from the policy text alone.
    const cases: [Answers, Partial<Recommendation>][] = [
      [
        { age: 16, sex: 'male', hipReplacement: false, redFlags: ['limp'] },
        { urgency: 'urgent', specialist: 'pediatric-orthopedist' },
      ],
      [
        { age: 30, sex: 'female', pregnancy: 'pregnant', redFlags: ['contractions'] },
        { urgency: 'emergency', specialist: ED },
      ],
      [{ age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 20, redFlags: ['contractions'] }, { specialist: 'obstetrician' }],
      [{ age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 19, redFlags: ['contractions'] }, { specialist: ED }],
      [
        { age: 70, sex: 'male', hipReplacement: true, redFlags: ['fever'] },
        { urgency: 'emergency', alsoConsider: ['orthopedist'] },
      ],
      [
        { age: 30, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
        { urgency: 'soon', specialist: 'orthopedist' },
      ],
      [
        { age: 30, sex: 'male', redFlags: [], onset: 'injury', symptoms: ['rest-pain'] },
        { urgency: 'soon', reasons: ['S-injury'] },
      ],
      [
        { age: 40, sex: 'male', redFlags: [], onset: 'sudden', painScore: 7 },
        { urgency: 'urgent', specialist: 'gp' },
      ],
      [
        { age: 10, sex: 'male', redFlags: [], onset: 'injury' },
        { urgency: 'soon', specialist: 'pediatric-orthopedist' },
      ],
    ];
    for (const [answers, want] of cases) expect(oracleRecommend(answers), show(answers)).toMatchObject(want);
    expect(
      oracleCallNowIf(oracleRecommend({ age: 17, sex: 'male', redFlags: ['fever'] }), { age: 17, sex: 'male', redFlags: ['fever'] }),
    ).toEqual(['child-very-unwell', 'child-fever-or-stops-walking']);
    expect(
      oracleCallNowIf(oracleRecommend({ age: 18, sex: 'male', redFlags: ['fever'] }), { age: 18, sex: 'male', redFlags: ['fever'] }),
    ).toEqual(['very-unwell']);
  });
});

describe('the safety net catches wrong edits of the rule files (mutation check)', { timeout: 30_000 }, () => {
  const { mutants, emergencyIds } = buildMutants();
  const report: { name: string; caughtBy: string[] }[] = [];

  afterAll(() => {
    const caught = report.filter((r) => r.caughtBy.length > 0).length;
    const checked = report.length === mutants.length ? '' : ` (${report.length} checked in this run)`;
    const byCheck = CHECK_NAMES.map((name) => `${name} ${report.filter((r) => r.caughtBy.includes(name)).length}`).join(', ');
    const lines = report.map((r) => `  ${r.caughtBy.length > 0 ? '✓' : '✗'} ${r.name}: ${r.caughtBy.join(', ') || 'NOT CAUGHT'}`);
    console.log(
      `Mutation check: ${mutants.length} mutants generated${checked}, ${caught} caught. First caught by each check (the rule checker runs only when the others let a mutant through): ${byCheck}.\n${lines.join('\n')}`,
    );
  });

  it('generates a deletion and a downgrade for every emergency rule, threshold mutants, and mutants for every v3 change', () => {
    const all = mutants.map((m) => m.name);
    expect(emergencyIds.length).toBeGreaterThan(0);
    for (const id of emergencyIds) expect(all).toEqual(expect.arrayContaining([`Deleting ${id}`, `Weakening ${id} (moved to urgent)`]));
    expect(all.some((name) => name.includes('(unsafe direction)'))).toBe(true);
    // Every rule new or changed in v3 is deleted (or, soon ones, downgraded) in some mutant.
    for (const id of POLICY_V3_NEW_RULES)
      expect(all, id).toEqual(expect.arrayContaining([`Deleting ${id}`, expect.stringMatching(new RegExp(`^Weakening ${id} `))]));
    // The thresholds of the policy (v3), each moved both ways, and the unanswered readings.
    const thresholds: [string, RegExp][] = [
      ['weeks 20 (later pregnancy)', /"later-pregnancy" written out with pregnancyWeeks threshold moved from ≥ 20 to ≥ 21/],
      ['weeks 20 (early or unknown)', /"early-or-unknown-pregnancy" written out with pregnancyWeeks threshold moved from < 20 to < 19/],
      ['age 9', /^In E-child-cannot-walk: age threshold moved from ≥ 9 and < 18 to ≥ 10 and < 18/],
      ['age 18 (child)', /^In U-child-walking: "child" written out with age threshold moved from < 18 to < 17/],
      ['age 18 (adult wear)', /^In S-advanced-wear: .*age threshold moved from ≥ 18 to ≥ 19/],
      ['age 2', /^In U-infant-injury: .*age threshold moved from < 2 to < 1/],
      ['age 25', /^In U-young-rest-pain: .*age threshold moved from ≥ 18 and < 25 to ≥ 18 and < 24/],
      ['age 40', /^In S-stress-fracture: .*age threshold moved from < 40 to < 39/],
      ['age 50', /^In R-labral-older: .*age threshold moved from ≥ 50 to ≥ 51/],
      ['pain 7', /^In U-severe-sudden: .*painScore threshold moved from ≥ 7 to ≥ 8/],
      ['onset not answered', /^In S-advanced-wear: .*an unanswered onset no longer read the safer way/],
      ['weeks not known', /^In E-pregnancy-early: .*an unanswered pregnancyWeeks no longer read the safer way/],
      ['hip replacement forgotten', /^In E-prosthesis: "is: hip-replacement" dropped/],
      ['safety-net age 18', /^Safety net: the "very-unwell" line's onlyWhen: age threshold moved from ≥ 18 to ≥ 19/],
    ];
    expect(thresholds.filter(([, pattern]) => !all.some((name) => pattern.test(name))).map(([what]) => what)).toEqual([]);
  });

  it('the checks all pass on the real rule files (so a failure on a mutant means the mutant)', () => {
    expect(runAllChecks(real.ruleSet, real.origins).filter((c) => c.caught)).toEqual([]);
  });

  it.each(mutants.map((m) => [m.name, m] as const))('%s is caught', (name, m) => {
    let compiled: ReturnType<typeof compileRuleFilesWithOrigins>;
    try {
      compiled = compileRuleFilesWithOrigins(m.files);
    } catch (error) {
      if (m.refusedByCompiler) {
        report.push({ name, caughtBy: ['rule compiler'] });
        expect((error as Error).message).toMatch(/safety-net\.yaml: line .*: whenFired: no rule/);
        return;
      }
      throw new Error(`${name}: the mutant does not compile, so it tests nothing (a bug in this test): ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (m.refusedByCompiler) throw new Error(`${name}: expected the rule compiler to refuse this mutant, but it compiled`);
    const caughtBy = catchers(compiled.ruleSet, compiled.origins);
    report.push({ name, caughtBy: caughtBy.map((r) => r.name) });
    if (caughtBy.length === 0) {
      throw new Error(
        `${name} was NOT caught by any safety check (${CHECK_NAMES.join(', ')}). A clinician could make this edit and every test would pass.`,
      );
    }
  });
});
