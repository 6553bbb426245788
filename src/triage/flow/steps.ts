import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { QUESTION_STEPS, STEP_FIELDS, fieldDefinition, type QuestionStep, type Section } from '../fields.ts';

/** The question pages, the fields each sets and the sections come from the field table (fields.ts); re-exported for the flow. */
export { QUESTION_STEPS, SECTIONS, STEP_FIELDS, type QuestionStep, type Section } from '../fields.ts';

/** Each page's section: its fields' (the field table's `section`). */
export const STEP_SECTION = Object.fromEntries(
  QUESTION_STEPS.map((step) => [step, fieldDefinition(STEP_FIELDS[step][0]!).section]),
) as Record<QuestionStep, Section>;

/** Steps that are asked only while no emergency has been found (policy §1 "unless an emergency was already found"). */
export const AFTER_SCREENING: ReadonlySet<QuestionStep> = new Set(QUESTION_STEPS.slice(QUESTION_STEPS.indexOf('locations')));

/** Whether a step is asked, judged on the answers of the steps before it only (its fields' `askedWhen`). */
export const isStepAskedGiven = (step: QuestionStep, earlier: AnswersSoFar): boolean =>
  STEP_FIELDS[step].some((field) => fieldDefinition(field).askedWhen?.(earlier) ?? true);

/**
 * What a step offers, as a string: when it changes (say, pregnancy added the
 * pregnancy red flags), an earlier answer to that step no longer counts as
 * answered, so the person is asked again with the new options (the `shown` of its lists).
 */
export const stepOptionsKey = (step: QuestionStep, answers: AnswersSoFar): string =>
  STEP_FIELDS[step]
    .map((field) => {
      const definition = fieldDefinition(field);
      return definition.kind === 'multiple' && definition.shown ? definition.shown(answers).join(' ') : '';
    })
    .join('');
