// The postMessage protocol between the wizard (in an iframe) and the clinic's page,
// version 1 (docs/embedding.md). Messages carry how far the person is and the
// outcome's urgency, never their answers, and by default nothing that reveals one:
// not which question is showing (a pregnancy question is asked only of some), not
// the specialist or the articles (an obstetrician, an article on pregnancy). A
// clinic that needs those opts in per key (`hostMessages` in its configuration).

import * as z from 'zod/mini';
import { outcomeFields } from '@/triage/rules/recommendation.ts';
import { LANGUAGES } from '@/i18n/languages.ts';
import { SECTIONS } from '@/triage/fields.ts';

export const PROTOCOL = { source: 'hip-triage', version: 1 } as const;

/** What a `step` message says about the page. */
export const PAGE_KINDS = ['start', 'question', 'check-answers', 'result'] as const;

const envelope = { source: z.literal(PROTOCOL.source), version: z.literal(PROTOCOL.version) };

export const outgoingMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...envelope, type: z.literal('ready'), locale: z.string() }),
  z.strictObject({ ...envelope, type: z.literal('resize'), height: z.number() }),
  z.strictObject({
    ...envelope,
    type: z.literal('step'),
    /** The kind of page, never which question. */
    step: z.enum(PAGE_KINDS),
    /**
     * The part of the check (the progress bar's section) for questions and the check
     * page. Not a position: how many pages came before would tell a pregnancy (two
     * more questions). Sent once per section, not per page, for the same reason.
     */
    section: z.optional(z.enum(SECTIONS)),
    /** Which question (then one message per page): only with `hostMessages.question`. */
    question: z.optional(z.string()),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal('result'),
    // The outcome without the reasons: how urgent; what to book and what to read only when opted in.
    urgency: outcomeFields.urgency,
    specialist: z.optional(outcomeFields.specialist),
    alsoConsider: z.optional(outcomeFields.alsoConsider),
    content: z.optional(outcomeFields.content),
  }),
  z.strictObject({ ...envelope, type: z.literal('restart') }),
  z.strictObject({
    ...envelope,
    type: z.literal('config-error'),
    problems: z.array(z.strictObject({ key: z.string(), message: z.string() })),
  }),
]);
export type OutgoingMessage = z.output<typeof outgoingMessageSchema>;
type Payload<T extends OutgoingMessage['type']> = Omit<Extract<OutgoingMessage, { type: T }>, 'source' | 'version' | 'type'>;

/** What the host page may ask: start again, or switch language. */
export const incomingMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ source: z.literal('hip-triage-host'), version: z.literal(1), type: z.literal('restart') }),
  z.strictObject({ source: z.literal('hip-triage-host'), version: z.literal(1), type: z.literal('set-locale'), locale: z.enum(LANGUAGES) }),
]);
export type IncomingMessage = z.output<typeof incomingMessageSchema>;

export interface HostChannel {
  send: <T extends OutgoingMessage['type']>(type: T, payload: Payload<T>) => void;
  close: () => void;
}

/**
 * Talks only to the allowed parent origins: each message is addressed to an
 * allowed origin, so the browser delivers nothing to any other page; and only
 * messages from the parent window, from an allowed origin, that match the schema
 * are acted on. Not embedded, or no origin allowed: nothing is sent.
 */
export function openHostChannel(
  allowedOrigins: readonly string[],
  onMessage: (message: IncomingMessage) => void,
  win: Window = window,
): HostChannel {
  const parent = win.parent !== win ? win.parent : null;
  const listener = (event: MessageEvent) => {
    if (!parent || event.source !== parent || !allowedOrigins.includes(event.origin)) return;
    const parsed = z.safeParse(incomingMessageSchema, event.data);
    if (parsed.success) onMessage(parsed.data);
  };
  win.addEventListener('message', listener);
  return {
    send: (type, payload) => {
      if (!parent) return;
      const message = z.parse(outgoingMessageSchema, { ...PROTOCOL, type, ...payload });
      for (const origin of allowedOrigins) parent.postMessage(message, origin);
    },
    close: () => win.removeEventListener('message', listener),
  };
}
