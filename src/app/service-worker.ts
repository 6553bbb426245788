/**
 * Offline and instant repeat visits: registers the build's service worker
 * (src/tooling/service-worker-plugin.ts) once the page has loaded, so it never
 * competes with the first page's downloads. Without it (old browser, private
 * mode, blocked) the app works as before, online.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // The worker sits beside index.html, one folder up from this chunk in assets/.
  const chunk = import.meta.url;
  const register = () => navigator.serviceWorker.register(new URL('../sw.js', chunk)).catch(() => undefined);
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
