import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleSet } from '@/triage/rules/rule-set.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { ProgressSections } from './progress-sections.tsx';
import { TriageActor } from './triage-actor.ts';
import { useUrlSync } from './use-url-sync.ts';
import { WizardPages } from './wizard-pages.tsx';

function Shell() {
  const { t } = useTranslation();
  const route = useUrlSync();
  const page = TriageActor.useSelector((state) => state.value);
  return (
    <>
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
      <div className="width-container">
        {route.kind === 'page' && <ProgressSections page={page} />}
        <main id="main-content" className="main" tabIndex={-1}>
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            <WizardPages route={route} />
          </Suspense>
        </main>
      </div>
    </>
  );
}

export function App() {
  return (
    <TriageActor.Provider options={{ input: { ruleSet } }}>
      <Shell />
    </TriageActor.Provider>
  );
}
