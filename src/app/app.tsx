import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { ruleSet } from '@/triage/rules/rule-set.ts';
import { AudienceProvider, useWording, type Audience } from '@/i18n/audience.tsx';
import { rememberAudience } from '@/i18n/audience-setting.ts';
import { ClinicSettingsProvider, useClinicSettings } from '@/clinic/clinic-settings.tsx';
import { useClinicSettingsInForce } from '@/clinic/clinic-settings-store.ts';
import { PageErrorBoundary } from '@/components/page-error-boundary.tsx';
import { PageFailed } from './page-failed.tsx';
import { ConfigErrorPage } from '@/clinic/config-error-page.tsx';
import { useHostMessaging } from '@/embed/use-host-messaging.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { ProgressSections } from './progress-sections.tsx';
import { saveProgress, type Restored } from '@/wizard/saved-progress.ts';
import { TriageActorContext } from '@/wizard/triage-actor-context.ts';
import { useUrlSync } from './use-url-sync.ts';
import type { Route } from '@/wizard/routes.ts';
import { WizardPages } from './wizard-pages.tsx';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { forgetEarlyClick } from '@/components/early-clicks.ts';

// Reception mode's bar and keys load only in reception mode.
const ReceptionBar = lazy(() =>
  loadWithRetry(() => import('@/reception/reception-bar.tsx')).then((module) => ({ default: module.ReceptionBar })),
);

function Shell({
  restored,
  audience,
  initialRoute,
  onAudienceChange,
}: {
  restored: Restored;
  audience: Audience;
  initialRoute: Route;
  onAudienceChange: (a: Audience) => void;
}) {
  const { t } = useWording();
  const actor = TriageActorContext.useActorRef();
  const route = useUrlSync(initialRoute);
  const page = TriageActorContext.useSelector((state) => state.value);
  const shell = useRef<HTMLDivElement>(null);
  const { emergencyNumber, notApplied } = useClinicSettings();
  useHostMessaging();
  // Started on another page than the prerendered start page (a saved check, a link): a click made on that page no longer applies.
  useEffect(() => {
    if (actor.getSnapshot().value !== 'start') forgetEarlyClick();
  }, [actor]);
  useEffect(() => {
    const subscription = actor.subscribe((snapshot) => saveProgress(snapshot.context));
    return () => subscription.unsubscribe();
  }, [actor]);

  return (
    <div ref={shell} className={audience === 'reception' ? 'app app--reception' : 'app'}>
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <span className="header__title">{t('appName')}</span>
          <LanguageSwitch />
        </div>
      </header>
      {audience === 'reception' && (
        // Without its bar, reception mode still works by mouse; the page is never lost with it.
        <PageErrorBoundary fallback={() => null}>
          <Suspense fallback={null}>
            <ReceptionBar root={shell} />
          </Suspense>
        </PageErrorBoundary>
      )}
      <div className="width-container">
        {route.kind === 'page' && <ProgressSections page={page} />}
        {notApplied && (
          <p className="notice notice--warning" role="status" data-config-not-applied>
            {t('configNotApplied', { number: emergencyNumber })}
          </p>
        )}
        {restored.discarded && page === 'start' && (
          <p className="notice" role="status">
            {t('savedProgress.discarded')}
          </p>
        )}
        <main id="main-content" className="main" tabIndex={-1}>
          <PageErrorBoundary
            key={route.kind === 'page' ? route.page : route.kind}
            fallback={() => <PageFailed onRetry={() => window.location.reload()} />}
          >
            <Suspense fallback={<p className="loading">{t('loading')}</p>}>
              <WizardPages route={route} onAudienceChange={onAudienceChange} />
            </Suspense>
          </PageErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** Where the page starts: read from the URL and storage in the browser, given by the build when it prerenders. */
export interface AppProps {
  restored: Restored;
  audience: Audience;
  route: Route;
}

export function App({ restored, audience: initialAudience, route }: AppProps) {
  const settings = useClinicSettingsInForce();
  const [audience, setAudience] = useState<Audience>(initialAudience);
  const changeAudience = (next: Audience) => {
    rememberAudience(next);
    setAudience(next);
  };
  // While developing, a broken clinic configuration stops here with its problems
  // named; a production build falls back to the defaults and reports them.
  if (import.meta.env.DEV && settings.problems.length > 0) return <ConfigErrorPage problems={settings.problems} />;
  return (
    <ClinicSettingsProvider value={settings}>
      <AudienceProvider value={audience}>
        <TriageActorContext.Provider options={{ input: { ruleSet, progress: restored.progress } }}>
          {/* Whatever fails below, the emergency number stays on screen. */}
          <PageErrorBoundary fallback={() => <PageFailed onRetry={() => window.location.reload()} />}>
            <Shell restored={restored} audience={audience} initialRoute={route} onAudienceChange={changeAudience} />
          </PageErrorBoundary>
        </TriageActorContext.Provider>
      </AudienceProvider>
    </ClinicSettingsProvider>
  );
}
