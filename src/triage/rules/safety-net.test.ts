// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { evaluateRules } from './evaluate-rules.ts';
import { instructionOf } from './instruction.ts';
import { pregnancyStage } from './pregnancy-stage.ts';
import { reasonsShown } from './reasons-shown.ts';
import { ruleSet } from './rule-set.ts';
import { safetyNetOf } from './safety-net.ts';

/**
 * What a result tells the person besides who to see (policy §2, v3), on examples worked
 * out from the policy's words: the "call now if" lines of its table, the same-day step
 * for soon and routine, the pregnancy lines, the instruction's wording and the reasons
 * shown as "why". The property tests (tests/unit/safety-properties.test.ts) check the
 * same against every generated answer.
 */
const netOf = (answers: AnswersSoFar) => safetyNetOf(ruleSet, evaluateRules(ruleSet, answers), answers);
const adult = { age: 40, sex: 'male', hipReplacement: false } as const;
const pregnant = (pregnancyWeeks?: number) =>
  ({ age: 30, sex: 'female', pregnancy: 'pregnant', ...(pregnancyWeeks !== undefined && { pregnancyWeeks }) }) as const;

describe('safety-netting: the "call now if" lines of the policy table', () => {
  it.each<[string, AnswersSoFar, string[]]>([
    ['a clot (U-clot)', { ...adult, redFlags: ['calf-swelling'] }, ['breathless-chest-pain']],
    ['cancer or weight loss (U-cancer)', { ...adult, redFlags: ['weight-loss'] }, ['legs-weak-or-urine-changes']],
    ['back or buttock pain, whatever fired', { ...adult, redFlags: [], locations: ['lower-back'], onset: 'gradual' }, ['back-nerves']],
    ['sciatica (R-sciatica)', { ...adult, redFlags: [], locations: ['buttock'], symptoms: ['tingling'] }, ['back-nerves']],
    ['a fever from 18 (U-fever)', { age: 18, sex: 'male', redFlags: ['fever'] }, ['very-unwell']],
    [
      'a fever at 17 (U-child-fever, and S-child)',
      { age: 17, sex: 'male', redFlags: ['fever'] },
      ['child-very-unwell', 'child-fever-or-stops-walking'],
    ],
    ['a child with a limp (U-child-walking)', { age: 8, sex: 'female', redFlags: ['limp'] }, ['child-fever-or-stops-walking']],
    ['a baby after a fall (U-infant-injury)', { age: 1, sex: 'female', redFlags: [], onset: 'injury' }, ['child-fever-or-stops-walking']],
    ['any child (S-child)', { age: 12, sex: 'male', redFlags: [] }, ['child-fever-or-stops-walking']],
    ['a fall at 70 (U-injury)', { age: 70, sex: 'female', redFlags: [], onset: 'injury' }, ['leg-cold-or-severe-pain']],
    [
      'a weeping replaced hip (U-prosthesis)',
      { age: 70, sex: 'female', hipReplacement: true, redFlags: ['wound-problem'] },
      ['replaced-hip-fever-or-weight'],
    ],
    ['a hot joint (U-hot-joint)', { ...adult, redFlags: ['hot-swollen-joint'] }, ['fever-or-unwell']],
    [
      'sudden pain at 70 (U-sudden-older, S-sudden)',
      { age: 70, sex: 'male', redFlags: [], onset: 'sudden' },
      ['fever-or-unwell', 'sudden-worse'],
    ],
    [
      'rest pain at 20 (U-young-rest-pain)',
      { age: 20, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      ['severe-or-cannot-bear-weight'],
    ],
    ['a new headache from 50 (U-headache-jaw)', { age: 50, sex: 'male', redFlags: ['scalp-jaw-headache'] }, ['vision-change']],
    ['sudden pain (S-sudden)', { ...adult, redFlags: [], onset: 'sudden', painScore: 3 }, ['sudden-worse']],
    ['nothing ticked (R-default)', { ...adult, redFlags: [], onset: 'gradual' }, []],
  ])('%s', (_what, answers, lines) => {
    expect(netOf(answers).callNowIf).toEqual(lines);
  });

  it('lists each line once, in table order, however many rules name it', () => {
    const answers: AnswersSoFar = {
      age: 60,
      sex: 'female',
      hipReplacement: false,
      redFlags: ['calf-swelling', 'weight-loss', 'leg-deformed', 'hot-swollen-joint', 'scalp-jaw-headache'],
      locations: ['buttock'],
      onset: 'gradual',
    };
    expect(evaluateRules(ruleSet, answers).urgency).toBe('urgent');
    expect(netOf(answers).callNowIf).toEqual([
      'breathless-chest-pain',
      'legs-weak-or-urine-changes',
      'back-nerves',
      'leg-cold-or-severe-pain',
      'fever-or-unwell',
      'vision-change',
    ]);
  });
});

describe('safety-netting: the rest of it', () => {
  it('an emergency result has none of it: its instruction is the call', () => {
    expect(netOf({ ...pregnant(30), redFlags: ['vaginal-bleeding'], locations: ['lower-back'] })).toEqual({
      callNow: false,
      callNowIf: [],
      warningSigns: [],
      sameDay: false,
    });
  });

  it('urgent: "call now if" with the warning signs shown, no same-day step', () => {
    const net = netOf({ ...adult, redFlags: ['fever'] });
    expect(net).toMatchObject({ callNow: true, sameDay: false });
    expect(net.warningSigns).toContain('groin-swelling');
    expect(net.warningSigns).not.toContain('wound-problem');
  });

  it.each(['soon', 'routine'])('%s: the same-day step too', (urgency) => {
    const answers: AnswersSoFar = urgency === 'soon' ? { ...adult, redFlags: [], onset: 'injury' } : { ...adult, redFlags: [] };
    expect(evaluateRules(ruleSet, answers).urgency).toBe(urgency);
    expect(netOf(answers)).toMatchObject({ callNow: true, sameDay: true });
  });

  it('the warning signs are those this person was shown (v3: by age and by the hip replacement answer)', () => {
    const older = netOf({ age: 70, sex: 'male', hipReplacement: true, redFlags: [], onset: 'gradual' }).warningSigns;
    expect(older).toEqual(expect.arrayContaining(['scalp-jaw-headache', 'wound-problem', 'severe-abdominal-pain', 'groin-swelling']));
    expect(older).not.toContain('limp');
    const toddler = netOf({ age: 3, sex: 'female', redFlags: [] }).warningSigns;
    expect(toddler).toEqual(expect.arrayContaining(['limp', 'leg-not-moving']));
    expect(toddler).not.toContain('scalp-jaw-headache');
    expect(toddler).not.toContain('vaginal-bleeding');
  });

  it.each<[string, AnswersSoFar, string | undefined]>([
    ['from 20 weeks: the maternity line', { ...pregnant(20), redFlags: [] }, 'maternity-pregnant'],
    ['at 19 weeks: the early-pregnancy line', { ...pregnant(19), redFlags: [] }, 'early-pregnancy'],
    ['weeks not known: the early-pregnancy line', { ...pregnant(), redFlags: [] }, 'early-pregnancy'],
    [
      'after birth: the maternity line (after birth)',
      { age: 30, sex: 'female', pregnancy: 'postpartum', redFlags: [] },
      'maternity-postpartum',
    ],
    ['unsure: none', { age: 30, sex: 'female', pregnancy: 'unsure', redFlags: [] }, undefined],
    ['not pregnant: none', { age: 30, sex: 'female', pregnancy: 'no', redFlags: [] }, undefined],
  ])('%s', (_what, answers, line) => {
    expect(netOf(answers).pregnancyLine).toBe(line);
  });

  it.each<[string, AnswersSoFar, string | undefined]>([
    ['unsure: "you might be pregnant"', { age: 30, sex: 'female', pregnancy: 'unsure', redFlags: [] }, 'may-be-pregnant'],
    [
      'not pregnant, sudden pain, 12–55: "any chance"',
      { age: 55, sex: 'other', pregnancy: 'no', redFlags: [], onset: 'sudden' },
      'any-chance',
    ],
    ['not pregnant, gradual pain', { age: 30, sex: 'female', pregnancy: 'no', redFlags: [], onset: 'gradual' }, undefined],
    ['sudden pain, male', { age: 30, sex: 'male', redFlags: [], onset: 'sudden' }, undefined],
    ['sudden pain at 56 (not asked about pregnancy)', { age: 56, sex: 'female', redFlags: [], onset: 'sudden' }, undefined],
    ['pregnant, sudden pain', { ...pregnant(12), redFlags: [], onset: 'sudden' }, undefined],
  ])('%s', (_what, answers, note) => {
    expect(netOf(answers).pregnancyNote).toBe(note);
  });
});

describe('the instruction for the urgency and the pregnancy stage (policy §2, v3)', () => {
  const instruction = (answers: AnswersSoFar) => instructionOf(evaluateRules(ruleSet, answers), answers);
  it.each<[string, AnswersSoFar, string]>([
    ['emergency from 20 weeks: "or your maternity unit"', { ...pregnant(20), redFlags: ['contractions'] }, 'laterPregnancyInstruction'],
    ['emergency before 20 weeks', { ...pregnant(19), redFlags: ['contractions'] }, 'instruction'],
    ['emergency after birth', { age: 30, sex: 'female', pregnancy: 'postpartum', redFlags: ['vaginal-bleeding'] }, 'instruction'],
    ['urgent from 20 weeks: the maternity unit today', { ...pregnant(20), redFlags: ['fever'] }, 'laterPregnancyInstruction'],
    [
      'urgent after birth: the maternity unit or the family doctor',
      { age: 30, sex: 'female', pregnancy: 'postpartum', redFlags: ['fever'] },
      'postpartumInstruction',
    ],
    ['urgent, weeks not known: "tell them you are pregnant"', { ...pregnant(), redFlags: ['fever'] }, 'earlyPregnancyInstruction'],
    ['urgent, unsure', { age: 30, sex: 'female', pregnancy: 'unsure', redFlags: ['fever'] }, 'instruction'],
    ['soon from 20 weeks', { ...pregnant(25), redFlags: [], locations: ['pubic'] }, 'instruction'],
    ['routine', { ...adult, redFlags: [] }, 'instruction'],
  ])('%s', (_what, answers, key) => {
    expect(instruction(answers)).toBe(key);
  });

  it('reads the pregnancy stage from 20 weeks', () => {
    expect(pregnancyStage(pregnant(20))).toBe('later');
    expect(pregnancyStage(pregnant(19))).toBe('early-or-unknown');
    expect(pregnancyStage(pregnant())).toBe('early-or-unknown');
    expect(pregnancyStage({ age: 30, sex: 'female', pregnancy: 'postpartum' })).toBe('postpartum');
    expect(pregnancyStage({ age: 30, sex: 'female', pregnancy: 'unsure' })).toBeUndefined();
  });
});

describe('the reasons shown as "why" (policy §2, v3)', () => {
  it('an urgent result: the urgent reasons, then the others under "other things we noticed"', () => {
    const result = evaluateRules(ruleSet, { age: 70, sex: 'female', hipReplacement: false, redFlags: ['weight-loss'], onset: 'injury' });
    expect(result.reasons).toEqual(['U-injury', 'U-cancer', 'S-injury', 'R-bone-screen']);
    expect(reasonsShown(ruleSet, result)).toEqual({ why: ['U-injury', 'U-cancer'], otherThings: ['S-injury', 'R-bone-screen'] });
  });

  it('an emergency result: only the emergency reasons, nothing lower', () => {
    const result = evaluateRules(ruleSet, { ...pregnant(8), redFlags: ['vaginal-bleeding', 'fever'] });
    expect(reasonsShown(ruleSet, result)).toEqual({ why: ['E-pregnancy-early'], otherThings: [] });
  });

  it('a routine result with an "adds" rule: both routine, both "why"', () => {
    const result = evaluateRules(ruleSet, { age: 68, sex: 'female', redFlags: [] });
    expect(reasonsShown(ruleSet, result)).toEqual({ why: ['R-bone-screen', 'R-default'], otherThings: [] });
  });
});
