#!/usr/bin/env node
/**
 * npm run --silent triage -- [--format fhir] <answers.json | ->
 *
 * Reads one answers object or an array of them and prints the recommendation(s) as
 * JSON, or with `--format fhir` a FHIR R4 Bundle for each (docs/fhir.md). Invalid
 * input: exit 2, nothing on stdout, one line per offending field on stderr. Same
 * answers schema and engine as the wizard; rules read from `rules/`.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateAnswers, type Answers } from '../triage/answers/answers-schema.ts';
import { describeAnswersIssue } from '../triage/answers/describe-answers-issue.ts';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import { readRuleSet } from '../tooling/read-rule-files.ts';
import { englishErrors } from '../tooling/english-errors.ts';
import { triageBundle } from '../fhir/triage-bundle.ts';
import { MAX_DEPTH, MAX_INPUT_BYTES, MAX_PROBLEM_LINES, jsonDepth, printable } from './input-limits.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

function fail(lines: string[]): never {
  process.stderr.write(`${lines.map(printable).join('\n')}\n`);
  process.exit(2);
}

/** Reads a file or standard input, refusing more than `limit` bytes without reading them all. */
function readInput(source: string, limit: number): { text: string } | { tooLarge: true } {
  const fd = source === '-' ? 0 : openSync(source, 'r');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        // A non-blocking standard input with nothing ready yet: try again.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw error;
      }
      if (read === 0) break;
      total += read;
      if (total > limit) return { tooLarge: true };
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

async function main(args: string[]): Promise<void> {
  // Messages for people, from the locale files like every other text (English here).
  const i18n = await englishErrors();
  const usage = i18n.t('cli.usage');
  const fhir = args.length === 3 && args[0] === '--format' && args[1] === 'fhir';
  if (!(args.length === 1 || fhir) || args[0] === '--help' || args[0] === '-h') fail([usage]);
  const source = args.at(-1)!;
  const shownSource = source === '-' ? i18n.t('cli.standardInput') : source;
  let read: ReturnType<typeof readInput>;
  try {
    read = readInput(source, MAX_INPUT_BYTES);
  } catch (error) {
    fail([i18n.t('cli.cannotRead', { source, reason: (error as Error).message }), usage]);
  }
  if ('tooLarge' in read) fail([i18n.t('cli.tooLarge', { source: shownSource, max: MAX_INPUT_BYTES / 1024 / 1024 })]);
  const { text } = read;
  if (jsonDepth(text) > MAX_DEPTH) fail([i18n.t('cli.tooDeep', { source: shownSource, max: MAX_DEPTH })]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    fail([i18n.t('cli.notJson', { source: shownSource, reason: (error as Error).message })]);
  }

  const many = Array.isArray(input);
  const items: unknown[] = many ? (input as unknown[]) : [input];
  const problems: string[] = [];
  let problemCount = 0;
  const answers: Answers[] = [];
  items.forEach((item, index) => {
    const result = validateAnswers(item);
    if (result.success) {
      answers.push(result.answers);
      return;
    }
    problemCount += result.issues.length;
    // Only the lines that will be printed are worded: a flood of bad input costs no more than 50 lines.
    for (const issue of result.issues.slice(0, MAX_PROBLEM_LINES - problems.length)) {
      problems.push(describeAnswersIssue(issue, item, i18n.t, many ? `[${index}]` : ''));
    }
  });
  if (problemCount > problems.length) problems.push(i18n.t('cli.moreProblems', { count: problemCount - problems.length }));
  if (problemCount > 0) fail(problems);

  const ruleSet = readRuleSet(resolve(projectRoot, 'rules'));
  const recommendations = answers.map((a) => evaluateRules(ruleSet, a));
  const authored = new Date().toISOString();
  const notDiagnosis = fhir
    ? (JSON.parse(readFileSync(resolve(projectRoot, 'locales/en/outcomes.json'), 'utf8')) as { notDiagnosis: string }).notDiagnosis
    : '';
  const printed = fhir ? recommendations.map((r, index) => triageBundle(answers[index]!, r, { notDiagnosis, authored })) : recommendations;
  process.stdout.write(`${JSON.stringify(many ? printed : printed[0], null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
