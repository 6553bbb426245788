import { useEffect } from 'react';
import i18next from 'i18next';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { TriageActorContext } from '@/wizard/triage-actor-context.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/**
 * When embedded in an allowed page, connects to it (docs/embedding.md). The
 * messaging code loads only then: a page opened on its own never downloads it.
 */
export function useHostMessaging(): void {
  const actor = TriageActorContext.useActorRef();
  const { allowedParentOrigins, problems, config } = useClinicSettings();
  const reveal = config.hostMessages;

  useEffect(() => {
    if (window.parent === window || allowedParentOrigins.length === 0) return undefined;
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    // One connection per page and configuration: a language change is told to the host, not reconnected.
    loadWithRetry(() => import('./connect-host-page.ts')).then(
      ({ connectHostPage }) => {
        if (!cancelled) disconnect = connectHostPage(actor, allowedParentOrigins, problems, i18next, reveal);
      },
      // The host page then hears nothing; the wizard itself works on.
      (error: unknown) => console.warn('Hip triage: could not connect to the host page', error),
    );
    return () => {
      cancelled = true;
      disconnect?.();
    };
  }, [actor, allowedParentOrigins, problems, reveal]);
}
