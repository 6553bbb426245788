import type { FlowProgress } from '@/triage/flow/flow-position.ts';
import { readSession, writeSession } from '@/storage/session-storage.ts';

/**
 * Answers survive a reload of this tab, for a while: kept in sessionStorage (never
 * sent anywhere), stamped with the time and this tab's id, and read back only in
 * the same tab within 30 minutes of the last answer. A browser that restores its
 * tabs after a restart restores sessionStorage too, but not the tab id (kept in
 * window.name, which a restored tab starts without), so a restored tab starts afresh.
 * What is read back is validated (restore-progress.ts); anything corrupted, expired
 * or from another version is dropped, never trusted.
 */

export type Restored = { progress?: FlowProgress; discarded: boolean };

export const STORAGE_KEY = 'hip-triage.progress';
/** 3: policy v3 (the hipReplacement question; no `hip-replacement` risk factor). */
export const VERSION = 3;
/** Saved answers older than this (since the last answer) are not restored. */
export const MAX_IDLE_MS = 30 * 60 * 1000;

const TAB_PREFIX = 'hip-triage-tab:';

/** This tab's id, made on first use. */
export function tabId(): string {
  if (window.name.startsWith(TAB_PREFIX)) return window.name.slice(TAB_PREFIX.length);
  const id = crypto.randomUUID();
  // Only a prefix-marked random id: a name set by someone else is not overwritten blindly.
  if (window.name === '') window.name = `${TAB_PREFIX}${id}`;
  return window.name === `${TAB_PREFIX}${id}` ? id : 'no-tab-id';
}

/** Whether there is anything to restore (the validator loads only then). */
export const hasSavedProgress = (storage: Storage = window.sessionStorage): boolean => readSession(STORAGE_KEY, storage) !== null;

/** Storage full or blocked (private mode): the check still works, it just won't survive a reload. */
export function saveProgress(progress: FlowProgress, storage: Storage = window.sessionStorage, now = Date.now()): void {
  const saved = { version: VERSION, savedAt: now, tab: tabId(), answers: progress.answers, answered: progress.offeredWhenAnswered };
  writeSession(STORAGE_KEY, Object.keys(progress.offeredWhenAnswered).length === 0 ? null : JSON.stringify(saved), storage);
}

export const clearProgress = (storage: Storage = window.sessionStorage): void => void writeSession(STORAGE_KEY, null, storage);
