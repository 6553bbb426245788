/**
 * The triage CLI as a function: arguments and standard input in, what it prints and
 * its exit code out. `triage-cli.ts` runs it for a process; the tests call it
 * directly (a child process costs about 0.4 s), and keep a few real ones.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateAnswers, type Answers } from '../triage/answers/answers-schema.ts';
import { describeAnswersIssue, shorten, type Translate } from '../triage/answers/describe-answers-issue.ts';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import type { RuleSet } from '../triage/rules/rule-schema.ts';
import { readRuleSet } from '../tooling/project-files/read-rule-files.ts';
import { loadRuleSide } from '../tooling/rules-diff/rule-sides.ts';
import { callNowIfLines } from '../triage/rules/safety-net.ts';
import { englishErrors } from '../tooling/project-files/english-errors.ts';
import { triageBundle } from '../fhir/triage-bundle.ts';
import { answersFromResponse, itemPath, join, responsesIn, type ResponseIssue } from '../fhir/answers-from-response.ts';
import { notUnderstoodAnywhere } from '../fhir/not-understood.ts';
import { DEFAULT_EMERGENCY_NUMBER, outcomeWords } from './outcome-words.ts';
import { MAX_DEPTH, MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_PROBLEM_LINES, MAX_VALUES, printable, printableJson } from './input-limits.ts';
import { scanJson } from './json-scan.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** What the CLI printed, and how it exited: 0 done, 2 refused (nothing on stdout), 1 a fault of ours. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1 | 2;
}

/** Where standard input comes from: its text (tests), or the process's own (by default). */
export interface CliInput {
  stdin?: string;
}

/** Thrown to stop with exit 2 and these lines on stderr. */
class Refusal {
  constructor(readonly lines: string[]) {}
}

function refuse(lines: string[]): never {
  throw new Refusal(lines);
}

/** Reads a file or the process's standard input, refusing more than `limit` bytes without reading them all. */
function readSource(source: string, limit: number): { text: string } | { tooLarge: true } {
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

function readInput(source: string, limit: number, input: CliInput): { text: string } | { tooLarge: true } {
  if (source !== '-' || input.stdin === undefined) return readSource(source, limit);
  return Buffer.byteLength(input.stdin) > limit ? { tooLarge: true } : { text: input.stdin };
}

type Mode = 'answers' | 'to-fhir' | 'from-fhir';

function modeOf(args: readonly string[]): Mode | undefined {
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
  // Elements that change the meaning of whatever holds them, wherever they are (even in what is otherwise passed over).
  notUnderstoodAnywhere(input, (issue) => lines.add(word('', issue)));
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

/** The rules, compiled once per process (the tests run the CLI hundreds of times). */
let ruleSet: RuleSet | undefined;

/**
 * `--rules <folder | git revision>` and `--safety-net`, taken out of the arguments: the
 * rules read as `npm run rules:diff` reads a side, so that its examples can be checked
 * on each side; the "call now if" lines added to each recommendation.
 */
function ruleOptions(all: readonly string[]): { args: string[]; rules?: string; safetyNet: boolean } | undefined {
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

async function triage(all: readonly string[], io: CliInput): Promise<string> {
  // Messages for people, from the locale files like every other text (English here).
  const i18n = await englishErrors();
  const usage = i18n.t('cli.usage');
  const options = ruleOptions(all);
  if (!options) refuse([usage]);
  const { args } = options;
  const mode = modeOf(args);
  if (!mode) refuse([usage]);
  const source = args.at(-1)!;
  const shownSource = source === '-' ? i18n.t('cli.standardInput') : source;
  let read: ReturnType<typeof readInput>;
  try {
    read = readInput(source, MAX_INPUT_BYTES, io);
  } catch (error) {
    refuse([i18n.t('cli.cannotRead', { source, reason: (error as Error).message }), usage]);
  }
  if ('tooLarge' in read) refuse([i18n.t('cli.tooLarge', { source: shownSource, max: MAX_INPUT_BYTES / 1024 / 1024 })]);
  const { text } = read;
  // Before parsing: JSON.parse of 30 million numbers takes minutes and gigabytes.
  const scan = scanJson(text, { maxDepth: MAX_DEPTH, maxValues: MAX_VALUES, maxListItems: MAX_LIST_ITEMS }, MAX_PROBLEM_LINES);
  if ('tooDeep' in scan) refuse([i18n.t('cli.tooDeep', { source: shownSource, max: MAX_DEPTH })]);
  if ('tooManyValues' in scan) refuse([i18n.t('cli.tooManyValues', { source: shownSource, max: MAX_VALUES })]);
  if ('tooLong' in scan) refuse([`${scan.tooLong || shownSource}: ${i18n.t('cli.tooLong', { max: MAX_LIST_ITEMS })}`]);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    refuse([i18n.t('cli.notJson', { source: shownSource, reason: (error as Error).message })]);
  }
  // What JSON.parse read differently from what was written: refused, never guessed.
  if (scan.count > 0) {
    const lines = scan.findings.map(
      ({ path, kind, text: found }) => `${path || 'input'}: ${i18n.t(`cli.${kind}`, { value: shorten(found) })}`,
    );
    if (scan.count > lines.length) lines.push(i18n.t('cli.moreProblems', { count: scan.count - lines.length }));
    refuse(lines);
  }
  if (Array.isArray(input) && input.length === 0) refuse([i18n.t('cli.nothingToTriage', { source: shownSource })]);

  const found = mode === 'from-fhir' ? answersInResponses(input, i18n.t) : answersIn(input, i18n.t);
  if ('problems' in found) {
    const { problems, count } = found;
    if (count > problems.length) problems.push(i18n.t('cli.moreProblems', { count: count - problems.length }));
    refuse(problems);
  }
  const { answers } = found;
  // One result for one answers object (or one response, alone or in a Bundle), else a list.
  const many = Array.isArray(input) || ('responses' in found && found.responses !== 1);

  ruleSet ??= readRuleSet(resolve(projectRoot, 'rules'));
  const rules = options.rules === undefined ? ruleSet : loadRuleSide(options.rules).ruleSet;
  const recommendations = answers.map((a) => {
    const recommendation = evaluateRules(rules, a);
    if (!options.safetyNet) return recommendation;
    // An emergency result has no "call now if" lines (safety-net.ts): its instruction is the call.
    return { ...recommendation, callNowIf: recommendation.urgency === 'emergency' ? [] : callNowIfLines(rules, recommendation, a) };
  });
  const authored = new Date().toISOString();
  let printed: unknown[] = recommendations;
  if (mode === 'to-fhir') {
    // The note of each ServiceRequest: what the person was told, in English, with the default emergency number.
    const { t } = await outcomeWords();
    printed = recommendations.map((r, index) =>
      triageBundle(answers[index]!, r, { ruleSet: rules, t, emergencyNumber: DEFAULT_EMERGENCY_NUMBER, authored }),
    );
  }
  // JSON.stringify leaves U+2028, bidirectional and zero-width characters raw.
  return `${printableJson(JSON.stringify(many ? printed : printed[0], null, 2))}\n`;
}

/**
 * `npm run --silent triage -- [--rules <folder | git revision>] [--safety-net] [--format fhir | --from fhir] <answers.json | ->`
 * (docs: README, docs/fhir.md). Invalid input: exit 2, nothing on stdout, one line per
 * offending field on stderr.
 */
export async function runTriageCli(args: readonly string[], io: CliInput = {}): Promise<CliResult> {
  try {
    return { stdout: await triage(args, io), stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof Refusal) return { stdout: '', stderr: `${error.lines.map(printable).join('\n')}\n`, exitCode: 2 };
    return { stdout: '', stderr: `${printable(error instanceof Error ? error.message : String(error))}\n`, exitCode: 1 };
  }
}
