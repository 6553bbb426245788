import type { FlowProgress } from '@/triage/flow/flow-position.ts';

/**
 * Answers survive a reload or an accidentally closed tab for this browser session
 * only (sessionStorage: gone when the tab is closed, never sent anywhere). What is
 * read back is validated (restore-progress.ts); anything corrupted or from
 * another version is dropped, never trusted.
 */

export type Restored = { progress?: FlowProgress; discarded: boolean };

/** Whether there is anything to restore (the validator loads only then). */
export function hasSavedProgress(storage: Storage = window.sessionStorage): boolean {
  try {
    return storage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}
export const STORAGE_KEY = 'hip-triage.progress';
export const VERSION = 1;

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
