import { useTranslation } from 'react-i18next';
import { articleHref } from '@/app/routes.ts';
import { BackLink } from '@/components/back-link.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';

interface ResultPageProps {
  recommendation: Recommendation;
  emergencyNumber: string;
  /** True when the questions stopped early because of an emergency. */
  stoppedEarly: boolean;
  backHref: string;
  onBack: () => void;
  onRestart: () => void;
}

/**
 * The recommendation as a care card: how soon and who first, then why and what to
 * read. An emergency leads with the number to call, before anything else.
 */
export default function ResultPage({ recommendation, emergencyNumber, stoppedEarly, backHref, onBack, onRestart }: ResultPageProps) {
  const { t } = useTranslation(['outcomes', 'articles', 'common']);
  const { urgency, specialist, alsoConsider, content, reasons } = recommendation;
  const number = emergencyNumber;
  const isEmergency = urgency === 'emergency';
  const instructionKey = isEmergency && specialist === 'obstetrician' ? 'pregnancyInstruction' : 'instruction';
  usePageTitle(t(`urgency.${urgency}.heading`, { number }));

  return (
    <>
      <BackLink href={backHref} onBack={onBack} />
      <>
        <article className={`result care-card care-card--${urgency}`} data-urgency={urgency} data-specialist={specialist}>
          <PageHeading className="care-card__title">{t(`urgency.${urgency}.heading`, { number })}</PageHeading>
          {isEmergency && (
            <a className="emergency-call emergency-call--large" href={`tel:${number}`}>
              {t('callButton', { number })}
            </a>
          )}
          <p className="care-card__instruction">{t(`urgency.${urgency}.${instructionKey}`, { number })}</p>
          {isEmergency && stoppedEarly && <p>{t('emergencyStopped')}</p>}
          <h2 className="heading-m">{t('contactFirst')}</h2>
          <p className="specialist">
            <strong className="specialist__name">{t(`specialists.${specialist}.name`)}</strong>
            <span className="specialist__description">{t(`specialists.${specialist}.description`)}</span>
          </p>
        </article>

        {alsoConsider.length > 0 && (
          <section aria-labelledby="also-consider">
            <h2 className="heading-m" id="also-consider">{t('alsoConsider')}</h2>
            <ul className="list list--bullet">
              {alsoConsider.map((id) => <li key={id}>{t(`specialists.${id}.name`)}</li>)}
            </ul>
          </section>
        )}

        <section aria-labelledby="reasons">
          <h2 className="heading-m" id="reasons">{t('reasonsTitle')}</h2>
          <ul className="list list--bullet reasons">
            {reasons.map((id) => <li key={id} data-rule={id}>{t(`reasons.${id}`)}</li>)}
          </ul>
        </section>

        {content.length > 0 && (
          <section aria-labelledby="reading">
            <h2 className="heading-m" id="reading">{t('readingTitle')}</h2>
            <ul className="article-list">
              {content.map((id) => (
                <li key={id} className="article-list__item">
                  <a className="article-list__link" href={articleHref(id)}>{t(`articles:${id}.title`)}</a>
                  <p className="article-list__summary">{t(`articles:${id}.summary`)}</p>
                </li>
              ))}
            </ul>
          </section>
        )}

        <div className="inset-text not-diagnosis">{t('notDiagnosis')}</div>
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {t('common:nav.startAgain')}
        </button>
      </>
    </>
  );
}
