/**
 * Where the browser tests serve the app, the stand-in clinic site, a foreign site, and
 * the app built as a deployment that lists no configuration prefix.
 * `HIP_TRIAGE_TEST_PORT` moves all four (base to base + 3), so that two checkouts can
 * run their browser tests side by side.
 */
const BASE = Number(process.env.HIP_TRIAGE_TEST_PORT ?? 4317);

export const PORTS = { app: BASE, host: BASE + 1, foreign: BASE + 2, defaultApp: BASE + 3 } as const;
export const APP = `http://localhost:${PORTS.app}/`;
export const HOST = `http://localhost:${PORTS.host}/`;
export const FOREIGN = `http://localhost:${PORTS.foreign}/`;
export const DEFAULT_APP = `http://localhost:${PORTS.defaultApp}/`;
