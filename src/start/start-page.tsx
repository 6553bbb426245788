import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';

/** What the check does and does not do, the emergency number, and Start. */
export function StartPage({ emergencyNumber, onStart }: { emergencyNumber: string; onStart: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('start.title'));
  const list = (key: string) => (t(key, { returnObjects: true }) as string[]).map((item) => <li key={item}>{item}</li>);
  return (
    <>
      <PageHeading className="heading-xl">{t('start.title')}</PageHeading>
      <p className="body-lead">{t('start.lead')}</p>
      <div className="care-card care-card--emergency">
        <h2 className="care-card__heading">{t('start.emergencyTitle')}</h2>
        <p>{t('start.emergency')}</p>
        <a className="emergency-call" href={`tel:${emergencyNumber}`}>
          {t('start.emergencyCall', { number: emergencyNumber })}
        </a>
      </div>
      <h2 className="heading-m">{t('start.whatItDoesTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoes')}</ul>
      <h2 className="heading-m">{t('start.whatItDoesNotTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoesNot')}</ul>
      <button type="button" className="button button--start" onClick={onStart}>
        {t('start.startButton')}
      </button>
    </>
  );
}
