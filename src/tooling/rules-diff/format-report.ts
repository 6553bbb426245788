import type { ChangeGroup, RulesDiff } from './rules-diff.ts';

/**
 * The rule diff as Markdown for people (a pull request can carry it) and as JSON for
 * tools. Both are deterministic: the same rules give the same text, so a committed
 * report can be checked against the tool.
 */
const FIELD_NAMES: Record<ChangeGroup['field'], string> = {
  urgency: 'Urgency',
  specialist: 'First specialist',
  alsoConsider: 'Specialist named (first or "also consider")',
  content: 'Reading',
  safetyNet: '"Call now if" line of the safety net',
};

const FLAGS: Record<ChangeGroup['seriousness'], string> = {
  'emergency-no-longer': '🛑 **AN EMERGENCY IS NO LONGER ONE** — ',
  'lower-urgency': '⚠️ **LOWER URGENCY** — ',
  'safety-net-line-lost': '⚠️ **SAFETY-NET LINE LOST** — ',
  'higher-urgency': '',
  other: '',
};

const title = (group: ChangeGroup) => `${FIELD_NAMES[group.field]}${group.item ? ` ${group.item}` : ''}: ${group.from} → ${group.to}`;

/** The command that shows the example on one side (the CLI reads the same side with the same loader). */
export const reproduceCommand = (spec: string, example: object): string =>
  `echo '${JSON.stringify(example)}' | npm run --silent triage -- --rules '${spec}' --safety-net -`;

/** `madeBy`: the command that makes the report, for a committed one. */
export function formatMarkdown(diff: RulesDiff, madeBy?: string): string {
  const { before, after, groups } = diff;
  const out: string[] = [`# Rule impact report: ${before.label} → ${after.label}`, ''];
  if (madeBy) out.push(`Made by \`${madeBy}\`; do not edit by hand.`, '');
  out.push(
    '## How to read this',
    '',
    `- **Before:** ${before.label}. **After:** ${after.label}. Both are run by today's rules engine (src/triage/rules/evaluate-rules.ts) and safety-net code.`,
    ...[before, after].flatMap((side) => side.translations.map((note) => `- **${side.label} was translated:** ${note}`)),
    '- **Answers compared:** every answers object that today\'s answers schema accepts, with its "asked when" (pregnancy only for non-male people aged 12 to 55, its weeks only in pregnancy, the hip replacement question from 16, each warning sign and symptom only where it is offered); impossible combinations are left out. Rules that do not know a field (an older rule set) simply ignore it. Answers the wizard would not ask after an emergency was found (the questions after the warning signs) are included, as the CLI and the FHIR hand-off accept them.',
    '- **Exact, not sampled:** ages, pain scores and weeks are cut into bands at every threshold either side uses (and wherever an "asked when" changes); each warning sign, symptom, risk factor and pain location that a rule mentions is a yes or no; the rest cannot change an outcome. The answer space is split into classes (boxes of these bands and yes/no answers) until each compared part of the outcome is decided on both sides, so every answer lies in a class, and "no change" is a proof.',
    '- **Compared:** the urgency; the first specialist; each specialist named at all (first or under "also consider": a specialist moving between the two shows as a change of the first specialist); each reading item; each "call now if" line of the safety net. The other parts of the safety net (the same-day line, the pregnancy lines, the warning signs listed) follow from the urgency and the answers by code that is the same on both sides.',
    '- **Count:** the number of classes (disjoint boxes) a change covers. A class can hold many answers (every age of its band, every value of an answer it does not mention).',
    '',
  );
  if (groups.length === 0) {
    out.push(
      '## Result',
      '',
      '**No change**: every possible answer gets the same urgency, specialists, reading and safety-net lines on both sides.',
      '',
    );
    return out.join('\n');
  }
  const lowered = groups.filter((g) => g.seriousness === 'emergency-no-longer' || g.seriousness === 'lower-urgency');
  out.push(
    '## Summary',
    '',
    lowered.length > 0
      ? `⚠️ **Some answers get a lower urgency** (${lowered.reduce((n, g) => n + g.count, 0)} classes in ${lowered.length} group(s)); \`rules:diff\` exits 1 unless \`--accept-lower\` is given.`
      : 'No answer gets a lower urgency.',
    '',
    '| Change | Classes |',
    '| --- | ---: |',
    ...groups.map((g) => `| ${FLAGS[g.seriousness]}${title(g)} | ${g.count} |`),
    '',
  );
  for (const group of groups) {
    out.push(
      `## ${FLAGS[group.seriousness]}${title(group)}`,
      '',
      `${group.count} class(es). In every one: ${group.description}.`,
      '',
      ...group.classes.map((c) => `- ${c}`),
      ...(group.count > group.classes.length
        ? [`- … and ${group.count - group.classes.length} more (all are in \`--format json\` counts; rerun the tool to list them).`]
        : []),
      '',
      'Example:',
      '',
      '```json',
      JSON.stringify(group.example),
      '```',
      '',
      'Check it on each side:',
      '',
      '```sh',
      reproduceCommand(before.spec, group.example),
      reproduceCommand(after.spec, group.example),
      '```',
      '',
    );
  }
  return out.join('\n');
}

export function formatJson(diff: RulesDiff): string {
  return JSON.stringify(
    {
      before: { spec: diff.before.spec, label: diff.before.label, translations: diff.before.translations },
      after: { spec: diff.after.spec, label: diff.after.label, translations: diff.after.translations },
      lowersUrgency: diff.lowersUrgency,
      groups: diff.groups.map(({ boxes: _boxes, ...group }) => group),
    },
    null,
    2,
  );
}
