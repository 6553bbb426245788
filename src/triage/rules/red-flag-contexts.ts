import {
  HIP_REPLACEMENT_AGE_FROM,
  NUMBER_RANGES,
  ONSETS,
  PREGNANCY_AGE,
  PREGNANCY_STATUSES,
  SEXES,
  urgencyRank,
  type PregnancyStatus,
  type Onset,
  type RedFlag,
  type Sex,
} from '../catalogue.ts';
import { CONTEXT_RULES, isHipReplacementAsked, isPregnancyAsked, isPregnancyWeeksAsked, redFlagsShown } from '../answers/asked-when.ts';
import { DEFINITIONS } from './conditions.ts';
import { evaluateRules } from './evaluate-rules.ts';
import type { Condition, RuleSet } from './rule-schema.ts';

interface Context {
  age: number;
  sex: Sex;
  pregnancy?: PregnancyStatus;
  pregnancyWeeks?: number;
  hipReplacement?: boolean;
  onset?: Onset;
}

/** Every value at which a rule, a definition or an "asked when" can change its answer to a number field. */
function boundaries(ruleSet: RuleSet, field: 'age' | 'pregnancyWeeks', fixed: number[]): number[] {
  const found = new Set<number>([NUMBER_RANGES[field].min, ...fixed]);
  const visit = (condition: Condition): void => {
    condition.all?.forEach(visit);
    condition.any?.forEach(visit);
    if (condition.is) visit(DEFINITIONS[condition.is] as Condition);
    if (condition[field]?.atLeast !== undefined) found.add(condition[field].atLeast);
    if (condition[field]?.below !== undefined) found.add(condition[field].below);
  };
  for (const rule of ruleSet.rules) if (rule.when) visit(rule.when);
  return [...found].filter((n) => n >= NUMBER_RANGES[field].min && n <= NUMBER_RANGES[field].max).sort((a, b) => a - b);
}

const contextAges = (): number[] => [
  PREGNANCY_AGE.min,
  PREGNANCY_AGE.max + 1,
  HIP_REPLACEMENT_AGE_FROM,
  ...Object.values(CONTEXT_RULES).flatMap((rule) => [rule.ageBelow, rule.ageFrom].filter((n): n is number => n !== undefined)),
];

/** Each value, and "not answered" (undefined), for the optional answers that can change what a flag fires. */
const orUnanswered = <T>(values: readonly T[]): (T | undefined)[] => [undefined, ...values];

/**
 * Every context in which red flags are offered (v3: invariant 5): each age band between
 * two boundaries (all ages in a band behave alike, since every age test is a threshold),
 * sex, pregnancy answer, week band of pregnancy, hip replacement and onset (each also
 * unanswered) that a valid answer can have, with the number of whole ages the band
 * stands for.
 */
function* contexts(ruleSet: RuleSet): Generator<{ context: Context; ages: number }> {
  const ages = boundaries(ruleSet, 'age', contextAges());
  const weeks = boundaries(ruleSet, 'pregnancyWeeks', []);
  for (const [index, age] of ages.entries()) {
    const count = (ages[index + 1] ?? NUMBER_RANGES.age.max + 1) - age;
    for (const sex of SEXES) {
      const pregnancies = isPregnancyAsked({ age, sex }) ? orUnanswered(PREGNANCY_STATUSES) : [undefined];
      for (const pregnancy of pregnancies) {
        const weekBands = isPregnancyWeeksAsked({ pregnancy }) ? orUnanswered(weeks) : [undefined];
        for (const pregnancyWeeks of weekBands) {
          const hips = isHipReplacementAsked({ age }) ? orUnanswered([true, false]) : [undefined];
          for (const hipReplacement of hips) {
            for (const onset of orUnanswered(ONSETS)) {
              const context: Context = { age, sex };
              if (pregnancy !== undefined) context.pregnancy = pregnancy;
              if (pregnancyWeeks !== undefined) context.pregnancyWeeks = pregnancyWeeks;
              if (hipReplacement !== undefined) context.hipReplacement = hipReplacement;
              if (onset !== undefined) context.onset = onset;
              yield { context, ages: count };
            }
          }
        }
      }
    }
  }
}

/**
 * Invariant 5 (v3): a red flag must make the advice urgent or an emergency wherever it
 * is shown (say, `burning-urination` after birth, `limp` at 17, `wound-problem` with a
 * hip replacement), not only somewhere. Checked by evaluating each flag alone in each
 * context. Red flags, symptoms, risk factors, places and pain are tested only for
 * presence, so what a flag fires alone it fires with any more of them too; the answers
 * a rule may test for absence (`unanswered`) are enumerated in the contexts.
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
