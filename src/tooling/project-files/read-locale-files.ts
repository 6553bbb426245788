import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Resource } from 'i18next';

const projectRoot = resolve(import.meta.dirname, '../../..');

/** Node only: every locale file, as i18next resources (language → namespace → words). */
export function readLocaleFiles(localesDir = resolve(projectRoot, 'locales')): Resource {
  const words: Resource = {};
  for (const language of readdirSync(localesDir)) {
    words[language] = {};
    for (const file of readdirSync(join(localesDir, language)).filter((name) => name.endsWith('.json')))
      words[language][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(localesDir, language, file), 'utf8'));
  }
  return words;
}
