import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { answersFromResponse } from '../../src/fhir/answers-from-response.ts';
import { PRIORITY } from '../../src/fhir/triage-bundle.ts';
import { validateAnswers, type Answers } from '../../src/triage/answers/answers-schema.ts';
import { evaluateRules } from '../../src/triage/rules/evaluate-rules.ts';
import { fhirValidator } from '../../src/tooling/fhir-validator.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { completeWizard, ruleSet } from './wizard-driver.ts';

/**
 * "Download for the clinic system (FHIR)": the current check as a FHIR R4 Bundle,
 * made in the browser, sent nowhere (docs/fhir.md).
 */
interface Bundle {
  resourceType: string;
  type: string;
  entry: { resource: Record<string, unknown> & { resourceType: string } }[];
}

const FHIR_CHUNK = /\/assets\/triage-bundle-[\w-]+\.js$/;

/** Clicks the button, and returns the Bundle saved, and every request the page made meanwhile. */
async function downloadFhir(page: Page, name: string) {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const bundle = JSON.parse(readFileSync((await (download as Download).path())!, 'utf8')) as Bundle;
  return { bundle, fileName: download.suggestedFilename(), requests };
}

/** What `triage --from fhir` makes of the Bundle: the same reader, schema and engine. */
function readBack(bundle: Bundle) {
  const response = bundle.entry.find((entry) => entry.resource.resourceType === 'QuestionnaireResponse')!.resource;
  const issues: unknown[] = [];
  const answers = answersFromResponse(response, (issue) => issues.push(issue));
  expect(issues).toEqual([]);
  const valid = validateAnswers(answers);
  if (!valid.success) throw new Error(JSON.stringify(valid.issues));
  return { answers: valid.answers, recommendation: evaluateRules(ruleSet, valid.answers) };
}

const requestOf = (bundle: Bundle) => bundle.entry.find((entry) => entry.resource.resourceType === 'ServiceRequest')!.resource;

test('reception: the call as a FHIR Bundle that validates and reads back to the same emergency, with nothing sent', async ({ page }) => {
  const validate = await fhirValidator();
  await page.goto('./?mode=reception');
  await expect(page.getByText('Reception mode is on')).toBeVisible();
  // A woman of 72 who cannot bear weight: the questions stop at the emergency.
  for (const key of ['Enter', '7', '2', 'Tab', '1', 'Enter', '1', 'Enter']) await page.keyboard.press(key);
  await expect(page).toHaveURL(/#\/result$/);
  const actions = page.locator('.summary-actions .button');
  // Next to "Copy summary".
  await expect(actions).toHaveText(['Copy summary', 'Download for the clinic system (FHIR)', 'Print']);
  const { bundle, fileName, requests } = await downloadFhir(page, 'Download for the clinic system (FHIR)');
  expect(fileName).toBe('hip-pain-check-summary.fhir.json');
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  for (const { resource } of bundle.entry) expect(validate(resource), resource.resourceType).toEqual([]);
  expect(validate(bundle)).toEqual([]);
  const { answers, recommendation } = readBack(bundle);
  expect(answers).toEqual({ age: 72, sex: 'female', redFlags: ['cannot-bear-weight'] } satisfies Answers);
  expect(recommendation.urgency).toBe('emergency');
  await expect(page.locator('[data-urgency]')).toHaveAttribute('data-urgency', recommendation.urgency);
  expect(requestOf(bundle)).toMatchObject({
    intent: 'proposal',
    priority: 'stat',
    language: 'en',
    note: [{ text: 'Not a diagnosis: a suggestion based on the answers given.' }],
  });
  await expect(page.getByRole('status').filter({ hasText: 'Saved as hip-pain-check-summary.fhir.json' })).toBeVisible();
  // Only our own code was fetched (the Bundle's builder, on first use): nothing left the browser.
  for (const request of requests) expect(request).toMatch(new RegExp(`^GET http://localhost:\\d+/assets/`));
});

test('patient: "Download summary" comes with the FHIR file too, in the language of the page', async ({ page }) => {
  await page.goto('./ru/');
  await completeWizard(page, routineAnswers);
  const name = 'Скачать для компьютерной системы клиники (FHIR)';
  await expect(page.locator('.summary-actions .button')).toHaveText(['Скачать итог', name, 'Распечатать']);
  const { bundle } = await downloadFhir(page, name);
  const { answers, recommendation } = readBack(bundle);
  expect(answers).toEqual(routineAnswers);
  expect(recommendation).toEqual(evaluateRules(ruleSet, routineAnswers));
  expect(requestOf(bundle)).toMatchObject({ language: 'ru', priority: PRIORITY[recommendation.urgency] });
});

test('if the FHIR builder cannot be fetched, the page says so and keeps working; a second click saves the file', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routineAnswers);
  let refused = 0;
  await page.route(FHIR_CHUNK, (route) => {
    refused += 1;
    return route.abort('internetdisconnected');
  });
  const name = "Download for a clinic's computer system (FHIR)";
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('status')).toHaveText(/Could not prepare the FHIR file/);
  // Tried again (three imports, besides any preload) before saying so.
  expect(refused).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.unroute(FHIR_CHUNK);
  const { bundle } = await downloadFhir(page, name);
  expect(readBack(bundle).answers).toEqual(routineAnswers);
});
