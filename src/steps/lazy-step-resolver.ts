import type { Resolver } from 'react-hook-form';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { FormValues } from './form-values.ts';
import type { Question } from '@/questions/step-questions.ts';

type Schemas = typeof import('./step-form-schema.ts');
let loaded: Schemas | undefined;
const loadSchemas = async (): Promise<Schemas> => (loaded ??= await loadWithRetry(() => import('./step-form-schema.ts')));

/**
 * Fetches the validation code when the browser is idle, while the start page or a
 * question is read, so Continue never waits for it (a receptionist types ahead).
 */
export function preloadStepValidation(): void {
  const load = () => void loadSchemas().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 500);
}

/**
 * The page's resolver, with the schemas fetched on first use. If they cannot be
 * fetched, `onUnavailable` is told (the page then shows its failure page, with the
 * emergency number and Try again) and the form is held: no answer goes unchecked.
 */
export function lazyStepResolver(
  questions: Question[],
  onUnavailable: (error: unknown) => void,
): Resolver<FormValues, unknown, AnswersSoFar> {
  return async (values, context, options) => {
    try {
      // Once here, used at once: a keyboard user typing ahead must find the next page, not this one.
      const { stepResolver } = loaded ?? (await loadSchemas());
      return await stepResolver(questions)(values, context, options);
    } catch (error) {
      onUnavailable(error);
      return { values: {}, errors: { root: { type: 'unavailable', message: 'validation code could not be loaded' } } };
    }
  };
}
