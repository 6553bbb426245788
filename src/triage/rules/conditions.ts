import { CHILD_AGE_BELOW, LATER_PREGNANCY_WEEKS_FROM } from '../catalogue.ts';

/**
 * Named conditions from the policy's definitions (§3). Rules use them as
 * `is: child`; the wizard's "asked when" uses the same age thresholds.
 */
export const DEFINITIONS = {
  child: { age: { below: CHILD_AGE_BELOW } },
  pregnant: { pregnancy: ['pregnant'] },
  // v3: from 20 weeks the maternity unit leads; before, or with the weeks not known, the emergency department.
  'later-pregnancy': { all: [{ pregnancy: ['pregnant'] }, { pregnancyWeeks: { atLeast: LATER_PREGNANCY_WEEKS_FROM } }] },
  'early-or-unknown-pregnancy': {
    all: [
      { pregnancy: ['pregnant'] },
      { any: [{ pregnancyWeeks: { below: LATER_PREGNANCY_WEEKS_FROM } }, { unanswered: 'pregnancyWeeks' }] },
    ],
  },
  peripartum: { pregnancy: ['pregnant', 'postpartum'] },
  postpartum: { pregnancy: ['postpartum'] },
  injury: { onset: ['injury'] },
  // v3: true when onset was not answered (the safer reading).
  'not-after-injury': { any: [{ onset: ['sudden', 'gradual'] }, { unanswered: 'onset' }] },
  sudden: { onset: ['sudden'] },
  'hip-replacement': { hipReplacement: true },
  'fragility-risk': {
    any: [
      { hasAny: ['fragility-fracture', 'steroids', 'height-loss'] },
      { all: [{ has: 'menopause' }, { hasAny: ['smoking', 'alcohol', 'low-weight', 'family-osteoporosis'] }] },
    ],
  },
} as const;

export type DefinitionName = keyof typeof DEFINITIONS;
export const DEFINITION_NAMES = Object.keys(DEFINITIONS) as [DefinitionName, ...DefinitionName[]];
