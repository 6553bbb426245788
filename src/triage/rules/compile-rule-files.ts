import { parseDocument } from 'yaml';
import { URGENCIES, urgencyRank } from '../catalogue.ts';
import { formatIssuePath } from '../issue-path.ts';
import { ruleFileSchema, type CompiledRule, type RuleFile, type RuleSet } from './rule-schema.ts';

/**
 * Turns the YAML rule files into the rule set the engine runs. Used at build time
 * (vite plugin), by the CLI, the rule checker and the tests, never in the browser.
 * Every problem is reported with the file, the rule and the field.
 */
export interface RuleFileSource {
  /** Shown in messages, e.g. `rules/emergency.yaml`. */
  name: string;
  text: string;
}

export class RuleFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The rule files have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RuleFileError';
  }
}

function describeIssue(file: RuleFileSource, raw: unknown, path: readonly PropertyKey[], message: string): string {
  const [top, index, ...rest] = path;
  if (top === 'rules' && typeof index === 'number') {
    const rules = (raw as { rules?: { id?: unknown }[] } | undefined)?.rules;
    const id = rules?.[index]?.id;
    const rule = typeof id === 'string' ? `rule ${id}` : `rule #${index + 1}`;
    return `${file.name}: ${rule}: ${rest.length ? `${formatIssuePath(rest)}: ` : ''}${message}`;
  }
  return `${file.name}: ${path.length ? `${formatIssuePath(path)}: ` : ''}${message}`;
}

function parseRuleFile(file: RuleFileSource, problems: string[]): RuleFile | undefined {
  const document = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    problems.push(...document.errors.map((e) => `${file.name}: YAML syntax: ${e.message.split('\n')[0]}`));
    return undefined;
  }
  const raw: unknown = document.toJS();
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => describeIssue(file, raw, issue.path, issue.message)));
    return undefined;
  }
  return parsed.data;
}

/** Cross-file checks the per-file schema cannot see. */
function checkRuleSet(rules: (CompiledRule & { file: string })[], problems: string[]): void {
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const earlier = seen.get(rule.id);
    if (earlier) problems.push(`${rule.file}: rule ${rule.id}: id is already used in ${earlier}`);
    seen.set(rule.id, rule.file);
  }
  const fallbacks = rules.filter((rule) => rule.fallback);
  if (fallbacks.length !== 1) {
    problems.push(
      `rules: exactly one rule must have "fallback: true" (found ${fallbacks.length}: ${fallbacks.map((r) => r.id).join(', ') || 'none'})`,
    );
  }
  for (const rule of fallbacks) {
    if (rule.urgency !== 'routine') problems.push(`${rule.file}: rule ${rule.id}: the fallback rule must be in the routine file`);
    if (rule.adds) problems.push(`${rule.file}: rule ${rule.id}: the fallback rule cannot be an "adds" rule`);
  }
  for (const rule of rules) {
    if (rule.also.includes(rule.specialist)) {
      problems.push(`${rule.file}: rule ${rule.id}: also: lists its own specialist "${rule.specialist}"`);
    }
    for (const [field, list] of [
      ['also', rule.also as string[]],
      ['content', rule.content as string[]],
    ] as const) {
      const repeated = list.filter((id, index) => list.indexOf(id) !== index);
      if (repeated.length > 0)
        problems.push(`${rule.file}: rule ${rule.id}: ${field}: lists ${repeated.map((id) => `"${id}"`).join(', ')} twice`);
    }
  }
}

/** The rule set, and for each rule id the file it came from (for the rule checker's messages). */
export function compileRuleFilesWithOrigins(files: RuleFileSource[]): { ruleSet: RuleSet; origins: Record<string, string> } {
  const problems: string[] = [];
  const parsed = files
    .map((file) => ({ file, content: parseRuleFile(file, problems) }))
    .filter((f): f is { file: RuleFileSource; content: RuleFile } => f.content !== undefined)
    // Policy order is urgency order; files of one urgency keep their name order.
    .sort((a, b) => urgencyRank(b.content.urgency) - urgencyRank(a.content.urgency) || a.file.name.localeCompare(b.file.name));
  const rules = parsed.flatMap(({ file, content }) =>
    content.rules.map((rule) => ({ ...rule, urgency: content.urgency, file: file.name })),
  );
  if (problems.length === 0 && files.length > 0) checkRuleSet(rules, problems);
  if (files.length === 0) problems.push(`rules: no rule files found (expected one per urgency: ${URGENCIES.join(', ')})`);
  if (problems.length > 0) throw new RuleFileError(problems);
  return {
    ruleSet: { rules: rules.map(({ file: _file, ...rule }) => rule) },
    origins: Object.fromEntries(rules.map((rule) => [rule.id, rule.file])),
  };
}

export const compileRuleFiles = (files: RuleFileSource[]): RuleSet => compileRuleFilesWithOrigins(files).ruleSet;
