// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { URGENCIES, urgencyRank } from '../catalogue.ts';
import { compileRuleFiles, RuleFileError, type RuleFileSource } from './compile-rule-files.ts';
import { readRuleFileSources } from '../../tooling/read-rule-files.ts';

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
/** A set of one emergency file holding `rule`, plus a routine file with the fallback. */
const withRule = (rule: string): RuleFileSource[] => [yamlFile('rules/emergency.yaml', 'emergency', rule), fallbackFile];

/** Policy §3, in the order of its tables. */
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
    'E-infant-fever',
    'E-nerve',
    'E-chest',
    'E-very-unwell',
    'E-limb',
    'E-pregnancy',
    'E-pregnancy-unsure',
    'E-postpartum',
  ],
  urgent: [
    'U-clot-pregnancy',
    'U-clot',
    'U-pregnancy-infection',
    'U-hot-joint',
    'U-child-walking',
    'U-child-night-pain',
    'U-child-sudden',
    'U-adolescent-walking',
    'U-deformity',
    'U-cannot-bear-weight',
    'U-injury',
    'U-fragility-injury',
    'U-cancer',
    'U-severe-sudden',
    'U-fever',
    'U-urinary',
  ],
  soon: ['S-injury', 'S-inflammatory', 'S-bone-fragility', 'S-pelvic-girdle', 'S-child', 'S-advanced-wear', 'S-severe-pain'],
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

describe('the real rule files', () => {
  it('are found: one file per urgency', () => {
    expect(realFiles.map((f) => f.name).sort()).toEqual(URGENCIES.map((u) => `rules/${u}.yaml`).sort());
  });

  it('compile, with the rules in policy order: emergency, urgent, soon, routine, and the table order inside each', () => {
    const { rules } = compileRuleFiles(realFiles);
    expect(rules.map((rule) => rule.id)).toEqual(URGENCIES.flatMap((u) => POLICY_ORDER[u]));
    expect(rules.map((rule) => rule.urgency)).toEqual(URGENCIES.flatMap((u) => POLICY_ORDER[u].map(() => u)));
  });

  it('keep that order whatever order the files are given in (the urgency, not the file name, decides)', () => {
    const shuffled = [realFiles[2]!, realFiles[0]!, realFiles[3]!, realFiles[1]!];
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
    const problems = problemsOf([yamlFile('rules/soon.yaml', 'soon', '  - id: S-default\n    fallback: true\n    specialist: gp\n')]);
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
    const { rules } = compileRuleFiles(withRule('  - id: E-chest\n    when: { has: breathless }\n    specialist: emergency-department\n'));
    expect(rules.map((r) => [r.id, r.urgency])).toEqual([
      ['E-chest', 'emergency'],
      ['R-default', 'routine'],
    ]);
  });
});
