import { describe, expect, it } from 'vitest';
import { MAX_IDLE_MS, STORAGE_KEY, TAB_KEY, saveProgress, tabId } from './saved-progress.ts';
import { loadProgress } from './restore-progress.ts';
import { isAnswered, viewOf } from '@/triage/flow/flow-position.ts';
import { ruleSet } from '@/triage/rules/rule-set.ts';

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

  it('counts the 30 minutes from the last answer: the same answers saved again (Back, Forward) keep their time (issue 22)', () => {
    saveProgress(progress, sessionStorage, 1_000);
    saveProgress(progress, sessionStorage, 1_000 + MAX_IDLE_MS - 10);
    expect(loadProgress(sessionStorage, 1_001 + MAX_IDLE_MS)).toEqual({ discarded: false });
    saveProgress(progress, sessionStorage, 1_000);
    saveProgress({ ...progress, answers: { ...progress.answers, age: 41 } }, sessionStorage, 1_000 + MAX_IDLE_MS - 10);
    expect(loadProgress(sessionStorage, 1_001 + MAX_IDLE_MS)).toMatchObject({ progress: { answers: { age: 41 } } });
  });

  it('window.name holds nothing another site could read as this app’s: a random token, no mark (issue 22)', () => {
    window.name = '';
    const token = tabId()!;
    expect(window.name).toBe(token);
    expect(window.name).toMatch(/^[0-9a-f]{32}$/);
    expect(tabId()).toBe(token);
  });

  it('a window opened from this tab (a copy of its storage, not of its name) does not get its answers (issue 22)', () => {
    window.name = '';
    saveProgress(progress, sessionStorage, 1_000);
    window.name = '';
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ discarded: false });
  });

  it('a tab named by an earlier site gets its own token, never a shared one; a named iframe keeps nothing (issue 22)', () => {
    window.name = 'set-by-an-earlier-site';
    sessionStorage.removeItem(TAB_KEY);
    const first = tabId()!;
    expect(first).not.toBe('no-tab-id');
    expect(window.name).toBe(first);
    const framed = { name: 'clinic-frame', top: {} } as Window;
    expect(tabId(sessionStorage, framed)).toBeUndefined();
    expect(framed.name).toBe('clinic-frame');
    const otherStorage = window.sessionStorage;
    otherStorage.removeItem(TAB_KEY);
    window.name = 'another-earlier-site';
    expect(tabId()).not.toBe(first);
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

/**
 * Progress saved before policy v3 (version 2) had the hip replacement as a risk factor;
 * v3 asks it as its own question before the warning signs. Restored progress must ask
 * that question (never carry over an answer the person did not give), and ask the risk
 * factors again without the old id.
 */
describe('saved progress from policy v2 (version 2)', () => {
  const STEPS_ANSWERED = {
    'about-you': '',
    'red-flags': 'cannot-bear-weight leg-deformed fever',
    locations: '',
    onset: '',
    duration: '',
    symptoms: 'morning-stiffness limp',
    'risk-factors': '',
    activity: '',
    'pain-score': '',
  };
  const v2Answers = {
    age: 70,
    sex: 'male',
    redFlags: ['fever'],
    locations: ['groin'],
    onset: 'gradual',
    duration: 'weeks',
    symptoms: [],
    riskFactors: ['smoking', 'hip-replacement'],
    active: false,
    painScore: 4,
  };
  const saveV2 = (answers: object, answered: object = STEPS_ANSWERED, now = 1_000) =>
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, savedAt: now, tab: tabId(), answers, answered }));

  it('with the hip-replacement risk factor: restores without it, the hip question and the risk factors unanswered', () => {
    saveV2(v2Answers);
    const restored = loadProgress(sessionStorage, 2_000);
    expect(restored.discarded).toBe(false);
    const { answers, offeredWhenAnswered } = restored.progress!;
    expect(answers).toEqual({ ...v2Answers, riskFactors: ['smoking'] });
    expect('hipReplacement' in answers).toBe(false);
    expect(offeredWhenAnswered).not.toHaveProperty('risk-factors');
    expect(offeredWhenAnswered).not.toHaveProperty('hip-replacement');
    // The wizard then asks the hip question first: it comes before the warning signs (and E-prosthesis can fire there).
    const view = viewOf(restored.progress!, ruleSet);
    expect(view.firstUnanswered).toBe('hip-replacement');
    expect(isAnswered(restored.progress!, 'hip-replacement')).toBe(false);
    expect(view.recommendation.reasons).not.toContain('E-prosthesis');
  });

  it('without it: restores the answers as they were, with the hip question unanswered', () => {
    saveV2({ ...v2Answers, riskFactors: ['smoking'] });
    const restored = loadProgress(sessionStorage, 2_000);
    expect(restored.progress?.answers).toEqual({ ...v2Answers, riskFactors: ['smoking'] });
    expect(restored.progress?.offeredWhenAnswered).toEqual(STEPS_ANSWERED);
    expect(viewOf(restored.progress!, ruleSet).firstUnanswered).toBe('hip-replacement');
  });

  it('at 15 (no hip question): nothing to ask about a hip replacement; the risk factors again', () => {
    saveV2({ ...v2Answers, age: 15, riskFactors: ['hip-replacement'] });
    const restored = loadProgress(sessionStorage, 2_000);
    expect(restored.progress?.answers).toEqual({ ...v2Answers, age: 15, riskFactors: [] });
    expect(viewOf(restored.progress!, ruleSet).firstUnanswered).toBe('red-flags'); // offered more red flags since (v3)
  });

  it('that v3 cannot read is discarded, and said so', () => {
    saveV2({ ...v2Answers, redFlags: ['no-such-flag'] });
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ discarded: true });
    expect(sessionStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('an older version (1) is discarded; version 3 keeps a hip-replacement risk factor out', () => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, savedAt: 1_000, tab: tabId(), answers: v2Answers, answered: {} }));
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ discarded: true });
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 3, savedAt: 1_000, tab: tabId(), answers: v2Answers, answered: {} }));
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ discarded: true });
  });

  it('version 3 saves and restores the hip replacement answer', () => {
    const v3 = {
      answers: { age: 70, sex: 'male' as const, hipReplacement: true },
      offeredWhenAnswered: { 'about-you': '', 'hip-replacement': '' },
    };
    saveProgress(v3, sessionStorage, 1_000);
    expect(JSON.parse(sessionStorage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 3 });
    expect(loadProgress(sessionStorage, 2_000)).toEqual({ progress: v3, discarded: false });
  });
});
