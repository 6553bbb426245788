import { NUMBER_MARK, withNumber } from '@/components/number-in-sentence.tsx';
import { useWording } from '@/i18n/audience.tsx';
import type { SafetyNet } from '@/triage/rules/safety-net.ts';

interface SafetyNetAdviceProps {
  safetyNet: SafetyNet;
  number: string;
  /** The clinic's maternity triage line, if configured (policy §5, v3). */
  maternityNumber: string | undefined;
}

/**
 * Safety-netting on a result (policy §2, v3): "Call {number} now if:" with the lines
 * that apply and the warning signs this person was shown (listed in full on print),
 * the same-day step, the pregnancy lines, and the pregnancy note.
 */
export function SafetyNetAdvice({ safetyNet, number, maternityNumber }: SafetyNetAdviceProps) {
  const { t } = useWording(['outcomes', 'questions']);
  const { callNow, callNowIf, warningSigns, sameDay, pregnancyLine, pregnancyNote } = safetyNet;
  if (!callNow && !pregnancyNote) return null;
  const call = (
    <a className="safety-net__number" href={`tel:${number}`}>
      {number}
    </a>
  );
  return (
    <section className="safety-net" aria-labelledby="safety-net-title" data-safety-net>
      <h2 className="heading-s" id="safety-net-title">
        {t('safetyNet.title')}
      </h2>
      {callNow && (
        <>
          <p className="safety-net__call">{withNumber(t('safetyNet.callNowIfLead', { number: NUMBER_MARK }), call)}</p>
          <ul className="list list--bullet safety-net__lines">
            {callNowIf.map((id) => (
              <li key={id} data-call-now-if={id}>
                {t(`safetyNet.callNowIf.${id}`)}
              </li>
            ))}
            <li data-call-now-if="warning-signs">
              {t('safetyNet.warningSigns')}
              {/* On screen behind a toggle; printed in full (policy §2). */}
              <details className="safety-net__signs no-print">
                <summary>{t('safetyNet.warningSignsShow')}</summary>
                <WarningSigns flags={warningSigns} />
              </details>
              <div className="print-only">
                <WarningSigns flags={warningSigns} />
              </div>
            </li>
          </ul>
        </>
      )}
      {sameDay && <p data-safety-net-line="same-day">{t('safetyNet.sameDay')}</p>}
      {pregnancyLine === 'early-pregnancy' && (
        <p data-safety-net-line="early-pregnancy">{withNumber(t('safetyNet.earlyPregnancy', { number: NUMBER_MARK }), call)}</p>
      )}
      {(pregnancyLine === 'maternity-pregnant' || pregnancyLine === 'maternity-postpartum') && (
        <div data-safety-net-line="maternity">
          <p>{t(`safetyNet.maternity.${pregnancyLine === 'maternity-pregnant' ? 'pregnant' : 'postpartum'}`)}</p>
          <p>
            {maternityNumber
              ? withNumber(
                  t('safetyNet.maternity.unitNumber', { maternityNumber: NUMBER_MARK }),
                  <a className="safety-net__number" href={`tel:${maternityNumber}`}>
                    {maternityNumber}
                  </a>,
                )
              : t('safetyNet.maternity.unitNotes')}
          </p>
          <p>{withNumber(t('safetyNet.maternity.callEmergency', { number: NUMBER_MARK }), call)}</p>
        </div>
      )}
      {pregnancyNote && (
        <p className="safety-net__pregnancy" data-safety-net-line={pregnancyNote}>
          {t(pregnancyNote === 'may-be-pregnant' ? 'safetyNet.mayBePregnant' : 'safetyNet.anyChancePregnant')}
        </p>
      )}
    </section>
  );
}

function WarningSigns({ flags }: { flags: SafetyNet['warningSigns'] }) {
  const { t } = useWording(['questions']);
  return (
    <ul className="list list--bullet safety-net__sign-list">
      {flags.map((flag) => (
        <li key={flag} data-warning-sign={flag}>
          {t(`redFlags.options.${flag}.label`)}
        </li>
      ))}
    </ul>
  );
}
