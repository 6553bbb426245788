// zod/mini: the same schema also validates saved answers in the browser, where
// the classic API would add about 20 KB gzip.
//
// The answers interchange format (policy §1), shared by the CLI, the wizard's flow
// and the tests. Messages are keys of the `errors` namespace under `answers.`, with
// their interpolation values in `params`, so that every reader can word them in its
// own language.
import * as z from 'zod/mini';
import { NUMBER_RANGES, RED_FLAGS, SYMPTOMS, type NumericField, type PregnancyStatus, type Sex } from '../catalogue.ts';
import { FIELD_IDS, fieldDefinition, type AnswerField, type AnswersFromTable } from '../fields.ts';
import {
  CONTEXT_RULES,
  RED_FLAG_CONTEXT,
  isHipReplacementAsked,
  isPregnancyAsked,
  isPregnancyWeeksAsked,
  isRedFlagShown,
  isSymptomShown,
} from './asked-when.ts';

const message = (key: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'answers.required' : `answers.${key}`),
});

const wholeNumber = (field: NumericField) => {
  const { min, max } = NUMBER_RANGES[field];
  return z.int(message('wholeNumber')).check(z.gte(min, message('wholeNumber')), z.lte(max, message('wholeNumber')));
};

const idList = <T extends readonly [string, ...string[]]>(ids: T, unknownKey: string, minimum = 0) =>
  z.array(z.enum(ids, message(unknownKey)), message('notAList')).check(
    z.minLength(minimum, 'answers.emptyLocations'),
    z.superRefine((list, ctx) => {
      list.forEach((id, index) => {
        if (list.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [index], message: 'answers.duplicate', input: id });
      });
    }),
  );

/** One zod entry per row of the field table (src/triage/fields.ts). */
function schemaOf(field: AnswerField): z.ZodMiniType {
  const definition = fieldDefinition(field);
  switch (definition.kind) {
    case 'number':
    case 'scale':
      return wholeNumber(definition.field);
    case 'single':
      return z.enum(definition.options, message('unknownOption'));
    case 'multiple':
      return idList(definition.options, definition.unknownKey, definition.withNone ? 0 : 1);
    case 'yes-no':
      return z.boolean(message('notBoolean'));
  }
}

const fields = Object.fromEntries(
  FIELD_IDS.map((field) => [field, fieldDefinition(field).required ? schemaOf(field) : z.optional(schemaOf(field))]),
) as Record<AnswerField, z.ZodMiniType>;

export const answersSchema = z
  .strictObject(fields, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'answers.unknownField' : 'answers.notAnObject'),
  })
  .check(
    z.superRefine((answers, ctx) => contextIssues(answers as Record<string, unknown>).forEach((issue) => ctx.addIssue(issue))),
  ) as unknown as z.ZodMiniType<Answers>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface AnswersIssue {
  path: (string | number)[];
  /** Key in the `errors` namespace. */
  message: string;
}

/**
 * Parses answers and names every offending field in one pass: zod skips the
 * cross-field checks once a field has failed, so they are run here on whatever
 * parts of the input are valid.
 */
export function validateAnswers(input: unknown): { success: true; answers: Answers } | { success: false; issues: AnswersIssue[] } {
  // A list longer than its options is refused before zod reads it: hundreds of thousands of
  // entries would each get an issue (and overflow the stack, found by review).
  const tooLong = isPlainObject(input)
    ? FIELD_IDS.filter((field) => {
        const definition = fieldDefinition(field);
        const list = input[field];
        return definition.kind === 'multiple' && Array.isArray(list) && list.length > definition.options.length;
      })
    : [];
  if (tooLong.length > 0) return { success: false, issues: tooLong.map((field) => ({ path: [field], message: 'answers.tooMany' })) };
  const parsed = z.safeParse(answersSchema, input);
  if (parsed.success) return { success: true, answers: parsed.data };
  const issues: AnswersIssue[] = parsed.error.issues.flatMap((issue) => {
    const path = issue.path as (string | number)[];
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...path, key], message: issue.message }))
      : [{ path, message: issue.message }];
  });
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const seen = new Set(issues.map((issue) => JSON.stringify(issue)));
    for (const issue of contextIssues(input as Record<string, unknown>)) {
      const { path, message } = issue;
      if (!seen.has(JSON.stringify({ path, message }))) issues.push({ path, message });
    }
  }
  return { success: false, issues };
}

/** Answers that the wizard would never have asked, given the other answers. */
function contextIssues(raw: Record<string, unknown>) {
  // Reads only the parts of the input that are valid on their own.
  const issues: { code: 'custom'; path: (string | number)[]; message: string }[] = [];
  const add = (path: (string | number)[], key: string) => issues.push({ code: 'custom', path, message: `answers.${key}` });
  const valid = <T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined => {
    const parsed = z.safeParse(schema, value);
    return parsed.success ? parsed.data : undefined;
  };
  const context = {
    age: valid(fields.age, raw.age) as number | undefined,
    sex: valid(fields.sex, raw.sex) as Sex | undefined,
    pregnancy: valid(fields.pregnancy, raw.pregnancy) as PregnancyStatus | undefined,
    hipReplacement: valid(fields.hipReplacement, raw.hipReplacement) as boolean | undefined,
  };
  // A check that depends on a field given with a bad value is skipped: that field
  // already has its own message, and a guess about it would only mislead.
  const usable = (field: 'age' | 'sex' | 'pregnancy' | 'hipReplacement') => raw[field] === undefined || context[field] !== undefined;
  const canJudgePregnancy =
    context.sex === 'male' || (usable('sex') && usable('age') && context.sex !== undefined && context.age !== undefined);
  if (raw.pregnancy !== undefined && canJudgePregnancy && !isPregnancyAsked(context)) {
    add(['pregnancy'], context.sex === 'male' ? 'pregnancyWhenMale' : 'pregnancyOutsideAge');
  }
  if (raw.pregnancyWeeks !== undefined && usable('pregnancy') && !isPregnancyWeeksAsked(context)) {
    add(['pregnancyWeeks'], 'weeksWhenNotPregnant');
  }
  if (raw.hipReplacement !== undefined && usable('age') && context.age !== undefined && !isHipReplacementAsked(context)) {
    add(['hipReplacement'], 'hipReplacementUnder16');
  }
  const eachValid = <T extends string>(list: unknown, ids: readonly T[], visit: (id: T, index: number) => void) => {
    if (Array.isArray(list)) list.forEach((id, index) => ids.includes(id) && visit(id, index));
  };
  eachValid(raw.redFlags, RED_FLAGS, (flag, index) => {
    const rule = CONTEXT_RULES[RED_FLAG_CONTEXT[flag]];
    const judgeable =
      (rule.ageBelow === undefined || (usable('age') && context.age !== undefined)) &&
      (rule.ageFrom === undefined || (usable('age') && context.age !== undefined)) &&
      (rule.hipReplacement === undefined || usable('hipReplacement')) &&
      (rule.pregnancy === undefined || usable('pregnancy'));
    if (judgeable && !isRedFlagShown(flag, context)) add(['redFlags', index], `redFlagContext.${RED_FLAG_CONTEXT[flag]}`);
  });
  eachValid(raw.symptoms, SYMPTOMS, (symptom, index) => {
    if (context.age !== undefined && !isSymptomShown(symptom, context)) add(['symptoms', index], 'limpIsChildRedFlag');
  });
  return issues;
}

/** A complete answers object: its fields, kinds and options are the field table's. */
export type Answers = AnswersFromTable;
/** What the wizard holds while questions are still being answered. */
export type AnswersSoFar = Partial<Answers>;
export type { AnswerField };
export const ANSWER_FIELDS: readonly AnswerField[] = FIELD_IDS;
