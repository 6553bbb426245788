import { useState } from 'react';
import { useWording } from '@/i18n/audience.tsx';
import { offeredLanguages, switchLanguage } from '@/i18n/i18n.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';
import type { Language } from '@/i18n/languages.ts';

/** Switching language keeps every answer: only the words change, once they have arrived. */
export function LanguageSwitch() {
  const { t, i18n } = useWording();
  const { config } = useClinicSettings();
  const [failed, setFailed] = useState<Language | undefined>();
  const choose = async (language: Language) => {
    setFailed(undefined);
    if (!(await switchLanguage(language))) setFailed(language);
  };
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      <ul className="language-switch__list">
        {offeredLanguages(config).map((language) => {
          const current = i18n.resolvedLanguage === language;
          return (
            <li key={language}>
              <button
                type="button"
                className="language-switch__button"
                lang={language}
                aria-current={current ? 'true' : undefined}
                onClick={() => void choose(language)}
              >
                {t(`language.${language}`)}
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" className="language-switch__status">
        {failed && t('language.failed', { language: t(`language.${failed}`) })}
      </p>
    </nav>
  );
}
