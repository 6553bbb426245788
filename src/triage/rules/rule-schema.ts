import { z } from 'zod';
import { CALL_NOW_IF, CONTENT_IDS, FINDINGS, NUMBER_RANGES, SPECIALISTS, URGENCIES, type NumericField } from '../catalogue.ts';
import { fieldDefinition } from '../fields.ts';
import { DEFINITION_NAMES } from './conditions.ts';
import {
  RULE_FIELDS,
  UNANSWERABLE_FIELDS,
  conditionShapeOf,
  type FieldConditions,
  type RuleField,
  type UnanswerableField,
} from './field-conditions.ts';

/**
 * The schema of the rule files in `rules/`. The build, the rule checker, the CLI and
 * the tests validate with it; `npm run rules:schema` turns it into the JSON Schema the
 * YAML files point editors at.
 */

const ids = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.array(z.enum(values, { error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}` })).min(1, `needs at least one ${what}`);

/** `atLeast` is inclusive, `below` exclusive, as in "16 ≤ age < 50". */
const numberRange = (field: NumericField) => {
  const { min, max } = NUMBER_RANGES[field];
  const threshold = z
    .number()
    .int(`${field} thresholds are whole numbers`)
    .min(min + 1, `${field} threshold must be from ${min + 1} to ${max} (${field} runs from ${min} to ${max})`)
    .max(max, `${field} threshold must be from ${min + 1} to ${max} (${field} runs from ${min} to ${max})`);
  return z
    .strictObject({ atLeast: threshold.optional(), below: threshold.optional() })
    .refine((r) => r.atLeast !== undefined || r.below !== undefined, 'give atLeast, below or both')
    .refine((r) => r.atLeast === undefined || r.below === undefined || r.atLeast < r.below, {
      message: 'atLeast must be smaller than below, or no answer can match',
    });
};

/** The condition keys: groups, findings, definitions, then one per rule field of the field table, and `unanswered`. */
const OPERATORS = ['all', 'any', 'has', 'hasAny', 'is', ...RULE_FIELDS, 'unanswered'] as const;

export { UNANSWERABLE_FIELDS, type UnanswerableField };

/** One test on the answers; exactly one key is set. Written out because it is recursive. */
export interface Condition extends FieldConditions {
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  has?: string | undefined;
  hasAny?: string[] | undefined;
  is?: (typeof DEFINITION_NAMES)[number] | undefined;
  unanswered?: UnanswerableField | undefined;
}

/** The schema of each rule field's test, by the shape its kind calls for (field-conditions.ts). */
function fieldConditionSchema(field: RuleField) {
  const definition = fieldDefinition(field);
  switch (conditionShapeOf(field)) {
    case 'range':
      return numberRange(field as NumericField);
    case 'oneOf':
    case 'anyOf':
      return ids((definition as { options: readonly [string, ...string[]] }).options, WHAT[field] ?? field);
    case 'isTrue':
      return z.literal(true, `${field} can only be tested as true`);
  }
}
/** How a message names an option of a field, where its name alone would read oddly. */
const WHAT: Partial<Record<RuleField, string>> = { pregnancy: 'pregnancy status', locations: 'location' };
const fieldConditionShape = Object.fromEntries(RULE_FIELDS.map((field) => [field, fieldConditionSchema(field).optional()]));

export const conditionSchema: z.ZodType<Condition> = z
  .strictObject(
    {
      get all() {
        return z.array(conditionSchema).min(1, 'an "all" group needs at least one condition').optional();
      },
      get any() {
        return z.array(conditionSchema).min(1, 'an "any" group needs at least one condition').optional();
      },
      has: z
        .enum(FINDINGS as unknown as [string, ...string[]], {
          error: (i) => `unknown red flag, symptom or risk factor ${JSON.stringify(i.input)}`,
        })
        .optional(),
      hasAny: ids(FINDINGS as unknown as [string, ...string[]], 'red flag, symptom or risk factor').optional(),
      is: z
        .enum(DEFINITION_NAMES, { error: (i) => `unknown definition ${JSON.stringify(i.input)} (known: ${DEFINITION_NAMES.join(', ')})` })
        .optional(),
      ...fieldConditionShape,
      unanswered: z
        .enum(UNANSWERABLE_FIELDS, {
          error: (i) => `unanswered takes one of ${UNANSWERABLE_FIELDS.join(', ')}, not ${JSON.stringify(i.input)}`,
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown condition key(s) ${issue.keys.join(', ')}; use one of ${OPERATORS.join(', ')}`
          : 'a condition must be an object',
    },
  )
  .refine((c) => Object.keys(c).length === 1, {
    // An unknown key already has its own message; counting keys then would only add noise.
    when: (payload) => payload.issues.length === 0,
    message: `a condition has exactly one key, one of ${OPERATORS.join(', ')} (combine several with all/any)`,
  })
  .meta({ id: 'condition' });

const ruleId = z
  .string()
  .regex(/^[EUSR]-[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids look like E-fracture: a letter for the urgency, a dash, kebab-case words');

const RULE_KEYS = ['id', 'when', 'fallback', 'adds', 'specialist', 'also', 'content'] as const;

export const ruleSchema = z
  .strictObject(
    {
      id: ruleId,
      when: conditionSchema.optional(),
      fallback: z.literal(true).optional().describe('fires only when no other rule (except "adds" rules) fired'),
      adds: z.literal(true).optional().describe('only adds to alsoConsider and content; never sets urgency or the primary specialist'),
      specialist: z.enum(SPECIALISTS, { error: (i) => `unknown specialist ${JSON.stringify(i.input)}` }),
      also: z.array(z.enum(SPECIALISTS, { error: (i) => `unknown specialist ${JSON.stringify(i.input)}` })).default([]),
      content: z.array(z.enum(CONTENT_IDS, { error: (i) => `unknown content id ${JSON.stringify(i.input)}` })).default([]),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown rule key(s) ${issue.keys.join(', ')}; a rule has ${RULE_KEYS.join(', ')}`
          : 'a rule must be an object',
    },
  )
  .refine((r) => (r.when === undefined) !== (r.fallback === undefined), {
    message: 'a rule has either a "when" condition or "fallback: true", not both or neither',
  });

export type Rule = z.output<typeof ruleSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  urgency: z.enum(URGENCIES, { error: (i) => `unknown urgency ${JSON.stringify(i.input)} (one of ${URGENCIES.join(', ')})` }),
  rules: z.array(ruleSchema).min(1, 'a rule file needs at least one rule'),
});

export type RuleFile = z.output<typeof ruleFileSchema>;

/**
 * Safety-netting (policy §2, v3): when each "call now if" line applies. A line applies
 * when one of `whenFired` fired or `orWhen` holds, and, if given, `onlyWhen` holds.
 */
export const safetyNetLineSchema = z.strictObject({
  line: z.enum(CALL_NOW_IF, { error: (i) => `unknown "call now if" line ${JSON.stringify(i.input)} (one of ${CALL_NOW_IF.join(', ')})` }),
  whenFired: z.array(ruleId).min(1, 'name at least one rule'),
  orWhen: conditionSchema.optional().describe('the line also applies when this holds, whatever fired'),
  onlyWhen: conditionSchema.optional().describe('the line applies only when this holds too'),
});
export type SafetyNetLine = z.output<typeof safetyNetLineSchema>;

export const safetyNetFileSchema = z.strictObject({
  $schema: z.string().optional(),
  safetyNet: z.array(safetyNetLineSchema).min(1, 'the safety-net file needs at least one line'),
});
export type SafetyNetFile = z.output<typeof safetyNetFileSchema>;

/** What the browser receives: every rule with its urgency, in policy order, and the safety-net lines in table order. */
export type CompiledRule = Rule & { urgency: (typeof URGENCIES)[number] };
export interface RuleSet {
  rules: CompiledRule[];
  safetyNet: SafetyNetLine[];
}
