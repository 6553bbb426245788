import { useEffect, useRef, useState, type RefObject } from 'react';
import { TriageActorContext } from '@/wizard/triage-actor-context.ts';
import { clearProgress } from '@/wizard/saved-progress.ts';
import { useWording } from '@/i18n/audience.tsx';
import { NewCallDialog } from './new-call.tsx';
import { handleShortcutKeys } from './shortcut-keys.ts';
import { ShortcutLegend } from './shortcut-legend.tsx';

/**
 * Reception mode's bar: the key legend and "New call", and the keyboard handling
 * for the whole page. A new call leaves nothing of the previous caller behind:
 * answers, saved state and history entries are cleared.
 */
export function ReceptionBar({ root }: { root: RefObject<HTMLElement | null> }) {
  const { t } = useWording('reception');
  const actor = TriageActorContext.useActorRef();
  const [confirming, setConfirming] = useState(false);

  const startNewCall = () => {
    setConfirming(false);
    actor.send({ type: 'wizard.restart' });
    clearProgress();
    actor.send({ type: 'wizard.start' });
  };
  const requestNewCall = () => {
    const inProgress = Object.keys(actor.getSnapshot().context.offeredWhenAnswered).length > 0;
    if (inProgress) setConfirming(true);
    else startNewCall();
  };

  const newCall = useRef(requestNewCall);
  useEffect(() => {
    newCall.current = requestNewCall;
  });
  // Registered once, not on every render: a re-render would drop a digit waiting for a
  // second one, and the keys typed ahead while a page is left.
  useEffect(() => {
    if (!root.current) return undefined;
    return handleShortcutKeys(root.current, {
      back: () => {
        if (actor.getSnapshot().value !== 'start') actor.send({ type: 'step.back' });
      },
      newCall: () => newCall.current(),
    });
  }, [actor, root]);

  return (
    <section className="reception-bar no-print" aria-label={t('common:modeToggle.on')}>
      <div className="width-container reception-bar__inner">
        <p className="reception-bar__mode">{t('common:modeToggle.on')}</p>
        <ShortcutLegend />
        <button type="button" className="button button--warning reception-bar__new-call" onClick={requestNewCall}>
          {t('newCall.button')} <kbd>Alt+N</kbd>
        </button>
      </div>
      <NewCallDialog open={confirming} onConfirm={startNewCall} onCancel={() => setConfirming(false)} />
    </section>
  );
}
