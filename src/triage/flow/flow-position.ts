import type { AnswerField, AnswersSoFar } from '../answers/answers-schema.ts';
import { isRedFlagShown, isSymptomShown } from '../answers/asked-when.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import type { RuleSet } from '../rules/rule-schema.ts';
import { AFTER_SCREENING, QUESTION_STEPS, STEP_FIELDS, isStepAskedGiven, stepOptionsKey, type QuestionStep } from './steps.ts';

/**
 * Where a person is in the wizard, as pure functions of what they answered. The
 * flow machine's guards and actions call these; so do the model-based tests.
 */
export interface FlowProgress {
  answers: AnswersSoFar;
  /** Steps answered, with the options they offered then (see stepOptionsKey). */
  answered: Partial<Record<QuestionStep, string>>;
}

export type FlowPage = QuestionStep | 'check-answers' | 'result';

export const EMPTY_PROGRESS: FlowProgress = { answers: {}, answered: {} };

const pick = (answers: AnswersSoFar, fields: readonly AnswerField[]): AnswersSoFar =>
  Object.fromEntries(fields.filter((f) => answers[f] !== undefined).map((f) => [f, answers[f]])) as AnswersSoFar;

const fieldsBefore = (step: QuestionStep): AnswerField[] =>
  QUESTION_STEPS.slice(0, QUESTION_STEPS.indexOf(step)).flatMap((s) => STEP_FIELDS[s]);

export const isAnswered = (progress: FlowProgress, step: QuestionStep): boolean =>
  progress.answered[step] !== undefined && progress.answered[step] === stepOptionsKey(step, progress.answers);

interface Walk {
  /** Steps asked, in order, up to and including the first unanswered one. */
  steps: QuestionStep[];
  /** The first asked step without an answer, if any. */
  firstUnanswered?: QuestionStep;
  /** The step whose answers made the result an emergency, if any. */
  emergencyAt?: QuestionStep;
}

/** Walks the questions in order over the answers given, stopping at an emergency. */
export function walk(progress: FlowProgress, ruleSet: RuleSet): Walk {
  const steps: QuestionStep[] = [];
  for (const step of QUESTION_STEPS) {
    const earlier = pick(progress.answers, fieldsBefore(step));
    if (AFTER_SCREENING.has(step) && evaluateRules(ruleSet, earlier).urgency === 'emergency') {
      return { steps, emergencyAt: steps.at(-1) };
    }
    if (!isStepAskedGiven(step, earlier)) continue;
    steps.push(step);
    if (!isAnswered(progress, step)) return { steps, firstUnanswered: step };
  }
  const emergency = evaluateRules(ruleSet, progress.answers).urgency === 'emergency';
  return emergency ? { steps, emergencyAt: steps.at(-1) } : { steps };
}

/** Drops answers to questions that are no longer asked, and options no longer offered. */
export function pruneProgress(progress: FlowProgress): FlowProgress {
  const answers: AnswersSoFar = { ...progress.answers };
  const answered = { ...progress.answered };
  for (const step of QUESTION_STEPS) {
    const earlier = pick(answers, fieldsBefore(step));
    if (isStepAskedGiven(step, earlier)) continue;
    for (const field of STEP_FIELDS[step]) delete answers[field];
    delete answered[step];
  }
  if (answers.redFlags) answers.redFlags = answers.redFlags.filter((flag) => isRedFlagShown(flag, answers));
  if (answers.symptoms) answers.symptoms = answers.symptoms.filter((symptom) => isSymptomShown(symptom, answers));
  return { answers, answered };
}

/** The progress after a step's form was submitted with these values. */
export function applyStepAnswers(progress: FlowProgress, step: QuestionStep, values: AnswersSoFar): FlowProgress {
  const answers: AnswersSoFar = { ...progress.answers };
  for (const field of STEP_FIELDS[step]) delete answers[field];
  Object.assign(answers, pick(values, STEP_FIELDS[step]));
  const answered = { ...progress.answered, [step]: stepOptionsKey(step, answers) };
  return pruneProgress({ answers, answered });
}

/**
 * The page after submitting `step`. Changing an answer from the check page goes on
 * only through the questions that now need an answer, then back to the check page.
 */
export function pageAfterSubmit(progress: FlowProgress, step: QuestionStep, ruleSet: RuleSet, changing: boolean): FlowPage {
  const { steps, firstUnanswered, emergencyAt } = walk(progress, ruleSet);
  if (emergencyAt !== undefined) return 'result';
  if (firstUnanswered !== undefined) {
    if (changing) return firstUnanswered;
    const next = steps[steps.indexOf(step) + 1];
    return next ?? firstUnanswered;
  }
  if (changing) return 'check-answers';
  const asked = steps;
  return asked[asked.indexOf(step) + 1] ?? 'check-answers';
}

/** Where "Back" goes from a page. */
export function pageBefore(progress: FlowProgress, page: FlowPage, ruleSet: RuleSet): FlowPage | 'start' {
  const { steps, emergencyAt } = walk(progress, ruleSet);
  if (page === 'result') return emergencyAt ?? 'check-answers';
  if (page === 'check-answers') return steps.at(-1) ?? 'start';
  const index = steps.indexOf(page);
  return index > 0 ? steps[index - 1]! : 'start';
}

/** Pages a person may open by URL (browser back/forward): only what they have reached. */
export function reachablePages(progress: FlowProgress, ruleSet: RuleSet): FlowPage[] {
  const { steps, firstUnanswered, emergencyAt } = walk(progress, ruleSet);
  if (emergencyAt !== undefined) return [...steps, 'result'];
  if (firstUnanswered !== undefined) return steps;
  return [...steps, 'check-answers', 'result'];
}

/** The steps whose answers are shown on the check page, in order. */
export const answeredSteps = (progress: FlowProgress, ruleSet: RuleSet): QuestionStep[] =>
  walk(progress, ruleSet).steps.filter((step) => isAnswered(progress, step));
