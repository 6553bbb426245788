import { useState } from 'react';
import { useWording } from '@/i18n/audience.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/**
 * Whether this page's address can be loaded now. Offline with no service worker, a
 * reload would land on the browser's own error page, which has no emergency number:
 * "Try again" reloads only once this answers (from the network, or from the worker's cache).
 */
export async function canReload(address = window.location.href): Promise<boolean> {
  try {
    const response = await fetch(address, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
    return response.ok;
  } catch {
    return false;
  }
}

/** Shown when a page could not load: the emergency number first, then try again. */
export function PageFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useWording();
  const { emergencyNumber } = useClinicSettings();
  const [stillOffline, setStillOffline] = useState(false);
  const retry = async () => {
    setStillOffline(false);
    if (await canReload()) onRetry();
    else setStillOffline(true);
  };
  return (
    <div className="care-card care-card--emergency" role="alert">
      <h1 className="care-card__title">{t('pageFailed.title')}</h1>
      <p>{t('pageFailed.body')}</p>
      <a className="emergency-call emergency-call--large" href={`tel:${emergencyNumber}`}>
        {t('start.emergencyCall', { number: emergencyNumber })}
      </a>
      <button type="button" className="button button--secondary" onClick={() => void retry()}>
        {t('pageFailed.retry')}
      </button>
      {stillOffline && (
        <p className="notice notice--warning" role="status" data-still-offline>
          {t('pageFailed.stillOffline')}
        </p>
      )}
    </div>
  );
}
