import * as z from 'zod/mini';
import { validateAnswers } from '@/triage/answers/answers-schema.ts';
import type { FlowProgress } from '@/triage/flow/flow-position.ts';
import { QUESTION_STEPS } from '@/triage/flow/steps.ts';

/**
 * Answers survive a reload or an accidentally closed tab for this browser session
 * only (sessionStorage: gone when the tab is closed, never sent anywhere). What is
 * read back is validated with the same answers schema as the CLI; anything
 * corrupted or from another version is dropped, never trusted.
 */
const STORAGE_KEY = 'hip-triage.progress';
const VERSION = 1;

const savedSchema = z.strictObject({
  version: z.literal(VERSION),
  answers: z.unknown(),
  answered: z.partialRecord(z.enum(QUESTION_STEPS), z.string()),
});

export type Restored = { progress?: FlowProgress; discarded: boolean };

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

export function saveProgress(progress: FlowProgress, storage: Storage = window.sessionStorage): void {
  try {
    if (Object.keys(progress.answered).length === 0) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, answers: progress.answers, answered: progress.answered }));
  } catch {
    // Storage full or blocked (private mode): the check still works, it just won't survive a reload.
  }
}

export function clearProgress(storage: Storage = window.sessionStorage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
