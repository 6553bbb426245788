import { useWording } from '@/i18n/audience.tsx';
import { pageHref } from '@/wizard/routes.ts';
import { BackLink } from '@/components/back-link.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import { questionsFor } from '@/questions/step-questions.ts';
import { describeAnswer } from '@/questions/describe-answer.ts';

interface CheckAnswersPageProps {
  steps: QuestionStep[];
  answers: AnswersSoFar;
  backHref: string;
  onBack: () => void;
  onChange: (step: QuestionStep) => void;
  onConfirm: () => void;
}

/** Every answer with a Change link that returns here afterwards (GOV.UK pattern). */
export function CheckAnswersPage({ steps, answers, backHref, onBack, onChange, onConfirm }: CheckAnswersPageProps) {
  const { t } = useWording(['common', 'questions']);
  usePageTitle(t('check.title'));
  const rows = steps.flatMap((step) => questionsFor(step, answers).map((question) => ({ step, question })));
  return (
    <>
      <BackLink href={backHref} onBack={onBack} />
      <PageHeading>{t('check.title')}</PageHeading>
      <p className="body-lead">{t('check.lead')}</p>
      <dl className="summary-list">
        {rows.map(({ step, question }) => {
          const label = t(`questions:${question.field}.summary`);
          const words = describeAnswer(question, answers, t);
          return (
            <div className="summary-list__row" key={question.field}>
              <dt className="summary-list__key">{label}</dt>
              <dd className="summary-list__value">
                {words.length === 1 ? (
                  words[0]
                ) : (
                  <ul className="list">
                    {words.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </dd>
              <dd className="summary-list__actions">
                <a
                  href={pageHref(step)}
                  onClick={(event) => {
                    event.preventDefault();
                    onChange(step);
                  }}
                >
                  {t('check.change')}
                  <span className="visually-hidden"> {t('check.changeHidden', { question: label })}</span>
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
      <button type="button" className="button" onClick={onConfirm} data-primary-action>
        {t('check.confirm')}
      </button>
    </>
  );
}
