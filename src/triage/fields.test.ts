// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/i18n/languages.ts';
import { validateAnswers } from './answers/answers-schema.ts';
import { FIELD_IDS, QUESTION_STEPS, STEP_FIELDS, errorKeysOf, fieldDefinition, type AnswerField } from './fields.ts';
import type { AskedWhenInput } from './answers/asked-when.ts';
import type { PregnancyStatus } from './catalogue.ts';

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

  it.each(LANGUAGES)('has every word a row needs in %s: question, options, hints of its kind, headings, error messages', (language) => {
    const questions = JSON.parse(readFileSync(`locales/${language}/questions.json`, 'utf8')) as Tree;
    const errors = JSON.parse(readFileSync(`locales/${language}/errors.json`, 'utf8')) as Tree;
    expect(FIELD_IDS.flatMap((field) => missingWords(field, questions, errors))).toEqual([]);
  });

  it('names each missing word, so that a row without its words fails', () => {
    const questions = JSON.parse(readFileSync('locales/en/questions.json', 'utf8')) as Tree;
    const errors = JSON.parse(readFileSync('locales/en/errors.json', 'utf8')) as Tree;
    const without = (tree: Tree, path: string): Tree => {
      const copy = structuredClone(tree);
      const keys = path.split('.');
      delete (keys.slice(0, -1).reduce((node, key) => node[key] as Tree, copy) as Tree)[keys.at(-1)!];
      return copy;
    };
    expect(missingWords('hipReplacement', without(questions, 'hipReplacement.options.false'), errors)).toEqual([
      'questions:hipReplacement.options.false.label',
    ]);
    expect(missingWords('pregnancyWeeks', questions, without(errors, 'form.pregnancyWeeks.range'))).toEqual([
      'errors:form.pregnancyWeeks.range',
    ]);
    expect(missingWords('redFlags', without(questions, 'redFlags.groups.child'), without(errors, 'answers.unknownRedFlag'))).toEqual([
      'questions:redFlags.groups.child',
      'errors:answers.unknownRedFlag',
    ]);
    expect(missingWords('redFlags', without(questions, 'redFlags.emergencyNote'), errors)).toEqual(['questions:redFlags.emergencyNote']);
  });
});

type Tree = { [key: string]: unknown };
const wordAt = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

/** People who see every group heading of a worded list: each age band and pregnancy answer. */
const EVERY_CONTEXT: AskedWhenInput[] = [0, 4, 15, 17, 30, 70].flatMap((age) =>
  [undefined, 'pregnant', 'postpartum', 'unsure', 'no'].map((pregnancy) => ({
    age,
    sex: 'female' as const,
    hipReplacement: age >= 16,
    ...(pregnancy && { pregnancy: pregnancy as PregnancyStatus }),
  })),
);

/** The keys a field's row calls for that the locale trees lack, as namespace:key. */
function missingWords(field: AnswerField, questions: Tree, errors: Tree): string[] {
  const definition = fieldDefinition(field);
  const wanted = [definition.kind === 'number' ? `${field}.suffix` : `${field}.question`];
  if (definition.kind === 'number' && definition.allowUnknown) wanted.push(`${field}.or`, `${field}.unknownLabel`);
  const options =
    definition.kind === 'single' || definition.kind === 'multiple'
      ? definition.options
      : definition.kind === 'yes-no'
        ? ['true', 'false']
        : [];
  wanted.push(...options.map((option) => `${field}.options.${option}.label`));
  if (definition.kind === 'multiple') {
    if (definition.withNone) wanted.push(`${field}.none`);
    if (definition.emergencyCallFirst) wanted.push(`${field}.emergencyNote`);
    const groups = new Set(
      EVERY_CONTEXT.flatMap((answers) =>
        (definition.shown?.(answers) ?? definition.options).map((option) => definition.wording?.(answers).groupOf?.(option)),
      ),
    );
    wanted.push(...[...groups].filter((group) => group !== undefined).map((group) => `${field}.groups.${group}`));
  }
  const errorKeys = Object.values(errorKeysOf(field));
  return [
    ...wanted.filter((key) => typeof wordAt(questions, key) !== 'string').map((key) => `questions:${key}`),
    ...errorKeys.filter((key) => typeof wordAt(errors, key) !== 'string').map((key) => `errors:${key}`),
  ];
}
