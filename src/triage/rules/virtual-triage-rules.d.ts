declare module 'virtual:triage-rules' {
  const ruleSet: import('./rule-schema').RuleSet;
  export default ruleSet;
}
