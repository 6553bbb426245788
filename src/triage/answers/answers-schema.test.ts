// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vignettes } from '../../../tests/fixtures/vignettes.ts';
import { POLICY_PREGNANCY_RED_FLAGS } from '../../../tests/fixtures/policy-v3-tables.ts';
import { GENERAL_RED_FLAGS, PREGNANCY_RED_FLAGS, PREGNANCY_STATUSES } from '../catalogue.ts';
import { validateAnswers, type AnswersIssue } from './answers-schema.ts';

/**
 * The answers interchange format (policy §1): what is accepted, and that every
 * rejection names the offending path with a message key of the `errors` namespace.
 */
const adult = { age: 40, sex: 'male', redFlags: [] } as const;
const woman = { age: 30, sex: 'female', redFlags: [] } as const;

function issuesOf(input: unknown): AnswersIssue[] {
  const result = validateAnswers(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return result.issues;
}

function expectValid(input: unknown): void {
  const result = validateAnswers(input);
  expect(result.success ? [] : result.issues, JSON.stringify(input)).toEqual([]);
}

const issue = (message: string, ...path: (string | number)[]): AnswersIssue => ({ path, message });

describe('accepted answers', () => {
  it.each(vignettes.map((v) => [v.title, v.answers] as const))('worked case: %s', (_title, answers) => {
    const result = validateAnswers(answers);
    expect(result).toEqual({ success: true, answers });
  });

  it('accepts a subset: only age, sex and red flags', () => {
    expect(validateAnswers({ age: 30, sex: 'other', redFlags: [] })).toEqual({
      success: true,
      answers: { age: 30, sex: 'other', redFlags: [] },
    });
  });

  it('accepts the ends of every numeric range', () => {
    expectValid({ age: 0, sex: 'male', redFlags: [], painScore: 0 });
    expectValid({ age: 120, sex: 'male', redFlags: [], painScore: 10 });
    expectValid({ ...woman, pregnancy: 'pregnant', pregnancyWeeks: 1 });
    expectValid({ ...woman, pregnancy: 'pregnant', pregnancyWeeks: 42 });
    expectValid({ ...woman, pregnancy: 'pregnant', pregnancyWeeks: 19 });
    expectValid({ ...woman, pregnancy: 'pregnant', pregnancyWeeks: 20 });
    expectValid({ age: 120, sex: 'female', hipReplacement: true, redFlags: [] });
  });

  it('accepts empty red-flag, symptom and risk-factor lists ("none of these")', () => {
    expectValid({ ...adult, redFlags: [], symptoms: [], riskFactors: [], active: false });
  });

  it('accepts pregnancy "pregnant" without weeks ("don\'t know")', () => {
    expectValid({ ...woman, pregnancy: 'pregnant' });
  });
});

describe('rejected fields and ids', () => {
  it('an unknown field', () => {
    expect(issuesOf({ ...adult, foo: 1 })).toEqual([issue('answers.unknownField', 'foo')]);
  });

  it('several unknown fields, each by name', () => {
    expect(issuesOf({ ...adult, foo: 1, bar: 2 })).toEqual([issue('answers.unknownField', 'foo'), issue('answers.unknownField', 'bar')]);
  });

  it('missing age, sex and red flags (v2: red flags are required)', () => {
    expect(issuesOf({})).toEqual([
      issue('answers.required', 'age'),
      issue('answers.required', 'sex'),
      issue('answers.required', 'redFlags'),
    ]);
    expect(issuesOf({ age: 30, sex: 'male' })).toEqual([issue('answers.required', 'redFlags')]);
  });

  it('answers that are not an object', () => {
    for (const input of [null, [], 'age 30', 30]) expect(issuesOf(input)).toEqual([issue('answers.notAnObject')]);
  });

  it('unknown ids, at their index, in every list', () => {
    expect(
      issuesOf({ ...adult, redFlags: ['fever', 'x'], locations: ['hip'], symptoms: ['tingling', 'rest-pain', 'y'], riskFactors: ['z'] }),
    ).toEqual([
      issue('answers.unknownRedFlag', 'redFlags', 1),
      issue('answers.unknownLocation', 'locations', 0),
      issue('answers.unknownSymptom', 'symptoms', 2),
      issue('answers.unknownRiskFactor', 'riskFactors', 0),
    ]);
  });

  it('unknown options of the single-choice fields', () => {
    expect(issuesOf({ ...woman, pregnancy: 'maybe', onset: 'fall', duration: 'years' })).toEqual(
      expect.arrayContaining([
        issue('answers.unknownOption', 'pregnancy'),
        issue('answers.unknownOption', 'onset'),
        issue('answers.unknownOption', 'duration'),
      ]),
    );
    expect(issuesOf({ age: 30, sex: 'f', redFlags: [] })).toEqual([issue('answers.unknownOption', 'sex')]);
  });

  it('active or hipReplacement that is not a boolean', () => {
    expect(issuesOf({ ...adult, active: 'true' })).toEqual([issue('answers.notBoolean', 'active')]);
    expect(issuesOf({ ...adult, hipReplacement: 'yes' })).toEqual([issue('answers.notBoolean', 'hipReplacement')]);
    expect(issuesOf({ ...adult, hipReplacement: 1 })).toEqual([issue('answers.notBoolean', 'hipReplacement')]);
  });

  it('a list given as a single id', () => {
    expect(issuesOf({ ...adult, redFlags: 'fever' })).toEqual([issue('answers.notAList', 'redFlags')]);
  });

  it('duplicates, at the second occurrence, in every list', () => {
    expect(
      issuesOf({
        ...adult,
        redFlags: ['fever', 'fever'],
        locations: ['groin', 'thigh', 'groin'],
        symptoms: ['tingling', 'tingling'],
        riskFactors: ['smoking', 'alcohol', 'smoking'],
      }),
    ).toEqual([
      issue('answers.duplicate', 'redFlags', 1),
      issue('answers.duplicate', 'locations', 2),
      issue('answers.duplicate', 'symptoms', 1),
      issue('answers.duplicate', 'riskFactors', 2),
    ]);
  });

  it('empty locations', () => {
    expect(issuesOf({ ...adult, locations: [] })).toEqual([issue('answers.emptyLocations', 'locations')]);
  });

  it.each([
    ['age', 121],
    ['age', -1],
    ['age', 4.5],
    ['age', '30'],
    ['age', null],
    ['painScore', 11],
    ['painScore', -1],
    ['painScore', 7.5],
    ['painScore', '5'],
  ])('%s %j', (field, value) => {
    expect(issuesOf({ ...adult, [field]: value })).toEqual([issue('answers.wholeNumber', field)]);
  });

  it.each([0, 43, 20.5])('pregnancyWeeks %j', (weeks) => {
    expect(issuesOf({ ...woman, pregnancy: 'pregnant', pregnancyWeeks: weeks })).toEqual([issue('answers.wholeNumber', 'pregnancyWeeks')]);
  });

  it('names every offending field in one pass, field errors and context errors together', () => {
    const issues = issuesOf({ age: 4.5, sex: 'male', pregnancy: 'no', foo: 1, redFlags: ['fever', 'x'], painScore: 11 });
    expect(issues).toHaveLength(5);
    expect(issues).toEqual(
      expect.arrayContaining([
        issue('answers.wholeNumber', 'age'),
        issue('answers.unknownField', 'foo'),
        issue('answers.unknownRedFlag', 'redFlags', 1),
        issue('answers.wholeNumber', 'painScore'),
        issue('answers.pregnancyWhenMale', 'pregnancy'),
      ]),
    );
  });
});

describe('answers the wizard would not have asked', () => {
  it('pregnancy when male', () => {
    expect(issuesOf({ ...adult, pregnancy: 'no' })).toEqual([issue('answers.pregnancyWhenMale', 'pregnancy')]);
  });

  it.each([11, 56, 60])('pregnancy at age %i', (age) => {
    expect(issuesOf({ ...woman, age, pregnancy: 'no' })).toEqual([issue('answers.pregnancyOutsideAge', 'pregnancy')]);
  });

  it.each([12, 55])('pregnancy at age %i, sex other, is accepted', (age) => {
    expectValid({ age, sex: 'other', redFlags: [], pregnancy: 'no' });
    expectValid({ age, sex: 'female', redFlags: [], pregnancy: 'unsure' });
  });

  it.each(['no', 'postpartum', 'unsure', undefined])('pregnancyWeeks when pregnancy is %s', (pregnancy) => {
    expect(issuesOf({ ...woman, pregnancy, pregnancyWeeks: 20 })).toEqual([issue('answers.weeksWhenNotPregnant', 'pregnancyWeeks')]);
  });

  const SHOWN = POLICY_PREGNANCY_RED_FLAGS;
  const CONTEXT_KEY: Record<string, string> = {
    'pregnant,unsure,postpartum': 'pregnant-unsure-or-postpartum',
    pregnant: 'pregnant',
    'pregnant,postpartum': 'pregnant-or-postpartum',
  };
  it('the table covers every pregnancy red flag of the catalogue', () => {
    expect(Object.keys(SHOWN).sort()).toEqual([...PREGNANCY_RED_FLAGS].sort());
  });
  it.each(Object.entries(SHOWN))('%s is accepted exactly for pregnancy %j', (flag, statuses) => {
    for (const pregnancy of [...PREGNANCY_STATUSES, undefined]) {
      const answers = { ...woman, pregnancy, redFlags: ['fever', flag] };
      if (pregnancy !== undefined && statuses.includes(pregnancy)) expectValid(answers);
      else
        expect(issuesOf(answers), String(pregnancy)).toEqual([
          issue(`answers.redFlagContext.${CONTEXT_KEY[statuses.join(',')]}`, 'redFlags', 1),
        ]);
    }
  });
  it('contractions after birth are invalid; pre-eclampsia signs and bleeding after birth are valid (v2)', () => {
    expect(issuesOf({ ...woman, pregnancy: 'postpartum', redFlags: ['contractions'] })).toEqual([
      issue('answers.redFlagContext.pregnant', 'redFlags', 0),
    ]);
    expectValid({ ...woman, pregnancy: 'postpartum', redFlags: ['vaginal-bleeding', 'preeclampsia-signs', 'burning-urination'] });
  });
  it('pregnancy red flags for a male', () => {
    expect(issuesOf({ ...adult, redFlags: ['contractions'] })).toEqual([issue('answers.redFlagContext.pregnant', 'redFlags', 0)]);
  });
  it('limp as a red flag: accepted up to 17, rejected at 18 (v2)', () => {
    expectValid({ age: 17, sex: 'male', redFlags: ['limp'] });
    expectValid({ age: 0, sex: 'female', redFlags: ['limp'] });
    expect(issuesOf({ age: 18, sex: 'male', redFlags: ['limp'] })).toEqual([issue('answers.redFlagContext.under-18', 'redFlags', 0)]);
  });
  it('limp as a symptom: rejected at 17, accepted at 18 (v2)', () => {
    expect(issuesOf({ age: 17, sex: 'male', redFlags: [], symptoms: ['rest-pain', 'limp'] })).toEqual([
      issue('answers.limpIsChildRedFlag', 'symptoms', 1),
    ]);
    expectValid({ age: 18, sex: 'male', redFlags: [], symptoms: ['rest-pain', 'limp'] });
  });
  it('leg-not-moving: accepted up to 4, rejected at 5 (v2)', () => {
    expectValid({ age: 4, sex: 'female', redFlags: ['leg-not-moving'] });
    expect(issuesOf({ age: 5, sex: 'female', redFlags: ['leg-not-moving'] })).toEqual([
      issue('answers.redFlagContext.under-5', 'redFlags', 0),
    ]);
  });
  it('every general red flag is accepted for anyone: a man, a baby (v3: severe-abdominal-pain and groin-swelling too)', () => {
    expect(GENERAL_RED_FLAGS).toEqual(expect.arrayContaining(['severe-abdominal-pain', 'groin-swelling']));
    expectValid({ age: 70, sex: 'male', redFlags: [...GENERAL_RED_FLAGS] });
    expectValid({ age: 0, sex: 'female', redFlags: [...GENERAL_RED_FLAGS] });
    expectValid({ ...woman, pregnancy: 'no', redFlags: ['severe-abdominal-pain', 'groin-swelling'] });
  });
  it('the v2 risk factor "hip-replacement" is an unknown id (v3: it is the hipReplacement question)', () => {
    expect(issuesOf({ age: 70, sex: 'male', redFlags: [], riskFactors: ['smoking', 'hip-replacement'] })).toEqual([
      issue('answers.unknownRiskFactor', 'riskFactors', 1),
    ]);
  });
  it('hipReplacement: asked from 16, so accepted at 16 and rejected at 15 (v3)', () => {
    for (const hipReplacement of [true, false]) {
      expectValid({ age: 16, sex: 'male', hipReplacement, redFlags: [] });
      expect(issuesOf({ age: 15, sex: 'male', hipReplacement, redFlags: [] })).toEqual([
        issue('answers.hipReplacementUnder16', 'hipReplacement'),
      ]);
    }
    expectValid({ age: 15, sex: 'male', redFlags: [] });
    // With the age itself wrong, only the age is named: a guess about the hip question would mislead.
    expect(issuesOf({ age: 15.5, sex: 'male', hipReplacement: true, redFlags: [] })).toEqual([issue('answers.wholeNumber', 'age')]);
  });
  it('wound-problem: only with hipReplacement true (v3)', () => {
    expectValid({ age: 70, sex: 'female', hipReplacement: true, redFlags: ['fever', 'wound-problem'] });
    for (const hip of [{ hipReplacement: false }, {}]) {
      expect(issuesOf({ age: 70, sex: 'female', ...hip, redFlags: ['fever', 'wound-problem'] }), JSON.stringify(hip)).toEqual([
        issue('answers.redFlagContext.hip-replacement', 'redFlags', 1),
      ]);
    }
    // The hip answer itself wrong: that is the one message.
    expect(issuesOf({ age: 70, sex: 'female', hipReplacement: 'yes', redFlags: ['wound-problem'] })).toEqual([
      issue('answers.notBoolean', 'hipReplacement'),
    ]);
  });
  it('scalp-jaw-headache: accepted from 50, rejected at 49 (v3)', () => {
    expectValid({ age: 50, sex: 'male', redFlags: ['scalp-jaw-headache'] });
    expect(issuesOf({ age: 49, sex: 'male', redFlags: ['fever', 'scalp-jaw-headache'] })).toEqual([
      issue('answers.redFlagContext.from-50', 'redFlags', 1),
    ]);
  });
  it('a context check still applies when another field is invalid', () => {
    expect(issuesOf({ ...woman, pregnancy: 'no', redFlags: ['vaginal-bleeding'], painScore: 12 })).toEqual(
      expect.arrayContaining([
        issue('answers.wholeNumber', 'painScore'),
        issue('answers.redFlagContext.pregnant-unsure-or-postpartum', 'redFlags', 0),
      ]),
    );
  });
});

describe('message keys', () => {
  const errors = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../locales/en/errors.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors);

  it('every key the schema produces has an English text', () => {
    const inputs: unknown[] = [
      {},
      null,
      { age: 4.5, sex: 'f', foo: 1 },
      { ...woman, pregnancy: 'x', onset: 'x', duration: 'x', active: 1, redFlags: 'x', locations: [] },
      { ...adult, redFlags: ['x', 'limp'], locations: ['x'], symptoms: ['x'], riskFactors: ['x', 'x'] },
      { ...adult, symptoms: ['tingling', 'tingling'], pregnancy: 'no' },
      { age: 70, sex: 'female', pregnancy: 'no', pregnancyWeeks: 3, redFlags: ['contractions', 'burning-urination', 'preeclampsia-signs'] },
      { age: 5, sex: 'female', redFlags: ['leg-not-moving'], symptoms: ['limp'] },
      { age: 30, sex: 'female', pregnancy: 'postpartum', redFlags: ['contractions', 'limp'] },
      // v3
      { age: 15, sex: 'male', hipReplacement: true, redFlags: ['scalp-jaw-headache'] },
      { age: 60, sex: 'male', hipReplacement: false, redFlags: ['wound-problem'] },
      { age: 60, sex: 'male', hipReplacement: 'no', redFlags: [] },
    ];
    const keys = new Set(inputs.flatMap((input) => issuesOf(input).map((i) => i.message)));
    for (const key of ['answers.hipReplacementUnder16', 'answers.redFlagContext.hip-replacement', 'answers.redFlagContext.from-50'])
      expect(keys, key).toContain(key);
    expect(keys.size).toBeGreaterThanOrEqual(22);
    for (const key of keys) {
      expect(key).toMatch(/^answers\./);
      expect(typeof lookup(key), key).toBe('string');
    }
  });
});
