// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_IDS, LOCATIONS, RED_FLAGS, RISK_FACTORS, SPECIALISTS, SYMPTOMS, URGENCIES } from '@/triage/catalogue.ts';
import { readRuleSet } from '@/tooling/project-files/read-rule-files.ts';
import { LANGUAGES, NAMESPACES } from './languages.ts';

type Tree = { [key: string]: Tree | string | string[] };
const load = (language: string, namespace: string): Tree =>
  JSON.parse(readFileSync(`locales/${language}/${namespace}.json`, 'utf8')) as Tree;

/** Leaf key paths, with i18next plural suffixes folded into the base key. */
function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'object' && !Array.isArray(value) ? keyPaths(value, `${path}.`) : [path];
  });
}
const unique = (paths: string[]) => [...new Set(paths)].sort();

describe('locale files', () => {
  it('have exactly the namespaces the app loads, for every language', () => {
    for (const language of LANGUAGES) {
      expect(readdirSync(`locales/${language}`).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en').flatMap((l) => NAMESPACES.map((ns) => [l, ns] as const)))(
    '%s/%s has every key English has, and no other',
    (language, namespace) => {
      expect(unique(keyPaths(load(language, namespace)))).toEqual(unique(keyPaths(load('en', namespace))));
    },
  );

  it.each(LANGUAGES)('%s: every catalogue id and every rule has its words', (language) => {
    const questions = load(language, 'questions') as Record<string, { options: Tree }>;
    const outcomes = load(language, 'outcomes') as { specialists: Tree; reasons: Tree; urgency: Tree };
    const articles = load(language, 'articles');
    const missing = [
      ...RED_FLAGS.filter((id) => !questions.redFlags!.options[id]).map((id) => `redFlags.options.${id}`),
      ...SYMPTOMS.filter((id) => !questions.symptoms!.options[id]).map((id) => `symptoms.options.${id}`),
      ...RISK_FACTORS.filter((id) => !questions.riskFactors!.options[id]).map((id) => `riskFactors.options.${id}`),
      ...LOCATIONS.filter((id) => !questions.locations!.options[id]).map((id) => `locations.options.${id}`),
      ...SPECIALISTS.filter((id) => !outcomes.specialists[id]).map((id) => `specialists.${id}`),
      ...URGENCIES.filter((id) => !outcomes.urgency[id]).map((id) => `urgency.${id}`),
      ...CONTENT_IDS.filter((id) => !articles[id]).map((id) => `articles.${id}`),
      ...readRuleSet('rules')
        .rules.filter((rule) => !outcomes.reasons[rule.id])
        .map((rule) => `reasons.${rule.id}`),
    ];
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s: no string is empty', (language) => {
    for (const namespace of NAMESPACES) {
      const empty = keyPaths(load(language, namespace)).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Tree)?.[key], load(language, namespace));
        return value === '';
      });
      expect(empty, `${language}/${namespace}`).toEqual([]);
    }
  });
});
