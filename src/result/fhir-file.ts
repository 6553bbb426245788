import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { ruleSet } from '@/triage/rules/rule-set.ts';
import type { NoteInput } from '@/fhir/service-request-note.ts';

/** FHIR's own media type for JSON (R4 §3.1.0.1.2). */
const FHIR_JSON = 'application/fhir+json';

/**
 * This check as a FHIR R4 Bundle for a clinic system (docs/fhir.md), built in the
 * browser by the same function as `triage --format fhir`. Loaded on the first
 * click: most people never ask for it. Nothing is sent anywhere.
 */
export async function fhirFile(
  answers: AnswersSoFar,
  recommendation: Recommendation,
  words: Pick<NoteInput, 't' | 'emergencyNumber' | 'maternityNumber'>,
  language: string,
): Promise<Blob> {
  const { triageBundle } = await loadWithRetry(() => import('@/fhir/triage-bundle.ts'));
  // The note carries what the person was told, with the number they were given (policy §6).
  const bundle = triageBundle(answers, recommendation, { ruleSet, ...words, authored: new Date().toISOString(), language });
  return new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: FHIR_JSON });
}

/** Saves a file the browser way: a temporary link with `download`. */
export function saveFile(contents: Blob, fileName: string): void {
  const url = URL.createObjectURL(contents);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
