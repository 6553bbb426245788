/**
 * npm run rules:check — validates every rule file and reasons about the rule set:
 * schema errors, rules that can never fire, shadowed rules (warning), red flags
 * that lead nowhere urgent, and missing words in any language. Exit 1 on errors.
 * Runs before the build and inside npm test.
 */
import { LANGUAGES } from '../../i18n/languages.ts';
import { analyseRuleSet } from '../../triage/rules/analyse-rules.ts';
import { localeTexts } from './check-rules-texts.ts';
import { RuleFileError, compileRuleFilesWithOrigins } from '../../triage/rules/compile-rule-files.ts';
import { readRuleFileSources } from '../project-files/read-rule-files.ts';

function main(): number {
  const sources = readRuleFileSources('rules');
  let compiled;
  try {
    compiled = compileRuleFilesWithOrigins(sources);
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    console.error(`✗ rule files: ${error.problems.length} problem(s)`);
    for (const problem of error.problems) console.error(`  - ${problem}`);
    return 1;
  }
  const { ruleSet, origins } = compiled;
  const count = (urgency: string) => ruleSet.rules.filter((r) => r.urgency === urgency).length;
  console.log(
    `Rule check: ${ruleSet.rules.length} rules in ${sources.length} files (${count('emergency')} emergency, ${count('urgent')} urgent, ${count('soon')} soon, ${count('routine')} routine)`,
  );
  console.log('✓ schema: keys, ids, thresholds and conditions are valid');
  const { errors, warnings } = analyseRuleSet(ruleSet, origins, localeTexts);
  for (const warning of warnings) console.log(`! warning: ${warning}`);
  for (const error of errors) console.error(`✗ ${error}`);
  if (errors.length === 0) {
    console.log('✓ every rule can fire for some valid answer');
    console.log(
      '✓ invariant 5: every red flag leads to an emergency or urgent rule, in every context (age, sex, pregnancy, weeks, hip replacement, onset) in which it is shown',
    );
    console.log('✓ every urgent rule is named by a "call now if" line of the safety-net table, and every line by its words');
    console.log(`✓ every rule, specialist and article has words in ${LANGUAGES.join(', ')}`);
  }
  console.log(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
