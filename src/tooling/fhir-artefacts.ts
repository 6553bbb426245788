import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { codeSystem, type FhirWords } from '../fhir/code-system.ts';
import { questionnaire } from '../fhir/questionnaire.ts';
import { readRuleSet } from './read-rule-files.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** The `questions` and `outcomes` words of every language in locales/. */
export function fhirWords(localesDir = resolve(projectRoot, 'locales')): FhirWords {
  const read = (language: string, namespace: string) => JSON.parse(readFileSync(join(localesDir, language, `${namespace}.json`), 'utf8'));
  return Object.fromEntries(
    readdirSync(localesDir).map((language) => [language, { questions: read(language, 'questions'), outcomes: read(language, 'outcomes') }]),
  );
}

/** The FHIR artefacts of this build, from the same catalogue, locale files and rule files as the wizard. */
export function fhirArtefacts(root = projectRoot) {
  const ruleIds = readRuleSet(resolve(root, 'rules')).rules.map((rule) => rule.id);
  const words = fhirWords(resolve(root, 'locales'));
  return { 'CodeSystem.json': codeSystem(words, ruleIds), 'Questionnaire.json': questionnaire(words) };
}

/** `npm run build` writes them to dist/fhir/ (docs/fhir.md). */
export const fhirArtefactsPlugin = (): Plugin => ({
  name: 'fhir-artefacts',
  apply: (_, env) => env.command === 'build' && !env.isSsrBuild,
  generateBundle() {
    for (const [file, resource] of Object.entries(fhirArtefacts()))
      this.emitFile({ type: 'asset', fileName: `fhir/${file}`, source: `${JSON.stringify(resource, null, 2)}\n` });
  },
});
