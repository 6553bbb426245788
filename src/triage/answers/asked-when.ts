import {
  CHILD_AGE_BELOW,
  CHILD_RED_FLAGS,
  GENERAL_RED_FLAGS,
  PREGNANCY_AGE,
  PREGNANCY_RED_FLAGS,
  RED_FLAGS,
  SYMPTOMS,
  type PregnancyStatus,
  type RedFlag,
  type Sex,
  type Symptom,
} from '../catalogue.ts';

/**
 * "Asked when" from policy §1, as predicates over the answers given so far. The
 * wizard uses them to decide what to show, the answers schema to reject answers the
 * wizard would never have asked, and the flow to drop answers that stop applying.
 */
export interface AskedWhenInput {
  age?: number;
  sex?: Sex;
  pregnancy?: PregnancyStatus;
}

export const isChild = (a: AskedWhenInput): boolean => a.age !== undefined && a.age < CHILD_AGE_BELOW;

export const isPregnancyAsked = (a: AskedWhenInput): boolean =>
  a.sex !== undefined &&
  a.sex !== 'male' &&
  a.age !== undefined &&
  a.age >= PREGNANCY_AGE.min &&
  a.age <= PREGNANCY_AGE.max;

export const isPregnancyWeeksAsked = (a: AskedWhenInput): boolean => a.pregnancy === 'pregnant';

/** Why a red flag is offered; each context names the answers that make it apply. */
export type RedFlagContext = 'everyone' | 'possibly-pregnant' | 'peripartum-or-unsure' | 'child';

const contextOf = (flag: RedFlag): RedFlagContext => {
  // The policy shows burning-urination only to pregnant/unsure, but its rule
  // U-pregnancy-infection also tests it after birth; asking it postpartum too is
  // the safer reading (rules/README.md, "Choices where the policy is silent").
  if (flag === 'burning-urination') return 'peripartum-or-unsure';
  if ((PREGNANCY_RED_FLAGS as readonly string[]).includes(flag)) return 'possibly-pregnant';
  if ((CHILD_RED_FLAGS as readonly string[]).includes(flag)) return 'child';
  if ((GENERAL_RED_FLAGS as readonly string[]).includes(flag)) return 'everyone';
  throw new Error(`red flag without a context: ${flag}`);
};

export const RED_FLAG_CONTEXT: Readonly<Record<RedFlag, RedFlagContext>> = Object.fromEntries(
  RED_FLAGS.map((flag) => [flag, contextOf(flag)]),
) as Record<RedFlag, RedFlagContext>;

const contextApplies: Record<RedFlagContext, (a: AskedWhenInput) => boolean> = {
  everyone: () => true,
  'possibly-pregnant': (a) => a.pregnancy === 'pregnant' || a.pregnancy === 'unsure',
  'peripartum-or-unsure': (a) => a.pregnancy === 'pregnant' || a.pregnancy === 'unsure' || a.pregnancy === 'postpartum',
  child: isChild,
};

export const isRedFlagShown = (flag: RedFlag, a: AskedWhenInput): boolean => contextApplies[RED_FLAG_CONTEXT[flag]](a);

/** The red flags offered to this person, in catalogue order. */
export const redFlagsShown = (a: AskedWhenInput): RedFlag[] => RED_FLAGS.filter((flag) => isRedFlagShown(flag, a));

/** Children are asked about a limp among the red flags, so it is not asked twice. */
export const isSymptomShown = (symptom: Symptom, a: AskedWhenInput): boolean => !(symptom === 'limp' && isChild(a));

export const symptomsShown = (a: AskedWhenInput): Symptom[] => SYMPTOMS.filter((s) => isSymptomShown(s, a));
