import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { codeSystem, type FhirWords } from '../../fhir/code-system.ts';
import { questionnaire } from '../../fhir/questionnaire.ts';
import { readRuleSet } from '../project-files/read-rule-files.ts';
import { readLocaleFiles } from '../project-files/read-locale-files.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');

/** The words of every language in locales/, with the namespaces the FHIR artefacts use. */
export const fhirWords = (localesDir?: string): FhirWords => readLocaleFiles(localesDir) as FhirWords;

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
