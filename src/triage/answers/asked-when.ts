import {
  CHILD_RED_FLAGS,
  HIP_REPLACEMENT_AGE_FROM,
  LEG_NOT_MOVING_AGE_BELOW,
  LIMP_RED_FLAG_AGE_BELOW,
  PREGNANCY_AGE,
  PREGNANCY_RED_FLAGS,
  RED_FLAGS,
  RED_FLAG_SECTIONS,
  SCALP_JAW_HEADACHE_AGE_FROM,
  SYMPTOMS,
  type PregnancyStatus,
  type RedFlag,
  type RedFlagSection,
  type Sex,
  type Symptom,
} from '../catalogue.ts';

/**
 * "Asked when" from policy §1, as predicates over the answers given so far. The
 * wizard uses them to decide what to show, the answers schema to reject answers the
 * wizard would never have asked, the rule checker to reason about which answers
 * exist, and the flow to drop answers that stop applying.
 */
export interface AskedWhenInput {
  age?: number;
  sex?: Sex;
  pregnancy?: PregnancyStatus;
  hipReplacement?: boolean;
}

export const isPregnancyAsked = (a: AskedWhenInput): boolean =>
  a.sex !== undefined && a.sex !== 'male' && a.age !== undefined && a.age >= PREGNANCY_AGE.min && a.age <= PREGNANCY_AGE.max;

export const isPregnancyWeeksAsked = (a: AskedWhenInput): boolean => a.pregnancy === 'pregnant';

/** v3: from 16, before the warning signs, so that E-prosthesis can stop the questions there. */
export const isHipReplacementAsked = (a: AskedWhenInput): boolean => a.age !== undefined && a.age >= HIP_REPLACEMENT_AGE_FROM;

/**
 * When a red flag is offered: to everyone, for some pregnancy answers, or below an
 * age. Each context is named, so that an answer given out of context gets a message
 * saying when it is asked.
 */
export type RedFlagContext =
  | 'everyone'
  | 'pregnant-unsure-or-postpartum'
  | 'pregnant'
  | 'pregnant-or-postpartum'
  | 'under-18'
  | 'under-5'
  | 'from-50'
  | 'hip-replacement';

export interface ContextRule {
  /** Offered only with one of these pregnancy answers. */
  pregnancy?: readonly PregnancyStatus[];
  /** Offered only below this age. */
  ageBelow?: number;
  /** Offered only from this age on. */
  ageFrom?: number;
  /** Offered only to someone with a hip replacement (v3). */
  hipReplacement?: true;
}

export const CONTEXT_RULES: Readonly<Record<RedFlagContext, ContextRule>> = {
  everyone: {},
  'pregnant-unsure-or-postpartum': { pregnancy: ['pregnant', 'unsure', 'postpartum'] },
  pregnant: { pregnancy: ['pregnant'] },
  'pregnant-or-postpartum': { pregnancy: ['pregnant', 'postpartum'] },
  'under-18': { ageBelow: LIMP_RED_FLAG_AGE_BELOW },
  'under-5': { ageBelow: LEG_NOT_MOVING_AGE_BELOW },
  'from-50': { ageFrom: SCALP_JAW_HEADACHE_AGE_FROM },
  'hip-replacement': { hipReplacement: true },
};

/** The policy's table of pregnancy and after-birth red flags, the children's ages (v2), and v3's age and hip replacement. */
const SPECIAL_CONTEXTS: Partial<Record<RedFlag, RedFlagContext>> = {
  'scalp-jaw-headache': 'from-50',
  'wound-problem': 'hip-replacement',
  'vaginal-bleeding': 'pregnant-unsure-or-postpartum',
  'dizziness-fainting': 'pregnant-unsure-or-postpartum',
  contractions: 'pregnant',
  'reduced-movements': 'pregnant',
  'waters-breaking': 'pregnant',
  'preeclampsia-signs': 'pregnant-or-postpartum',
  'burning-urination': 'pregnant-unsure-or-postpartum',
  limp: 'under-18',
  'leg-not-moving': 'under-5',
};

export const RED_FLAG_CONTEXT: Readonly<Record<RedFlag, RedFlagContext>> = Object.fromEntries(
  RED_FLAGS.map((flag) => [flag, SPECIAL_CONTEXTS[flag] ?? 'everyone']),
) as Record<RedFlag, RedFlagContext>;

const applies = (rule: ContextRule, a: AskedWhenInput): boolean =>
  (rule.pregnancy === undefined || (a.pregnancy !== undefined && rule.pregnancy.includes(a.pregnancy))) &&
  (rule.ageBelow === undefined || (a.age !== undefined && a.age < rule.ageBelow)) &&
  (rule.ageFrom === undefined || (a.age !== undefined && a.age >= rule.ageFrom)) &&
  (rule.hipReplacement === undefined || a.hipReplacement === true);

export const isRedFlagShown = (flag: RedFlag, a: AskedWhenInput): boolean => applies(CONTEXT_RULES[RED_FLAG_CONTEXT[flag]], a);

/** The red flags offered to this person, in catalogue order. */
export const redFlagsShown = (a: AskedWhenInput): RedFlag[] => RED_FLAGS.filter((flag) => isRedFlagShown(flag, a));

/** The headed group a red flag is listed under on its page: a section by body system, or the pregnancy or child group. */
export type RedFlagGroup = RedFlagSection | 'pregnancy' | 'child';
const SECTION_OF = new Map<RedFlag, RedFlagSection>(
  Object.entries(RED_FLAG_SECTIONS).flatMap(([section, flags]) => flags.map((flag) => [flag, section as RedFlagSection] as const)),
);
export const redFlagGroup = (flag: RedFlag): RedFlagGroup =>
  (PREGNANCY_RED_FLAGS as readonly string[]).includes(flag)
    ? 'pregnancy'
    : (CHILD_RED_FLAGS as readonly string[]).includes(flag)
      ? 'child'
      : (SECTION_OF.get(flag) ?? 'other');

/**
 * A limp is asked among the red flags while it is one (under 18) and as a symptom
 * from then on, never both (policy §1, v2).
 */
export const isSymptomShown = (symptom: Symptom, a: AskedWhenInput): boolean =>
  !(symptom === 'limp' && a.age !== undefined && isRedFlagShown('limp', a));
export const symptomsShown = (a: AskedWhenInput): Symptom[] => SYMPTOMS.filter((s) => isSymptomShown(s, a));
