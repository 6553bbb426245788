#!/usr/bin/env node
/**
 * npm run --silent triage -- <answers.json | ->
 *
 * Reads one answers object or an array of them and prints the recommendation(s) as
 * JSON. Invalid input: exit 2, nothing on stdout, one line per offending field on
 * stderr. Same answers schema and engine as the wizard; rules read from `rules/`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInstance } from 'i18next';
import { validateAnswers, type Answers } from '../triage/answers/answers-schema.ts';
import { describeAnswersIssue } from '../triage/answers/describe-answers-issue.ts';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import { readRuleSet } from '../triage/rules/read-rule-files.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

async function main(args: string[]): Promise<void> {
  // Messages for people, from the locale files like every other text (English here).
  const i18n = createInstance();
  await i18n.init({
    lng: 'en',
    ns: ['errors'],
    defaultNS: 'errors',
    interpolation: { escapeValue: false },
    resources: { en: { errors: JSON.parse(readFileSync(resolve(projectRoot, 'locales/en/errors.json'), 'utf8')) } },
  });
  const usage = i18n.t('cli.usage');
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') fail([usage]);
  const source = args[0]!;
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    fail([i18n.t('cli.cannotRead', { source, reason: (error as Error).message }), usage]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    fail([i18n.t('cli.notJson', { source: source === '-' ? i18n.t('cli.standardInput') : source, reason: (error as Error).message })]);
  }


  const many = Array.isArray(input);
  const items: unknown[] = many ? (input as unknown[]) : [input];
  const problems: string[] = [];
  const answers: Answers[] = [];
  items.forEach((item, index) => {
    const result = validateAnswers(item);
    if (result.success) answers.push(result.answers);
    else problems.push(...result.issues.map((issue) => describeAnswersIssue(issue, item, i18n.t, many ? `[${index}]` : '')));
  });
  if (problems.length > 0) fail(problems);

  const ruleSet = readRuleSet(resolve(projectRoot, 'rules'));
  const recommendations = answers.map((a) => evaluateRules(ruleSet, a));
  process.stdout.write(`${JSON.stringify(many ? recommendations : recommendations[0], null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
