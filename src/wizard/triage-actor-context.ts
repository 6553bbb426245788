import { createActorContext } from '@xstate/react';
import { triageMachine } from '@/triage/flow/triage-machine.ts';

/** The one running flow machine, shared by every page through React context. */
export const TriageActorContext = createActorContext(triageMachine);
