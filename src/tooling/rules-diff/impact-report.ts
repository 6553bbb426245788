/**
 * npm run rules:impact-report
 *
 * Writes docs/clinical-safety/impact-v2-to-v3.md: the rules:diff report of the rules
 * as they were under policy v2 (tests/fixtures/rules-v2, a copy of rules/ at git
 * revision 39fc953^) against rules/ now, formatted as Prettier keeps Markdown.
 * impact-report.test.ts makes it the same way and fails when the committed file
 * differs, so the report cannot drift from the rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { formatMarkdown } from './format-report.ts';
import { loadRuleSide } from './rule-sides.ts';
import { diffRuleSides, type RulesDiff } from './rules-diff.ts';

export const IMPACT_REPORT = {
  before: 'tests/fixtures/rules-v2',
  after: 'rules',
  file: 'docs/clinical-safety/impact-v2-to-v3.md',
  command: 'npm run rules:impact-report',
} as const;

export interface ImpactReport {
  diff: RulesDiff;
  /** The report as it should be committed. */
  text: string;
  /** The report as it is committed. */
  committed: string;
}

export async function makeImpactReport(root: string): Promise<ImpactReport> {
  const diff = diffRuleSides(loadRuleSide(IMPACT_REPORT.before, root), loadRuleSide(IMPACT_REPORT.after, root));
  const file = resolve(root, IMPACT_REPORT.file);
  const options = await resolveConfig(file);
  const text = await format(formatMarkdown(diff, IMPACT_REPORT.command), { ...options, filepath: file });
  return { diff, text, committed: readFileSync(file, 'utf8') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const { diff, text, committed } = await makeImpactReport(root);
  if (text !== committed) writeFileSync(resolve(root, IMPACT_REPORT.file), text);
  process.stdout.write(
    `${IMPACT_REPORT.file}: ${text === committed ? 'unchanged' : 'written'}; ${diff.groups.length} change group(s) over ${diff.boxes} boxes in ${(diff.milliseconds / 1000).toFixed(1)} s${diff.lowersUrgency ? '; SOME ANSWERS GET A LOWER URGENCY' : ''}\n`,
  );
}
