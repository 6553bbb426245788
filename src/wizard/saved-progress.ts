import type { FlowProgress } from '@/triage/flow/flow-position.ts';
import { readSession, writeSession } from '@/storage/session-storage.ts';

/**
 * Answers survive a reload of this tab, for a while: kept in sessionStorage (never
 * sent anywhere), stamped with the time of the last answer and this tab's token, and
 * read back only in the same tab within 30 minutes of the last answer (going Back and
 * Forward is not an answer: it does not restart the 30 minutes). sessionStorage alone
 * cannot tell the tab: a window opened from this one, and a browser that restores its
 * tabs after a restart, get a copy of it. So the token is also kept in window.name,
 * which neither copies (issue 22):
 *  - a random value with no mark of this app, so the next site opened in the tab, which
 *    can read window.name, learns nothing from it: it names nothing it can look up;
 *  - a tab whose window.name someone else set gets a new token (the top-level page: the
 *    earlier site's name means nothing here), or, in a clinic's iframe, whose name is the
 *    clinic's, no token at all: its answers are then not kept. Never a shared fallback.
 * What is read back is validated (restore-progress.ts); anything corrupted, expired
 * or from another version is dropped, never trusted.
 */

export type Restored = { progress?: FlowProgress; discarded: boolean };

export const STORAGE_KEY = 'hip-triage.progress';
/** This tab's token, as window.name should hold it. */
export const TAB_KEY = 'hip-triage.tab';
/** 3: policy v3 (the hipReplacement question; no `hip-replacement` risk factor). */
export const VERSION = 3;
/** Saved answers older than this (since the last answer) are not restored. */
export const MAX_IDLE_MS = 30 * 60 * 1000;

const randomToken = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** This tab's token, made on first use; undefined when the tab cannot be told apart (then nothing is kept). */
export function tabId(storage: Storage = window.sessionStorage, win: Window = window): string | undefined {
  const stored = readSession(TAB_KEY, storage);
  if (stored && win.name === stored) return stored;
  if (win.name !== '' && win !== win.top) return undefined;
  const token = randomToken();
  win.name = token;
  return win.name === token && writeSession(TAB_KEY, token, storage) ? token : undefined;
}

/** Whether there is anything to restore (the validator loads only then). */
export const hasSavedProgress = (storage: Storage = window.sessionStorage): boolean => readSession(STORAGE_KEY, storage) !== null;

/** The saved record's time, if it holds these very answers: the 30 minutes count from the last answer. */
function answeredAt(record: string | null, answers: string, tab: string): number | undefined {
  try {
    const saved = JSON.parse(record ?? 'null') as { savedAt?: unknown; tab?: unknown; answers?: unknown; answered?: unknown } | null;
    const same = saved?.tab === tab && JSON.stringify({ answers: saved.answers, answered: saved.answered }) === answers;
    return same && typeof saved.savedAt === 'number' ? saved.savedAt : undefined;
  } catch {
    return undefined;
  }
}

/** Storage full or blocked (private mode), or no tab token: the check still works, it just won't survive a reload. */
export function saveProgress(progress: FlowProgress, storage: Storage = window.sessionStorage, now = Date.now()): void {
  const tab = tabId(storage);
  if (tab === undefined || Object.keys(progress.offeredWhenAnswered).length === 0) {
    writeSession(STORAGE_KEY, null, storage);
    return;
  }
  const answers = JSON.stringify({ answers: progress.answers, answered: progress.offeredWhenAnswered });
  const savedAt = answeredAt(readSession(STORAGE_KEY, storage), answers, tab) ?? now;
  const saved = { version: VERSION, savedAt, tab, answers: progress.answers, answered: progress.offeredWhenAnswered };
  writeSession(STORAGE_KEY, JSON.stringify(saved), storage);
}

export const clearProgress = (storage: Storage = window.sessionStorage): void => void writeSession(STORAGE_KEY, null, storage);
