import { RED_FLAGS, RISK_FACTORS, SYMPTOMS, type Finding, type Onset, type PregnancyStatus, type Sex } from '@/triage/catalogue.ts';
import {
  isHipReplacementAsked,
  isPregnancyAsked,
  isPregnancyWeeksAsked,
  isRedFlagShown,
  isSymptomShown,
  type AskedWhenInput,
} from '@/triage/answers/asked-when.ts';
import { validateAnswers, type Answers } from '@/triage/answers/answers-schema.ts';
import { UNANSWERED, type AnswerSpace, type Box, type Value } from './answer-space.ts';

/**
 * Which answers of a box are possible (the "asked when" of asked-when.ts: pregnancy
 * only for non-male people of 12 to 55, its weeks only in pregnancy, the hip
 * replacement from 16, each warning sign or symptom only where it is offered), an
 * example of one, and whether a given answers object lies in a box.
 */

type Where = 'redFlags' | 'symptoms' | 'riskFactors';

/** The list a finding can be ticked in for this person, if any (limp: a warning sign under 18, a symptom from then on). */
function listFor(finding: Finding, person: AskedWhenInput): Where | undefined {
  if ((RED_FLAGS as readonly string[]).includes(finding) && isRedFlagShown(finding as (typeof RED_FLAGS)[number], person))
    return 'redFlags';
  if ((SYMPTOMS as readonly string[]).includes(finding) && isSymptomShown(finding as (typeof SYMPTOMS)[number], person)) return 'symptoms';
  if ((RISK_FACTORS as readonly string[]).includes(finding)) return 'riskFactors';
  return undefined;
}

interface Person {
  age: number;
  sex: Sex;
  pregnancy?: PregnancyStatus;
  pregnancyWeeks?: number;
  hipReplacement?: boolean;
}

/** Examples read best with an adult of middle age, not pregnant, with no hip replacement. */
const near = (target: number) => (band: { from: number; to: number }) =>
  target < band.from ? band.from - target : Math.max(0, target - band.to);
const PREFERRED: Record<string, readonly Value[]> = {
  pregnancy: ['no', UNANSWERED, 'pregnant', 'postpartum', 'unsure'],
  hipReplacement: ['no', UNANSWERED, 'yes'],
  onset: ['gradual', 'sudden', 'injury', UNANSWERED],
  active: ['no', 'yes'],
};
function preferred(space: AnswerSpace, box: Box, variable: keyof Box['domains']): Value[] {
  const domain = [...box.domains[variable]];
  if (variable === 'age' || variable === 'painScore' || variable === 'pregnancyWeeks') {
    const bands = space.bands[variable];
    const distance = near(variable === 'age' ? 40 : variable === 'painScore' ? 5 : 24);
    return domain.sort((a, b) =>
      a === UNANSWERED ? 1 : b === UNANSWERED ? -1 : distance(bands[a as number]!) - distance(bands[b as number]!),
    );
  }
  const order = PREFERRED[variable];
  return order ? domain.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : domain;
}

const trueFindings = (box: Box) => (Object.entries(box.findings) as [Finding, boolean][]).filter(([, yes]) => yes).map(([f]) => f);

/** The first possible person of the box, in the order examples prefer, or undefined if the box holds no possible answer. */
function firstPerson(box: Box, space: AnswerSpace): Person | undefined {
  const findings = trueFindings(box);
  for (const a of preferred(space, box, 'age'))
    for (const sex of preferred(space, box, 'sex') as Sex[])
      for (const pregnancy of preferred(space, box, 'pregnancy'))
        for (const weeks of preferred(space, box, 'pregnancyWeeks'))
          for (const hip of preferred(space, box, 'hipReplacement')) {
            const age = space.bands.age[a as number]!.from;
            const person: Person = {
              age,
              sex,
              ...(pregnancy !== UNANSWERED && { pregnancy: pregnancy as PregnancyStatus }),
              ...(weeks !== UNANSWERED && { pregnancyWeeks: space.bands.pregnancyWeeks[weeks as number]!.from }),
              ...(hip !== UNANSWERED && { hipReplacement: hip === 'yes' }),
            };
            const possible =
              (person.pregnancy === undefined || isPregnancyAsked(person)) &&
              (person.pregnancyWeeks === undefined || isPregnancyWeeksAsked(person)) &&
              (person.hipReplacement === undefined || isHipReplacementAsked(person)) &&
              findings.every((f) => listFor(f, person) !== undefined);
            if (possible) return person;
          }
  return undefined;
}

const cache = new WeakMap<AnswerSpace, Map<string, boolean>>();

/** Whether some answers object that validateAnswers accepts lies in the box. */
export function isPossible(box: Box, space: AnswerSpace): boolean {
  const memo = cache.get(space) ?? new Map<string, boolean>();
  cache.set(space, memo);
  const { age, sex, pregnancy, pregnancyWeeks, hipReplacement } = box.domains;
  const key = JSON.stringify([age, sex, pregnancy, pregnancyWeeks, hipReplacement, trueFindings(box)]);
  let possible = memo.get(key);
  if (possible === undefined) {
    possible = firstPerson(box, space) !== undefined;
    memo.set(key, possible);
  }
  return possible;
}

/** An answers object of the box that validateAnswers accepts (the box must be possible). */
export function exampleAnswers(box: Box, space: AnswerSpace): Answers {
  const person = firstPerson(box, space);
  if (!person) throw new Error('exampleAnswers: the box holds no possible answer');
  const lists: Record<Where, string[]> = { redFlags: [], symptoms: [], riskFactors: [] };
  for (const finding of trueFindings(box)) lists[listFor(finding, person)!].push(finding);
  const onset = preferred(space, box, 'onset')[0]!;
  const pain = preferred(space, box, 'painScore')[0]!;
  const locations = Object.entries(box.locations)
    .filter(([, yes]) => yes)
    .map(([l]) => l);
  const answers = {
    ...person,
    redFlags: lists.redFlags,
    ...(locations.length > 0 && { locations }),
    ...(onset !== UNANSWERED && { onset: onset as Onset }),
    ...(lists.symptoms.length > 0 && { symptoms: lists.symptoms }),
    ...(lists.riskFactors.length > 0 && { riskFactors: lists.riskFactors }),
    active: preferred(space, box, 'active')[0] === 'yes',
    ...(pain !== UNANSWERED && { painScore: space.bands.painScore[pain as number]!.from }),
  };
  const checked = validateAnswers(answers);
  if (!checked.success) throw new Error(`exampleAnswers made answers the schema refuses: ${JSON.stringify(checked.issues)}`);
  return checked.answers;
}

const bandOf = (bands: { from: number; to: number }[], value: number | undefined): Value =>
  value === undefined ? UNANSWERED : bands.findIndex((band) => value >= band.from && value <= band.to);

/** Whether an answers object lies in the box. */
export function boxContains(box: Box, space: AnswerSpace, answers: Answers): boolean {
  const values: Record<keyof Box['domains'], Value> = {
    age: bandOf(space.bands.age, answers.age),
    sex: answers.sex,
    pregnancy: answers.pregnancy ?? UNANSWERED,
    pregnancyWeeks: bandOf(space.bands.pregnancyWeeks, answers.pregnancyWeeks),
    hipReplacement: answers.hipReplacement === undefined ? UNANSWERED : answers.hipReplacement ? 'yes' : 'no',
    onset: answers.onset ?? UNANSWERED,
    painScore: bandOf(space.bands.painScore, answers.painScore),
    active: answers.active === true ? 'yes' : 'no',
  };
  const ticked = new Set<string>([...answers.redFlags, ...(answers.symptoms ?? []), ...(answers.riskFactors ?? [])]);
  const places = new Set<string>(answers.locations ?? []);
  return (
    (Object.keys(values) as (keyof typeof values)[]).every((variable) => box.domains[variable].includes(values[variable])) &&
    Object.entries(box.findings).every(([f, yes]) => ticked.has(f) === yes) &&
    Object.entries(box.locations).every(([l, yes]) => places.has(l) === yes)
  );
}
