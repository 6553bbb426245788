import { useWording } from '@/i18n/audience.tsx';

/** What a receptionist says and does when the result is an emergency. */
export function EmergencyScript({ number, maternity }: { number: string; maternity: boolean }) {
  const { t } = useWording('reception');
  return (
    <div className="emergency-script">
      <h2 className="emergency-script__title">{t('emergency.script')}</h2>
      <p className="emergency-script__say">{t(maternity ? 'emergency.sayMaternity' : 'emergency.sayCall', { number })}</p>
      <p className="emergency-script__do">{t('emergency.stayOnLine')}</p>
      <p className="emergency-script__do">{t('emergency.notBook')}</p>
    </div>
  );
}
