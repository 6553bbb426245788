import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { QUESTION_STEPS, type QuestionStep } from '../fields.ts';
import { isHipReplacementAsked, isPregnancyAsked, isPregnancyWeeksAsked, redFlagsShown, symptomsShown } from '../answers/asked-when.ts';

/** The question pages and the fields each sets come from the field table (fields.ts); re-exported for the flow. */
export { QUESTION_STEPS, STEP_FIELDS, type QuestionStep } from '../fields.ts';

export const SECTIONS = ['about-you', 'warning-signs', 'your-pain', 'check-answers'] as const;
export type Section = (typeof SECTIONS)[number];

export const STEP_SECTION: Record<QuestionStep, Section> = {
  'about-you': 'about-you',
  pregnancy: 'about-you',
  'pregnancy-weeks': 'about-you',
  'hip-replacement': 'about-you',
  'red-flags': 'warning-signs',
  locations: 'your-pain',
  onset: 'your-pain',
  duration: 'your-pain',
  symptoms: 'your-pain',
  'risk-factors': 'your-pain',
  activity: 'your-pain',
  'pain-score': 'your-pain',
};

/** Steps that are asked only while no emergency has been found (policy §1 "unless an emergency was already found"). */
export const AFTER_SCREENING: ReadonlySet<QuestionStep> = new Set(QUESTION_STEPS.slice(QUESTION_STEPS.indexOf('locations')));

/** Whether a step is asked, judged on the answers of the steps before it only. */
export function isStepAskedGiven(step: QuestionStep, earlier: AnswersSoFar): boolean {
  switch (step) {
    case 'pregnancy':
      return isPregnancyAsked(earlier);
    case 'pregnancy-weeks':
      return isPregnancyWeeksAsked(earlier);
    case 'hip-replacement':
      return isHipReplacementAsked(earlier);
    default:
      return true;
  }
}

/**
 * What a step offers, as a string: when it changes (say, pregnancy added the
 * pregnancy red flags), an earlier answer to that step no longer counts as
 * answered, so the person is asked again with the new options.
 */
export function stepOptionsKey(step: QuestionStep, answers: AnswersSoFar): string {
  if (step === 'red-flags') return redFlagsShown(answers).join(' ');
  if (step === 'symptoms') return symptomsShown(answers).join(' ');
  return '';
}
