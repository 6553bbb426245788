import { expect, type Page } from '@playwright/test';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { STEP_FIELDS } from '../../src/triage/flow/steps.ts';
import { fieldDefinition, type AnswerField } from '../../src/triage/fields.ts';
import { readRuleSet } from '../../src/tooling/project-files/read-rule-files.ts';

/** The rules as the build compiles them, to compute what the page should show. */
export const ruleSet = readRuleSet('rules');

export const currentPage = (page: Page) => new URL(page.url()).hash.replace(/^#\/?/, '') || 'start';

/**
 * Fills the form on the page by the policy's field names and values (the form
 * contract), for whatever fields the field table puts on this page.
 */
export async function answerCurrentStep(page: Page, answers: AnswersSoFar) {
  // "Start" clicked on the prerendered page is made by the app once its code has run (early-clicks.ts): wait for it.
  if (currentPage(page) === 'start') await expect(page).not.toHaveURL(/#\/?$|^[^#]*$/);
  const step = currentPage(page);
  const fields = (STEP_FIELDS as Record<string, readonly AnswerField[]>)[step];
  if (!fields) throw new Error(`not a question page: ${step}`);
  const check = async (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
  for (const field of fields) {
    const definition = fieldDefinition(field);
    const value = answers[field];
    switch (definition.kind) {
      case 'number':
        // "Don't know" leaves an optional number out of the answers.
        if (value === undefined && definition.allowUnknown) await page.locator(`input[name="${field}Unknown"]`).check();
        else await page.locator(`input[name="${field}"]`).fill(value === undefined ? '' : String(value));
        break;
      case 'multiple': {
        // Untick whatever an earlier visit left ticked (a live list: always the first one).
        const ticked = page.locator(`input[name="${field}"]:checked`);
        while ((await ticked.count()) > 0) await ticked.first().uncheck();
        const ids = (value as readonly string[] | undefined) ?? [];
        if (ids.length === 0) await check(field, 'none');
        else for (const id of ids) await check(field, id);
        break;
      }
      case 'yes-no':
        // A case that leaves out a yes-no question (say, one written before policy v3 asked
        // about a hip replacement) answers No, as a person without one would.
        await check(field, String(value ?? false));
        break;
      default:
        await check(field, String(value));
    }
  }
  return step;
}

/**
 * Answers every question the wizard asks, from the start page, until it shows the
 * check page or a result. Returns the pages seen and the answers actually given.
 */
export async function completeWizard(page: Page, answers: AnswersSoFar, { confirm = true } = {}) {
  // Selectors, not words: the driver works in every language.
  if (currentPage(page) === 'start') {
    await page.locator('button.button--start').click();
    // Clicked before the app has started (it shows prerendered), the click is made again once it has.
    await expect.poll(() => currentPage(page)).not.toBe('start');
  }
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

/** In the page: React has taken over the start page (or rendered its own), rather than the prerendered HTML alone. */
export const isAppStarted = () => {
  const heading = document.querySelector('h1');
  return !!heading && Object.keys(heading).some((key) => key.startsWith('__reactFiber'));
};

/**
 * Waits for the app itself, not its prerendered start page (which shows, and can be
 * clicked, before the app's code has even arrived).
 */
export const appStarted = (page: Page) => page.waitForFunction(isAppStarted);

/** Reception's keyboard shortcuts work once its bar (a chunk of its own) has connected them (data-shortcut-keys, set by shortcut-keys.ts). */
export const receptionKeysReady = (page: Page) => page.locator('[data-shortcut-keys="on"]').waitFor({ state: 'attached' });

/**
 * Policy v3 asks about a hip replacement (from 16) between "about you" and the warning
 * signs: a journey written for the warning signs answers it (No by default) and goes on.
 */
export async function passHipReplacement(page: Page, answer = false) {
  await expect(page).toHaveURL(/#\/(hip-replacement|red-flags)$/);
  if (currentPage(page) !== 'hip-replacement') return;
  await page.locator(`input[name="hipReplacement"][value="${answer}"]`).check();
  await page.locator('main button[type="submit"]').click();
}
