import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { CONTENT_IDS } from '../../src/triage/catalogue.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { APP, HOST } from './ports.ts';
import { serveLikeAHost } from '../../src/tooling/bench/static-host.ts';
import { completeWizard, result } from './wizard-driver.ts';

/**
 * The service worker (src/tooling/build/service-worker-plugin.ts) against the production
 * build: after the first visit the whole check works with no connection, a repeat
 * visit paints from the cache, a new version waits until no tab is using the old
 * one, and nothing but the build's files (and the clinic's configuration) is kept.
 */

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and controls the page (it claims the first visit's page). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });

test('after the first visit, a whole check works offline, and a reload offline paints from the cache', async ({ page, context }) => {
  await page.goto('./');
  await controlled(page);
  await context.setOffline(true);
  await completeWizard(page, routineAnswers);
  await expect(result(page)).toHaveAttribute('data-urgency', 'routine');
  await page.locator('.article-list__link').first().click();
  await expect(page.locator('article.article')).toBeVisible();
  // Offline too, the article's "get help" box has the emergency number to call (policy v3 §5, §7).
  await expect(page.locator('[data-get-help] a[href="tel:112"]')).toBeVisible();
  // Reached straight from its address offline, all 20 article pages (5 × 4 languages) still have it.
  for (const language of LANGUAGES)
    for (const id of CONTENT_IDS) {
      await page.goto(`./?lang=${language}#/articles/${id}`);
      await expect(page.locator('[data-get-help] a[href="tel:112"]'), `${language} ${id}`).toHaveText('112');
    }

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your hip pain');
  await expect(page.getByRole('link', { name: 'Call 112 now' })).toBeVisible();
  // Every language is cached, not only the one in use.
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await completeWizard(page, routineAnswers);
  await expect(result(page)).toHaveAttribute('data-urgency', 'routine');
});

test('offline, a repeat visit keeps the clinic’s emergency number from its configuration', async ({ page, context }) => {
  const url = `./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}`;
  await page.goto(url);
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  await controlled(page);
  // The first visit fetched the configuration before the worker was there; the next one goes through it.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  await expect(page.locator('[data-config-not-applied]')).toHaveCount(0);
});

test('the worker keeps no answers and fetches nothing but the app’s own files', async ({ page, context }) => {
  const fetchedByWorker: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) fetchedByWorker.push(request.url());
  });
  await page.goto('./');
  await controlled(page);
  await completeWizard(page, { ...routineAnswers, age: 47 });
  await expect(result(page)).toBeVisible();
  const cached = await cachedUrls(page);
  expect(cached.length).toBeGreaterThan(40);
  for (const url of [...cached, ...fetchedByWorker]) {
    expect(url.startsWith(APP), url).toBe(true);
    // A build file, at most with Workbox's revision tag: no query carrying answers.
    expect(new URL(url).search, url).toMatch(/^(\?__WB_REVISION__=[0-9a-f]+)?$/);
  }
  // Each one a file of the build.
  for (const url of cached) expect(existsSync(join('dist', new URL(url).pathname)), url).toBe(true);
});

test('inside a clinic’s iframe the wizard gets its own service worker too', async ({ page }) => {
  await page.goto(HOST);
  const frame = page.frames().find((f) => f.url().startsWith(APP))!;
  await expect.poll(() => frame.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.scope))).toBe(APP);
});

test.describe('a new build', () => {
  // Two builds of the app (this one with another trusted configuration prefix, so its files differ), served
  // from one origin that switches between them.
  test.describe.configure({ timeout: 240_000 });
  let server: Server;
  let origin = '';
  let served = 'dist';
  let newBuild = '';

  test.beforeAll(async () => {
    newBuild = mkdtempSync(join(tmpdir(), 'hip-triage-build-'));
    await promisify(execFile)('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', newBuild, '--emptyOutDir'], {
      env: { ...process.env, HIP_TRIAGE_CONFIG_PREFIXES: `${HOST} https://clinic-b.example/` },
    });
    ({ url: origin, server } = await serveLikeAHost(() => served));
  });

  test.afterAll(() => {
    server?.close();
    if (newBuild) rmSync(newBuild, { recursive: true, force: true });
  });

  const mainScript = (page: Page) => page.locator('script[type="module"]').getAttribute('src');

  test('takes over on the next visit after every tab has closed, never mid-check, and replaces the old cache', async ({ context }) => {
    served = 'dist';
    const first = await context.newPage();
    await first.goto(origin);
    await controlled(first);
    const oldScript = (await mainScript(first))!;
    await first.close();

    served = newBuild;
    const during = await context.newPage();
    await during.goto(origin);
    // A check under way keeps the version it started with, while the new one installs beside it.
    expect(await mainScript(during)).toBe(oldScript);
    await during.locator('button.button--start').click();
    await expect(during.locator('input[name="age"]')).toBeVisible();
    // What the browser does after a navigation, now rather than when it gets round to it.
    await during.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await expect.poll(() => during.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    expect(await mainScript(during)).toBe(oldScript);
    await during.close();

    // The next visit, once the old version has handed over (which takes a moment once its last tab has
    // closed): each try is a new tab, closed at once, as a person would come back later.
    const visit = async () => {
      const tab = await context.newPage();
      await tab.goto(origin);
      const script = await mainScript(tab);
      await tab.close();
      return script;
    };
    await expect.poll(visit, { timeout: 20_000, intervals: [1_000] }).not.toBe(oldScript);
    const next = await context.newPage();
    await next.goto(origin);
    const newScript = (await mainScript(next))!;
    await controlled(next);
    const cached = await cachedUrls(next);
    expect(cached.some((url) => url.includes(newScript.replace('./', '')))).toBe(true);
    expect(cached.some((url) => url.includes(oldScript.replace('./', '')))).toBe(false);
  });
});

// Issue 22, point 6: the worker serves the app for the app's own pages only, and keeps only the trusted configuration.
test('the worker answers only the app’s own pages: other addresses on the origin go to the network as if it were not there', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await controlled(page);
  for (const address of ['fhir/Questionnaire.json', 'embed.js', 'another-page.html', 'x/y/z']) {
    const response = await page.goto(address);
    expect(response?.fromServiceWorker(), address).toBe(false);
  }
  const questionnaire = await page.goto('fhir/Questionnaire.json');
  expect(await questionnaire?.text()).toContain('"resourceType": "Questionnaire"');
  // The app's own pages still come from the cache, offline too: each start page by its folder.
  await page.goto('./');
  await controlled(page);
  await context.setOffline(true);
  for (const address of ['./', './index.html', './ru/', './reception/', './ar/reception/?config=x']) {
    const response = await page.goto(address);
    expect(response?.fromServiceWorker(), address).toBe(true);
    await expect(page.locator('a.emergency-call[href="tel:112"]').first(), address).toBeVisible();
  }
});

test('links naming other configurations cannot push the clinic’s configuration out of the cache', async ({ page, context }) => {
  const real = `./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}`;
  await page.goto(real);
  await controlled(page);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  // Four links, each naming a file elsewhere on the app's own origin (a shared host).
  for (let n = 1; n <= 4; n += 1) {
    await page.goto(`./?config=${encodeURIComponent(`${APP}mallory/${n}.json`)}`);
    await expect(page.locator('[data-config-not-applied]')).toBeVisible();
  }
  const kept = await page.evaluate(async () => (await (await caches.open('clinic-configuration')).keys()).map((request) => request.url));
  expect(kept).toEqual([`${HOST}hip-triage.json`]);
  await context.setOffline(true);
  await page.goto(real);
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
  await expect(page.locator('[data-config-not-applied]')).toHaveCount(0);
});
