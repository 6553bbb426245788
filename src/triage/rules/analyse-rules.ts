import { CALL_NOW_IF, CONTENT_IDS, RED_FLAGS, SPECIALISTS, type Finding } from '../catalogue.ts';
import { conditionImplies, satisfiableBoxes } from './condition-space.ts';
import { redFlagsNotUrgentInContext } from './red-flag-contexts.ts';
import type { CompiledRule, RuleSet } from './rule-schema.ts';

/**
 * The rule checker's reasoning (npm run rules:check): rules that can never fire,
 * rules shadowed by an earlier one, red flags that lead nowhere urgent, and ids
 * without words in a supported language. Pure: the caller reads files.
 */
export interface RuleFindings {
  errors: string[];
  warnings: string[];
}

export interface TextLookup {
  languages: readonly string[];
  /** Whether `language` has a non-empty text at `namespace:key`. */
  has: (language: string, namespace: string, key: string) => boolean;
}

const where = (origins: Record<string, string>, rule: CompiledRule) => `${origins[rule.id] ?? 'rules'}: rule ${rule.id}`;

function findingsOf(rule: CompiledRule): Set<Finding> {
  if (!rule.when) return new Set();
  return new Set(satisfiableBoxes(rule.when).flatMap((box) => [...box.findings]));
}

export function analyseRuleSet(ruleSet: RuleSet, origins: Record<string, string>, texts?: TextLookup): RuleFindings {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { rules } = ruleSet;

  for (const rule of rules) {
    if (rule.when && satisfiableBoxes(rule.when).length === 0) {
      errors.push(
        `${where(origins, rule)}: can never fire: no valid answer meets its condition (check for an empty age or pain range, or a pregnancy condition that excludes everyone who is asked about pregnancy)`,
      );
    }
  }

  rules.forEach((rule, index) => {
    if (!rule.when || rule.adds) return;
    const shadow = rules
      .slice(0, index)
      .find(
        (earlier) =>
          earlier.when &&
          !earlier.adds &&
          earlier.urgency === rule.urgency &&
          earlier.specialist === rule.specialist &&
          conditionImplies(rule.when!, earlier.when),
      );
    if (shadow) {
      warnings.push(
        `${where(origins, rule)}: shadowed by ${shadow.id}: whenever it fires, ${shadow.id} fires too with the same urgency and specialist, so it only adds its reason`,
      );
    }
  });

  const leadingSomewhere = new Set(
    rules.filter((r) => r.urgency === 'emergency' || r.urgency === 'urgent').flatMap((r) => [...findingsOf(r)]),
  );
  for (const flag of RED_FLAGS) {
    if (!leadingSomewhere.has(flag))
      errors.push(`red flag "${flag}": no emergency or urgent rule uses it, so it can never make the advice urgent`);
  }
  errors.push(...redFlagsNotUrgentInContext(ruleSet));

  // Safety-netting (policy §2, v3): every urgent result says what should make the person
  // call now, so every urgent rule is named by a line of the safety-net table.
  const named = new Set(ruleSet.safetyNet.flatMap((line) => line.whenFired));
  for (const rule of rules) {
    if (rule.urgency === 'urgent' && !named.has(rule.id))
      errors.push(`${where(origins, rule)}: no line of rules/safety-net.yaml names this urgent rule (policy §2, safety-netting)`);
  }

  if (texts) {
    const used = {
      specialists: new Set(rules.flatMap((r) => [r.specialist, ...r.also])),
      content: new Set(rules.flatMap((r) => r.content)),
    };
    for (const language of texts.languages) {
      for (const rule of rules) {
        if (!texts.has(language, 'outcomes', `reasons.${rule.id}`))
          errors.push(`${where(origins, rule)}: no reason text in locales/${language}/outcomes.json (reasons.${rule.id})`);
      }
      for (const id of CALL_NOW_IF) {
        if (!texts.has(language, 'outcomes', `safetyNet.callNowIf.${id}`))
          errors.push(`"call now if" line "${id}": no text in locales/${language}/outcomes.json (safetyNet.callNowIf.${id})`);
      }
      for (const id of SPECIALISTS) {
        if (!texts.has(language, 'outcomes', `specialists.${id}.name`))
          errors.push(
            `specialist "${id}"${used.specialists.has(id) ? ' (used by rules)' : ''}: no name in locales/${language}/outcomes.json`,
          );
      }
      for (const id of CONTENT_IDS) {
        for (const part of ['title', 'summary']) {
          if (!texts.has(language, 'articles', `${id}.${part}`))
            errors.push(
              `content "${id}"${used.content.has(id) ? ' (used by rules)' : ''}: no ${part} in locales/${language}/articles.json`,
            );
        }
      }
    }
  }
  return { errors, warnings };
}
