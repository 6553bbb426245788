import {
  DURATIONS,
  LOCATIONS,
  NUMBER_RANGES,
  ONSETS,
  PREGNANCY_STATUSES,
  RED_FLAGS,
  RISK_FACTORS,
  SEXES,
  SYMPTOMS,
  type NumericField,
} from './catalogue.ts';
import type { AnswerField } from './answers/answers-schema.ts';
import { redFlagsShown, symptomsShown, type AskedWhenInput } from './answers/asked-when.ts';

/**
 * One definition per question field (policy §1 and its form contract): the page it
 * is asked on, the kind of control, its options or range. The flow's steps, the
 * question pages, their form schemas, the check page, the summaries and the CLI's
 * messages all derive from this table; the answers schema takes the same ids and
 * ranges from the catalogue. Adding a question = a row here, its page in
 * QUESTION_STEPS, its words in the locales, and a rule if needed.
 */

/** The question pages in the order they are asked (policy §1). */
export const QUESTION_STEPS = [
  'about-you',
  'pregnancy',
  'pregnancy-weeks',
  'red-flags',
  'locations',
  'onset',
  'duration',
  'symptoms',
  'risk-factors',
  'activity',
  'pain-score',
] as const;
export type QuestionStep = (typeof QUESTION_STEPS)[number];

export type FieldDefinition =
  | { step: QuestionStep; kind: 'number'; range: { min: number; max: number }; field: NumericField; allowUnknown: boolean }
  | { step: QuestionStep; kind: 'single'; options: readonly string[] }
  | {
      step: QuestionStep;
      kind: 'multiple';
      options: readonly string[];
      /** A "None of these" box (an empty list); without it at least one must be ticked. */
      withNone: boolean;
      /** The options offered to this person, when they depend on earlier answers. */
      shown?: (answers: AskedWhenInput) => readonly string[];
    }
  | { step: QuestionStep; kind: 'yes-no' }
  | { step: QuestionStep; kind: 'scale'; range: { min: number; max: number } };

/** In the order the fields appear on their pages. */
export const FIELDS: Readonly<Record<AnswerField, FieldDefinition>> = {
  age: { step: 'about-you', kind: 'number', field: 'age', range: NUMBER_RANGES.age, allowUnknown: false },
  sex: { step: 'about-you', kind: 'single', options: SEXES },
  pregnancy: { step: 'pregnancy', kind: 'single', options: PREGNANCY_STATUSES },
  // "Don't know" leaves it out of the answers.
  pregnancyWeeks: {
    step: 'pregnancy-weeks',
    kind: 'number',
    field: 'pregnancyWeeks',
    range: NUMBER_RANGES.pregnancyWeeks,
    allowUnknown: true,
  },
  redFlags: { step: 'red-flags', kind: 'multiple', options: RED_FLAGS, withNone: true, shown: redFlagsShown },
  // At least one place must hurt, so there is no "None of these" here.
  locations: { step: 'locations', kind: 'multiple', options: LOCATIONS, withNone: false },
  onset: { step: 'onset', kind: 'single', options: ONSETS },
  duration: { step: 'duration', kind: 'single', options: DURATIONS },
  symptoms: { step: 'symptoms', kind: 'multiple', options: SYMPTOMS, withNone: true, shown: symptomsShown },
  riskFactors: { step: 'risk-factors', kind: 'multiple', options: RISK_FACTORS, withNone: true },
  active: { step: 'activity', kind: 'yes-no' },
  painScore: { step: 'pain-score', kind: 'scale', range: NUMBER_RANGES.painScore },
};

export const FIELD_IDS = Object.keys(FIELDS) as AnswerField[];

/** The fields each page sets, in table order. */
export const STEP_FIELDS: Readonly<Record<QuestionStep, readonly AnswerField[]>> = Object.fromEntries(
  QUESTION_STEPS.map((step) => [step, FIELD_IDS.filter((field) => FIELDS[field].step === step)]),
) as unknown as Record<QuestionStep, readonly AnswerField[]>;

/** The options of the single-choice fields, by field (for messages that list them). */
export const SINGLE_CHOICE_OPTIONS: Readonly<Partial<Record<AnswerField, readonly string[]>>> = Object.fromEntries(
  FIELD_IDS.flatMap((field) => {
    const definition = FIELDS[field];
    return definition.kind === 'single' ? [[field, definition.options]] : [];
  }),
);
