import { useWording } from '@/i18n/audience.tsx';
import type { SafetyNet } from '@/triage/rules/safety-net.ts';

/**
 * Safety-netting at the end of a non-emergency result (policy §2): when to call the
 * emergency number after all, with a link that dials it.
 */
export function SafetyNetAdvice({ safetyNet, number }: { safetyNet: SafetyNet; number: string }) {
  const { t } = useWording(['outcomes']);
  const { callIfWorse, callNowIf, mayBePregnant } = safetyNet;
  if (!callIfWorse && !mayBePregnant) return null;
  return (
    <section className="safety-net" aria-labelledby="safety-net-title" data-safety-net>
      <h2 className="heading-s" id="safety-net-title">
        {t('safetyNet.title')}
      </h2>
      {callIfWorse && <p className="safety-net__call">{t('safetyNet.callNow', { number })}</p>}
      {callNowIf.length > 0 && (
        <>
          <p>{t('safetyNet.callNowIfLead', { number })}</p>
          <ul className="list list--bullet">
            {callNowIf.map((id) => (
              <li key={id} data-call-now-if={id}>
                {t(`safetyNet.callNowIf.${id}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {callIfWorse && (
        <a className="emergency-call" href={`tel:${number}`}>
          {t('callButton', { number })}
        </a>
      )}
      {mayBePregnant && <p className="safety-net__pregnancy">{t('safetyNet.mayBePregnant')}</p>}
    </section>
  );
}
