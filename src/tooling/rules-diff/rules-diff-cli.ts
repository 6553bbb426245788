/**
 * npm run rules:diff -- [<before>] [<after>] [--format markdown|json] [--accept-lower]
 *
 * Every change in the recommendation between two rule sets, over the whole answer
 * space, exactly (src/tooling/rules-diff/). Each side is a folder of rule files or a
 * git revision; the defaults are HEAD (the last commit) and the folder rules/ (the
 * working tree). Exit 0 when no answer gets a lower urgency, 1 when one does (unless
 * --accept-lower), 2 on a usage or rule file problem.
 */
import { formatJson, formatMarkdown } from './format-report.ts';
import { RuleSideError, loadRuleSide } from './rule-sides.ts';
import { diffRuleSides } from './rules-diff.ts';

const USAGE = 'usage: npm run rules:diff -- [<before> [<after>]] [--format markdown|json] [--accept-lower]';

export function runRulesDiff(args: string[], cwd = process.cwd()): { status: number; stdout: string; stderr: string } {
  const sides: string[] = [];
  let format = 'markdown';
  let acceptLower = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--accept-lower') acceptLower = true;
    else if (arg === '--format') format = args[++i] ?? '';
    else if (arg.startsWith('--')) return { status: 2, stdout: '', stderr: `unknown option ${arg}\n${USAGE}\n` };
    else sides.push(arg);
  }
  if (sides.length > 2 || !['markdown', 'json'].includes(format)) return { status: 2, stdout: '', stderr: `${USAGE}\n` };
  const [beforeSpec = 'HEAD', afterSpec = 'rules'] = sides;
  let diff;
  try {
    diff = diffRuleSides(loadRuleSide(beforeSpec, cwd), loadRuleSide(afterSpec, cwd));
  } catch (error) {
    if (error instanceof RuleSideError) return { status: 2, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const stdout = `${format === 'json' ? formatJson(diff) : formatMarkdown(diff)}\n`;
  const seconds = (diff.milliseconds / 1000).toFixed(1);
  const lower = diff.lowersUrgency && !acceptLower;
  const stderr = `${diff.groups.length} change group(s) over ${diff.boxes} boxes in ${seconds} s${
    diff.lowersUrgency
      ? `; some answers get a lower urgency${acceptLower ? ' (accepted with --accept-lower)' : ': exit 1 (give --accept-lower to accept it)'}`
      : ''
  }\n`;
  return { status: lower ? 1 : 0, stdout, stderr };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { status, stdout, stderr } = runRulesDiff(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = status;
}
