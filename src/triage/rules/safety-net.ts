import type { CallNowIf, RedFlag } from '../catalogue.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { isPregnancyAsked, redFlagsShown } from '../answers/asked-when.ts';
import { conditionHolds } from './evaluate-rules.ts';
import { pregnancyStage } from './pregnancy-stage.ts';
import type { Recommendation } from './recommendation.ts';
import type { RuleSet } from './rule-schema.ts';

/**
 * Safety-netting (policy §2, v3: graded and specific): what a result says about when
 * to get help after all. Derived once from the rules, the safety-net table
 * (rules/safety-net.yaml) and the answers, so the page, the print, the copied
 * summary, the download and the FHIR note all say the same.
 */
export interface SafetyNet {
  /** "Call {number} now if:" with the lines and the warning signs: every urgent, soon and routine result. */
  callNow: boolean;
  /** The table's lines that apply, each once, in table order. */
  callNowIf: CallNowIf[];
  /** "…or any of the warning signs we asked about appear": the red flags this person was shown. */
  warningSigns: RedFlag[];
  /** Soon and routine: "If the pain gets much worse, or you are worried, get medical help today…". */
  sameDay: boolean;
  /**
   * Not on an emergency result (its instruction is the call): the maternity line in a
   * later pregnancy or after birth; the early-pregnancy line before 20 weeks or with the weeks not known.
   */
  pregnancyLine?: 'maternity-pregnant' | 'maternity-postpartum' | 'early-pregnancy';
  /**
   * "You might be pregnant: tell…" (answered unsure), or "If there is any chance you
   * could be pregnant, tell the clinician" (not pregnant, sudden pain, could be).
   * On every result, an emergency too: whoever sees the person most needs to know.
   */
  pregnancyNote?: 'may-be-pregnant' | 'any-chance';
}

/** The "call now if" lines of the safety-net table that apply to these fired rules and answers. */
export function callNowIfLines(ruleSet: RuleSet, recommendation: Recommendation, answers: AnswersSoFar): CallNowIf[] {
  const fired = new Set(recommendation.reasons);
  return ruleSet.safetyNet
    .filter(
      (line) =>
        (line.whenFired.some((id) => fired.has(id)) || (line.orWhen !== undefined && conditionHolds(line.orWhen, answers))) &&
        (line.onlyWhen === undefined || conditionHolds(line.onlyWhen, answers)),
    )
    .map((line) => line.line);
}

export function safetyNetOf(ruleSet: RuleSet, recommendation: Recommendation, answers: AnswersSoFar): SafetyNet {
  const { urgency } = recommendation;
  const callNow = urgency !== 'emergency';
  const stage = pregnancyStage(answers);
  const pregnancyLine = !callNow
    ? undefined
    : stage === 'later'
      ? 'maternity-pregnant'
      : stage === 'postpartum'
        ? 'maternity-postpartum'
        : stage === 'early-or-unknown'
          ? 'early-pregnancy'
          : undefined;
  const pregnancyNote =
    answers.pregnancy === 'unsure'
      ? 'may-be-pregnant'
      : answers.pregnancy === 'no' && answers.onset === 'sudden' && isPregnancyAsked(answers)
        ? 'any-chance'
        : undefined;
  return {
    callNow,
    callNowIf: callNow ? callNowIfLines(ruleSet, recommendation, answers) : [],
    warningSigns: callNow && answers.age !== undefined ? redFlagsShown(answers) : [],
    sameDay: urgency === 'soon' || urgency === 'routine',
    ...(pregnancyLine && { pregnancyLine }),
    ...(pregnancyNote && { pregnancyNote }),
  };
}
