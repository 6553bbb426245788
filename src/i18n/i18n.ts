import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, directionOf, isLanguage, type Language } from './languages.ts';

/**
 * i18next with the locale files of `locales/`, loaded per language and namespace
 * on demand: only the active language is downloaded, and the result page's
 * namespaces only when it is shown.
 */
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json');

const localesBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = localeFiles[`../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`no locale file for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

const STORAGE_KEY = 'hip-triage.language';

/** ?lang= first, then the language chosen earlier in this session, then the browser's. */
export function initialLanguage(): Language {
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromQuery)) return fromQuery;
  const remembered = sessionStorage.getItem(STORAGE_KEY);
  if (isLanguage(remembered)) return remembered;
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage);
  return preferred ?? DEFAULT_LANGUAGE;
}

const applyToDocument = (language: string) => {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
};

export async function setUpI18n(language: Language = initialLanguage()) {
  i18next.on('languageChanged', (lng) => {
    applyToDocument(lng);
    sessionStorage.setItem(STORAGE_KEY, lng);
  });
  await i18next
    .use(localesBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      ns: ['common', 'questions', 'errors'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  applyToDocument(i18next.language);
  return i18next;
}
