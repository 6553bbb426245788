import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TriageActor } from '@/app/triage-actor.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/**
 * When embedded in an allowed page, connects to it (docs/embedding.md). The
 * messaging code loads only then: a page opened on its own never downloads it.
 */
export function useHostMessaging(): void {
  const actor = TriageActor.useActorRef();
  const { allowedParentOrigins, problems } = useClinicSettings();
  const { i18n } = useTranslation();

  useEffect(() => {
    if (window.parent === window || allowedParentOrigins.length === 0) return undefined;
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    void import('./connect-host-page.ts').then(({ connectHostPage }) => {
      if (!cancelled) disconnect = connectHostPage(actor, allowedParentOrigins, problems, i18n);
    });
    return () => {
      cancelled = true;
      disconnect?.();
    };
  }, [actor, allowedParentOrigins, problems, i18n]);
}
