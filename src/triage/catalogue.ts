/**
 * The one place where every id of the clinical policy is defined: answer fields,
 * option ids, specialists, content items and urgencies. Rule files, the answers
 * schema, the UI, the locales and the tests all refer to these lists.
 */

export const URGENCIES = ['emergency', 'urgent', 'soon', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Higher number = more urgent. */
export const urgencyRank = (urgency: Urgency): number => URGENCIES.length - URGENCIES.indexOf(urgency);

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

export const PREGNANCY_STATUSES = ['pregnant', 'postpartum', 'no', 'unsure'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

export const ONSETS = ['injury', 'sudden', 'gradual'] as const;
export type Onset = (typeof ONSETS)[number];

export const DURATIONS = ['days', 'weeks', 'months', 'long'] as const;
export type Duration = (typeof DURATIONS)[number];

export const LOCATIONS = ['groin', 'outer-hip', 'buttock', 'thigh', 'knee', 'pubic', 'lower-back'] as const;
export type Location = (typeof LOCATIONS)[number];

export const GENERAL_RED_FLAGS = [
  'cannot-bear-weight',
  'leg-deformed',
  'fever',
  'hot-swollen-joint',
  'saddle-numbness',
  'bladder-bowel',
  'leg-weakness',
  'both-legs-nerve-pain',
  'calf-swelling',
  'breathless',
  'weight-loss',
  'cancer-history',
  'very-unwell',
  'cold-pale-leg',
  // v3: shown to everyone (was a pregnancy flag), and the groin lump or testicle pain.
  'severe-abdominal-pain',
  'groin-swelling',
] as const;

/** v3: shown by age or by an earlier answer (asked-when.ts). */
export const CONDITIONAL_RED_FLAGS = ['scalp-jaw-headache', 'wound-problem'] as const;

/** Shown during pregnancy, when unsure, or after birth: which of these, see asked-when.ts (policy §1 table). */
export const PREGNANCY_RED_FLAGS = [
  'vaginal-bleeding',
  'dizziness-fainting',
  'contractions',
  'reduced-movements',
  'waters-breaking',
  'preeclampsia-signs',
  'burning-urination',
] as const;

export const CHILD_RED_FLAGS = ['limp', 'leg-not-moving'] as const;

/**
 * The short headings the warning signs for everyone are listed under (issue 21), by
 * body system. Each section is a run of the lists above, in their order, so the page's
 * order and reception mode's number keys do not change.
 */
export const RED_FLAG_SECTIONS = {
  injury: ['cannot-bear-weight', 'leg-deformed'],
  infection: ['fever', 'hot-swollen-joint'],
  nerves: ['saddle-numbness', 'bladder-bowel', 'leg-weakness', 'both-legs-nerve-pain'],
  circulation: ['calf-swelling', 'breathless'],
  other: [
    'weight-loss',
    'cancer-history',
    'very-unwell',
    'cold-pale-leg',
    'severe-abdominal-pain',
    'groin-swelling',
    'scalp-jaw-headache',
    'wound-problem',
  ],
} as const satisfies Record<string, readonly ((typeof GENERAL_RED_FLAGS)[number] | (typeof CONDITIONAL_RED_FLAGS)[number])[]>;
export type RedFlagSection = keyof typeof RED_FLAG_SECTIONS;

export const RED_FLAGS = [...GENERAL_RED_FLAGS, ...CONDITIONAL_RED_FLAGS, ...PREGNANCY_RED_FLAGS, ...CHILD_RED_FLAGS] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const SYMPTOMS = [
  'morning-stiffness',
  'several-joints',
  'clicking-locking',
  'radiates-below-knee',
  'tingling',
  'lying-on-side',
  'activity-pain',
  'rest-pain',
  'limp',
  'stiff-hip',
  'height-loss',
  'pelvic-pain-moving',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const RISK_FACTORS = [
  'steroids',
  'smoking',
  'alcohol',
  'low-weight',
  'menopause',
  'fragility-fracture',
  'family-osteoporosis',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** Anything a rule can test with "has X": red flags, symptoms and risk factors. */
export const FINDINGS = [...new Set([...RED_FLAGS, ...SYMPTOMS, ...RISK_FACTORS])] as unknown as readonly (
  RedFlag | Symptom | RiskFactor
)[];
export type Finding = RedFlag | Symptom | RiskFactor;

export const SPECIALISTS = [
  'emergency-department',
  'gp',
  'orthopedist',
  'pediatric-orthopedist',
  'hip-preservation-surgeon',
  'obstetrician',
  'rheumatologist',
  'endocrinologist',
  'physiotherapist',
  'neurologist',
] as const;
export type Specialist = (typeof SPECIALISTS)[number];

export const CONTENT_IDS = [
  'hip-joint-degeneration',
  'hip-pain-pregnancy',
  'diffuse-osteoporosis',
  'hip-pain-physiotherapy',
  'hip-preservation-surgery',
] as const;
export type ContentId = (typeof CONTENT_IDS)[number];

/**
 * The "call now if" lines of safety-netting (policy §2, v3), in the policy's table
 * order: rules/safety-net.yaml says when each applies; an urgent, soon or routine
 * result lists those that apply, each once, in this order.
 */
export const CALL_NOW_IF = [
  'breathless-chest-pain',
  'legs-weak-or-urine-changes',
  'back-nerves',
  'very-unwell',
  'child-very-unwell',
  'child-fever-or-stops-walking',
  'leg-cold-or-severe-pain',
  'replaced-hip-fever-or-weight',
  'fever-or-unwell',
  'severe-or-cannot-bear-weight',
  'vision-change',
  'sudden-worse',
] as const;
export type CallNowIf = (typeof CALL_NOW_IF)[number];

/** Inclusive numeric domains of the numeric answers. */
export const NUMBER_RANGES = {
  age: { min: 0, max: 120 },
  pregnancyWeeks: { min: 1, max: 42 },
  painScore: { min: 0, max: 10 },
} as const;
export type NumericField = keyof typeof NUMBER_RANGES;

/** The pain scale's options, 0 to 10, as the form's radio values. */
export const PAIN_SCALE = Array.from({ length: NUMBER_RANGES.painScore.max - NUMBER_RANGES.painScore.min + 1 }, (_, n) =>
  String(NUMBER_RANGES.painScore.min + n),
) as [string, ...string[]];

/** Ages between which the pregnancy question is asked (inclusive). */
export const PREGNANCY_AGE = { min: 12, max: 55 } as const;
/** Under this age a person is a child for the policy (v3: 18, was 16). */
export const CHILD_AGE_BELOW = 18;

/** From this age the hip replacement question is asked (policy §1, v3). */
export const HIP_REPLACEMENT_AGE_FROM = 16;

/** From this age `scalp-jaw-headache` is offered (policy §1, v3). */
export const SCALP_JAW_HEADACHE_AGE_FROM = 50;

/** From this week a pregnancy is a "later pregnancy" (policy §3, v3). */
export const LATER_PREGNANCY_WEEKS_FROM = 20;

/** Under this age `limp` is a red flag; from it on, a symptom (policy §1, v2). */
export const LIMP_RED_FLAG_AGE_BELOW = 18;

/** Under this age `leg-not-moving` is offered (policy §1, v2). */
export const LEG_NOT_MOVING_AGE_BELOW = 5;
