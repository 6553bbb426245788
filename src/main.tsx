import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { applyTheme } from './clinic/apply-theme.ts';
import { clinicSettings } from './clinic/clinic-settings.tsx';
import { loadClinicConfig } from './clinic/load-clinic-config.ts';
import { setUpI18n } from './i18n/i18n.ts';
import './styles/app.css';

const { config, problems } = await loadClinicConfig();
if (problems.length > 0) console.warn('Hip triage: clinic configuration problems (defaults used):', problems);
applyTheme(config.theme);
await setUpI18n(config);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App settings={clinicSettings(config, problems)} />
    </Suspense>
  </StrictMode>,
);
