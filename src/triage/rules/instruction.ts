import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { pregnancyStage } from './pregnancy-stage.ts';
import type { Recommendation } from './recommendation.ts';

/**
 * Which wording of the urgency's instruction a person gets (policy §2, v3), the key
 * under `urgency.<urgency>.` in outcomes.json:
 * - emergency: "or your maternity unit" too from 20 weeks of pregnancy;
 * - urgent: the maternity unit (triage) today from 20 weeks; after birth, the
 *   maternity unit or the family doctor; earlier or unknown weeks, the general words
 *   and "tell them you are pregnant".
 */
export type InstructionKey = 'instruction' | 'laterPregnancyInstruction' | 'postpartumInstruction' | 'earlyPregnancyInstruction';

export function instructionOf({ urgency }: Pick<Recommendation, 'urgency'>, answers: AnswersSoFar): InstructionKey {
  const stage = pregnancyStage(answers);
  if (urgency === 'emergency') return stage === 'later' ? 'laterPregnancyInstruction' : 'instruction';
  if (urgency !== 'urgent' || stage === undefined) return 'instruction';
  return stage === 'later' ? 'laterPregnancyInstruction' : stage === 'postpartum' ? 'postpartumInstruction' : 'earlyPregnancyInstruction';
}
