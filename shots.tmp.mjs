import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './src/tooling/chromium-launch.ts';
import { completeWizard } from './tests/browser/wizard-driver.ts';
import { routineAnswers as routine } from './tests/fixtures/routine-answers.ts';
const tag = process.argv[2];
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const [name, query, viewport] of [['phone', '', { width: 390, height: 844 }], ['reception', '?mode=reception', { width: 1366, height: 768 }]]) {
  for (const [kind, answers] of [['routine', routine], ['emergency', { ...routine, age: 40, redFlags: ['saddle-numbness'] }]]) {
    const page = await browser.newPage({ baseURL: 'http://localhost:4617/', viewport });
    await page.goto(`./${query}`);
    if (query) await page.getByText('Reception mode is on').waitFor();
    await completeWizard(page, answers);
    await page.locator('[data-urgency]').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/result-page/${tag}-${kind}-${name}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
