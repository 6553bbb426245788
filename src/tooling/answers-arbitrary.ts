import fc from 'fast-check';
import {
  CHILD_AGE_BELOW,
  LEG_NOT_MOVING_AGE_BELOW,
  LIMP_RED_FLAG_AGE_BELOW,
  NUMBER_RANGES,
  PREGNANCY_AGE,
  PREGNANCY_STATUSES,
  SEXES,
  type NumericField,
  type PregnancyStatus,
  type Sex,
} from '@/triage/catalogue.ts';
import { isPregnancyAsked } from '@/triage/answers/asked-when.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import { FIELD_IDS, fieldDefinition, type AnswerField } from '@/triage/fields.ts';
import { isStepAskedGiven } from '@/triage/flow/steps.ts';

/**
 * fast-check arbitraries for answers that `validateAnswers` accepts (policy §1 with
 * its "asked when"), for the property tests, the mutation check and `npm run fuzz`.
 * Fields, kinds and options come from the field table and asked-when.ts, so a new
 * question, a new red flag or a changed "asked when" is generated without touching
 * this file.
 *
 * Generation is biased towards what matters clinically: ages at every threshold and
 * one below it, pain scores around the thresholds 7 and 8, short finding lists (so
 * that every urgency occurs, not only emergencies), and optional fields sometimes
 * left out (the engine and the CLI accept any valid subset).
 */

/**
 * Age thresholds of the rules in policy §3 (E-infant-fever 1; leg-not-moving offered
 * under 5; limp a red flag and E-child-infection under 18, U-adolescent-walking 16–17;
 * R-wear 40; R-labral 50; E-fracture-older, E-deformity, U-injury and R-bone-screen 65;
 * R-bone-screen 70).
 */
const POLICY_AGE_THRESHOLDS = [1, LEG_NOT_MOVING_AGE_BELOW, LIMP_RED_FLAG_AGE_BELOW, 40, 50, 65, 70] as const;

/**
 * Ages where an answer's meaning changes, each with its neighbour on the other side:
 * the ends of the range, the pregnancy question's 12–55, child below 16, and the
 * rule thresholds (0, 1, 4, 5, 11, 12, 15, 16, 17, 18, 39, 40, 49, 50, 55, 56, 64, 65, 69, 70, 120).
 */
export const BOUNDARY_AGES: readonly number[] = [
  ...new Set([
    NUMBER_RANGES.age.min,
    NUMBER_RANGES.age.max,
    PREGNANCY_AGE.min - 1,
    PREGNANCY_AGE.min,
    PREGNANCY_AGE.max,
    PREGNANCY_AGE.max + 1,
    CHILD_AGE_BELOW - 1,
    CHILD_AGE_BELOW,
    ...POLICY_AGE_THRESHOLDS.flatMap((age) => [age - 1, age]),
  ]),
].sort((a, b) => a - b);

/** Pain scores around the policy's thresholds (U-injury ≥ 7, S-severe-pain ≥ 8). */
export const BOUNDARY_PAIN_SCORES: readonly number[] = [6, 7, 8];

const integerIn = ({ min, max }: { min: number; max: number }) => fc.integer({ min, max });

export const ageArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: integerIn(NUMBER_RANGES.age) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_AGES) },
);

const painScoreArbitrary = fc.oneof(
  { weight: 1, arbitrary: integerIn(NUMBER_RANGES.painScore) },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_PAIN_SCORES) },
);

/** Any whole number of the field's range, its ends more often. */
const numberArbitrary = (field: NumericField) =>
  fc.oneof(
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

type Context = { age: number; sex: Sex; pregnancy: PregnancyStatus | undefined };

const contextArbitrary: fc.Arbitrary<Context> = fc.record({ age: ageArbitrary, sex: fc.constantFrom(...SEXES) }).chain(({ age, sex }) =>
  (isPregnancyAsked({ age, sex }) ? sometimes(fc.constantFrom(...PREGNANCY_STATUSES)) : fc.constant(undefined)).map((pregnancy) => ({
    age,
    sex,
    pregnancy,
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
const CONTEXT_FIELDS: readonly AnswerField[] = ['age', 'sex', 'pregnancy'];

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
