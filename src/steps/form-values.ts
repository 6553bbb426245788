import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { NONE } from '@/triage/fields.ts';
import type { Question } from '@/questions/step-questions.ts';

/**
 * Form values are what the controls hold (strings and string lists); each step's
 * schema (step-form-schema.ts) checks them and turns them into answers.
 */
export type FormValues = Record<string, string | string[] | boolean | undefined>;

/** The "I do not know" checkbox that goes with an optional number. */
export const unknownFieldName = (field: string) => `${field}Unknown`;

/** A checkbox group's value as a list (one ticked box can arrive as a plain string). */
export const asList = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);

/** What the controls show for answers given earlier, so Back and Change keep them. */
export function formDefaults(questions: Question[], answers: AnswersSoFar, answeredBefore: boolean): FormValues {
  const values: FormValues = {};
  for (const question of questions) {
    const answer = answers[question.field];
    switch (question.kind) {
      case 'number':
        values[question.field] = answer === undefined ? '' : String(answer);
        if (question.allowUnknown) values[unknownFieldName(question.field)] = answeredBefore && answer === undefined;
        break;
      case 'multiple': {
        const list = (answer as string[] | undefined) ?? [];
        values[question.field] =
          list.length === 0 && answeredBefore && question.withNone ? [NONE] : list.filter((id) => question.options.includes(id));
        break;
      }
      default:
        values[question.field] = answer === undefined ? undefined : String(answer);
    }
  }
  return values;
}
