import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { answersFromResponse } from '../../src/fhir/answers-from-response.ts';
import { PRIORITY, SEEN_WITHIN } from '../../src/fhir/triage-bundle.ts';
import { CODE_SYSTEM_URL } from '../../src/fhir/canonical.ts';
import { validateAnswers, type Answers } from '../../src/triage/answers/answers-schema.ts';
import { evaluateRules } from '../../src/triage/rules/evaluate-rules.ts';
import { fhirValidator } from '../../src/tooling/testing/fhir-validator.ts';
import { routineAnswers } from '../fixtures/routine-answers.ts';
import { vignettes } from '../fixtures/vignettes.ts';
import { completeWizard, receptionKeysReady, ruleSet } from './wizard-driver.ts';

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
const noteOf = (bundle: Bundle) => (requestOf(bundle).note as [{ text: string }])[0].text;
/** The locale files' words, as the page has them (to check the note without writing its words here). */
const outcomes = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/outcomes.json`, 'utf8')) as {
    urgency: Record<string, Record<string, string>>;
    summary: { notDiagnosis: string };
    safetyNet: Record<string, unknown>;
  };

test('reception: the call as a FHIR Bundle that validates and reads back to the same emergency, with nothing sent', async ({ page }) => {
  const validate = await fhirValidator();
  await page.goto('./?mode=reception');
  await expect(page.getByText('Reception mode is on')).toBeVisible();
  await receptionKeysReady(page);
  // A woman of 72 without a hip replacement who cannot bear weight: the questions stop at the emergency.
  for (const key of ['Enter', '7', '2', 'Tab', '1', 'Enter']) await page.keyboard.press(key);
  await expect(page).toHaveURL(/#\/hip-replacement$/);
  for (const key of ['2', 'Enter']) await page.keyboard.press(key);
  await expect(page).toHaveURL(/#\/red-flags$/);
  for (const key of ['1', 'Enter']) await page.keyboard.press(key);
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
  expect(answers).toEqual({ age: 72, sex: 'female', hipReplacement: false, redFlags: ['cannot-bear-weight'] } satisfies Answers);
  expect(recommendation.urgency).toBe('emergency');
  await expect(page.locator('[data-urgency]')).toHaveAttribute('data-urgency', recommendation.urgency);
  expect(requestOf(bundle)).toMatchObject({
    intent: 'proposal',
    priority: 'stat',
    category: [{ coding: [{ system: CODE_SYSTEM_URL, code: 'emergency' }] }],
    language: 'en',
  });
  // Policy §6: never read as a referral, and no appointment window.
  expect(requestOf(bundle).occurrencePeriod).toBeUndefined();
  const note = noteOf(bundle);
  expect(note.startsWith('EMERGENCY: the person was told to call 112 now. This is not a referral.\n\n')).toBe(true);
  expect(note).toContain('112');
  expect(note.endsWith(outcomes('en').summary.notDiagnosis)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Saved as hip-pain-check-summary.fhir.json' })).toBeVisible();
  // Only our own code was fetched (the Bundle's builder, on first use): nothing left the browser.
  for (const request of requests) expect(request).toMatch(new RegExp(`^GET http://localhost:\\d+/assets/`));
});

test('patient: the summary comes with the FHIR file too, in the language of the page', async ({ page }) => {
  await page.goto('./ru/');
  await completeWizard(page, routineAnswers);
  const name = 'Сохранить файл для медицинской карты в клинике';
  await expect(page.locator('.summary-actions .button')).toHaveText(['Сохранить итог (текстовый файл)', name, 'Распечатать']);
  const { bundle } = await downloadFhir(page, name);
  const { answers, recommendation } = readBack(bundle);
  expect(answers).toEqual(routineAnswers);
  expect(recommendation).toEqual(evaluateRules(ruleSet, routineAnswers));
  expect(requestOf(bundle)).toMatchObject({
    language: 'ru',
    priority: PRIORITY[recommendation.urgency],
    category: [{ coding: [{ system: CODE_SYSTEM_URL, code: recommendation.urgency }] }],
  });
  // What the person was told, in the page's language: the instruction first, the safety-netting, not a diagnosis.
  const words = outcomes('ru');
  const note = noteOf(bundle);
  expect(note.startsWith(words.urgency.routine!.instruction!)).toBe(true);
  expect(note).toContain((words.safetyNet.callNowIfLead as string).replace('{{number}}', '112'));
  expect(note).toContain(words.safetyNet.sameDay as string);
  expect(note.endsWith(words.summary.notDiagnosis)).toBe(true);
});

test('an urgent check: the file says by when (authoredOn + 24 hours) and what to call about, as the page does', async ({ page }) => {
  const { answers } = vignettes.find((v) => v.title === 'Hip replacement, wound oozing')!;
  await page.goto('./');
  await completeWizard(page, answers);
  const { bundle } = await downloadFhir(page, "Save a file for your clinic's records");
  const { recommendation } = readBack(bundle);
  expect(recommendation.urgency).toBe('urgent');
  const request = requestOf(bundle) as unknown as { authoredOn: string; occurrencePeriod: { start: string; end: string } };
  expect(request.occurrencePeriod.start).toBe(request.authoredOn);
  expect(Date.parse(request.occurrencePeriod.end) - Date.parse(request.authoredOn)).toBe(SEEN_WITHIN.urgent);
  // The replaced hip's "call now if" line, as on the page.
  const line = (outcomes('en').safetyNet.callNowIf as Record<string, string>)['replaced-hip-fever-or-weight']!;
  await expect(page.locator('[data-safety-net]')).toContainText(line);
  expect(noteOf(bundle)).toContain(`- ${line}`);
});

test('if the FHIR builder cannot be fetched, the page says so and keeps working; a second click saves the file', async ({ page }) => {
  await page.goto('./');
  await completeWizard(page, routineAnswers);
  let refused = 0;
  await page.route(FHIR_CHUNK, (route) => {
    refused += 1;
    return route.abort('internetdisconnected');
  });
  const name = "Save a file for your clinic's records";
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('status')).toHaveText(/Could not prepare the FHIR file/);
  // Tried again (three imports, besides any preload) before saying so.
  expect(refused).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.unroute(FHIR_CHUNK);
  const { bundle } = await downloadFhir(page, name);
  expect(readBack(bundle).answers).toEqual(routineAnswers);
});
