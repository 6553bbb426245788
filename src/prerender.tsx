// The build's second entry (run in Node by src/tooling/build/prerender-plugin.ts, never
// shipped): renders each start page to HTML with React's server renderer, so that
// the page and its emergency number show before any JavaScript has run.

import { prerender } from 'react-dom/static';
import type { Resource } from 'i18next';
import { Root } from './app/root.tsx';
import { prerenderedAs } from './app/prerendered-page.ts';
import { clinicSettings } from './clinic/clinic-settings.tsx';
import { setUpI18nWithWords } from './i18n/i18n.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, directionOf, type Language } from './i18n/languages.ts';
import type { Audience } from './i18n/audience.tsx';

interface StartPageSpec {
  /** Relative to the app's folder: '' is its index.html, 'ru/' is ru/index.html. */
  path: string;
  language: Language;
  audience: Audience;
}

/** One start page per language and mode at its own path: …/ru/, …/reception/, …/ru/reception/ (src/app/start-page-address.ts). */
export const START_PAGES: readonly StartPageSpec[] = (['patient', 'reception'] as const).flatMap((audience) =>
  LANGUAGES.map((language): StartPageSpec => ({
    path: `${language === DEFAULT_LANGUAGE ? '' : `${language}/`}${audience === 'reception' ? 'reception/' : ''}`,
    language,
    audience,
  })),
);

export interface RenderedStartPage extends StartPageSpec {
  /** The markup inside #root. */
  html: string;
  /** Written on #root as data-prerendered: the browser hydrates only when it would render the same. */
  renderedAs: string;
  direction: 'ltr' | 'rtl';
  title: string;
  /** Shown only when JavaScript is off. */
  noScript: string;
  /** What the loader says when the app's code is slow to arrive or cannot (src/tooling/build/content-security-policy.ts). */
  startLoad: { retrying: string; failed: string; retry: string };
}

export async function renderStartPages(words: Resource): Promise<RenderedStartPage[]> {
  const i18n = await setUpI18nWithWords(words);
  const { emergencyNumber } = clinicSettings();
  const pages: RenderedStartPage[] = [];
  // One at a time: the language is global to i18next.
  for (const spec of START_PAGES) {
    await i18n.changeLanguage(spec.language);
    const { prelude } = await prerender(
      <Root restored={{ discarded: false }} audience={spec.audience} route={{ kind: 'page', page: 'start' }} />,
    );
    const startTitle = spec.audience === 'reception' ? i18n.t('reception:start.title') : i18n.t('start.title');
    pages.push({
      ...spec,
      html: await new Response(prelude).text(),
      renderedAs: prerenderedAs({ language: spec.language, audience: spec.audience, page: 'start' }),
      direction: directionOf(spec.language),
      title: i18n.t('pageTitle', { page: startTitle, app: i18n.t('appName') }),
      noScript: i18n.t('noScript', { number: emergencyNumber, context: spec.audience === 'reception' ? 'reception' : undefined }),
      startLoad: { retrying: i18n.t('startLoad.retrying'), failed: i18n.t('startLoad.failed'), retry: i18n.t('startLoad.retry') },
    });
  }
  return pages;
}
