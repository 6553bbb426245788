import { LATER_PREGNANCY_WEEKS_FROM } from '../catalogue.ts';
import type { AnswersSoFar } from '../answers/answers-schema.ts';

/**
 * Where a pregnancy stands, for the words of the advice (policy §2 and §3, v3): from
 * 20 weeks the maternity unit leads; before, or with the weeks not known, the person
 * may not be booked with one yet; after birth (or a miscarriage or termination) in the
 * last 6 months.
 */
export type PregnancyStage = 'later' | 'early-or-unknown' | 'postpartum';

export function pregnancyStage(answers: AnswersSoFar): PregnancyStage | undefined {
  if (answers.pregnancy === 'postpartum') return 'postpartum';
  if (answers.pregnancy !== 'pregnant') return undefined;
  return answers.pregnancyWeeks !== undefined && answers.pregnancyWeeks >= LATER_PREGNANCY_WEEKS_FROM ? 'later' : 'early-or-unknown';
}
