import type { TFunction } from 'i18next';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import type { SafetyNet } from '@/triage/rules/safety-net.ts';
import { goesToMaternity } from '@/triage/rules/maternity.ts';
import { describeAnswer } from '@/check-answers/describe-answer.ts';
import { questionsFor } from '@/steps/step-questions.ts';

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

export const formatTime = (now: Date, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(now);

export function buildSummary(input: {
  answers: AnswersSoFar;
  steps: QuestionStep[];
  recommendation: Recommendation;
  safetyNet: SafetyNet;
  emergencyNumber: string;
  now: Date;
  language: string;
  articleUrl?: (id: string) => string;
  t: TFunction;
}): string {
  const { answers, steps, recommendation, safetyNet, emergencyNumber, now, language, articleUrl, t } = input;
  const number = emergencyNumber;
  const { urgency, specialist } = recommendation;
  const time = formatTime(now, language);
  const instructionKey = goesToMaternity(recommendation) ? 'pregnancyInstruction' : 'instruction';
  const lines = [
    t('outcomes:summary.title'),
    `${t('outcomes:summary.time')}: ${time}`,
    '',
    `${t('outcomes:summary.answersTitle')}:`,
    ...answerLines(answers, steps, t).map((line) => `- ${line}`),
    '',
    `${t('outcomes:summary.suggestion')}: ${t(`outcomes:urgency.${urgency}.heading`, { number })}`,
    t(`outcomes:urgency.${urgency}.${instructionKey}`, { number }),
    `${t('outcomes:summary.contactFirst')}: ${t(`outcomes:specialists.${specialist}.name`)}`,
  ];
  if (recommendation.alsoConsider.length > 0) {
    lines.push(
      `${t('outcomes:summary.alsoConsider')}: ${recommendation.alsoConsider.map((id) => t(`outcomes:specialists.${id}.name`)).join(', ')}`,
    );
  }
  lines.push('', `${t('outcomes:summary.reasons')}:`, ...recommendation.reasons.map((id) => `- ${t(`outcomes:reasons.${id}`)}`));
  if (recommendation.content.length > 0 && articleUrl) {
    lines.push(
      '',
      `${t('outcomes:summary.reading')}:`,
      ...recommendation.content.map((id) => `- ${t(`articles:${id}.title`)}: ${articleUrl(id)}`),
    );
  }
  lines.push('', t('outcomes:summary.notDiagnosis'));
  // Safety-netting comes last, so that it is what a reader is left with (policy §2).
  if (safetyNet.mayBePregnant) lines.push('', t('outcomes:safetyNet.mayBePregnant'));
  if (safetyNet.callIfWorse) {
    lines.push('', t('outcomes:safetyNet.callNow', { number }));
    if (safetyNet.callNowIf.length > 0) {
      lines.push(
        t('outcomes:safetyNet.callNowIfLead', { number }),
        ...safetyNet.callNowIf.map((id) => `- ${t(`outcomes:safetyNet.callNowIf.${id}`)}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
