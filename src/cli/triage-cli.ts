#!/usr/bin/env node
/**
 * npm run --silent triage -- [--rules <folder | git revision>] [--safety-net] [--format fhir | --from fhir] <answers.json | ->
 *
 * Reads one answers object or an array of them and prints the recommendation(s) as
 * JSON, or with `--format fhir` a FHIR R4 Bundle for each (docs/fhir.md). With
 * `--from fhir` it reads FHIR QuestionnaireResponses to our Questionnaire instead
 * (one, a Bundle of them, or an array) and prints their recommendations. Invalid
 * input: exit 2, nothing on stdout, one line per offending field on stderr. Same
 * answers schema and engine as the wizard; rules read from `rules/`, or with `--rules`
 * from another folder or a git revision, read as `npm run rules:diff` reads it (so its
 * examples can be checked on each side); `--safety-net` adds the "call now if" lines.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateAnswers, type Answers } from '../triage/answers/answers-schema.ts';
import { describeAnswersIssue, type Translate } from '../triage/answers/describe-answers-issue.ts';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import { readRuleSet } from '../tooling/read-rule-files.ts';
import { loadRuleSide } from '../tooling/rules-diff/rule-sides.ts';
import { callNowIfLines } from '../triage/rules/safety-net.ts';
import { englishErrors } from '../tooling/english-errors.ts';
import { triageBundle } from '../fhir/triage-bundle.ts';
import { answersFromResponse, itemPath, join, responsesIn, type ResponseIssue } from '../fhir/answers-from-response.ts';
import { DEFAULT_EMERGENCY_NUMBER, outcomeWords } from './outcome-words.ts';
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

type Mode = 'answers' | 'to-fhir' | 'from-fhir';

function modeOf(args: string[]): Mode | undefined {
  if (args.length === 1) return args[0] === '-' || !args[0]!.startsWith('-') ? 'answers' : undefined;
  if (args.length !== 3 || args[1] !== 'fhir') return undefined;
  return args[0] === '--format' ? 'to-fhir' : args[0] === '--from' ? 'from-fhir' : undefined;
}

/** The valid answers objects in the input, or the problem lines (at most 50) and how many problems there were. */
type Found = { answers: Answers[] } | { problems: string[]; count: number };

/** Problem lines: every problem counted, only the first 50 worded, so that a flood of bad input costs no more. */
function problemLines() {
  const problems: string[] = [];
  let count = 0;
  return {
    add: (word: () => string) => {
      count += 1;
      if (problems.length < MAX_PROBLEM_LINES) problems.push(word());
    },
    found: (answers: Answers[]): Found => (count > 0 ? { problems, count } : { answers }),
  };
}

function answersIn(input: unknown, t: Translate): Found {
  const many = Array.isArray(input);
  const items: unknown[] = many ? (input as unknown[]) : [input];
  const lines = problemLines();
  const answers: Answers[] = [];
  items.forEach((item, index) => {
    const result = validateAnswers(item);
    if (result.success) answers.push(result.answers);
    else for (const issue of result.issues) lines.add(() => describeAnswersIssue(issue, item, t, many ? `[${index}]` : ''));
  });
  return lines.found(answers);
}

/** The answers in FHIR QuestionnaireResponses (docs/fhir.md): every problem names the item's linkId. */
function answersInResponses(input: unknown, t: Translate): Found & { responses: number } {
  const lines = problemLines();
  const answers: Answers[] = [];
  let responses = 0;
  const word = (prefix: string, issue: ResponseIssue) => () =>
    `${join(prefix, issue.where)}: ${t(issue.key, { ...issue.values, interpolation: { escapeValue: false } })}`;
  const byLinkId = (path: readonly (string | number)[]) =>
    path.length === 0 ? 'item' : itemPath(String(path[0]), typeof path[1] === 'number' ? path[1] : undefined);
  for (const found of responsesIn(input)) {
    if ('issue' in found) {
      lines.add(word('', found.issue));
      continue;
    }
    responses += 1;
    const shape = answersFromResponse(found.response, (issue) => lines.add(word(found.where, issue)));
    if (!shape) continue;
    const result = validateAnswers(shape);
    if (result.success) answers.push(result.answers);
    else for (const issue of result.issues) lines.add(() => describeAnswersIssue(issue, shape, t, found.where, byLinkId));
  }
  return { ...lines.found(answers), responses };
}

/** `--rules <side>` and `--safety-net`, taken out of the arguments. */
function ruleOptions(all: string[]): { args: string[]; rules?: string; safetyNet: boolean } | undefined {
  const args = [...all];
  const at = args.indexOf('--rules');
  let rules: string | undefined;
  if (at !== -1) {
    rules = args[at + 1];
    if (rules === undefined) return undefined;
    args.splice(at, 2);
  }
  const net = args.indexOf('--safety-net');
  if (net !== -1) args.splice(net, 1);
  return { args, ...(rules !== undefined && { rules }), safetyNet: net !== -1 };
}

async function main(all: string[]): Promise<void> {
  // Messages for people, from the locale files like every other text (English here).
  const i18n = await englishErrors();
  const usage = i18n.t('cli.usage');
  const options = ruleOptions(all);
  if (!options) fail([usage]);
  const { args } = options;
  const mode = modeOf(args);
  if (!mode) fail([usage]);
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

  const found = mode === 'from-fhir' ? answersInResponses(input, i18n.t) : answersIn(input, i18n.t);
  if ('problems' in found) {
    const { problems, count } = found;
    if (count > problems.length) problems.push(i18n.t('cli.moreProblems', { count: count - problems.length }));
    fail(problems);
  }
  const { answers } = found;
  // One result for one answers object (or one response, alone or in a Bundle), else a list.
  const many = Array.isArray(input) || ('responses' in found && found.responses !== 1);

  const ruleSet = options.rules === undefined ? readRuleSet(resolve(projectRoot, 'rules')) : loadRuleSide(options.rules).ruleSet;
  const recommendations = answers.map((a) => {
    const recommendation = evaluateRules(ruleSet, a);
    // An emergency result has no "call now if" lines (safety-net.ts): its instruction is the call.
    const lines = recommendation.urgency === 'emergency' ? [] : callNowIfLines(ruleSet, recommendation, a);
    return options.safetyNet ? { ...recommendation, callNowIf: lines } : recommendation;
  });
  const authored = new Date().toISOString();
  let printed: unknown[] = recommendations;
  if (mode === 'to-fhir') {
    // The note of each ServiceRequest: what the person was told, in English, with the default emergency number.
    const { t } = await outcomeWords();
    printed = recommendations.map((r, index) =>
      triageBundle(answers[index]!, r, { ruleSet, t, emergencyNumber: DEFAULT_EMERGENCY_NUMBER, authored }),
    );
  }
  process.stdout.write(`${JSON.stringify(many ? printed : printed[0], null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
