import { useAudience, useWording } from '@/i18n/audience.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import { replayEarlyClick } from '@/components/early-clicks.ts';
import { useEffect } from 'react';
import type { Audience } from '@/i18n/audience.tsx';

/** What the check does and does not do, the emergency number, and Start. */
interface StartPageProps {
  emergencyNumber: string;
  onStart: () => void;
  onAudienceChange: (audience: Audience) => void;
}

export function StartPage({ emergencyNumber, onStart, onAudienceChange }: StartPageProps) {
  // The reception words download only in reception mode.
  const { t, audience } = useWording(useAudience() === 'reception' ? ['common', 'reception'] : ['common']);
  const reception = audience === 'reception';
  const title = reception ? t('reception:start.title') : t('start.title');
  usePageTitle(title);
  // The page may have been clicked while it was only prerendered HTML.
  useEffect(replayEarlyClick, []);
  const list = (key: string) => (t(key, { returnObjects: true }) as string[]).map((item) => <li key={item}>{item}</li>);
  return (
    <>
      <PageHeading className="heading-xl">{title}</PageHeading>
      <p className="body-lead">{reception ? t('reception:start.lead') : t('start.lead')}</p>
      <div className="care-card care-card--emergency">
        <h2 className="care-card__heading">{t('start.emergencyTitle')}</h2>
        <p>{t('start.emergency', { number: emergencyNumber })}</p>
        <a className="emergency-call" href={`tel:${emergencyNumber}`}>
          {t('start.emergencyCall', { number: emergencyNumber })}
        </a>
      </div>
      <h2 className="heading-m">{t('start.whatItDoesTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoes')}</ul>
      <h2 className="heading-m">{t('start.whatItDoesNotTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoesNot')}</ul>
      <button type="button" className="button button--start" onClick={onStart} data-primary-action>
        {reception ? t('reception:start.startButton') : t('start.startButton')}
      </button>
      <div className="mode-toggle">
        <h2 className="heading-s">{t('modeToggle.label')}</h2>
        <p className="hint">{t('modeToggle.hint')}</p>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={reception}
          onClick={() => onAudienceChange(reception ? 'patient' : 'reception')}
        >
          {reception ? t('modeToggle.switchOff') : t('modeToggle.switchOn')}
        </button>
      </div>
    </>
  );
}
