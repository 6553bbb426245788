import type { TFunction } from 'i18next';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import type { SafetyNet } from '@/triage/rules/safety-net.ts';
import type { InstructionKey } from '@/triage/rules/instruction.ts';
import type { ReasonsShown } from '@/triage/rules/reasons-shown.ts';
import { describeAnswer } from '@/questions/describe-answer.ts';
import { questionsFor } from '@/questions/step-questions.ts';
import { directionOf } from '@/i18n/languages.ts';

/**
 * The plain-text summary a receptionist pastes into a booking system and a patient
 * downloads: time, every answer in words, the suggestion and why, in the UI
 * language. Built from the same words as the pages, nothing else.
 */
/** Each answer as "Question: answer in words", in the order asked. */
export const answerLines = (answers: AnswersSoFar, steps: QuestionStep[], t: TFunction): string[] =>
  steps.flatMap((step) =>
    questionsFor(step, answers).map(
      (question) => `${t(`questions:${question.field}.summary`)}: ${describeAnswer(question, answers, t).join('; ')}`,
    ),
  );

/**
 * The time of a summary, written the same way on every machine whatever its locale
 * settings or clock: local time in ISO 8601's order on a 24-hour clock, with its offset
 * from UTC, as "2026-12-07 01:27 UTC+01:00". Not "Dec 7, 2026, 1:27 AM", which reads
 * differently in every country. In a right-to-left language it is isolated as
 * left-to-right, so that the date and the time keep their order in the sentence.
 */
export function formatTime(now: Date, language: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const time = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())} ${zone}`;
  return directionOf(language) === 'rtl' ? `\u2066${time}\u2069` : time;
}

/** How soon, in a line of its own: "Urgency: Today (urgent)". */
export const urgencyLine = (urgency: Recommendation['urgency'], t: TFunction): string =>
  `${t('outcomes:summary.urgency')}: ${t(`outcomes:urgency.${urgency}.timeframe`)} (${t(`outcomes:urgency.${urgency}.name`)})`;

export function buildSummary(input: {
  answers: AnswersSoFar;
  steps: QuestionStep[];
  recommendation: Recommendation;
  safetyNet: SafetyNet;
  instruction: InstructionKey;
  reasonsShown: ReasonsShown;
  emergencyNumber: string;
  maternityNumber?: string | undefined;
  now: Date;
  language: string;
  /** Where the reading is: a page for the patient (never reception mode's), since the summary is passed on. */
  articleUrl?: (id: string) => string;
  t: TFunction;
}): string {
  const { answers, steps, recommendation, safetyNet, instruction, reasonsShown, emergencyNumber, now, language, articleUrl, t } = input;
  const number = emergencyNumber;
  const { urgency, specialist } = recommendation;
  const time = formatTime(now, language);
  const lines = [
    t('outcomes:summary.title'),
    `${t('outcomes:summary.time')}: ${time}`,
    '',
    `${t('outcomes:summary.answersTitle')}:`,
    ...answerLines(answers, steps, t).map((line) => `- ${line}`),
    '',
    urgencyLine(urgency, t),
    `${t('outcomes:summary.suggestion')}: ${t(`outcomes:urgency.${urgency}.heading`, { number })}`,
    t(`outcomes:urgency.${urgency}.${instruction}`, { number }),
    `${t('outcomes:summary.contactFirst')}: ${t(`outcomes:specialists.${specialist}.name`)}`,
  ];
  if (recommendation.alsoConsider.length > 0) {
    lines.push(
      `${t('outcomes:summary.alsoConsider')}: ${recommendation.alsoConsider.map((id) => t(`outcomes:specialists.${id}.name`)).join(', ')}`,
    );
  }
  const reasonLines = (ids: string[]) => ids.map((id) => `- ${t(`outcomes:reasons.${id}`)}`);
  lines.push('', `${t('outcomes:summary.reasons')}:`, ...reasonLines(reasonsShown.why));
  if (reasonsShown.otherThings.length > 0) lines.push('', `${t('outcomes:otherThingsTitle')}:`, ...reasonLines(reasonsShown.otherThings));
  if (recommendation.content.length > 0 && articleUrl) {
    lines.push(
      '',
      `${t('outcomes:summary.reading')}:`,
      ...recommendation.content.map((id) => `- ${t(`articles:${id}.title`)}: ${articleUrl(id)}`),
    );
  }
  lines.push('', t('outcomes:summary.notDiagnosis'));
  // Safety-netting comes last, so that it is what a reader is left with (policy §2).
  lines.push('', ...safetyNetLines(safetyNet, number, input.maternityNumber, t));
  return `${lines.join('\n')}\n`;
}

/** Safety-netting as text (policy §2, v3), the warning signs listed in full: for the copy, the download and the FHIR note. */
export function safetyNetLines(safetyNet: SafetyNet, number: string, maternityNumber: string | undefined, t: TFunction): string[] {
  const { callNow, callNowIf, warningSigns, sameDay, pregnancyLine, pregnancyNote } = safetyNet;
  const lines: string[] = [];
  if (callNow) {
    lines.push(
      t('outcomes:safetyNet.callNowIfLead', { number }),
      ...callNowIf.map((id) => `- ${t(`outcomes:safetyNet.callNowIf.${id}`)}`),
      `- ${t('outcomes:safetyNet.warningSigns')}`,
      ...warningSigns.map((flag) => `  - ${t(`questions:redFlags.options.${flag}.label`)}`),
    );
  }
  if (sameDay) lines.push(t('outcomes:safetyNet.sameDay'));
  if (pregnancyLine === 'early-pregnancy') lines.push(t('outcomes:safetyNet.earlyPregnancy', { number }));
  if (pregnancyLine === 'maternity-pregnant' || pregnancyLine === 'maternity-postpartum') {
    lines.push(
      t(`outcomes:safetyNet.maternity.${pregnancyLine === 'maternity-pregnant' ? 'pregnant' : 'postpartum'}`),
      maternityNumber ? t('outcomes:safetyNet.maternity.unitNumber', { maternityNumber }) : t('outcomes:safetyNet.maternity.unitNotes'),
      t('outcomes:safetyNet.maternity.callEmergency', { number }),
    );
  }
  if (pregnancyNote)
    lines.push(t(pregnancyNote === 'may-be-pregnant' ? 'outcomes:safetyNet.mayBePregnant' : 'outcomes:safetyNet.anyChancePregnant'));
  return lines;
}
