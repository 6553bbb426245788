import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readRuleFileSources } from '../project-files/read-rule-files.ts';
import { compileRuleFiles } from '../../triage/rules/compile-rule-files.ts';
import { jsonModulePlugin } from './json-module-plugin.ts';

/**
 * Serves the rule files to the app as plain JSON (`import ruleSet from
 * 'virtual:triage-rules'`), validated with the rule schema: a bad rule file fails
 * the build, the dev server and the tests with the file, rule and field named.
 * No YAML parser reaches the browser.
 */
export const triageRulesPlugin = (rulesDir = resolve(process.cwd(), 'rules')): Plugin =>
  jsonModulePlugin('triage-rules', () => {
    const sources = readRuleFileSources(rulesDir);
    return { value: compileRuleFiles(sources), watch: sources.map((source) => resolve(source.name)) };
  });
