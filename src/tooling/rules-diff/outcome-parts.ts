import { CALL_NOW_IF, CONTENT_IDS, SPECIALISTS, URGENCIES, urgencyRank, type Urgency } from '@/triage/catalogue.ts';
import type { CompiledRule, RuleSet } from '@/triage/rules/rule-schema.ts';
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

/** One side's rules, each decided (or not) over a box. */
export interface SideInBox {
  rules: CompiledRule[];
  status: Status[];
  ruleSet: RuleSet;
  box: Box;
  space: AnswerSpace;
}

/**
 * `parent`: the same side over a box that holds this one; what it decided stays decided.
 * `split`: the split that made this box from the parent's; a rule that does not mention
 * what it split keeps the parent's verdict, undecided or not.
 */
export function sideInBox(ruleSet: RuleSet, box: Box, space: AnswerSpace, parent?: SideInBox, split?: Split): SideInBox {
  const target = split && splitTarget(split);
  const status: Status[] = ruleSet.rules.map((rule, index) => {
    const known = parent?.status[index];
    if (
      known &&
      !rule.fallback &&
      (known.value !== 'unknown' || (target !== undefined && rule.when !== undefined && !mentions(rule.when).has(target)))
    )
      return known;
    return rule.when ? evaluateInBox(rule.when, box, space) : { value: false };
  });
  // The fallback fires when no rule other than an "adds" rule fired (firedRules).
  const deciding = ruleSet.rules.flatMap((rule, index) => (rule.when && !rule.adds ? [status[index]!] : []));
  ruleSet.rules.forEach((rule, index) => {
    if (!rule.fallback) return;
    if (deciding.some((s) => s.value === true)) status[index] = { value: false };
    else if (deciding.every((s) => s.value === false)) status[index] = { value: true };
    else {
      const open = deciding.find((s) => s.value === 'unknown') as Extract<Status, { value: 'unknown' }>;
      status[index] = { value: 'unknown', split: open.split, residual: 'fallback' };
    }
  });
  return { rules: ruleSet.rules, status, ruleSet, box, space };
}

const splitOf = (status: Status): Split => (status as Extract<Status, { value: 'unknown' }>).split;
const decided = (value: PartValue): PartVerdict => ({ decided: true, value });

function urgencyOf(side: SideInBox): PartVerdict {
  let lower = urgencyRank('routine');
  let upper = lower;
  side.rules.forEach((rule, index) => {
    if (rule.adds) return;
    const value = side.status[index]!.value;
    if (value === true) lower = Math.max(lower, urgencyRank(rule.urgency));
    if (value !== false) upper = Math.max(upper, urgencyRank(rule.urgency));
  });
  if (lower === upper) return decided(URGENCIES.find((urgency) => urgencyRank(urgency) === lower)!);
  const culprit = side.rules.findIndex(
    (rule, index) => !rule.adds && side.status[index]!.value === 'unknown' && urgencyRank(rule.urgency) > lower,
  );
  return { decided: false, split: splitOf(side.status[culprit]!) };
}

function specialistOf(side: SideInBox): PartVerdict {
  const urgency = urgencyOf(side);
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

/** Whether some fired rule among those the result names lists `item` (specialist and also, or content). */
function namedBy(side: SideInBox, urgency: Urgency, lists: (rule: CompiledRule) => readonly string[], item: string): PartVerdict {
  const naming = side.rules.flatMap((rule, index) =>
    (urgency !== 'emergency' || rule.urgency === 'emergency') && lists(rule).includes(item) && side.status[index]!.value !== false
      ? [index]
      : [],
  );
  if (naming.some((index) => side.status[index]!.value === true)) return decided(true);
  if (naming.length === 0) return decided(false);
  return { decided: false, split: splitOf(side.status[naming[0]!]!) };
}

/**
 * Whether the result names the specialist at all, first or under "also consider": a
 * specialist moving between the two shows as a change of the first specialist.
 */
function specialistNamed(side: SideInBox, item: string): PartVerdict {
  const urgency = urgencyOf(side);
  if (!urgency.decided) return urgency;
  return namedBy(side, urgency.value as Urgency, (rule) => [rule.specialist, ...rule.also], item);
}

function contentHas(side: SideInBox, item: string): PartVerdict {
  const urgency = urgencyOf(side);
  if (!urgency.decided) return urgency;
  return namedBy(side, urgency.value as Urgency, (rule) => rule.content, item);
}

function safetyNetHas(side: SideInBox, item: string): PartVerdict {
  const line = side.ruleSet.safetyNet.find((l) => l.line === item);
  if (!line) return decided(false);
  // No "call now if" lines on an emergency result (safetyNetOf): its instruction is the call.
  const emergency: Verdict = (() => {
    const emergencies = side.rules.flatMap((rule, index) => (rule.urgency === 'emergency' && !rule.adds ? [side.status[index]!] : []));
    if (emergencies.some((s) => s.value === true)) return { value: true };
    const open = emergencies.find((s) => s.value === 'unknown');
    return open ?? { value: false };
  })();
  if (emergency.value === true) return decided(false);
  const fired = line.whenFired.map((id): Verdict => {
    const index = side.rules.findIndex((rule) => rule.id === id);
    return index === -1 ? { value: false } : side.status[index]!;
  });
  const parts: Verdict[] = [
    anyOf([...fired, line.orWhen ? evaluateInBox(line.orWhen, side.box, side.space) : { value: false }]),
    line.onlyWhen ? evaluateInBox(line.onlyWhen, side.box, side.space) : { value: true },
  ];
  if (parts.some((p) => p.value === false)) return decided(false);
  const open = [emergency, ...parts].find((p) => p.value === 'unknown');
  return open ? { decided: false, split: splitOf(open) } : decided(true);
}

function anyOf(verdicts: Verdict[]): Verdict {
  if (verdicts.some((v) => v.value === true)) return { value: true };
  return verdicts.find((v) => v.value === 'unknown') ?? { value: false };
}

export function partOf(side: SideInBox, part: Part): PartVerdict {
  switch (part.kind) {
    case 'urgency':
      return urgencyOf(side);
    case 'specialist':
      return specialistOf(side);
    case 'alsoConsider':
      return specialistNamed(side, part.item);
    case 'content':
      return contentHas(side, part.item);
    case 'safetyNet':
      return safetyNetHas(side, part.item);
  }
}

/** A line of a part's signature, with the split that would help decide it. */
export interface SignatureLine {
  line: string;
  split?: Split;
}

function residualOf(side: SideInBox, deciding: number[], index: number): string {
  const s = side.status[index]!;
  if (s.value !== 'unknown') return String(s.value);
  // The fallback's residual is "none of the deciding rules", spelled out.
  if (side.rules[index]!.fallback)
    return `none-of(${deciding
      .filter((i) => i !== index)
      .map((i) => residualOf(side, deciding, i))
      .sort()
      .join(';')})`;
  return s.residual;
}

function lineOf(side: SideInBox, deciding: number[], index: number, ...facts: string[]): SignatureLine {
  const s = side.status[index]!;
  return { line: [...facts, residualOf(side, deciding, index)].join('|'), ...(s.value === 'unknown' && { split: s.split }) };
}

function sortedLines(lines: SignatureLine[]): SignatureLine[] {
  return [...lines].sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
}

function namingLines(
  side: SideInBox,
  deciding: number[],
  emergencyFires: boolean,
  lists: (rule: CompiledRule) => readonly string[],
  item: string,
): SignatureLine[] {
  return sortedLines(
    side.rules.flatMap((rule, index) =>
      side.status[index]!.value !== false && lists(rule).includes(item) && (!emergencyFires || rule.urgency === 'emergency')
        ? [lineOf(side, deciding, index, 'names', rule.urgency)]
        : [],
    ),
  );
}

const namedLists = (rule: CompiledRule): readonly string[] => [rule.specialist, ...rule.also];
const contentList = (rule: CompiledRule): readonly string[] => rule.content;

/**
 * What a part can still depend on inside the box: the rules that may fire and matter
 * to it, each with its residual condition (the tests not yet decided), and for a
 * safety-net line its own conditions. Two sides with the same lines give the part the
 * same value for every answer in the box.
 */
export function partSignature(side: SideInBox, part: Part): SignatureLine[] {
  const deciding = side.rules.flatMap((rule, index) => (!rule.adds && side.status[index]!.value !== false ? [index] : []));
  const emergencies = deciding.filter((index) => side.rules[index]!.urgency === 'emergency');
  const emergencyFires = emergencies.some((index) => side.status[index]!.value === true);
  const isEmergency = sortedLines(emergencies.map((index) => lineOf(side, deciding, index, 'emergency')));
  // Once an emergency fires, only the emergency rules count for any part.
  const counted = emergencyFires ? emergencies : deciding;
  switch (part.kind) {
    case 'urgency':
      return emergencyFires
        ? [{ line: 'emergency' }]
        : sortedLines(counted.map((index) => lineOf(side, deciding, index, side.rules[index]!.urgency)));
    case 'specialist':
      return counted.map((index) => lineOf(side, deciding, index, side.rules[index]!.urgency, side.rules[index]!.specialist));
    case 'alsoConsider':
      return [...isEmergency, ...namingLines(side, deciding, emergencyFires, namedLists, part.item)];
    case 'content':
      return [...isEmergency, ...namingLines(side, deciding, emergencyFires, contentList, part.item)];
    case 'safetyNet': {
      const line = side.ruleSet.safetyNet.find((l) => l.line === part.item);
      if (!line || emergencyFires) return [{ line: 'never' }];
      const fired = line.whenFired.map((id) => side.rules.findIndex((rule) => rule.id === id)).filter((i) => i !== -1);
      const conditions = [line.orWhen, line.onlyWhen].map((c): SignatureLine => {
        if (!c) return { line: '-' };
        const v = evaluateInBox(c, side.box, side.space);
        return v.value === 'unknown' ? { line: v.residual, split: v.split } : { line: String(v.value) };
      });
      return [...isEmergency, ...sortedLines(fired.map((index) => lineOf(side, deciding, index, 'fired'))), ...conditions];
    }
  }
}
