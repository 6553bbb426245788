import { z } from 'zod';
import { NUMBER_RANGES } from '@/triage/catalogue.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { NONE, type Question } from './step-questions.ts';

/**
 * Form values are what the controls hold (strings and string lists); each step's
 * schema checks them and turns them into answers. Messages are keys of the
 * `errors` namespace; numeric limits come from the catalogue.
 */
export type FormValues = Record<string, string | string[] | boolean | undefined>;

/** The "I do not know" checkbox that goes with an optional number. */
export const unknownFieldName = (field: string) => `${field}Unknown`;

const SCALE = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

const asList = (value: unknown): unknown => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);

function numberSchema(field: 'age' | 'pregnancyWeeks') {
  const { min, max } = NUMBER_RANGES[field];
  const key = `form.${field}`;
  return z
    .string({ error: `${key}.required` })
    .trim()
    .min(1, `${key}.required`)
    .regex(/^\d+$/, `${key}.wholeNumber`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${key}.range`);
}

function fieldSchema(question: Question) {
  const required = `form.${question.field}.required`;
  switch (question.kind) {
    case 'number':
      return numberSchema(question.field);
    case 'single':
      return z.enum(question.options as [string, ...string[]], { error: required });
    case 'multiple':
      return z.preprocess(
        asList,
        z
          .array(z.enum([...question.options, ...(question.withNone ? [NONE] : [])] as [string, ...string[]]), { error: required })
          .min(1, required)
          .transform((ids) => ids.filter((id) => id !== NONE)),
      );
    case 'yes-no':
      return z.enum(['true', 'false'], { error: required }).transform((v) => v === 'true');
    case 'scale':
      return z.enum(SCALE, { error: required }).transform(Number);
  }
}

/** The zod schema of one page's form, producing that page's answers. */
export function stepFormSchema(questions: Question[]) {
  const shape: Record<string, z.ZodType> = {};
  const optionalNumbers: string[] = [];
  for (const question of questions) {
    if (question.kind === 'number' && question.allowUnknown) {
      optionalNumbers.push(question.field);
      shape[question.field] = z.string().optional();
      shape[unknownFieldName(question.field)] = z.boolean().optional();
    } else {
      shape[question.field] = fieldSchema(question);
    }
  }
  return z.object(shape).transform((values, ctx): AnswersSoFar => {
    const answers: Record<string, unknown> = { ...values };
    for (const field of optionalNumbers) {
      delete answers[unknownFieldName(field)];
      // "I do not know" leaves the number out of the answers (policy §1).
      if (values[unknownFieldName(field)] === true) {
        delete answers[field];
        continue;
      }
      const parsed = numberSchema(field as 'pregnancyWeeks').safeParse(values[field] ?? '');
      if (parsed.success) answers[field] = parsed.data;
      else ctx.addIssue({ code: 'custom', path: [field], message: parsed.error.issues[0]!.message });
    }
    return answers as AnswersSoFar;
  });
}

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
        values[question.field] = list.length === 0 && answeredBefore && question.withNone ? [NONE] : list.filter((id) => question.options.includes(id));
        break;
      }
      default:
        values[question.field] = answer === undefined ? undefined : String(answer);
    }
  }
  return values;
}
