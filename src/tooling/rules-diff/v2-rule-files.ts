import { parseDocument, stringify } from 'yaml';
import { CALL_NOW_IF, type CallNowIf } from '@/triage/catalogue.ts';
import type { RuleFileSource } from '@/triage/rules/compile-rule-files.ts';
import type { SafetyNetLine } from '@/triage/rules/rule-schema.ts';

/**
 * Reading policy v2 rule files (before commit 39fc953) with today's compiler, so that a
 * rule diff can span the v3 change. v2 differs from v3 in four ways that touch the rule
 * files; each is translated to the v3 form that means the same, and named in the report:
 * - an urgent rule named its "call now if" line itself (`callNowIf`); v3 has the table
 *   rules/safety-net.yaml. A line applies when a rule naming it fired, as in v2 (v2 showed
 *   lines only on urgent results; only urgent rules named lines, and today's engine shows
 *   none on an emergency result, so the result is the same);
 * - `is: child` meant under 16 (CHILD_AGE_BELOW was 16; v3: 18);
 * - `is: adolescent` meant 16 or 17 (v3 has no such definition);
 * - `hip-replacement` was a risk factor; v3 asks it as its own question, `hipReplacement`.
 * Anything else a v2 file says is read as today's compiler reads it (the other
 * definitions did not change in v3).
 */
type Raw = Record<string, unknown>;

const V2_CHILD_AGE_BELOW = 16;
const V2_LIMP_RED_FLAG_AGE_BELOW = 18;

const NOTES = {
  callNowIf:
    'v2 rule files named the "call now if" line on each urgent rule (callNowIf); read as a safety-net table in which a line applies when a rule naming it fired (v2 showed these lines on urgent results only; only urgent rules named one, so nothing else changes).',
  child: `v2 "is: child" meant under ${V2_CHILD_AGE_BELOW} (v3: under 18); read as "age below ${V2_CHILD_AGE_BELOW}".`,
  adolescent: `v2 "is: adolescent" meant ${V2_CHILD_AGE_BELOW} or ${V2_LIMP_RED_FLAG_AGE_BELOW - 1}; read as "age ${V2_CHILD_AGE_BELOW} to ${V2_LIMP_RED_FLAG_AGE_BELOW - 1}".`,
  hipReplacement:
    'v2 asked about a hip replacement as the risk factor "hip-replacement"; read as the v3 answer hipReplacement: true (asked from 16).',
} as const;

const parse = (source: RuleFileSource): Raw => parseDocument(source.text).toJS() as Raw;

/** v2 files: no safety-net table (a file with a top-level `safetyNet`), and rules carrying `callNowIf`. */
export function isV2RuleFiles(sources: RuleFileSource[]): boolean {
  const files = sources.map(parse);
  const hasTable = files.some((file) => file !== null && typeof file === 'object' && 'safetyNet' in file);
  const namesLines = files.some((file) => Array.isArray(file?.rules) && (file.rules as Raw[]).some((rule) => 'callNowIf' in rule));
  return !hasTable && namesLines;
}

function translateCondition(condition: Raw, used: Set<keyof typeof NOTES>): Raw {
  if (Array.isArray(condition.all)) return { all: (condition.all as Raw[]).map((c) => translateCondition(c, used)) };
  if (Array.isArray(condition.any)) return { any: (condition.any as Raw[]).map((c) => translateCondition(c, used)) };
  if (condition.is === 'child') {
    used.add('child');
    return { age: { below: V2_CHILD_AGE_BELOW } };
  }
  if (condition.is === 'adolescent') {
    used.add('adolescent');
    return { age: { atLeast: V2_CHILD_AGE_BELOW, below: V2_LIMP_RED_FLAG_AGE_BELOW } };
  }
  if (condition.has === 'hip-replacement') {
    used.add('hipReplacement');
    return { hipReplacement: true };
  }
  if (Array.isArray(condition.hasAny) && condition.hasAny.includes('hip-replacement')) {
    used.add('hipReplacement');
    const rest = (condition.hasAny as string[]).filter((f) => f !== 'hip-replacement');
    return rest.length === 0 ? { hipReplacement: true } : { any: [{ hipReplacement: true }, { hasAny: rest }] };
  }
  return condition;
}

export interface V2Translation {
  /** The rule files in today's form, without a safety-net table. */
  sources: RuleFileSource[];
  /** The v2 "call now if" lines, in the table order of today's catalogue. */
  safetyNet: SafetyNetLine[];
  /** What was translated, for the report. */
  notes: string[];
}

export function translateV2RuleFiles(sources: RuleFileSource[]): V2Translation {
  const used = new Set<keyof typeof NOTES>();
  const namedBy = new Map<CallNowIf, string[]>();
  const translated = sources.map((source) => {
    const file = parse(source);
    const rules = (file.rules as Raw[]).map(({ callNowIf, ...rule }) => {
      if (typeof callNowIf === 'string') {
        used.add('callNowIf');
        namedBy.set(callNowIf as CallNowIf, [...(namedBy.get(callNowIf as CallNowIf) ?? []), rule.id as string]);
      }
      return rule.when ? { ...rule, when: translateCondition(rule.when as Raw, used) } : rule;
    });
    return { name: `${source.name} (v2, translated)`, text: stringify({ ...file, rules }) };
  });
  const unknown = [...namedBy.keys()].filter((line) => !CALL_NOW_IF.includes(line));
  if (unknown.length > 0) throw new Error(`v2 rule files name unknown "call now if" lines: ${unknown.join(', ')}`);
  return {
    sources: translated,
    safetyNet: CALL_NOW_IF.filter((line) => namedBy.has(line)).map((line) => ({ line, whenFired: namedBy.get(line)! })),
    notes: (Object.keys(NOTES) as (keyof typeof NOTES)[]).filter((key) => used.has(key)).map((key) => NOTES[key]),
  };
}
