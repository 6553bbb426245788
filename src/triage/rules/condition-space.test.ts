// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { conditionImplies, narrow, satisfiableBoxes, toBoxes } from './condition-space.ts';
import type { Condition } from './rule-schema.ts';

/**
 * The rule checker's reasoning over the whole answer domain (condition-space.ts): which
 * conditions no valid answer can meet (policy §1 "asked when", v3 included), and when
 * one condition implies another. Each case is worked out from the policy, not from the
 * code: "never" means no answer the wizard or the CLI accepts meets it.
 */
const all = (...conditions: Condition[]): Condition => ({ all: conditions });

describe('conditions no valid answer meets', () => {
  it.each<[string, Condition]>([
    ['a child who is 65 or over', all({ is: 'child' }, { age: { atLeast: 65 } })],
    ['pregnancy together with sex male', all({ is: 'pregnant' }, { sex: ['male'] })],
    ['a pregnancy answer at 60 (asked from 12 to 55)', all({ pregnancy: ['postpartum'] }, { age: { atLeast: 60 } })],
    ['a pregnancy red flag when the answer is "no"', all({ has: 'vaginal-bleeding' }, { pregnancy: ['no'] })],
    ['contractions after birth', all({ has: 'contractions' }, { is: 'postpartum' })],
    ['an empty pain range', all({ painScore: { atLeast: 8 } }, { painScore: { below: 5 } })],
    // v3
    ['an empty range of weeks', all({ pregnancyWeeks: { atLeast: 30 } }, { pregnancyWeeks: { below: 20 } })],
    ['weeks of pregnancy when not pregnant', all({ pregnancyWeeks: { atLeast: 20 } }, { pregnancy: ['unsure'] })],
    ['weeks of pregnancy for a man', all({ pregnancyWeeks: { below: 20 } }, { sex: ['male'] })],
    ['weeks of pregnancy at 11', all({ is: 'later-pregnancy' }, { age: { below: 12 } })],
    ['a hip replacement at 15 (asked from 16)', all({ is: 'hip-replacement' }, { age: { below: 16 } })],
    ['wound-problem at 15 (shown only with a hip replacement)', all({ has: 'wound-problem' }, { age: { below: 16 } })],
    ['scalp-jaw-headache at 49 (shown from 50)', all({ has: 'scalp-jaw-headache' }, { age: { below: 50 } })],
    ['leg-not-moving at 5 (shown below 5)', all({ has: 'leg-not-moving' }, { age: { atLeast: 5 } })],
    ['onset not answered, and an injury', all({ unanswered: 'onset' }, { is: 'injury' })],
    ['"not after an injury", and an injury', all({ is: 'not-after-injury' }, { is: 'injury' })],
    ['weeks not answered, and from 20 weeks', all({ unanswered: 'pregnancyWeeks' }, { is: 'later-pregnancy' })],
    ['early or unknown, and later pregnancy', all({ is: 'early-or-unknown-pregnancy' }, { is: 'later-pregnancy' })],
    ['the hip question not answered, and wound-problem', all({ unanswered: 'hipReplacement' }, { has: 'wound-problem' })],
    ['pain not answered, and pain 8 or more', all({ unanswered: 'painScore' }, { painScore: { atLeast: 8 } })],
  ])('%s', (_what, condition) => {
    expect(satisfiableBoxes(condition)).toEqual([]);
  });
});

describe('conditions some valid answer meets', () => {
  it.each<[string, Condition]>([
    ['limp at 70 (a symptom from 18)', all({ has: 'limp' }, { age: { atLeast: 70 } })],
    ['limp at 17 (a red flag below 18)', all({ has: 'limp' }, { age: { atLeast: 17, below: 18 } })],
    ['pregnant with the weeks not known', all({ is: 'pregnant' }, { unanswered: 'pregnancyWeeks' })],
    ['early or unknown pregnancy at 12', all({ is: 'early-or-unknown-pregnancy' }, { age: { below: 13 } })],
    ['a hip replacement at 16', all({ is: 'hip-replacement' }, { age: { below: 17 } })],
    ['wound-problem with a fever at 16', all({ has: 'wound-problem' }, { has: 'fever' }, { age: { below: 17 } })],
    ['the hip question not answered at 10 (not asked)', all({ unanswered: 'hipReplacement' }, { age: { below: 10 } })],
    [
      'not after an injury with onset not answered, pain 8',
      all({ is: 'not-after-injury' }, { unanswered: 'onset' }, { painScore: { atLeast: 8 } }),
    ],
    ['scalp-jaw-headache and pregnant at 50', all({ has: 'scalp-jaw-headache' }, { is: 'pregnant' })],
    ['severe-abdominal-pain for a man (v3: general)', all({ has: 'severe-abdominal-pain' }, { sex: ['male'] })],
    ['groin-swelling for a baby', all({ has: 'groin-swelling' }, { age: { below: 1 } })],
  ])('%s', (_what, condition) => {
    expect(satisfiableBoxes(condition).length).toBeGreaterThan(0);
  });
});

describe('what a box of answers is narrowed to', () => {
  const only = (condition: Condition) => {
    const boxes = satisfiableBoxes(condition);
    expect(boxes).toHaveLength(1);
    return boxes[0]!;
  };

  it('a hip replacement, or wound-problem, means 16 or over (v3)', () => {
    expect(only({ is: 'hip-replacement' }).age).toEqual([16, 120]);
    expect(only({ has: 'wound-problem' })).toMatchObject({ age: [16, 120], hipReplacement: true });
  });

  it('scalp-jaw-headache means 50 or over; leg-not-moving under 5; limp as a red flag under 18 or a symptom', () => {
    expect(only({ has: 'scalp-jaw-headache' }).age).toEqual([50, 120]);
    expect(only({ has: 'leg-not-moving' }).age).toEqual([0, 4]);
    expect(only({ has: 'limp' }).age).toEqual([0, 120]);
  });

  it('weeks of pregnancy mean pregnant, not male, 12–55', () => {
    expect(only({ pregnancyWeeks: { atLeast: 20 } })).toMatchObject({
      age: [12, 55],
      pregnancy: new Set(['pregnant']),
      sex: new Set(['female', 'other']),
      pregnancyWeeks: [20, 42],
    });
  });

  it('"early or unknown pregnancy" is two boxes: weeks 1–19, or weeks not answered', () => {
    const boxes = satisfiableBoxes({ is: 'early-or-unknown-pregnancy' });
    expect(boxes.map((box) => [box.pregnancyWeeks, [...box.unanswered]])).toEqual([
      [[1, 19], []],
      [null, ['pregnancyWeeks']],
    ]);
  });

  it('an answer that must be absent cannot also be tested', () => {
    expect(narrow({ ...toBoxes({ unanswered: 'onset' })[0]!, onset: new Set(['sudden']) })).toBeNull();
    expect(narrow(toBoxes({ unanswered: 'onset' })[0]!)).not.toBeNull();
  });
});

describe('one condition implying another (for "shadowed by")', () => {
  it.each<[string, Condition, Condition, boolean]>([
    ['from 20 weeks is pregnant', { is: 'later-pregnancy' }, { is: 'pregnant' }, true],
    ['pregnant is not always from 20 weeks', { is: 'pregnant' }, { is: 'later-pregnancy' }, false],
    [
      'weeks not known is early or unknown',
      all({ is: 'pregnant' }, { unanswered: 'pregnancyWeeks' }),
      { is: 'early-or-unknown-pregnancy' },
      true,
    ],
    ['weeks not known is not from 20 weeks', all({ is: 'pregnant' }, { unanswered: 'pregnancyWeeks' }), { is: 'later-pregnancy' }, false],
    [
      'weeks 1–19 is early or unknown',
      all({ is: 'pregnant' }, { pregnancyWeeks: { below: 20 } }),
      { is: 'early-or-unknown-pregnancy' },
      true,
    ],
    ['a hip replacement is 16 or over', { is: 'hip-replacement' }, { age: { atLeast: 16 } }, true],
    ['wound-problem is a hip replacement', { has: 'wound-problem' }, { is: 'hip-replacement' }, true],
    ['gradual onset is not after an injury', { onset: ['gradual'] }, { is: 'not-after-injury' }, true],
    ['onset not answered is not after an injury', { unanswered: 'onset' }, { is: 'not-after-injury' }, true],
    ['not after an injury is not always sudden', { is: 'not-after-injury' }, { is: 'sudden' }, false],
    ['a child of 9–17 is a child', { age: { atLeast: 9, below: 18 } }, { is: 'child' }, true],
    ['a child is not always 9–17', { is: 'child' }, { age: { atLeast: 9, below: 18 } }, false],
  ])('%s', (_what, a, b, implies) => {
    expect(conditionImplies(a, b)).toBe(implies);
  });
});
