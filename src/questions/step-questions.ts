import type { AnswerField, AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { STEP_FIELDS, fieldDefinition, type OptionWording, type QuestionStep } from '@/triage/fields.ts';
import type { NumericField } from '@/triage/catalogue.ts';

/**
 * How each answer field is asked on its page, for this person: the field table's
 * control (src/triage/fields.ts) with the options offered given the earlier
 * answers. Wording lives in locales/<lng>/questions.json under the field's name.
 */
export type Question =
  | { field: NumericField; kind: 'number'; allowUnknown: boolean }
  | { field: AnswerField; kind: 'single'; options: readonly string[] }
  | {
      field: AnswerField;
      kind: 'multiple';
      options: readonly string[];
      withNone: boolean;
      /** Grouped under headings and worded for this person (the row's `wording`). */
      wording?: OptionWording;
      bodyMap?: true;
      emergencyCallFirst?: true;
    }
  | { field: AnswerField; kind: 'yes-no' }
  | { field: AnswerField; kind: 'scale' };

function questionOf(field: AnswerField, answers: AnswersSoFar): Question {
  const definition = fieldDefinition(field);
  switch (definition.kind) {
    case 'number':
      return { field: definition.field, kind: 'number', allowUnknown: definition.allowUnknown };
    case 'single':
      return { field, kind: 'single', options: definition.options };
    case 'multiple':
      return {
        field,
        kind: 'multiple',
        options: definition.shown ? definition.shown(answers) : definition.options,
        withNone: definition.withNone,
        ...(definition.wording && { wording: definition.wording(answers) }),
        ...(definition.bodyMap && { bodyMap: true }),
        ...(definition.emergencyCallFirst && { emergencyCallFirst: true }),
      };
    // Two cases, not one: a union of kinds times 13 fields is more than TypeScript will compare.
    case 'yes-no':
      return { field, kind: 'yes-no' };
    case 'scale':
      return { field, kind: 'scale' };
  }
}

export const questionsFor = (step: QuestionStep, answers: AnswersSoFar): Question[] =>
  STEP_FIELDS[step].map((field) => questionOf(field, answers));
