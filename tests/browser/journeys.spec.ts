import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { CONTENT_IDS } from '../../src/triage/catalogue.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { HOST } from './ports.ts';
import { completeWizard, currentPage, result, passHipReplacement } from './wizard-driver.ts';

const routine = routineAnswers;

const start = async (page: Page, query = '') => {
  await page.goto(`./${query}`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeFocused();
};
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });

test('routine path: sections in the progress bar, check page, then the result', async ({ page }) => {
  await start(page);
  await expect(page.locator('[aria-current="step"]')).toContainText('About you');
  const { seen } = await completeWizard(page, routine, { confirm: false });
  expect(seen).toEqual([
    'about-you',
    'hip-replacement',
    'red-flags',
    'locations',
    'onset',
    'duration',
    'symptoms',
    'risk-factors',
    'activity',
    'pain-score',
  ]);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await expect(page.locator('.summary-list')).toContainText('Groin');
  await expect(page.locator('.summary-list')).toContainText('4 out of 10');
  await page.getByRole('button', { name: 'See my suggestion' }).click();
  await expect(result(page)).toHaveAttribute('data-urgency', 'routine');
  await expect(result(page)).toHaveAttribute('data-specialist', 'orthopedist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book a routine appointment in the next few weeks');
  await expect(page.getByText('This is not a diagnosis.')).toBeVisible();
  await expect(page.getByRole('link', { name: /hip joint/i }).first()).toBeVisible();
});

test('emergency stop: a red flag ends the questions and the number to call comes first', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('40');
  await page.getByLabel('Male', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await page.getByLabel('Numbness around the genitals, bottom or inner thighs (for example when wiping)', { exact: true }).check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/#\/result$/);
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
  await expect(result(page)).toHaveAttribute('data-specialist', 'emergency-department');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Call 112 now');
  const call = page.getByRole('link', { name: 'Call 112' });
  await expect(call).toHaveAttribute('href', 'tel:112');
  // The call link comes before everything else in the result.
  const order = await page
    .locator('main')
    .evaluate((main) => [...main.querySelectorAll('h1, a[href^="tel:"], h2')].map((el) => el.tagName));
  expect(order.slice(0, 2)).toEqual(['H1', 'A']);
  // Going back lets the person change the answer, and then the questions go on.
  await page.getByRole('link', { name: 'Back' }).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(
    page.getByLabel('Numbness around the genitals, bottom or inner thighs (for example when wiping)', { exact: true }),
  ).toBeChecked();
  await page.getByLabel('None of these', { exact: true }).check();
  await expect(
    page.getByLabel('Numbness around the genitals, bottom or inner thighs (for example when wiping)', { exact: true }),
  ).not.toBeChecked();
  await continueButton(page).click();
  await expect(page).toHaveURL(/#\/locations$/);
});

test('an injury with no weight bearing stops the questions after "How did the pain start?"', async ({ page }) => {
  await start(page);
  const { seen } = await completeWizard(page, { ...routine, age: 40, redFlags: ['cannot-bear-weight'], onset: 'injury' });
  expect(seen).toEqual(['about-you', 'hip-replacement', 'red-flags', 'locations', 'onset']);
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
});

test('policy v2: a leg that suddenly looks out of shape stops the questions on the onset page (E-deformity)', async ({ page }) => {
  await start(page);
  const { seen } = await completeWizard(page, { ...routine, age: 50, redFlags: ['leg-deformed'], onset: 'sudden' });
  expect(seen).toEqual(['about-you', 'hip-replacement', 'red-flags', 'locations', 'onset']);
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
  await expect(page.locator('.reasons li[data-rule="E-deformity"]')).toHaveCount(1);
});

test('policy v3: a hip replacement is asked before the warning signs, so E-prosthesis stops the questions there', async ({ page }) => {
  await start(page);
  const { seen } = await completeWizard(page, { ...routine, age: 50, hipReplacement: true, redFlags: ['fever'] });
  expect(seen).toEqual(['about-you', 'hip-replacement', 'red-flags']);
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
  await expect(page.locator('.reasons li[data-rule="E-prosthesis"]')).toHaveCount(1);
});

test('policy v3: an urgent result ends with "Call 112 now if:", its line and the warning signs asked about; the warning-signs page shows the number', async ({
  page,
}) => {
  await page.goto('./?lang=en');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('Age', { exact: true }).fill('40');
  await page.getByLabel('Male', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(page.locator('main a[href="tel:112"]')).toBeVisible();
  await page.goto('./?lang=en#/');
  const { given } = await completeWizard(page, { ...routine, age: 40, redFlags: ['calf-swelling'] });
  expect(given.redFlags).toEqual(['calf-swelling']);
  await expect(result(page)).toHaveAttribute('data-urgency', 'urgent');
  const net = page.locator('[data-safety-net]');
  await expect(net.getByText('Call 112 now if:')).toBeVisible();
  await expect(net.locator('[data-call-now-if="breathless-chest-pain"]')).toHaveText(
    'you become breathless, get chest pain or cough up blood',
  );
  await expect(net.locator('[data-call-now-if="warning-signs"]')).toContainText('or any of the warning signs we asked about appear');
  await expect(net.locator('a[href="tel:112"]')).toBeVisible();
  // An urgent result has no same-day step: its instruction already is today (policy §2, item 2).
  await expect(net.locator('[data-safety-net-line="same-day"]')).toHaveCount(0);
});

test('pregnancy path: pregnancy questions and pregnancy warning signs appear; weeks can be "I do not know"', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('29');
  await page.getByLabel('Female', { exact: true }).check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Are you pregnant, or have you given birth or been pregnant in the last 6 months?',
  );
  await page.getByLabel('Yes, I am pregnant', { exact: true }).check();
  await continueButton(page).click();
  await page.getByLabel('I do not know', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(page.getByText('During pregnancy')).toBeVisible();
  await page.getByLabel('The baby is moving less than usual', { exact: true }).check();
  await continueButton(page).click();
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
  // Weeks not known: the emergency department first, as before 20 weeks (E-pregnancy-early, policy v3).
  await expect(result(page)).toHaveAttribute('data-specialist', 'emergency-department');
  // Weeks not known: the emergency call, without "or your maternity unit" (that is from 20 weeks, policy §2).
  await expect(page.getByText('Call the emergency number 112 now, or go to the nearest emergency department.')).toBeVisible();
  await expect(page.locator('[data-safety-net]')).toHaveCount(0);
});

test('a man is never asked about pregnancy, and sees no pregnancy warning signs', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('30');
  await page.getByLabel('Male', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(page.locator('input[name="redFlags"][value="vaginal-bleeding"]')).toHaveCount(0);
  await expect(page.locator('input[name="redFlags"][value="limp"]')).toHaveCount(0);
});

test('child path: no pregnancy question, a limp is a warning sign, and the child specialist is suggested', async ({ page }) => {
  await start(page);
  const { seen } = await completeWizard(page, { ...routine, age: 8, sex: 'female', redFlags: ['limp'], symptoms: [] });
  expect(seen).not.toContain('pregnancy');
  await expect(result(page)).toHaveAttribute('data-urgency', 'urgent');
  await expect(result(page)).toHaveAttribute('data-specialist', 'pediatric-orthopedist');
});

test('a limp is not asked twice for a child', async ({ page }) => {
  await start(page);
  await completeWizard(page, { ...routine, age: 8 }, { confirm: false }).catch(() => undefined);
  await page.goto('./#/symptoms');
  await expect(page.locator('input[name="symptoms"][value="limp"]')).toHaveCount(0);
});

test('change an answer from the check page, then come back to it', async ({ page }) => {
  await start(page);
  await completeWizard(page, routine, { confirm: false });
  await page.getByRole('link', { name: /Change\s+your answer to: How it started/ }).click();
  await expect(page).toHaveURL(/#\/onset$/);
  await expect(page.getByLabel('Slowly, over time', { exact: true })).toBeChecked();
  await page.getByLabel('After a fall, a blow or an accident', { exact: true }).check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/#\/check-answers$/);
  await expect(page.locator('.summary-list')).toContainText('After a fall, a blow or an accident');
  await page.getByRole('button', { name: 'See my suggestion' }).click();
  await expect(result(page)).toHaveAttribute('data-urgency', 'soon');
});

test('changing sex to female from the check page asks the new pregnancy question, then returns', async ({ page }) => {
  await start(page);
  await completeWizard(page, { ...routine, age: 30 }, { confirm: false });
  await page.getByRole('link', { name: /your answer to: Sex/ }).click();
  await page.getByLabel('Female', { exact: true }).check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/#\/pregnancy$/);
  await page.getByLabel('Yes, I am pregnant', { exact: true }).check();
  await continueButton(page).click();
  await page.getByLabel('How many weeks pregnant are you?', { exact: true }).fill('20');
  await continueButton(page).click();
  // The warning signs now include pregnancy ones, so they are asked again, with no
  // "None of these" carried over: the person has not seen the new ones yet.
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(page.getByLabel('Bleeding from the vagina', { exact: true })).toBeVisible();
  await expect(page.getByLabel('None of these', { exact: true })).not.toBeChecked();
  await page.getByLabel('None of these', { exact: true }).check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/#\/check-answers$/);
  await expect(page.locator('.summary-list')).toContainText('20 weeks');
});

test('validation: clear errors that link to the field, title prefix, nothing typed is lost', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('4.5');
  await continueButton(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary).toContainText('Enter your age as a whole number of years, like 42');
  await expect(summary).toContainText('Select your sex');
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('4.5');
  await summary.getByRole('link', { name: 'Select your sex' }).click();
  await expect(page.getByLabel('Female', { exact: true })).toBeFocused();
  await page.getByLabel('Age', { exact: true }).fill('121');
  await continueButton(page).click();
  await expect(summary).toContainText('Age must be from 0 to 120 years');
  await expect(page.getByLabel('Age', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Age', { exact: true }).fill('45');
  await page.getByLabel('Male', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await expect(page).not.toHaveTitle(/^Error: /);
});

test('Russian: the whole interface switches, html lang is set, answers are kept', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('52');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('About you');
  await expect(page.locator('input[name="age"]')).toHaveValue('52');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('?lang=ru opens in Russian', async ({ page }) => {
  await page.goto('./?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-current', 'true');
});

test('browser back and forward move between pages and keep the answers', async ({ page }) => {
  await start(page);
  await page.getByLabel('Age', { exact: true }).fill('63');
  await page.getByLabel('Male', { exact: true }).check();
  await continueButton(page).click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/hip-replacement$/);
  await expect(page.locator('input[name="hipReplacement"][value="false"]')).toBeChecked();
  await page.goBack();
  await expect(page).toHaveURL(/#\/about-you$/);
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('63');
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/#\/red-flags$/);
  // A page not reached yet cannot be opened by URL.
  await page.goto('./#/pain-score');
  // The app puts the address right after the navigation: wait for it (read at once, it raced).
  await expect.poll(() => currentPage(page)).toMatch(/^(red-flags|start)$/);
  await expect(page.locator('input[name="painScore"]')).toHaveCount(0);
});

test('works at 320 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await start(page);
  await completeWizard(page, routine);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('every article page shows the emergency number as a tel: link, in every language, also reached by its address', async ({ page }) => {
  // 5 articles × 4 languages, each opened straight from its URL (policy v3 §5, §7).
  for (const language of LANGUAGES) {
    for (const id of CONTENT_IDS) {
      await page.goto(`./?lang=${language}#/articles/${id}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const box = page.locator('[data-get-help]');
      await expect(box.locator('a[href="tel:112"]'), `${language} ${id}`).toHaveText('112');
      expect(await box.locator('[data-get-help-list="call-now"] li').count(), `${language} ${id}`).toBeGreaterThan(0);
    }
  }
  // The clinic's own number, when it has one.
  await page.goto(`./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}#/articles/hip-pain-pregnancy`);
  await expect(page.locator('[data-get-help] a[href="tel:911"]')).toHaveText('911');
});

test('a routine result on a phone reads in order: what to do and by when, who, why, the safety net, reading (issue 21)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await completeWizard(page, routine);
  const top = async (locator: ReturnType<Page['locator']>) => (await locator.first().boundingBox())!.y;
  const order = [
    await top(page.getByRole('heading', { level: 1, name: 'Book a routine appointment in the next few weeks' })),
    await top(page.locator('.specialist__name')),
    await top(page.getByRole('heading', { name: 'Why we suggest this' })),
    await top(page.locator('[data-safety-net]')),
    await top(page.getByRole('heading', { name: 'Reading' })),
  ];
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // The heading is not said again as the first line.
  await expect(page.locator('.care-card__instruction')).toHaveCount(0);
});
