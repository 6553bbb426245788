import { describe, expect, it } from 'vitest';
import { vignettes } from '../../../tests/fixtures/vignettes.ts';
import { policyV3Cases } from '../../../tests/fixtures/policy-v3-cases.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { evaluateRules, firedRules } from './evaluate-rules.ts';
import { ruleSet } from './rule-set.ts';

const fired = (answers: AnswersSoFar) => firedRules(ruleSet, answers).map((rule) => rule.id);
const adult = { age: 40, sex: 'male' } as const;
const woman = (age: number, pregnancy: AnswersSoFar['pregnancy']) => ({ age, sex: 'female', pregnancy }) as const;
const pregnant = (pregnancyWeeks: number) => ({ age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks }) as const;

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
    fires: [
      { ...adult, redFlags: ['cannot-bear-weight'], onset: 'injury' },
      { ...adult, redFlags: ['leg-deformed'], onset: 'injury' },
      { age: 3, sex: 'female', redFlags: ['leg-not-moving'], onset: 'injury' }, // v3
    ],
    missing: [
      { ...adult, redFlags: ['leg-deformed'], onset: 'sudden' },
      { ...adult, redFlags: ['leg-deformed'] },
      { age: 3, sex: 'female', redFlags: ['leg-not-moving'], onset: 'gradual' },
    ],
  },
  'E-fracture-older': {
    fires: [{ age: 65, sex: 'female', redFlags: ['cannot-bear-weight'] }],
    missing: [{ age: 64, sex: 'female', redFlags: ['cannot-bear-weight'] }],
  },
  'E-infection': {
    fires: [{ ...adult, redFlags: ['fever', 'hot-swollen-joint'] }],
    missing: [
      { ...adult, redFlags: ['hot-swollen-joint'] },
      { ...adult, redFlags: ['fever'] },
    ],
  },
  'E-deformity': {
    fires: [
      { age: 65, sex: 'male', redFlags: ['leg-deformed'] },
      { ...adult, redFlags: ['leg-deformed'], onset: 'sudden' },
    ],
    missing: [
      { age: 64, sex: 'male', redFlags: ['leg-deformed'], onset: 'gradual' },
      { age: 80, sex: 'male', redFlags: ['cannot-bear-weight'], onset: 'sudden' },
    ],
  },
  'E-pathological-fracture': {
    fires: [{ ...adult, redFlags: ['cancer-history', 'cannot-bear-weight'] }],
    missing: [
      { ...adult, redFlags: ['cancer-history'] },
      { ...adult, redFlags: ['weight-loss', 'cannot-bear-weight'] },
    ],
  },
  // v3: reads the hipReplacement answer (the risk factor is gone).
  'E-prosthesis': {
    fires: [
      { ...adult, hipReplacement: true, redFlags: ['fever'] },
      { ...adult, hipReplacement: true, redFlags: ['leg-deformed'] },
      { ...adult, hipReplacement: true, redFlags: ['cannot-bear-weight'] },
      { age: 16, sex: 'male', hipReplacement: true, redFlags: ['fever'] },
    ],
    missing: [
      { ...adult, hipReplacement: true, redFlags: ['hot-swollen-joint', 'wound-problem'] },
      { ...adult, hipReplacement: false, redFlags: ['fever'] },
      { ...adult, redFlags: ['fever'] }, // not answered: never fires
    ],
  },
  'E-infection-hip': {
    fires: [{ age: 16, sex: 'male', redFlags: ['fever', 'cannot-bear-weight'] }],
    missing: [
      { age: 15, sex: 'male', redFlags: ['fever', 'cannot-bear-weight'] },
      { ...adult, redFlags: ['fever', 'leg-weakness'] },
    ],
  },
  'E-child-infection': {
    fires: [
      { age: 17, sex: 'male', redFlags: ['fever', 'limp'] },
      { age: 3, sex: 'female', redFlags: ['fever', 'cannot-bear-weight'] },
      { age: 4, sex: 'female', redFlags: ['fever', 'leg-not-moving'] },
    ],
    missing: [
      { age: 18, sex: 'male', redFlags: ['fever', 'cannot-bear-weight'] },
      { age: 5, sex: 'male', redFlags: ['limp'] },
    ],
  },
  'E-child-cannot-walk': {
    fires: [
      { age: 9, sex: 'male', redFlags: ['cannot-bear-weight'] },
      { age: 17, sex: 'female', redFlags: ['cannot-bear-weight'] },
    ],
    missing: [
      { age: 8, sex: 'male', redFlags: ['cannot-bear-weight'] },
      { age: 18, sex: 'female', redFlags: ['cannot-bear-weight'] },
      { age: 12, sex: 'male', redFlags: ['leg-deformed', 'limp'] },
    ],
  },
  'E-infant-fever': {
    fires: [{ age: 0, sex: 'female', redFlags: ['fever'] }],
    missing: [
      { age: 1, sex: 'female', redFlags: ['fever'] },
      { age: 0, sex: 'female', redFlags: ['limp'] },
    ],
  },
  'E-infant-leg': {
    fires: [{ age: 0, sex: 'male', redFlags: ['leg-not-moving'] }],
    missing: [
      { age: 1, sex: 'male', redFlags: ['leg-not-moving'] },
      { age: 0, sex: 'male', redFlags: ['limp'] },
    ],
  },
  'E-nerve': {
    fires: [
      { ...adult, redFlags: ['saddle-numbness'] },
      { ...adult, redFlags: ['bladder-bowel'] },
      { ...adult, redFlags: ['leg-weakness'] },
      { ...adult, redFlags: ['both-legs-nerve-pain'] },
    ],
    missing: [{ ...adult, redFlags: [], symptoms: ['tingling', 'radiates-below-knee'] }],
  },
  'E-chest': { fires: [{ ...adult, redFlags: ['breathless'] }], missing: [{ ...adult, redFlags: ['calf-swelling'] }] },
  'E-very-unwell': { fires: [{ ...adult, redFlags: ['very-unwell'] }], missing: [{ ...adult, redFlags: ['fever'] }] },
  'E-limb': { fires: [{ ...adult, redFlags: ['cold-pale-leg'] }], missing: [{ ...adult, redFlags: ['calf-swelling'] }] },
  // v3: from 20 weeks; before, or with the weeks not known, E-pregnancy-early.
  'E-pregnancy': {
    fires: [
      { ...pregnant(20), redFlags: ['vaginal-bleeding'] },
      { ...pregnant(42), redFlags: ['severe-abdominal-pain'] },
      { ...pregnant(30), redFlags: ['dizziness-fainting'] },
      { ...pregnant(30), redFlags: ['contractions'] },
      { ...pregnant(30), redFlags: ['reduced-movements'] },
      { ...pregnant(30), redFlags: ['waters-breaking'] },
      { ...pregnant(30), redFlags: ['preeclampsia-signs'] },
    ],
    missing: [
      { ...pregnant(19), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'pregnant'), redFlags: ['contractions'] },
      { ...woman(30, 'unsure'), redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'postpartum'), redFlags: ['vaginal-bleeding'] },
      { ...pregnant(30), redFlags: ['burning-urination'] },
    ],
  },
  'E-pregnancy-early': {
    fires: [
      { ...pregnant(19), redFlags: ['vaginal-bleeding'] },
      { ...pregnant(1), redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'pregnant'), redFlags: ['dizziness-fainting'] }, // weeks not known
      { ...woman(30, 'pregnant'), redFlags: ['contractions'] },
      { ...pregnant(8), redFlags: ['reduced-movements'] },
      { ...pregnant(8), redFlags: ['waters-breaking'] },
      { ...pregnant(8), redFlags: ['preeclampsia-signs'] },
    ],
    missing: [
      { ...pregnant(20), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'unsure'), redFlags: ['vaginal-bleeding'] },
      { ...pregnant(8), redFlags: ['burning-urination'] },
    ],
  },
  'E-pregnancy-unsure': {
    fires: [
      { ...woman(30, 'unsure'), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'unsure'), redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'unsure'), redFlags: ['dizziness-fainting'] },
    ],
    missing: [
      { ...woman(30, 'pregnant'), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'unsure'), redFlags: ['burning-urination'] },
    ],
  },
  'E-postpartum': {
    fires: [
      { ...woman(30, 'postpartum'), redFlags: ['vaginal-bleeding'] },
      { ...woman(30, 'postpartum'), redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'postpartum'), redFlags: ['dizziness-fainting'] },
      { ...woman(30, 'postpartum'), redFlags: ['preeclampsia-signs'] },
    ],
    missing: [
      { ...woman(30, 'postpartum'), redFlags: ['burning-urination'] },
      { ...woman(30, 'pregnant'), redFlags: ['vaginal-bleeding'] },
    ],
  },
  'E-abdomen': {
    fires: [
      { ...adult, redFlags: ['severe-abdominal-pain'] },
      { ...woman(30, 'no'), redFlags: ['severe-abdominal-pain'] },
      { age: 6, sex: 'female', redFlags: ['severe-abdominal-pain'] },
    ],
    missing: [{ ...adult, redFlags: ['groin-swelling'] }],
  },
  'E-groin': {
    fires: [
      { ...adult, redFlags: ['groin-swelling'] },
      { age: 70, sex: 'female', redFlags: ['groin-swelling'] },
    ],
    missing: [{ ...adult, redFlags: ['severe-abdominal-pain'], locations: ['groin'] }],
  },
  'U-clot-pregnancy': {
    fires: [
      { ...woman(30, 'pregnant'), redFlags: ['calf-swelling'] },
      { ...woman(30, 'postpartum'), redFlags: ['calf-swelling'] },
    ],
    missing: [{ ...woman(30, 'unsure'), redFlags: ['calf-swelling'] }],
  },
  'U-clot': { fires: [{ ...adult, redFlags: ['calf-swelling'] }], missing: [{ ...adult, redFlags: [] }] },
  'U-pregnancy-infection': {
    fires: [
      { ...woman(30, 'pregnant'), redFlags: ['fever'] },
      { ...woman(30, 'postpartum'), redFlags: ['burning-urination'] },
    ],
    missing: [
      { ...woman(30, 'unsure'), redFlags: ['fever'] },
      { ...woman(30, 'no'), redFlags: ['fever'] },
    ],
  },
  'U-prosthesis': {
    fires: [
      { ...adult, hipReplacement: true, redFlags: ['hot-swollen-joint'] },
      { ...adult, hipReplacement: true, redFlags: ['wound-problem'] },
    ],
    missing: [
      { ...adult, hipReplacement: false, redFlags: ['hot-swollen-joint'] },
      { ...adult, redFlags: ['hot-swollen-joint'] },
      { ...adult, hipReplacement: true, redFlags: ['fever'] },
    ],
  },
  'U-hot-joint': { fires: [{ ...adult, redFlags: ['hot-swollen-joint'] }], missing: [{ ...adult, redFlags: ['fever'] }] },
  'U-child-fever': {
    fires: [
      { age: 17, sex: 'male', redFlags: ['fever'] },
      { age: 1, sex: 'female', redFlags: ['fever'] },
    ],
    missing: [
      { age: 18, sex: 'male', redFlags: ['fever'] },
      { age: 10, sex: 'male', redFlags: ['hot-swollen-joint'] },
    ],
  },
  // v3: child is under 18, so this covers 16 and 17 (U-adolescent-walking is gone).
  'U-child-walking': {
    fires: [
      { age: 17, sex: 'female', redFlags: ['limp'] },
      { age: 16, sex: 'male', redFlags: ['limp'] },
      { age: 0, sex: 'male', redFlags: ['cannot-bear-weight'] },
      { age: 4, sex: 'male', redFlags: ['leg-not-moving'] },
      { age: 10, sex: 'male', redFlags: ['leg-deformed'] },
    ],
    missing: [
      { age: 18, sex: 'female', redFlags: [], symptoms: ['limp'] },
      { age: 18, sex: 'female', redFlags: ['cannot-bear-weight'] },
    ],
  },
  'U-child-stiff-hip': {
    fires: [
      { age: 9, sex: 'male', redFlags: [], symptoms: ['stiff-hip'] },
      { age: 17, sex: 'female', redFlags: [], symptoms: ['stiff-hip'] },
    ],
    missing: [
      { age: 8, sex: 'male', redFlags: [], symptoms: ['stiff-hip'] },
      { age: 18, sex: 'female', redFlags: [], symptoms: ['stiff-hip'] },
      { age: 12, sex: 'male', redFlags: [], symptoms: ['activity-pain'] },
    ],
  },
  'U-infant-injury': {
    fires: [
      { age: 0, sex: 'male', redFlags: [], onset: 'injury' },
      { age: 1, sex: 'female', redFlags: [], onset: 'injury' },
    ],
    missing: [
      { age: 2, sex: 'female', redFlags: [], onset: 'injury' },
      { age: 1, sex: 'female', redFlags: [], onset: 'sudden' },
      { age: 1, sex: 'female', redFlags: [] },
    ],
  },
  'U-child-night-pain': {
    fires: [{ age: 17, sex: 'male', redFlags: [], symptoms: ['rest-pain'] }],
    missing: [
      { age: 18, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      { age: 10, sex: 'male', redFlags: [], symptoms: ['activity-pain'] },
    ],
  },
  'U-child-sudden': {
    fires: [{ age: 17, sex: 'male', redFlags: [], onset: 'sudden' }],
    missing: [
      { age: 18, sex: 'male', redFlags: [], onset: 'sudden' },
      { age: 10, sex: 'male', redFlags: [], onset: 'gradual' },
    ],
  },
  'U-deformity': { fires: [{ ...adult, redFlags: ['leg-deformed'] }], missing: [{ ...adult, redFlags: ['cannot-bear-weight'] }] },
  'U-cannot-bear-weight': { fires: [{ ...adult, redFlags: ['cannot-bear-weight'] }], missing: [{ ...adult, redFlags: ['leg-deformed'] }] },
  'U-injury': {
    fires: [
      { age: 65, sex: 'male', onset: 'injury' },
      { ...adult, onset: 'injury', painScore: 7 },
      { ...adult, onset: 'injury', painScore: 2, symptoms: ['limp'] }, // v3
      { age: 12, sex: 'male', onset: 'injury', redFlags: ['limp'] }, // a limp as a child's red flag
    ],
    missing: [
      { age: 64, sex: 'male', onset: 'injury', painScore: 6 },
      { age: 64, sex: 'male', onset: 'injury' },
      { age: 70, sex: 'male', onset: 'sudden', painScore: 9 },
      { ...adult, onset: 'gradual', symptoms: ['limp'] },
    ],
  },
  'U-fragility-injury': {
    fires: [
      { ...adult, onset: 'injury', riskFactors: ['fragility-fracture'] },
      { ...adult, onset: 'injury', riskFactors: ['steroids'] },
      { ...adult, onset: 'injury', symptoms: ['height-loss'] },
      { ...woman(50, 'no'), onset: 'injury', riskFactors: ['menopause', 'low-weight'] },
    ],
    missing: [
      { ...adult, onset: 'sudden', riskFactors: ['steroids'] },
      { ...woman(50, 'no'), onset: 'injury', riskFactors: ['menopause'] },
    ],
  },
  'U-cancer': {
    fires: [
      { ...adult, redFlags: ['cancer-history'] },
      { ...adult, redFlags: ['weight-loss'] },
    ],
    missing: [{ ...adult, redFlags: [] }],
  },
  'U-young-rest-pain': {
    fires: [
      { age: 18, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      { age: 24, sex: 'female', redFlags: [], symptoms: ['rest-pain'], onset: 'injury' },
    ],
    missing: [
      { age: 25, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      { age: 17, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      { age: 20, sex: 'male', redFlags: [], symptoms: ['stiff-hip'] },
    ],
  },
  // v3: from pain 7 (was 8).
  'U-severe-sudden': {
    fires: [
      { ...adult, onset: 'sudden', painScore: 7 },
      { ...adult, onset: 'sudden', painScore: 10 },
    ],
    missing: [
      { ...adult, onset: 'sudden', painScore: 6 },
      { ...adult, onset: 'sudden' },
      { ...adult, onset: 'gradual', painScore: 10 },
    ],
  },
  'U-sudden-older': {
    fires: [{ age: 65, sex: 'female', redFlags: [], onset: 'sudden' }],
    missing: [
      { age: 64, sex: 'female', redFlags: [], onset: 'sudden' },
      { age: 80, sex: 'female', redFlags: [], onset: 'gradual' },
    ],
  },
  'U-headache-jaw': {
    fires: [
      { age: 50, sex: 'female', redFlags: ['scalp-jaw-headache'] },
      { age: 90, sex: 'male', redFlags: ['scalp-jaw-headache'] },
    ],
    missing: [{ age: 50, sex: 'female', redFlags: ['fever'] }],
  },
  'U-fever': { fires: [{ ...adult, redFlags: ['fever'] }], missing: [{ ...adult, redFlags: ['breathless'] }] },
  'U-urinary': {
    fires: [{ ...woman(30, 'unsure'), redFlags: ['burning-urination'] }],
    missing: [{ ...woman(30, 'unsure'), redFlags: ['fever'] }],
  },
  'S-child': {
    fires: [
      { age: 17, sex: 'other' },
      { age: 0, sex: 'male' },
    ],
    missing: [{ age: 18, sex: 'other' }],
  },
  'S-injury': { fires: [{ ...adult, onset: 'injury' }], missing: [{ ...adult, onset: 'gradual' }, adult] },
  'S-inflammatory': {
    fires: [
      { ...adult, symptoms: ['morning-stiffness'] },
      { ...adult, symptoms: ['several-joints'] },
    ],
    missing: [{ ...adult, symptoms: ['stiff-hip'] }],
  },
  'S-bone-fragility': {
    fires: [
      { ...adult, riskFactors: ['fragility-fracture'] },
      { ...adult, symptoms: ['height-loss'] },
    ],
    missing: [{ ...adult, riskFactors: ['family-osteoporosis'] }],
  },
  'S-pelvic-girdle': {
    fires: [
      { ...woman(30, 'pregnant'), locations: ['pubic'] },
      { ...woman(30, 'postpartum'), symptoms: ['pelvic-pain-moving'] },
    ],
    missing: [
      { ...woman(30, 'unsure'), locations: ['pubic'], symptoms: ['pelvic-pain-moving'] },
      { ...adult, locations: ['pubic'] },
    ],
  },
  'S-stress-fracture': {
    fires: [
      { age: 39, sex: 'female', active: true, symptoms: ['activity-pain'], riskFactors: ['low-weight'] },
      { age: 20, sex: 'female', pregnancy: 'no', active: true, symptoms: ['activity-pain'], riskFactors: ['menopause'] },
    ],
    missing: [
      { age: 40, sex: 'female', active: true, symptoms: ['activity-pain'], riskFactors: ['low-weight'] },
      { age: 30, sex: 'female', active: false, symptoms: ['activity-pain'], riskFactors: ['low-weight'] },
      { age: 30, sex: 'female', symptoms: ['activity-pain'], riskFactors: ['low-weight'] }, // active not answered
      { age: 30, sex: 'female', active: true, symptoms: ['rest-pain'], riskFactors: ['low-weight'] },
      { age: 30, sex: 'female', active: true, symptoms: ['activity-pain'], riskFactors: ['smoking'] },
    ],
  },
  // v3: from 18, and not after an injury (true when onset was not answered).
  'S-advanced-wear': {
    fires: [
      { age: 18, sex: 'male', symptoms: ['rest-pain'] },
      { ...adult, symptoms: ['limp'], onset: 'gradual' },
      { ...adult, symptoms: ['stiff-hip'], onset: 'sudden' },
    ],
    missing: [
      { age: 17, sex: 'male', symptoms: ['stiff-hip'] },
      { age: 17, sex: 'male', redFlags: ['limp'] },
      { ...adult, symptoms: ['rest-pain'], onset: 'injury' },
      { ...adult, redFlags: ['leg-deformed'] },
    ],
  },
  'S-sudden': {
    fires: [{ ...adult, onset: 'sudden' }],
    missing: [{ ...adult, onset: 'gradual' }, { ...adult, onset: 'injury' }, adult],
  },
  'S-severe-pain': { fires: [{ ...adult, painScore: 8 }], missing: [{ ...adult, painScore: 7 }, adult] },
  'R-pregnancy': { fires: [woman(30, 'pregnant')], missing: [woman(30, 'unsure')] },
  'R-sciatica': {
    fires: [
      { ...adult, locations: ['buttock'], symptoms: ['tingling'] },
      { ...adult, locations: ['lower-back'], symptoms: ['radiates-below-knee'] },
    ],
    missing: [
      { ...adult, locations: ['thigh'], symptoms: ['tingling'] },
      { ...adult, locations: ['buttock'] },
    ],
  },
  'R-labral': {
    fires: [
      { age: 16, sex: 'male', symptoms: ['clicking-locking'] },
      { age: 49, sex: 'male', symptoms: ['clicking-locking'] },
    ],
    missing: [
      { age: 15, sex: 'male', symptoms: ['clicking-locking'] },
      { age: 50, sex: 'male', symptoms: ['clicking-locking'] },
    ],
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
      { age: 65, sex: 'other' },
      { age: 70, sex: 'male' },
      { ...adult, riskFactors: ['steroids'] },
      { ...woman(50, 'no'), riskFactors: ['menopause', 'smoking'] },
      { ...woman(50, 'no'), riskFactors: ['menopause', 'family-osteoporosis'] },
    ],
    missing: [
      { age: 64, sex: 'female' },
      { age: 69, sex: 'male' },
      { age: 64, sex: 'other' },
      { ...woman(50, 'no'), riskFactors: ['menopause'] },
    ],
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

/**
 * The emergencies and urgent cases that policy v1, implemented exactly, let through
 * (issue: "Clinical policy v2"), each with what v3 gives (v3 changed who the person
 * after birth and the 16-year-old see first, and reads the hip replacement question).
 */
describe('what v1 got wrong, v2 and v3 get right', () => {
  const cases: [string, AnswersSoFar, { urgency: string; specialist: string; reason: string }][] = [
    [
      '80-year-old, leg suddenly looks shorter, no fall',
      { age: 80, sex: 'female', redFlags: ['leg-deformed'], onset: 'sudden' },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-deformity' },
    ],
    [
      'after birth, heavy bleeding (v3: the emergency department first)',
      { age: 29, sex: 'female', pregnancy: 'postpartum', redFlags: ['vaginal-bleeding'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-postpartum' },
    ],
    [
      'after birth, pre-eclampsia signs (v3: the emergency department first)',
      { age: 29, sex: 'female', pregnancy: 'postpartum', redFlags: ['preeclampsia-signs'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-postpartum' },
    ],
    [
      'pain or tingling down both legs',
      { age: 44, sex: 'male', redFlags: ['both-legs-nerve-pain'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-nerve' },
    ],
    [
      'difficulty passing urine',
      { age: 44, sex: 'male', redFlags: ['bladder-bowel'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-nerve' },
    ],
    [
      'adult with fever who cannot bear weight',
      { age: 40, sex: 'male', redFlags: ['fever', 'cannot-bear-weight'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-infection-hip' },
    ],
    [
      'a baby with fever',
      { age: 0, sex: 'male', redFlags: ['fever'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-infant-fever' },
    ],
    [
      'unsure if pregnant, feeling faint',
      { age: 24, sex: 'female', pregnancy: 'unsure', redFlags: ['dizziness-fainting'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-pregnancy-unsure' },
    ],
    [
      'unsure if pregnant, bleeding',
      { age: 24, sex: 'female', pregnancy: 'unsure', redFlags: ['vaginal-bleeding'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-pregnancy-unsure' },
    ],
    [
      'child with night pain',
      { age: 9, sex: 'male', redFlags: [], symptoms: ['rest-pain'] },
      { urgency: 'urgent', specialist: 'pediatric-orthopedist', reason: 'U-child-night-pain' },
    ],
    [
      'child with sudden pain',
      { age: 9, sex: 'male', redFlags: [], onset: 'sudden' },
      { urgency: 'urgent', specialist: 'pediatric-orthopedist', reason: 'U-child-sudden' },
    ],
    [
      'child with a turned-out leg',
      { age: 9, sex: 'male', redFlags: ['leg-deformed'] },
      { urgency: 'urgent', specialist: 'pediatric-orthopedist', reason: 'U-child-walking' },
    ],
    [
      "16-year-old with a new limp (v3: a child, children's bone doctor first)",
      { age: 16, sex: 'female', redFlags: ['limp'] },
      { urgency: 'urgent', specialist: 'pediatric-orthopedist', reason: 'U-child-walking' },
    ],
    [
      'hip replacement with a fever (v3: the hip replacement question)',
      { age: 70, sex: 'male', hipReplacement: true, redFlags: ['fever'] },
      { urgency: 'emergency', specialist: 'emergency-department', reason: 'E-prosthesis' },
    ],
  ];
  it.each(cases)('%s', (_title, answers, want) => {
    const result = evaluateRules(ruleSet, answers);
    expect(result.urgency).toBe(want.urgency);
    expect(result.specialist).toBe(want.specialist);
    expect(result.reasons).toContain(want.reason);
  });
});

/** Issue 18's cases (tests/fixtures/policy-v3-cases.json): where v2 gave the wrong advice, worked out from the policy tables. */
describe('the policy v3 cases', () => {
  it.each(policyV3Cases.map((c) => [c.title, c] as const))('%s', (_title, { answers, expected }) => {
    const { urgency, specialist } = evaluateRules(ruleSet, answers);
    expect({ urgency, specialist }).toEqual(expected);
  });
});

/** Policy v3, "What changed from v2", one example for each change that the rules make. */
describe('what changed in v3', () => {
  it('an emergency result takes alsoConsider and content from emergency rules only (reasons still list every fired rule)', () => {
    const result = evaluateRules(ruleSet, { ...pregnant(30), redFlags: ['vaginal-bleeding'], locations: ['pubic'] });
    expect(result).toEqual({
      urgency: 'emergency',
      specialist: 'obstetrician',
      alsoConsider: ['emergency-department'],
      content: [],
      reasons: ['E-pregnancy', 'S-pelvic-girdle', 'R-pregnancy'],
    });
    // An urgent result still names every fired rule's specialist and reading.
    const urgent = evaluateRules(ruleSet, { ...pregnant(30), redFlags: ['calf-swelling'], locations: ['pubic'] });
    expect(urgent.alsoConsider).toEqual(['gp', 'physiotherapist']); // U-clot, S-pelvic-girdle and R-pregnancy
    expect(urgent.content).toEqual(['hip-pain-pregnancy']);
  });

  it("a child is under 18: a 17-year-old who fell sees the children's bone doctor first (S-child before S-injury)", () => {
    expect(evaluateRules(ruleSet, { age: 17, sex: 'male', redFlags: [], onset: 'injury', painScore: 3 })).toMatchObject({
      urgency: 'soon',
      specialist: 'pediatric-orthopedist',
      alsoConsider: ['orthopedist'],
      reasons: ['S-child', 'S-injury'],
    });
    expect(evaluateRules(ruleSet, { age: 18, sex: 'male', redFlags: [], onset: 'injury', painScore: 3 })).toMatchObject({
      urgency: 'soon',
      specialist: 'orthopedist',
    });
  });

  it('sudden pain without an injury is never "none of the warning signs" (S-sudden)', () => {
    expect(evaluateRules(ruleSet, { ...adult, redFlags: [], onset: 'sudden', painScore: 2 })).toMatchObject({
      urgency: 'soon',
      specialist: 'gp',
      reasons: ['S-sudden'],
    });
  });

  it('wear at rest is "not after an injury": an injury gives S-injury alone, an unanswered onset the safer S-advanced-wear', () => {
    expect(fired({ ...adult, onset: 'injury', symptoms: ['rest-pain'] })).toEqual(['S-injury']);
    expect(fired({ ...adult, symptoms: ['rest-pain'] })).toEqual(['S-advanced-wear']);
  });

  it('weeks of pregnancy: from 20 the maternity unit first, before 20 or not known the emergency department first', () => {
    const first = (answers: AnswersSoFar) => evaluateRules(ruleSet, answers).specialist;
    expect(first({ ...pregnant(20), redFlags: ['reduced-movements'] })).toBe('obstetrician');
    expect(first({ ...pregnant(19), redFlags: ['reduced-movements'] })).toBe('emergency-department');
    expect(first({ ...woman(30, 'pregnant'), redFlags: ['reduced-movements'] })).toBe('emergency-department');
  });

  it('the hip replacement risk factor is gone: only the hipReplacement answer counts', () => {
    expect(fired({ ...adult, hipReplacement: true, redFlags: ['fever'] })).toContain('E-prosthesis');
    expect(fired({ ...adult, hipReplacement: false, redFlags: ['fever'] })).not.toContain('E-prosthesis');
  });
});
