import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readRuleFileSources } from './read-rule-files.ts';
import { compileRuleFiles } from '../triage/rules/compile-rule-files.ts';

const MODULE_ID = 'virtual:triage-rules';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Serves the rule files to the app as plain JSON (`import ruleSet from
 * 'virtual:triage-rules'`), validated with the rule schema: a bad rule file fails
 * the build, the dev server and the tests with the file, rule and field named.
 * No YAML parser reaches the browser.
 */
export function triageRulesPlugin(rulesDir = resolve(process.cwd(), 'rules')): Plugin {
  return {
    name: 'triage-rules',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const sources = readRuleFileSources(rulesDir);
      for (const source of sources) this.addWatchFile(resolve(source.name));
      return `export default ${JSON.stringify(compileRuleFiles(sources))};`;
    },
  };
}
