import { useAudience, useWording } from '@/i18n/audience.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import { replayEarlyClick } from '@/components/early-clicks.ts';
import { useEffect, useRef } from 'react';
import type { Audience } from '@/i18n/audience.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';

/** The emergency number first, then Start, then what the check does and does not do, and the mode switch. */
interface StartPageProps {
  onStart: () => void;
  onAudienceChange: (audience: Audience) => void;
}

export function StartPage({ onStart, onAudienceChange }: StartPageProps) {
  const { emergencyNumber } = useClinicSettings();
  // The reception words download only in reception mode.
  const { t, audience } = useWording(useAudience() === 'reception' ? ['common', 'reception'] : ['common']);
  const reception = audience === 'reception';
  const title = reception ? t('reception:start.title') : t('start.title');
  usePageTitle(title);
  // The page may have been clicked while it was only prerendered HTML.
  useEffect(replayEarlyClick, []);
  // The switch's name says what it does, so it flips with the mode (no aria-pressed). Focus stays
  // on it once the other mode's words have loaded, rather than falling to the page's body.
  const modeSwitch = useRef<HTMLButtonElement>(null);
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    modeSwitch.current?.focus();
  }, [reception]);
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
      {/* Start comes before what the check does, so that on a phone it is on the first screen. */}
      <button type="button" className="button button--start" onClick={onStart} data-primary-action>
        {reception ? t('reception:start.startButton') : t('start.startButton')}
      </button>
      <h2 className="heading-m">{t('start.whatItDoesTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoes')}</ul>
      <h2 className="heading-m">{t('start.whatItDoesNotTitle')}</h2>
      <ul className="list list--bullet">{list('start.whatItDoesNot')}</ul>
      <div className="mode-toggle">
        <h2 className="heading-s">{t('modeToggle.label')}</h2>
        <p className="hint">{t('modeToggle.hint')}</p>
        <button
          type="button"
          className="button button--secondary"
          ref={modeSwitch}
          onClick={() => {
            switched.current = true;
            onAudienceChange(reception ? 'patient' : 'reception');
          }}
        >
          {reception ? t('modeToggle.switchOff') : t('modeToggle.switchOn')}
        </button>
      </div>
    </>
  );
}
