import { expect, test } from '@playwright/test';
import { fhirArtefacts } from '../../src/tooling/build/fhir-artefacts.ts';

/** The build publishes its FHIR artefacts beside the app, as generated from this checkout (docs/fhir.md). */
for (const [file, resource] of Object.entries(fhirArtefacts())) {
  test(`the build serves fhir/${file}, current with the catalogue, the locales and the rules`, async ({ request }) => {
    const response = await request.get(`./fhir/${file}`);
    expect(response.ok()).toBe(true);
    expect(await response.json()).toEqual(resource);
  });
}
