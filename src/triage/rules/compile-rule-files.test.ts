// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CALL_NOW_IF, URGENCIES, urgencyRank } from '../catalogue.ts';
import { compileRuleFiles, RuleFileError, type RuleFileSource } from './compile-rule-files.ts';
import { readRuleFileSources } from '../../tooling/project-files/read-rule-files.ts';

/**
 * The rule-file compiler: the real files compile in policy order, and every mistake a
 * rule author can make is reported with the file, the rule and the field, so that the
 * build message alone says where to look.
 */
const realFiles = readRuleFileSources('rules');

/** The real rule files with one text replacement in one of them (which must apply). */
function edited(fileName: string, from: string, to: string): RuleFileSource[] {
  const target = realFiles.find((f) => f.name.endsWith(`/${fileName}`));
  if (!target) throw new Error(`no rule file ${fileName}`);
  if (!target.text.includes(from)) throw new Error(`${fileName} does not contain ${JSON.stringify(from)}`);
  return realFiles.map((f) => (f === target ? { ...f, text: f.text.replace(from, to) } : f));
}

function problemsOf(files: RuleFileSource[]): string[] {
  try {
    compileRuleFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    const { problems, message } = error as RuleFileError;
    for (const problem of problems) expect(message).toContain(problem);
    return problems;
  }
  throw new Error('compileRuleFiles accepted the rule files');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A problem that starts with `file: rule id: field:` and mentions every one of `mentions`. */
const problem = (file: string, ruleId: string, field: string, ...mentions: string[]) =>
  expect.stringMatching(
    new RegExp(
      `^${escape(file)}: rule ${escape(ruleId)}: ${escape(field)}${field ? ': ' : ''}${mentions.map((m) => `(?=.*${escape(m)})`).join('')}`,
    ),
  );

/** A small rule file; `rules` is the YAML of the list under `rules:`. */
const yamlFile = (name: string, urgency: string, rules: string): RuleFileSource => ({
  name,
  text: `urgency: ${urgency}\nrules:\n${rules}`,
});
const fallbackFile = yamlFile(
  'rules/routine.yaml',
  'routine',
  `
  - id: R-default
    fallback: true
    specialist: gp
`,
);
/** A safety-net table (v3) with the policy's lines in order, each given when `ruleId` fired. */
const netFile = (ruleId = 'R-default', name = 'rules/safety-net.yaml'): RuleFileSource => ({
  name,
  text: `safetyNet:\n${CALL_NOW_IF.map((line) => `  - line: ${line}\n    whenFired: [${ruleId}]\n`).join('')}`,
});
/** A set of one emergency file holding `rule`, plus a routine file with the fallback and a safety-net table. */
const withRule = (rule: string): RuleFileSource[] => [yamlFile('rules/emergency.yaml', 'emergency', rule), fallbackFile, netFile()];

/** Policy §3 (v3), in the order of its tables. */
const POLICY_ORDER: Record<(typeof URGENCIES)[number], string[]> = {
  emergency: [
    'E-fracture',
    'E-fracture-older',
    'E-deformity',
    'E-pathological-fracture',
    'E-prosthesis',
    'E-infection',
    'E-infection-hip',
    'E-child-infection',
    'E-child-cannot-walk',
    'E-infant-fever',
    'E-infant-leg',
    'E-nerve',
    'E-chest',
    'E-very-unwell',
    'E-limb',
    'E-pregnancy',
    'E-pregnancy-early',
    'E-pregnancy-unsure',
    'E-postpartum',
    'E-abdomen',
    'E-groin',
  ],
  urgent: [
    'U-clot-pregnancy',
    'U-clot',
    'U-pregnancy-infection',
    'U-prosthesis',
    'U-hot-joint',
    'U-child-fever',
    'U-child-walking',
    'U-child-stiff-hip',
    'U-infant-injury',
    'U-child-night-pain',
    'U-child-sudden',
    'U-deformity',
    'U-cannot-bear-weight',
    'U-injury',
    'U-fragility-injury',
    'U-cancer',
    'U-young-rest-pain',
    'U-severe-sudden',
    'U-sudden-older',
    'U-headache-jaw',
    'U-fever',
    'U-urinary',
  ],
  soon: [
    'S-child',
    'S-injury',
    'S-inflammatory',
    'S-bone-fragility',
    'S-pelvic-girdle',
    'S-stress-fracture',
    'S-advanced-wear',
    'S-sudden',
    'S-severe-pain',
  ],
  routine: [
    'R-pregnancy',
    'R-sciatica',
    'R-labral',
    'R-labral-older',
    'R-impingement-active',
    'R-wear',
    'R-lateral',
    'R-postpartum',
    'R-pregnancy-unsure',
    'R-bone-screen',
    'R-default',
  ],
};

/** Policy §2 (v3), the "call now if" table: for each row in table order, the rules it names (the row on places aside). */
const POLICY_SAFETY_NET: [string, string[]][] = [
  ['breathless-chest-pain', ['U-clot', 'U-clot-pregnancy']],
  ['legs-weak-or-urine-changes', ['U-cancer']],
  ['back-nerves', ['R-sciatica']],
  ['very-unwell', ['U-fever', 'U-pregnancy-infection', 'U-urinary']],
  ['child-very-unwell', ['U-child-fever']],
  [
    'child-fever-or-stops-walking',
    ['U-child-walking', 'U-child-stiff-hip', 'U-infant-injury', 'U-child-night-pain', 'U-child-sudden', 'S-child'],
  ],
  ['leg-cold-or-severe-pain', ['U-deformity', 'U-cannot-bear-weight', 'U-injury', 'U-fragility-injury']],
  ['replaced-hip-fever-or-weight', ['U-prosthesis']],
  ['fever-or-unwell', ['U-severe-sudden', 'U-sudden-older', 'U-hot-joint']],
  ['severe-or-cannot-bear-weight', ['U-young-rest-pain']],
  ['vision-change', ['U-headache-jaw']],
  ['sudden-worse', ['S-sudden']],
];

describe('the real rule files', () => {
  it('are found: one file per urgency, and the safety-net table (v3)', () => {
    expect(realFiles.map((f) => f.name).sort()).toEqual([...URGENCIES.map((u) => `rules/${u}.yaml`), 'rules/safety-net.yaml'].sort());
  });

  it('compile the safety-net table: every line of the policy once, in table order, with the rules it names', () => {
    const { safetyNet } = compileRuleFiles(realFiles);
    expect(safetyNet.map(({ line, whenFired }) => [line, [...whenFired].sort()])).toEqual(
      POLICY_SAFETY_NET.map(([line, rules]) => [line, [...rules].sort()]),
    );
    // The rows that also apply without a rule: back or buttock pain; and the fever row only from 18.
    expect(safetyNet.find((line) => line.line === 'back-nerves')?.orWhen).toEqual({ locations: ['lower-back', 'buttock'] });
    expect(safetyNet.find((line) => line.line === 'very-unwell')?.onlyWhen).toEqual({ age: { atLeast: 18 } });
    expect(safetyNet.filter((line) => line.orWhen ?? line.onlyWhen).map((line) => line.line)).toEqual(['back-nerves', 'very-unwell']);
  });

  it('compile, with the rules in policy order: emergency, urgent, soon, routine, and the table order inside each', () => {
    const { rules } = compileRuleFiles(realFiles);
    expect(rules.map((rule) => rule.id)).toEqual(URGENCIES.flatMap((u) => POLICY_ORDER[u]));
    expect(rules.map((rule) => rule.urgency)).toEqual(URGENCIES.flatMap((u) => POLICY_ORDER[u].map(() => u)));
  });

  it('keep that order whatever order the files are given in (the urgency, not the file name, decides)', () => {
    const shuffled = [realFiles[2]!, realFiles[4]!, realFiles[0]!, realFiles[3]!, realFiles[1]!];
    const renamed = realFiles.map((f, index) => ({ ...f, name: `rules/${String.fromCharCode(122 - index)}.yaml` }));
    const expected = compileRuleFiles(realFiles).rules.map((rule) => rule.id);
    expect(compileRuleFiles(shuffled).rules.map((rule) => rule.id)).toEqual(expected);
    expect(compileRuleFiles([...renamed].reverse()).rules.map((rule) => rule.id)).toEqual(expected);
  });

  it('have exactly one fallback, in routine, and mark only R-bone-screen as "adds"', () => {
    const { rules } = compileRuleFiles(realFiles);
    expect(rules.filter((r) => r.fallback).map((r) => [r.id, r.urgency])).toEqual([['R-default', 'routine']]);
    expect(rules.filter((r) => r.adds).map((r) => r.id)).toEqual(['R-bone-screen']);
    for (let i = 1; i < rules.length; i++) {
      expect(urgencyRank(rules[i - 1]!.urgency)).toBeGreaterThanOrEqual(urgencyRank(rules[i]!.urgency));
    }
  });

  it('fills in empty also/content lists and drops the file name from the compiled rules', () => {
    const chest = compileRuleFiles(realFiles).rules.find((r) => r.id === 'E-chest');
    expect(chest).toEqual({
      id: 'E-chest',
      when: { has: 'breathless' },
      specialist: 'emergency-department',
      also: [],
      content: [],
      urgency: 'emergency',
    });
  });
});

describe('mistakes in a rule name the file, the rule and the field', () => {
  it('unknown specialist', () => {
    const problems = problemsOf(
      edited('urgent.yaml', 'specialist: gp\n    also: [rheumatologist]', 'specialist: doctor\n    also: [rheumatologist]'),
    );
    expect(problems).toEqual([problem('rules/urgent.yaml', 'U-hot-joint', 'specialist', '"doctor"')]);
  });

  it('unknown specialist in also', () => {
    const problems = problemsOf(edited('emergency.yaml', 'also: [neurologist]', 'also: [neurology]'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-nerve', 'also[0]', '"neurology"')]);
  });

  it('unknown finding id in has', () => {
    const problems = problemsOf(edited('emergency.yaml', 'has: breathless', 'has: breathles'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-chest', 'when.has', '"breathles"')]);
  });

  it('unknown finding id in hasAny, at its index', () => {
    const problems = problemsOf(
      edited(
        'emergency.yaml',
        '[saddle-numbness, bladder-bowel, leg-weakness, both-legs-nerve-pain]',
        '[saddle-numbness, bladder, leg-weakness, both-legs-nerve-pain]',
      ),
    );
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-nerve', 'when.hasAny[1]', '"bladder"')]);
  });

  it('unknown finding deep inside all/any', () => {
    const problems = problemsOf(edited('soon.yaml', 'has: pelvic-pain-moving', 'has: pelvic-pain'));
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-pelvic-girdle', 'when.all[1].any[1].has', '"pelvic-pain"')]);
  });

  it('empty hasAny', () => {
    const problems = problemsOf(
      edited('emergency.yaml', 'hasAny: [saddle-numbness, bladder-bowel, leg-weakness, both-legs-nerve-pain]', 'hasAny: []'),
    );
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-nerve', 'when.hasAny')]);
  });

  it('unknown content id', () => {
    const problems = problemsOf(edited('soon.yaml', 'content: [diffuse-osteoporosis]', 'content: [osteoporosis]'));
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-bone-fragility', 'content[0]', '"osteoporosis"')]);
  });

  it('unknown definition in is', () => {
    const problems = problemsOf(edited('soon.yaml', 'is: child', 'is: kid'));
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-child', 'when.is', '"kid"')]);
  });

  it.each([
    ['above the age range', '130'],
    ['at the bottom of the age range (always true)', '0'],
    ['negative', '-5'],
  ])('age threshold %s (atLeast: %s)', (_what, value) => {
    const problems = problemsOf(edited('emergency.yaml', 'age: { atLeast: 65 }', `age: { atLeast: ${value} }`));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-fracture-older', 'when.all[0].age.atLeast', '120')]);
  });

  it('pain-score threshold out of range (below: 11)', () => {
    const problems = problemsOf(edited('soon.yaml', 'painScore: { atLeast: 8 }', 'painScore: { below: 11 }'));
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-severe-pain', 'when.painScore.below', '10')]);
  });

  it('non-integer age threshold', () => {
    const problems = problemsOf(edited('emergency.yaml', 'age: { atLeast: 65 }', 'age: { atLeast: 65.5 }'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-fracture-older', 'when.all[0].age.atLeast', 'whole')]);
  });

  it.each([
    ['equal to', '50'],
    ['above', '60'],
  ])('atLeast %s below', (_what, atLeast) => {
    const problems = problemsOf(edited('routine.yaml', 'age: { atLeast: 16, below: 50 }', `age: { atLeast: ${atLeast}, below: 50 }`));
    expect(problems).toEqual([problem('rules/routine.yaml', 'R-labral', 'when.all[0].age', 'atLeast', 'below')]);
  });

  it('age range with neither atLeast nor below', () => {
    const problems = problemsOf(edited('emergency.yaml', 'age: { atLeast: 65 }', 'age: {}'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-fracture-older', 'when.all[0].age', 'atLeast', 'below')]);
  });

  it('a condition with two keys', () => {
    const problems = problemsOf(
      edited('emergency.yaml', '    when:\n      has: breathless', '    when:\n      has: breathless\n      age: { atLeast: 18 }'),
    );
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-chest', 'when', 'one key')]);
  });

  it.each(['all', 'any'])('an empty %s group', (group) => {
    const problems = problemsOf(edited('emergency.yaml', '    when:\n      has: breathless', `    when:\n      ${group}: []`));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-chest', `when.${group}`, `"${group}"`)]);
  });

  it('an unknown key in a rule', () => {
    const problems = problemsOf(
      edited('emergency.yaml', '    when:\n      has: breathless', '    when:\n      has: breathless\n    priority: 1'),
    );
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-chest', '', 'priority')]);
  });

  it('an unknown condition key', () => {
    const problems = problemsOf(edited('emergency.yaml', '    when:\n      has: breathless', '    when:\n      hasAll: [breathless]'));
    expect(problems).toContainEqual(problem('rules/emergency.yaml', 'E-chest', 'when', 'hasAll'));
    for (const p of problems) expect(p).toMatch(/^rules\/emergency\.yaml: rule E-chest: when: /);
  });

  it('active tested as false', () => {
    const problems = problemsOf(edited('routine.yaml', 'active: true', 'active: false'));
    expect(problems).toEqual([problem('rules/routine.yaml', 'R-impingement-active', 'when.all[1].active')]);
  });

  it('a rule with both when and fallback', () => {
    const problems = problemsOf(edited('routine.yaml', '    fallback: true', '    fallback: true\n    when:\n      is: child'));
    expect(problems).toEqual([problem('rules/routine.yaml', 'R-default', '', 'when', 'fallback')]);
  });

  it('a rule with neither when nor fallback', () => {
    const problems = problemsOf(withRule('  - id: E-chest\n    specialist: emergency-department\n'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-chest', '', 'when', 'fallback')]);
  });

  it('a rule listing its own specialist in also', () => {
    const problems = problemsOf(
      edited('urgent.yaml', 'specialist: gp\n    also: [rheumatologist]', 'specialist: gp\n    also: [rheumatologist, gp]'),
    );
    expect(problems).toEqual([problem('rules/urgent.yaml', 'U-hot-joint', 'also', '"gp"')]);
  });

  it('a rule without an id is named by its position', () => {
    const problems = problemsOf(
      withRule('  - id: E-chest\n    when: { has: breathless }\n    specialist: gp\n  - when: { has: fever }\n    specialist: gp\n'),
    );
    expect(problems).toEqual([expect.stringMatching(/^rules\/emergency\.yaml: rule #2: id: /)]);
  });

  it('a badly formed rule id', () => {
    const problems = problemsOf(withRule('  - id: chest pain\n    when: { has: breathless }\n    specialist: gp\n'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'chest pain', 'id')]);
  });
});

describe('mistakes across the rule files', () => {
  it('duplicate rule ids across files name both files', () => {
    const problems = problemsOf(edited('urgent.yaml', 'id: U-fever', 'id: E-chest'));
    expect(problems).toEqual([problem('rules/urgent.yaml', 'E-chest', '', 'id ', 'rules/emergency.yaml')]);
  });

  it('duplicate rule ids within one file', () => {
    const problems = problemsOf(edited('urgent.yaml', 'id: U-fever', 'id: U-clot'));
    expect(problems).toEqual([problem('rules/urgent.yaml', 'U-clot', '', 'id ', 'rules/urgent.yaml')]);
  });

  it('no fallback rule', () => {
    const problems = problemsOf(edited('routine.yaml', '    fallback: true', '    when:\n      is: child'));
    expect(problems).toEqual([expect.stringMatching(/fallback/)]);
  });

  it('two fallback rules name both', () => {
    const second = yamlFile('rules/routine-extra.yaml', 'routine', '  - id: R-default-two\n    fallback: true\n    specialist: gp\n');
    const problems = problemsOf([...realFiles, second]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/fallback/);
    expect(problems[0]).toMatch(/\bR-default-two\b/);
    expect(problems[0]).toMatch(/\bR-default(?!-)\b/);
  });

  it('a fallback rule outside the routine file', () => {
    const problems = problemsOf([
      yamlFile('rules/soon.yaml', 'soon', '  - id: S-default\n    fallback: true\n    specialist: gp\n'),
      netFile('S-default'),
    ]);
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-default', '', 'routine')]);
  });

  it('an unknown urgency names the file and the field', () => {
    const problems = problemsOf(edited('soon.yaml', 'urgency: soon', 'urgency: later'));
    expect(problems).toEqual([expect.stringMatching(/^rules\/soon\.yaml: urgency: .*"later"/)]);
  });

  it('a YAML syntax error names the file, and the other files are still checked', () => {
    const broken = edited('soon.yaml', 'hasAny: [morning-stiffness, several-joints]', 'hasAny: [morning-stiffness, several-joints');
    const alsoBad = broken.map((f) =>
      f.name.endsWith('/urgent.yaml')
        ? { ...f, text: f.text.replace('specialist: gp\n    also: [rheumatologist]', 'specialist: doctor\n    also: [rheumatologist]') }
        : f,
    );
    const problems = problemsOf(alsoBad);
    const syntax = problems.filter((p) => p.startsWith('rules/soon.yaml: '));
    expect(syntax.length).toBeGreaterThan(0);
    for (const p of syntax) expect(p).toMatch(/^rules\/soon\.yaml: YAML syntax: .*line \d+/);
    expect(problems).toContainEqual(problem('rules/urgent.yaml', 'U-hot-joint', 'specialist', '"doctor"'));
  });

  it('a duplicate key in a rule is a YAML error', () => {
    const problems = problemsOf(
      edited('emergency.yaml', '    when:\n      has: breathless', '    when:\n      has: breathless\n    when:\n      has: fever'),
    );
    expect(problems).toEqual([expect.stringMatching(/^rules\/emergency\.yaml: YAML syntax: /)]);
  });

  it('reports several problems in one pass', () => {
    const once = edited('emergency.yaml', 'has: breathless', 'has: breathles');
    const twice = once.map((f) =>
      f.name.endsWith('/soon.yaml') ? { ...f, text: f.text.replace('content: [diffuse-osteoporosis]', 'content: [osteoporosis]') } : f,
    );
    expect(problemsOf(twice)).toEqual([
      problem('rules/emergency.yaml', 'E-chest', 'when.has', '"breathles"'),
      problem('rules/soon.yaml', 'S-bone-fragility', 'content[0]', '"osteoporosis"'),
    ]);
  });

  it('no rule files at all', () => {
    expect(problemsOf([])).toContainEqual(expect.stringMatching(/no rule files/));
  });

  it('a minimal valid set compiles', () => {
    const { rules, safetyNet } = compileRuleFiles(
      withRule('  - id: E-chest\n    when: { has: breathless }\n    specialist: emergency-department\n'),
    );
    expect(rules.map((r) => [r.id, r.urgency])).toEqual([
      ['E-chest', 'emergency'],
      ['R-default', 'routine'],
    ]);
    expect(safetyNet.map((line) => line.line)).toEqual(CALL_NOW_IF);
  });
});

describe('mistakes in the v3 condition keys', () => {
  it('a rule keeps the v2 "callNowIf" key (v3: the lines are in the safety-net table)', () => {
    const problems = problemsOf(
      edited(
        'urgent.yaml',
        '  - id: U-fever\n    when:\n      has: fever\n',
        '  - id: U-fever\n    when:\n      has: fever\n    callNowIf: very-unwell\n',
      ),
    );
    expect(problems).toEqual([problem('rules/urgent.yaml', 'U-fever', '', 'callNowIf')]);
  });

  it('hipReplacement tested as false', () => {
    const problems = problemsOf(withRule('  - id: E-x\n    when: { hipReplacement: false }\n    specialist: emergency-department\n'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-x', 'when.hipReplacement', 'true')]);
  });

  it('unanswered for a question that is always answered, or not optional', () => {
    const problems = problemsOf(withRule('  - id: E-x\n    when: { unanswered: age }\n    specialist: emergency-department\n'));
    expect(problems).toEqual([
      problem('rules/emergency.yaml', 'E-x', 'when.unanswered', '"age"', 'onset', 'pregnancyWeeks', 'hipReplacement'),
    ]);
  });

  it.each([
    ['above the weeks of a pregnancy', '{ atLeast: 43 }', 'when.pregnancyWeeks.atLeast'],
    ['at the first week (always true)', '{ atLeast: 1 }', 'when.pregnancyWeeks.atLeast'],
    ['not a whole week', '{ below: 20.5 }', 'when.pregnancyWeeks.below'],
  ])('a pregnancyWeeks threshold %s', (_what, range, field) => {
    const problems = problemsOf(withRule(`  - id: E-x\n    when: { pregnancyWeeks: ${range} }\n    specialist: emergency-department\n`));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-x', field, 'pregnancyWeeks')]);
  });

  it('the v2 definition "adolescent" is unknown (v3: a child is under 18)', () => {
    const problems = problemsOf(edited('soon.yaml', 'is: child', 'is: adolescent'));
    expect(problems).toEqual([problem('rules/soon.yaml', 'S-child', 'when.is', '"adolescent"')]);
  });

  it('the v2 risk factor "hip-replacement" is unknown', () => {
    const problems = problemsOf(edited('emergency.yaml', '        - is: hip-replacement\n', '        - has: hip-replacement\n'));
    expect(problems).toEqual([problem('rules/emergency.yaml', 'E-prosthesis', 'when.all[0].has', '"hip-replacement"')]);
  });
});

/** A problem of the safety-net table: `file: line <id>: field:` and every one of `mentions`. */
const netProblem = (line: string, field: string, ...mentions: string[]) =>
  expect.stringMatching(
    new RegExp(
      `^rules/safety-net\\.yaml: line ${escape(line)}: ${escape(field)}${field ? ': ' : ''}${mentions.map((m) => `(?=.*${escape(m)})`).join('')}`,
    ),
  );

describe('mistakes in the safety-net table (v3) name the file, the line and the field', () => {
  it('an unknown line', () => {
    const problems = problemsOf(edited('safety-net.yaml', 'line: vision-change', 'line: eyesight'));
    expect(problems).toEqual([netProblem('eyesight', 'line', '"eyesight"', 'vision-change')]);
  });

  it('a rule that does not exist', () => {
    const problems = problemsOf(edited('safety-net.yaml', 'whenFired: [U-headache-jaw]', 'whenFired: [U-headache]'));
    expect(problems).toEqual([netProblem('vision-change', 'whenFired', 'no rule "U-headache"')]);
  });

  it('no rule at all', () => {
    const problems = problemsOf(edited('safety-net.yaml', 'whenFired: [U-headache-jaw]', 'whenFired: []'));
    expect(problems).toEqual([netProblem('vision-change', 'whenFired', 'at least one rule')]);
  });

  it('a badly formed rule id', () => {
    const problems = problemsOf(edited('safety-net.yaml', 'whenFired: [U-headache-jaw]', 'whenFired: [headache jaw]'));
    expect(problems).toEqual([netProblem('vision-change', 'whenFired[0]', 'E-fracture')]);
  });

  it('an unknown key in a line', () => {
    const problems = problemsOf(
      edited('safety-net.yaml', '  - line: vision-change\n', '  - line: vision-change\n    when: { has: fever }\n'),
    );
    expect(problems).toEqual([netProblem('vision-change', '', 'when')]);
  });

  it('a wrong condition in orWhen or onlyWhen, at its path', () => {
    const problems = problemsOf(edited('safety-net.yaml', 'locations: [lower-back, buttock]', 'locations: [lower-back, bottom]'));
    expect(problems).toEqual([netProblem('back-nerves', 'orWhen.locations[1]', '"bottom"')]);
    const only = problemsOf(edited('safety-net.yaml', 'age: { atLeast: 18 }', 'is: adult'));
    expect(only).toEqual([netProblem('very-unwell', 'onlyWhen.is', '"adult"')]);
  });

  it('lines out of the policy order', () => {
    const net = realFiles.find((f) => f.name === 'rules/safety-net.yaml')!.text;
    const swapped = net
      .replace('line: vision-change', 'line: @')
      .replace('line: sudden-worse', 'line: vision-change')
      .replace('line: @', 'line: sudden-worse');
    const problems = problemsOf(realFiles.map((f) => (f.name === 'rules/safety-net.yaml' ? { ...f, text: swapped } : f)));
    expect(problems).toEqual([
      expect.stringMatching(
        /^rules\/safety-net\.yaml: lists the lines [^;]*severe-or-cannot-bear-weight, sudden-worse, vision-change; it must list each line once/,
      ),
    ]);
    expect(problems[0]).toContain(`in this order: ${CALL_NOW_IF.join(', ')}`);
  });

  it('a line missing, or given twice', () => {
    const missing = problemsOf(edited('safety-net.yaml', '  - line: vision-change\n    whenFired: [U-headache-jaw]\n', ''));
    expect(missing).toEqual([
      expect.stringMatching(/^rules\/safety-net\.yaml: lists the lines (?:(?!vision-change)[^;])*; it must list each line once/),
    ]);
    const twice = problemsOf(
      edited(
        'safety-net.yaml',
        '  - line: vision-change\n    whenFired: [U-headache-jaw]\n',
        '  - line: vision-change\n    whenFired: [U-headache-jaw]\n  - line: vision-change\n    whenFired: [U-fever]\n',
      ),
    );
    expect(twice).toEqual([
      expect.stringMatching(/^rules\/safety-net\.yaml: lists the lines .*vision-change, vision-change.* it must list each line once/),
    ]);
  });

  it('no safety-net table, or two', () => {
    expect(problemsOf(realFiles.filter((f) => f.name !== 'rules/safety-net.yaml'))).toEqual([
      expect.stringMatching(/exactly one safety-net file .* found 0/),
    ]);
    const second = { ...netFile('R-default', 'rules/safety-net-extra.yaml') };
    expect(problemsOf([...realFiles, second])).toEqual([expect.stringMatching(/exactly one safety-net file .* found 2/)]);
  });

  it('an empty table', () => {
    const problems = problemsOf([
      ...realFiles.filter((f) => f.name !== 'rules/safety-net.yaml'),
      { name: 'rules/safety-net.yaml', text: 'safetyNet: []\n' },
    ]);
    expect(problems).toEqual([expect.stringMatching(/^rules\/safety-net\.yaml: safetyNet: .*at least one line/)]);
  });
});
