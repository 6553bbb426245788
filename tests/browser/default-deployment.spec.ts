import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_APP, HOST } from './ports.ts';

/**
 * Policy v3 §5 for a deployment that lists no configuration prefix: the one file
 * `clinic-config.json` beside the app is trusted, nothing else, not even another file
 * on the app's own origin (a shared host). The app is built a second time for this,
 * without HIP_TRIAGE_CONFIG_PREFIXES (playwright.config.ts, tests/browser/default-deployment/);
 * the other specs run a build that lists the stand-in clinic site.
 */

const open = (page: Page, config: string) => page.goto(`${DEFAULT_APP}?config=${encodeURIComponent(config)}`);
const notApplied = (page: Page) => page.locator('[data-config-not-applied]');

test('clinic-config.json beside the app is applied: its emergency number, no notice', async ({ page }) => {
  await open(page, 'clinic-config.json');
  await expect(page.getByRole('link', { name: 'Call 999 now' })).toBeVisible();
  await expect(page.locator('a[href="tel:999"]').first()).toBeVisible();
  await expect(notApplied(page)).toHaveCount(0);
  // Named by its full address, it is the same file.
  await open(page, `${DEFAULT_APP}clinic-config.json`);
  await expect(page.getByRole('link', { name: 'Call 999 now' })).toBeVisible();
});

for (const [what, config] of [
  ['another file on the app’s own origin (a shared host)', 'mallory/evil.json'],
  ['the same file named with a query', 'clinic-config.json?x=1'],
  ['the stand-in clinic site, which this deployment does not list', `${HOST}hip-triage.json`],
] as const)
  test(`${what} is not applied: 112 stays, and the page says so`, async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await open(page, config);
    await expect(notApplied(page)).toContainText("The clinic's settings could not be applied");
    await expect(page.getByRole('link', { name: 'Call 112 now' })).toBeVisible();
    for (const number of ['555 0100', '911', '999']) await expect(page.locator(`a[href="tel:${number}"]`)).toHaveCount(0);
    // Refused before anything is fetched.
    expect(requested.filter((url) => /\.json$/.test(new URL(url).pathname) && !url.includes('/assets/'))).toEqual([]);
  });
