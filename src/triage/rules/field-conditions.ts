import { FIELDS, FIELD_IDS, fieldDefinition, type AnswerField } from '../fields.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';

/**
 * The part of the rule condition language that tests one answer by its field name,
 * derived from the field table: a row with `rules` may be tested, and its kind says
 * how (policy §3). The rule schema, the engine and the condition space read this,
 * so a new field a rule needs is a row, not a change to the language.
 *   number, scale  `age: { atLeast: 16, below: 50 }`  (atLeast inclusive, below exclusive)
 *   single         `onset: [sudden, injury]`          (the answer is one of these)
 *   multiple       `locations: [groin, buttock]`      (any of these was ticked)
 *   yes-no         `hipReplacement: true`             (answered yes)
 * The warning signs, symptoms and risk factors are tested across their lists with
 * `has` and `hasAny` instead (rule-schema.ts).
 */

export type RuleField = { [F in AnswerField]: (typeof FIELDS)[F] extends { rules: string } ? F : never }[AnswerField];
export type UnanswerableField = {
  [F in AnswerField]: (typeof FIELDS)[F] extends { rules: 'value-or-unanswered' } ? F : never;
}[AnswerField];

/** The fields rules may test, in table order. */
export const RULE_FIELDS = FIELD_IDS.filter((field) => 'rules' in FIELDS[field]) as RuleField[];
/** The optional fields a rule may test for absence (v3: "not after an injury" and "weeks not known" hold when unanswered). */
export const UNANSWERABLE_FIELDS = RULE_FIELDS.filter(
  (field) => (FIELDS[field] as { rules?: string }).rules === 'value-or-unanswered',
) as UnanswerableField[];

export type ConditionShape = 'range' | 'oneOf' | 'anyOf' | 'isTrue';
export function conditionShapeOf(field: RuleField): ConditionShape {
  switch (fieldDefinition(field).kind) {
    case 'number':
    case 'scale':
      return 'range';
    case 'single':
      return 'oneOf';
    case 'multiple':
      return 'anyOf';
    case 'yes-no':
      return 'isTrue';
  }
}

export interface NumberRange {
  atLeast?: number | undefined;
  below?: number | undefined;
}
type ArgumentOf<D> = D extends { kind: 'number' | 'scale' }
  ? NumberRange
  : D extends { kind: 'single' | 'multiple'; options: readonly (infer O)[] }
    ? O[]
    : D extends { kind: 'yes-no' }
      ? true
      : never;

/** One test per rule field, as a condition key. */
export type FieldConditions = { [F in RuleField]?: ArgumentOf<(typeof FIELDS)[F]> | undefined };

export const inRange = (value: number | undefined, range: NumberRange): boolean =>
  value !== undefined && (range.atLeast === undefined || value >= range.atLeast) && (range.below === undefined || value < range.below);

/** Whether the answers pass the test `argument` on `field`. An absent answer passes none. */
export function fieldConditionHolds(field: RuleField, argument: unknown, answers: AnswersSoFar): boolean {
  const value: unknown = answers[field];
  if (value === undefined) return false;
  switch (conditionShapeOf(field)) {
    case 'range':
      return inRange(value as number, argument as NumberRange);
    case 'oneOf':
      return (argument as unknown[]).includes(value);
    case 'anyOf':
      return (argument as unknown[]).some((option) => (value as unknown[]).includes(option));
    case 'isTrue':
      return value === true;
  }
}
