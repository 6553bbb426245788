import { expect, test, type Page } from '@playwright/test';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { expectNoAxeViolations } from './axe.ts';
import { answerCurrentStep, appStarted, currentPage } from './wizard-driver.ts';

/** axe-core with the WCAG 2.2 A/AA rules and best practices: every page type, 0 violations. */
async function expectNoViolations(page: Page, label: string) {
  await expect(page.locator('h1')).toBeVisible();
  await expectNoAxeViolations(page, label);
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
  await openRedFlags(page);
  await answerCurrentStep(page, { redFlags: ['breathless'] });
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-urgency="emergency"]')).toBeVisible();
  await expectNoViolations(page, 'emergency result');
});

/** From the start page to the warning signs, as a man of 40 without a hip replacement. */
async function openRedFlags(page: Page) {
  await page.locator('button.button--start').click();
  await expect(page).toHaveURL(/#\/about-you$/);
  await answerCurrentStep(page, { age: 40, sex: 'male' });
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/#\/hip-replacement$/);
  await answerCurrentStep(page, { hipReplacement: false });
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/#\/red-flags$/);
}

// Issue 21: accessibility beyond what axe checks.

test('the mode switch is a button named for what it does (no aria-pressed), and keeps focus when pressed', async ({ page }) => {
  await page.goto('./');
  const toReception = page.getByRole('button', { name: 'Switch to reception mode', exact: true });
  const toPatient = page.getByRole('button', { name: 'Switch to patient mode', exact: true });
  await expect(toReception).not.toHaveAttribute('aria-pressed');
  await toReception.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Reception mode is on')).toBeVisible();
  await expect(toPatient).toBeFocused();
  await expect(toPatient).not.toHaveAttribute('aria-pressed');
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  // And back: Enter on a button is the button's, not reception mode's "go on".
  await page.keyboard.press('Enter');
  await expect(page.getByText('Reception mode is on')).toBeHidden();
  await expect(toReception).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
});

test('in forced colours the "Call 112" buttons keep a visible border, on the start page and an emergency result', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const expectBorder = async (label: string) => {
    const calls = page.locator('main a.emergency-call');
    await expect(calls.first()).toBeVisible();
    const borders = await calls.evaluateAll((links) =>
      links.map((link) => {
        const style = getComputedStyle(link);
        return { width: parseFloat(style.borderTopWidth), style: style.borderTopStyle, bottom: parseFloat(style.borderBottomWidth) };
      }),
    );
    for (const border of borders) {
      expect(border.width, label).toBeGreaterThan(0);
      expect(border.bottom, label).toBeGreaterThan(0);
      expect(border.style, label).not.toBe('none');
    }
  };
  await page.goto('./');
  await expectBorder('start page');
  await openRedFlags(page);
  await expectBorder('warning signs');
  await answerCurrentStep(page, { redFlags: ['breathless'] });
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-urgency="emergency"]')).toBeVisible();
  await expectBorder('emergency result');
});

for (const language of ['en', 'ar']) {
  test(`on a 390 × 844 phone, Start is on the first screen, after the emergency advice (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`./?lang=${language}`);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.locator('button.button--start')).toBeVisible();
    // Measured in one go, once the page has settled (Arabic renders afresh over the English prerendered page).
    const layout = () =>
      page.evaluate(() => {
        const start = document.querySelector('button.button--start')?.getBoundingClientRect();
        const emergency = document.querySelector('main .care-card--emergency')?.getBoundingClientRect();
        return start && emergency ? { startBottom: start.bottom, startTop: start.top, emergencyTop: emergency.top } : undefined;
      });
    await expect.poll(async () => (await layout())?.startBottom ?? Infinity).toBeLessThanOrEqual(844);
    const { startTop, emergencyTop } = (await layout())!;
    expect(emergencyTop).toBeLessThan(startTop);
  });
}

test('on a 390 × 844 phone, the warning signs say to call now before the list, under short headings', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await openRedFlags(page);
  const note = await page.locator('[data-emergency-note]').boundingBox();
  const firstBox = await page.locator('input[name="redFlags"]').first().boundingBox();
  expect(note!.y).toBeLessThan(firstBox!.y);
  await expect(page.locator('main h2.choice-group__label')).toHaveText([
    'Injury or the leg',
    'Fever or infection',
    'Nerves and bladder',
    'Blood clots and breathing',
    'Other signs',
  ]);
  await expect(page.getByRole('heading', { level: 2, name: 'Nerves and bladder' })).toBeVisible();
});

test('the axe scan reports a violation, so the scans above can fail', async ({ page }) => {
  await page.goto('./');
  await appStarted(page);
  // Outside React's part of the page, so that no render takes it away again.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'x.svg' })));
  await expect(expectNoAxeViolations(page, 'a picture without a text')).rejects.toThrow(/image-alt/);
});
