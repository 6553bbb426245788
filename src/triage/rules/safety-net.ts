import type { CallNowIf } from '../catalogue.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import type { Recommendation } from './recommendation.ts';
import type { RuleSet } from './rule-schema.ts';

/**
 * Safety-netting (policy §2, v2): what a non-emergency result says about when to
 * call the emergency number after all. Derived from the fired rules, so the page,
 * the print, the copied summary and the download all say the same.
 */
export interface SafetyNet {
  /** "If it gets worse, or any of the warning signs appear, call … now": every urgent, soon and routine result. */
  callIfWorse: boolean;
  /** The fired urgent rules' "call now if" lines, in the order of the reasons, each once. */
  callNowIf: CallNowIf[];
  /**
   * The person may be pregnant and does not know: say so to whoever they see. The
   * policy asks this of urgent results; every result says it, as the safer reading
   * (an emergency department most of all needs to know).
   */
  mayBePregnant: boolean;
}

export function safetyNetOf(ruleSet: RuleSet, recommendation: Recommendation, answers: AnswersSoFar): SafetyNet {
  const { urgency, reasons } = recommendation;
  const lines =
    urgency === 'urgent'
      ? reasons.flatMap((id) => {
          const rule = ruleSet.rules.find((r) => r.id === id);
          return rule?.urgency === 'urgent' && rule.callNowIf ? [rule.callNowIf] : [];
        })
      : [];
  return {
    callIfWorse: urgency !== 'emergency',
    callNowIf: [...new Set(lines)],
    mayBePregnant: answers.pregnancy === 'unsure',
  };
}
