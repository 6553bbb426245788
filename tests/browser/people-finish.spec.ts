import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Answers } from '../../src/triage/answers/answers-schema.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { vignettes } from '../fixtures/vignettes.ts';
import { HOST } from './ports.ts';
import { answerCurrentStep, completeWizard, currentPage, result, passHipReplacement } from './wizard-driver.ts';

/**
 * "The wizard people actually finish": other languages, right-to-left, small
 * screens and zoom, the keyboard alone, reloads, printing and taking the result away.
 */
const routine = routineAnswers;

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a Spanish speaker on a small phone finishes, reloading midway without losing anything', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./?lang=es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.locator('button.button--start').click();
  while (currentPage(page) !== 'symptoms') {
    const before = page.url();
    await answerCurrentStep(page, routine);
    await page.locator('button[type="submit"]').click();
    await expect(page).not.toHaveURL(before);
  }
  await page.reload();
  await expect(page).toHaveURL(/#\/symptoms$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await completeWizard(page, routine, { confirm: false });
  await expect(page.locator('.summary-list')).toContainText('63');
  await page.locator('main button[data-primary-action]').click();
  await expect(result(page)).toHaveAttribute('data-specialist', 'orthopedist');
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
});

test('Arabic mirrors the whole layout right-to-left and still answers correctly', async ({ page }) => {
  await page.goto('./?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator('button.button--start').click();
  const width = page.viewportSize()!.width;
  const back = await page.locator('.back-link').boundingBox();
  expect(back!.x + back!.width).toBeGreaterThan(width / 2);
  await page.locator('input[name="age"]').fill('63');
  const radio = await page.locator('input[name="sex"][value="male"]').boundingBox();
  const label = await page.locator('label[for="field-sex-male"]').boundingBox();
  expect(radio!.x).toBeGreaterThan(label!.x);
  await page.locator('input[name="sex"][value="male"]').check();
  await page.locator('button[type="submit"]').click();
  await passHipReplacement(page);
  await expect(page).toHaveURL(/#\/red-flags$/);
  await completeWizard(page, routine);
  await expect(result(page)).toHaveAttribute('data-specialist', 'orthopedist');
  // The pain scale still reads 0 → 10 in the reading direction.
  await page.goto('./?lang=ar#/pain-score');
  const zero = await page.locator('input[name="painScore"][value="0"]').boundingBox();
  const ten = await page.locator('input[name="painScore"][value="1"]').boundingBox();
  expect(zero!.x).toBeGreaterThan(ten!.x);
});

test.describe('the browser language picks the first language, after ?lang= and before the clinic default', () => {
  test.use({ locale: 'es-ES' });
  test('Spanish browser → Spanish', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.goto('./?lang=ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });
});

test.describe('a browser language the clinic does not offer falls back to the clinic default', () => {
  test.use({ locale: 'fr-FR' });
  test('French browser, Spanish clinic → Spanish', async ({ page }) => {
    await page.goto(`./?config=${encodeURIComponent(`${HOST}spanish-clinic.json`)}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Русский' })).toHaveCount(0);
  });
});

test('only the active language is downloaded; switching keeps the answers and fetches the new one', async ({ page }) => {
  const localeChunks: string[] = [];
  page.on('request', (request) => {
    const match = /locale-([a-z]{2})-/.exec(request.url());
    if (match) localeChunks.push(match[1]!);
  });
  await page.goto('./?lang=en');
  await page.locator('button.button--start').click();
  await page.locator('input[name="age"]').fill('58');
  expect(new Set(localeChunks)).toEqual(new Set(['en']));
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('input[name="age"]')).toHaveValue('58');
  expect(new Set(localeChunks)).toEqual(new Set(['en', 'es']));
});

test('a complete path with the keyboard alone; each new page puts focus on its heading', async ({ page }) => {
  await page.goto('./');
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 40; i += 1) {
      if (
        await page
          .locator(selector)
          .evaluate((el) => el === document.activeElement)
          .catch(() => false)
      )
        return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const headingFocused = () => expect(page.locator('h1')).toBeFocused();
  await tabTo('button.button--start');
  await page.keyboard.press('Enter');
  await headingFocused();
  await tabTo('input[name="age"]');
  await page.keyboard.type('63');
  await tabTo('input[name="sex"][value="female"]');
  await page.keyboard.press('ArrowDown'); // male
  await expect(page.locator('input[name="sex"][value="male"]')).toBeChecked();
  await page.keyboard.press('Enter');
  const check = async (name: string, value: string) => {
    await headingFocused();
    await tabTo(`input[name="${name}"][value="${value}"]`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
  };
  // Radios: Tab lands on the first one, arrows move; checkboxes: Tab between, Space ticks.
  await headingFocused();
  await tabTo('input[name="hipReplacement"][value="true"]');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="hipReplacement"][value="false"]')).toBeChecked();
  await page.keyboard.press('Enter');
  await check('redFlags', 'none');
  await check('locations', 'groin');
  await headingFocused();
  await tabTo('input[name="onset"][value="injury"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await headingFocused();
  await tabTo('input[name="duration"][value="days"]');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="duration"][value="long"]')).toBeChecked();
  await page.keyboard.press('Enter');
  await check('symptoms', 'activity-pain');
  await check('riskFactors', 'none');
  await headingFocused();
  await tabTo('input[name="active"][value="true"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await headingFocused();
  await tabTo('input[name="painScore"][value="0"]');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.locator('input[name="painScore"][value="4"]')).toBeChecked();
  await page.keyboard.press('Enter');
  await headingFocused();
  await expect(page).toHaveURL(/#\/check-answers$/);
  await tabTo('main button[data-primary-action]');
  await page.keyboard.press('Enter');
  await expect(result(page)).toHaveAttribute('data-specialist', 'orthopedist');
  await headingFocused();
});

for (const [label, viewport] of [
  ['320 px wide', { width: 320, height: 640 }],
  ['200 % zoom (1280×720 at 2×)', { width: 640, height: 360 }],
] as const) {
  test(`no sideways scrolling on any page at ${label}`, async ({ page }) => {
    // Two languages, every page: longer than one journey on a loaded two-core machine.
    test.setTimeout(150_000);
    await page.setViewportSize(viewport);
    for (const language of ['en', 'ar']) {
      await page.goto(`./?lang=${language}`);
      // Start afresh: the previous language's walk left answers for this session.
      await expect(page.locator('button.button--start')).toBeVisible();
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      await expect(page.locator('button.button--start')).toBeVisible();
      expect(await noSidewaysScroll(page), `${language} start`).toBeLessThanOrEqual(0);
      await page.locator('button.button--start').click();
      const answers: Answers = { ...routine, age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 20 };
      while (currentPage(page) !== 'check-answers') {
        expect(await noSidewaysScroll(page), `${language} ${currentPage(page)}`).toBeLessThanOrEqual(0);
        const before = page.url();
        await answerCurrentStep(page, answers);
        await page.locator('button[type="submit"]').click();
        await expect(page).not.toHaveURL(before);
      }
      expect(await noSidewaysScroll(page), `${language} check-answers`).toBeLessThanOrEqual(0);
      await page.locator('main button[data-primary-action]').click();
      await expect(result(page)).toBeVisible();
      expect(await noSidewaysScroll(page), `${language} result`).toBeLessThanOrEqual(0);
    }
  });
}

test('with prefers-reduced-motion nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await page.locator('button.button--start').click();
  await page.locator('button[type="submit"]').click();
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el);
        return parseFloat(style.transitionDuration) > 0 || parseFloat(style.animationDuration) > 0;
      }).length,
  );
  expect(moving).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
});

test('the result prints on one A4 page without navigation, with answers, date and reading URLs', async ({ page }) => {
  // The worked case with the most reasons makes the longest result.
  const longest = [...vignettes].sort((a, b) => b.expected.reasons.length - a.expected.reasons.length)[0]!;
  await page.goto('./');
  await completeWizard(page, {
    ...routine,
    age: 70,
    sex: 'female',
    symptoms: ['activity-pain', 'rest-pain', 'clicking-locking'],
    riskFactors: ['steroids'],
    painScore: 8,
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.header')).toBeHidden();
  await expect(page.locator('.back-link')).toBeHidden();
  await expect(page.locator('.print-answers')).toBeVisible();
  await expect(page.locator('.print-answers')).toContainText('63'.replace('63', '70'));
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages, `printed pages for a result with ${longest.expected.reasons.length}+ reasons`).toBe(1);
  const href = await page.locator('.article-list__link').first().getAttribute('href');
  expect(href).toMatch(/^http:\/\/localhost:\d+\/.*#\/articles\//);
});

test('"Save the summary" saves the same summary as a text file, and says where it went', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routine);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the summary (text file)' }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Saved as hip-pain-check-summary.txt' })).toBeVisible();
  expect(download.suggestedFilename()).toBe('hip-pain-check-summary.txt');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/Age: 63 years/);
  expect(text).toMatch(/Contact first: Orthopaedic doctor/);
  expect(text).toMatch(/Not a diagnosis/);
});
