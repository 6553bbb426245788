import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * The worked example of rules/README.md, for the tests: U-severe-sudden from pain 8
 * instead of 7, edited in place in a folder of rule files (a copy of rules/).
 */
export function raiseSevereSuddenTo8(rulesFolder: string): void {
  const file = join(rulesFolder, 'urgent.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/(- id: U-severe-sudden\n\s+when:\n\s+all:\n\s+- painScore: \{ atLeast: )7( \})/, '$18$2');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
}
