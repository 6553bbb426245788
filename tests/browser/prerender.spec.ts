import { expect, test } from '@playwright/test';
import { appStarted, isAppStarted } from './wizard-driver.ts';

/**
 * The build prerenders each start page (src/prerender.tsx): it is readable, with
 * its emergency number, before any JavaScript runs, and React then takes over that
 * very HTML (hydration) instead of drawing it again.
 */

import { HOST } from './ports.ts';

const START_PAGES = [
  { path: './', lang: 'en', dir: 'ltr', heading: 'Check your hip pain', call: 'Call 112 now' },
  { path: './ru/', lang: 'ru', dir: 'ltr', heading: /тазобедренного сустава/, call: /112/ },
  { path: './es/', lang: 'es', dir: 'ltr', heading: /cadera/, call: /112/ },
  { path: './ar/', lang: 'ar', dir: 'rtl', heading: /الورك/, call: /112/ },
  { path: './reception/', lang: 'en', dir: 'ltr', heading: 'Hip pain call', call: 'Emergency number: 112' },
  { path: './ar/reception/', lang: 'ar', dir: 'rtl', heading: /مكالمة/, call: /112/ },
] as const;

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const start of START_PAGES) {
    test(`${start.path} shows its start page, the emergency number and why nothing else works`, async ({ page }) => {
      await page.goto(start.path);
      await expect(page.locator('html')).toHaveAttribute('lang', start.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', start.dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(start.heading);
      const call = page.locator('a[href="tel:112"]');
      await expect(call).toBeVisible();
      await expect(call).toHaveText(start.call);
      await expect(page.locator('noscript')).toHaveCount(1);
      await expect(page.getByText(/JavaScript/)).toBeVisible();
    });
  }
});

/** Remembers the prerendered h1 once the HTML is parsed, before any script has run. */
async function rememberPrerenderedHeading(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') (window as { prerendered?: Element | null }).prerendered = document.querySelector('h1');
    });
  });
}

for (const start of START_PAGES) {
  test(`${start.path} is hydrated: React keeps the prerendered HTML, with no warning`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      // Playwright's own notice: the service worker is blocked outside offline.spec.ts.
      if (/registration blocked by Playwright/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await rememberPrerenderedHeading(page);
    await page.goto(start.path);
    await appStarted(page);
    expect(await page.evaluate(() => (window as { prerendered?: Element | null }).prerendered === document.querySelector('h1'))).toBe(true);
    await page.locator('button.button--start').click();
    await expect(page.locator('input[name="age"]')).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test.describe('a browser that prefers Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('at the app’s root, goes to the Russian start page before painting, and the app keeps its HTML (issue 21)', async ({ page }) => {
    await rememberPrerenderedHeading(page);
    await page.goto('./');
    await expect(page).toHaveURL(/\/ru\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await appStarted(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/тазобедренного сустава/);
    expect(await page.evaluate(() => (window as { prerendered?: Element | null }).prerendered?.isConnected)).toBe(true);
  });
});

test('a clinic configuration replaces the prerendered number once applied', async ({ page }) => {
  await page.goto(`./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}`);
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  await expect(page.locator('a[href="tel:112"]')).toHaveCount(0);
});

test('a click on Start before the code has arrived is not lost: the app makes it once it has started', async ({ page }) => {
  // The code arrives 1.5 s late, as on a slow phone connection.
  await page.route(
    (url) => /\/assets\/index-[^/]+\.js$/.test(url.pathname),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    },
  );
  await page.goto('./', { waitUntil: 'commit' });
  await page.locator('button.button--start').click();
  expect(await page.evaluate(isAppStarted), 'clicked before the app started').toBe(false);
  await expect(page.locator('input[name="age"]')).toBeVisible();
  await expect(page).toHaveURL(/#\/about-you$/);
});

test.describe('the first paint is in the language and mode the person will use (issue 21)', () => {
  // The app's code never arrives: what shows is what was painted first, with no switch afterwards.
  test.beforeEach(async ({ page }) => {
    await page.route(/\/assets\/[^/]+\.js$/, () => undefined);
    // A slow phone: the CPU four times slower.
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  });

  const CASES = [
    { address: './?lang=ar', path: '/ar/', lang: 'ar', dir: 'rtl', heading: /الورك/ },
    { address: './?mode=reception', path: '/reception/', lang: 'en', dir: 'ltr', heading: 'Hip pain call' },
    { address: './?lang=es&mode=reception#/', path: '/es/reception/', lang: 'es', dir: 'ltr', heading: /cadera/ },
    // What embed.js asks for with data-locale="ru" and data-mode="patient".
    { address: './?embed=1&lang=ru&mode=patient', path: '/ru/', lang: 'ru', dir: 'ltr', heading: /тазобедренного/ },
  ] as const;
  for (const { address, path, lang, dir, heading } of CASES) {
    test(`${address} paints ${path} first`, async ({ page }) => {
      const painted: string[] = [];
      await page.addInitScript(() =>
        requestAnimationFrame(() => ((window as { firstPaint?: string }).firstPaint = document.documentElement.lang)),
      );
      // Not until "load": the held script requests may hold the load event for ever, if the
      // loader adds the entry before it fires (a race on a slow CPU).
      await page.goto(address, { waitUntil: 'commit' });
      await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}\\?`));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('a[href="tel:112"]').first()).toBeVisible();
      await page.waitForFunction(() => (window as { firstPaint?: string }).firstPaint !== undefined);
      painted.push(await page.evaluate(() => (window as { firstPaint?: string }).firstPaint ?? ''));
      expect(painted).toEqual([lang]);
    });
  }
});
