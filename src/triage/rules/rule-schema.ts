import { z } from 'zod';
import {
  CALL_NOW_IF,
  CONTENT_IDS,
  FINDINGS,
  LOCATIONS,
  NUMBER_RANGES,
  ONSETS,
  PREGNANCY_STATUSES,
  SEXES,
  SPECIALISTS,
  URGENCIES,
  type Location,
  type NumericField,
  type Onset,
  type PregnancyStatus,
  type Sex,
} from '../catalogue.ts';
import { DEFINITION_NAMES } from './conditions.ts';

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

const OPERATORS = ['all', 'any', 'has', 'hasAny', 'is', 'age', 'painScore', 'sex', 'pregnancy', 'onset', 'locations', 'active'] as const;

interface NumberRange {
  atLeast?: number | undefined;
  below?: number | undefined;
}

/** One test on the answers; exactly one key is set. Written out because it is recursive. */
export interface Condition {
  all?: Condition[] | undefined;
  any?: Condition[] | undefined;
  has?: string | undefined;
  hasAny?: string[] | undefined;
  is?: (typeof DEFINITION_NAMES)[number] | undefined;
  age?: NumberRange | undefined;
  painScore?: NumberRange | undefined;
  sex?: Sex[] | undefined;
  pregnancy?: PregnancyStatus[] | undefined;
  onset?: Onset[] | undefined;
  locations?: Location[] | undefined;
  active?: true | undefined;
}

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
      age: numberRange('age').optional(),
      painScore: numberRange('painScore').optional(),
      sex: ids(SEXES, 'sex').optional(),
      pregnancy: ids(PREGNANCY_STATUSES, 'pregnancy status').optional(),
      onset: ids(ONSETS, 'onset').optional(),
      locations: ids(LOCATIONS, 'location').optional(),
      active: z.literal(true, 'active can only be tested as true').optional(),
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

const RULE_KEYS = ['id', 'when', 'fallback', 'adds', 'specialist', 'also', 'content', 'callNowIf'] as const;

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
      callNowIf: z
        .enum(CALL_NOW_IF, { error: (i) => `unknown "call now if" line ${JSON.stringify(i.input)} (one of ${CALL_NOW_IF.join(', ')})` })
        .optional()
        .describe('safety-netting (policy §2): the "call now if" line an urgent result shows when this rule fires'),
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

/** What the browser receives: every rule with its urgency, in policy order. */
export type CompiledRule = Rule & { urgency: (typeof URGENCIES)[number] };
export interface RuleSet {
  rules: CompiledRule[];
}
