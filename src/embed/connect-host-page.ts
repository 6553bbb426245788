import type { i18n as I18n } from 'i18next';
import type { ActorRefFrom } from 'xstate';
import type { ConfigProblem } from '@/clinic/read-clinic-config.ts';
import type { ClinicConfig } from '@/clinic/clinic-config-schema.ts';
import { viewOf } from '@/triage/flow/flow-position.ts';
import type { triageMachine } from '@/triage/flow/triage-machine.ts';
import { openHostChannel } from './host-messages.ts';
import { switchLanguage } from '@/i18n/i18n.ts';

/**
 * Tells the clinic's page what happened: ready, the content's height, how far the
 * person is (the kind of page and its position), the outcome's urgency and restarts.
 * Never an answer; which question, the specialist and the articles only if the clinic
 * opted in (`reveal`, its `hostMessages`). Returns a disconnect.
 */
export function connectHostPage(
  actor: ActorRefFrom<typeof triageMachine>,
  allowedOrigins: readonly string[],
  problems: readonly ConfigProblem[],
  i18n: I18n,
  reveal: ClinicConfig['hostMessages'] = {},
): () => void {
  const channel = openHostChannel(allowedOrigins, (message) => {
    if (message.type === 'restart') actor.send({ type: 'wizard.restart' });
    if (message.type === 'set-locale') void switchLanguage(message.locale);
  });

  let lastHeight = 0;
  const root = document.getElementById('root') ?? document.body;
  const observer = new ResizeObserver(() => {
    // While a page's code is on its way, the frame keeps the last page's height rather than shrinking to "Loading".
    if (root.querySelector('main > .loading')) return;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      channel.send('resize', { height });
    }
  });
  observer.observe(root);

  let lastPage: string | undefined;
  const onSnapshot = (snapshot: ReturnType<typeof actor.getSnapshot>) => {
    const page = snapshot.value;
    if (page === lastPage) return;
    const wasPage = lastPage;
    lastPage = page;
    const { context } = snapshot;
    const view = viewOf(context, context.ruleSet);
    const steps = view.followedSteps;
    if (page === 'result') {
      channel.send('step', { step: 'result', index: steps.length + 2 });
      const { urgency, specialist, alsoConsider, content } = view.recommendation;
      channel.send('result', {
        urgency,
        ...(reveal.specialist ? { specialist, alsoConsider } : {}),
        ...(reveal.articles ? { content } : {}),
      });
      return;
    }
    if (page === 'start' && wasPage !== undefined && Object.keys(context.offeredWhenAnswered).length === 0) channel.send('restart', {});
    if (page === 'start' || page === 'check-answers') {
      channel.send('step', { step: page, index: page === 'start' ? 0 : steps.length + 1 });
      return;
    }
    channel.send('step', { step: 'question', index: steps.indexOf(page) + 1, ...(reveal.question ? { question: page } : {}) });
  };
  const subscription = actor.subscribe(onSnapshot);

  channel.send('ready', { locale: i18n.language });
  // A new language is a new "ready" (with its locale), and nothing else is sent again.
  const onLanguage = (locale: string) => channel.send('ready', { locale });
  i18n.on('languageChanged', onLanguage);
  if (problems.length > 0) channel.send('config-error', { problems: [...problems] });
  onSnapshot(actor.getSnapshot());
  return () => {
    subscription.unsubscribe();
    i18n.off('languageChanged', onLanguage);
    observer.disconnect();
    channel.close();
  };
}
