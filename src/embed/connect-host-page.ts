import type { i18n as I18n } from 'i18next';
import type { ActorRefFrom } from 'xstate';
import type { ConfigProblem } from '@/clinic/read-clinic-config.ts';
import type { ClinicConfig } from '@/clinic/clinic-config-schema.ts';
import { viewOf } from '@/triage/flow/flow-position.ts';
import { STEP_SECTION } from '@/triage/flow/steps.ts';
import type { triageMachine } from '@/triage/flow/triage-machine.ts';
import { openHostChannel } from './host-messages.ts';
import { switchLanguage } from '@/i18n/i18n.ts';

/**
 * Tells the clinic's page what happened: ready, the content's height, how far the
 * person is (the kind of page and the part of the check), the outcome's urgency and restarts.
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
  // A step message goes only when what it says changes: one per section, so that the
  // number of messages does not count the questions asked (a pregnancy adds two).
  let lastStep: string | undefined;
  const sendStep = (step: Parameters<typeof channel.send<'step'>>[1]) => {
    const said = JSON.stringify(step);
    if (said === lastStep) return;
    lastStep = said;
    channel.send('step', step);
  };
  const onSnapshot = (snapshot: ReturnType<typeof actor.getSnapshot>) => {
    const page = snapshot.value;
    if (page === lastPage) return;
    const wasPage = lastPage;
    lastPage = page;
    const { context } = snapshot;
    if (page === 'result') {
      sendStep({ step: 'result' });
      const { urgency, specialist, alsoConsider, content } = viewOf(context, context.ruleSet).recommendation;
      channel.send('result', {
        urgency,
        ...(reveal.specialist ? { specialist, alsoConsider } : {}),
        ...(reveal.articles ? { content } : {}),
      });
      return;
    }
    if (page === 'start' && wasPage !== undefined && Object.keys(context.offeredWhenAnswered).length === 0) {
      lastStep = undefined;
      channel.send('restart', {});
    }
    if (page === 'start') sendStep({ step: 'start' });
    else if (page === 'check-answers') sendStep({ step: 'check-answers', section: 'check-answers' });
    else sendStep({ step: 'question', section: STEP_SECTION[page], ...(reveal.question ? { question: page } : {}) });
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
