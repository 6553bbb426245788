import { expect, type Page } from '@playwright/test';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { STEP_FIELDS } from '../../src/triage/flow/steps.ts';
import { readRuleSet } from '../../src/tooling/read-rule-files.ts';

/** The rules as the build compiles them, to compute what the page should show. */
export const ruleSet = readRuleSet('rules');

export const currentPage = (page: Page) => new URL(page.url()).hash.replace(/^#\/?/, '') || 'start';

/** Fills the form on the page by the policy's field names and values (the form contract). */
export async function answerCurrentStep(page: Page, answers: AnswersSoFar) {
  const step = currentPage(page);
  const check = async (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
  const fill = async (name: string, value: number | undefined) =>
    page.locator(`input[name="${name}"]`).fill(value === undefined ? '' : String(value));
  const checkList = async (name: string, ids: readonly string[] | undefined) => {
    // Untick whatever an earlier visit left ticked (a live list: always the first one).
    const ticked = page.locator(`input[name="${name}"]:checked`);
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    if (!ids || ids.length === 0) await check(name, 'none');
    else for (const id of ids) await check(name, id);
  };
  switch (step) {
    case 'about-you':
      await fill('age', answers.age);
      await check('sex', answers.sex!);
      break;
    case 'pregnancy':
      await check('pregnancy', answers.pregnancy!);
      break;
    case 'pregnancy-weeks':
      if (answers.pregnancyWeeks === undefined) await page.locator('input[name="pregnancyWeeksUnknown"]').check();
      else await fill('pregnancyWeeks', answers.pregnancyWeeks);
      break;
    case 'red-flags':
      await checkList('redFlags', answers.redFlags);
      break;
    case 'locations':
      await checkList('locations', answers.locations);
      break;
    case 'onset':
      await check('onset', answers.onset!);
      break;
    case 'duration':
      await check('duration', answers.duration!);
      break;
    case 'symptoms':
      await checkList('symptoms', answers.symptoms);
      break;
    case 'risk-factors':
      await checkList('riskFactors', answers.riskFactors);
      break;
    case 'activity':
      await check('active', String(answers.active));
      break;
    case 'pain-score':
      await check('painScore', String(answers.painScore));
      break;
    default:
      throw new Error(`not a question page: ${step}`);
  }
  return step;
}

/**
 * Answers every question the wizard asks, from the start page, until it shows the
 * check page or a result. Returns the pages seen and the answers actually given.
 */
export async function completeWizard(page: Page, answers: AnswersSoFar, { confirm = true } = {}) {
  // Selectors, not words: the driver works in every language.
  if (currentPage(page) === 'start') await page.locator('button.button--start').click();
  const seen: string[] = [];
  const given: AnswersSoFar = {};
  while (!['check-answers', 'result'].includes(currentPage(page))) {
    const before = page.url();
    const step = await answerCurrentStep(page, answers);
    seen.push(step);
    Object.assign(given, pickStepAnswers(step, answers));
    await page.locator('main button[type="submit"]').click();
    await expect(page).not.toHaveURL(before);
  }
  if (confirm && currentPage(page) === 'check-answers') {
    seen.push('check-answers');
    await page.locator('main button[data-primary-action]').click();
    await expect(page).toHaveURL(/#\/result$/);
  }
  return { seen, given };
}

const pickStepAnswers = (step: string, answers: AnswersSoFar) =>
  Object.fromEntries(
    ((STEP_FIELDS as Record<string, readonly (keyof AnswersSoFar)[]>)[step] ?? [])
      .filter((f) => answers[f] !== undefined)
      .map((f) => [f, answers[f]]),
  );

export const result = (page: Page) => page.locator('[data-urgency]');
