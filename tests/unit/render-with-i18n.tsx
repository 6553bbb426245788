import { render, type RenderResult } from '@testing-library/react';
import i18next, { type i18n } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import articles from '../../locales/en/articles.json';
import common from '../../locales/en/common.json';
import errors from '../../locales/en/errors.json';
import outcomes from '../../locales/en/outcomes.json';
import questions from '../../locales/en/questions.json';

/**
 * An i18next instance with every English namespace loaded up front, so components
 * render their real words on the first render (no backend, no Suspense).
 */
export function createTestI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: 'en',
    fallbackLng: false,
    ns: ['common', 'questions', 'errors', 'outcomes', 'articles'],
    defaultNS: 'common',
    resources: { en: { common, questions, errors, outcomes, articles } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}

/** Renders `ui` inside an I18nextProvider with the English resources. */
export function renderWithI18n(ui: ReactElement): RenderResult & { i18n: i18n } {
  const instance = createTestI18n();
  return { ...render(<I18nextProvider i18n={instance}>{ui}</I18nextProvider>), i18n: instance };
}
