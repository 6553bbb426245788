import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** The rules every page must pass: WCAG 2.2 A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core on the page as it is now: 0 violations, or each one named with its help
 * and where it is. The axe script is put into the page once (a single-page app keeps
 * it across its pages; @axe-core/playwright's builder injects it again for every
 * scan), and only violations are worked out in detail; every rule still runs on
 * every element. The pages scanned have no iframes.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        })
      ).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    TAGS,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}
