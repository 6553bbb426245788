import type { AnswerField, AnswersSoFar } from '../answers/answers-schema.ts';
import { isRedFlagShown, isSymptomShown } from '../answers/asked-when.ts';
import { isEmergency } from '../rules/evaluate-rules.ts';
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

/**
 * A step counts as answered while it offers nothing the person has not seen: an
 * option added since (new red flags after a pregnancy answer, say) means asking
 * again; an option taken away does not.
 */
export const isAnswered = (progress: FlowProgress, step: QuestionStep): boolean => {
  const seen = progress.answered[step];
  if (seen === undefined) return false;
  const offeredThen = new Set(seen.split(' '));
  return stepOptionsKey(step, progress.answers)
    .split(' ')
    .every((option) => option === '' || offeredThen.has(option));
};

interface Walk {
  /** Steps asked, in order, up to and including the first unanswered one. */
  steps: QuestionStep[];
  /** The first asked step without an answer, if any. */
  firstUnanswered?: QuestionStep;
  /** The step whose answers made the result an emergency, if any. */
  emergencyAt?: QuestionStep;
}

/**
 * The answers that count: those of the questions the wizard asks given the other
 * answers, and nothing after an emergency (policy §1: the questions after the red
 * flags are asked only while no emergency was found). Answers held for questions
 * that no longer apply are kept in memory, so going back restores them, but they
 * never reach the result.
 */
export function inForce(progress: FlowProgress, ruleSet: RuleSet): { answers: AnswersSoFar; steps: QuestionStep[]; asked: QuestionStep[] } {
  const kept: AnswerField[] = [];
  const steps: QuestionStep[] = [];
  const asked: QuestionStep[] = [];
  for (const step of QUESTION_STEPS) {
    const earlier = pick(progress.answers, kept);
    if (AFTER_SCREENING.has(step) && isEmergency(ruleSet, earlier)) break;
    if (!isStepAskedGiven(step, earlier)) continue;
    kept.push(...STEP_FIELDS[step]);
    asked.push(step);
    if (isAnswered(progress, step) || STEP_FIELDS[step].some((field) => progress.answers[field] !== undefined)) steps.push(step);
  }
  return { answers: pick(progress.answers, kept), steps, asked };
}

export const answersInForce = (progress: FlowProgress, ruleSet: RuleSet): AnswersSoFar => inForce(progress, ruleSet).answers;

/** Walks the questions in order over the answers given, stopping at an emergency. */
export function walk(progress: FlowProgress, ruleSet: RuleSet): Walk {
  const steps: QuestionStep[] = [];
  for (const step of QUESTION_STEPS) {
    const earlier = pick(progress.answers, fieldsBefore(step));
    if (AFTER_SCREENING.has(step) && isEmergency(ruleSet, earlier)) {
      return { steps, emergencyAt: steps.at(-1) };
    }
    if (!isStepAskedGiven(step, earlier)) continue;
    steps.push(step);
    if (!isAnswered(progress, step)) {
      // Invariant 3: answers already given that fire an emergency stop the questions,
      // even while this one waits to be asked (again): say, a child's age entered
      // after fever and no weight bearing were ticked.
      const held = inForce(progress, ruleSet);
      // Back from the result then goes to the question whose answer made it an emergency.
      if (isEmergency(ruleSet, held.answers)) return { steps, emergencyAt: held.steps.at(-1) ?? step };
      return { steps, firstUnanswered: step };
    }
  }
  return isEmergency(ruleSet, answersInForce(progress, ruleSet)) ? { steps, emergencyAt: steps.at(-1) } : { steps };
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
    // A question before this one needs an answer first (say, after going Back from
    // an emergency result past a question that now applies).
    if (changing || !steps.includes(step)) return firstUnanswered;
    return steps[steps.indexOf(step) + 1] ?? firstUnanswered;
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
  // The previous question asked, given the answers held (the page may lie past an
  // unanswered question, after Back from an emergency result).
  const asked = inForce(progress, ruleSet).asked;
  return asked.filter((step) => QUESTION_STEPS.indexOf(step) < QUESTION_STEPS.indexOf(page)).at(-1) ?? 'start';
}

/** Whether every question that applies is answered and no emergency stopped them. */
export const isComplete = (progress: FlowProgress, ruleSet: RuleSet): boolean => {
  const { firstUnanswered, emergencyAt } = walk(progress, ruleSet);
  return firstUnanswered === undefined && emergencyAt === undefined;
};

/**
 * Where "Back" goes, all things considered: from a question reached by "Change",
 * back to the check page when it can be shown (GOV.UK pattern); otherwise the
 * previous question.
 */
export function backTarget(progress: FlowProgress, page: FlowPage, ruleSet: RuleSet, changing: boolean): FlowPage | 'start' {
  if (changing && page !== 'check-answers' && page !== 'result' && isComplete(progress, ruleSet)) return 'check-answers';
  return pageBefore(progress, page, ruleSet);
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
