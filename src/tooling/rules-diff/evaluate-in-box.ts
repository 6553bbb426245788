import type { Finding, Location, NumericField } from '@/triage/catalogue.ts';
import { DEFINITIONS } from '@/triage/rules/conditions.ts';
import type { Condition } from '@/triage/rules/rule-schema.ts';
import { DOMAIN_VARIABLES, UNANSWERED, type AnswerSpace, type Box, type DomainVariable, type Value } from './answer-space.ts';

/**
 * A condition over a whole box, in three values: true for every answer in it, false
 * for every one, or unknown. Unknown comes with a split that would decide the first
 * undecided test, and with the condition left once the decided tests are put in
 * (`residual`), so that two sides can be compared without deciding everything.
 * The tests mirror conditionHolds in evaluate-rules.ts, value by value.
 */
export type Split =
  | { kind: 'domain'; variable: DomainVariable; values: readonly Value[] }
  | { kind: 'finding'; finding: Finding }
  | { kind: 'location'; location: Location };

export type Verdict = { value: true } | { value: false } | { value: 'unknown'; split: Split; residual: string };

const TRUE: Verdict = { value: true };
const FALSE: Verdict = { value: false };

function over(box: Box, variable: DomainVariable, holds: (value: Value) => boolean, residual: string): Verdict {
  const domain = box.domains[variable];
  const values = domain.filter(holds);
  if (values.length === domain.length) return TRUE;
  if (values.length === 0) return FALSE;
  return { value: 'unknown', split: { kind: 'domain', variable, values }, residual };
}

function combine(verdicts: Verdict[], all: boolean): Verdict {
  const decisive = all ? false : true;
  if (verdicts.some((v) => v.value === decisive)) return decisive ? TRUE : FALSE;
  const open = verdicts.filter((v): v is Extract<Verdict, { value: 'unknown' }> => v.value === 'unknown');
  if (open.length === 0) return decisive ? FALSE : TRUE;
  if (open.length === 1) return open[0]!;
  return { value: 'unknown', split: open[0]!.split, residual: `${all ? 'all' : 'any'}(${open.map((v) => v.residual).join(',')})` };
}

const inRange = (band: { from: number; to: number }, range: { atLeast?: number | undefined; below?: number | undefined }) =>
  (range.atLeast === undefined || band.from >= range.atLeast) && (range.below === undefined || band.to < range.below);

function numeric(
  box: Box,
  space: AnswerSpace,
  field: NumericField,
  range: { atLeast?: number | undefined; below?: number | undefined },
): Verdict {
  return over(box, field, (v) => v !== UNANSWERED && inRange(space.bands[field][v as number]!, range), `${field}${JSON.stringify(range)}`);
}

function finding(box: Box, f: string): Verdict {
  const known = box.findings[f as Finding];
  return known === undefined
    ? { value: 'unknown', split: { kind: 'finding', finding: f as Finding }, residual: `has:${f}` }
    : { value: known };
}

// No closures declared in here: under tsx each named one costs a call to name it, on every call.
export function evaluateInBox(condition: Condition, box: Box, space: AnswerSpace): Verdict {
  if (condition.all)
    return combine(
      condition.all.map((c) => evaluateInBox(c, box, space)),
      true,
    );
  if (condition.any)
    return combine(
      condition.any.map((c) => evaluateInBox(c, box, space)),
      false,
    );
  if (condition.has) return finding(box, condition.has);
  if (condition.hasAny)
    return combine(
      condition.hasAny.map((f) => finding(box, f)),
      false,
    );
  if (condition.is) return evaluateInBox(DEFINITIONS[condition.is] as Condition, box, space);
  if (condition.age) return numeric(box, space, 'age', condition.age);
  if (condition.painScore) return numeric(box, space, 'painScore', condition.painScore);
  if (condition.pregnancyWeeks) return numeric(box, space, 'pregnancyWeeks', condition.pregnancyWeeks);
  for (const key of ['sex', 'pregnancy', 'onset'] as const) {
    const allowed = condition[key] as readonly string[] | undefined;
    if (allowed) return over(box, key, (v) => allowed.includes(v as string), `${key}:${allowed.join('|')}`);
  }
  if (condition.locations)
    return combine(
      condition.locations.map((l): Verdict => {
        const known = box.locations[l];
        return known === undefined ? { value: 'unknown', split: { kind: 'location', location: l }, residual: `in:${l}` } : { value: known };
      }),
      false,
    );
  if (condition.active) return over(box, 'active', (v) => v === 'yes', 'active');
  if (condition.hipReplacement) return over(box, 'hipReplacement', (v) => v === 'yes', 'hipReplacement');
  if (condition.unanswered) {
    const field = condition.unanswered;
    return over(box, field, (v) => v === UNANSWERED, `unanswered:${field}`);
  }
  throw new Error(`condition with no known key: ${JSON.stringify(condition)}`);
}

/** What a split changes: a domain variable, a finding or a location. */
export const splitTarget = (split: Split): string =>
  split.kind === 'domain' ? split.variable : split.kind === 'finding' ? `has:${split.finding}` : `in:${split.location}`;

/** The same split, as a string (two splits with one key make the same two boxes). */
export const splitKey = (split: Split): string =>
  split.kind === 'domain' ? `${split.variable}:${split.values.join(',')}` : splitTarget(split);

const mentionCache = new WeakMap<Condition, ReadonlySet<string>>();

/**
 * Every split target the condition's verdict can depend on (a superset: each key the
 * condition has counts): a split of anything else leaves its verdict as it was.
 */
export function mentions(condition: Condition): ReadonlySet<string> {
  let found = mentionCache.get(condition);
  if (found) return found;
  const targets = new Set<string>();
  for (const c of [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.is ? [DEFINITIONS[condition.is] as Condition] : [])])
    mentions(c).forEach((t) => targets.add(t));
  if (condition.has) targets.add(`has:${condition.has}`);
  condition.hasAny?.forEach((f) => targets.add(`has:${f}`));
  condition.locations?.forEach((l) => targets.add(`in:${l}`));
  for (const key of DOMAIN_VARIABLES) if (condition[key] !== undefined) targets.add(key);
  if (condition.unanswered) targets.add(condition.unanswered);
  found = targets;
  mentionCache.set(condition, found);
  return found;
}

/** The two boxes a split makes, each non-empty. */
export function splitBox(box: Box, split: Split): [Box, Box] {
  if (split.kind === 'finding')
    return [true, false].map((value) => ({ ...box, findings: { ...box.findings, [split.finding]: value } })) as [Box, Box];
  if (split.kind === 'location')
    return [true, false].map((value) => ({ ...box, locations: { ...box.locations, [split.location]: value } })) as [Box, Box];
  const inside = new Set(split.values);
  const domain = box.domains[split.variable];
  return [domain.filter((v) => inside.has(v)), domain.filter((v) => !inside.has(v))].map((values) => ({
    ...box,
    domains: { ...box.domains, [split.variable]: values },
  })) as [Box, Box];
}
