// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyseRuleSet } from './analyse-rules.ts';
import { compileRuleFilesWithOrigins, type RuleFileSource } from './compile-rule-files.ts';
import { readRuleFileSources } from '../../tooling/read-rule-files.ts';
import { localeTexts } from '../../tooling/check-rules-texts.ts';

const realSources = readRuleFileSources('rules');

/** The real rule files with one extra rule appended to the routine file. */
function withExtraRule(yaml: string, file = 'rules/routine.yaml'): RuleFileSource[] {
  return realSources.map((source) =>
    source.name === file ? { ...source, text: source.text.replace(/\n {2}- id: R-default/, `\n${yaml}\n  - id: R-default`) } : source,
  );
}

const analyse = (sources: RuleFileSource[], withTexts = true) => {
  const { ruleSet, origins } = compileRuleFilesWithOrigins(sources);
  return analyseRuleSet(ruleSet, origins, withTexts ? localeTexts : undefined);
};

describe('rule checker', () => {
  it('finds nothing wrong with the real rule files', () => {
    expect(analyse(realSources)).toEqual({ errors: [], warnings: [] });
  });

  const never = (lines: string[]) =>
    `  - id: R-never\n    when:\n      all:\n${lines.map((l) => `        - ${l}`).join('\n')}\n    specialist: gp`;

  it.each([
    ['a child who is 65 or over', ['is: child', 'age: { atLeast: 65 }']],
    ['pregnancy together with sex male', ['is: pregnant', 'sex: [male]']],
    ['a pregnancy answer at 60 (only asked from 12 to 55)', ['pregnancy: [postpartum]', 'age: { atLeast: 60 }']],
    ['a pregnancy red flag when the answer is "no"', ['has: vaginal-bleeding', 'pregnancy: ["no"]']],
    ['an empty pain range', ['painScore: { atLeast: 8 }', 'painScore: { below: 5 }']],
  ])('reports a rule that can never fire: %s', (_name, lines) => {
    const { errors } = analyse(withExtraRule(never(lines)), false);
    expect(errors).toEqual([expect.stringMatching(/^rules\/routine\.yaml: rule R-never: can never fire/)]);
  });

  it('does not call a satisfiable rule unsatisfiable: limp is a child red flag and an adult symptom', () => {
    const yaml = '  - id: R-limp-adult\n    when:\n      all:\n        - has: limp\n        - age: { atLeast: 70 }\n    specialist: gp';
    expect(analyse(withExtraRule(yaml), false).errors).toEqual([]);
  });

  it('warns about a rule shadowed by an earlier one with the same urgency and specialist', () => {
    const yaml =
      '  - id: R-lateral-narrow\n    when:\n      all:\n        - locations: [outer-hip]\n        - has: lying-on-side\n        - age: { atLeast: 40 }\n    specialist: physiotherapist';
    const { errors, warnings } = analyse(withExtraRule(yaml), false);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/rule R-lateral-narrow: shadowed by R-lateral/)]);
  });

  it('reports a red flag that no emergency or urgent rule uses', () => {
    const sources = realSources.map((source) =>
      source.name === 'rules/urgent.yaml'
        ? { ...source, text: source.text.replace('hasAny: [cancer-history, weight-loss]', 'has: cancer-history') }
        : source,
    );
    expect(analyse(sources).errors).toEqual([
      expect.stringMatching(/red flag "weight-loss": no emergency or urgent rule uses it/),
      expect.stringMatching(/red flag "weight-loss": shown in \d+ context\(s\) where it leads to no emergency or urgent rule/),
    ]);
  });

  it('reports a red flag that is urgent somewhere but not in every context where it is shown (v2: limp at 16–17)', () => {
    const sources = realSources.map((source) =>
      source.name === 'rules/urgent.yaml'
        ? {
            ...source,
            text: source.text.replace(
              '        - is: adolescent\n        - has: limp',
              '        - is: adolescent\n        - has: stiff-hip',
            ),
          }
        : source,
    );
    // limp is still used by U-child-walking (under 16), so only the per-context check sees the gap.
    const { errors } = analyse(sources);
    expect(errors).toEqual([
      expect.stringMatching(
        /red flag "limp": shown in 22 context\(s\) where it leads to no emergency or urgent rule, e.g. \{"age":16,"sex":"female"\}/,
      ),
    ]);
  });

  it('reports an urgent rule without a "call now if" line, and a non-urgent rule with one', () => {
    const sources = realSources.map((source) => {
      if (source.name === 'rules/urgent.yaml')
        return { ...source, text: source.text.replace('    specialist: gp\n    callNowIf: very-unwell\n', '    specialist: gp\n') };
      if (source.name === 'rules/soon.yaml')
        return {
          ...source,
          text: source.text.replace('    specialist: rheumatologist\n', '    specialist: rheumatologist\n    callNowIf: very-unwell\n'),
        };
      return source;
    });
    const { errors } = analyse(sources);
    expect(errors).toEqual([
      'rules/urgent.yaml: rule U-fever: an urgent rule needs a "callNowIf" line (policy §2, safety-netting)',
      'rules/soon.yaml: rule S-inflammatory: only urgent rules have a "callNowIf" line; this one is soon',
    ]);
  });

  it('reports a rule without a reason text in a supported language', () => {
    const yaml = '  - id: R-new-rule\n    when:\n      has: smoking\n    specialist: gp';
    const { errors } = analyse(withExtraRule(yaml));
    expect(errors).toContain('rules/routine.yaml: rule R-new-rule: no reason text in locales/en/outcomes.json (reasons.R-new-rule)');
    expect(errors).toContain('rules/routine.yaml: rule R-new-rule: no reason text in locales/ru/outcomes.json (reasons.R-new-rule)');
  });
});
