// i18next with the locale files of `locales/`, fetched per language and namespace
// on demand: only the active language is downloaded. A failed download is tried
// again (i18next's retries, then whenever the connection comes back), and a text
// that has not arrived is never shown as its key (essential-fallback.ts).

import i18next, { type BackendModule, type InitOptions, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readSession, writeSession } from '@/storage/session-storage.ts';
import { missingText } from './essential-fallback.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, directionOf, isLanguage, type Language, type Namespace } from './languages.ts';

const localeUrls = import.meta.glob<string>('../../locales/*/*.json', { query: '?url', import: 'default', eager: true });

/** Fetched, not imported: a failed fetch can be tried again, a failed module import may stay failed. */
const localesBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const url = localeUrls[`../../locales/${language}/${namespace}.json`];
    if (!url) {
      callback(new Error(`no locale file for ${language}/${namespace}`), false);
      return;
    }
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${language}/${namespace}`);
        return response.json() as Promise<Record<string, unknown>>;
      })
      // `true`: i18next tries again at once (twice, after 0.25 s and 0.5 s); later tries follow (retryFailedWords).
      .then(
        (data) => callback(null, data),
        (error: Error) => callback(error, true),
      );
  },
};

const STORAGE_KEY = 'hip-triage.language';

/** What a clinic's configuration says about languages (i18n knows nothing else of clinics). */
export interface LanguageSettings {
  locales?: readonly string[] | undefined;
  defaultLocale?: string | undefined;
}

/** The languages a clinic offers (all, by default). */
export const offeredLanguages = (config: LanguageSettings = {}): Language[] =>
  config.locales?.filter(isLanguage).length ? config.locales.filter(isLanguage) : [...LANGUAGES];

/** A language's own start page, …/ru/ or …/ru/reception/ (prerendered by the build), names its language in the path. */
export const languageOfPath = (pathname: string): string | undefined =>
  /\/([a-z]{2})\/(?:reception\/)?(?:index\.html)?$/.exec(pathname)?.[1];

/**
 * What the URL says (?lang=, then a language's own page, …/ru/), then the language
 * chosen earlier in this session, then the browser's preference, then the clinic's
 * default: always one the clinic offers.
 */
export function initialLanguage(config: LanguageSettings = {}): Language {
  const offered = offeredLanguages(config);
  const isOffered = (value: unknown): value is Language => isLanguage(value) && offered.includes(value);
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  if (isOffered(fromQuery)) return fromQuery;
  const fromPath = languageOfPath(window.location.pathname);
  if (isOffered(fromPath)) return fromPath;
  const remembered = readSession(STORAGE_KEY);
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

/** Namespaces whose last download failed, as `language|namespace`. */
const failed = new Set<string>();
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 2_000;

/** Tries the failed downloads again; i18next tells the pages when words arrive. */
function retryFailedWords(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  if (failed.size === 0) retryDelay = 2_000;
  for (const entry of [...failed]) {
    const [language, namespace] = entry.split('|') as [string, string];
    failed.delete(entry);
    void i18next.reloadResources([language], [namespace]);
  }
}

function scheduleRetry(): void {
  // Also without an 'online' event (a flaky connection may never report going
  // offline): after 2 s, then doubling up to every 30 s while anything is missing.
  retryTimer ??= setTimeout(retryFailedWords, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30_000);
}

/**
 * Changes the language only once its words are here: offline, the page stays in
 * the language it is in, rather than turning into blanks. Resolves whether it did.
 */
export async function switchLanguage(language: Language): Promise<boolean> {
  const needed = (i18next.options.ns as Namespace[]).filter((namespace) => i18next.hasResourceBundle(i18next.language, namespace));
  await i18next.loadLanguages(language);
  await i18next.loadNamespaces(needed);
  if (!needed.every((namespace) => i18next.hasResourceBundle(language, namespace))) return false;
  await i18next.changeLanguage(language);
  // Only a language the person chose is remembered: one picked for them may give way to the clinic's default.
  writeSession(STORAGE_KEY, language);
  return true;
}

/** The options the browser and the build's prerenderer share, so that both render the same words. */
const SHARED_OPTIONS = {
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  appendNamespaceToMissingKey: true,
  parseMissingKeyHandler: (key, defaultValue, options) => missingText(key, defaultValue, options as Record<string, unknown>) as string,
  // Pages re-render when words arrive after a failed download.
  react: { useSuspense: true, bindI18n: 'languageChanged loaded' },
} satisfies InitOptions;

/** The build's prerenderer: every word given at once, nothing fetched, nothing on `window`. */
export async function setUpI18nWithWords(words: Resource) {
  await i18next.use(initReactI18next).init({ ...SHARED_OPTIONS, lng: DEFAULT_LANGUAGE, ns: [...NAMESPACES], resources: words });
  return i18next;
}

export async function setUpI18n(config: LanguageSettings = {}) {
  const language = initialLanguage(config);
  i18next.on('languageChanged', applyToDocument);
  i18next.on('failedLoading', (lng, ns) => {
    failed.add(`${lng}|${ns}`);
    scheduleRetry();
  });
  window.addEventListener('online', retryFailedWords);
  await i18next
    .use(localesBackend)
    .use(initReactI18next)
    .init({
      ...SHARED_OPTIONS,
      lng: language,
      // The result's words come with the first page, so an emergency never waits for a download.
      ns: ['common', 'questions', 'errors', 'outcomes'],
      // Short, so that a file that is gone does not hold up the first page; later tries follow.
      maxRetries: 2,
      retryTimeout: 250,
    });
  applyToDocument(i18next.language);
  return i18next;
}
