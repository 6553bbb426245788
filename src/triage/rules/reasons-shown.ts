import type { RuleSet } from './rule-schema.ts';
import type { Recommendation } from './recommendation.ts';

/**
 * The reasons a person reads (policy §2, v3): "why" holds only the fired rules at the
 * result's urgency; on an urgent, soon or routine result the rest follow under "Other
 * things we noticed"; on an emergency result they are not shown at all, so nothing
 * lower ("can be checked at a routine visit") sits under an emergency heading. The
 * recommendation's `reasons` keeps every fired rule, for audit.
 */
export interface ReasonsShown {
  why: string[];
  otherThings: string[];
}

export function reasonsShown(ruleSet: RuleSet, { urgency, reasons }: Pick<Recommendation, 'urgency' | 'reasons'>): ReasonsShown {
  const urgencyOf = (id: string) => ruleSet.rules.find((rule) => rule.id === id)?.urgency;
  // The fallback and "adds" rules have their file's urgency (routine), so they follow the same split.
  const why = reasons.filter((id) => urgencyOf(id) === urgency);
  return { why, otherThings: urgency === 'emergency' ? [] : reasons.filter((id) => urgencyOf(id) !== urgency) };
}
