import { useTranslation } from 'react-i18next';
import { offeredLanguages } from '@/i18n/i18n.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/** Switching language keeps every answer: only the words change. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { config } = useClinicSettings();
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
                onClick={() => void i18n.changeLanguage(language)}
              >
                {t(`language.${language}`)}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
