import {
  HIP_REPLACEMENT_AGE_FROM,
  NUMBER_RANGES,
  ONSETS,
  PREGNANCY_AGE,
  PREGNANCY_STATUSES,
  RED_FLAGS,
  RISK_FACTORS,
  SEXES,
  SYMPTOMS,
  type Finding,
  type Location,
  type NumericField,
} from '../catalogue.ts';
import { CONTEXT_RULES, RED_FLAG_CONTEXT } from '../answers/asked-when.ts';
import { DEFINITIONS } from './conditions.ts';
import type { Condition } from './rule-schema.ts';
import { RULE_FIELDS, conditionShapeOf, type RuleField } from './field-conditions.ts';

/**
 * Reasoning over the whole answer domain, not samples: a condition becomes a
 * disjunction of boxes (each a set of constraints joined by "and"), and each box
 * is narrowed by what a valid answer allows (pregnancy only for non-male 12–55,
 * pregnancy red flags only in pregnancy, ...). An empty box can never match.
 */
export interface Box {
  age: [number, number]; // inclusive
  painScore: [number, number] | null; // null: not constrained (may be absent)
  pregnancyWeeks: [number, number] | null;
  sex: Set<string> | null;
  pregnancy: Set<string> | null;
  onset: Set<string> | null;
  findings: Set<Finding>;
  locations: Set<Location>;
  active: boolean;
  hipReplacement: boolean;
  /** Answers that must be absent (v3: `unanswered`). */
  unanswered: Set<string>;
}

const full = (): Box => ({
  age: [NUMBER_RANGES.age.min, NUMBER_RANGES.age.max],
  painScore: null,
  pregnancyWeeks: null,
  sex: null,
  pregnancy: null,
  onset: null,
  findings: new Set(),
  locations: new Set(),
  active: false,
  hipReplacement: false,
  unanswered: new Set(),
});

const intersectSet = (a: Set<string> | null, b: Iterable<string>): Set<string> => {
  const other = new Set(b);
  return new Set(a === null ? other : [...a].filter((v) => other.has(v)));
};

const range = (r: { atLeast?: number; below?: number } | undefined, min: number, max: number): [number, number] => [
  r?.atLeast ?? min,
  r?.below === undefined ? max : r.below - 1,
];

const intersectRange = (a: [number, number] | null, b: [number, number] | null): [number, number] | null =>
  a && b ? [Math.max(a[0], b[0]), Math.min(a[1], b[1])] : (a ?? b);

const merge = (a: Box, b: Box): Box => ({
  age: [Math.max(a.age[0], b.age[0]), Math.min(a.age[1], b.age[1])],
  painScore: intersectRange(a.painScore, b.painScore),
  pregnancyWeeks: intersectRange(a.pregnancyWeeks, b.pregnancyWeeks),
  sex: b.sex === null ? a.sex : intersectSet(a.sex, b.sex),
  pregnancy: b.pregnancy === null ? a.pregnancy : intersectSet(a.pregnancy, b.pregnancy),
  onset: b.onset === null ? a.onset : intersectSet(a.onset, b.onset),
  findings: new Set([...a.findings, ...b.findings]),
  locations: new Set([...a.locations, ...b.locations]),
  active: a.active || b.active,
  hipReplacement: a.hipReplacement || b.hipReplacement,
  unanswered: new Set([...a.unanswered, ...b.unanswered]),
});

/**
 * The boxes of one rule field's test (field-conditions.ts); "any of" is one box per
 * option. Each rule field has its member of the same name in Box: the assertion to
 * Record<RuleField, unknown> does not compile for a row whose field Box lacks.
 */
function fieldBoxes(field: RuleField, argument: unknown): Box[] {
  const box = full();
  const members = box as Record<RuleField, unknown>;
  switch (conditionShapeOf(field)) {
    case 'range': {
      const { min, max } = NUMBER_RANGES[field as NumericField];
      members[field] = range(argument as { atLeast?: number; below?: number }, min, max);
      return [box];
    }
    case 'oneOf':
      members[field] = new Set(argument as string[]);
      return [box];
    case 'anyOf':
      return (argument as string[]).map((option) => ({ ...full(), [field]: new Set([option]) }));
    case 'isTrue':
      members[field] = true;
      return [box];
  }
}

/** The condition as boxes joined by "or". */
export function toBoxes(condition: Condition): Box[] {
  if (condition.all) {
    return condition.all.reduce<Box[]>((boxes, c) => boxes.flatMap((box) => toBoxes(c).map((other) => merge(box, other))), [full()]);
  }
  if (condition.any) return condition.any.flatMap(toBoxes);
  if (condition.is) return toBoxes(DEFINITIONS[condition.is] as Condition);
  const box = full();
  if (condition.has) return [{ ...box, findings: new Set([condition.has as Finding]) }];
  if (condition.hasAny) return condition.hasAny.map((f) => ({ ...full(), findings: new Set([f as Finding]) }));
  for (const field of RULE_FIELDS) {
    const argument = condition[field];
    if (argument !== undefined) return fieldBoxes(field, argument);
  }
  if (condition.unanswered) return [{ ...box, unanswered: new Set([condition.unanswered]) }];
  throw new Error(`condition with no known key: ${JSON.stringify(condition)}`);
}

const isRedFlagOnly = (f: Finding) =>
  (RED_FLAGS as readonly string[]).includes(f) &&
  !(SYMPTOMS as readonly string[]).includes(f) &&
  !(RISK_FACTORS as readonly string[]).includes(f);

/** Narrows a box by the rules of valid answers; returns null when nothing valid is left. */
export function narrow(input: Box): Box | null {
  const box: Box = { ...input, sex: input.sex && new Set(input.sex), pregnancy: input.pregnancy && new Set(input.pregnancy) };
  for (const finding of box.findings) {
    const rule = CONTEXT_RULES[isRedFlagOnly(finding) ? RED_FLAG_CONTEXT[finding as keyof typeof RED_FLAG_CONTEXT] : 'everyone'];
    if (rule.pregnancy) box.pregnancy = intersectSet(box.pregnancy, rule.pregnancy);
    if (rule.ageBelow !== undefined) box.age = [box.age[0], Math.min(box.age[1], rule.ageBelow - 1)];
    if (rule.ageFrom !== undefined) box.age = [Math.max(box.age[0], rule.ageFrom), box.age[1]];
    if (rule.hipReplacement) box.hipReplacement = true;
  }
  // Weeks are asked only in pregnancy; the hip replacement question only from 16 (v3).
  if (box.pregnancyWeeks !== null) box.pregnancy = intersectSet(box.pregnancy, ['pregnant']);
  if (box.hipReplacement) box.age = [Math.max(box.age[0], HIP_REPLACEMENT_AGE_FROM), box.age[1]];
  const constrained: Record<string, boolean> = {
    onset: box.onset !== null,
    pregnancyWeeks: box.pregnancyWeeks !== null,
    painScore: box.painScore !== null,
    hipReplacement: box.hipReplacement,
  };
  if ([...box.unanswered].some((field) => constrained[field])) return null;
  if (box.pregnancy !== null) {
    // A pregnancy answer exists only for non-male people aged 12–55 (policy §1).
    box.sex = intersectSet(
      box.sex,
      SEXES.filter((s) => s !== 'male'),
    );
    box.age = [Math.max(box.age[0], PREGNANCY_AGE.min), Math.min(box.age[1], PREGNANCY_AGE.max)];
    box.pregnancy = intersectSet(box.pregnancy, PREGNANCY_STATUSES);
  }
  if (box.onset !== null) box.onset = intersectSet(box.onset, ONSETS);
  const empty =
    box.age[0] > box.age[1] ||
    (box.painScore !== null && box.painScore[0] > box.painScore[1]) ||
    (box.pregnancyWeeks !== null && box.pregnancyWeeks[0] > box.pregnancyWeeks[1]) ||
    box.sex?.size === 0 ||
    box.pregnancy?.size === 0 ||
    box.onset?.size === 0;
  return empty ? null : box;
}

export const satisfiableBoxes = (condition: Condition): Box[] =>
  toBoxes(condition)
    .map(narrow)
    .filter((b): b is Box => b !== null);

const within = (inner: [number, number], outer: [number, number]) => inner[0] >= outer[0] && inner[1] <= outer[1];
const subset = (inner: Set<string> | null, outer: Set<string> | null) =>
  outer === null || (inner !== null && [...inner].every((v) => outer.has(v)));

/** Every answer in `inner` is also in `outer` (a sufficient test). */
export function boxImplies(inner: Box, outer: Box): boolean {
  return (
    // Age and sex are always answered, so an unconstrained age is the whole range.
    within(inner.age, outer.age) &&
    (outer.painScore === null || (inner.painScore !== null && within(inner.painScore, outer.painScore))) &&
    (outer.pregnancyWeeks === null || (inner.pregnancyWeeks !== null && within(inner.pregnancyWeeks, outer.pregnancyWeeks))) &&
    [...outer.unanswered].every((field) => inner.unanswered.has(field)) &&
    (!outer.hipReplacement || inner.hipReplacement) &&
    subset(inner.sex, outer.sex) &&
    subset(inner.pregnancy, outer.pregnancy) &&
    subset(inner.onset, outer.onset) &&
    [...outer.findings].every((f) => inner.findings.has(f)) &&
    [...outer.locations].every((l) => inner.locations.has(l)) &&
    (!outer.active || inner.active)
  );
}

/** Whenever `a` holds, `b` holds (sufficient: each box of `a` fits inside one box of `b`). */
export const conditionImplies = (a: Condition, b: Condition): boolean => {
  const outer = satisfiableBoxes(b);
  return satisfiableBoxes(a).every((box) => outer.some((o) => boxImplies(box, o)));
};
