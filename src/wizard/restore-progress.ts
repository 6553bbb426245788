import * as z from 'zod/mini';
import { validateAnswers } from '@/triage/answers/answers-schema.ts';
import { QUESTION_STEPS } from '@/triage/flow/steps.ts';
import { MAX_IDLE_MS, STORAGE_KEY, VERSION, clearProgress, tabId, type Restored } from './saved-progress.ts';
import { readSession } from './session-storage.ts';

/**
 * Reads saved answers back through the same answers schema as the CLI. Loaded
 * only when something was saved, so a first visit does not download it.
 */
const savedSchema = z.strictObject({
  version: z.literal(VERSION),
  savedAt: z.number(),
  tab: z.string(),
  answers: z.unknown(),
  answered: z.partialRecord(z.enum(QUESTION_STEPS), z.string()),
});

export function loadProgress(storage: Storage = window.sessionStorage, now = Date.now()): Restored {
  const raw = readSession(STORAGE_KEY, storage);
  if (raw === null) return { discarded: false };
  try {
    const saved = z.parse(savedSchema, JSON.parse(raw));
    // Expired, or saved in another tab (a browser restart that restored the tabs): not restored.
    if (now - saved.savedAt > MAX_IDLE_MS || saved.savedAt > now || saved.tab !== tabId()) {
      clearProgress(storage);
      return { discarded: false };
    }
    // Answers so far: before the warning-signs page there are no red flags yet, which a
    // complete answers object requires; checked as "none so far", kept as not answered.
    const soFar = saved.answers as Record<string, unknown>;
    const unanswered = typeof soFar === 'object' && soFar !== null && !('redFlags' in soFar);
    const answers = validateAnswers(unanswered ? { ...soFar, redFlags: [] } : soFar);
    if (!answers.success) throw new Error('saved answers are not valid');
    const { redFlags: _none, ...withoutFlags } = answers.answers;
    return { progress: { answers: unanswered ? withoutFlags : answers.answers, offeredWhenAnswered: saved.answered }, discarded: false };
  } catch {
    clearProgress(storage);
    return { discarded: true };
  }
}
