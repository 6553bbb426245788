// What a ServiceRequest's note says (policy §6, v3): the instruction the person was
// given, the safety-netting of policy §2 as the result showed it, and that the person
// may be pregnant where that applies; on an emergency it begins by saying that the
// person was told to call the emergency number, and that this is not a referral.
// Every word comes from the locale files, through the caller's i18next `t`.
// (Relative imports: the CLI and the tests load this with Node, the wizard in the browser.)

import type { RedFlag } from '../triage/catalogue.ts';
import type { AnswersSoFar } from '../triage/answers/answers-schema.ts';
import { instructionOf } from '../triage/rules/instruction.ts';
import type { Recommendation } from '../triage/rules/recommendation.ts';
import type { RuleSet } from '../triage/rules/rule-schema.ts';
import { safetyNetOf, type SafetyNet } from '../triage/rules/safety-net.ts';

/**
 * i18next's `t` in the note's language, with the `outcomes` and `questions`
 * namespaces loaded, and the reception wording chosen where the person was a caller
 * (the wizard's `useWording`): the note records what the person was told.
 */
export type NoteWords = (key: string, options?: Record<string, unknown>) => string;

export interface NoteInput {
  /** The rules the recommendation came from: the safety-netting is derived from them (safetyNetOf). */
  ruleSet: RuleSet;
  t: NoteWords;
  /** The emergency number the person was given (the clinic's, 112 by default). */
  emergencyNumber: string;
  /** The maternity unit's triage line, where the clinic configured one (policy §5). */
  maternityNumber?: string;
}

/**
 * A text of the locale files, or an error: a note without its words (or with a key
 * in their place) must never reach a clinic system. i18next gives the key back
 * (without its namespace) when it has no words for it.
 */
export function wordsOf(t: NoteWords) {
  return (key: string, options?: Record<string, unknown>) => {
    const text = t(key, { ...options, interpolation: { escapeValue: false } });
    const bare = key.slice(key.indexOf(':') + 1);
    if (typeof text !== 'string' || text === '' || text === key || text === bare) throw new Error(`FHIR: no words for ${key}`);
    return text;
  };
}

/**
 * A warning sign's words as the person saw them (policy §1): after birth and when
 * unsure of a pregnancy, the bleeding flag has its own words; when not female, the
 * groin flag adds a testicle. Each variant is an optional key beside the label.
 */
function warningSign(t: NoteWords, flag: RedFlag, answers: AnswersSoFar): string {
  const variants = [
    answers.pregnancy === 'postpartum' && 'labelPostpartum',
    answers.pregnancy === 'unsure' && 'labelUnsure',
    answers.sex !== undefined && answers.sex !== 'female' && 'labelNotFemale',
  ].filter((variant): variant is string => variant !== false);
  const label = wordsOf(t)(`questions:redFlags.options.${flag}.label`);
  return variants.reduceRight(
    (words, variant) => t(`questions:redFlags.options.${flag}.${variant}`, { defaultValue: words, interpolation: { escapeValue: false } }),
    label,
  );
}

const list = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

/** The safety-netting of policy §2, in its order: call-now lines and warning signs, same day, pregnancy line, pregnancy note. */
function safetyNetParagraphs(safetyNet: SafetyNet, answers: AnswersSoFar, { t, emergencyNumber: number, maternityNumber }: NoteInput) {
  const words = wordsOf(t);
  const paragraphs: string[] = [];
  if (safetyNet.callNow) {
    // "Call {number} now if:", the lines that apply, then "or any of the warning signs we asked about appear:" and
    // those signs in full (as on print and download). A blank line ends a list, so that a markdown reader does not
    // run the next line into its last item.
    const callNowIf = safetyNet.callNowIf.map((line) => words(`outcomes:safetyNet.callNowIf.${line}`));
    const signs = safetyNet.warningSigns.map((flag) => warningSign(t, flag, answers));
    paragraphs.push(
      [
        [words('outcomes:safetyNet.callNowIfLead', { number }), ...(callNowIf.length > 0 ? [list(callNowIf)] : [])].join('\n'),
        ...(signs.length > 0 ? [[words('outcomes:safetyNet.warningSigns', { number }), list(signs)].join('\n')] : []),
      ].join('\n\n'),
    );
  }
  if (safetyNet.sameDay) paragraphs.push(words('outcomes:safetyNet.sameDay', { number }));
  if (safetyNet.pregnancyLine === 'early-pregnancy') paragraphs.push(words('outcomes:safetyNet.earlyPregnancy', { number }));
  else if (safetyNet.pregnancyLine)
    paragraphs.push(
      [
        words(`outcomes:safetyNet.maternity.${safetyNet.pregnancyLine === 'maternity-pregnant' ? 'pregnant' : 'postpartum'}`, { number }),
        words('outcomes:safetyNet.maternity.callEmergency', { number }),
        maternityNumber
          ? words('outcomes:safetyNet.maternity.unitNumber', { maternityNumber })
          : words('outcomes:safetyNet.maternity.unitNotes'),
      ].join(' '),
    );
  if (safetyNet.pregnancyNote)
    paragraphs.push(words(`outcomes:safetyNet.${safetyNet.pregnancyNote === 'may-be-pregnant' ? 'mayBePregnant' : 'anyChancePregnant'}`));
  return paragraphs;
}

/**
 * The note's text (FHIR markdown: paragraphs, and lists with "- "), in the language
 * of `t`. An emergency begins with "EMERGENCY: the person was told to call {number}
 * now. This is not a referral." and has no safety-netting lines (its instruction is
 * the call), only the pregnancy note where one applies; every note ends with the
 * not-a-diagnosis line.
 */
export function serviceRequestNote(answers: AnswersSoFar, recommendation: Recommendation, input: NoteInput): string {
  const words = wordsOf(input.t);
  const number = input.emergencyNumber;
  const { urgency } = recommendation;
  const safetyNet = safetyNetOf(input.ruleSet, recommendation, answers);
  return [
    ...(urgency === 'emergency' ? [words('outcomes:fhir.emergencyNote', { number })] : []),
    words(`outcomes:urgency.${urgency}.${instructionOf(recommendation, answers)}`, { number }),
    ...safetyNetParagraphs(safetyNet, answers, input),
    words('outcomes:summary.notDiagnosis'),
  ].join('\n\n');
}
