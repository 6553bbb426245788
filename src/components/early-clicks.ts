// The prerendered start page shows a second or more before its code has run. A
// click on one of its buttons in that time would do nothing, so a few bytes of
// inline script (allowed by its hash in the CSP) remember it, and the app repeats
// it once it has started. (Not the loader's own "Try again": that one works before the app.)

interface EarlyClicks {
  ready?: boolean;
  click?: Element;
}
type WindowWithEarlyClicks = Window & { hipTriageEarlyClicks?: EarlyClicks };

/** Inlined at the top of the built index.html by the CSP plugin, which hashes it. */
export const EARLY_CLICKS_SCRIPT =
  'window.hipTriageEarlyClicks={};document.addEventListener("click",function(e){' +
  'var s=window.hipTriageEarlyClicks,b=e.target instanceof Element&&e.target.closest("button:not(#start-status button)");' +
  'if(b&&!s.ready)s.click=b},true);';

/** The same button in the page as the app rendered it: the element itself if React kept it (hydration). */
function sameButton(clicked: Element): HTMLElement | null {
  if (clicked.isConnected) return clicked as HTMLElement;
  if (clicked.matches('.button--start')) return document.querySelector('button.button--start');
  const language = clicked.getAttribute('lang');
  return language ? document.querySelector(`button.language-switch__button[lang="${language}"]`) : null;
}

/**
 * Once the start page is working (its effect: the page and the header around it are
 * hydrated): from now on clicks are the app's, and the last early one is made again,
 * on the same button if it is still on screen.
 */
export function replayEarlyClick(): void {
  const early = (window as WindowWithEarlyClicks).hipTriageEarlyClicks;
  if (!early || early.ready) return;
  early.ready = true;
  const clicked = early.click;
  if (!clicked) return;
  // After every effect of this render: the flow machine starts in its provider's effect, which runs after the page's.
  setTimeout(() => {
    const target = sameButton(clicked);
    if (target?.isConnected) target.click();
  }, 0);
}

/** The app started on another page than the prerendered one: a click on what was shown then no longer applies. */
export function forgetEarlyClick(): void {
  const early = (window as WindowWithEarlyClicks).hipTriageEarlyClicks;
  if (early) early.ready = true;
}
