import { parseDocument } from 'yaml';
import { CALL_NOW_IF, URGENCIES, urgencyRank } from '../catalogue.ts';
import { formatIssuePath } from '../issue-path.ts';
import {
  ruleFileSchema,
  safetyNetFileSchema,
  type CompiledRule,
  type RuleFile,
  type RuleSet,
  type SafetyNetFile,
  type SafetyNetLine,
} from './rule-schema.ts';

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
  if (top === 'safetyNet' && typeof index === 'number') {
    const line = (raw as { safetyNet?: { line?: unknown }[] } | undefined)?.safetyNet?.[index]?.line;
    const name = typeof line === 'string' ? `line ${line}` : `line #${index + 1}`;
    return `${file.name}: ${name}: ${rest.length ? `${formatIssuePath(rest)}: ` : ''}${message}`;
  }
  if (top === 'rules' && typeof index === 'number') {
    const rules = (raw as { rules?: { id?: unknown }[] } | undefined)?.rules;
    const id = rules?.[index]?.id;
    const rule = typeof id === 'string' ? `rule ${id}` : `rule #${index + 1}`;
    return `${file.name}: ${rule}: ${rest.length ? `${formatIssuePath(rest)}: ` : ''}${message}`;
  }
  return `${file.name}: ${path.length ? `${formatIssuePath(path)}: ` : ''}${message}`;
}

type ParsedFile = { kind: 'rules'; content: RuleFile } | { kind: 'safety-net'; content: SafetyNetFile };

/** A file with a top-level `safetyNet` key is the safety-net table; any other is a rule file. */
function parseRuleFile(file: RuleFileSource, problems: string[]): ParsedFile | undefined {
  const document = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    problems.push(...document.errors.map((e) => `${file.name}: YAML syntax: ${e.message.split('\n')[0]}`));
    return undefined;
  }
  const raw: unknown = document.toJS();
  if (typeof raw === 'object' && raw !== null && 'safetyNet' in raw) {
    const net = safetyNetFileSchema.safeParse(raw);
    if (net.success) return { kind: 'safety-net', content: net.data };
    problems.push(...net.error.issues.map((issue) => describeIssue(file, raw, issue.path, issue.message)));
    return undefined;
  }
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => describeIssue(file, raw, issue.path, issue.message)));
    return undefined;
  }
  return { kind: 'rules', content: parsed.data };
}

/** The safety-net table names real rules, and every line once, in the policy's table order. */
function checkSafetyNet(lines: SafetyNetLine[], name: string, rules: CompiledRule[], problems: string[]): void {
  const ids = new Set(rules.map((rule) => rule.id));
  for (const line of lines) {
    for (const id of line.whenFired) if (!ids.has(id)) problems.push(`${name}: line ${line.line}: whenFired: no rule "${id}"`);
  }
  const order = lines.map((line) => line.line);
  if (order.join(' ') !== CALL_NOW_IF.join(' '))
    problems.push(`${name}: lists the lines ${order.join(', ')}; it must list each line once, in this order: ${CALL_NOW_IF.join(', ')}`);
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
  const all = files.map((file) => ({ file, parsed: parseRuleFile(file, problems) }));
  const nets = all.flatMap(({ file, parsed }) => (parsed?.kind === 'safety-net' ? [{ file, content: parsed.content }] : []));
  const parsed = all
    .flatMap(({ file, parsed }) => (parsed?.kind === 'rules' ? [{ file, content: parsed.content }] : []))
    // Policy order is urgency order; files of one urgency keep their name order.
    .sort((a, b) => urgencyRank(b.content.urgency) - urgencyRank(a.content.urgency) || a.file.name.localeCompare(b.file.name));
  const rules = parsed.flatMap(({ file, content }) =>
    content.rules.map((rule) => ({ ...rule, urgency: content.urgency, file: file.name })),
  );
  if (problems.length === 0 && files.length > 0) checkRuleSet(rules, problems);
  if (files.length === 0) problems.push(`rules: no rule files found (expected one per urgency: ${URGENCIES.join(', ')})`);
  else if (problems.length === 0 && nets.length !== 1)
    problems.push(`rules: exactly one safety-net file (a top-level "safetyNet" list) is needed; found ${nets.length}`);
  const net = nets[0];
  if (problems.length === 0 && net) checkSafetyNet(net.content.safetyNet, net.file.name, rules, problems);
  if (problems.length > 0) throw new RuleFileError(problems);
  return {
    ruleSet: { rules: rules.map(({ file: _file, ...rule }) => rule), safetyNet: net!.content.safetyNet },
    origins: Object.fromEntries(rules.map((rule) => [rule.id, rule.file])),
  };
}

export const compileRuleFiles = (files: RuleFileSource[]): RuleSet => compileRuleFilesWithOrigins(files).ruleSet;
