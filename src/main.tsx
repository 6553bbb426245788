import { createRoot, hydrateRoot } from 'react-dom/client';
import i18next from 'i18next';
import { Root } from './app/root.tsx';
import { prerenderedAs } from './app/prerendered-page.ts';
import { initialAudience } from '@/i18n/audience-setting.ts';
import { parseRoute } from './wizard/routes.ts';
import { registerServiceWorker } from './app/service-worker.ts';
import { loadWithRetry } from './components/load-with-retry.ts';
import { hasSavedProgress, type Restored } from './wizard/saved-progress.ts';
import { applyTheme } from './clinic/apply-theme.ts';
import { clinicSettings } from './clinic/clinic-settings.tsx';
import { clinicSettingsStore } from './clinic/clinic-settings-store.ts';
import type { LoadedConfig } from './clinic/load-clinic-config.ts';
import { initialLanguage, setUpI18n } from './i18n/i18n.ts';
import './styles/app.css';

/**
 * Start-up: the prerendered start page is on screen already, with the emergency
 * number. Words first, then the page with the default settings; a clinic
 * configuration is applied when it arrives, never waited for.
 */
await setUpI18n();

// Saved answers come back through their validator, loaded only when something was
// saved. If even that cannot be downloaded, the check starts afresh and says so.
const restored: Restored = hasSavedProgress()
  ? await loadWithRetry(() => import('./wizard/restore-progress.ts')).then(
      (module) => module.loadProgress(),
      () => ({ discarded: true }),
    )
  : { discarded: false };

const container = document.getElementById('root')!;
const audience = initialAudience();
// Reception's words before the first render, so its start page does not wait (and blank) for them.
if (audience === 'reception') await i18next.loadNamespaces('reception').catch(() => undefined);
const route = parseRoute(window.location.hash);
const root = <Root restored={restored} audience={audience} route={route} />;
// The build prerendered this start page: if the browser would render just that,
// React takes over the HTML on screen; otherwise (another language, a later page,
// saved answers) it renders afresh in its place.
const wouldRender = prerenderedAs({ language: i18next.language, audience, page: route.kind === 'page' ? route.page : route.kind });
if (container.dataset.prerendered === wouldRender && !restored.progress && !restored.discarded) hydrateRoot(container, root);
else createRoot(container).render(root);
registerServiceWorker();

if (new URLSearchParams(window.location.search).has('config')) {
  const loaded = await loadWithRetry(() => import('./clinic/load-clinic-config.ts')).then(
    (module) => module.loadClinicConfig(),
    (): LoadedConfig => ({
      config: {},
      problems: [{ key: '(config URL)', message: 'the code to read it could not be downloaded' }],
      notApplied: true,
    }),
  );
  if (loaded.problems.length > 0) console.warn('Hip triage: clinic configuration problems (defaults used):', loaded.problems);
  applyTheme(loaded.config.theme);
  clinicSettingsStore.set(clinicSettings(loaded.config, loaded.problems, loaded.notApplied));
  // A clinic may offer other languages: switch only if the current one is not among them.
  const language = initialLanguage(loaded.config);
  if (language !== i18next.language) await i18next.changeLanguage(language);
}
