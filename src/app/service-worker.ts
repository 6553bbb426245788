/**
 * Offline and instant repeat visits: registers the build's service worker
 * (src/tooling/build/service-worker-plugin.ts) once the app is on screen and the browser
 * is idle, so that its downloads (every file of the build) never compete with the
 * first page's. (Not on the load event: the prerendered page loads before the
 * app's code has even started.) Without it (old browser, private mode, blocked)
 * the app works as before, online.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // The worker sits beside index.html, one folder up from this chunk in assets/.
  const chunk = import.meta.url;
  const register = () => void navigator.serviceWorker.register(new URL('../sw.js', chunk)).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 5_000 });
  else setTimeout(register, 1_000);
}
