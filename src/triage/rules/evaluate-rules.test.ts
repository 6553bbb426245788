import { describe, expect, it } from 'vitest';
import { vignettes } from '../../../tests/fixtures/vignettes.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { evaluateRules, firedRules } from './evaluate-rules.ts';
import { ruleSet } from './rule-set.ts';

const fired = (answers: AnswersSoFar) => firedRules(ruleSet, answers).map((rule) => rule.id);
const adult = { age: 40, sex: 'male' } as const;
const woman = (age: number, pregnancy: AnswersSoFar['pregnancy']) => ({ age, sex: 'female', pregnancy }) as const;

describe('worked cases from the policy', () => {
  it.each(vignettes.map((v) => [v.title, v] as const))('%s', (_title, vignette) => {
    expect(evaluateRules(ruleSet, vignette.answers)).toEqual(vignette.expected);
  });
});

/**
 * Each rule of policy §3, with answers that make it fire and a near miss that does
 * not (boundaries of every threshold included). The last test makes sure no rule
 * goes without a case here.
 */
const ruleCases: Record<string, { fires: AnswersSoFar[]; missing: AnswersSoFar[] }> = {
  'E-fracture': {
    fires: [{ ...adult, redFlags: ['cannot-bear-weight'], onset: 'injury' }, { ...adult, redFlags: ['leg-deformed'], onset: 'injury' }],
    missing: [{ ...adult, redFlags: ['leg-deformed'], onset: 'sudden' }, { ...adult, redFlags: ['leg-deformed'] }],
  },
  'E-fracture-older': {
    fires: [{ age: 65, sex: 'female', redFlags: ['cannot-bear-weight'] }],
    missing: [{ age: 64, sex: 'female', redFlags: ['cannot-bear-weight'] }],
  },
  'E-infection': {
    fires: [{ ...adult, redFlags: ['fever', 'hot-swollen-joint'] }],
    missing: [{ ...adult, redFlags: ['hot-swollen-joint'] }, { ...adult, redFlags: ['fever'] }],
  },
  'E-child-infection': {
    fires: [{ age: 15, sex: 'male', redFlags: ['fever', 'limp'] }, { age: 3, sex: 'female', redFlags: ['fever', 'cannot-bear-weight'] }],
    missing: [{ age: 16, sex: 'male', redFlags: ['fever', 'cannot-bear-weight'] }, { age: 5, sex: 'male', redFlags: ['limp'] }],
  },
  'E-nerve': {
    fires: [{ ...adult, redFlags: ['saddle-numbness'] }, { ...adult, redFlags: ['bladder-bowel'] }, { ...adult, redFlags: ['leg-weakness'] }],
    missing: [{ ...adult, redFlags: [], symptoms: ['tingling'] }],
  },
  'E-chest': { fires: [{ ...adult, redFlags: ['breathless'] }], missing: [{ ...adult, redFlags: ['calf-swelling'] }] },
  'E-pregnancy': {
    fires: [
      { ...woman(30, 'pregnant'), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'unsure'), redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'pregnant'), redFlags: ['dizziness-fainting'] },
      { ...woman(30, 'pregnant'), redFlags: ['contractions'] },
      { ...woman(30, 'pregnant'), redFlags: ['reduced-movements'] },
    ],
    missing: [{ ...woman(30, 'postpartum'), redFlags: ['burning-urination'] }, { ...woman(30, 'pregnant'), redFlags: ['burning-urination'] }],
  },
  'U-clot-pregnancy': {
    fires: [{ ...woman(30, 'pregnant'), redFlags: ['calf-swelling'] }, { ...woman(30, 'postpartum'), redFlags: ['calf-swelling'] }],
    missing: [{ ...woman(30, 'unsure'), redFlags: ['calf-swelling'] }],
  },
  'U-clot': { fires: [{ ...adult, redFlags: ['calf-swelling'] }], missing: [{ ...adult, redFlags: [] }] },
  'U-pregnancy-infection': {
    fires: [{ ...woman(30, 'pregnant'), redFlags: ['fever'] }, { ...woman(30, 'postpartum'), redFlags: ['burning-urination'] }],
    missing: [{ ...woman(30, 'unsure'), redFlags: ['fever'] }, { ...woman(30, 'no'), redFlags: ['fever'] }],
  },
  'U-hot-joint': { fires: [{ ...adult, redFlags: ['hot-swollen-joint'] }], missing: [{ ...adult, redFlags: ['fever'] }] },
  'U-child-walking': {
    fires: [{ age: 15, sex: 'female', redFlags: ['limp'] }, { age: 0, sex: 'male', redFlags: ['cannot-bear-weight'] }],
    missing: [{ age: 16, sex: 'female', symptoms: ['limp'] }],
  },
  'U-cannot-bear-weight': { fires: [{ ...adult, redFlags: ['cannot-bear-weight'] }], missing: [{ ...adult, redFlags: ['leg-deformed'] }] },
  'U-injury': {
    fires: [{ age: 65, sex: 'male', onset: 'injury' }, { ...adult, onset: 'injury', painScore: 7 }],
    missing: [{ age: 64, sex: 'male', onset: 'injury', painScore: 6 }, { age: 70, sex: 'male', onset: 'sudden', painScore: 9 }],
  },
  'U-cancer': {
    fires: [{ ...adult, redFlags: ['cancer-history'] }, { ...adult, redFlags: ['weight-loss'] }],
    missing: [{ ...adult, redFlags: [] }],
  },
  'U-fever': { fires: [{ ...adult, redFlags: ['fever'] }], missing: [{ ...adult, redFlags: ['breathless'] }] },
  'U-urinary': {
    fires: [{ ...woman(30, 'unsure'), redFlags: ['burning-urination'] }],
    missing: [{ ...woman(30, 'unsure'), redFlags: ['fever'] }],
  },
  'S-injury': { fires: [{ ...adult, onset: 'injury' }], missing: [{ ...adult, onset: 'gradual' }] },
  'S-inflammatory': {
    fires: [{ ...adult, symptoms: ['morning-stiffness'] }, { ...adult, symptoms: ['several-joints'] }],
    missing: [{ ...adult, symptoms: ['stiff-hip'] }],
  },
  'S-bone-fragility': {
    fires: [{ ...adult, riskFactors: ['fragility-fracture'] }, { ...adult, symptoms: ['height-loss'] }],
    missing: [{ ...adult, riskFactors: ['family-osteoporosis'] }],
  },
  'S-pelvic-girdle': {
    fires: [{ ...woman(30, 'pregnant'), locations: ['pubic'] }, { ...woman(30, 'postpartum'), symptoms: ['pelvic-pain-moving'] }],
    missing: [{ ...woman(30, 'unsure'), locations: ['pubic'], symptoms: ['pelvic-pain-moving'] }, { ...adult, locations: ['pubic'] }],
  },
  'S-child': { fires: [{ age: 15, sex: 'other' }], missing: [{ age: 16, sex: 'other' }] },
  'S-advanced-wear': {
    fires: [
      { age: 16, sex: 'male', symptoms: ['rest-pain'] },
      { ...adult, symptoms: ['limp'] },
      { ...adult, symptoms: ['stiff-hip'] },
      { ...adult, redFlags: ['leg-deformed'] },
    ],
    missing: [{ age: 15, sex: 'male', symptoms: ['rest-pain'] }],
  },
  'S-severe-pain': { fires: [{ ...adult, painScore: 8 }], missing: [{ ...adult, painScore: 7 }, adult] },
  'R-pregnancy': { fires: [woman(30, 'pregnant')], missing: [woman(30, 'unsure')] },
  'R-sciatica': {
    fires: [{ ...adult, locations: ['buttock'], symptoms: ['tingling'] }, { ...adult, locations: ['lower-back'], symptoms: ['radiates-below-knee'] }],
    missing: [{ ...adult, locations: ['thigh'], symptoms: ['tingling'] }, { ...adult, locations: ['buttock'] }],
  },
  'R-labral': {
    fires: [{ age: 16, sex: 'male', symptoms: ['clicking-locking'] }, { age: 49, sex: 'male', symptoms: ['clicking-locking'] }],
    missing: [{ age: 15, sex: 'male', symptoms: ['clicking-locking'] }, { age: 50, sex: 'male', symptoms: ['clicking-locking'] }],
  },
  'R-labral-older': {
    fires: [{ age: 50, sex: 'male', symptoms: ['clicking-locking'] }],
    missing: [{ age: 49, sex: 'male', symptoms: ['clicking-locking'] }],
  },
  'R-impingement-active': {
    fires: [{ age: 16, sex: 'male', active: true, locations: ['groin'], symptoms: ['activity-pain'] }],
    missing: [
      { age: 16, sex: 'male', active: false, locations: ['groin'], symptoms: ['activity-pain'] },
      { age: 50, sex: 'male', active: true, locations: ['groin'], symptoms: ['activity-pain'] },
      { age: 30, sex: 'male', active: true, locations: ['thigh'], symptoms: ['activity-pain'] },
    ],
  },
  'R-wear': {
    fires: [{ age: 40, sex: 'male', locations: ['groin'], symptoms: ['activity-pain'] }],
    missing: [{ age: 39, sex: 'male', locations: ['groin'], symptoms: ['activity-pain'] }],
  },
  'R-lateral': {
    fires: [{ ...adult, locations: ['outer-hip'], symptoms: ['lying-on-side'] }],
    missing: [{ ...adult, locations: ['groin'], symptoms: ['lying-on-side'] }],
  },
  'R-postpartum': { fires: [woman(30, 'postpartum')], missing: [woman(30, 'no')] },
  'R-pregnancy-unsure': { fires: [woman(30, 'unsure')], missing: [woman(30, 'pregnant')] },
  'R-bone-screen': {
    fires: [
      { age: 65, sex: 'female' },
      { age: 70, sex: 'male' },
      { ...adult, riskFactors: ['steroids'] },
      { ...woman(50, 'no'), riskFactors: ['menopause', 'smoking'] },
      { ...woman(50, 'no'), riskFactors: ['menopause', 'family-osteoporosis'] },
    ],
    missing: [{ age: 64, sex: 'female' }, { age: 69, sex: 'male' }, { age: 80, sex: 'other' }, { ...woman(50, 'no'), riskFactors: ['menopause'] }],
  },
  'R-default': { fires: [adult, { age: 80, sex: 'female' }], missing: [{ ...adult, painScore: 8 }] },
};

describe('every rule of the policy', () => {
  it.each(Object.entries(ruleCases))('%s fires when its condition holds, and not on a near miss', (id, { fires, missing }) => {
    for (const answers of fires) expect(fired(answers), JSON.stringify(answers)).toContain(id);
    for (const answers of missing) expect(fired(answers), JSON.stringify(answers)).not.toContain(id);
  });

  it('has a case for each rule in the rule files, and no case for a rule that does not exist', () => {
    expect(Object.keys(ruleCases).sort()).toEqual(ruleSet.rules.map((rule) => rule.id).sort());
  });
});

describe('combination semantics', () => {
  it('takes the highest urgency, and the first fired rule of that urgency as the specialist', () => {
    const result = evaluateRules(ruleSet, { ...adult, redFlags: ['fever', 'calf-swelling'], painScore: 9 });
    expect(result.urgency).toBe('urgent');
    expect(result.specialist).toBe('gp');
    expect(result.reasons).toEqual(['U-clot', 'U-fever', 'S-severe-pain']);
  });

  it('never lets an "adds" rule set the primary: a woman of 70 with nothing else sees a GP first', () => {
    const result = evaluateRules(ruleSet, { age: 70, sex: 'female', redFlags: [] });
    expect(result).toMatchObject({ urgency: 'routine', specialist: 'gp', alsoConsider: ['endocrinologist', 'physiotherapist'] });
  });

  it('keeps the primary out of alsoConsider and lists no specialist twice', () => {
    const result = evaluateRules(ruleSet, { age: 70, sex: 'male', onset: 'injury', redFlags: ['cannot-bear-weight', 'leg-deformed'] });
    expect(result.alsoConsider).not.toContain(result.specialist);
    expect(new Set(result.alsoConsider).size).toBe(result.alsoConsider.length);
  });

  it('does not treat an absent answer as matching: no pain score, no severe-pain rule', () => {
    expect(fired({ ...adult })).toEqual(['R-default']);
  });
});
