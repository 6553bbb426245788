import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInstance, type i18n as I18n } from 'i18next';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * The emergency number when no clinic configured one (policy §2: 112 by default), as
 * the wizard's clinic settings have it: the CLI has no clinic configuration.
 */
export const DEFAULT_EMERGENCY_NUMBER = '112';

/**
 * Node only: i18next with one language's `outcomes` and `questions` words (the
 * patient's wording unless a `context` is given), for the note of a ServiceRequest:
 * English for `--format fhir`; the tests use the others too. No fallback language,
 * so that a word missing in one language is found.
 */
export async function outcomeWords(language = 'en'): Promise<I18n> {
  const read = (namespace: string) =>
    JSON.parse(readFileSync(resolve(projectRoot, `locales/${language}/${namespace}.json`), 'utf8')) as object;
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: false,
    ns: ['outcomes', 'questions'],
    defaultNS: 'outcomes',
    interpolation: { escapeValue: false },
    resources: { [language]: { outcomes: read('outcomes'), questions: read('questions') } },
  });
  return i18n;
}
