import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { appStarted, completeWizard, passHipReplacement, result } from './wizard-driver.ts';
import { FOREIGN } from './ports.ts';

const routine = routineAnswers;

test('a reload midway keeps the page and every answer', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('Age', { exact: true }).fill('63');
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await passHipReplacement(page);
  await page.getByLabel('None of these', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/locations$/);
  await page.reload();
  await expect(page).toHaveURL(/#\/locations$/);
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByLabel('None of these', { exact: true })).toBeChecked();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.locator('input[name="hipReplacement"][value="false"]')).toBeChecked();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('63');
});

test('the result survives a reload; "Start again" clears everything', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routine);
  await page.reload();
  await expect(result(page)).toHaveAttribute('data-specialist', 'orthopedist');
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page).toHaveURL(/#\/$/);
  expect(await page.evaluate(() => sessionStorage.getItem('hip-triage.progress'))).toBeNull();
  await page.goto('./#/result');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
});

test('corrupted saved answers are dropped with a notice, never a crash', async ({ page }) => {
  await page.goto('./');
  // Wait for the app itself, not its prerendered page: once started it writes (here: clears) saved progress.
  await appStarted(page);
  await page.evaluate(() => sessionStorage.setItem('hip-triage.progress', '{"version":1,"answers":{"age":"old"},"answered":{}}'));
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('We could not restore your earlier answers, so the check starts again.');
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
});

test('nothing leaves the browser: no request to any other origin during a whole path', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) elsewhere.push(request.url());
  });
  await page.goto('./');
  await completeWizard(page, routine);
  await page.locator('.article-list__link').first().click();
  await expect(page.locator('article.article')).toBeVisible();
  expect(elsewhere).toEqual([]);
});

test('if the result page cannot be downloaded, the emergency number is still shown, and a retry recovers', async ({ page }) => {
  let block = true;
  await page.route(/result-page-.*\.js$/, (route) => (block ? route.abort() : route.continue()));
  await page.goto('./');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('Age', { exact: true }).fill('40');
  await page.getByLabel('Male', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await passHipReplacement(page);
  await page.getByLabel('Breathlessness or chest pain', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('This page did not load');
  await expect(page.getByRole('link', { name: 'Call 112 now' })).toHaveAttribute('href', 'tel:112');
  await expectNoAxeViolations(page, 'the page-failed fallback');
  block = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-urgency="emergency"]')).toBeVisible();
});

// Issue 22, point 8: the tab and the browser history.
test('the next site opened in the tab finds nothing in window.name that marks this app', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routine, { confirm: false });
  await page.goto(FOREIGN);
  expect(await page.evaluate(() => window.name)).not.toMatch(/hip|triage/i);
});

test('a tab named by an earlier site does not share its answers with another named window', async ({ page, context }) => {
  await page.goto(FOREIGN);
  await page.evaluate(() => (window.name = 'named-by-an-earlier-site'));
  await page.goto('./');
  await completeWizard(page, routine, { confirm: false });
  await expect(page).toHaveURL(/#\/check-answers$/);
  // A window opened from this one gets a copy of its sessionStorage, and a name of its own.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => void window.open('./', 'other-window'))]);
  await appStarted(popup);
  await expect(popup.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect(popup).not.toHaveURL(/#\/check-answers$/);
  // The tab itself still gets its answers back.
  await page.reload();
  await expect(page).toHaveURL(/#\/check-answers$/);
});

test('Back and Forward do not restart the 30 minutes: they count from the last answer', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routine, { confirm: false });
  const savedAt = () =>
    page.evaluate(() => (JSON.parse(sessionStorage.getItem('hip-triage.progress') ?? '{}') as { savedAt?: number }).savedAt);
  const answered = await savedAt();
  await page.waitForTimeout(50);
  await page.goBack();
  await expect(page).not.toHaveURL(/#\/check-answers$/);
  await page.goBack();
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/#\/check-answers$/);
  expect(await savedAt()).toBe(answered);
});

test('page titles, which go into the browser history, never say a question or the result', async ({ page }) => {
  const titles: string[] = [];
  await page.exposeFunction('recordTitle', (title: string) => titles.push(title));
  await page.addInitScript(() => {
    let last = '';
    new MutationObserver(() => {
      if (document.title === last) return;
      last = document.title;
      (window as unknown as { recordTitle: (t: string) => void }).recordTitle(last);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('./');
  await completeWizard(page, {
    ...routine,
    age: 29,
    sex: 'female',
    pregnancy: 'pregnant',
    pregnancyWeeks: 30,
    redFlags: ['reduced-movements'],
  });
  await expect(result(page)).toHaveAttribute('data-urgency', 'emergency');
  await page.goto('./#/articles/hip-pain-pregnancy');
  await expect(page.locator('article.article')).toBeVisible();
  expect(titles.length).toBeGreaterThan(3);
  for (const title of new Set(titles))
    expect(title).toMatch(/^(Check your hip pain|Question|Check your answers|Result|Reading) – Hip pain check$/);
});
