import ruleSet from 'virtual:triage-rules';
import type { AnswersSoFar } from '../answers/answers-schema.ts';
import { evaluateRules } from './evaluate-rules.ts';

/** The clinic's rule set as compiled at build time from `rules/`. */
export { ruleSet };

export const recommend = (answers: AnswersSoFar) => evaluateRules(ruleSet, answers);
