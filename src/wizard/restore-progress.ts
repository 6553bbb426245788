import * as z from 'zod/mini';
import { validateAnswers } from '@/triage/answers/answers-schema.ts';
import { QUESTION_STEPS } from '@/triage/flow/steps.ts';
import { MAX_IDLE_MS, STORAGE_KEY, VERSION, clearProgress, tabId, type Restored } from './saved-progress.ts';
import { readSession } from '@/storage/session-storage.ts';

/**
 * Reads saved answers back through the same answers schema as the CLI. Loaded
 * only when something was saved, so a first visit does not download it.
 */
const savedSchema = z.strictObject({
  version: z.union([z.literal(VERSION), z.literal(2)]),
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
    // Expired, or saved in another tab (a window opened from it, a browser restart that restored the tabs): not restored.
    const tab = tabId(storage);
    if (now - saved.savedAt > MAX_IDLE_MS || saved.savedAt > now || tab === undefined || saved.tab !== tab) {
      clearProgress(storage);
      return { discarded: false };
    }
    // Answers so far: before the warning-signs page there are no red flags yet, which a
    // complete answers object requires; checked as "none so far", kept as not answered.
    const { answers: soFar, answered } = saved.version === 2 ? fromPolicyV2(saved.answers, saved.answered) : saved;
    const unanswered = typeof soFar === 'object' && soFar !== null && !('redFlags' in soFar);
    const answers = validateAnswers(unanswered ? { ...soFar, redFlags: [] } : soFar);
    if (!answers.success) throw new Error('saved answers are not valid');
    const { redFlags: _none, ...withoutFlags } = answers.answers;
    return { progress: { answers: unanswered ? withoutFlags : answers.answers, offeredWhenAnswered: answered }, discarded: false };
  } catch {
    clearProgress(storage);
    return { discarded: true };
  }
}

/**
 * Progress saved under policy v2 (version 2): its `hip-replacement` risk factor is now
 * the hipReplacement question, so that page counts as not yet answered and is asked
 * (before the warning signs); the risk-factors page is asked again without it. New
 * red flags make the warning-signs page count as unanswered by themselves (isAnswered).
 * Nothing is carried over as an answer the person did not give.
 */
function fromPolicyV2(answers: unknown, answered: Partial<Record<string, string>>) {
  const soFar = { ...(answers as Record<string, unknown>) };
  const rest = { ...answered };
  if (Array.isArray(soFar.riskFactors) && soFar.riskFactors.includes('hip-replacement')) {
    soFar.riskFactors = soFar.riskFactors.filter((id) => id !== 'hip-replacement');
    delete rest['risk-factors'];
  }
  return { answers: soFar, answered: rest };
}
