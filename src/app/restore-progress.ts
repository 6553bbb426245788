import * as z from 'zod/mini';
import { validateAnswers } from '@/triage/answers/answers-schema.ts';
import { QUESTION_STEPS } from '@/triage/flow/steps.ts';
import { STORAGE_KEY, VERSION, clearProgress, type Restored } from './saved-progress.ts';

/**
 * Reads saved answers back through the same answers schema as the CLI. Loaded
 * only when something was saved, so a first visit does not download it.
 */
const savedSchema = z.strictObject({
  version: z.literal(VERSION),
  answers: z.unknown(),
  answered: z.partialRecord(z.enum(QUESTION_STEPS), z.string()),
});

export function loadProgress(storage: Storage = window.sessionStorage): Restored {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { discarded: false };
  }
  if (raw === null) return { discarded: false };
  try {
    const saved = z.parse(savedSchema, JSON.parse(raw));
    const answers = validateAnswers(saved.answers);
    if (!answers.success) throw new Error('saved answers are not valid');
    return { progress: { answers: answers.answers, answered: saved.answered }, discarded: false };
  } catch {
    clearProgress(storage);
    return { discarded: true };
  }
}

