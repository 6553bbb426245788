import { CHILD_AGE_BELOW } from '../catalogue.ts';

/**
 * Named conditions from the policy's definitions (§3). Rules use them as
 * `is: child`; the wizard's "asked when" uses the same age threshold.
 */
export const DEFINITIONS = {
  child: { age: { below: CHILD_AGE_BELOW } },
  adult: { age: { atLeast: CHILD_AGE_BELOW } },
  pregnant: { pregnancy: ['pregnant'] },
  'possibly-pregnant': { pregnancy: ['pregnant', 'unsure'] },
  peripartum: { pregnancy: ['pregnant', 'postpartum'] },
  injury: { onset: ['injury'] },
} as const;

export type DefinitionName = keyof typeof DEFINITIONS;
export const DEFINITION_NAMES = Object.keys(DEFINITIONS) as [DefinitionName, ...DefinitionName[]];
