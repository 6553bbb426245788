import { assign, setup, type TransitionConfig } from 'xstate';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import type { RuleSet } from '../rules/rule-schema.ts';
import { EMPTY_PROGRESS, applyStepAnswers, viewOf, type FlowPage, type FlowProgress, type FlowView } from './flow-position.ts';
import { QUESTION_STEPS, type QuestionStep } from './steps.ts';

/**
 * The wizard's flow: which page is shown, what has been answered, where Next, Back
 * and Change go, and the emergency stop. No markup and no navigation: the app reads
 * the state value (a page id) and sends events. No invoke/after, so xstate/graph can
 * walk it.
 *
 * Why the states and transitions are generated, not written out: a state per page
 * (named after it), and from each question every page it can lead to, each guarded
 * by "the view after this submit says so" (viewOf in flow-position.ts). Which page
 * comes next depends on every answer held (asked-when, re-asked red flags, the
 * emergency stop after each question), so the chart spelled out by hand would be
 * ~330 guarded transitions restating one function. The Stately visualiser still
 * shows it: one state per page, transitions labelled with their guard and target.
 */
export type WizardPage = 'start' | FlowPage;

export interface TriageContext extends FlowProgress {
  ruleSet: RuleSet;
  /** True while answering a question reached from a "Change" link on the check page. */
  changing: boolean;
}

export type TriageEvent =
  | { type: 'wizard.start' }
  | { type: 'step.submitted'; step: QuestionStep; values: AnswersSoFar }
  | { type: 'step.back' }
  | { type: 'answers.change'; step: QuestionStep }
  | { type: 'answers.confirmed' }
  | { type: 'page.visit'; page: WizardPage }
  | { type: 'wizard.restart' };

export interface TriageInput {
  ruleSet: RuleSet;
  /** Progress to resume from, e.g. after a reload. */
  progress?: FlowProgress;
}

export const WIZARD_PAGES: readonly WizardPage[] = ['start', ...QUESTION_STEPS, 'check-answers', 'result'];

const progressAfter = (context: TriageContext, event: TriageEvent): FlowProgress =>
  event.type === 'step.submitted' ? applyStepAnswers(context, event.step, event.values) : context;

/**
 * The view after a submit, worked out once per state and event: every candidate
 * transition's guard asks it, and the action saves the same progress. (An event
 * object may be sent again from another state, so the state is part of the key.)
 */
const afterSubmit = new WeakMap<TriageContext, WeakMap<TriageEvent, { progress: FlowProgress; view: FlowView }>>();
function submitted(context: TriageContext, event: TriageEvent) {
  let byEvent = afterSubmit.get(context);
  if (!byEvent) afterSubmit.set(context, (byEvent = new WeakMap()));
  let entry = byEvent.get(event);
  if (!entry) {
    const progress = progressAfter(context, event);
    entry = { progress, view: viewOf(progress, context.ruleSet) };
    byEvent.set(event, entry);
  }
  return entry;
}

const triageSetup = setup({
  types: {
    context: {} as TriageContext,
    events: {} as TriageEvent,
    input: {} as TriageInput,
  },
  guards: {
    /** The submitted answers lead to this page next. */
    leadsTo: ({ context, event }, params: { from: QuestionStep; to: FlowPage }) =>
      event.type === 'step.submitted' &&
      event.step === params.from &&
      submitted(context, event).view.nextAfter(params.from, context.changing) === params.to,
    /** "Back" from this page goes to that one. */
    backLeadsTo: ({ context }, params: { from: WizardPage; to: WizardPage }) =>
      params.from !== 'start' && viewOf(context, context.ruleSet).backFrom(params.from, context.changing) === params.to,
    isChangeOf: ({ event }, params: { step: QuestionStep }) => event.type === 'answers.change' && event.step === params.step,
    /** The result can be shown: all answered, or an emergency stopped the questions. */
    canShowResult: ({ context }) => viewOf(context, context.ruleSet).resultReady,
    /** The first question still needing an answer is this one. */
    nextQuestionIs: ({ context }, params: { step: QuestionStep }) => viewOf(context, context.ruleSet).firstUnanswered === params.step,
    /** A page opened by URL that the person has already reached. */
    canVisit: ({ context, event }, params: { page: WizardPage }) =>
      event.type === 'page.visit' &&
      event.page === params.page &&
      (params.page === 'start' || viewOf(context, context.ruleSet).reachablePages.includes(params.page)),
  },
  actions: {
    saveAnswers: assign(({ context, event }) => (event.type === 'step.submitted' ? submitted(context, event).progress : context)),
    startChanging: assign({ changing: true }),
    stopChanging: assign({ changing: false }),
    clearAnswers: assign({ ...EMPTY_PROGRESS, changing: false }),
  },
});

type Transition = TransitionConfig<TriageContext, TriageEvent, TriageEvent, never, never, never, never, never, never>;

// Any page can follow a submit: a change from the check page can make an earlier
// question apply again (new red flags to show, say).
const targetsAfter = (step: QuestionStep): FlowPage[] => ['result', ...QUESTION_STEPS.filter((s) => s !== step), 'check-answers'];

const submitTransitions = (step: QuestionStep) =>
  targetsAfter(step).map((to) => ({
    guard: { type: 'leadsTo' as const, params: { from: step, to } },
    target: to,
    actions: ['saveAnswers' as const, ...(to === 'check-answers' || to === 'result' ? ['stopChanging' as const] : [])],
  }));

const backTransitions = (from: WizardPage) =>
  WIZARD_PAGES.filter((to) => to !== from && to !== 'result').map((to) => ({
    guard: { type: 'backLeadsTo' as const, params: { from, to } },
    target: to,
    actions: to === 'check-answers' ? ('stopChanging' as const) : [],
  }));

const visitTransitions = WIZARD_PAGES.map((page) => ({
  guard: { type: 'canVisit' as const, params: { page } },
  target: `.${page}` as const,
  actions: 'stopChanging' as const,
}));

const questionState = (step: QuestionStep) => ({
  on: {
    'step.submitted': submitTransitions(step),
    'step.back': backTransitions(step),
  },
});

export const triageMachine = triageSetup.createMachine({
  id: 'triage',
  context: ({ input }) => ({ ruleSet: input.ruleSet, ...(input.progress ?? EMPTY_PROGRESS), changing: false }),
  initial: 'start',
  on: {
    'page.visit': visitTransitions as unknown as Transition[],
    'wizard.restart': { target: '.start', actions: 'clearAnswers' },
  },
  states: {
    start: { on: { 'wizard.start': 'about-you' } },
    ...(Object.fromEntries(QUESTION_STEPS.map((step) => [step, questionState(step)])) as Record<
      QuestionStep,
      ReturnType<typeof questionState>
    >),
    'check-answers': {
      on: {
        'answers.confirmed': [
          { guard: 'canShowResult' as const, target: 'result' },
          ...QUESTION_STEPS.map((step) => ({ guard: { type: 'nextQuestionIs' as const, params: { step } }, target: step })),
        ],
        'answers.change': QUESTION_STEPS.map((step) => ({
          guard: { type: 'isChangeOf' as const, params: { step } },
          target: step,
          actions: 'startChanging' as const,
        })),
        'step.back': backTransitions('check-answers'),
      },
    },
    result: { on: { 'step.back': backTransitions('result') } },
  },
});

export type TriageMachine = typeof triageMachine;
