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
 * After Enter, keys typed ahead wait for the next page, at most this long, and are then
 * replayed only where they cannot be misread: on the next page, once it is shown, when
 * it is a list of options and no text box has the focus. Otherwise (the page stayed, with
 * its error summary; the next page asks for a number; it is the check page or the
 * result; a dialog is open) they are dropped. A key meant for one question must never
 * answer another: a dropped key is typed again, a misread one is a wrong answer.
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
  /** The page being left while keys are held: its address, and all that shows it changed. */
  let leaving = '';
  let leavingSignature = '';

  const address = () => root.ownerDocument.location.href;
  const pageSignature = () =>
    [address(), root.querySelector('main h1')?.textContent ?? '', root.querySelector('main .error-summary')?.textContent ?? ''].join(
      '\u0000',
    );
  const dialogOpen = () => root.ownerDocument.querySelector('dialog[open]') !== null;
  const hold = () => {
    held = [];
    leaving = address();
    leavingSignature = pageSignature();
    const started = Date.now();
    let arrived: string | undefined;
    const poll = () => {
      const now = pageSignature();
      const late = Date.now() - started >= HOLD_MAX_MS;
      if (address() !== leaving) {
        // The next page: replayed once it has settled (the same at two polls in a row).
        if (now === arrived || late) return release(true);
        arrived = now;
      } else if (now !== leavingSignature || late) {
        // The page stayed (its error summary, or nothing): the keys were not meant for it.
        return release(false);
      }
      holdTimer = setTimeout(poll, HOLD_POLL_MS);
    };
    holdTimer = setTimeout(poll, HOLD_POLL_MS);
  };
  const dropHeld = () => {
    held = undefined;
    clearTimeout(holdTimer);
  };
  const release = (replay: boolean) => {
    const keys = held ?? [];
    dropHeld();
    const focused = root.ownerDocument.activeElement;
    if (!replay || dialogOpen() || options().length === 0 || isTyping(focused)) return;
    for (let i = 0; i < keys.length; i += 1) {
      handleKey(keys[i]!, null, () => undefined);
      // An Enter among them left this page too: the rest wait for the next one.
      const stillHeld = held as string[] | undefined;
      if (stillHeld) {
        stillHeld.push(...keys.slice(i + 1));
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
      if (dialogOpen()) return;
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
      // Keys typed ahead, or a digit waiting for a second one, were meant for this caller.
      dropHeld();
      clearTimeout(timer);
      buffer = '';
      actions.newCall();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    // A key pressed once the next page is there is for it (what was held goes first); once
    // the page shows its error summary, for the page as it is now (what was held is dropped).
    if (held && address() !== leaving) release(true);
    else if (held && pageSignature() !== leavingSignature) release(false);
    if (held && HELD.has(event.key) && !dialogOpen()) {
      event.preventDefault();
      held.push(event.key);
      return;
    }
    handleKey(event.key, event.target, () => event.preventDefault());
  };

  root.ownerDocument.addEventListener('keydown', onKeyDown);
  // Says the keys work from now on (the page is painted, and can be clicked, before this).
  root.dataset.shortcutKeys = 'on';
  return () => {
    clearTimeout(timer);
    clearTimeout(holdTimer);
    root.ownerDocument.removeEventListener('keydown', onKeyDown);
    delete root.dataset.shortcutKeys;
  };
}
