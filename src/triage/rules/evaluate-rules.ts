import { urgencyRank, type ContentId, type Finding, type Specialist } from '../catalogue.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { DEFINITIONS } from './conditions.ts';
import { RULE_FIELDS, fieldConditionHolds } from './field-conditions.ts';
import type { CompiledRule, Condition, RuleSet } from './rule-schema.ts';
import type { Recommendation } from './recommendation.ts';

/**
 * The rules engine: pure functions from answers to a recommendation, with the
 * combination semantics of policy §3. An absent answer never matches a condition
 * about its value; only `unanswered` matches it (v3: "not after an injury" and an
 * unknown week of pregnancy are read the safer way when the answer is missing).
 */

const hasFinding = (answers: AnswersSoFar, finding: Finding): boolean =>
  [answers.redFlags, answers.symptoms, answers.riskFactors].some((list) => (list as readonly string[] | undefined)?.includes(finding));

export function conditionHolds(condition: Condition, answers: AnswersSoFar): boolean {
  if (condition.all) return condition.all.every((c) => conditionHolds(c, answers));
  if (condition.any) return condition.any.some((c) => conditionHolds(c, answers));
  if (condition.has) return hasFinding(answers, condition.has as Finding);
  if (condition.hasAny) return condition.hasAny.some((f) => hasFinding(answers, f as Finding));
  if (condition.is) return conditionHolds(DEFINITIONS[condition.is] as Condition, answers);
  for (const field of RULE_FIELDS) {
    const argument = condition[field];
    if (argument !== undefined) return fieldConditionHolds(field, argument, answers);
  }
  if (condition.unanswered) return answers[condition.unanswered] === undefined;
  // The schema guarantees one known key; reaching here means the schema and the engine disagree.
  throw new Error(`condition with no known key: ${JSON.stringify(condition)}`);
}

/** The rules that fire for these answers, in rule order (the fallback included when it applies). */
export function firedRules(ruleSet: RuleSet, answers: AnswersSoFar): CompiledRule[] {
  const fired = ruleSet.rules.filter((rule) => rule.when !== undefined && conditionHolds(rule.when, answers));
  if (fired.some((rule) => !rule.adds)) return fired;
  const fallbacks = ruleSet.rules.filter((rule) => rule.fallback);
  return ruleSet.rules.filter((rule) => fired.includes(rule) || fallbacks.includes(rule));
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

export function evaluateRules(ruleSet: RuleSet, answers: AnswersSoFar): Recommendation {
  const fired = firedRules(ruleSet, answers);
  const deciding = fired.filter((rule) => !rule.adds);
  const top = deciding.reduce<CompiledRule | undefined>(
    (best, rule) => (best === undefined || urgencyRank(rule.urgency) > urgencyRank(best.urgency) ? rule : best),
    undefined,
  );
  if (top === undefined) throw new Error('no rule fired and the rule set has no fallback rule');
  const specialist: Specialist = top.specialist;
  const byUrgency = [...fired].sort((a, b) => urgencyRank(b.urgency) - urgencyRank(a.urgency));
  // v3 (policy §2): an emergency result names only what the emergency rules name, so
  // nothing on it suggests a booking or reading; `reasons` still lists every fired rule.
  const naming = top.urgency === 'emergency' ? fired.filter((rule) => rule.urgency === 'emergency') : fired;
  return {
    urgency: top.urgency,
    specialist,
    alsoConsider: unique(naming.flatMap((rule) => [rule.specialist, ...rule.also])).filter((s) => s !== specialist),
    content: unique(naming.flatMap((rule): ContentId[] => rule.content)),
    reasons: byUrgency.map((rule) => rule.id),
  };
}

export const isEmergency = (ruleSet: RuleSet, answers: AnswersSoFar): boolean => evaluateRules(ruleSet, answers).urgency === 'emergency';
