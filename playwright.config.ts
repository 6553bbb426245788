import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './src/tooling/bench/chromium-launch.ts';
import { APP as APP_URL, DEFAULT_APP, HOST, PORTS } from './tests/browser/ports.ts';

/**
 * Browser tests run Debian's Chromium (apt package `chromium`), never a browser
 * downloaded by Playwright, against the production build served by `vite preview`.
 */
const PORT = PORTS.app;
/** A stand-in clinic site on another origin, and a foreign site the clinic did not allow. */
const HOST_PORT = PORTS.host;
const FOREIGN_PORT = PORTS.foreign;

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Generous: CI has two cores, shared by the server, the browser and two workers.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://localhost:${PORT}/`,
    // Recording a trace of every test cost about 16 % of the suite's time, and CI keeps no
    // files: to see a failure step by step, run it again with --trace retain-on-failure.
    trace: 'off',
    launchOptions: CHROMIUM_LAUNCH,
    // Each test starts like a first visit, and route interception sees every request: the service worker is
    // blocked except where it is under test (offline.spec.ts).
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // The stand-in clinic site is the one URL prefix trusted for a configuration (policy v3 §5); not the app's own origin.
      command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort`,
      env: { HIP_TRIAGE_CONFIG_PREFIXES: HOST },
      url: APP_URL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same app as a deployment that lists no prefix: only clinic-config.json beside it is trusted (policy v3 §5).
      command: `npx vite build --logLevel warn --outDir dist-default && cp -R tests/browser/default-deployment/. dist-default/ && npx vite preview --outDir dist-default --port ${PORTS.defaultApp} --strictPort`,
      env: { HIP_TRIAGE_CONFIG_PREFIXES: '' },
      url: DEFAULT_APP,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `node examples/embed/serve.mjs ${HOST_PORT}`,
      url: `http://localhost:${HOST_PORT}/`,
      env: { APP_URL },
      reuseExistingServer: false,
    },
    {
      command: `node examples/embed/serve.mjs ${FOREIGN_PORT} ${HOST_PORT}`,
      url: `http://localhost:${FOREIGN_PORT}/`,
      env: { APP_URL },
      reuseExistingServer: false,
    },
  ],
});
