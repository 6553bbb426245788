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
const USAGE = 'usage: npm run --silent triage -- <answers.json | -> (one answers object or an array of them)';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') fail([USAGE]);
  const source = args[0]!;
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    fail([`cannot read ${source}: ${(error as Error).message}`, USAGE]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    fail([`${source === '-' ? 'standard input' : source} is not valid JSON: ${(error as Error).message}`]);
  }

  const i18n = createInstance();
  await i18n.init({
    lng: 'en',
    ns: ['errors'],
    resources: { en: { errors: JSON.parse(readFileSync(resolve(projectRoot, 'locales/en/errors.json'), 'utf8')) } },
  });

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
