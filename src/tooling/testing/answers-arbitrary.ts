import fc from 'fast-check';
import {
  CHILD_AGE_BELOW,
  HIP_REPLACEMENT_AGE_FROM,
  LATER_PREGNANCY_WEEKS_FROM,
  LEG_NOT_MOVING_AGE_BELOW,
  LIMP_RED_FLAG_AGE_BELOW,
  NUMBER_RANGES,
  PREGNANCY_AGE,
  PREGNANCY_STATUSES,
  SCALP_JAW_HEADACHE_AGE_FROM,
  SEXES,
  type NumericField,
  type PregnancyStatus,
  type Sex,
} from '@/triage/catalogue.ts';
import { isHipReplacementAsked, isPregnancyAsked, isPregnancyWeeksAsked } from '@/triage/answers/asked-when.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import { FIELD_IDS, fieldDefinition, type AnswerField } from '@/triage/fields.ts';
import { isStepAskedGiven } from '@/triage/flow/steps.ts';

/**
 * fast-check arbitraries for answers that `validateAnswers` accepts (policy §1 with
 * its "asked when"), for the property tests, the mutation check and `npm run fuzz`.
 * Fields, kinds, options and "asked when" come from the field table, so a new
 * question, a new red flag or a changed "asked when" is generated without touching
 * this file, unless the new answer decides what else is asked or offered (as age,
 * sex, pregnancy and hipReplacement do): then it joins `contextArbitrary` and
 * CONTEXT_FIELDS, so it is drawn before the answers that depend on it.
 *
 * Generation is biased towards what matters clinically: ages at every threshold and
 * one below it, weeks of pregnancy around 20, pain scores around the thresholds 7
 * and 8, short finding lists (so that every urgency occurs, not only emergencies),
 * and optional fields sometimes left out (the engine and the CLI accept any valid
 * subset; v3 reads a missing onset or week of pregnancy the safer way).
 */

/**
 * Age thresholds of the rules in policy §3 (v3), written out from the policy so that a
 * wrong threshold in the rule files is met on both sides: E-infant-fever and
 * E-infant-leg below 1; U-infant-injury below 2; leg-not-moving offered below 5;
 * E-child-cannot-walk and U-child-stiff-hip from 9; E-infection-hip, R-labral and
 * R-impingement-active from 16; child, limp as a red flag and E-child-infection below
 * 18, U-young-rest-pain and S-advanced-wear from 18; U-young-rest-pain below 25;
 * S-stress-fracture below 40 and R-wear from 40; R-labral below 50, R-labral-older and
 * scalp-jaw-headache from 50; E-fracture-older, E-deformity, U-injury, U-sudden-older
 * and R-bone-screen 65; R-bone-screen (male) 70.
 */
const POLICY_AGE_THRESHOLDS = [1, 2, 5, 9, 16, 18, 25, 40, 50, 65, 70] as const;

/**
 * Ages where an answer's meaning changes, each with its neighbour on the other side:
 * the ends of the range, the pregnancy question's 12–55, the "asked when" ages of the
 * catalogue (child, the hip replacement question, limp, leg-not-moving,
 * scalp-jaw-headache) and the rule thresholds
 * (0, 1, 2, 4, 5, 8, 9, 11, 12, 15, 16, 17, 18, 24, 25, 39, 40, 49, 50, 55, 56, 64, 65, 69, 70, 120).
 */
export const BOUNDARY_AGES: readonly number[] = [
  ...new Set([
    NUMBER_RANGES.age.min,
    NUMBER_RANGES.age.max,
    PREGNANCY_AGE.min - 1,
    PREGNANCY_AGE.min,
    PREGNANCY_AGE.max,
    PREGNANCY_AGE.max + 1,
    ...[
      CHILD_AGE_BELOW,
      HIP_REPLACEMENT_AGE_FROM,
      LIMP_RED_FLAG_AGE_BELOW,
      LEG_NOT_MOVING_AGE_BELOW,
      SCALP_JAW_HEADACHE_AGE_FROM,
      ...POLICY_AGE_THRESHOLDS,
    ].flatMap((age) => [age - 1, age]),
  ]),
].sort((a, b) => a - b);

/** Pain scores around the policy's thresholds (U-injury and U-severe-sudden ≥ 7, S-severe-pain ≥ 8). */
export const BOUNDARY_PAIN_SCORES: readonly number[] = [6, 7, 8];

/** Weeks of pregnancy around the policy's 20 (later pregnancy from 20, v3), and the ends of the range. */
export const BOUNDARY_WEEKS: readonly number[] = [
  ...new Set([
    NUMBER_RANGES.pregnancyWeeks.min,
    19,
    20,
    LATER_PREGNANCY_WEEKS_FROM - 1,
    LATER_PREGNANCY_WEEKS_FROM,
    NUMBER_RANGES.pregnancyWeeks.max,
  ]),
].sort((a, b) => a - b);

const integerIn = ({ min, max }: { min: number; max: number }) => fc.integer({ min, max });

export const ageArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: integerIn(NUMBER_RANGES.age) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_AGES) },
);

const painScoreArbitrary = fc.oneof(
  { weight: 1, arbitrary: integerIn(NUMBER_RANGES.painScore) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_PAIN_SCORES) },
);

const weeksArbitrary = fc.oneof(
  { weight: 1, arbitrary: integerIn(NUMBER_RANGES.pregnancyWeeks) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_WEEKS) },
);

/** Any whole number of the field's range, its ends more often. */
const numberArbitrary = (field: NumericField) =>
  field === 'pregnancyWeeks'
    ? weeksArbitrary
    : fc.oneof(
        { weight: 4, arbitrary: integerIn(NUMBER_RANGES[field]) },
        { weight: 1, arbitrary: fc.constantFrom(NUMBER_RANGES[field].min, NUMBER_RANGES[field].max) },
      );

/** Absent one time in four. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 4 });

/** A list of distinct ids from `ids`, in random order; mostly empty or short. */
const someOf = <T>(ids: readonly T[], minLength = 0): fc.Arbitrary<T[]> => {
  if (ids.length === 0) return fc.constant([]);
  const options: fc.WeightedArbitrary<T[]>[] = [
    { weight: 5, arbitrary: fc.shuffledSubarray([...ids], { minLength: Math.max(1, minLength), maxLength: Math.min(2, ids.length) }) },
    { weight: 2, arbitrary: fc.shuffledSubarray([...ids], { minLength: Math.max(1, minLength) }) },
  ];
  if (minLength === 0) options.push({ weight: 3, arbitrary: fc.constant([]) });
  return fc.oneof(...options);
};

/** Drops the keys whose value is undefined: an optional answer not given is absent, not `undefined`. */
const withoutUndefined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/**
 * The answers that decide what else is asked and offered, given before the warning
 * signs (policy §1 order): age and sex, pregnancy and its weeks where asked, and (v3)
 * the hip replacement question from 16, which offers `wound-problem`.
 */
type Context = {
  age: number;
  sex: Sex;
  pregnancy: PregnancyStatus | undefined;
  pregnancyWeeks: number | undefined;
  hipReplacement: boolean | undefined;
};

const contextArbitrary: fc.Arbitrary<Context> = fc
  .record({ age: ageArbitrary, sex: fc.constantFrom(...SEXES) })
  .chain(({ age, sex }) =>
    fc.record({
      age: fc.constant(age),
      sex: fc.constant(sex),
      pregnancy: isPregnancyAsked({ age, sex }) ? sometimes(fc.constantFrom(...PREGNANCY_STATUSES)) : fc.constant(undefined),
      // v3: asked from 16, before the warning signs; `true` offers wound-problem.
      hipReplacement: isHipReplacementAsked({ age }) ? sometimes(fc.boolean()) : fc.constant(undefined),
    }),
  )
  .chain((context) =>
    // "Don't know" (absent) one time in four: v3 reads it as an early or unknown-weeks pregnancy.
    (isPregnancyWeeksAsked(context) ? sometimes(weeksArbitrary) : fc.constant(undefined)).map((pregnancyWeeks) => ({
      ...context,
      pregnancyWeeks,
    })),
  );

/** A value for a field of the table, as offered to this person. */
function valueArbitrary(field: AnswerField, context: Context): fc.Arbitrary<unknown> {
  const definition = fieldDefinition(field);
  switch (definition.kind) {
    case 'number':
      return numberArbitrary(definition.field);
    case 'scale':
      return painScoreArbitrary;
    case 'single':
      return fc.constantFrom(...definition.options);
    case 'multiple':
      return someOf(definition.shown ? definition.shown(context) : definition.options, definition.withNone ? 0 : 1);
    case 'yes-no':
      return fc.boolean();
  }
}

/** The fields that decide what else is asked, generated first (contextArbitrary). */
const CONTEXT_FIELDS: readonly AnswerField[] = ['age', 'sex', 'pregnancy', 'pregnancyWeeks', 'hipReplacement'];

/**
 * Answers that `validateAnswers` accepts, with every "asked when" of policy §1
 * respected: every other field of the field table, required ones always, optional
 * ones absent one time in four, and none on a page that would not be asked.
 */
export const validAnswers: fc.Arbitrary<Answers> = contextArbitrary.chain((context) =>
  fc
    .record(
      Object.fromEntries(
        FIELD_IDS.filter((field) => !CONTEXT_FIELDS.includes(field)).map((field) => {
          const definition = fieldDefinition(field);
          if (!isStepAskedGiven(definition.step, context)) return [field, fc.constant(undefined)];
          const value = valueArbitrary(field, context);
          return [field, definition.required ? value : sometimes(value)];
        }),
      ),
    )
    .map((rest) => withoutUndefined({ ...context, ...rest }) as Answers),
);
