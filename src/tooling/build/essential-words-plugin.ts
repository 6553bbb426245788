import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ESSENTIAL_KEYS } from '../../i18n/essential-keys.ts';
import { jsonModulePlugin } from './json-module-plugin.ts';

type Tree = { [key: string]: unknown };

/** The English words of ESSENTIAL_KEYS, picked from locales/en at build time. */
export function essentialWords(localesDir = resolve(process.cwd(), 'locales')): Record<string, Tree> {
  const words: Record<string, Tree> = {};
  for (const [namespace, keys] of Object.entries(ESSENTIAL_KEYS)) {
    const file = JSON.parse(readFileSync(resolve(localesDir, 'en', `${namespace}.json`), 'utf8')) as Tree;
    const picked: Tree = {};
    for (const key of keys) {
      if (key === '') Object.assign(picked, file);
      else if (key in file) picked[key] = file[key];
      else throw new Error(`essential key ${namespace}:${key} is not in locales/en/${namespace}.json`);
    }
    words[namespace] = picked;
  }
  return words;
}

/** Serves the essential English words to the app (`import words from 'virtual:essential-words'`). */
export const essentialWordsPlugin = (localesDir = resolve(process.cwd(), 'locales')): Plugin =>
  jsonModulePlugin('essential-words', () => ({
    value: essentialWords(localesDir),
    watch: Object.keys(ESSENTIAL_KEYS).map((namespace) => resolve(localesDir, 'en', `${namespace}.json`)),
  }));
