import { useWording } from '@/i18n/audience.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/** Shown when a page could not load: the emergency number first, then try again. */
export function PageFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useWording();
  const { emergencyNumber } = useClinicSettings();
  return (
    <div className="care-card care-card--emergency" role="alert">
      <h1 className="care-card__title">{t('pageFailed.title')}</h1>
      <p>{t('pageFailed.body')}</p>
      <a className="emergency-call emergency-call--large" href={`tel:${emergencyNumber}`}>
        {t('start.emergencyCall', { number: emergencyNumber })}
      </a>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('pageFailed.retry')}
      </button>
    </div>
  );
}
