import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { CALL_NOW_IF } from '@/triage/catalogue.ts';
import { RuleFileError, compileRuleFiles, type RuleFileSource } from '@/triage/rules/compile-rule-files.ts';
import type { RuleSet, SafetyNetLine } from '@/triage/rules/rule-schema.ts';
import { readRuleFileSources } from '../project-files/read-rule-files.ts';
import { translateV2RuleFiles, isV2RuleFiles } from './v2-rule-files.ts';

/**
 * One side of a rule diff: a folder of rule files, or a git revision whose `rules/`
 * folder is read with `git show`. Both are compiled by today's compiler; a revision
 * from before policy v3 (rule files with `callNowIf` and no safety-net table) is
 * first put through the documented v2 translation (v2-rule-files.ts), and says so.
 */
export interface RuleSide {
  /** As given on the command line (a folder or a revision). */
  spec: string;
  /** What the report calls it, e.g. `rules/ (working tree)` or `git 39fc953^`. */
  label: string;
  ruleSet: RuleSet;
  /** Each translation applied to read this side (empty when it compiled as it is). */
  translations: string[];
}

export class RuleSideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSideError';
  }
}

const git = (cwd: string, args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** The rule files of `rules/` at a git revision, or a clear error when the revision or the folder is missing. */
export function readRevisionSources(revision: string, cwd: string): RuleFileSource[] {
  let commit: string;
  try {
    commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim();
  } catch {
    throw new RuleSideError(
      `"${revision}" is neither a folder nor a git revision of this repository (a shallow clone may lack it: fetch the full history with git fetch --unshallow)`,
    );
  }
  const names = git(cwd, ['ls-tree', '--name-only', commit, 'rules/'])
    .split('\n')
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  if (names.length === 0) throw new RuleSideError(`git revision ${revision} has no rule files in rules/`);
  return names.map((name) => ({ name: `${revision}:${name}`, text: git(cwd, ['show', `${commit}:${name}`]) }));
}

/** A side given as a folder (if such a folder exists) or else as a git revision, compiled. */
export function loadRuleSide(spec: string, cwd = process.cwd()): RuleSide {
  const folder = resolve(cwd, spec);
  const isFolder = existsSync(folder) && statSync(folder).isDirectory();
  const sources = isFolder ? readRuleFileSources(folder) : readRevisionSources(spec, cwd);
  const label = isFolder ? `folder ${spec}` : `git revision ${spec}`;
  if (isFolder && sources.length === 0) throw new RuleSideError(`folder ${spec} has no rule files (*.yaml)`);
  if (!isV2RuleFiles(sources)) return { spec, label, ruleSet: compileSide(sources, label), translations: [] };
  const translated = translateV2RuleFiles(sources);
  const ruleSet = compileSide(withPlaceholderSafetyNet(translated.sources), label);
  return { spec, label, ruleSet: { ...ruleSet, safetyNet: translated.safetyNet }, translations: translated.notes };
}

function compileSide(sources: RuleFileSource[], label: string): RuleSet {
  try {
    return compileRuleFiles(sources);
  } catch (error) {
    if (error instanceof RuleFileError) throw new RuleSideError(`${label}: ${error.message}`);
    throw error;
  }
}

/**
 * Today's compiler needs a complete safety-net table; the translated v2 table has only
 * the lines v2 named, so the compiler is given every line with the first rule as a
 * placeholder and the v2 lines replace them after compiling.
 */
function withPlaceholderSafetyNet(sources: RuleFileSource[]): RuleFileSource[] {
  const firstRule = parseDocument(sources[0]!.text).toJS() as { rules: { id: string }[] };
  const safetyNet: Pick<SafetyNetLine, 'line' | 'whenFired'>[] = CALL_NOW_IF.map((line) => ({
    line,
    whenFired: [firstRule.rules[0]!.id],
  }));
  return [...sources, { name: '(v2 translation: placeholder safety-net table)', text: stringify({ safetyNet }) }];
}
