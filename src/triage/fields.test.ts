// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/i18n/languages.ts';
import { validateAnswers } from './answers/answers-schema.ts';
import { FIELD_IDS, QUESTION_STEPS, STEP_FIELDS, fieldDefinition } from './fields.ts';

/**
 * Policy §1 (v3), the answers table, copied by hand: each field in the order of the
 * questions, with its type and whether the engine requires it.
 */
const POLICY_FIELDS: [field: string, kind: string, required: boolean][] = [
  ['age', 'number', true],
  ['sex', 'single', true],
  ['pregnancy', 'single', false],
  ['pregnancyWeeks', 'number', false],
  ['hipReplacement', 'yes-no', false], // v3: asked before the warning signs
  ['redFlags', 'multiple', true],
  ['locations', 'multiple', false],
  ['onset', 'single', false],
  ['duration', 'single', false],
  ['symptoms', 'multiple', false],
  ['riskFactors', 'multiple', false],
  ['active', 'yes-no', false],
  ['painScore', 'scale', false],
];

/** The field table is the one definition of each question field: complete, consistent, worded. */
describe('the field table', () => {
  it('has one row per field of policy §1, in the order the questions are asked, with its kind', () => {
    expect(FIELD_IDS.map((field) => [field, fieldDefinition(field).kind, fieldDefinition(field).required === true])).toEqual(POLICY_FIELDS);
  });

  it('asks the questions page by page in the policy order: hipReplacement after pregnancy and before the warning signs (v3)', () => {
    const pageOrder = POLICY_FIELDS.map(([field]) => QUESTION_STEPS.indexOf(fieldDefinition(field as (typeof FIELD_IDS)[number]).step));
    expect(pageOrder.every((page, i) => i === 0 || page >= pageOrder[i - 1]!)).toBe(true);
    expect(fieldDefinition('hipReplacement').step).toBe('hip-replacement');
    expect(QUESTION_STEPS.indexOf('hip-replacement')).toBeGreaterThan(QUESTION_STEPS.indexOf('pregnancy-weeks'));
    expect(QUESTION_STEPS.indexOf('hip-replacement')).toBeLessThan(QUESTION_STEPS.indexOf('red-flags'));
  });

  it('is what the answers schema accepts: every field of the table, nothing else', () => {
    const everything = {
      age: 30,
      sex: 'female',
      pregnancy: 'pregnant',
      pregnancyWeeks: 20,
      hipReplacement: false,
      redFlags: [],
      locations: ['groin'],
      onset: 'gradual',
      duration: 'weeks',
      symptoms: [],
      riskFactors: [],
      active: true,
      painScore: 3,
    };
    expect(Object.keys(everything)).toEqual(POLICY_FIELDS.map(([field]) => field));
    expect(validateAnswers(everything)).toEqual({ success: true, answers: everything });
    for (const unknown of ['hipReplaced', 'hip-replacement', 'weeks'])
      expect(validateAnswers({ ...everything, [unknown]: true }), unknown).toEqual({
        success: false,
        issues: [{ path: [unknown], message: 'answers.unknownField' }],
      });
  });

  it('puts every field on a page, and every page has a field', () => {
    for (const step of QUESTION_STEPS) expect(STEP_FIELDS[step].length, step).toBeGreaterThan(0);
    expect(QUESTION_STEPS.flatMap((step) => STEP_FIELDS[step]).sort()).toEqual([...FIELD_IDS].sort());
  });

  it('offers, for any person, only options of the field', () => {
    for (const field of FIELD_IDS) {
      const definition = fieldDefinition(field);
      if (definition.kind !== 'multiple' || !definition.shown) continue;
      for (const age of [0, 4, 15, 17, 30, 70]) {
        for (const pregnancy of [undefined, 'pregnant', 'postpartum', 'unsure', 'no'] as const) {
          const shown = definition.shown({ age, sex: 'female', hipReplacement: age >= 16, ...(pregnancy && { pregnancy }) });
          expect(
            shown.every((option) => definition.options.includes(option)),
            field,
          ).toBe(true);
        }
      }
    }
  });

  it.each(LANGUAGES)('has words for every field and option in %s', (language) => {
    const questions = JSON.parse(readFileSync(`locales/${language}/questions.json`, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const field of FIELD_IDS) {
      const words = questions[field];
      expect(words?.question ?? words?.label, `${language}: ${field}`).toBeTruthy();
      const definition = fieldDefinition(field);
      const options =
        definition.kind === 'single' || definition.kind === 'multiple'
          ? definition.options
          : definition.kind === 'yes-no'
            ? ['true', 'false']
            : [];
      for (const option of options)
        expect((words?.options as Record<string, unknown> | undefined)?.[option], `${language}: ${field}.${option}`).toBeTruthy();
    }
  });
});
