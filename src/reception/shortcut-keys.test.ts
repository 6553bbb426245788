import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MAX_MS, handleShortcutKeys } from './shortcut-keys.ts';

/**
 * Keys typed ahead (CI once lost "3 Enter" typed while the page was being left): they
 * wait for the next page and are replayed only where they cannot be misread, else dropped.
 */
type Page = { path: string; html: string; focus?: string };
const choice = (path: string, title: string, name: string): Page => ({
  path,
  html: `<main><h1>${title}</h1><form>
    <input type="radio" name="${name}" value="a" data-shortcut="1">
    <input type="radio" name="${name}" value="b" data-shortcut="2">
  </form></main>`,
});
const FIRST = choice('first', 'First question', 'first');
const SECOND = choice('second', 'Second question', 'second');
/** A page that asks for a number, with the focus in its box, and options beside it (as "About you" has). */
const NUMBER: Page = {
  path: 'number',
  html: `<main><h1>About the patient</h1><form><input type="number" name="age">
    <input type="radio" name="sex" value="a" data-shortcut="1"><input type="radio" name="sex" value="b" data-shortcut="2"></form></main>`,
  focus: 'input[name="age"]',
};
/** The check page: no options, a primary action. */
const CHECK: Page = { path: 'check', html: '<main><h1>Check the answers</h1><button data-primary-action>Continue</button></main>' };

let root: HTMLElement;
let stop: () => void;
let newCall: ReturnType<typeof vi.fn<() => void>>;
const submitted: string[] = [];
const confirmed = vi.fn();
/** What a submit leads to, and how long the app takes to show it (validation is asynchronous). */
let next: Page | 'errors' | 'nothing';
let pageChangeMs: number;

const press = (key: string, init: KeyboardEventInit = {}) =>
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const checked = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;

function show(page: Page) {
  root.innerHTML = page.html;
  history.pushState(null, '', `#/${page.path}`);
  if (page.focus) root.querySelector<HTMLElement>(page.focus)!.focus();
  root.querySelector('[data-primary-action]')?.addEventListener('click', confirmed);
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = root.querySelector('input')!.name;
    submitted.push(`${name}=${checked(name)}`);
    const then = next;
    setTimeout(() => {
      if (then === 'errors') root.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div class="error-summary">Choose one</div>');
      else if (then !== 'nothing') show(then);
    }, pageChangeMs);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  submitted.length = 0;
  confirmed.mockClear();
  next = SECOND;
  pageChangeMs = 60;
  root = document.createElement('div');
  document.body.append(root);
  show(FIRST);
  newCall = vi.fn<() => void>();
  stop = handleShortcutKeys(root, { back: vi.fn(), newCall });
});
afterEach(() => {
  stop();
  root.remove();
  vi.useRealTimers();
});

describe('reception keys typed ahead of the next page', () => {
  it('a digit typed while the page is being left picks on the next page, not on the one left', () => {
    press('2');
    press('Enter');
    press('1'); // meant for the second question
    expect(checked('first')).toBe('b');
    vi.advanceTimersByTime(200);
    expect(submitted).toEqual(['first=b']);
    expect(checked('second')).toBe('a');
  });

  it('an Enter typed ahead submits the next page once it is shown, with the digit before it', () => {
    press('1');
    press('Enter');
    press('2');
    press('Enter');
    vi.advanceTimersByTime(300);
    expect(submitted).toEqual(['first=a', 'second=b']);
  });

  it('keys typed after the page is shown are not held', () => {
    pageChangeMs = 0;
    press('1');
    press('Enter');
    vi.advanceTimersByTime(50);
    press('2');
    expect(checked('second')).toBe('b');
  });

  it('when the page stays with its error summary, the keys are dropped, never applied to it', () => {
    next = 'errors';
    press('Enter');
    press('2'); // meant for the next question
    press('Enter');
    vi.advanceTimersByTime(HOLD_MAX_MS * 2);
    expect(checked('first')).toBeUndefined();
    expect(submitted).toEqual(['first=undefined']);
  });

  it('when nothing happens, the keys are dropped after HOLD_MAX_MS, never applied to the page', () => {
    next = 'nothing';
    press('1');
    press('Enter');
    press('2');
    vi.advanceTimersByTime(HOLD_MAX_MS * 2);
    expect(checked('first')).toBe('a');
  });

  it('on a next page that asks for a number (the focus in its box), digits are dropped: they pick no option', () => {
    next = NUMBER;
    press('1');
    press('Enter');
    press('2'); // typed for the age box before it was there
    press('Enter');
    vi.advanceTimersByTime(300);
    expect(checked('sex')).toBeUndefined();
    expect(submitted).toEqual(['first=a']);
  });

  it('on the check page (no options), an Enter typed ahead is dropped: the answers are shown for checking', () => {
    next = CHECK;
    press('1');
    press('Enter');
    press('Enter');
    vi.advanceTimersByTime(300);
    expect(root.querySelector('h1')!.textContent).toBe('Check the answers');
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('Alt+N drops the keys typed ahead and a digit waiting for a second one: they were meant for the previous caller', () => {
    press('1');
    press('Enter');
    press('2');
    press('n', { code: 'KeyN', altKey: true });
    expect(newCall).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(HOLD_MAX_MS * 2);
    expect(checked('second')).toBeUndefined();
  });

  it('a key pressed once the next page is there goes to it live, after the keys held for it', () => {
    pageChangeMs = 62; // between two checks of the page (every 15 ms)
    press('Enter');
    press('2'); // held
    vi.advanceTimersByTime(62);
    press('Enter'); // the next page is shown, not yet noticed by a check: this Enter follows the held "2"
    vi.advanceTimersByTime(300);
    expect(submitted).toEqual(['first=undefined', 'second=b']);
  });

  it('a key pressed once the error summary is shown is for the page as it is (the held ones are dropped)', () => {
    next = 'errors';
    pageChangeMs = 62;
    press('Enter');
    press('1'); // held, then dropped
    vi.advanceTimersByTime(62);
    press('2'); // typed after the error summary appeared
    expect(checked('first')).toBe('b');
  });
});
