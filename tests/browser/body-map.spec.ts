import { expect, test, type Page } from '@playwright/test';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { answerCurrentStep, completeWizard } from './wizard-driver.ts';

const routine = routineAnswers;

/** From the start page to the locations question, in the given language. */
async function openLocations(page: Page, language = 'en') {
  await page.goto(`./?lang=${language}`);
  await page.locator('button.button--start').click();
  for (const step of ['about-you', 'hip-replacement', 'red-flags']) {
    await expect(page).toHaveURL(new RegExp(`#/${step}$`));
    await answerCurrentStep(page, routine);
    await page.locator('button[type="submit"]').click();
  }
  await expect(page).toHaveURL(/#\/locations$/);
  // The map's code loads with this question (lazily), so wait for it.
  await expect(page.locator('main [data-body-map]')).toBeVisible();
}

/** A place on the map, in the front view or the back view's copy (outer hip, thigh and knee are drawn in both). */
const region = (page: Page, id: string, view: 'front' | 'back' = 'front') =>
  page.locator(`main [data-body-map] [data-view="${view}"] [data-location="${id}"]`);
/** Taps the region's first shape (a region's middle may fall between its two legs). */
const tap = (page: Page, id: string, view: 'front' | 'back' = 'front') =>
  region(page, id, view).locator('.body-map__shape').first().click();
const listBox = (page: Page, id: string) => page.locator(`input[name="locations"][value="${id}"]`);
const PLACES = 7;

test('tapping the body map ticks the list, and the answer reaches the check page', async ({ page }) => {
  await openLocations(page);
  await tap(page, 'groin');
  await expect(listBox(page, 'groin')).toBeChecked();
  await expect(region(page, 'groin')).toHaveClass(/body-map__region--checked/);
  // The back view's thigh ticks the same answer.
  await tap(page, 'thigh', 'back');
  await expect(listBox(page, 'thigh')).toBeChecked();
  await tap(page, 'buttock', 'back');
  // The list drives the map too.
  await listBox(page, 'buttock').uncheck();
  await expect(region(page, 'buttock', 'back')).not.toHaveClass(/body-map__region--checked/);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/onset$/);
  await completeWizard(page, routine, { confirm: false });
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(page.locator('.summary-list__row', { hasText: 'Where it hurts' }).locator('li')).toHaveText(['Groin', 'Thigh']);
});

test('one tab stop and one announced checkbox per place: the map is a picture of the list, Space ticks, Enter continues', async ({
  page,
}) => {
  await openLocations(page);
  // Announced once each (the map is hidden from assistive technology), with the form contract's names and values.
  await expect(page.getByRole('checkbox')).toHaveCount(PLACES);
  await expect(page.locator('input[name="locations"]')).toHaveCount(PLACES);
  await expect(page.locator('main [data-body-map]')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.locator('main [data-body-map] [tabindex], main [data-body-map] [role]')).toHaveCount(0);
  // From the page's heading, Tab meets each place once, then Continue.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const stops: string[] = [];
  while (stops.length < 20) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement;
      return element.name === 'locations' ? element.value : (element.textContent ?? element.tagName);
    });
    stops.push(stop);
    if (stop === 'Continue') break;
  }
  expect(stops).toEqual(['groin', 'outer-hip', 'buttock', 'thigh', 'knee', 'pubic', 'lower-back', 'Continue']);
  expect(stops).toHaveLength(PLACES + 1);
  // Back to the first place: its region shows the focus colour, Space ticks it.
  for (let stop = 0; stop < PLACES; stop += 1) await page.keyboard.press('Shift+Tab');
  await expect(listBox(page, 'groin')).toBeFocused();
  await expect(region(page, 'groin').locator('.body-map__halo').first()).toHaveCSS('stroke', 'rgb(255, 235, 59)');
  await page.keyboard.press('Space');
  await expect(listBox(page, 'groin')).toBeChecked();
  await expect(region(page, 'groin')).toHaveClass(/body-map__region--checked/);
  // Enter continues, as on every other page.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/onset$/);
});

test('at 320 × 640 every region holds a 24 × 24 px target, and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLocations(page);
  // Select everything, so each shape draws its check mark: that is where the square is centred.
  for (const id of ['groin', 'outer-hip', 'thigh', 'knee', 'pubic']) await tap(page, id);
  for (const id of ['buttock', 'lower-back']) await tap(page, id, 'back');
  const shapes = await page.locator('.body-map__shape').evaluateAll((elements) =>
    elements.map((element) => {
      const shape = element as SVGGeometryElement;
      const { width, height } = shape.getBoundingClientRect();
      // Sample a 24 × 24 px square around the check mark: all of it must be inside the shape.
      const [, x, y] = /translate\(([\d.]+) ([\d.]+)\)/.exec(shape.nextElementSibling!.getAttribute('transform')!)!.map(Number);
      const half = 12 / shape.getScreenCTM()!.a;
      const steps = [-1, -0.5, 0, 0.5, 1];
      const holdsSquare = steps.every((dx) => steps.every((dy) => shape.isPointInFill(new DOMPoint(x! + dx * half, y! + dy * half))));
      return { id: shape.closest('[data-location]')!.getAttribute('data-location'), width, height, holdsSquare };
    }),
  );
  expect(shapes).toHaveLength(18);
  for (const shape of shapes) {
    expect(shape, shape.id!).toMatchObject({ holdsSquare: true });
    expect(Math.min(shape.width, shape.height), shape.id!).toBeGreaterThanOrEqual(24);
  }
  const smallest = Math.min(...shapes.flatMap((s) => [s.width, s.height]));
  test.info().annotations.push({ type: 'smallest target side (px)', description: smallest.toFixed(1) });
  console.log(`body map at 320 px: smallest target side ${smallest.toFixed(1)} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

for (const language of ['en', 'ar']) {
  test(`the locations page with the body map has no axe violations (${language})`, async ({ page }) => {
    await openLocations(page, language);
    if (language === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const scan = async (label: string) => {
      await expectNoAxeViolations(page, label);
    };
    await scan('nothing selected');
    await tap(page, 'knee');
    await listBox(page, 'buttock').focus();
    await scan('a region selected and a checkbox focused');
  });
}

test('nothing moves when the map arrives: its placeholder holds the same space (no layout shift)', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/body-map-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?lang=en');
  await page.locator('button.button--start').click();
  for (const step of ['about-you', 'hip-replacement', 'red-flags']) {
    await expect(page).toHaveURL(new RegExp(`#/${step}$`));
    await answerCurrentStep(page, routine);
    await page.locator('button[type="submit"]').click();
  }
  await expect(page.locator('[data-body-map-placeholder]')).toBeVisible();
  const before = await listBox(page, 'groin').boundingBox();
  release();
  await expect(page.locator('main [data-body-map]')).toBeVisible();
  const after = await listBox(page, 'groin').boundingBox();
  expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
});
