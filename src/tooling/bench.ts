/**
 * npm run bench: builds the app, serves the build, and measures in Chromium
 *  - gzip bytes of the JavaScript a browser actually downloads to show the first
 *    question, and for a complete path (result page and an article included);
 *  - time to show the first question: on localhost, and with a slow phone
 *    connection and CPU emulated (150 ms latency, 1.6 Mbit/s, CPU 4x slower).
 * Prints a report; it is a measurement, not a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_LAUNCH } from './chromium-launch.ts';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';

const BUDGET = { firstQuestion: 110 * 1024, completePath: 150 * 1024 };
const RUNS = 5;
const DIST = 'dist';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const gzipBytes = new Map<string, number>();
const gzipOf = (file: string) => {
  if (!gzipBytes.has(file)) gzipBytes.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);
  return gzipBytes.get(file)!;
};

async function withPage<T>(slow: boolean, work: (page: Page, scripts: Set<string>) => Promise<T>): Promise<T> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    if (slow) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const scripts = new Set<string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      // Locale files are fetched as JSON (so a failed download can be tried again); they count as before.
      if (path.endsWith('.js') || /\/locale-[^/]+\.json$/.test(path)) scripts.add(path.replace(/^\//, ''));
    });
    return await work(page, scripts);
  } finally {
    await browser.close();
  }
}

async function answer(page: Page, step: string) {
  const check = (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
  const answers: Record<string, () => Promise<void>> = {
    'about-you': async () => {
      await page.locator('input[name="age"]').fill('63');
      await check('sex', 'male');
    },
    'red-flags': () => check('redFlags', 'none'),
    locations: () => check('locations', 'groin'),
    onset: () => check('onset', 'gradual'),
    duration: () => check('duration', 'long'),
    symptoms: () => check('symptoms', 'activity-pain'),
    'risk-factors': () => check('riskFactors', 'none'),
    activity: () => check('active', 'false'),
    'pain-score': () => check('painScore', '4'),
  };
  await answers[step]!();
}

const stepOf = (page: Page) => new URL(page.url()).hash.replace(/^#\/?/, '');

async function firstQuestion(baseUrl: string, slow: boolean) {
  return withPage(slow, async (page, scripts) => {
    const started = Date.now();
    await page.goto(baseUrl);
    await page.locator('button.button--start').waitFor();
    const startShown = Date.now() - started;
    await page.locator('button.button--start').click();
    await page.locator('input[name="age"]').waitFor();
    return { startShown, questionShown: Date.now() - started, scripts: [...scripts] };
  });
}

async function completePath(baseUrl: string) {
  return withPage(false, async (page, scripts) => {
    await page.goto(baseUrl);
    await page.locator('button.button--start').click();
    while (stepOf(page) !== 'check-answers') {
      const step = stepOf(page);
      await answer(page, step);
      await page.locator('button[type="submit"]').click();
      await page.waitForFunction((before) => !location.hash.endsWith(`/${before}`), step);
    }
    await page.locator('main button.button').click();
    await page.locator('[data-urgency]').waitFor();
    await page.locator('.article-list__link').first().click();
    await page.locator('article.article').waitFor();
    return [...scripts];
  });
}

function report(title: string, scripts: string[], budget: number) {
  const rows = scripts.map((file) => ({ file, gzip: gzipOf(file) })).sort((a, b) => b.gzip - a.gzip);
  const total = rows.reduce((sum, row) => sum + row.gzip, 0);
  console.log(
    `\n${title}: ${kib(total)} gzip in ${rows.length} files (budget ${kib(budget)}: ${total <= budget ? 'within' : `over by ${kib(total - budget)}`})`,
  );
  for (const row of rows) console.log(`  ${kib(row.gzip).padStart(10)}  ${row.file}`);
  return total;
}

async function main() {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls!.local[0]!;
  try {
    const local = [];
    const slow = [];
    for (let run = 0; run < RUNS; run += 1) local.push(await firstQuestion(baseUrl, false));
    for (let run = 0; run < RUNS; run += 1) slow.push(await firstQuestion(baseUrl, true));
    const firstBytes = report('JS and locale JSON to show the first question', local[0]!.scripts, BUDGET.firstQuestion);
    const pathBytes = report(
      'JS and locale JSON for a complete path (start to result and an article)',
      await completePath(baseUrl),
      BUDGET.completePath,
    );
    console.log(`\nTime to show (median of ${RUNS} cold loads, fresh browser each):`);
    console.log(
      `  localhost:            start page ${median(local.map((r) => r.startShown))} ms, first question ${median(local.map((r) => r.questionShown))} ms`,
    );
    console.log(
      `  slow phone emulated:  start page ${median(slow.map((r) => r.startShown))} ms, first question ${median(slow.map((r) => r.questionShown))} ms`,
    );
    console.log(`\nbench: first question ${firstBytes} B gzip, complete path ${pathBytes} B gzip`);
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
