import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ANSWERED_QUESTIONNAIRE, CODE_SYSTEM_URL } from '../../src/fhir/canonical.ts';
import { isHipReplacementAsked, redFlagsShown, symptomsShown } from '../../src/triage/answers/asked-when.ts';
import type { AnswersSoFar } from '../../src/triage/answers/answers-schema.ts';
import { FIELD_IDS, fieldDefinition } from '../../src/triage/fields.ts';
import { fhirValidator } from '../../src/tooling/testing/fhir-validator.ts';
import { vignettes } from '../fixtures/vignettes.ts';

/**
 * The published Questionnaire in a FHIR forms renderer nobody here wrote: LHC-Forms
 * (the US National Library of Medicine's, npm `lforms`), in Chromium, on a page of
 * its own that knows nothing of the wizard. It gets the file the build serves,
 * shows the questions as the wizard asks them, and its own QuestionnaireResponse
 * goes through `triage --from fhir` to the worked case's recommendation.
 */
const LFORMS = resolve('node_modules/lforms/dist/lforms');
const RENDERER = 'http://renderer.test/';
// As LHC-Forms documents it: its web component's files, then its FHIR support, at the end of the body.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LHC-Forms</title><link rel="stylesheet" href="/webcomponent/styles.css"></head>
<body><div id="form"></div>
<script src="/webcomponent/assets/lib/zone.min.js"></script>
<script src="/webcomponent/runtime.js"></script>
<script src="/webcomponent/polyfills.js"></script>
<script src="/webcomponent/main.js"></script>
<script src="/fhir/R4/lformsFHIR.min.js"></script>
</body></html>`;

interface LForms {
  Util: {
    addFormToPage(questionnaire: unknown, container: string, options: object): Promise<void>;
    getFormFHIRData(type: string, version: string, element?: Element): Record<string, unknown>;
  };
}

/**
 * One renderer page per worker, with the Questionnaire the app's build serves: loading
 * LHC-Forms takes about a second, and a fresh form (below) is as good as a fresh page.
 */
const test = base.extend<{ form: { page: Page; errors: string[] } }, { renderer: { page: Page; questionnaire: unknown } }>({
  renderer: [
    async ({ browser, playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const response = await request.get('./fhir/Questionnaire.json');
      expect(response.ok()).toBe(true);
      const questionnaire: unknown = await response.json();
      await request.dispose();
      const page = await browser.newPage();
      await page.route(`${RENDERER}**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
        const file = resolve(LFORMS, `.${path}`);
        if (!file.startsWith(LFORMS)) return route.abort();
        return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
      });
      await page.goto(RENDERER);
      await page.waitForFunction(() => typeof (window as unknown as { LForms?: LForms }).LForms?.Util?.addFormToPage === 'function');
      await use({ page, questionnaire });
      await page.close();
    },
    { scope: 'worker' },
  ],
  /** The form afresh (addFormToPage replaces the one before), and the page errors while this test runs. */
  form: async ({ renderer: { page, questionnaire } }, use) => {
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(error.message);
    page.on('pageerror', onError);
    await page.evaluate((q) => (window as unknown as { LForms: LForms }).LForms.Util.addFormToPage(q, 'form', {}), questionnaire);
    await expect(page.locator('[id="item-age/1"]')).toBeVisible();
    await use({ page, errors });
    page.off('pageerror', onError);
  },
});

const item = (page: Page, linkId: string) => page.locator(`[id="item-${linkId}/1"]`);
const option = (page: Page, linkId: string, system: string, code: string) => page.locator(`[id="${linkId}/1|${system}|${code}"]`);
/** The codes a list offers now, as the renderer shows them. */
const offered = (page: Page, linkId: string) =>
  page
    .locator(`[id^="${linkId}/1|${CODE_SYSTEM_URL}|"]`)
    .evaluateAll((options) => options.map((element) => element.id.slice(element.id.lastIndexOf('|') + 1)));

async function typeNumber(page: Page, linkId: string, value: number) {
  await page.locator(`[id="${linkId}/1"]`).fill(String(value));
  // The renderer takes the value, and runs its enableWhen and expressions, when the field is left.
  await page.keyboard.press('Tab');
}

/**
 * Fills in the form as a person would, field by field in the order asked: every field
 * the case has, the hip replacement question (v3, a pair of radios) included.
 */
async function fillIn(page: Page, answers: AnswersSoFar) {
  for (const field of FIELD_IDS) {
    const value = answers[field];
    if (value === undefined) continue;
    const definition = fieldDefinition(field);
    switch (definition.kind) {
      case 'number':
      case 'scale':
        await typeNumber(page, field, value as number);
        break;
      case 'yes-no':
        // LHC-Forms shows a boolean as "Yes" / "No" radios.
        await page.locator(`[id="${field}/1|${String(value)}"]`).click();
        break;
      case 'single':
        await option(page, field, CODE_SYSTEM_URL, value as string).click();
        break;
      case 'multiple': {
        const ids = value as string[];
        if (definition.shown) {
          // What the renderer offers at this point is what the wizard shows this person.
          const expected = field === 'redFlags' ? redFlagsShown(answers) : symptomsShown(answers);
          await expect.poll(() => offered(page, field), `${field} offered`).toEqual([...expected, 'none']);
        }
        for (const id of ids.length > 0 ? ids : ['none']) await option(page, field, CODE_SYSTEM_URL, id).click();
      }
    }
  }
}

const responseOf = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { LForms: LForms }).LForms.Util.getFormFHIRData(
      'QuestionnaireResponse',
      'R4',
      document.querySelector('lhc-form') ?? undefined,
    ),
  );

/** `npm run --silent triage -- --from fhir -`, as an integrator runs it. */
function triageFromFhir(input: unknown) {
  const run = spawnSync(resolve('node_modules/.bin/tsx'), ['src/cli/triage-cli.ts', '--from', 'fhir', '-'], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as unknown;
}

test.describe('the Questionnaire in LHC-Forms (lforms)', () => {
  test('asks about pregnancy for a woman of 30, not for a man of 30 or a woman of 70; its weeks only when pregnant', async ({
    form: { page, errors },
  }) => {
    await typeNumber(page, 'age', 30);
    await option(page, 'sex', CODE_SYSTEM_URL, 'female').click();
    await expect(item(page, 'pregnancy')).toBeVisible();
    await expect(item(page, 'pregnancyWeeks')).toHaveCount(0);
    await option(page, 'pregnancy', CODE_SYSTEM_URL, 'pregnant').click();
    await expect(item(page, 'pregnancyWeeks')).toBeVisible();
    await option(page, 'sex', CODE_SYSTEM_URL, 'male').click();
    await expect(item(page, 'pregnancy')).toHaveCount(0);
    await expect(item(page, 'pregnancyWeeks')).toHaveCount(0);
    await option(page, 'sex', CODE_SYSTEM_URL, 'female').click();
    await expect(item(page, 'pregnancy')).toBeVisible();
    await typeNumber(page, 'age', 70);
    await expect(item(page, 'pregnancy')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('asks about a hip replacement from 16 (v3), before the warning signs, and offers the wound warning sign only with one', async ({
    form: { page, errors },
  }) => {
    for (const age of [0, 15, 16, 17, 40, 120]) {
      await typeNumber(page, 'age', age);
      await expect(item(page, 'hipReplacement'), String(age)).toHaveCount(isHipReplacementAsked({ age }) ? 1 : 0);
    }
    await option(page, 'sex', CODE_SYSTEM_URL, 'male').click();
    const before = await page.locator('[id^="item-"]').evaluateAll((items) => items.map((element) => element.id));
    expect(before.indexOf('item-hipReplacement/1')).toBeLessThan(before.indexOf('item-redFlags/1'));
    await page.locator('[id="hipReplacement/1|true"]').click();
    await expect.poll(() => offered(page, 'redFlags')).toContain('wound-problem');
    await page.locator('[id="hipReplacement/1|false"]').click();
    await expect.poll(() => offered(page, 'redFlags')).not.toContain('wound-problem');
    expect(errors).toEqual([]);
  });

  test('offers the red flags of the policy table for each context: a child, a pregnant woman, a woman after birth, a man, a hip replacement, 50 and over', async ({
    form: { page },
  }) => {
    const people: AnswersSoFar[] = [
      { age: 3, sex: 'male' },
      { age: 15, sex: 'female', pregnancy: 'no' },
      { age: 30, sex: 'female', pregnancy: 'pregnant' },
      { age: 30, sex: 'female', pregnancy: 'postpartum' },
      { age: 30, sex: 'female', pregnancy: 'unsure', hipReplacement: false },
      { age: 40, sex: 'male', hipReplacement: false },
      // v3: the headache from 50, the wound with a hip replacement.
      { age: 50, sex: 'female', pregnancy: 'no', hipReplacement: true },
      { age: 74, sex: 'male', hipReplacement: true },
      { age: 49, sex: 'male', hipReplacement: true },
      { age: 70, sex: 'other', hipReplacement: false },
    ];
    for (const person of people) {
      await fillIn(page, person);
      await expect.poll(() => offered(page, 'redFlags'), JSON.stringify(person)).toEqual([...redFlagsShown(person), 'none']);
      await expect.poll(() => offered(page, 'symptoms'), JSON.stringify(person)).toEqual([...symptomsShown(person), 'none']);
    }
  });

  for (const vignette of vignettes) {
    test(`filled in for "${vignette.title}", its own QuestionnaireResponse gives the expected recommendation through triage --from fhir`, async ({
      form: { page, errors },
    }) => {
      const validate = await fhirValidator();
      await fillIn(page, vignette.answers);
      const response = await responseOf(page);
      expect(response.questionnaire).toBe('http://hip-triage.example.org/fhir/Questionnaire/hip-triage|3.0.0');
      expect(response.questionnaire).toBe(ANSWERED_QUESTIONNAIRE);
      expect(validate(response)).toEqual([]);
      expect(triageFromFhir(response)).toEqual(vignette.expected);
      expect(errors).toEqual([]);
    });
  }
});
