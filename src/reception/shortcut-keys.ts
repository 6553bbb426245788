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

export function handleShortcutKeys(root: HTMLElement, actions: ShortcutActions): () => void {
  let buffer = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...root.querySelectorAll<HTMLInputElement>('main input[data-shortcut]')];
  const commit = () => {
    clearTimeout(timer);
    const option = options().find((input) => input.dataset.shortcut === buffer);
    buffer = '';
    if (!option) return;
    if (option.type === 'radio' && option.checked) return;
    option.click();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
      event.preventDefault();
      actions.newCall();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      if (root.querySelector('dialog[open]')) return;
      event.preventDefault();
      actions.back();
      return;
    }
    if (isTyping(event.target)) return;
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      buffer += event.key;
      const longer = options().some((input) => input.dataset.shortcut !== buffer && input.dataset.shortcut?.startsWith(buffer));
      clearTimeout(timer);
      if (longer) timer = setTimeout(commit, DIGIT_WAIT_MS);
      else commit();
      return;
    }
    if (event.key === 'Enter') {
      const target = event.target as HTMLElement | null;
      if (target?.closest('a, button, summary, dialog')) return;
      if (buffer) commit();
      const form = root.querySelector<HTMLFormElement>('main form');
      const primary = root.querySelector<HTMLButtonElement>('main [data-primary-action]');
      if (!form && !primary) return;
      event.preventDefault();
      if (form) form.requestSubmit();
      else primary!.click();
    }
  };

  root.ownerDocument.addEventListener('keydown', onKeyDown);
  return () => {
    clearTimeout(timer);
    root.ownerDocument.removeEventListener('keydown', onKeyDown);
  };
}
