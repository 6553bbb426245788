import { expect, test, type Page } from '@playwright/test';
import { evaluateRules } from '../../src/triage/rules/evaluate-rules.ts';
import { reasonsShown } from '../../src/triage/rules/reasons-shown.ts';
import { safetyNetOf } from '../../src/triage/rules/safety-net.ts';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { policyV3Cases } from '../fixtures/policy-v3-cases.ts';
import { vignettes } from '../fixtures/vignettes.ts';
import { completeWizard, result, ruleSet } from './wizard-driver.ts';

const dataOf = (page: Page, selector: string, attribute: string) =>
  page.locator(selector).evaluateAll((items, name) => items.map((item) => item.getAttribute(name)), attribute);

/**
 * Every worked case of the policy, and issue 18's cases where v2 was wrong, answered
 * in the browser as a person would. When the wizard stops early for an emergency it
 * asks fewer questions than the case lists, so the page must show the engine's result
 * for the answers it did ask, and that result must have the case's urgency and
 * specialist. The page shows the reasons and safety-netting policy §2 (v3) asks for.
 */
const cases: { title: string; answers: AnswersSoFar; expected: { urgency: string; specialist: string } }[] = [
  ...vignettes.map((v) => ({ ...v, title: `worked case: ${v.title}` })),
  ...policyV3Cases.map((c) => ({ ...c, title: `policy v3 case: ${c.title}` })),
];
for (const { title, answers, expected } of cases) {
  test(title, async ({ page }) => {
    await page.goto('./');
    const { given } = await completeWizard(page, answers);
    const shown = evaluateRules(ruleSet, given);
    await expect(result(page)).toHaveAttribute('data-urgency', expected.urgency);
    await expect(result(page)).toHaveAttribute('data-specialist', expected.specialist);
    expect(shown.urgency).toBe(expected.urgency);
    // "Why" holds the reasons at the result's urgency; the rest follow, never on an emergency.
    const { why, otherThings } = reasonsShown(ruleSet, shown);
    expect(await dataOf(page, '#reasons + .reasons li', 'data-rule')).toEqual(why);
    expect(await dataOf(page, '#other-things + .reasons li', 'data-rule')).toEqual(otherThings);
    const net = safetyNetOf(ruleSet, shown, given);
    const safetyNet = page.locator('[data-safety-net]');
    if (shown.urgency === 'emergency') {
      expect(otherThings).toEqual([]);
      await expect(page.locator('#reading')).toHaveCount(0);
      await expect(page.locator('[data-call-now-if]')).toHaveCount(0);
    } else {
      // Safety-netting (policy §2, v3): "Call 112 now if:", the lines that apply, then the warning signs shown.
      await expect(safetyNet.locator('a[href="tel:112"]').first()).toBeVisible();
      expect(await dataOf(page, '[data-safety-net] [data-call-now-if]', 'data-call-now-if')).toEqual([...net.callNowIf, 'warning-signs']);
      expect(await dataOf(page, '[data-safety-net] details [data-warning-sign]', 'data-warning-sign')).toEqual(net.warningSigns);
      await expect(safetyNet.locator('[data-safety-net-line="same-day"]')).toHaveCount(net.sameDay ? 1 : 0);
    }
    expect(await dataOf(page, '[data-safety-net] [data-safety-net-line]', 'data-safety-net-line')).toEqual(
      [
        net.sameDay && 'same-day',
        net.pregnancyLine === 'early-pregnancy' ? 'early-pregnancy' : net.pregnancyLine && 'maternity',
        net.pregnancyNote,
      ].filter(Boolean),
    );
  });
}
