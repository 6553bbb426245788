import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { APP, FOREIGN, HOST } from './ports.ts';

/**
 * The wizard embedded in a clinic's page on another origin (examples/embed, served
 * on the host port, 4318 by default; the app on 4317), and on a foreign site (4319)
 * the clinic's configuration does not allow.
 */

type HostEvent = Record<string, unknown> & { type: string };
const events = (page: Page) => page.evaluate(() => (window as unknown as { hipTriageEvents: HostEvent[] }).hipTriageEvents);
const frameOf = (page: Page): FrameLocator => page.frameLocator('iframe[data-hip-triage-frame]');

/** The iframe's height against the height of what it shows. */
async function heights(page: Page) {
  const frame = page.frames().find((f) => f.url().startsWith(APP))!;
  const content = await frame.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height));
  const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  const box = await page.locator('iframe[data-hip-triage-frame]').boundingBox();
  return { content, frame: box!.height, overflow };
}

async function expectSized(page: Page, label: string) {
  await expect
    .poll(
      async () => {
        const { content, frame, overflow } = await heights(page);
        return Math.abs(content - frame) <= 3 && overflow <= 1;
      },
      { message: `iframe height follows the content on ${label}` },
    )
    .toBe(true);
}

test('the script creates a titled iframe that sizes itself on every step, and reports steps and the result without answers', async ({
  page,
}) => {
  // The result page's code (also its prefetch) waits until the check page has been answered.
  let releaseResultPage!: () => void;
  const resultPageReleased = new Promise<void>((resolve) => (releaseResultPage = resolve));
  await page.route(/\/assets\/result-page-[^/]+\.js$/, async (route) => {
    await resultPageReleased;
    await route.continue();
  });
  await page.goto(HOST);
  const iframe = page.locator('iframe[data-hip-triage-frame]');
  await expect(iframe).toHaveAttribute('title', 'Hip pain check');
  await expect(iframe).toHaveAttribute('src', new RegExp(`^${APP}`));
  const frame = frameOf(page);
  await expect(frame.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'ready')).toBe(true);
  await expectSized(page, 'start');
  // The clinic's emergency number and colours are in use.
  await expect(frame.getByRole('link', { name: 'Call 911 now' })).toHaveAttribute('href', 'tel:911');
  await expect(frame.locator('.header')).toHaveCSS('background-color', 'rgb(91, 42, 134)');

  await frame.getByRole('button', { name: 'Start now' }).click();
  const answers: [string, () => Promise<void>][] = [
    [
      'about-you',
      async () => {
        await frame.locator('input[name="age"]').fill('63');
        await frame.locator('input[name="sex"][value="male"]').check();
      },
    ],
    ['hip-replacement', () => frame.locator('input[name="hipReplacement"][value="false"]').check()],
    ['red-flags', () => frame.locator('input[name="redFlags"][value="none"]').check()],
    ['locations', () => frame.locator('input[name="locations"][value="groin"]').check()],
    ['onset', () => frame.locator('input[name="onset"][value="gradual"]').check()],
    ['duration', () => frame.locator('input[name="duration"][value="long"]').check()],
    ['symptoms', () => frame.locator('input[name="symptoms"][value="activity-pain"]').check()],
    ['risk-factors', () => frame.locator('input[name="riskFactors"][value="none"]').check()],
    ['activity', () => frame.locator('input[name="active"][value="false"]').check()],
    ['pain-score', () => frame.locator('input[name="painScore"][value="4"]').check()],
  ];
  for (const [step, answer] of answers) {
    // That it is a question and its part of the check, never which one (issue 22: the clinic did not opt in to `question`).
    await expect
      .poll(async () => (await events(page)).filter((e) => e.type === 'step').at(-1))
      .toMatchObject({
        step: 'question',
        section: step === 'about-you' || step === 'hip-replacement' ? 'about-you' : step === 'red-flags' ? 'warning-signs' : 'your-pain',
      });
    await expectSized(page, step);
    await answer();
    await frame.getByRole('button', { name: 'Continue' }).click();
  }
  await expectSized(page, 'check-answers');
  // The result page's code is held back (see above): meanwhile the page shows "Loading", and the frame keeps its height.
  const checkPageHeight = (await heights(page)).frame;
  const eventsBefore = (await events(page)).length;
  await frame.getByRole('button', { name: 'See my suggestion' }).click();
  await expect(frame.locator('main > .loading')).toBeVisible();
  releaseResultPage();
  await expect(frame.locator('[data-urgency]')).toBeVisible();
  await expectSized(page, 'result');
  const resultHeight = (await heights(page)).frame;
  const resizes = (await events(page)).slice(eventsBefore).filter((e) => e.type === 'resize');
  for (const { height } of resizes) expect(height).toBeGreaterThanOrEqual(Math.min(checkPageHeight, resultHeight) - 3);
  // The FHIR file saves from inside the clinic's iframe (another origin); the page hears nothing of it (checked below).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: "Save a file for your clinic's records" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('hip-pain-check-summary.fhir.json');

  const all = await events(page);
  const result = all.find((e) => e.type === 'result')!;
  // The example clinic opts in to the specialist (to route bookings), not to the articles.
  expect(result).toEqual({
    source: 'hip-triage',
    version: 1,
    type: 'result',
    urgency: 'routine',
    specialist: 'orthopedist',
    alsoConsider: ['physiotherapist'],
  });
  // No event carries an answer: only these keys ever appear.
  const keys = new Set(all.flatMap((e) => Object.keys(e)));
  expect([...keys].sort()).toEqual([
    'alsoConsider',
    'height',
    'locale',
    'section',
    'source',
    'specialist',
    'step',
    'type',
    'urgency',
    'version',
  ]);
  expect(JSON.stringify(all)).not.toMatch(/"63"|\b63\b|groin"?\s*:|activity-pain/);
  const steps = all.filter((e) => e.type === 'step');
  // One event per part of the check, not per page: how many questions came is not told.
  expect(steps.map(({ step, section }) => `${String(step)} ${String(section ?? '')}`.trim())).toEqual([
    'start',
    'question about-you',
    'question warning-signs',
    'question your-pain',
    'check-answers check-answers',
    'result',
  ]);

  // A language change is one new "ready" with its locale; the result is not sent again.
  await page.evaluate(() =>
    document
      .getElementById('hip-check')!
      .dispatchEvent(new CustomEvent('hip-triage:command', { detail: { type: 'set-locale', locale: 'es' } })),
  );
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'ready').map((e) => e.locale)).toEqual(['en', 'es']);
  await page.evaluate(() =>
    document
      .getElementById('hip-check')!
      .dispatchEvent(new CustomEvent('hip-triage:command', { detail: { type: 'set-locale', locale: 'en' } })),
  );
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'ready').map((e) => e.locale)).toEqual(['en', 'es', 'en']);
  expect((await events(page)).filter((e) => e.type === 'result')).toHaveLength(1);

  // The clinic's booking and article links, opening in a new tab as configured.
  const booking = frame.getByRole('link', { name: /Book with: Orthopaedic doctor/ });
  await expect(booking).toHaveAttribute('href', 'https://clinic.example/book/orthopaedics');
  await expect(booking).toHaveAttribute('target', '_blank');
  await expect(frame.getByRole('link', { name: /Hip joint wear/ })).toHaveAttribute('href', 'https://clinic.example/articles/hip-wear');

  // Start again: the frame shrinks back and the page hears about it.
  const tall = (await heights(page)).frame;
  await frame.getByRole('button', { name: 'Start again' }).click();
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'restart')).toBe(true);
  await expectSized(page, 'start after restart');
  expect((await heights(page)).frame).toBeLessThan(tall);
});

/** The example clinic's configuration with its `hostMessages` replaced, served in its place. */
async function serveExampleConfig(page: Page, hostMessages: Record<string, boolean> | undefined) {
  const example = JSON.parse(readFileSync('examples/embed/hip-triage.json', 'utf8').replaceAll('%HOST_ORIGIN%', HOST.slice(0, -1)));
  await page.route('**/hip-triage.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ ...example, hostMessages }),
    }),
  );
}

/** A pregnant woman of 29 whose baby moves less: an emergency, found on the warning-signs page. */
const pregnancyEmergencyInFrame = (page: Page) =>
  emergencyInFrame(page, { age: '29', sex: 'female', pregnancyWeeks: '30', redFlag: 'reduced-movements' });

/** An emergency found on the warning-signs page, in the clinic's frame; every message the host page heard. */
async function emergencyInFrame(page: Page, person: { age: string; sex: string; pregnancyWeeks?: string; redFlag: string }) {
  const frame = frameOf(page);
  // Connected first (after the configuration has arrived), so the host hears the start page too.
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'ready')).toBe(true);
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.locator('input[name="age"]').fill(person.age);
  await frame.locator(`input[name="sex"][value="${person.sex}"]`).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  if (person.pregnancyWeeks !== undefined) {
    await frame.locator('input[name="pregnancy"][value="pregnant"]').check();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.locator('input[name="pregnancyWeeks"]').fill(person.pregnancyWeeks);
    await frame.getByRole('button', { name: 'Continue' }).click();
  }
  await frame.locator('input[name="hipReplacement"][value="false"]').check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator(`input[name="redFlags"][value="${person.redFlag}"]`).check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.locator('[data-urgency="emergency"]')).toBeVisible();
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'result')).toBe(true);
  return events(page);
}

test('issue 22: by default the host page cannot tell a pregnancy from its messages: no question names, no specialist, no articles', async ({
  page,
}) => {
  await serveExampleConfig(page, undefined);
  await page.goto(HOST);
  const all = await pregnancyEmergencyInFrame(page);
  const text = JSON.stringify(all);
  // No page names: the sections (about-you, warning-signs) are the same for everyone.
  expect(text).not.toMatch(/pregnan|obstetric|maternity|weeks|red-flags|"question":/);
  expect(all.find((e) => e.type === 'result')).toEqual({ source: 'hip-triage', version: 1, type: 'result', urgency: 'emergency' });
  // The same messages as for a man of 29 with an emergency on the same page: the pregnancy pages are not counted.
  const page2 = await page.context().newPage();
  await serveExampleConfig(page2, undefined);
  await page2.goto(HOST);
  const man = await emergencyInFrame(page2, { age: '29', sex: 'male', redFlag: 'saddle-numbness' });
  const withoutHeights = (messages: Record<string, unknown>[]) => messages.filter((e) => e.type !== 'resize');
  expect(withoutHeights(all)).toEqual(withoutHeights(man));
  expect(all.filter((e) => e.type === 'step').map(({ step, section }) => `${String(step)} ${String(section ?? '')}`.trim())).toEqual([
    'start',
    'question about-you',
    'question warning-signs',
    'result',
  ]);
});

test('issue 22: a clinic that opts in per key hears which question, the specialist and the articles', async ({ page }) => {
  await serveExampleConfig(page, { question: true, specialist: true, articles: true });
  await page.goto(HOST);
  const all = await pregnancyEmergencyInFrame(page);
  expect(all.filter((e) => e.type === 'step' && e.step === 'question').map((e) => e.question)).toEqual([
    'about-you',
    'pregnancy',
    'pregnancy-weeks',
    'hip-replacement',
    'red-flags',
  ]);
  const result = all.find((e) => e.type === 'result')!;
  expect(result).toMatchObject({ urgency: 'emergency', specialist: expect.any(String), content: expect.any(Array) });
});

test('the host page can send commands, and a site the clinic did not allow gets nothing and is ignored', async ({ page, browser }) => {
  await page.goto(HOST);
  const frame = frameOf(page);
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.locator('input[name="age"]').fill('40');
  await frame.locator('input[name="sex"][value="male"]').check();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.locator('input[name="hipReplacement"]').first()).toBeVisible();
  await page.evaluate(() =>
    document.getElementById('hip-check')!.dispatchEvent(new CustomEvent('hip-triage:command', { detail: { type: 'restart' } })),
  );
  await expect(frame.getByRole('button', { name: 'Start now' })).toBeVisible();

  const foreign = await browser.newPage();
  await foreign.goto(FOREIGN);
  const foreignFrame = frameOf(foreign);
  await foreignFrame.getByRole('button', { name: 'Start now' }).click();
  await foreignFrame.locator('input[name="age"]').fill('40');
  await foreignFrame.locator('input[name="sex"][value="male"]').check();
  await foreignFrame.getByRole('button', { name: 'Continue' }).click();
  await expect(foreignFrame.locator('input[name="hipReplacement"]').first()).toBeVisible();
  await foreign.evaluate(() =>
    document.getElementById('hip-check')!.dispatchEvent(new CustomEvent('hip-triage:command', { detail: { type: 'restart' } })),
  );
  // Also a raw message straight from the foreign page.
  await foreign.evaluate(() =>
    (document.querySelector('iframe') as HTMLIFrameElement).contentWindow!.postMessage(
      { source: 'hip-triage-host', version: 1, type: 'restart' },
      '*',
    ),
  );
  await foreign.waitForTimeout(500);
  await expect(foreignFrame.locator('input[name="hipReplacement"]').first()).toBeVisible();
  expect(await events(foreign)).toEqual([]);
  await foreign.close();
});

test('a bad configuration is reported with each key, and the wizard still works on safe defaults', async ({ page }) => {
  await page.goto(`${HOST}bad-config.html`);
  const frame = frameOf(page);
  await expect(frame.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect.poll(async () => (await events(page)).find((e) => e.type === 'config-error')).toBeTruthy();
  const report = (await events(page)).find((e) => e.type === 'config-error')!;
  const keys = (report.problems as { key: string }[]).map((p) => p.key);
  expect(keys).toEqual(
    expect.arrayContaining([
      'emergencyNumber',
      'specialists.gp.bookingUrl',
      'articles.hip-pain-physiotherapy.en',
      'theme.primaryColor',
      'colour',
    ]),
  );
  expect(JSON.stringify(report)).toMatch(/must be an https: URL/);
  await expect(frame.getByRole('link', { name: 'Call 112 now' })).toBeVisible();
  // Policy v3 §5: the clinic's number was not dialable ("call us"), so the default stays and the page says so.
  await expect(frame.locator('[data-config-not-applied]')).toContainText('including the emergency number 112');
  await expect(frame.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
});

test('the script alone (no target element) inserts the wizard after itself, in the language it asks for', async ({ page }) => {
  await page.goto(`${HOST}script-only.html`);
  await expect(frameOf(page).locator('html')).toHaveAttribute('lang', 'ru');
  await expect(frameOf(page).locator('.button--start')).toBeVisible();
});

test('the same configuration works when the app is opened directly with ?config=', async ({ page }) => {
  await page.goto(`./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}`);
  await expect(page.getByRole('link', { name: 'Call 911 now' })).toBeVisible();
});

test('the production build has a Content-Security-Policy without unsafe-inline, and nothing breaks it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await page.goto(`./?config=${encodeURIComponent(`${HOST}hip-triage.json`)}`);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.locator('input[name="age"]').fill('30');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  expect(violations).toEqual([]);
});
