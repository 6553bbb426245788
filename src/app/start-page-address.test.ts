import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLanguage, languageOfPath } from '@/i18n/i18n.ts';
import { LANGUAGES } from '@/i18n/languages.ts';
import { initialAudience, isReceptionPath } from '@/i18n/audience-setting.ts';
import { START_PAGE_ADDRESS_SCRIPT } from './start-page-address.ts';

/** Runs the inline script for an address; where it goes (or undefined when it stays). */
function goesTo(address: string, languages: readonly string[], session: Record<string, string> = {}): string | undefined {
  const url = new URL(address, 'https://clinic.example');
  let target: string | undefined;
  const location = { pathname: url.pathname, search: url.search, hash: url.hash, replace: (to: string) => (target = to) };
  const storage = { getItem: (key: string) => session[key] ?? null };
  const document = { documentElement: { style: {} as Record<string, string> } };
  const run = new Function('location', 'navigator', 'sessionStorage', 'document', `return ${START_PAGE_ADDRESS_SCRIPT};`) as (
    ...args: unknown[]
  ) => boolean;
  const left = run(location, { languages }, storage, document);
  expect(left).toBe(target !== undefined);
  if (left) expect(document.documentElement.style.visibility).toBe('hidden');
  return target;
}

/** What the app itself starts in, at that address (without a clinic configuration). */
function appStartsIn(address: string, languages: readonly string[], session: Record<string, string> = {}) {
  window.history.replaceState(null, '', address);
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  sessionStorage.clear();
  for (const [key, value] of Object.entries(session)) sessionStorage.setItem(key, value);
  return { language: initialLanguage(), audience: initialAudience() };
}

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the first paint is the start page the app will show (START_PAGE_ADDRESS_SCRIPT)', () => {
  const folders = ['/', '/hip/', '/ru/', '/ar/reception/', '/reception/', '/es/index.html', '/hip/es/reception/index.html'];
  const queries = ['', '?lang=ar', '?lang=ru&mode=reception', '?mode=patient', '?mode=reception', '?lang=xx', '?config=c.json&lang=es'];
  const browsers: (readonly string[])[] = [['en-GB'], ['ru-RU', 'en'], ['fr-FR', 'es-ES'], ['de-DE']];
  const sessions: Record<string, string>[] = [{}, { 'hip-triage.language': 'es' }, { 'hip-triage.mode': 'reception' }];

  it('agrees with the app on the language and the mode, for every address, browser and earlier choice', () => {
    let cases = 0;
    for (const folder of folders)
      for (const query of queries)
        for (const languages of browsers)
          for (const session of sessions) {
            const address = `${folder}${query}#/red-flags`;
            const app = appStartsIn(address, languages, session);
            const shown = new URL(goesTo(address, languages, session) ?? address, 'https://clinic.example');
            const label = `${address} ${languages.join(',')} ${JSON.stringify(session)}`;
            expect(languageOfPath(shown.pathname) ?? 'en', label).toBe(app.language);
            expect(isReceptionPath(shown.pathname) ? 'reception' : 'patient', label).toBe(app.audience);
            // Nothing of the address is lost on the way: the app's folder, the settings, the page.
            expect(shown.pathname.startsWith(folder.startsWith('/hip/') ? '/hip/' : '/'), label).toBe(true);
            expect(shown.search + shown.hash, label).toBe(`${query}#/red-flags`);
            cases += 1;
          }
    expect(cases).toBe(folders.length * queries.length * browsers.length * sessions.length);
  });

  it('leaves for the right page, and stays on it', () => {
    expect(goesTo('/?lang=ar', ['en'])).toBe('/ar/?lang=ar');
    expect(goesTo('/ar/?lang=ar', ['en'])).toBeUndefined();
    expect(goesTo('/?mode=reception&lang=es', ['en'])).toBe('/es/reception/?mode=reception&lang=es');
    expect(goesTo('/', ['ru-RU'])).toBe('/ru/');
    expect(goesTo('/ru/', ['en'])).toBeUndefined();
    expect(goesTo('/', ['en'])).toBeUndefined();
    for (const language of LANGUAGES)
      expect(goesTo(`/?lang=${language}`, ['en'])?.split('?')[0] ?? '/').toBe(language === 'en' ? '/' : `/${language}/`);
  });

  it('stays where it does not know the address, and when sessionStorage is blocked', () => {
    expect(goesTo('/some/deep/page.html?lang=ar', ['en'])).toBeUndefined();
    const run = new Function('location', 'navigator', 'sessionStorage', 'document', `return ${START_PAGE_ADDRESS_SCRIPT};`) as (
      ...args: unknown[]
    ) => boolean;
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
    };
    let target = '';
    const location = { pathname: '/', search: '?lang=es', hash: '', replace: (to: string) => (target = to) };
    expect(run(location, { languages: ['en'] }, blocked, { documentElement: { style: {} } })).toBe(true);
    expect(target).toBe('/es/?lang=es');
  });
});
