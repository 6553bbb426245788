import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInstance, type i18n as I18n } from 'i18next';

const projectRoot = resolve(import.meta.dirname, '../../..');

/** Node only: i18next with the English `errors` words, for the CLI's and the fuzzer's messages to people. */
export async function englishErrors(): Promise<I18n> {
  const i18n = createInstance();
  await i18n.init({
    lng: 'en',
    ns: ['errors'],
    defaultNS: 'errors',
    interpolation: { escapeValue: false },
    resources: { en: { errors: JSON.parse(readFileSync(resolve(projectRoot, 'locales/en/errors.json'), 'utf8')) } },
  });
  return i18n;
}
