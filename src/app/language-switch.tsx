import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/i18n/languages.ts';

/** Switching language keeps every answer: only the words change. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      <ul className="language-switch__list">
        {LANGUAGES.map((language) => {
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
