/**
 * How the browser tests and the benchmark start Debian's Chromium (never a
 * downloaded browser). The machine has no network: the flags keep Chromium from
 * trying to phone home.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
