import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ClinicConfig } from '@/clinic/clinic-config-schema.ts';
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

/** The languages a clinic offers (all, by default). */
export const offeredLanguages = (config: ClinicConfig = {}): Language[] =>
  config.locales?.filter(isLanguage).length ? config.locales.filter(isLanguage) : [...LANGUAGES];

/**
 * ?lang= first, then the language chosen earlier in this session, then the
 * browser's preference, then the clinic's default: always one the clinic offers.
 */
export function initialLanguage(config: ClinicConfig = {}): Language {
  const offered = offeredLanguages(config);
  const isOffered = (value: unknown): value is Language => isLanguage(value) && offered.includes(value);
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (isOffered(fromQuery)) return fromQuery;
  let remembered: string | null = null;
  try {
    remembered = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked: nothing remembered.
  }
  if (isOffered(remembered)) return remembered;
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isOffered);
  if (preferred) return preferred;
  if (isOffered(config.defaultLocale)) return config.defaultLocale;
  return isOffered(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : offered[0]!;
}

const applyToDocument = (language: string) => {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
};

export async function setUpI18n(config: ClinicConfig = {}) {
  const language = initialLanguage(config);
  i18next.on('languageChanged', (lng) => {
    applyToDocument(lng);
    try {
      sessionStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Not remembered; ?lang= still works.
    }
  });
  await i18next
    .use(localesBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: offeredLanguages(config),
      ns: ['common', 'questions', 'errors'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  applyToDocument(i18next.language);
  return i18next;
}
