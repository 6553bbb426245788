import { useWording } from '@/i18n/audience.tsx';
import { SECTIONS, STEP_SECTION, type Section } from '@/triage/flow/steps.ts';
import type { WizardPage } from '@/triage/flow/triage-machine.ts';

const sectionOf = (page: WizardPage): Section | undefined =>
  page === 'check-answers' ? 'check-answers' : page === 'start' || page === 'result' ? undefined : STEP_SECTION[page];

/**
 * Where the person is, by section rather than "question 4 of 11": the number of
 * questions depends on the answers, so a count would jump about.
 */
export function ProgressSections({ page }: { page: WizardPage }) {
  const { t } = useWording();
  const current = sectionOf(page);
  if (current === undefined) return null;
  const currentIndex = SECTIONS.indexOf(current);
  return (
    <nav className="progress" aria-label={t('progress.label')}>
      <ol className="progress__list">
        {SECTIONS.map((section, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li key={section} className={`progress__item progress__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {t(`progress.sections.${section}`)}
              {state !== 'todo' && <span className="visually-hidden"> ({t(state === 'done' ? 'progress.done' : 'progress.current')})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
