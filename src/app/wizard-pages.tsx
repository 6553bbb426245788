import { lazy, useEffect } from 'react';
import { useMemo } from 'react';
import { isAnswered, viewOf } from '@/triage/flow/flow-position.ts';
import { CheckAnswersPage } from '@/check-answers/check-answers-page.tsx';
import { QuestionPage } from '@/steps/question-page.tsx';
import { StartPage } from '@/start/start-page.tsx';
import { loadArticlePage, loadResultPage, prefetchResult } from './prefetch.ts';
import { preloadStepValidation } from '@/steps/lazy-step-resolver.ts';
import { pageHref, type Route } from '@/wizard/routes.ts';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { TriageActorContext } from '@/wizard/triage-actor-context.ts';
import type { Audience } from '@/i18n/audience.tsx';

const ResultPage = lazy(() => loadWithRetry(loadResultPage));
const ArticlePage = lazy(() => loadWithRetry(loadArticlePage));

/** Renders the page the flow machine is on, and turns clicks into its events. */
export function WizardPages({ route, onAudienceChange }: { route: Route; onAudienceChange: (audience: Audience) => void }) {
  const actor = TriageActorContext.useActorRef();
  const page = TriageActorContext.useSelector((state) => state.value);
  const context = TriageActorContext.useSelector((state) => state.context);
  const back = () => actor.send({ type: 'step.back' });
  useEffect(() => {
    if (page === 'start') preloadStepValidation();
    else prefetchResult();
  }, [page]);
  // Everything about the flow comes from the one derivation the machine uses too.
  const view = useMemo(() => viewOf(context, context.ruleSet), [context]);
  const backHref = page === 'start' ? '#/' : pageHref(view.backFrom(page, context.changing));

  if (route.kind === 'article') return <ArticlePage id={route.id} onBack={() => window.history.back()} />;

  switch (page) {
    case 'start':
      return <StartPage onStart={() => actor.send({ type: 'wizard.start' })} onAudienceChange={onAudienceChange} />;
    case 'check-answers':
      return (
        <CheckAnswersPage
          steps={view.answeredSteps}
          answers={context.answers}
          backHref={backHref}
          onBack={back}
          onChange={(step) => actor.send({ type: 'answers.change', step })}
          onConfirm={() => actor.send({ type: 'answers.confirmed' })}
        />
      );
    case 'result': {
      const { recommendation, answersInForce } = view;
      return (
        <ResultPage
          recommendation={recommendation}
          safetyNet={view.safetyNet}
          instruction={view.instruction}
          reasonsShown={view.reasonsShown}
          answers={answersInForce}
          steps={view.stepsInForce}
          stoppedEarly={view.emergencyAt !== undefined}
          backHref={backHref}
          onBack={back}
          onRestart={() => actor.send({ type: 'wizard.restart' })}
        />
      );
    }
    default:
      return (
        <QuestionPage
          // A new key per page gives each page a fresh form with its own defaults.
          key={page}
          step={page}
          answers={context.answers}
          answeredBefore={isAnswered(context, page)}
          backHref={backHref}
          onBack={back}
          onSubmit={(values) => actor.send({ type: 'step.submitted', step: page, values })}
        />
      );
  }
}
