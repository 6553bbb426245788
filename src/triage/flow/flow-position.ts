import type { AnswerField, AnswersSoFar } from '../answers/answers-schema.ts';
import { isRedFlagShown, isSymptomShown } from '../answers/asked-when.ts';
import { evaluateRules, isEmergency } from '../rules/evaluate-rules.ts';
import type { Recommendation } from '../rules/recommendation.ts';
import { safetyNetOf, type SafetyNet } from '../rules/safety-net.ts';
import { instructionOf, type InstructionKey } from '../rules/instruction.ts';
import { reasonsShown, type ReasonsShown } from '../rules/reasons-shown.ts';
import type { RuleSet } from '../rules/rule-schema.ts';
import { AFTER_SCREENING, QUESTION_STEPS, STEP_FIELDS, isStepAskedGiven, stepOptionsKey, type QuestionStep } from './steps.ts';

/**
 * Where a person is in the wizard, as pure functions of what they answered. The
 * flow machine's guards and actions call these; so do the model-based tests.
 */
export interface FlowProgress {
  answers: AnswersSoFar;
  /** Steps answered, with the options they offered then (see stepOptionsKey). */
  offeredWhenAnswered: Partial<Record<QuestionStep, string>>;
}

export type FlowPage = QuestionStep | 'check-answers' | 'result';

export const EMPTY_PROGRESS: FlowProgress = { answers: {}, offeredWhenAnswered: {} };

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
  const seen = progress.offeredWhenAnswered[step];
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
function questionsInForce(
  progress: FlowProgress,
  ruleSet: RuleSet,
): { answers: AnswersSoFar; steps: QuestionStep[]; asked: QuestionStep[] } {
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

/** Follows the questions in order over the answers given, as the wizard asks them, stopping at an emergency. */
function followQuestions(progress: FlowProgress, ruleSet: RuleSet): Walk {
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
      const held = questionsInForce(progress, ruleSet);
      // Back from the result then goes to the question whose answer made it an emergency.
      if (isEmergency(ruleSet, held.answers)) return { steps, emergencyAt: held.steps.at(-1) ?? step };
      return { steps, firstUnanswered: step };
    }
  }
  return isEmergency(ruleSet, questionsInForce(progress, ruleSet).answers) ? { steps, emergencyAt: steps.at(-1) } : { steps };
}

/** Drops answers to questions that are no longer asked, and options no longer offered. */
export function pruneProgress(progress: FlowProgress): FlowProgress {
  const answers: AnswersSoFar = { ...progress.answers };
  const offeredWhenAnswered = { ...progress.offeredWhenAnswered };
  for (const step of QUESTION_STEPS) {
    const earlier = pick(answers, fieldsBefore(step));
    if (isStepAskedGiven(step, earlier)) continue;
    for (const field of STEP_FIELDS[step]) delete answers[field];
    delete offeredWhenAnswered[step];
  }
  if (answers.redFlags) answers.redFlags = answers.redFlags.filter((flag) => isRedFlagShown(flag, answers));
  if (answers.symptoms) answers.symptoms = answers.symptoms.filter((symptom) => isSymptomShown(symptom, answers));
  return { answers, offeredWhenAnswered };
}

/** The progress after a step's form was submitted with these values. */
export function applyStepAnswers(progress: FlowProgress, step: QuestionStep, values: AnswersSoFar): FlowProgress {
  const answers: AnswersSoFar = { ...progress.answers };
  for (const field of STEP_FIELDS[step]) delete answers[field];
  Object.assign(answers, pick(values, STEP_FIELDS[step]));
  const offeredWhenAnswered = { ...progress.offeredWhenAnswered, [step]: stepOptionsKey(step, answers) };
  return pruneProgress({ answers, offeredWhenAnswered });
}

/**
 * Everything the rest of the app needs to know about where a person is, derived
 * once from their progress: the machine's guards, the pages and the embed all read
 * this and work nothing out themselves. Cached per progress object (contexts are
 * immutable), so the machine's many guards and a page's render share one derivation.
 */
export interface FlowView {
  /** The answers that count (see inForce). */
  answersInForce: AnswersSoFar;
  /** Every question asked given the answers held, in order. */
  askedSteps: QuestionStep[];
  /** The asked questions that hold answers in force, in order: what the result's summary lists. */
  stepsInForce: QuestionStep[];
  /** The questions as the wizard puts them, up to the first unanswered one: the progress through the check. */
  followedSteps: QuestionStep[];
  /** The questions asked and answered, in order: the check page's rows and the summary's. */
  answeredSteps: QuestionStep[];
  /** The first asked question still without an answer, if any. */
  firstUnanswered?: QuestionStep;
  /** An emergency stopped the questions; the question whose answers did it. */
  emergencyAt?: QuestionStep;
  /** Every question that applies is answered and no emergency stopped them. */
  complete: boolean;
  /** The result can be shown: nothing left unanswered (or an emergency stopped the questions). */
  resultReady: boolean;
  /** Pages a person may open by URL: only what they have reached. */
  reachablePages: FlowPage[];
  /** The recommendation for the answers in force. */
  recommendation: Recommendation;
  /** When to call the emergency number after all (policy §2). */
  safetyNet: SafetyNet;
  /** Which wording of the urgency's instruction (policy §2, v3: pregnancy and after birth). */
  instruction: InstructionKey;
  /** The reasons a person reads: at the result's urgency, and the others (policy §2, v3). */
  reasonsShown: ReasonsShown;
  /** Where Back goes from `page`; `changing`: the page was reached by a Change link. */
  backFrom(page: FlowPage, changing: boolean): FlowPage | 'start';
  /** The page after `step` was submitted (this view being the progress after it). */
  nextAfter(step: QuestionStep, changing: boolean): FlowPage;
}

const views = new WeakMap<FlowProgress, WeakMap<RuleSet, FlowView>>();

export function viewOf(progress: FlowProgress, ruleSet: RuleSet): FlowView {
  let byRuleSet = views.get(progress);
  const cached = byRuleSet?.get(ruleSet);
  if (cached) return cached;
  const walked = followQuestions(progress, ruleSet);
  const held = questionsInForce(progress, ruleSet);
  const stopped = walked.emergencyAt !== undefined;
  const complete = walked.firstUnanswered === undefined && !stopped;
  const pageBeforeIn = (page: FlowPage): FlowPage | 'start' => {
    if (page === 'result') return walked.emergencyAt ?? 'check-answers';
    if (page === 'check-answers') return walked.steps.at(-1) ?? 'start';
    // The previous question asked, given the answers held (the page may lie past an
    // unanswered question, after Back from an emergency result).
    return held.asked.filter((step) => QUESTION_STEPS.indexOf(step) < QUESTION_STEPS.indexOf(page)).at(-1) ?? 'start';
  };
  const recommendation = evaluateRules(ruleSet, held.answers);
  const view: FlowView = {
    answersInForce: held.answers,
    askedSteps: held.asked,
    stepsInForce: held.steps,
    followedSteps: walked.steps,
    answeredSteps: walked.steps.filter((step) => isAnswered(progress, step)),
    ...(walked.firstUnanswered !== undefined && { firstUnanswered: walked.firstUnanswered }),
    ...(walked.emergencyAt !== undefined && { emergencyAt: walked.emergencyAt }),
    complete,
    resultReady: walked.firstUnanswered === undefined,
    reachablePages: stopped
      ? [...walked.steps, 'result']
      : walked.firstUnanswered !== undefined
        ? walked.steps
        : [...walked.steps, 'check-answers', 'result'],
    recommendation,
    safetyNet: safetyNetOf(ruleSet, recommendation, held.answers),
    instruction: instructionOf(recommendation, held.answers),
    reasonsShown: reasonsShown(ruleSet, recommendation),
    // From a question reached by "Change", Back returns to the check page when it can be shown (GOV.UK pattern).
    backFrom: (page, changing) =>
      changing && page !== 'check-answers' && page !== 'result' && complete ? 'check-answers' : pageBeforeIn(page),
    nextAfter(step, changing) {
      if (stopped) return 'result';
      if (walked.firstUnanswered !== undefined) {
        // A question before this one needs an answer first (say, after going Back from
        // an emergency result past a question that now applies).
        if (changing || !walked.steps.includes(step)) return walked.firstUnanswered;
        return walked.steps[walked.steps.indexOf(step) + 1] ?? walked.firstUnanswered;
      }
      if (changing) return 'check-answers';
      return walked.steps[walked.steps.indexOf(step) + 1] ?? 'check-answers';
    },
  };
  if (!byRuleSet) views.set(progress, (byRuleSet = new WeakMap()));
  byRuleSet.set(ruleSet, view);
  return view;
}
