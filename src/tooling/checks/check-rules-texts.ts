import { existsSync, readFileSync } from 'node:fs';
import { LANGUAGES } from '../../i18n/languages.ts';
import { wordAt } from '../../i18n/word-at.ts';
import type { TextLookup } from '../../triage/rules/analyse-rules.ts';

/** Node only: looks texts up in locales/<language>/<namespace>.json. */
const cache = new Map<string, unknown>();
const localeFile = (language: string, namespace: string): unknown => {
  const path = `locales/${language}/${namespace}.json`;
  if (!cache.has(path)) cache.set(path, existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
  return cache.get(path);
};

export const localeTexts: TextLookup = {
  languages: LANGUAGES,
  has: (language, namespace, key) => {
    const value = wordAt(localeFile(language, namespace), key);
    return typeof value === 'string' && value.trim() !== '';
  },
};
