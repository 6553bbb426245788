/**
 * Reception mode's keyboard: number keys pick options, Enter goes on, Escape goes
 * back, Alt+N starts a new call. Options carry their key in `data-shortcut`;
 * digits are collected briefly so "1" then "2" picks option 12 on a long list.
 */
export interface ShortcutActions {
  back: () => void;
  newCall: () => void;
}

const TYPING = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password']);
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TYPING.has(target.type));

/** How long a digit waits for a second one when a longer number could follow. */
export const DIGIT_WAIT_MS = 700;

/**
 * After Enter, keys typed ahead wait until the next page (or the error summary) is
 * shown, at most this long: a fast receptionist's "2" meant for the next page must not
 * pick option 2 of the page being left, nor be lost.
 */
export const HOLD_MAX_MS = 1000;
const HOLD_POLL_MS = 15;
const HELD = new Set(['Enter', 'Escape', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export function handleShortcutKeys(root: HTMLElement, actions: ShortcutActions): () => void {
  let buffer = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Keys typed while a page is being left, in order; undefined when nothing is pending. */
  let held: string[] | undefined;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;

  const pageSignature = () =>
    [
      root.ownerDocument.location.href,
      root.querySelector('main h1')?.textContent ?? '',
      root.querySelector('main .error-summary')?.textContent ?? '',
    ].join('\u0000');
  const hold = () => {
    held = [];
    const leaving = pageSignature();
    const started = Date.now();
    const poll = () => {
      if (pageSignature() === leaving && Date.now() - started < HOLD_MAX_MS) holdTimer = setTimeout(poll, HOLD_POLL_MS);
      else release();
    };
    holdTimer = setTimeout(poll, HOLD_POLL_MS);
  };
  const release = () => {
    const keys = held ?? [];
    held = undefined;
    for (let i = 0; i < keys.length; i += 1) {
      handleKey(keys[i]!, null, () => undefined);
      // An Enter among them left this page too: the rest wait for the next one.
      const leaving = held as string[] | undefined;
      if (leaving) {
        leaving.push(...keys.slice(i + 1));
        return;
      }
    }
  };

  const options = () => [...root.querySelectorAll<HTMLInputElement>('main input[data-shortcut]')];
  const commit = () => {
    clearTimeout(timer);
    const option = options().find((input) => input.dataset.shortcut === buffer);
    buffer = '';
    if (!option) return;
    if (option.type === 'radio' && option.checked) return;
    option.click();
  };

  /** One key, from the keyboard or from the keys held while a page was left. */
  const handleKey = (key: string, target: EventTarget | null, preventDefault: () => void) => {
    if (key === 'Escape') {
      if (root.querySelector('dialog[open]')) return;
      preventDefault();
      actions.back();
      return;
    }
    if (isTyping(target)) return;
    if (/^[0-9]$/.test(key)) {
      preventDefault();
      buffer += key;
      const longer = options().some((input) => input.dataset.shortcut !== buffer && input.dataset.shortcut?.startsWith(buffer));
      clearTimeout(timer);
      if (longer) timer = setTimeout(commit, DIGIT_WAIT_MS);
      else commit();
      return;
    }
    if (key === 'Enter') {
      const element = target as HTMLElement | null;
      if (element?.closest?.('a, button, summary, dialog')) return;
      if (buffer) commit();
      const form = root.querySelector<HTMLFormElement>('main form');
      const primary = root.querySelector<HTMLButtonElement>('main [data-primary-action]');
      if (!form && !primary) return;
      preventDefault();
      hold();
      if (form) form.requestSubmit();
      else primary!.click();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
      event.preventDefault();
      // Keys typed ahead were meant for this caller's next page, not for the new call.
      held = undefined;
      clearTimeout(holdTimer);
      actions.newCall();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (held && HELD.has(event.key)) {
      event.preventDefault();
      held.push(event.key);
      return;
    }
    handleKey(event.key, event.target, () => event.preventDefault());
  };

  root.ownerDocument.addEventListener('keydown', onKeyDown);
  return () => {
    clearTimeout(timer);
    clearTimeout(holdTimer);
    root.ownerDocument.removeEventListener('keydown', onKeyDown);
  };
}
