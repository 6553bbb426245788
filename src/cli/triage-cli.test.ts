// @vitest-environment node
import { PRIORITY } from '../fhir/triage-bundle.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vignettes } from '../../tests/fixtures/vignettes.ts';
import { policyV3Cases } from '../../tests/fixtures/policy-v3-cases.ts';
import { URGENCIES } from '../triage/catalogue.ts';
import { runTriageCli } from './run-triage-cli.ts';

/**
 * The CLI's behaviour, called in-process (`runTriageCli`, the function the entry file
 * runs): what it prints and its exit code for the arguments and standard input a
 * user gives. The few things only a real process shows (standard input, exit codes,
 * the npm script, the size limits) are in triage-cli-process.test.ts.
 */
interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** Non-empty lines of stderr. */
  errors: string[];
}

async function runCli(args: string[], stdin?: unknown): Promise<CliRun> {
  const text = stdin === undefined ? '' : typeof stdin === 'string' ? stdin : JSON.stringify(stdin);
  const result = await runTriageCli(args, { stdin: text });
  return {
    status: result.exitCode,
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

describe('triage CLI: worked cases', () => {
  it('prints the expected recommendations, in order, for all worked cases given as one array', async () => {
    expect(vignettes.length).toBeGreaterThan(0);
    const run = await runCli(
      ['-'],
      vignettes.map((v) => v.answers),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const output: unknown = JSON.parse(run.stdout);
    expect(output).toEqual(vignettes.map((v) => v.expected));
  });

  it("prints the expected recommendations for issue 18's cases (where policy v2 gave the wrong advice)", async () => {
    const run = await runCli(
      ['-'],
      policyV3Cases.map((c) => c.answers),
    );
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { urgency: string }[];
    expect(output).toEqual(policyV3Cases.map((c) => expect.objectContaining(c.expected)));
  });

  it('with --format fhir prints a FHIR Bundle per case: the answers, and the recommendation as a proposal', async () => {
    const run = await runCli(
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
    expectRejected(await runCli(['--format', 'xml', '-'], vignettes[0]!.answers));
  });

  it('with --from fhir reads the Bundles it printed (or bare QuestionnaireResponses) back into the same recommendations', async () => {
    const bundles = JSON.parse(
      (
        await runCli(
          ['--format', 'fhir', '-'],
          vignettes.map((v) => v.answers),
        )
      ).stdout,
    ) as {
      entry: { resource: unknown }[];
    }[];
    const file = join(tempDir, 'bundles.json');
    writeFileSync(file, JSON.stringify(bundles));
    const run = await runCli(['--from', 'fhir', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(vignettes.map((v) => v.expected));
    // One response gives one recommendation, not a list.
    const single = await runCli(['--from', 'fhir', '-'], bundles[0]!.entry[0]!.resource);
    expect(single.status, single.stderr).toBe(0);
    expect(JSON.parse(single.stdout)).toEqual(vignettes[0]!.expected);
  });

  it('with --from fhir names the linkId of each bad answer, and prints nothing', async () => {
    const response = (
      JSON.parse((await runCli(['--format', 'fhir', '-'], { age: 30, sex: 'male', hipReplacement: false, redFlags: [] })).stdout) as {
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
    const run = await runCli(['--from', 'fhir', '-'], bad);
    expectRejected(run);
    expect(run.errors).toEqual([
      lineFor("item.where(linkId='painScore')", '0', '10'),
      lineFor("item.where(linkId='redFlags').answer[0]", 'contractions', 'pregnant'),
    ]);
    const shape = await runCli(
      ['--from', 'fhir', '-'],
      [{ ...response, item: [{ linkId: 'age', answer: [{ valueString: '30' }] }] }, { resourceType: 'Patient' }],
    );
    expectRejected(shape);
    expect(shape.errors).toEqual([
      lineFor("[0].item.where(linkId='age').answer[0]", 'valueInteger', 'valueString'),
      lineFor('[1]', 'QuestionnaireResponse', 'Patient'),
    ]);
    // Anything else after --from is refused, with the usage.
    expectRejected(await runCli(['--from', 'hl7v2', '-'], response));
  });

  // One single-object call per urgency that the worked cases cover (the array call
  // above already checks every case's recommendation).
  const onePerUrgency = URGENCIES.flatMap((urgency) => vignettes.filter((v) => v.expected.urgency === urgency).slice(0, 1));

  it('covers at least emergency and routine with a single-object worked case', async () => {
    expect(onePerUrgency.map((v) => v.expected.urgency)).toEqual(expect.arrayContaining(['emergency', 'routine']));
  });

  it.each(onePerUrgency.map((v) => [v.expected.urgency, v.title, v] as const))(
    'one object on stdin gives one object (%s: %s)',
    async (_urgency, _title, vignette) => {
      const run = await runCli(['-'], vignette.answers);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const output: unknown = JSON.parse(run.stdout);
      expect(Array.isArray(output)).toBe(false);
      expect(output).toEqual(vignette.expected);
    },
  );

  it('reads the answers from a file given as the argument', async () => {
    const vignette = vignettes.at(-1)!;
    const file = join(tempDir, 'answers.json');
    writeFileSync(file, JSON.stringify(vignette.answers));
    const run = await runCli([file]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(vignette.expected);
  });

  it('accepts answers without a pain score (and the other optional fields)', async () => {
    const run = await runCli(['-'], { age: 40, sex: 'male', redFlags: [] });
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

describe('triage CLI: invalid answers', () => {
  it('names each offending path of a single object, without a prefix', async () => {
    const run = await runCli(['-'], { age: 121, sex: 'male', pregnancy: 'no', foo: 1, redFlags: ['fever', 'x'] });
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

  it('rejects a batch in which one element is bad, printing no recommendation for the good ones', async () => {
    const run = await runCli(
      ['-'],
      [vignettes[0]!.answers, { age: 30, sex: 'male', redFlags: [], pregnancy: 'no' }, vignettes[1]!.answers],
    );
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

  it(`rejects each of ${badAnswers.length} bad answers in one array, one line per problem, prefixed [index].`, async () => {
    const run = await runCli(
      ['-'],
      badAnswers.map((b) => b.answers),
    );
    expectRejected(run);
    expect(run.errors).toEqual(badAnswers.map((bad, index) => bad.line(`[${index}]`)));
  });

  it('rejects text that is not JSON', async () => {
    const run = await runCli(['-'], '{"age": 40, "sex": ');
    expectRejected(run);
    expect(run.stderr).toMatch(/not valid JSON/);
  });

  it('reports a file that does not exist, naming it', async () => {
    const missing = join(tempDir, 'no-such-answers.json');
    const run = await runCli([missing]);
    expectRejected(run);
    expect(run.stderr).toContain(`cannot read ${missing}`);
  });

  it('prints the usage when called without arguments', async () => {
    const run = await runCli([]);
    expectRejected(run);
    expect(run.errors[0]).toMatch(/^usage: /);
  });
});

describe('field names that are also built-in object properties', () => {
  it('reports "constructor" and "__proto__" as unknown fields, exit 2 (found by npm run fuzz)', async () => {
    const run = await runCli(['-'], '{"age":30,"sex":"male","redFlags":[],"constructor":1,"__proto__":2}');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('constructor: unknown field\n__proto__: unknown field\n');
  });
});

describe('triage CLI: hostile input (exit 2 with one clear line, never a crash or a flood)', { timeout: 20_000 }, () => {
  it('refuses JSON nested thousands of levels deep, naming the limit', async () => {
    const run = await runCli(['-'], `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expectRejected(run);
    expect(run.errors).toEqual(['standard input nests arrays or objects more than 32 levels deep: answers are never that deep']);
  });

  it('prints at most 50 problem lines, then how many more', async () => {
    const bad = Array.from({ length: 40 }, () => ({ age: -1, sex: 'q', redFlags: 'x' }));
    const run = await runCli(['-'], bad);
    expectRejected(run);
    expect(run.errors).toHaveLength(51);
    expect(run.errors.slice(0, 3)).toEqual([
      '[0].age: must be a whole number from 0 to 120',
      '[0].sex: unknown value "q"; expected one of: female, male, other',
      '[0].redFlags: must be a list',
    ]);
    expect(run.errors[50]).toBe('… and 70 more problems');
  });

  it('refuses a list far longer than its options at once, without overflowing (found by review)', async () => {
    // 99,999: the longest list the input may hold (MAX_LIST_ITEMS).
    const run = await runCli(['-'], { age: 30, sex: 'male', redFlags: Array.from({ length: 99_999 }, () => 'fever') });
    expectRejected(run);
    expect(run.errors).toEqual([lineFor('redFlags', 'more entries than there are options')]);
  });

  describe('with --from fhir (found by review)', () => {
    const routine = async () =>
      (
        JSON.parse((await runCli(['--format', 'fhir', '-'], { age: 40, sex: 'male', hipReplacement: false, redFlags: [] })).stdout) as {
          entry: { resource: { item: { linkId: string; answer: unknown[] }[] } }[];
        }
      ).entry[0]!.resource;
    const coding = (code?: string) => ({
      valueCoding: { system: 'http://hip-triage.example.org/fhir/CodeSystem/hip-triage', ...(code ? { code } : {}) },
    });

    it('refuses a coding without a code, rather than reading the question as blank (an emergency read as urgent)', async () => {
      const response = await routine();
      response.item = response.item.map((item) =>
        item.linkId === 'redFlags' ? { ...item, answer: [coding('cannot-bear-weight')] } : item,
      );
      response.item.push({ linkId: 'onset', answer: [coding()] });
      const run = await runCli(['--from', 'fhir', '-'], response);
      expectRejected(run);
      expect(run.errors).toEqual([lineFor("item.where(linkId='onset').answer[0]", 'no code')]);
    });

    it('refuses a Bundle entry it cannot read, rather than skip it (a skipped patient could be the emergency)', async () => {
      const response = await routine();
      const run = await runCli(['--from', 'fhir', '-'], {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: response }, response],
      });
      expectRejected(run);
      expect(run.errors).toEqual([lineFor('entry[1]', 'Bundle entry')]);
    });

    it('prints at most 50 problem lines for a response with 99,999 bad items, then how many more', async () => {
      const response = await routine();
      const run = await runCli(['--from', 'fhir', '-'], { ...response, item: Array.from({ length: 99_999 }, () => ({})) });
      expectRejected(run);
      expect(run.errors).toHaveLength(51);
      expect(run.errors[0]).toEqual(lineFor('item[0]', 'not a question'));
      expect(run.errors[50]).toBe('… and 99949 more problems');
    });

    it('refuses what --format fhir wrote for answers that leave out a question the form requires (pregnancy, where asked)', async () => {
      const bundle = (await runCli(['--format', 'fhir', '-'], { age: 30, sex: 'female', hipReplacement: false, redFlags: [] })).stdout;
      const run = await runCli(['--from', 'fhir', '-'], bundle);
      expectRejected(run);
      expect(run.errors).toEqual([
        lineFor('entry[0].resource.status', 'in-progress', 'completed'),
        lineFor("entry[0].resource.item.where(linkId='pregnancy')", 'pregnancy warning signs'),
      ]);
    });

    it('refuses a response that leaves out the hip replacement question from 16 (v3), and reads one that answers it', async () => {
      const bundle = (await runCli(['--format', 'fhir', '-'], { age: 74, sex: 'male', redFlags: ['fever'] })).stdout;
      const run = await runCli(['--from', 'fhir', '-'], bundle);
      expectRejected(run);
      expect(run.errors).toEqual([
        lineFor('entry[0].resource.status', 'in-progress', 'completed'),
        // In words (errors.json), never the message key itself.
        expect.stringMatching(/^entry\[0\]\.resource\.item\.where\(linkId='hipReplacement'\): (?!fhir\.)\S/),
      ]);
      const answered = (await runCli(['--format', 'fhir', '-'], { age: 74, sex: 'male', hipReplacement: true, redFlags: ['fever'] }))
        .stdout;
      const read = await runCli(['--from', 'fhir', '-'], answered);
      expect(read.status, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout)).toMatchObject({ urgency: 'emergency', reasons: expect.arrayContaining(['E-prosthesis']) });
    });
  });

  it('cuts long values and names, and prints control characters escaped', async () => {
    const run = await runCli(['-'], { age: 30, sex: 'male', redFlags: ['x'.repeat(100_000)], ['\u001b[31mred\u202e']: 1 });
    expectRejected(run);
    // eslint-disable-next-line no-control-regex -- no raw ESC may reach the terminal
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/);
    expect([...run.errors].sort()).toEqual([
      '\\u001b[31mred\\u202e: unknown field',
      `redFlags[0]: unknown red flag "${'x'.repeat(59)}… (100002 characters)`,
    ]);
  });
});

/** Issue 22: input that JSON.parse reads differently from what was written, or that is nothing at all. */
describe('triage CLI: what the text says, not what JSON.parse keeps (issue 22)', () => {
  it('refuses a name given twice in one object (JSON.parse kept the last: a red flag undone), naming each', async () => {
    const run = await runCli(['-'], '[{"age":30,"sex":"male","redFlags":["cannot-bear-weight"],"redFlags":[]},{"age":30,"\u0061ge":31}]');
    expectRejected(run);
    expect(run.errors).toEqual([lineFor('[0].redFlags', 'twice'), lineFor('[1].age', 'twice')]);
  });

  it('refuses a number that reads as a whole number but is not written as one (1e-400 and -0 read as age 0)', async () => {
    const run = await runCli(
      ['-'],
      '[{"age":1e-400,"sex":"male","redFlags":[]},{"age":-0,"sex":"male","redFlags":[]},{"age":3e1,"sex":"male","redFlags":[],"painScore":5.0}]',
    );
    expectRejected(run);
    expect(run.errors).toEqual([
      lineFor('[0].age', '1e-400', 'whole number'),
      lineFor('[1].age', '-0', 'whole number'),
      lineFor('[2].age', '3e1', 'whole number'),
      lineFor('[2].painScore', '5.0', 'whole number'),
    ]);
    // Written plainly, 0 is an age; a fraction is still the schema's to refuse.
    expect((await runCli(['-'], '{"age":0,"sex":"male","redFlags":[]}')).status).toBe(0);
    expect((await runCli(['-'], '{"age":4.5,"sex":"male","redFlags":[]}')).errors).toEqual(['age: must be a whole number from 0 to 120']);
  });

  it('refuses a hidden whole number in a FHIR answer too, naming its place', async () => {
    const response = await routineResponse();
    const text = JSON.stringify({ ...response, item: [{ linkId: 'age', answer: [{ valueInteger: 1 }] }, ...response.item.slice(1)] });
    const run = await runCli(['--from', 'fhir', '-'], text.replace('"valueInteger":1', '"valueInteger":1e-400'));
    expectRejected(run);
    expect(run.errors).toEqual([lineFor('item[0].answer[0].valueInteger', '1e-400')]);
  });

  it('refuses an empty list: nothing to triage (exit 0 with [] before)', async () => {
    for (const args of [['-'], ['--format', 'fhir', '-'], ['--from', 'fhir', '-']]) {
      const run = await runCli(args, ' [ ] ');
      expectRejected(run);
      expect(run.errors, args.join(' ')).toEqual(['standard input is an empty list: nothing to triage']);
    }
    const nested = await runCli(['--from', 'fhir', '-'], [[], await routineResponse()]);
    expectRejected(nested);
    expect(nested.errors).toEqual([lineFor('[0]', 'empty list')]);
  });

  it('prints invisible and reordering characters escaped: U+061C, U+2028, U+2029, U+200B, U+FEFF, a tag character', async () => {
    const name = 'a\u061cb\u2028c\u2029d\u200be\ufeff\u{e0041}';
    const run = await runCli(['-'], { age: 30, sex: 'male', redFlags: [name], [name]: 1 });
    expectRejected(run);
    expect(run.stderr).not.toMatch(/[\u061c\u2028\u2029\u200b\ufeff]|\u{e0041}/u);
    expect([...run.errors].sort()).toEqual([
      'a\\u061cb\\u2028c\\u2029d\\u200be\\ufeff\\udb40\\udc41: unknown field',
      'redFlags[0]: unknown red flag "a\\u061cb\\u2028c\\u2029d\\u200be\\ufeff\\udb40\\udc41"',
    ]);
  });

  it('refuses a list of more than 100,000 items, or more than 2,000,000 values, naming the limit, before parsing', async () => {
    const long = await runCli(['-'], { age: 30, sex: 'male', redFlags: Array.from({ length: 100_001 }, () => 'fever') });
    expect(long.errors).toEqual(['redFlags: a list of more than 100000 items: split the answers into smaller files']);
    const many = await runCli(
      ['-'],
      Array.from({ length: 50_000 }, () => Array.from({ length: 41 }, () => 1)),
    );
    expectRejected(many);
    expect(many.errors).toEqual([
      'standard input holds more than 2000000 values (numbers, texts, lists and objects): split the answers into smaller files',
    ]);
  });
});

type Response = { item: { linkId: string; answer?: unknown[] }[] } & Record<string, unknown>;
type Bundle = { resourceType: 'Bundle'; entry: { fullUrl: string; resource: Response; request?: unknown }[] } & Record<string, unknown>;

/** What --format fhir prints for a man of 40 with no warning signs (routine). */
const routineBundle = async () =>
  JSON.parse((await runCli(['--format', 'fhir', '-'], { age: 40, sex: 'male', hipReplacement: false, redFlags: [] })).stdout) as Bundle;
const routineResponse = async () => (await routineBundle()).entry[0]!.resource;
const itemOf = (response: Response, linkId: string) => response.item.find((item) => item.linkId === linkId)!;
const ours = (code: string) => ({ valueCoding: { system: 'http://hip-triage.example.org/fhir/CodeSystem/hip-triage', code } });

/** Issue 22: every element --from fhir does not understand is refused, named by its FHIRPath, never skipped. */
describe('triage CLI --from fhir: what it does not understand is refused (issue 22)', () => {
  it('reads a response with what a renderer adds (meta, narrative, item text, coding display), so the checks below are not blanket refusals', async () => {
    const response = await routineResponse();
    itemOf(response, 'sex').answer = [{ valueCoding: { ...ours('male').valueCoding, display: 'Male', version: '3.0.0' } }];
    const run = await runCli(['--from', 'fhir', '-'], {
      ...response,
      id: 'r1',
      meta: { profile: ['http://hl7.org/fhir/4.0/StructureDefinition/QuestionnaireResponse'], tag: [{ code: 'lformsVersion: 40' }] },
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">answers</div>' },
      item: response.item.map((item) => ({ ...item, text: 'the question' })),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ urgency: 'routine' });
  });

  it('refuses a modifierExtension anywhere (one could negate the "none" red-flags answer: routine, exit 0 before)', async () => {
    const response = await routineResponse();
    const negated = { url: 'http://example.org/not', valueBoolean: true };
    const redFlags = response.item.findIndex((item) => item.linkId === 'redFlags');
    response.item[redFlags] = { ...response.item[redFlags]!, modifierExtension: [negated] } as Response['item'][number];
    const run = await runCli(['--from', 'fhir', '-'], { ...response, meta: { modifierExtension: [negated] } });
    expectRejected(run);
    expect([...run.errors].sort()).toEqual(
      [lineFor(`item[${redFlags}].modifierExtension`, 'modifier'), lineFor('meta.modifierExtension', 'modifier')].sort(),
    );
    // On an answer, and in the ServiceRequest beside the response in a Bundle.
    const bundle = await routineBundle();
    (itemOf(bundle.entry[0]!.resource, 'redFlags').answer![0] as Record<string, unknown>).modifierExtension = [negated];
    (bundle.entry[1]!.resource as Record<string, unknown>).modifierExtension = [negated];
    const inBundle = await runCli(['--from', 'fhir', '-'], bundle);
    expectRejected(inBundle);
    expect(inBundle.errors).toEqual([
      lineFor(`entry[0].resource.item[${redFlags}].answer[0].modifierExtension`, 'modifier'),
      lineFor('entry[1].resource.modifierExtension', 'modifier'),
    ]);
  });

  it('refuses implicitRules, and an emergency response inside contained (routine, exit 0 before)', async () => {
    const response = await routineResponse();
    const emergency = await routineResponse();
    itemOf(emergency, 'redFlags').answer = [ours('cannot-bear-weight')];
    const run = await runCli(['--from', 'fhir', '-'], {
      ...response,
      implicitRules: 'http://example.org/our-rules',
      contained: [emergency],
    });
    expectRejected(run);
    expect(run.errors).toEqual([lineFor('implicitRules', 'rules of its own'), lineFor('contained', 'contained')]);
  });

  it('refuses an answer with two values, an extension (data-absent-reason) or a `_value` beside its value, and unknown elements of an item, a coding or the response', async () => {
    const response = await routineResponse();
    const absent = { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'asked-declined' };
    itemOf(response, 'redFlags').answer = [{ ...ours('none'), valueBoolean: true }];
    itemOf(response, 'age').answer = [{ valueInteger: 40, extension: [absent] }];
    itemOf(response, 'sex').answer = [{ valueCoding: { ...ours('male').valueCoding, extension: [absent] } }];
    Object.assign(itemOf(response, 'hipReplacement'), { extension: [absent] });
    response.item.push({ linkId: 'painScore', answer: [{ valueInteger: 3, _valueInteger: { extension: [absent] } }] });
    const run = await runCli(['--from', 'fhir', '-'], { ...response, extension: [absent] });
    expectRejected(run);
    expect(run.errors).toEqual([
      lineFor('extension', 'not understood'),
      lineFor("item.where(linkId='age').answer[0].extension", 'not understood'),
      lineFor("item.where(linkId='sex').answer[0].valueCoding.extension", 'not understood'),
      lineFor("item.where(linkId='hipReplacement').extension", 'not understood'),
      lineFor("item.where(linkId='redFlags').answer[0].valueBoolean", 'second value', 'valueCoding'),
      lineFor("item.where(linkId='painScore').answer[0]._valueInteger", 'not understood'),
    ]);
  });

  it('refuses more answers than a question takes (two ages)', async () => {
    const response = await routineResponse();
    itemOf(response, 'age').answer = [{ valueInteger: 40 }, { valueInteger: 8 }];
    const run = await runCli(['--from', 'fhir', '-'], response);
    expectRejected(run);
    expect(run.errors).toEqual([lineFor("item.where(linkId='age')", '2 answers', 'at most 1')]);
  });

  it('refuses a Bundle entry that deletes, a history Bundle, and a ServiceRequest that is not ours (each read as nothing before)', async () => {
    const bundle = await routineBundle();
    const deleting = {
      ...bundle,
      type: 'transaction',
      entry: [{ ...bundle.entry[0]!, request: { method: 'DELETE', url: 'QuestionnaireResponse/1' } }],
    };
    const deleted = await runCli(['--from', 'fhir', '-'], deleting);
    expectRejected(deleted);
    expect(deleted.errors).toEqual([lineFor('entry[0].request.method', '"DELETE"')]);
    const history = await runCli(['--from', 'fhir', '-'], { ...bundle, type: 'history' });
    expectRejected(history);
    expect(history.errors).toEqual([lineFor('type', '"history"')]);
    const foreign = {
      resourceType: 'ServiceRequest',
      status: 'active',
      intent: 'order',
      priority: 'stat',
      subject: { reference: 'Patient/1' },
    };
    const withForeign = await runCli(['--from', 'fhir', '-'], {
      ...bundle,
      entry: [...bundle.entry, { fullUrl: 'urn:uuid:x', resource: foreign }],
    });
    expectRejected(withForeign);
    expect(withForeign.errors).toEqual([lineFor('entry[2].resource', 'ServiceRequest', 'not')]);
    // A transaction that stores the response (POST or PUT) is read.
    const storing = {
      ...bundle,
      type: 'transaction',
      entry: bundle.entry.map((entry) => ({ ...entry, request: { method: 'POST', url: 'x' } })),
    };
    expect((await runCli(['--from', 'fhir', '-'], storing)).status).toBe(0);
  });
});
