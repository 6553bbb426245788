import { DOMAIN_VARIABLES, UNANSWERED, type AnswerSpace, type Band, type Box, type DomainVariable, type Value } from './answer-space.ts';

/**
 * A box in plain words for clinicians, e.g. "age 16–17; onset sudden; pain 7;
 * without: fever, cannot-bear-weight". Only what the box constrains is said: an
 * answer it does not mention may be anything (or not given).
 */
const NAMES: Record<DomainVariable, string> = {
  age: 'age',
  sex: 'sex',
  pregnancy: 'pregnancy',
  pregnancyWeeks: 'weeks of pregnancy',
  hipReplacement: 'hip replacement',
  onset: 'onset',
  painScore: 'pain',
  active: 'active',
};

function ranges(bands: Band[], indices: number[], max: number): string[] {
  const merged: Band[] = [];
  for (const band of [...indices].sort((a, b) => a - b).map((i) => bands[i]!)) {
    const last = merged.at(-1);
    if (last && last.to + 1 === band.from) last.to = band.to;
    else merged.push({ ...band });
  }
  return merged.map(({ from, to }) => (from === to ? `${from}` : to === max ? `${from} or more` : `${from}–${to}`));
}

function describeValues(space: AnswerSpace, variable: DomainVariable, values: readonly Value[]): string {
  const answered = values.filter((v) => v !== UNANSWERED);
  const words =
    variable === 'age' || variable === 'painScore' || variable === 'pregnancyWeeks'
      ? ranges(space.bands[variable], answered as number[], space.bands[variable].at(-1)!.to)
      : variable === 'active'
        ? [values.includes('yes') ? 'yes' : 'no (or not answered)']
        : answered.map(String);
  return [...words, ...(values.includes(UNANSWERED) ? ['not answered'] : [])].join(' or ');
}

export function describeDomains(space: AnswerSpace, domains: Partial<Record<DomainVariable, readonly Value[]>>): string[] {
  return DOMAIN_VARIABLES.flatMap((variable) => {
    const values = domains[variable];
    if (!values || values.length === space.domains[variable].length) return [];
    return [`${NAMES[variable]} ${describeValues(space, variable, values)}`];
  });
}

function describeTicks(label: [string, string], ticks: Readonly<Record<string, boolean | undefined>>): string[] {
  const yes = Object.keys(ticks).filter((k) => ticks[k] === true);
  const no = Object.keys(ticks).filter((k) => ticks[k] === false);
  return [...(yes.length ? [`${label[0]}: ${yes.join(', ')}`] : []), ...(no.length ? [`${label[1]}: ${no.join(', ')}`] : [])];
}

export function describeBox(space: AnswerSpace, box: Pick<Box, 'domains' | 'findings' | 'locations'>): string {
  const parts = [
    ...describeDomains(space, box.domains),
    ...describeTicks(['with', 'without'], box.findings),
    ...describeTicks(['pain in', 'pain not in'], box.locations),
  ];
  return parts.length ? parts.join('; ') : 'every answer';
}

/** What all the boxes share: each answer's values over all of them, and the ticks every one of them has. */
export function commonGround(space: AnswerSpace, boxes: readonly Box[]): Box {
  const domains = Object.fromEntries(
    DOMAIN_VARIABLES.map((variable) => {
      const seen = new Set<Value>(boxes.flatMap((box) => box.domains[variable]));
      return [variable, space.domains[variable].filter((v) => seen.has(v))];
    }),
  ) as unknown as Box['domains'];
  const shared = <K extends string>(pick: (box: Box) => Readonly<Partial<Record<K, boolean>>>) => {
    const first = pick(boxes[0]!);
    return Object.fromEntries(
      (Object.keys(first) as K[]).filter((k) => boxes.every((box) => pick(box)[k] === first[k])).map((k) => [k, first[k]]),
    ) as Partial<Record<K, boolean>>;
  };
  return { domains, findings: shared((box) => box.findings), locations: shared((box) => box.locations) };
}
