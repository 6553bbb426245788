// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vignettes } from '../../tests/fixtures/vignettes.ts';

/**
 * The CLI as a user runs it: a real child process, for what only a process shows
 * (standard input, exit codes, the npm script, output written in full before the
 * exit, and the size limits, in time and memory). Each spawn costs about 0.4 s, so
 * everything else is in triage-cli.test.ts, in-process; `npm run test:fast` leaves
 * this file out.
 */
const projectRoot = resolve(import.meta.dirname, '../..');
const tsx = resolve(projectRoot, 'node_modules/.bin/tsx');

const tempDir = mkdtempSync(join(tmpdir(), 'triage-cli-process-test-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { cwd: projectRoot, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const triage = (args: string[], input?: string) => run(tsx, ['src/cli/triage-cli.ts', ...args], input);

/** Peak memory (KB) and wall time (s) of a triage run, as GNU time measures them. */
function measured(args: string[]) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M %e', tsx, 'src/cli/triage-cli.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  const [kilobytes, seconds] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, kilobytes: kilobytes!, seconds: seconds! };
}

describe('triage CLI as a process', { timeout: 60_000 }, () => {
  it('reads standard input given as -, prints the recommendation and exits 0', () => {
    const vignette = vignettes[0]!;
    const result = triage(['-'], JSON.stringify(vignette.answers));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(vignette.expected);
  });

  it('runs as the README says (npm run --silent triage -- <file>), and writes a large output in full before it exits', () => {
    const file = join(tempDir, 'answers.json');
    const answers = Array.from({ length: 10 }, () => vignettes.map((v) => v.answers)).flat();
    writeFileSync(file, JSON.stringify(answers));
    const result = run('npm', ['run', '--silent', 'triage', '--', '--format', 'fhir', file]);
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(answers.length);
  });

  it('exits 2 on invalid input, with nothing on stdout, and 2 with the usage when called without arguments', () => {
    const invalid = triage(['-'], '{"age": 40, "sex": ');
    expect([invalid.status, invalid.stdout]).toEqual([2, '']);
    expect(invalid.stderr).toMatch(/^standard input is not valid JSON/);
    const usage = triage([]);
    expect([usage.status, usage.stdout]).toEqual([2, '']);
    expect(usage.stderr).toMatch(/^usage: /);
  });

  it('refuses input over 64 MB without reading it all', () => {
    const result = triage(['-'], ' '.repeat(64 * 1024 * 1024 + 1));
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe('standard input is larger than 64 MB: split the answers into smaller files\n');
  });

  it('refuses a 60 MB array of 30 million numbers within seconds and 600 MB (issue 22: was 1 min 44 s and 1.5 GB)', () => {
    const file = join(tempDir, 'numbers.json');
    writeFileSync(file, `[${'1,'.repeat(30_000_000 - 1)}1]`);
    const result = measured([file]);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr.split('\n')[0]).toBe(`${file}: a list of more than 100000 items: split the answers into smaller files`);
    expect(result.seconds, result.stderr).toBeLessThan(10);
    expect(result.kilobytes, result.stderr).toBeLessThan(600 * 1024);
  });
});
