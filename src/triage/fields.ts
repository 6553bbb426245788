import {
  DURATIONS,
  LOCATIONS,
  ONSETS,
  PREGNANCY_STATUSES,
  RED_FLAGS,
  RISK_FACTORS,
  SEXES,
  SYMPTOMS,
  type NumericField,
  type RedFlag,
} from './catalogue.ts';
import {
  isHipReplacementAsked,
  isPregnancyAsked,
  isPregnancyWeeksAsked,
  redFlagGroup,
  redFlagsShown,
  symptomsShown,
  type AskedWhenInput,
} from './answers/asked-when.ts';

/**
 * One definition per question field (policy §1 and its form contract): the page it
 * is asked on, the kind of control and how it is shown, its options or range, its
 * error keys. The flow's steps, the question pages, their form schemas, the check
 * page, the summaries, the rule conditions, the FHIR Questionnaire and the CLI's
 * messages all derive from this table; the answers schema takes the same ids and
 * ranges from the catalogue. No UI file names a field. Adding a question = a row
 * here, its page in QUESTION_STEPS, its words in the locales, and a rule if needed
 * (docs/architecture.md, "Adding a question").
 */

/** The value of "None of these" on a list that offers it (policy §1 form contract): an empty list in the answers. */
export const NONE = 'none';

/** The question pages in the order they are asked (policy §1). */
export const QUESTION_STEPS = [
  'about-you',
  'pregnancy',
  'pregnancy-weeks',
  'hip-replacement',
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

/** The parts of the check the progress bar names; each page belongs to the section of its fields. */
export const SECTIONS = ['about-you', 'warning-signs', 'your-pain', 'check-answers'] as const;
export type Section = (typeof SECTIONS)[number];

interface Row {
  step: QuestionStep;
  section: Exclude<Section, 'check-answers'>;
  /**
   * When the question is asked, judged on the earlier answers (policy §1 "asked when");
   * always without it. The fields of one page share it.
   */
  askedWhen?: (answers: AskedWhenInput) => boolean;
  /** Required in every answers object (policy §1: age, sex and, since v2, redFlags). */
  required?: true;
  /**
   * Rules may test this answer by its field name, with the operator its kind calls
   * for (src/triage/rules/field-conditions.ts: a range, one of, any of, or true);
   * `or-unanswered` lets them test its absence too (v3's safer readings).
   */
  rules?: 'value' | 'value-or-unanswered';
}
type Options = readonly [string, ...string[]];

/**
 * How a list's options are worded for this person: label variants (optional keys
 * beside each label; the first one a label has wins) and the group heading each
 * option sits under.
 * Keys, never words: the UI looks them up under the field's name.
 */
export interface OptionWording {
  variants: readonly string[];
  groupOf?: (option: string) => string;
}

export type FieldDefinition =
  | (Row & { kind: 'number'; field: NumericField; allowUnknown: boolean })
  | (Row & { kind: 'single'; options: Options })
  | (Row & {
      kind: 'multiple';
      options: Options;
      /** A "None of these" box (an empty list); without it at least one must be ticked. */
      withNone: boolean;
      /** The `errors` key for an id not in `options`. */
      unknownKey: string;
      /** The options offered to this person, when they depend on earlier answers. */
      shown?: (answers: AskedWhenInput) => readonly string[];
      /** Shown with the body map beside the list (another way to tick the same boxes). */
      bodyMap?: true;
      /** The emergency number comes before the options: some of them are emergencies (policy §5). */
      emergencyCallFirst?: true;
      /** Worded for the person and grouped under headings (a grouped list); plain checkboxes without it. */
      wording?: (answers: AskedWhenInput) => OptionWording;
    })
  | (Row & { kind: 'yes-no' })
  | (Row & { kind: 'scale'; field: NumericField });

/**
 * Red flags are listed under short headings: the warning signs for everyone by body
 * system, then the pregnancy (headed by the pregnancy answer) and child groups, so
 * the person sees why those are there. After birth or when unsure of a pregnancy the
 * bleeding flag is worded for that (v2, v3); when not female, the groin flag adds a
 * testicle (v3).
 */
const redFlagsWording = (answers: AskedWhenInput): OptionWording => ({
  variants: [
    ...(answers.pregnancy === 'postpartum' ? ['labelPostpartum'] : []),
    ...(answers.pregnancy === 'unsure' ? ['labelUnsure'] : []),
    ...(answers.sex !== undefined && answers.sex !== 'female' ? ['labelNotFemale'] : []),
  ],
  groupOf: (flag) => {
    const group = redFlagGroup(flag as RedFlag);
    return group === 'pregnancy' ? (answers.pregnancy ?? 'pregnant') : group;
  },
});

/** In the order the fields appear on their pages. */
export const FIELDS = {
  age: { step: 'about-you', section: 'about-you', kind: 'number', field: 'age', allowUnknown: false, required: true, rules: 'value' },
  sex: { step: 'about-you', section: 'about-you', kind: 'single', options: SEXES, required: true, rules: 'value' },
  pregnancy: {
    step: 'pregnancy',
    section: 'about-you',
    askedWhen: isPregnancyAsked,
    kind: 'single',
    options: PREGNANCY_STATUSES,
    rules: 'value',
  },
  // "Don't know" leaves it out of the answers.
  pregnancyWeeks: {
    step: 'pregnancy-weeks',
    section: 'about-you',
    askedWhen: isPregnancyWeeksAsked,
    kind: 'number',
    field: 'pregnancyWeeks',
    allowUnknown: true,
    rules: 'value-or-unanswered',
  },
  // v3: asked from 16, before the warning signs (a pair of radios, true and false).
  hipReplacement: {
    step: 'hip-replacement',
    section: 'about-you',
    askedWhen: isHipReplacementAsked,
    kind: 'yes-no',
    rules: 'value-or-unanswered',
  },
  // Required (v2): without it nobody can tell "no warning signs" from "not asked".
  redFlags: {
    step: 'red-flags',
    section: 'warning-signs',
    kind: 'multiple',
    options: RED_FLAGS,
    withNone: true,
    unknownKey: 'unknownRedFlag',
    shown: redFlagsShown,
    emergencyCallFirst: true,
    wording: redFlagsWording,
    required: true,
  },
  // At least one place must hurt, so there is no "None of these" here.
  locations: {
    step: 'locations',
    section: 'your-pain',
    kind: 'multiple',
    options: LOCATIONS,
    withNone: false,
    unknownKey: 'unknownLocation',
    bodyMap: true,
    rules: 'value',
  },
  onset: { step: 'onset', section: 'your-pain', kind: 'single', options: ONSETS, rules: 'value-or-unanswered' },
  duration: { step: 'duration', section: 'your-pain', kind: 'single', options: DURATIONS },
  symptoms: {
    step: 'symptoms',
    section: 'your-pain',
    kind: 'multiple',
    options: SYMPTOMS,
    withNone: true,
    unknownKey: 'unknownSymptom',
    shown: symptomsShown,
  },
  riskFactors: {
    step: 'risk-factors',
    section: 'your-pain',
    kind: 'multiple',
    options: RISK_FACTORS,
    withNone: true,
    unknownKey: 'unknownRiskFactor',
  },
  active: { step: 'activity', section: 'your-pain', kind: 'yes-no', rules: 'value' },
  painScore: { step: 'pain-score', section: 'your-pain', kind: 'scale', field: 'painScore', rules: 'value-or-unanswered' },
} as const satisfies Record<string, FieldDefinition>;

export type AnswerField = keyof typeof FIELDS;
export const FIELD_IDS = Object.keys(FIELDS) as AnswerField[];
export const fieldDefinition = (field: AnswerField): FieldDefinition => FIELDS[field];

/**
 * The `errors` keys a field's messages use, by its kind: the form's messages (a
 * `_reception` variant may sit beside each) and, for a list, the answers schema's
 * unknown-option message. The form schema builds its messages from these, and a
 * test checks every language has each one.
 */
export function errorKeysOf(field: AnswerField): { required: string; wholeNumber?: string; range?: string; unknownOption?: string } {
  const definition = fieldDefinition(field);
  const form = `form.${definition.kind === 'number' ? definition.field : field}`;
  return {
    required: `${form}.required`,
    ...(definition.kind === 'number' && { wholeNumber: `${form}.wholeNumber`, range: `${form}.range` }),
    ...(definition.kind === 'multiple' && { unknownOption: `answers.${definition.unknownKey}` }),
  };
}

/** The value an answer holds, by the kind of its field. */
type ValueOf<D> = D extends { kind: 'number' | 'scale' }
  ? number
  : D extends { kind: 'yes-no' }
    ? boolean
    : D extends { kind: 'single'; options: readonly (infer O)[] }
      ? O
      : D extends { kind: 'multiple'; options: readonly (infer O)[] }
        ? O[]
        : never;
type RequiredField = { [F in AnswerField]: (typeof FIELDS)[F] extends { required: true } ? F : never }[AnswerField];

/** A complete answers object (policy §1), as the table defines it. */
export type AnswersFromTable = { [F in RequiredField]: ValueOf<(typeof FIELDS)[F]> } & {
  [F in Exclude<AnswerField, RequiredField>]?: ValueOf<(typeof FIELDS)[F]>;
};

/** The fields each page sets, in table order. */
export const STEP_FIELDS: Readonly<Record<QuestionStep, readonly AnswerField[]>> = Object.fromEntries(
  QUESTION_STEPS.map((step) => [step, FIELD_IDS.filter((field) => fieldDefinition(field).step === step)]),
) as unknown as Record<QuestionStep, readonly AnswerField[]>;

/** The options of the single-choice fields, by field (for messages that list them). */
export const SINGLE_CHOICE_OPTIONS: Readonly<Partial<Record<AnswerField, readonly string[]>>> = Object.fromEntries(
  FIELD_IDS.flatMap((field) => {
    const definition = fieldDefinition(field);
    return definition.kind === 'single' ? [[field, definition.options]] : [];
  }),
);
