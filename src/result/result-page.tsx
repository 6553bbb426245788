import { useWording } from '@/i18n/audience.tsx';
import { articleHref } from '@/wizard/routes.ts';
import { BackLink } from '@/components/back-link.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import type { ContentId, Specialist } from '@/triage/catalogue.ts';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import { EmergencyScript } from './emergency-script.tsx';
import { patientUrl } from '@/i18n/audience-setting.ts';
import { useState } from 'react';
import { answerLines, buildSummary, formatTime } from './call-summary.ts';
import { SummaryActions } from './summary-actions.tsx';
import { SafetyNetAdvice } from './safety-net-advice.tsx';
import { ResultSection } from './result-section.tsx';
import type { SafetyNet } from '@/triage/rules/safety-net.ts';
import type { InstructionKey } from '@/triage/rules/instruction.ts';
import type { ReasonsShown } from '@/triage/rules/reasons-shown.ts';

interface ResultPageProps {
  recommendation: Recommendation;
  /** When to call the emergency number after all (policy §2). */
  safetyNet: SafetyNet;
  /** Which wording of the instruction (policy §2, v3). */
  instruction: InstructionKey;
  /** The reasons at the result's urgency, and the others (policy §2, v3). */
  reasonsShown: ReasonsShown;
  answers: AnswersSoFar;
  /** The questions answered, in order (for the summary). */
  steps: QuestionStep[];
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
export default function ResultPage({
  recommendation,
  safetyNet,
  instruction,
  reasonsShown,
  answers,
  steps,
  stoppedEarly,
  backHref,
  onBack,
  onRestart,
}: ResultPageProps) {
  const { t, i18n, audience } = useWording(['outcomes', 'articles', 'common', 'questions']);
  const { urgency, specialist, alsoConsider, content } = recommendation;
  const clinic = useClinicSettings();
  const clinicArticle = (id: ContentId) => clinic.articleUrl(id, i18n.language);
  // The clinic's page for the reading, or ours as a full URL, so that a print shows where to read it.
  const articleUrl = (id: ContentId) => clinicArticle(id) ?? new URL(articleHref(id), window.location.href).href;
  // The summary is passed on to the patient: its reading opens the patient's pages, even when reception copied it.
  const patientArticleUrl = (id: ContentId) => clinicArticle(id) ?? patientUrl(articleHref(id), window.location.href);
  const external = clinic.linkTarget === '_blank' ? { target: '_blank', rel: 'noopener noreferrer' } : { target: clinic.linkTarget };
  const newTab = clinic.linkTarget === '_blank' ? <span className="visually-hidden"> {t('common:newTab')}</span> : null;
  /** The primary specialist's booking link is the page's main action, drawn as a button; the others are plain links. */
  const bookingLink = (id: Specialist, main = false) => {
    const url = clinic.isOffered(id) ? clinic.bookingUrl(id) : undefined;
    return url ? (
      <a className={main ? 'button booking-link booking-link--main' : 'booking-link'} href={url} {...external}>
        {t('bookWith', { specialist: t(`specialists.${id}.name`) })}
        {newTab}
      </a>
    ) : null;
  };
  const number = clinic.emergencyNumber;
  const isEmergency = urgency === 'emergency';
  const maternity = instruction === 'laterPregnancyInstruction';
  // The tab's title goes into the browser's history: it does not say the outcome.
  usePageTitle(t('neutralTitle.result', { ns: 'common' }));
  const [printedAt] = useState(() => new Date());
  // A few dozen short lines: built on each render rather than memoised on a dozen inputs.
  const summary = buildSummary({
    answers,
    steps,
    recommendation,
    safetyNet,
    instruction,
    reasonsShown,
    emergencyNumber: number,
    maternityNumber: clinic.maternityNumber,
    now: printedAt,
    language: i18n.language,
    articleUrl: (id) => patientArticleUrl(id as ContentId),
    t,
  });

  // The heading already says what to do and by when; the instruction shows only where it adds to it (policy v3 §2
  // wording by pregnancy stage, the urgent "how"), and in reception the emergency script says it instead.
  const instructionAddsToHeading =
    (urgency === 'urgent' || urgency === 'emergency' || instruction !== 'instruction') && !(isEmergency && audience === 'reception');

  return (
    <>
      <BackLink href={backHref} onBack={onBack} />
      <article className={`result care-card care-card--${urgency}`} data-urgency={urgency} data-specialist={specialist}>
        <PageHeading className="care-card__title">{t(`urgency.${urgency}.heading`, { number })}</PageHeading>
        {isEmergency && (
          <a className="emergency-call emergency-call--large" href={`tel:${number}`}>
            {t('callButton', { number })}
          </a>
        )}
        {isEmergency && audience === 'reception' && <EmergencyScript number={number} maternity={maternity} />}
        {instructionAddsToHeading && <p className="care-card__instruction">{t(`urgency.${urgency}.${instruction}`, { number })}</p>}
        {isEmergency && stoppedEarly && <p>{t('emergencyStopped')}</p>}
        <h2 className="heading-m">{t('contactFirst')}</h2>
        <p className="specialist">
          <strong className="specialist__name">{t(`specialists.${specialist}.name`)}</strong>
          <span className="specialist__description">{t(`specialists.${specialist}.description`)}</span>
        </p>
        {!isEmergency && bookingLink(specialist, true)}
        {alsoConsider.length > 0 && (
          <section aria-labelledby="also-consider" className="care-card__also">
            <h2 className="heading-s" id="also-consider">
              {t('alsoConsider')}
            </h2>
            <ul className="list list--bullet">
              {alsoConsider.map((id) => (
                <li key={id}>
                  {t(`specialists.${id}.name`)}
                  {!isEmergency && clinic.bookingUrl(id) && <> {bookingLink(id)}</>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>

      <ResultSection id="reasons" title={t('reasonsTitle')}>
        <ReasonList ids={reasonsShown.why} />
      </ResultSection>
      {reasonsShown.otherThings.length > 0 && (
        <ResultSection id="other-things" title={t('otherThingsTitle')}>
          <ReasonList ids={reasonsShown.otherThings} />
        </ResultSection>
      )}

      <SafetyNetAdvice safetyNet={safetyNet} number={number} maternityNumber={clinic.maternityNumber} />

      {content.length > 0 && (
        <ResultSection id="reading" title={t('readingTitle')}>
          <ul className="article-list">
            {content.map((id) => (
              <li key={id} className="article-list__item">
                <a className="article-list__link" href={articleUrl(id)} {...(clinicArticle(id) ? external : {})}>
                  {t(`articles:${id}.title`)}
                  {clinicArticle(id) && newTab}
                </a>
                <p className="article-list__summary">{t(`articles:${id}.summary`)}</p>
              </li>
            ))}
          </ul>
        </ResultSection>
      )}

      <div className="inset-text not-diagnosis">{t('notDiagnosis')}</div>
      <SummaryActions summary={summary} answers={answers} recommendation={recommendation} />
      <section className="print-only print-answers">
        <p>
          {t('summary.time')}: {formatTime(printedAt, i18n.language)}
        </p>
        <h2 className="heading-s">{t('summary.answersTitle')}</h2>
        <ul className="list">
          {answerLines(answers, steps, t).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <button type="button" className="button button--secondary no-print" onClick={onRestart}>
        {t('common:nav.startAgain')}
      </button>
    </>
  );
}

function ReasonList({ ids }: { ids: string[] }) {
  const { t } = useWording(['outcomes']);
  return (
    <ul className="list list--bullet reasons">
      {ids.map((id) => (
        <li key={id} data-rule={id}>
          {t(`reasons.${id}`)}
        </li>
      ))}
    </ul>
  );
}
