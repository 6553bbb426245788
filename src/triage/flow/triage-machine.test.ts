import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { ruleSet } from '../rules/rule-set.ts';
import type { QuestionStep } from './steps.ts';
import { triageMachine } from './triage-machine.ts';

const start = () => {
  const actor = createActor(triageMachine, { input: { ruleSet } }).start();
  actor.send({ type: 'wizard.start' });
  return actor;
};
type Actor = ReturnType<typeof start>;
const page = (actor: Actor) => actor.getSnapshot().value;
const submit = (actor: Actor, step: QuestionStep, values: AnswersSoFar) => {
  expect(page(actor)).toBe(step);
  actor.send({ type: 'step.submitted', step, values });
};

const routinePain = (actor: Actor) => {
  submit(actor, 'locations', { locations: ['groin'] });
  submit(actor, 'onset', { onset: 'gradual' });
  submit(actor, 'duration', { duration: 'long' });
  submit(actor, 'symptoms', { symptoms: ['activity-pain'] });
  submit(actor, 'risk-factors', { riskFactors: [] });
  submit(actor, 'activity', { active: false });
  submit(actor, 'pain-score', { painScore: 4 });
};

describe('triage flow', () => {
  it('asks a man of 63 no pregnancy question and ends on the check page, then the result', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 63, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: [] });
    routinePain(actor);
    expect(page(actor)).toBe('check-answers');
    actor.send({ type: 'answers.confirmed' });
    expect(page(actor)).toBe('result');
    expect(evaluateRules(ruleSet, actor.getSnapshot().context.answers).specialist).toBe('orthopedist');
  });

  it('stops at the red-flag page when an emergency rule fires', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 40, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: ['saddle-numbness'] });
    expect(page(actor)).toBe('result');
    actor.send({ type: 'step.back' });
    expect(page(actor)).toBe('red-flags');
    submit(actor, 'red-flags', { redFlags: [] });
    expect(page(actor)).toBe('locations');
  });

  it('stops after the onset question when an injury makes a fracture rule fire', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 40, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: ['cannot-bear-weight'] });
    submit(actor, 'locations', { locations: ['groin'] });
    submit(actor, 'onset', { onset: 'injury' });
    expect(page(actor)).toBe('result');
    actor.send({ type: 'step.back' });
    expect(page(actor)).toBe('onset');
  });

  it('asks pregnancy, then weeks, and offers the pregnancy red flags', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 29, sex: 'female' });
    submit(actor, 'pregnancy', { pregnancy: 'pregnant' });
    submit(actor, 'pregnancy-weeks', {});
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: ['vaginal-bleeding'] });
    expect(page(actor)).toBe('result');
  });

  it('v3: asks about a hip replacement from 16, before the warning signs, and stops there for E-prosthesis', () => {
    const young = start();
    submit(young, 'about-you', { age: 15, sex: 'male' });
    expect(page(young)).toBe('red-flags');
    const actor = start();
    submit(actor, 'about-you', { age: 16, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: true });
    submit(actor, 'red-flags', { redFlags: ['cannot-bear-weight'] });
    expect(page(actor)).toBe('result');
    expect(evaluateRules(ruleSet, actor.getSnapshot().context.answers).reasons).toContain('E-prosthesis');
  });

  it('v3: drops the hip replacement answer, and wound-problem, when the age changes to under 16', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 30, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: true });
    submit(actor, 'red-flags', { redFlags: ['wound-problem'] });
    expect(page(actor)).toBe('locations');
    actor.send({ type: 'step.back' });
    actor.send({ type: 'step.back' });
    actor.send({ type: 'step.back' });
    submit(actor, 'about-you', { age: 15, sex: 'male' });
    expect(actor.getSnapshot().context.answers).toEqual({ age: 15, sex: 'male', redFlags: [] });
  });

  it('re-asks the red flags when a change from the check page adds pregnancy flags, then returns to the check page', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 30, sex: 'female' });
    submit(actor, 'pregnancy', { pregnancy: 'no' });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: [] });
    routinePain(actor);
    actor.send({ type: 'answers.change', step: 'pregnancy' });
    submit(actor, 'pregnancy', { pregnancy: 'pregnant' });
    submit(actor, 'pregnancy-weeks', { pregnancyWeeks: 20 });
    submit(actor, 'red-flags', { redFlags: [] });
    expect(page(actor)).toBe('check-answers');
  });

  it('drops the pregnancy answers when sex changes to male', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 30, sex: 'female' });
    submit(actor, 'pregnancy', { pregnancy: 'pregnant' });
    submit(actor, 'pregnancy-weeks', { pregnancyWeeks: 12 });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    for (const expected of ['hip-replacement', 'pregnancy-weeks', 'pregnancy', 'about-you']) {
      actor.send({ type: 'step.back' });
      expect(page(actor)).toBe(expected);
    }
    submit(actor, 'about-you', { age: 30, sex: 'male' });
    expect(page(actor)).toBe('hip-replacement'); // the next question, its answer kept
    expect(actor.getSnapshot().context.answers).toEqual({ age: 30, sex: 'male', hipReplacement: false });
  });

  it('goes back from a changed question to the check page without saving', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 63, sex: 'male' });
    submit(actor, 'hip-replacement', { hipReplacement: false });
    submit(actor, 'red-flags', { redFlags: [] });
    routinePain(actor);
    actor.send({ type: 'answers.change', step: 'onset' });
    actor.send({ type: 'step.back' });
    expect(page(actor)).toBe('check-answers');
    expect(actor.getSnapshot().context.answers.onset).toBe('gradual');
  });

  it('lets the URL open only pages already reached', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 63, sex: 'male' });
    actor.send({ type: 'page.visit', page: 'pain-score' });
    expect(page(actor)).toBe('hip-replacement');
    actor.send({ type: 'page.visit', page: 'red-flags' });
    expect(page(actor)).toBe('hip-replacement');
    actor.send({ type: 'page.visit', page: 'about-you' });
    expect(page(actor)).toBe('about-you');
    actor.send({ type: 'page.visit', page: 'hip-replacement' });
    expect(page(actor)).toBe('hip-replacement');
  });

  it('clears everything on restart', () => {
    const actor = start();
    submit(actor, 'about-you', { age: 63, sex: 'male' });
    actor.send({ type: 'wizard.restart' });
    expect(page(actor)).toBe('start');
    expect(actor.getSnapshot().context.answers).toEqual({});
  });
});
