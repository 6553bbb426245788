import { expect, test } from '@playwright/test';
import { evaluateRules } from '../../src/triage/rules/evaluate-rules.ts';
import { safetyNetOf } from '../../src/triage/rules/safety-net.ts';
import { vignettes } from '../fixtures/vignettes.ts';
import { completeWizard, result, ruleSet } from './wizard-driver.ts';

/**
 * Every worked case of the policy, answered in the browser as a person would. When
 * the wizard stops early for an emergency it asks fewer questions than the case
 * lists, so the page must show the engine's result for the answers it did ask, and
 * that result must have the case's urgency and specialist.
 */
for (const vignette of vignettes) {
  test(`worked case: ${vignette.title}`, async ({ page }) => {
    await page.goto('./');
    const { given } = await completeWizard(page, vignette.answers);
    const shown = evaluateRules(ruleSet, given);
    await expect(result(page)).toHaveAttribute('data-urgency', vignette.expected.urgency);
    await expect(result(page)).toHaveAttribute('data-specialist', vignette.expected.specialist);
    expect(shown.urgency).toBe(vignette.expected.urgency);
    await expect(page.locator('.reasons li')).toHaveCount(shown.reasons.length);
    expect(await page.locator('.reasons li').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule')))).toEqual(
      shown.reasons,
    );
    // Safety-netting (policy §2): every non-emergency result ends with when to call the emergency number.
    const net = safetyNetOf(ruleSet, shown, given);
    const safetyNet = page.locator('[data-safety-net]');
    if (shown.urgency === 'emergency') await expect(safetyNet.locator('a[href^="tel:"]')).toHaveCount(0);
    else await expect(safetyNet.locator('a[href="tel:112"]')).toBeVisible();
    expect(
      await safetyNet.locator('[data-call-now-if]').evaluateAll((items) => items.map((li) => li.getAttribute('data-call-now-if'))),
    ).toEqual(net.callNowIf);
  });
}
