import { useWording } from '@/i18n/audience.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/**
 * The emergency number before a list whose options include emergencies (the field
 * row's `emergencyCallFirst`; policy §5: no need to finish the check first). Its
 * words are the field's `emergencyNote`.
 */
export function EmergencyCallNote({ field }: { field: string }) {
  const { t } = useWording(['questions', 'common']);
  const number = useClinicSettings().emergencyNumber;
  return (
    <div className="inset-text inset-text--warning emergency-note" data-emergency-note>
      <p>{t(`${field}.emergencyNote`, { number })}</p>
      <a className="emergency-call" href={`tel:${number}`}>
        {t('common:start.emergencyCall', { number })}
      </a>
    </div>
  );
}
