// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossCheck } from './cross-check.ts';
import { IMPACT_REPORT, makeImpactReport } from './impact-report.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');

/**
 * The committed v2 -> v3 impact report (issue 23): made again from the v2 rules and
 * rules/ now, it must be the committed file; its diff must hold against the rules
 * engine; and it must be made in the time budget. Not in the fast tier: the diff
 * takes about 11 s of one core.
 */
describe('the v2 -> v3 impact report', { timeout: 180_000 }, () => {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const made = makeImpactReport(projectRoot);
  const measured = made.then(() => ({ wall: performance.now() - started, cpu: process.cpuUsage(cpuBefore) }));

  it(`is made in under 30 s of processor time (the budget of issue 23 for a 2-core machine)`, async () => {
    const { wall, cpu } = await measured;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // Processor time, not wall time: in the full suite other test files share the two cores.
    console.log(`rules:diff v2 -> v3: ${(wall / 1000).toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s processor time`);
    expect(cpuSeconds).toBeLessThan(30);
  });

  it(`is the committed ${IMPACT_REPORT.file} (else run ${IMPACT_REPORT.command})`, async () => {
    const { text, committed } = await made;
    expect(text.split('\n')).toEqual(committed.split('\n'));
  });

  it('lowers no urgency, and makes no emergency a non-emergency', async () => {
    const { diff } = await made;
    expect(diff.lowersUrgency).toBe(false);
    expect(diff.groups.filter((g) => g.field === 'urgency' && g.from === 'emergency')).toEqual([]);
    expect(diff.groups.length).toBeGreaterThan(0);
  });

  it('random answers: every change is in a reported class, every example shows its change', async () => {
    crossCheck((await made).diff, 2000);
  });
});
