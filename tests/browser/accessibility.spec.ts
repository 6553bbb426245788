import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { answerCurrentStep, currentPage } from './wizard-driver.ts';

/** axe-core with the WCAG 2.2 A/AA rules and best practices: every page type, 0 violations. */
async function expectNoViolations(page: Page, label: string) {
  await expect(page.locator('h1')).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

const pregnantPath: AnswersSoFar = {
  age: 31,
  sex: 'female',
  pregnancy: 'pregnant',
  pregnancyWeeks: 26,
  redFlags: [],
  locations: ['pubic'],
  onset: 'gradual',
  duration: 'weeks',
  symptoms: ['pelvic-pain-moving'],
  riskFactors: [],
  active: false,
  painScore: 5,
};

for (const language of LANGUAGES) {
  test(`every question page, the check page, a result and an article have no axe violations (${language})`, async ({ page }) => {
    // About fifteen axe scans in one walk through the wizard.
    test.setTimeout(180_000);
    await page.goto(`./?lang=${language}`);
    await expectNoViolations(page, 'start');
    await page.locator('button.button--start').click();

    // A failed Continue shows the error summary and inline errors.
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await expectNoViolations(page, 'about-you with errors');

    while (currentPage(page) !== 'check-answers') {
      await expectNoViolations(page, currentPage(page));
      const before = page.url();
      await answerCurrentStep(page, pregnantPath);
      await page.locator('button[type="submit"]').click();
      await expect(page).not.toHaveURL(before);
    }
    await expectNoViolations(page, 'check-answers');
    await page.locator('main button.button').click();
    await expect(page.locator('[data-urgency]')).toBeVisible();
    await expectNoViolations(page, 'result');
    await page.locator('.article-list__link').first().click();
    await expect(page.locator('article.article')).toBeVisible();
    await expectNoViolations(page, 'article');
  });
}

test('the emergency result has no axe violations', async ({ page }) => {
  await page.goto('./');
  await page.locator('button.button--start').click();
  await expect(page).toHaveURL(/#\/about-you$/);
  await answerCurrentStep(page, { age: 40, sex: 'male' });
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/#\/hip-replacement$/);
  await answerCurrentStep(page, { hipReplacement: false });
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/#\/red-flags$/);
  await answerCurrentStep(page, { redFlags: ['breathless'] });
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-urgency="emergency"]')).toBeVisible();
  await expectNoViolations(page, 'emergency result');
});
