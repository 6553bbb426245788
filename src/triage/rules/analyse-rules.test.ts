// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyseRuleSet } from './analyse-rules.ts';
import { compileRuleFilesWithOrigins, type RuleFileSource } from './compile-rule-files.ts';
import { readRuleFileSources } from '../../tooling/project-files/read-rule-files.ts';
import { localeTexts } from '../../tooling/checks/check-rules-texts.ts';

const realSources = readRuleFileSources('rules');

/** The real rule files with one text replacement in one of them (which must apply). */
function edited(file: string, from: string, to: string): RuleFileSource[] {
  const target = realSources.find((source) => source.name === file);
  if (!target?.text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  return realSources.map((source) => (source === target ? { ...source, text: source.text.replace(from, to) } : source));
}

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

// Each check reads the whole rule set over the condition space: about 1.5 s alone, more on a busy 2-core machine.
describe('rule checker', { timeout: 20_000 }, () => {
  it('finds nothing wrong with the real rule files', () => {
    expect(analyse(realSources)).toEqual({ errors: [], warnings: [] });
  });

  const never = (lines: string[]) =>
    `  - id: R-never\n    when:\n      all:\n${lines.map((l) => `        - ${l}`).join('\n')}\n    specialist: gp`;

  // The reasoning itself is tested case by case in condition-space.test.ts; here, that the checker reports it.
  it.each([
    ['a child who is 65 or over', ['is: child', 'age: { atLeast: 65 }']],
    ['a pregnancy red flag when the answer is "no"', ['has: vaginal-bleeding', 'pregnancy: ["no"]']],
    ['a hip replacement under 16 (v3: asked from 16)', ['is: hip-replacement', 'age: { below: 16 }']],
    ['weeks not answered and from 20 weeks (v3)', ['unanswered: pregnancyWeeks', 'is: later-pregnancy']],
  ])('reports a rule that can never fire: %s', (_name, lines) => {
    const { errors } = analyse(withExtraRule(never(lines)), false);
    expect(errors).toEqual([expect.stringMatching(/^rules\/routine\.yaml: rule R-never: can never fire/)]);
  });

  it('does not call a satisfiable rule unsatisfiable: limp is a child red flag and an adult symptom', () => {
    const yaml = '  - id: R-limp-adult\n    when:\n      all:\n        - has: limp\n        - age: { atLeast: 70 }\n    specialist: gp';
    expect(analyse(withExtraRule(yaml), false).errors).toEqual([]);
  });

  it('does not call a satisfiable v3 condition unsatisfiable: pregnant with the weeks not known', () => {
    expect(analyse(withExtraRule(never(['is: pregnant', 'unanswered: pregnancyWeeks'])), false).errors).toEqual([]);
  });

  it('warns about a rule shadowed by an earlier one with the same urgency and specialist (v3 keys: weeks of pregnancy)', () => {
    const yaml = '  - id: R-pregnancy-later\n    when:\n      is: later-pregnancy\n    specialist: obstetrician';
    const { errors, warnings } = analyse(withExtraRule(yaml), false);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/rule R-pregnancy-later: shadowed by R-pregnancy/)]);
    // Not shadowed: weeks not known is no part of "from 20 weeks".
    const unknown =
      '  - id: R-pregnancy-unknown\n    when:\n      all:\n        - is: pregnant\n        - unanswered: pregnancyWeeks\n    specialist: gp';
    expect(analyse(withExtraRule(unknown), false).warnings).toEqual([]);
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

  /**
   * Invariant 5 (v3): every red flag urgent wherever it is shown. The counts are worked
   * out by hand: each context is an age band times the sex, pregnancy answer, week band
   * (none, 1–19, from 20), hip replacement answer and onset that can be given (each also
   * unanswered), weighted by the whole ages in the band.
   */
  it('reports a red flag urgent somewhere but not in every context where it is shown: limp at 16–17 (by age and onset)', () => {
    // U-child-walking narrowed to under 16: a limp at 16 or 17 is still urgent after an injury
    // (U-injury) or with a sudden onset (U-child-sudden), not with a gradual or unanswered onset.
    // Per age: female and other 7 pregnancy answers × 3 hip answers × 2 onsets = 42 each, male 3 × 2 = 6; 90 × 2 ages.
    const { errors } = analyse(
      edited(
        'rules/urgent.yaml',
        '        - is: child\n        - hasAny: [limp,',
        '        - age: { below: 16 }\n        - hasAny: [limp,',
      ),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^red flag "limp": shown in 180 context\(s\) where it leads to no emergency or urgent rule, e.g. \{"age":16,"sex":"female"\}/,
      ),
    ]);
  });

  it('reports a red flag urgent from 20 weeks of pregnancy but not before or with the weeks not known (by week)', () => {
    // E-pregnancy-early without contractions: contractions are shown only to the pregnant (12–55, not male), and a
    // sudden onset under 18 is urgent anyway (U-child-sudden). 2 sexes × 2 week bands (unknown, 1–19) × onsets
    // (3 under 18, 4 from 18) × hip answers (1 under 16, 3 from 16): 12–15: 4 × 12 = 48; 16–17: 2 × 36 = 72; 18–55: 38 × 48 = 1824.
    const { errors } = analyse(
      edited(
        'rules/emergency.yaml',
        '        - is: early-or-unknown-pregnancy\n        - hasAny: *pregnancy-emergency-signs',
        '        - is: early-or-unknown-pregnancy\n        - hasAny: [vaginal-bleeding, severe-abdominal-pain, dizziness-fainting, reduced-movements, waters-breaking, preeclampsia-signs]',
      ),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^red flag "contractions": shown in 1944 context\(s\) where it leads to no emergency or urgent rule, e.g. \{"age":12,"sex":"female","pregnancy":"pregnant"\}/,
      ),
    ]);
  });

  it('reports a red flag that leads nowhere urgent with a hip replacement (v3: wound-problem)', () => {
    const { errors } = analyse(edited('rules/urgent.yaml', 'hasAny: [hot-swollen-joint, wound-problem]', 'hasAny: [hot-swollen-joint]'));
    expect(errors).toEqual([
      expect.stringMatching(/^red flag "wound-problem": no emergency or urgent rule uses it/),
      // Shown only with a hip replacement (from 16), and urgent anyway with a sudden onset under 18 (U-child-sudden),
      // or from 65 with a sudden onset or an injury (U-sudden-older, U-injury). Per age, with 7 pregnancy answers for
      // female and other from 12 to 55: 16–17: (2 × 7 + 1) × 3 onsets = 45; 18–55: 15 × 4 = 60; 56–64: 3 × 4 = 12;
      // 65–120: 3 × 2 = 6. 2 × 45 + 38 × 60 + 9 × 12 + 56 × 6 = 2814.
      expect.stringMatching(
        /^red flag "wound-problem": shown in 2814 context\(s\) .* e.g. \{"age":16,"sex":"female","hipReplacement":true\}/,
      ),
    ]);
  });

  it('reports an urgent rule that no line of the safety-net table names (policy §2: every urgent result says when to call now)', () => {
    const { errors } = analyse(
      edited(
        'rules/safety-net.yaml',
        'whenFired: [U-fever, U-pregnancy-infection, U-urinary]',
        'whenFired: [U-pregnancy-infection, U-urinary]',
      ),
    );
    expect(errors).toEqual([
      'rules/urgent.yaml: rule U-fever: no line of rules/safety-net.yaml names this urgent rule (policy §2, safety-netting)',
    ]);
  });

  it('reports a new urgent rule added without a safety-net line; a soon or routine rule needs none', () => {
    const urgent = edited(
      'rules/urgent.yaml',
      '  - id: U-urinary\n',
      '  - id: U-new\n    when:\n      has: smoking\n    specialist: gp\n\n  - id: U-urinary\n',
    );
    expect(analyse(urgent, false).errors).toEqual([
      'rules/urgent.yaml: rule U-new: no line of rules/safety-net.yaml names this urgent rule (policy §2, safety-netting)',
    ]);
    const routine = withExtraRule('  - id: R-new\n    when:\n      has: smoking\n    specialist: gp');
    expect(analyse(routine, false).errors).toEqual([]);
  });

  it('reports a rule without a reason text in a supported language', () => {
    const yaml = '  - id: R-new-rule\n    when:\n      has: smoking\n    specialist: gp';
    const { errors } = analyse(withExtraRule(yaml));
    expect(errors).toContain('rules/routine.yaml: rule R-new-rule: no reason text in locales/en/outcomes.json (reasons.R-new-rule)');
    expect(errors).toContain('rules/routine.yaml: rule R-new-rule: no reason text in locales/ru/outcomes.json (reasons.R-new-rule)');
  });
});
