import { CALL_NOW_IF, CONTENT_IDS, SPECIALISTS, URGENCIES, urgencyRank } from '@/triage/catalogue.ts';
import type { CompiledRule, Condition, RuleSet } from '@/triage/rules/rule-schema.ts';
import type { AnswerSpace, Box } from './answer-space.ts';
import { evaluateInBox, mentions, splitTarget, type Split, type Verdict } from './evaluate-in-box.ts';

/**
 * The parts of an outcome a rule diff compares, each decided over a whole box when it
 * can be, by the combination rules of evaluate-rules.ts and safety-net.ts: the urgency,
 * the first specialist, each specialist's place in "also consider", each reading
 * item, and each "call now if" line of the safety net.
 */
export type Part =
  | { kind: 'urgency' }
  | { kind: 'specialist' }
  /** Named at all, first or under "also consider". */
  | { kind: 'alsoConsider'; item: string }
  | { kind: 'content'; item: string }
  | { kind: 'safetyNet'; item: string };

export const PARTS: readonly Part[] = [
  { kind: 'urgency' },
  { kind: 'specialist' },
  ...SPECIALISTS.map((item) => ({ kind: 'alsoConsider', item }) as const),
  ...CONTENT_IDS.map((item) => ({ kind: 'content', item }) as const),
  ...CALL_NOW_IF.map((item) => ({ kind: 'safetyNet', item }) as const),
];

export type PartValue = string | boolean;
/** A part's value over the box, or the split that would help decide it. */
export type PartVerdict = { decided: true; value: PartValue } | { decided: false; split: Split };

type Status = { value: true } | { value: false } | { value: 'unknown'; split: Split; residual: string };

const TRUE: Status = { value: true };
const FALSE: Status = { value: false };

/** What a rule set says about its own rules, worked out once per set instead of once per box. */
interface RuleSetIndex {
  /** Rules with a condition that decide the urgency (not "adds"): the fallback fires when none does. */
  conditional: number[];
  fallbacks: number[];
  /** Per specialist, the rules naming it first or under "also consider", in rule order. */
  naming: Map<string, number[]>;
  /** Per reading item, the rules listing it, in rule order. */
  listing: Map<string, number[]>;
  /** Per "call now if" line: the line and the rules whose firing shows it. */
  lines: Map<string, { line: RuleSet['safetyNet'][number]; fired: number[] }>;
}

const indexes = new WeakMap<RuleSet, RuleSetIndex>();

function indexOf(ruleSet: RuleSet): RuleSetIndex {
  let index = indexes.get(ruleSet);
  if (index) return index;
  const byItem = (lists: (rule: CompiledRule) => readonly string[]) => {
    const map = new Map<string, number[]>();
    ruleSet.rules.forEach((rule, i) => {
      for (const item of new Set(lists(rule))) map.set(item, [...(map.get(item) ?? []), i]);
    });
    return map;
  };
  const ids = new Map(ruleSet.rules.map((rule, i) => [rule.id, i]));
  index = {
    conditional: ruleSet.rules.flatMap((rule, i) => (rule.when && !rule.adds ? [i] : [])),
    fallbacks: ruleSet.rules.flatMap((rule, i) => (rule.fallback ? [i] : [])),
    naming: byItem((rule) => [rule.specialist, ...rule.also]),
    listing: byItem((rule) => rule.content),
    lines: new Map(
      ruleSet.safetyNet.map((line) => [line.line, { line, fired: line.whenFired.flatMap((id) => (ids.has(id) ? [ids.get(id)!] : [])) }]),
    ),
  };
  indexes.set(ruleSet, index);
  return index;
}

/**
 * What every part of one side over one box reads (worked out on first use): asking it
 * for each of the ~50 parts of an outcome was most of the diff's time.
 */
interface SideFacts {
  /** Rules that decide the result and may fire here. */
  deciding: number[];
  emergencies: number[];
  emergencyFires: boolean;
  /** The emergency rules' signature lines. */
  isEmergency: SignatureLine[];
  urgency: PartVerdict;
  /** Whether the result is an emergency, over the box. */
  emergency: Verdict;
  residuals: (string | undefined)[];
  conditions: Map<Condition, Verdict>;
}

/** One side's rules, each decided (or not) over a box. */
export interface SideInBox {
  rules: CompiledRule[];
  status: Status[];
  ruleSet: RuleSet;
  box: Box;
  space: AnswerSpace;
  index: RuleSetIndex;
  facts?: SideFacts;
}

/**
 * `parent`: the same side over a box that holds this one; what it decided stays decided.
 * `split`: the split that made this box from the parent's; a rule that does not mention
 * what it split keeps the parent's verdict, undecided or not.
 */
export function sideInBox(ruleSet: RuleSet, box: Box, space: AnswerSpace, parent?: SideInBox, split?: Split): SideInBox {
  const index = indexOf(ruleSet);
  const target = split && splitTarget(split);
  const rules = ruleSet.rules;
  const status: Status[] = new Array<Status>(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const known = parent?.status[i];
    if (
      known &&
      !rule.fallback &&
      (known.value !== 'unknown' || (target !== undefined && rule.when !== undefined && !mentions(rule.when).has(target)))
    )
      status[i] = known;
    else status[i] = rule.when ? evaluateInBox(rule.when, box, space) : FALSE;
  }
  if (index.fallbacks.length > 0) {
    // The fallback fires when no rule other than an "adds" rule fired (firedRules).
    let fires = false;
    let open: Status | undefined;
    for (const i of index.conditional) {
      const s = status[i]!;
      if (s.value === true) fires = true;
      else if (s.value === 'unknown') open ??= s;
    }
    const fallback: Status = fires
      ? FALSE
      : open
        ? { value: 'unknown', split: (open as Extract<Status, { value: 'unknown' }>).split, residual: 'fallback' }
        : TRUE;
    for (const i of index.fallbacks) status[i] = fallback;
  }
  return { rules, status, ruleSet, box, space, index };
}

function factsOf(side: SideInBox): SideFacts {
  if (side.facts) return side.facts;
  const deciding: number[] = [];
  for (let i = 0; i < side.rules.length; i++) if (!side.rules[i]!.adds && side.status[i]!.value !== false) deciding.push(i);
  const emergencies = deciding.filter((i) => side.rules[i]!.urgency === 'emergency');
  const emergencyFires = emergencies.some((i) => side.status[i]!.value === true);
  const facts: SideFacts = {
    deciding,
    emergencies,
    emergencyFires,
    isEmergency: [],
    urgency: { decided: true, value: 'routine' },
    emergency: emergencyFires ? TRUE : ((emergencies.map((i) => side.status[i]!).find((s) => s.value === 'unknown') as Verdict) ?? FALSE),
    residuals: new Array<string | undefined>(side.rules.length),
    conditions: new Map(),
  };
  side.facts = facts;
  facts.isEmergency = sortedLines(emergencies.map((i) => lineOf(side, i, 'emergency')));
  facts.urgency = urgencyOf(side);
  return facts;
}

const splitOf = (status: Status): Split => (status as Extract<Status, { value: 'unknown' }>).split;
const decided = (value: PartValue): PartVerdict => ({ decided: true, value });

function urgencyOf(side: SideInBox): PartVerdict {
  let lower = urgencyRank('routine');
  let upper = lower;
  for (let i = 0; i < side.rules.length; i++) {
    const rule = side.rules[i]!;
    if (rule.adds) continue;
    const value = side.status[i]!.value;
    if (value === true) lower = Math.max(lower, urgencyRank(rule.urgency));
    if (value !== false) upper = Math.max(upper, urgencyRank(rule.urgency));
  }
  if (lower === upper) return decided(URGENCIES.find((urgency) => urgencyRank(urgency) === lower)!);
  const culprit = side.rules.findIndex(
    (rule, index) => !rule.adds && side.status[index]!.value === 'unknown' && urgencyRank(rule.urgency) > lower,
  );
  return { decided: false, split: splitOf(side.status[culprit]!) };
}

function specialistOf(side: SideInBox): PartVerdict {
  const urgency = factsOf(side).urgency;
  if (!urgency.decided) return urgency;
  // The first fired deciding rule of the result's urgency names the specialist.
  const candidates = side.rules.flatMap((rule, index) =>
    !rule.adds && rule.urgency === urgency.value && side.status[index]!.value !== false ? [index] : [],
  );
  const firstSure = candidates.findIndex((index) => side.status[index]!.value === true);
  const upTo = firstSure === -1 ? candidates : candidates.slice(0, firstSure + 1);
  const names = new Set(upTo.map((index) => side.rules[index]!.specialist));
  if (names.size === 1) return decided([...names][0]!);
  const open = upTo.find((index) => side.status[index]!.value === 'unknown')!;
  return { decided: false, split: splitOf(side.status[open]!) };
}

/**
 * Whether some fired rule among those the result names lists the item (`listing`: the
 * rules that list it, specialist and also, or content), given the result's urgency.
 */
function namedBy(side: SideInBox, listing: readonly number[] | undefined): PartVerdict {
  const urgency = factsOf(side).urgency;
  if (!urgency.decided) return urgency;
  let first: number | undefined;
  for (const index of listing ?? []) {
    const value = side.status[index]!.value;
    if (value === false || (urgency.value === 'emergency' && side.rules[index]!.urgency !== 'emergency')) continue;
    if (value === true) return decided(true);
    first ??= index;
  }
  if (first === undefined) return decided(false);
  return { decided: false, split: splitOf(side.status[first]!) };
}

function conditionIn(side: SideInBox, condition: Condition): Verdict {
  const conditions = factsOf(side).conditions;
  let verdict = conditions.get(condition);
  if (!verdict) conditions.set(condition, (verdict = evaluateInBox(condition, side.box, side.space)));
  return verdict;
}

function safetyNetHas(side: SideInBox, item: string): PartVerdict {
  const entry = side.index.lines.get(item);
  if (!entry) return decided(false);
  const { line, fired } = entry;
  // No "call now if" lines on an emergency result (safetyNetOf): its instruction is the call.
  const emergency = factsOf(side).emergency;
  if (emergency.value === true) return decided(false);
  const parts: Verdict[] = [
    anyOf([...fired.map((index) => side.status[index]!), line.orWhen ? conditionIn(side, line.orWhen) : FALSE]),
    line.onlyWhen ? conditionIn(side, line.onlyWhen) : TRUE,
  ];
  if (parts.some((p) => p.value === false)) return decided(false);
  const open = [emergency, ...parts].find((p) => p.value === 'unknown');
  return open ? { decided: false, split: splitOf(open) } : decided(true);
}

function anyOf(verdicts: Verdict[]): Verdict {
  if (verdicts.some((v) => v.value === true)) return TRUE;
  return verdicts.find((v) => v.value === 'unknown') ?? FALSE;
}

export function partOf(side: SideInBox, part: Part): PartVerdict {
  switch (part.kind) {
    case 'urgency':
      return factsOf(side).urgency;
    case 'specialist':
      return specialistOf(side);
    case 'alsoConsider':
      // Named at all, first or under "also consider": a move between the two shows as a change of the first specialist.
      return namedBy(side, side.index.naming.get(part.item));
    case 'content':
      return namedBy(side, side.index.listing.get(part.item));
    case 'safetyNet':
      return safetyNetHas(side, part.item);
  }
}

/** A line of a part's signature, with the split that would help decide it. */
export interface SignatureLine {
  line: string;
  split?: Split;
}

function residualOf(side: SideInBox, index: number): string {
  const s = side.status[index]!;
  if (s.value !== 'unknown') return String(s.value);
  if (!side.rules[index]!.fallback) return s.residual;
  const facts = factsOf(side);
  // The fallback's residual is "none of the deciding rules", spelled out.
  return (facts.residuals[index] ??= `none-of(${facts.deciding
    .filter((i) => i !== index)
    .map((i) => residualOf(side, i))
    .sort()
    .join(';')})`);
}

function lineOf(side: SideInBox, index: number, ...facts: string[]): SignatureLine {
  const s = side.status[index]!;
  const line = [...facts, residualOf(side, index)].join('|');
  return s.value === 'unknown' ? { line, split: s.split } : { line };
}

function sortedLines(lines: SignatureLine[]): SignatureLine[] {
  return lines.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
}

function namingLines(side: SideInBox, listing: readonly number[] | undefined): SignatureLine[] {
  const { emergencyFires } = factsOf(side);
  const lines: SignatureLine[] = [];
  for (const index of listing ?? []) {
    const rule = side.rules[index]!;
    if (side.status[index]!.value !== false && (!emergencyFires || rule.urgency === 'emergency'))
      lines.push(lineOf(side, index, 'names', rule.urgency));
  }
  return sortedLines(lines);
}

/**
 * What a part can still depend on inside the box: the rules that may fire and matter
 * to it, each with its residual condition (the tests not yet decided), and for a
 * safety-net line its own conditions. Two sides with the same lines give the part the
 * same value for every answer in the box.
 */
export function partSignature(side: SideInBox, part: Part): SignatureLine[] {
  const { deciding, emergencies, emergencyFires, isEmergency } = factsOf(side);
  // Once an emergency fires, only the emergency rules count for any part.
  const counted = emergencyFires ? emergencies : deciding;
  switch (part.kind) {
    case 'urgency':
      return emergencyFires
        ? [{ line: 'emergency' }]
        : sortedLines(counted.map((index) => lineOf(side, index, side.rules[index]!.urgency)));
    case 'specialist':
      return counted.map((index) => lineOf(side, index, side.rules[index]!.urgency, side.rules[index]!.specialist));
    case 'alsoConsider':
      return [...isEmergency, ...namingLines(side, side.index.naming.get(part.item))];
    case 'content':
      return [...isEmergency, ...namingLines(side, side.index.listing.get(part.item))];
    case 'safetyNet': {
      const entry = side.index.lines.get(part.item);
      if (!entry || emergencyFires) return [{ line: 'never' }];
      const conditions = [entry.line.orWhen, entry.line.onlyWhen].map((c): SignatureLine => {
        if (!c) return { line: '-' };
        const v = conditionIn(side, c);
        return v.value === 'unknown' ? { line: v.residual, split: v.split } : { line: String(v.value) };
      });
      return [...isEmergency, ...sortedLines(entry.fired.map((index) => lineOf(side, index, 'fired'))), ...conditions];
    }
  }
}
