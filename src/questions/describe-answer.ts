import type { TFunction } from 'i18next';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { Question } from './step-questions.ts';

/** An answer in words, as the person chose it (for the check page). */
export function describeAnswer(question: Question, answers: AnswersSoFar, t: TFunction): string[] {
  const { field } = question;
  const value = answers[field];
  switch (question.kind) {
    case 'number':
      return [value === undefined ? t('common:check.notKnown') : t(`questions:${field}.answer`, { count: value as number })];
    case 'multiple': {
      const ids = (value as string[] | undefined) ?? [];
      return ids.length === 0 ? [t('common:check.none')] : ids.map((id) => t(`questions:${field}.options.${id}.label`));
    }
    case 'scale':
      return [t(`questions:${field}.answer`, { score: value as number })];
    default:
      return [t(`questions:${field}.options.${String(value)}.label`)];
  }
}
