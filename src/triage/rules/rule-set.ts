import ruleSet from 'virtual:triage-rules';

/** The clinic's rule set as compiled at build time from `rules/`; evaluate it with evaluateRules. */
export { ruleSet };
