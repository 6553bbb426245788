import { useWording } from '@/i18n/audience.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/** The warning-signs page shows the emergency number too (policy §5, v2): no need to finish the check first. */
export function RedFlagsEmergencyNote() {
  const { t } = useWording(['questions', 'common']);
  const number = useClinicSettings().emergencyNumber;
  return (
    <div className="inset-text inset-text--warning emergency-note" data-emergency-note>
      <p>{t('redFlags.emergencyNote', { number })}</p>
      <a className="emergency-call" href={`tel:${number}`}>
        {t('common:start.emergencyCall', { number })}
      </a>
    </div>
  );
}
