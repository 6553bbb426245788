import { CHILD_AGE_BELOW, LIMP_RED_FLAG_AGE_BELOW } from '../catalogue.ts';

/**
 * Named conditions from the policy's definitions (§3). Rules use them as
 * `is: child`; the wizard's "asked when" uses the same age thresholds.
 */
export const DEFINITIONS = {
  child: { age: { below: CHILD_AGE_BELOW } },
  adolescent: { age: { atLeast: CHILD_AGE_BELOW, below: LIMP_RED_FLAG_AGE_BELOW } },
  pregnant: { pregnancy: ['pregnant'] },
  peripartum: { pregnancy: ['pregnant', 'postpartum'] },
  postpartum: { pregnancy: ['postpartum'] },
  injury: { onset: ['injury'] },
  sudden: { onset: ['sudden'] },
  'fragility-risk': {
    any: [
      { hasAny: ['fragility-fracture', 'steroids', 'height-loss'] },
      { all: [{ has: 'menopause' }, { hasAny: ['smoking', 'alcohol', 'low-weight', 'family-osteoporosis'] }] },
    ],
  },
} as const;

export type DefinitionName = keyof typeof DEFINITIONS;
export const DEFINITION_NAMES = Object.keys(DEFINITIONS) as [DefinitionName, ...DefinitionName[]];
