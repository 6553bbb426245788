/**
 * npm run bench: builds the app into a folder of its own, serves it the way a host
 * should (gzip, hashed files cached for a year: static-host.ts), and reports
 *  1. the gzip bytes of JavaScript a browser downloads to show the first question,
 *     and for a complete path (result page and an article), with the locale JSON
 *     counted apart;
 *  2. load times in Chromium on an emulated slow phone (150 ms latency, 1.6 Mbit/s,
 *     CPU 4x slower): when the start page paints, when it works (hydrated), and when
 *     the first question shows; on a first visit and on a repeat visit (service worker);
 *  3. Lighthouse (npm package; its default mobile preset: simulated slow 4G and a
 *     mid-range phone) on the start page and on the first question: the four
 *     category scores, FCP, LCP, TBT and CLS; medians of 3 interleaved runs.
 * A measurement, not a test: it prints, it never fails on a number.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { build } from 'vite';
import { CHROMIUM_LAUNCH } from './chromium-launch.ts';
import { serveLikeAHost } from './static-host.ts';

/** kB = 1,000 bytes of gzip (level 9) of the JavaScript itself; locale JSON is reported beside it. */
const BUDGET = { firstQuestion: 125_000, completePath: 145_000 };
const TIMING_RUNS = 5;
const LIGHTHOUSE_RUNS = 3;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// --- 1. Bytes --------------------------------------------------------------------

function gzipOf(dist: string) {
  const sizes = new Map<string, number>();
  return (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
}

/** Records the JS and locale files a page downloads (from the network or the service worker). */
function recordDownloads(page: Page): Set<string> {
  const files = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname.replace(/^\//, '');
    if (path.endsWith('.js') || /locale-[^/]+\.json$/.test(path)) files.add(path);
  });
  return files;
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

async function downloads(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage();
  const files = recordDownloads(page);
  await page.goto(baseUrl);
  await page.locator('button.button--start').click();
  await page.locator('input[name="age"]').waitFor();
  const firstQuestion = [...files];
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
  await page.close();
  return { firstQuestion, completePath: [...files] };
}

function report(title: string, files: string[], gzip: (file: string) => number, budget: number) {
  const rows = files.map((file) => ({ file, gzip: gzip(file) })).sort((a, b) => b.gzip - a.gzip);
  const js = rows.filter((row) => row.file.endsWith('.js'));
  const json = rows.filter((row) => row.file.endsWith('.json'));
  const total = (list: typeof rows) => list.reduce((sum, row) => sum + row.gzip, 0);
  const verdict = total(js) <= budget ? 'within' : `over by ${kb(total(js) - budget)}`;
  console.log(
    `\n${title}: JS ${kb(total(js))} gzip in ${js.length} files (aim ${kb(budget)}: ${verdict}); locale JSON ${kb(total(json))} in ${json.length} files`,
  );
  for (const row of rows) console.log(`  ${kb(row.gzip).padStart(9)}  ${row.file}`);
  return { js: total(js), json: total(json), files: js.length };
}

// --- 2. Load times ---------------------------------------------------------------

async function slowPhone(page: Page) {
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

/** Milliseconds from navigation to: the first paint (the prerendered page), the page working, the first question. */
async function loadTimes(page: Page, baseUrl: string) {
  await slowPhone(page);
  const started = Date.now();
  await page.goto(baseUrl, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime);
  await page.waitForFunction(() => {
    const button = document.querySelector('button.button--start');
    return !!button && Object.keys(button).some((key) => key.startsWith('__reactFiber'));
  });
  const working = Date.now() - started;
  await page.locator('button.button--start').click();
  await page.locator('input[name="age"]').waitFor();
  return { paint: Math.round(paint), working, question: Date.now() - started };
}

async function visits(baseUrl: string) {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const first: Awaited<ReturnType<typeof loadTimes>>[] = [];
  const repeat: Awaited<ReturnType<typeof loadTimes>>[] = [];
  try {
    for (let run = 0; run < TIMING_RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      first.push(await loadTimes(page, baseUrl));
      // The service worker has everything (a build without one: the HTTP cache is what a repeat visit gets).
      await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 5_000))]));
      await page.close();
      repeat.push(await loadTimes(await context.newPage(), baseUrl));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const row = (label: string, list: typeof first) =>
    console.log(
      `  ${label.padEnd(34)} paints ${String(median(list.map((r) => r.paint))).padStart(5)} ms   works ${String(median(list.map((r) => r.working))).padStart(5)} ms   first question ${String(median(list.map((r) => r.question))).padStart(5)} ms`,
    );
  console.log(`\nLoad times on an emulated slow phone (median of ${TIMING_RUNS}, fresh browser profile each):`);
  row('first visit', first);
  row('repeat visit (service worker)', repeat);
  return { first, repeat };
}

// --- 3. Lighthouse ---------------------------------------------------------------

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'] as const;

async function lighthouseRun(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_LAUNCH.executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_LAUNCH.args],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const lhr = result!.lhr;
    const failing = Object.values(lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual',
      )
      .map((audit) => audit.id);
    return {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<
        (typeof CATEGORIES)[number],
        number
      >,
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? NaN])) as Record<
        (typeof METRICS)[number],
        number
      >,
      failing,
    };
  } finally {
    chrome.kill();
  }
}

async function lighthouseReport(pages: Record<string, string>) {
  const runs: Record<string, Awaited<ReturnType<typeof lighthouseRun>>[]> = Object.fromEntries(
    Object.keys(pages).map((name) => [name, []]),
  );
  // Interleaved, so a slow moment of the machine does not fall on one page only.
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1)
    for (const [name, url] of Object.entries(pages)) runs[name]!.push(await lighthouseRun(url));
  console.log(`\nLighthouse ${LIGHTHOUSE_RUNS}× per page, mobile preset (simulated slow 4G, mid-range phone), medians:`);
  console.log('  page              perf  a11y  best  seo   FCP      LCP      TBT     CLS');
  for (const [name, list] of Object.entries(runs)) {
    const m = (id: (typeof METRICS)[number]) => median(list.map((r) => r.metrics[id]));
    const s = (id: (typeof CATEGORIES)[number]) => String(median(list.map((r) => r.scores[id]))).padStart(4);
    console.log(
      `  ${name.padEnd(16)} ${s('performance')}  ${s('accessibility')}  ${s('best-practices')}  ${s('seo')}  ` +
        `${(m('first-contentful-paint') / 1000).toFixed(2)} s   ${(m('largest-contentful-paint') / 1000).toFixed(2)} s   ` +
        `${Math.round(m('total-blocking-time'))} ms   ${m('cumulative-layout-shift').toFixed(3)}`,
    );
    const failing = [...new Set(list.flatMap((r) => r.failing))];
    if (failing.length > 0) console.log(`  ${''.padEnd(16)} audits not passed in some run: ${failing.join(', ')}`);
  }
}

async function main() {
  const dist = mkdtempSync(join(tmpdir(), 'hip-triage-bench-'));
  try {
    await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    const { url, server } = await serveLikeAHost(dist);
    try {
      const gzip = gzipOf(dist);
      const browser = await chromium.launch(CHROMIUM_LAUNCH);
      // Without the service worker, so a complete path counts every file it needs, not what was precached.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const files = await downloads(context, url);
      await browser.close();
      const first = report('To show the first question', files.firstQuestion, gzip, BUDGET.firstQuestion);
      const path = report('A complete path (start to result and an article)', files.completePath, gzip, BUDGET.completePath);
      await visits(url);
      await lighthouseReport({ 'start page': url, 'first question': `${url}#/about-you` });
      console.log(
        `\nbench: first question JS ${first.js} B gzip in ${first.files} files, complete path JS ${path.js} B gzip in ${path.files} files`,
      );
    } finally {
      server.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
