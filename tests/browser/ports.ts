/**
 * Where the browser tests serve the app, the stand-in clinic site and a foreign site.
 * `HIP_TRIAGE_TEST_PORT` moves all three (base, base + 1, base + 2), so that two
 * checkouts can run their browser tests side by side.
 */
const BASE = Number(process.env.HIP_TRIAGE_TEST_PORT ?? 4317);

export const PORTS = { app: BASE, host: BASE + 1, foreign: BASE + 2 } as const;
export const APP = `http://localhost:${PORTS.app}/`;
export const HOST = `http://localhost:${PORTS.host}/`;
export const FOREIGN = `http://localhost:${PORTS.foreign}/`;
