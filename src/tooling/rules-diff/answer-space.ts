import {
  FINDINGS,
  LOCATIONS,
  NUMBER_RANGES,
  ONSETS,
  PREGNANCY_STATUSES,
  SEXES,
  type Finding,
  type Location,
  type NumericField,
} from '@/triage/catalogue.ts';
import { isHipReplacementAsked, isPregnancyAsked, redFlagsShown, symptomsShown, type AskedWhenInput } from '@/triage/answers/asked-when.ts';
import { DEFINITIONS } from '@/triage/rules/conditions.ts';
import type { Condition, RuleSet } from '@/triage/rules/rule-schema.ts';

/**
 * The answer space of a rule diff, as a product of finite domains. Numbers are cut
 * into bands at every threshold either side's rules use (and, for age, wherever an
 * "asked when" of asked-when.ts changes its answer, found by asking it at every age),
 * so that every answer in a band is treated alike by both sides and by the questions.
 * Multi-select answers become one yes/no per finding or location that a rule of
 * either side mentions; findings and locations no rule mentions cannot change an
 * outcome and are left free ("any").
 */
export const UNANSWERED = '(not answered)';

/** An inclusive range of whole numbers. */
export interface Band {
  from: number;
  to: number;
}

export type DomainVariable = 'age' | 'sex' | 'pregnancy' | 'pregnancyWeeks' | 'hipReplacement' | 'onset' | 'painScore' | 'active';
export const DOMAIN_VARIABLES: readonly DomainVariable[] = [
  'age',
  'sex',
  'pregnancy',
  'pregnancyWeeks',
  'hipReplacement',
  'onset',
  'painScore',
  'active',
];
/** A value of a domain variable: a band index for the numbers, an option id, or UNANSWERED. */
export type Value = string | number;

export interface AnswerSpace {
  bands: Record<NumericField, Band[]>;
  /** Each variable's whole domain, in the order examples prefer. */
  domains: Record<DomainVariable, readonly Value[]>;
  /** Findings and locations that a rule or a safety-net line of either side mentions. */
  findings: readonly Finding[];
  locations: readonly Location[];
}

/** A box: a set of values per domain variable, and a fixed yes or no for some findings and locations. */
export interface Box {
  domains: Record<DomainVariable, readonly Value[]>;
  findings: Readonly<Partial<Record<Finding, boolean>>>;
  locations: Readonly<Partial<Record<Location, boolean>>>;
}

function visitConditions(ruleSets: RuleSet[], visit: (condition: Condition) => void): void {
  const walk = (condition: Condition): void => {
    visit(condition);
    condition.all?.forEach(walk);
    condition.any?.forEach(walk);
    if (condition.is) walk(DEFINITIONS[condition.is] as Condition);
  };
  for (const ruleSet of ruleSets) {
    for (const rule of ruleSet.rules) if (rule.when) walk(rule.when);
    for (const line of ruleSet.safetyNet) [line.orWhen, line.onlyWhen].forEach((c) => c && walk(c));
  }
}

function bandsFrom(field: NumericField, cuts: Set<number>): Band[] {
  const { min, max } = NUMBER_RANGES[field];
  const starts = [...new Set([min, ...cuts])].filter((n) => n >= min && n <= max).sort((a, b) => a - b);
  return starts.map((from, index) => ({ from, to: (starts[index + 1] ?? max + 1) - 1 }));
}

/** Ages at which some "asked when" answers differently from the age before. */
function askedWhenAgeCuts(): number[] {
  const contexts: AskedWhenInput[] = [undefined, ...PREGNANCY_STATUSES].flatMap((pregnancy) =>
    [undefined, true, false].map((hipReplacement) => ({
      ...(pregnancy && { pregnancy }),
      ...(hipReplacement !== undefined && { hipReplacement }),
    })),
  );
  const signature = (age: number) =>
    JSON.stringify([
      SEXES.map((sex) => isPregnancyAsked({ age, sex })),
      isHipReplacementAsked({ age }),
      contexts.map((context) => redFlagsShown({ ...context, age })),
      symptomsShown({ age }),
    ]);
  const cuts: number[] = [];
  for (let age = NUMBER_RANGES.age.min + 1; age <= NUMBER_RANGES.age.max; age += 1)
    if (signature(age) !== signature(age - 1)) cuts.push(age);
  return cuts;
}

export function answerSpace(ruleSets: RuleSet[]): AnswerSpace {
  const cuts: Record<NumericField, Set<number>> = { age: new Set(askedWhenAgeCuts()), painScore: new Set(), pregnancyWeeks: new Set() };
  const findings = new Set<string>();
  const locations = new Set<string>();
  visitConditions(ruleSets, (condition) => {
    for (const field of ['age', 'painScore', 'pregnancyWeeks'] as const) {
      const range = condition[field];
      if (range?.atLeast !== undefined) cuts[field].add(range.atLeast);
      if (range?.below !== undefined) cuts[field].add(range.below);
    }
    if (condition.has) findings.add(condition.has);
    condition.hasAny?.forEach((f) => findings.add(f));
    condition.locations?.forEach((l) => locations.add(l));
  });
  const bands = {
    age: bandsFrom('age', cuts.age),
    painScore: bandsFrom('painScore', cuts.painScore),
    pregnancyWeeks: bandsFrom('pregnancyWeeks', cuts.pregnancyWeeks),
  };
  const indices = (list: Band[]) => list.map((_, index) => index);
  return {
    bands,
    domains: {
      age: indices(bands.age),
      sex: SEXES,
      pregnancy: [UNANSWERED, ...PREGNANCY_STATUSES],
      pregnancyWeeks: [...indices(bands.pregnancyWeeks), UNANSWERED],
      hipReplacement: [UNANSWERED, 'no', 'yes'],
      onset: [...ONSETS, UNANSWERED],
      painScore: [...indices(bands.painScore), UNANSWERED],
      active: ['no', 'yes'],
    },
    // In catalogue order, so that reports list them in the order the questions do.
    findings: FINDINGS.filter((f) => findings.has(f)),
    locations: LOCATIONS.filter((l) => locations.has(l)),
  };
}

export const wholeBox = (space: AnswerSpace): Box => ({ domains: space.domains, findings: {}, locations: {} });
