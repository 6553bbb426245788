// Each step's schema checks the form values and turns them into answers. Messages
// are keys of the `errors` namespace; numeric limits come from the catalogue.
// Loaded on a page's first Continue (lazy-step-resolver.ts), not with the first
// question: zod and the resolver are about 10 KB gzip the question can show without.
// zod/mini, not zod: about 9 KB instead of 25 KB gzip.
import * as z from 'zod/mini';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { NUMBER_RANGES, PAIN_SCALE, type NumericField } from '@/triage/catalogue.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { NONE, errorKeysOf } from '@/triage/fields.ts';
import type { Question } from '@/questions/step-questions.ts';
import { asList, unknownFieldName, type FormValues } from './form-values.ts';

function numberSchema(field: NumericField) {
  const { min, max } = NUMBER_RANGES[field];
  const { required, wholeNumber, range } = errorKeysOf(field);
  return z.pipe(
    z.string({ error: required }).check(z.trim(), z.minLength(1, required), z.regex(/^\d+$/, wholeNumber!)),
    z.pipe(z.transform(Number), z.number().check(z.refine((n) => n >= min && n <= max, range!))),
  );
}

function fieldSchema(question: Question) {
  const { required } = errorKeysOf(question.field);
  switch (question.kind) {
    case 'number':
      return numberSchema(question.field);
    case 'single':
      return z.enum(question.options as [string, ...string[]], { error: required });
    case 'multiple':
      return z.pipe(
        z.pipe(
          z.transform(asList),
          z.array(z.enum([...question.options, ...(question.withNone ? [NONE] : [])], { error: required })).check(z.minLength(1, required)),
        ),
        z.transform((ids: string[]) => ids.filter((id) => id !== NONE)),
      );
    case 'yes-no':
      return z.pipe(
        z.enum(['true', 'false'], { error: required }),
        z.transform((v) => v === 'true'),
      );
    case 'scale':
      return z.pipe(z.enum(PAIN_SCALE, { error: required }), z.transform(Number));
  }
}

/** The zod schema of one page's form, producing that page's answers. */
export function stepFormSchema(questions: Question[]) {
  const shape: Record<string, z.ZodMiniType> = {};
  const optionalNumbers: NumericField[] = [];
  for (const question of questions) {
    if (question.kind === 'number' && question.allowUnknown) {
      optionalNumbers.push(question.field);
      shape[question.field] = z.optional(z.string());
      shape[unknownFieldName(question.field)] = z.optional(z.boolean());
    } else {
      shape[question.field] = fieldSchema(question);
    }
  }
  return z.pipe(
    z.object(shape),
    z.transform((values: Record<string, unknown>, ctx): AnswersSoFar => {
      const answers: Record<string, unknown> = { ...values };
      for (const field of optionalNumbers) {
        delete answers[unknownFieldName(field)];
        // "I do not know" leaves the number out of the answers (policy §1).
        if (values[unknownFieldName(field)] === true) {
          delete answers[field];
          continue;
        }
        const parsed = z.safeParse(numberSchema(field), values[field] ?? '');
        if (parsed.success) answers[field] = parsed.data;
        else ctx.issues.push({ code: 'custom', path: [field], message: parsed.error.issues[0]!.message, input: values[field] });
      }
      return answers as AnswersSoFar;
    }),
  );
}

/** react-hook-form's resolver for one page's questions. */
export const stepResolver = (questions: Question[]) =>
  zodResolver(stepFormSchema(questions)) as unknown as Resolver<FormValues, unknown, AnswersSoFar>;
