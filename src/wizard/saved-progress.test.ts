import { describe, expect, it } from 'vitest';
import { MAX_IDLE_MS, STORAGE_KEY, saveProgress, tabId } from './saved-progress.ts';
import { loadProgress } from './restore-progress.ts';

const progress = { answers: { age: 40, sex: 'male' as const }, offeredWhenAnswered: { 'about-you': '' } };

describe('saved progress: this tab, for 30 minutes since the last answer', () => {
  it('comes back in the same tab within 30 minutes', () => {
    saveProgress(progress, sessionStorage, 1_000);
    expect(loadProgress(sessionStorage, 1_000 + MAX_IDLE_MS)).toEqual({ progress, discarded: false });
  });

  it('is gone after 30 minutes idle, and cleared', () => {
    saveProgress(progress, sessionStorage, 1_000);
    expect(loadProgress(sessionStorage, 1_001 + MAX_IDLE_MS)).toEqual({ discarded: false });
    expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('is not restored in another tab (a browser restart restores storage but not the tab id)', () => {
    saveProgress(progress, sessionStorage, 1_000);
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY)!) as { tab: string };
    expect(saved.tab).toBe(tabId());
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, tab: 'another-tab' }));
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ discarded: false });
  });

  it('a time in the future is not trusted', () => {
    saveProgress(progress, sessionStorage, 5_000);
    expect(loadProgress(sessionStorage, 1_000)).toEqual({ discarded: false });
  });
});

describe('saved progress before the warning signs are answered', () => {
  it('comes back without red flags (they are not answered yet), not discarded', () => {
    saveProgress(progress, sessionStorage, 1_000);
    const restored = loadProgress(sessionStorage, 2_000);
    expect(restored).toEqual({ progress, discarded: false });
    expect('redFlags' in restored.progress!.answers).toBe(false);
  });
});
