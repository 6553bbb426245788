import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { hasSavedProgress } from './app/saved-progress.ts';
import { applyTheme } from './clinic/apply-theme.ts';
import { clinicSettings } from './clinic/clinic-settings.tsx';
import { setUpI18n } from './i18n/i18n.ts';
import './styles/app.css';

// The configuration code loads only when a clinic configuration is named.
const { config, problems } = new URLSearchParams(window.location.search).has('config')
  ? await (await import('./clinic/load-clinic-config.ts')).loadClinicConfig()
  : { config: {}, problems: [] };
if (problems.length > 0) console.warn('Hip triage: clinic configuration problems (defaults used):', problems);
applyTheme(config.theme);
await setUpI18n(config);
const restored = hasSavedProgress() ? (await import('./app/restore-progress.ts')).loadProgress() : { discarded: false };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App settings={clinicSettings(config, problems)} restored={restored} />
    </Suspense>
  </StrictMode>,
);
