import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useWording } from '@/i18n/audience.tsx';
import { BackLink } from '@/components/back-link.tsx';
import { ErrorSummary, type FieldError } from '@/components/error-summary.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { usePageTitle } from '@/components/use-page-title.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { NUMBER_RANGES } from '@/triage/catalogue.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import { fieldIds } from './fields/field-ids.ts';
import { QuestionFields } from './question-fields.tsx';
import { formDefaults, unknownFieldName, type FormValues } from './form-values.ts';
import { lazyStepResolver, preloadStepValidation } from './lazy-step-resolver.ts';
import { questionsFor } from '@/questions/step-questions.ts';

interface QuestionPageProps {
  step: QuestionStep;
  answers: AnswersSoFar;
  answeredBefore: boolean;
  backHref: string;
  onBack: () => void;
  onSubmit: (values: AnswersSoFar) => void;
}

/** One question page: heading, the step's fields, error summary, Continue. */
export function QuestionPage({ step, answers, answeredBefore, backHref, onBack, onSubmit }: QuestionPageProps) {
  const { t, audience } = useWording(['questions', 'errors', 'common']);
  const questions = useMemo(() => questionsFor(step, answers), [step, answers]);
  const [unavailable, setUnavailable] = useState<unknown>();
  const resolver = useMemo(() => lazyStepResolver(questions, setUnavailable), [questions]);
  useEffect(preloadStepValidation, []);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<FormValues, unknown, AnswersSoFar>({
    resolver,
    defaultValues: formDefaults(questions, answers, answeredBefore),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { errors } = form.formState;

  const single = questions.length === 1 ? questions[0]! : undefined;
  const heading = single ? t(`${single.field}.question`) : t(`steps.${step}.title`);
  const errorText = (field: string) => {
    const message = (errors[field] ?? errors[unknownFieldName(field)])?.message;
    return message ? t(message, { ns: 'errors', ...rangeOf(field) }) : undefined;
  };
  const summary: FieldError[] = questions
    .map((q) => ({ targetId: fieldIds(q.field).control, message: errorText(q.field) }))
    .filter((e): e is FieldError => e.message !== undefined);
  // The tab's title goes into the browser's history: it names no question ("How many weeks pregnant…").
  usePageTitle(t('neutralTitle.question', { ns: 'common' }), summary.length > 0);

  // Reception mode: the number box takes focus, so the age can be typed at once
  // (this runs after the heading has taken focus; a screen reader still hears the page).
  const firstNumber = questions.find((q) => q.kind === 'number');
  useEffect(() => {
    if (audience === 'reception' && firstNumber) document.getElementById(fieldIds(firstNumber.field).control)?.focus();
  }, [audience, firstNumber]);

  // Validation code that cannot be downloaded goes to the page's error boundary (the number, Try again).
  if (unavailable) throw unavailable;
  return (
    <>
      <BackLink href={backHref} onBack={onBack} />
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={form.handleSubmit(onSubmit, () => setAttempt((n) => n + 1))}
        aria-labelledby={single ? undefined : 'page-heading'}
      >
        {!single && (
          <>
            <PageHeading id="page-heading">{heading}</PageHeading>
            {t(`steps.${step}.hint`, { defaultValue: '' }) && <p className="body-lead">{t(`steps.${step}.hint`)}</p>}
          </>
        )}
        <QuestionFields questions={questions} form={form} errorText={errorText} headingField={single?.field} />
        <button type="submit" className="button">
          {t('common:nav.continue')}
        </button>
      </form>
    </>
  );
}

const rangeOf = (field: string) => NUMBER_RANGES[field as keyof typeof NUMBER_RANGES] ?? {};
