import { lazy, useEffect } from 'react';
import { answeredSteps, backTarget, inForce, isAnswered, walk } from '@/triage/flow/flow-position.ts';
import { ruleSet, recommend } from '@/triage/rules/rule-set.ts';
import { safetyNetOf } from '@/triage/rules/safety-net.ts';
import { CheckAnswersPage } from '@/check-answers/check-answers-page.tsx';
import { QuestionPage } from '@/steps/question-page.tsx';
import { StartPage } from '@/start/start-page.tsx';
import { useClinicSettings } from '@/clinic/clinic-settings.tsx';
import { loadArticlePage, loadResultPage, prefetchResult } from './prefetch.ts';
import { pageHref, type Route } from './routes.ts';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { TriageActor } from './triage-actor.ts';
import type { Audience } from '@/reception/audience.tsx';

const ResultPage = lazy(() => loadWithRetry(loadResultPage));
const ArticlePage = lazy(() => loadWithRetry(loadArticlePage));

/** Renders the page the flow machine is on, and turns clicks into its events. */
export function WizardPages({ route, onAudienceChange }: { route: Route; onAudienceChange: (audience: Audience) => void }) {
  const actor = TriageActor.useActorRef();
  const page = TriageActor.useSelector((state) => state.value);
  const context = TriageActor.useSelector((state) => state.context);
  const settings = useClinicSettings();
  const back = () => actor.send({ type: 'step.back' });
  useEffect(() => {
    if (page !== 'start') prefetchResult();
  }, [page]);
  const backHref = page === 'start' ? '#/' : pageHref(backTarget(context, page, ruleSet, context.changing));
  const inForceNow = inForce(context, ruleSet);

  if (route.kind === 'article') return <ArticlePage id={route.id} onBack={() => window.history.back()} />;

  switch (page) {
    case 'start':
      return (
        <StartPage
          emergencyNumber={settings.emergencyNumber}
          onStart={() => actor.send({ type: 'wizard.start' })}
          onAudienceChange={onAudienceChange}
        />
      );
    case 'check-answers':
      return (
        <CheckAnswersPage
          steps={answeredSteps(context, ruleSet)}
          answers={context.answers}
          backHref={backHref}
          onBack={back}
          onChange={(step) => actor.send({ type: 'answers.change', step })}
          onConfirm={() => actor.send({ type: 'answers.confirmed' })}
        />
      );
    case 'result': {
      const recommendation = recommend(inForceNow.answers);
      return (
        <ResultPage
          recommendation={recommendation}
          safetyNet={safetyNetOf(ruleSet, recommendation, inForceNow.answers)}
          answers={inForceNow.answers}
          steps={inForceNow.steps}
          emergencyNumber={settings.emergencyNumber}
          stoppedEarly={walk(context, ruleSet).emergencyAt !== undefined}
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
