import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileRuleFiles, type RuleFileSource } from '../../triage/rules/compile-rule-files.ts';
import type { RuleSet } from '../../triage/rules/rule-schema.ts';

/** Node only: the rule files of a folder (default `rules/`), in name order. */
export function readRuleFileSources(dir: string): RuleFileSource[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { name: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
    });
}

export const readRuleSet = (dir: string): RuleSet => compileRuleFiles(readRuleFileSources(dir));
