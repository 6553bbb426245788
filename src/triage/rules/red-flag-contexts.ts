import {
  NUMBER_RANGES,
  PREGNANCY_AGE,
  PREGNANCY_STATUSES,
  SEXES,
  urgencyRank,
  type PregnancyStatus,
  type RedFlag,
  type Sex,
} from '../catalogue.ts';
import { CONTEXT_RULES, isPregnancyAsked, redFlagsShown } from '../answers/asked-when.ts';
import { DEFINITIONS } from './conditions.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { Condition, RuleSet } from './rule-schema.ts';

interface Context {
  age: number;
  sex: Sex;
  pregnancy?: PregnancyStatus;
}

/** Every age at which a rule, a definition or an "asked when" can change its answer. */
function ageBoundaries(ruleSet: RuleSet): number[] {
  const found = new Set<number>([NUMBER_RANGES.age.min, PREGNANCY_AGE.min, PREGNANCY_AGE.max + 1]);
  for (const rule of Object.values(CONTEXT_RULES)) if (rule.ageBelow !== undefined) found.add(rule.ageBelow);
  const visit = (condition: Condition): void => {
    condition.all?.forEach(visit);
    condition.any?.forEach(visit);
    if (condition.is) visit(DEFINITIONS[condition.is] as Condition);
    if (condition.age?.atLeast !== undefined) found.add(condition.age.atLeast);
    if (condition.age?.below !== undefined) found.add(condition.age.below);
  };
  for (const rule of ruleSet.rules) if (rule.when) visit(rule.when);
  return [...found].filter((age) => age >= NUMBER_RANGES.age.min && age <= NUMBER_RANGES.age.max).sort((a, b) => a - b);
}

/**
 * Every context that decides which red flags are offered: each age band between two
 * boundaries (all ages in a band behave alike, since every age test is a threshold),
 * sex and pregnancy answer (or none) that a valid answer can have, with the number
 * of whole ages the band stands for.
 */
function* contexts(ruleSet: RuleSet): Generator<{ context: Context; ages: number }> {
  const bounds = ageBoundaries(ruleSet);
  for (const [index, age] of bounds.entries()) {
    const ages = (bounds[index + 1] ?? NUMBER_RANGES.age.max + 1) - age;
    for (const sex of SEXES) {
      yield { context: { age, sex }, ages };
      if (isPregnancyAsked({ age, sex })) for (const pregnancy of PREGNANCY_STATUSES) yield { context: { age, sex, pregnancy }, ages };
    }
  }
}

/**
 * A red flag must make the advice urgent or an emergency wherever it is shown (say,
 * `burning-urination` after birth, or `limp` at 17), not only somewhere. Checked by
 * evaluating each flag alone in each context; the condition language has no "not",
 * so what a flag fires alone it fires with any other answers too.
 */
export function redFlagsNotUrgentInContext(ruleSet: RuleSet): string[] {
  const misses = new Map<RedFlag, { count: number; example: string }>();
  for (const { context, ages } of contexts(ruleSet)) {
    for (const flag of redFlagsShown(context)) {
      const { urgency } = evaluateRules(ruleSet, { ...context, redFlags: [flag] });
      if (urgencyRank(urgency) >= urgencyRank('urgent')) continue;
      const miss = misses.get(flag) ?? { count: 0, example: JSON.stringify(context) };
      miss.count += ages;
      misses.set(flag, miss);
    }
  }
  return [...misses].map(
    ([flag, { count, example }]) =>
      `red flag "${flag}": shown in ${count} context(s) where it leads to no emergency or urgent rule, e.g. ${example}: it must never get less than "urgent" where it is asked`,
  );
}
