// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { PRIORITY } from '../fhir/triage-bundle.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vignettes } from '../../tests/fixtures/vignettes.ts';
import { policyV3Cases } from '../../tests/fixtures/policy-v3-cases.ts';
import { URGENCIES } from '../triage/catalogue.ts';

/**
 * The CLI as a user runs it: a real child process, answers on standard input or in a
 * file. Each spawn costs about 0.4 s, so cases are batched where the output format
 * allows it (an array of answers gives one recommendation or `[i].`-prefixed problem
 * lines per element).
 */
const projectRoot = resolve(import.meta.dirname, '../..');
const tsx = resolve(projectRoot, 'node_modules/.bin/tsx');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty lines of stderr. */
  errors: string[];
}

function runCli(args: string[], stdin?: unknown): CliRun {
  const input = stdin === undefined ? undefined : typeof stdin === 'string' ? stdin : JSON.stringify(stdin);
  const result = spawnSync(tsx, ['src/cli/triage-cli.ts', ...args], {
    cwd: projectRoot,
    input,
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    errors: result.stderr.split('\n').filter((line) => line.trim() !== ''),
  };
}

/** Exit 2, nothing on stdout: a script piping the output never sees half a result. */
function expectRejected(run: CliRun): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.errors.length).toBeGreaterThan(0);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A problem line for `path` (already prefixed as the CLI prints it) whose text mentions `mentions`. */
const lineFor = (path: string, ...mentions: string[]) =>
  expect.stringMatching(new RegExp(`^${escape(path)}: ${mentions.map((m) => `(?=.*${escape(m)})`).join('')}.+$`));

const tempDir = mkdtempSync(join(tmpdir(), 'triage-cli-test-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('triage CLI: worked cases', { timeout: 20_000 }, () => {
  it('prints the expected recommendations, in order, for all worked cases given as one array', () => {
    expect(vignettes.length).toBeGreaterThan(0);
    const run = runCli(
      ['-'],
      vignettes.map((v) => v.answers),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const output: unknown = JSON.parse(run.stdout);
    expect(output).toEqual(vignettes.map((v) => v.expected));
  });

  it("prints the expected recommendations for issue 18's cases (where policy v2 gave the wrong advice)", () => {
    const run = runCli(
      ['-'],
      policyV3Cases.map((c) => c.answers),
    );
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { urgency: string }[];
    expect(output).toEqual(policyV3Cases.map((c) => expect.objectContaining(c.expected)));
  });

  it('with --format fhir prints a FHIR Bundle per case: the answers, and the recommendation as a proposal', () => {
    const run = runCli(
      ['--format', 'fhir', '-'],
      vignettes.map((v) => v.answers),
    );
    expect(run.status, run.stderr).toBe(0);
    const bundles = JSON.parse(run.stdout) as { type: string; entry: { resource: Record<string, unknown> }[] }[];
    expect(bundles.map((b) => b.type)).toEqual(vignettes.map(() => 'collection'));
    bundles.forEach((bundle, index) => {
      const [response, request] = bundle.entry.map((entry) => entry.resource);
      expect(response!.resourceType).toBe('QuestionnaireResponse');
      expect(request).toMatchObject({
        resourceType: 'ServiceRequest',
        intent: 'proposal',
        priority: PRIORITY[vignettes[index]!.expected.urgency],
      });
      expect((request!.reasonCode as { coding: { code: string }[] }[]).map((r) => r.coding[0]!.code)).toEqual(
        vignettes[index]!.expected.reasons,
      );
      // v3 (policy §6): the urgency coded beside the priority, by when, and what the person was told.
      const { urgency } = vignettes[index]!.expected;
      expect(request!.category).toEqual([
        { coding: [{ system: 'http://hip-triage.example.org/fhir/CodeSystem/hip-triage', code: urgency }], text: expect.any(String) },
      ]);
      const within = { urgent: 24, soon: 14 * 24 }[urgency as string];
      if (within === undefined) expect(request!.occurrencePeriod, urgency).toBeUndefined();
      else {
        const period = request!.occurrencePeriod as { start: string; end: string };
        expect(period.start).toBe(request!.authoredOn);
        expect(Date.parse(period.end) - Date.parse(period.start)).toBe(within * 3600_000);
      }
      expect(request!.note).toEqual([{ text: expect.stringMatching(/not a diagnosis/i) }]);
      const [{ text }] = request!.note as [{ text: string }];
      if (urgency === 'emergency') expect(text).toMatch(/^EMERGENCY: the person was told to call 112 now\. This is not a referral\.\n/);
      else expect(text).toMatch(/^[^\n]+\n\nCall 112 now if:/);
    });
    // Anything else after --format is refused, with the usage.
    expectRejected(runCli(['--format', 'xml', '-'], vignettes[0]!.answers));
  });

  it('with --from fhir reads the Bundles it printed (or bare QuestionnaireResponses) back into the same recommendations', () => {
    const bundles = JSON.parse(
      runCli(
        ['--format', 'fhir', '-'],
        vignettes.map((v) => v.answers),
      ).stdout,
    ) as {
      entry: { resource: unknown }[];
    }[];
    const file = join(tempDir, 'bundles.json');
    writeFileSync(file, JSON.stringify(bundles));
    const run = runCli(['--from', 'fhir', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(vignettes.map((v) => v.expected));
    // One response gives one recommendation, not a list.
    const single = runCli(['--from', 'fhir', '-'], bundles[0]!.entry[0]!.resource);
    expect(single.status, single.stderr).toBe(0);
    expect(JSON.parse(single.stdout)).toEqual(vignettes[0]!.expected);
  });

  it('with --from fhir names the linkId of each bad answer, and prints nothing', () => {
    const response = (
      JSON.parse(runCli(['--format', 'fhir', '-'], { age: 30, sex: 'male', hipReplacement: false, redFlags: [] }).stdout) as {
        entry: { resource: { item: unknown[] } }[];
      }
    ).entry[0]!.resource;
    const coding = (code: string) => ({ valueCoding: { system: 'http://hip-triage.example.org/fhir/CodeSystem/hip-triage', code } });
    const bad = {
      ...response,
      item: [
        ...response.item.slice(0, 3),
        { linkId: 'redFlags', answer: [coding('contractions')] },
        { linkId: 'painScore', answer: [{ valueInteger: 12 }] },
      ],
    };
    const run = runCli(['--from', 'fhir', '-'], bad);
    expectRejected(run);
    expect(run.errors).toEqual([
      lineFor("item.where(linkId='painScore')", '0', '10'),
      lineFor("item.where(linkId='redFlags').answer[0]", 'contractions', 'pregnant'),
    ]);
    const shape = runCli(
      ['--from', 'fhir', '-'],
      [{ ...response, item: [{ linkId: 'age', answer: [{ valueString: '30' }] }] }, { resourceType: 'Patient' }],
    );
    expectRejected(shape);
    expect(shape.errors).toEqual([
      lineFor("[0].item.where(linkId='age').answer[0]", 'valueInteger', 'valueString'),
      lineFor('[1]', 'QuestionnaireResponse', 'Patient'),
    ]);
    // Anything else after --from is refused, with the usage.
    expectRejected(runCli(['--from', 'hl7v2', '-'], response));
  });

  // One single-object call per urgency that the worked cases cover (the array call
  // above already checks every case's recommendation).
  const onePerUrgency = URGENCIES.flatMap((urgency) => vignettes.filter((v) => v.expected.urgency === urgency).slice(0, 1));

  it('covers at least emergency and routine with a single-object worked case', () => {
    expect(onePerUrgency.map((v) => v.expected.urgency)).toEqual(expect.arrayContaining(['emergency', 'routine']));
  });

  it.each(onePerUrgency.map((v) => [v.expected.urgency, v.title, v] as const))(
    'one object on stdin gives one object (%s: %s)',
    (_urgency, _title, vignette) => {
      const run = runCli(['-'], vignette.answers);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const output: unknown = JSON.parse(run.stdout);
      expect(Array.isArray(output)).toBe(false);
      expect(output).toEqual(vignette.expected);
    },
  );

  it('reads the answers from a file given as the argument', () => {
    const vignette = vignettes.at(-1)!;
    const file = join(tempDir, 'answers.json');
    writeFileSync(file, JSON.stringify(vignette.answers));
    const run = runCli([file]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(vignette.expected);
  });

  it('accepts answers without a pain score (and the other optional fields)', () => {
    const run = runCli(['-'], { age: 40, sex: 'male', redFlags: [] });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      urgency: 'routine',
      specialist: 'gp',
      alsoConsider: ['physiotherapist'],
      content: ['hip-pain-physiotherapy'],
      reasons: ['R-default'],
    });
  });
});

describe('triage CLI: invalid answers', { timeout: 20_000 }, () => {
  it('names each offending path of a single object, without a prefix', () => {
    const run = runCli(['-'], { age: 121, sex: 'male', pregnancy: 'no', foo: 1, redFlags: ['fever', 'x'] });
    expectRejected(run);
    expect([...run.errors].sort()).toEqual(
      [
        'age: must be a whole number from 0 to 120',
        'pregnancy: not asked when sex is male',
        'foo: unknown field',
        'redFlags[1]: unknown red flag "x"',
      ].sort(),
    );
  });

  it('rejects a batch in which one element is bad, printing no recommendation for the good ones', () => {
    const run = runCli(['-'], [vignettes[0]!.answers, { age: 30, sex: 'male', redFlags: [], pregnancy: 'no' }, vignettes[1]!.answers]);
    expectRejected(run);
    expect(run.errors).toEqual(['[1].pregnancy: not asked when sex is male']);
  });

  // One element per case, each with exactly one problem: the `[i].` prefix ties each
  // line to its case, and the full list proves no case gets a missing or extra line.
  const badAnswers: { name: string; answers: unknown; line: (prefix: string) => unknown }[] = [
    { name: 'age 121', answers: { age: 121, sex: 'female', redFlags: [] }, line: (p) => `${p}.age: must be a whole number from 0 to 120` },
    { name: 'age 4.5', answers: { age: 4.5, sex: 'female', redFlags: [] }, line: (p) => `${p}.age: must be a whole number from 0 to 120` },
    {
      name: 'age as a string',
      answers: { age: '30', sex: 'female', redFlags: [] },
      line: (p) => `${p}.age: must be a whole number from 0 to 120`,
    },
    { name: 'age -1', answers: { age: -1, sex: 'female', redFlags: [] }, line: (p) => `${p}.age: must be a whole number from 0 to 120` },
    {
      name: 'pregnancy for a male',
      answers: { age: 30, sex: 'male', redFlags: [], pregnancy: 'no' },
      line: (p) => `${p}.pregnancy: not asked when sex is male`,
    },
    {
      name: 'pregnancy at age 60',
      answers: { age: 60, sex: 'female', redFlags: [], pregnancy: 'no' },
      line: (p) => lineFor(`${p}.pregnancy`, '12', '55'),
    },
    { name: 'unknown field', answers: { age: 30, sex: 'female', redFlags: [], foo: true }, line: (p) => `${p}.foo: unknown field` },
    {
      name: 'unknown red flag',
      answers: { age: 30, sex: 'male', redFlags: ['fever', 'x'] },
      line: (p) => `${p}.redFlags[1]: unknown red flag "x"`,
    },
    {
      name: 'pregnancy red flag when not pregnant',
      answers: { age: 30, sex: 'female', pregnancy: 'no', redFlags: ['fever', 'vaginal-bleeding'] },
      line: (p) => lineFor(`${p}.redFlags[1]`, 'vaginal-bleeding'),
    },
    {
      name: 'duplicate red flag',
      answers: { age: 30, sex: 'male', redFlags: ['fever', 'fever'] },
      line: (p) => lineFor(`${p}.redFlags[1]`, 'fever', 'twice'),
    },
    {
      name: 'duplicate symptom',
      answers: { age: 30, sex: 'male', redFlags: [], symptoms: ['tingling', 'rest-pain', 'tingling'] },
      line: (p) => lineFor(`${p}.symptoms[2]`, 'tingling', 'twice'),
    },
    { name: 'missing age', answers: { sex: 'female', redFlags: [] }, line: (p) => `${p}.age: is required` },
    { name: 'missing sex', answers: { age: 30, redFlags: [] }, line: (p) => `${p}.sex: is required` },
    // v2: without the red flags nobody can tell "none" from "not asked", so no recommendation.
    { name: 'missing red flags', answers: { age: 30, sex: 'male' }, line: (p) => `${p}.redFlags: is required` },
    {
      name: 'contractions after birth',
      answers: { age: 30, sex: 'female', pregnancy: 'postpartum', redFlags: ['contractions'] },
      line: (p) => `${p}.redFlags[0]: "contractions" is only asked when pregnancy is "pregnant"`,
    },
    {
      name: 'limp as a red flag at 18',
      answers: { age: 18, sex: 'male', redFlags: ['limp'] },
      line: (p) => `${p}.redFlags[0]: "limp" is a red flag only under 18; from 18 it is a symptom`,
    },
    { name: 'unknown sex', answers: { age: 30, sex: 'x', redFlags: [] }, line: (p) => lineFor(`${p}.sex`, '"x"', 'female, male, other') },
    {
      name: 'no locations',
      answers: { age: 30, sex: 'male', redFlags: [], locations: [] },
      line: (p) => lineFor(`${p}.locations`, 'location'),
    },
    {
      name: 'pain score 11',
      answers: { age: 30, sex: 'male', redFlags: [], painScore: 11 },
      line: (p) => `${p}.painScore: must be a whole number from 0 to 10`,
    },
    {
      name: 'pregnancy weeks 43',
      answers: { age: 30, sex: 'female', redFlags: [], pregnancy: 'pregnant', pregnancyWeeks: 43 },
      line: (p) => `${p}.pregnancyWeeks: must be a whole number from 1 to 42`,
    },
    {
      name: 'weeks when not pregnant',
      answers: { age: 30, sex: 'female', redFlags: [], pregnancy: 'no', pregnancyWeeks: 20 },
      line: (p) => lineFor(`${p}.pregnancyWeeks`, 'pregnant'),
    },
    { name: 'not an object', answers: 42, line: (p) => lineFor(p, 'object') },
  ];

  it(`rejects each of ${badAnswers.length} bad answers in one array, one line per problem, prefixed [index].`, () => {
    const run = runCli(
      ['-'],
      badAnswers.map((b) => b.answers),
    );
    expectRejected(run);
    expect(run.errors).toEqual(badAnswers.map((bad, index) => bad.line(`[${index}]`)));
  });

  it('rejects text that is not JSON', () => {
    const run = runCli(['-'], '{"age": 40, "sex": ');
    expectRejected(run);
    expect(run.stderr).toMatch(/not valid JSON/);
  });

  it('reports a file that does not exist, naming it', () => {
    const missing = join(tempDir, 'no-such-answers.json');
    const run = runCli([missing]);
    expectRejected(run);
    expect(run.stderr).toContain(`cannot read ${missing}`);
  });

  it('prints the usage when called without arguments', () => {
    const run = runCli([]);
    expectRejected(run);
    expect(run.errors[0]).toMatch(/^usage: /);
  });
});

describe('field names that are also built-in object properties', () => {
  it('reports "constructor" and "__proto__" as unknown fields, exit 2 (found by npm run fuzz)', () => {
    const run = spawnSync('node_modules/.bin/tsx', ['src/cli/triage-cli.ts', '-'], {
      input: '{"age":30,"sex":"male","redFlags":[],"constructor":1,"__proto__":2}',
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('constructor: unknown field\n__proto__: unknown field\n');
  }, 20_000);
});

describe('triage CLI: hostile input (exit 2 with one clear line, never a crash or a flood)', { timeout: 30_000 }, () => {
  it('refuses JSON nested thousands of levels deep, naming the limit', () => {
    const run = runCli(['-'], `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectRejected(run);
    expect(run.errors).toEqual(['standard input nests arrays or objects more than 32 levels deep: answers are never that deep']);
  });

  it('refuses input over 64 MB without reading it all', () => {
    const run = runCli(['-'], ' '.repeat(64 * 1024 * 1024 + 1));
    expectRejected(run);
    expect(run.errors).toEqual(['standard input is larger than 64 MB: split the answers into smaller files']);
  });

  it('prints at most 50 problem lines, then how many more', () => {
    const bad = Array.from({ length: 40 }, () => ({ age: -1, sex: 'q', redFlags: 'x' }));
    const run = runCli(['-'], bad);
    expectRejected(run);
    expect(run.errors).toHaveLength(51);
    expect(run.errors.slice(0, 3)).toEqual([
      '[0].age: must be a whole number from 0 to 120',
      '[0].sex: unknown value "q"; expected one of: female, male, other',
      '[0].redFlags: must be a list',
    ]);
    expect(run.errors[50]).toBe('… and 70 more problems');
  });

  it('refuses a list far longer than its options at once, without overflowing (found by review)', () => {
    const run = runCli(['-'], { age: 30, sex: 'male', redFlags: Array.from({ length: 300_000 }, () => 'fever') });
    expectRejected(run);
    expect(run.errors).toEqual([lineFor('redFlags', 'more entries than there are options')]);
  });

  describe('with --from fhir (found by review)', () => {
    const routine = () =>
      (
        JSON.parse(runCli(['--format', 'fhir', '-'], { age: 40, sex: 'male', hipReplacement: false, redFlags: [] }).stdout) as {
          entry: { resource: { item: { linkId: string; answer: unknown[] }[] } }[];
        }
      ).entry[0]!.resource;
    const coding = (code?: string) => ({
      valueCoding: { system: 'http://hip-triage.example.org/fhir/CodeSystem/hip-triage', ...(code ? { code } : {}) },
    });

    it('refuses a coding without a code, rather than reading the question as blank (an emergency read as urgent)', () => {
      const response = routine();
      response.item = response.item.map((item) =>
        item.linkId === 'redFlags' ? { ...item, answer: [coding('cannot-bear-weight')] } : item,
      );
      response.item.push({ linkId: 'onset', answer: [coding()] });
      const run = runCli(['--from', 'fhir', '-'], response);
      expectRejected(run);
      expect(run.errors).toEqual([lineFor("item.where(linkId='onset').answer[0]", 'no code')]);
    });

    it('refuses a Bundle entry it cannot read, rather than skip it (a skipped patient could be the emergency)', () => {
      const response = routine();
      const run = runCli(['--from', 'fhir', '-'], {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: response }, response],
      });
      expectRejected(run);
      expect(run.errors).toEqual([lineFor('entry[1]', 'Bundle entry')]);
    });

    it('prints at most 50 problem lines for a response with a million bad items, then how many more', () => {
      const response = routine();
      const run = runCli(['--from', 'fhir', '-'], { ...response, item: Array.from({ length: 1_000_000 }, () => ({})) });
      expectRejected(run);
      expect(run.errors).toHaveLength(51);
      expect(run.errors[0]).toEqual(lineFor('item[0]', 'not a question'));
      expect(run.errors[50]).toBe('… and 999950 more problems');
    });

    it('refuses what --format fhir wrote for answers that leave out a question the form requires (pregnancy, where asked)', () => {
      const bundle = runCli(['--format', 'fhir', '-'], { age: 30, sex: 'female', hipReplacement: false, redFlags: [] }).stdout;
      const run = runCli(['--from', 'fhir', '-'], bundle);
      expectRejected(run);
      expect(run.errors).toEqual([
        lineFor('entry[0].resource.status', 'in-progress', 'completed'),
        lineFor("entry[0].resource.item.where(linkId='pregnancy')", 'pregnancy warning signs'),
      ]);
    });

    it('refuses a response that leaves out the hip replacement question from 16 (v3), and reads one that answers it', () => {
      const bundle = runCli(['--format', 'fhir', '-'], { age: 74, sex: 'male', redFlags: ['fever'] }).stdout;
      const run = runCli(['--from', 'fhir', '-'], bundle);
      expectRejected(run);
      expect(run.errors).toEqual([
        lineFor('entry[0].resource.status', 'in-progress', 'completed'),
        // In words (errors.json), never the message key itself.
        expect.stringMatching(/^entry\[0\]\.resource\.item\.where\(linkId='hipReplacement'\): (?!fhir\.)\S/),
      ]);
      const answered = runCli(['--format', 'fhir', '-'], { age: 74, sex: 'male', hipReplacement: true, redFlags: ['fever'] }).stdout;
      const read = runCli(['--from', 'fhir', '-'], answered);
      expect(read.status, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout)).toMatchObject({ urgency: 'emergency', reasons: expect.arrayContaining(['E-prosthesis']) });
    });
  });

  it('cuts long values and names, and prints control characters escaped', () => {
    const run = runCli(['-'], { age: 30, sex: 'male', redFlags: ['x'.repeat(100_000)], ['\u001b[31mred\u202e']: 1 });
    expectRejected(run);
    // eslint-disable-next-line no-control-regex -- no raw ESC may reach the terminal
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/);
    expect([...run.errors].sort()).toEqual([
      '\\u001b[31mred\\u202e: unknown field',
      `redFlags[0]: unknown red flag "${'x'.repeat(59)}… (100002 characters)`,
    ]);
  });
});
