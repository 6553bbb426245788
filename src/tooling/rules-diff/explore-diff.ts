import type { RuleSet } from '@/triage/rules/rule-schema.ts';
import { answerSpace, wholeBox, type AnswerSpace, type Box } from './answer-space.ts';
import { isPossible } from './answers-in-box.ts';
import { splitBox, splitKey, type Split } from './evaluate-in-box.ts';
import { PARTS, partOf, partSignature, sideInBox, type Part, type PartValue, type SideInBox, type SignatureLine } from './outcome-parts.ts';

/**
 * The exact diff, part by part (urgency, first specialist, each "also consider", each
 * reading item, each safety-net line): the whole answer space is split into boxes, a
 * split only where the part is not yet decided over the box on both sides, until it is.
 * A box where the two sides' rules that matter to the part are the same (the same
 * signature) gives the part the same value for every answer in it, and is not split
 * further. Boxes that hold no possible answer are dropped. So every possible answer
 * lies in exactly one explored box per part, and "no change" is a proof, not a sample.
 */
export interface ChangedClass {
  part: Part;
  from: PartValue;
  to: PartValue;
  box: Box;
}

export interface ExploredDiff {
  space: AnswerSpace;
  changes: ChangedClass[];
  /** Boxes visited over all parts. */
  boxes: number;
}

/** 'same' when both sides have the same lines; else a split deciding a line found on one side only, if one is undecided. */
function differingSplit(was: SignatureLine[], is: SignatureLine[]): Split | 'same' | undefined {
  if (was.length === is.length && was.every((line, index) => line.line === is[index]!.line)) return 'same';
  const before = new Set(was.map((l) => l.line));
  const after = new Set(is.map((l) => l.line));
  const differing = [...was.filter((l) => l.split && !after.has(l.line)), ...is.filter((l) => l.split && !before.has(l.line))];
  // Few differences: decide them first, to prove the rest of the box the same. Many: decide the part instead.
  return differing.length <= 4 ? differing[0]?.split : undefined;
}

export function exploreDiff(before: RuleSet, after: RuleSet): ExploredDiff {
  const space = answerSpace([before, after]);
  const changes: ChangedClass[] = [];
  let boxes = 0;
  /**
   * Each part's own exploration, all at once: the parts that want the same split of a
   * box share its children (and their side evaluations). A part's boxes, and the order
   * it meets them in, are as if it were explored alone.
   */
  const visit = (box: Box, parts: readonly Part[], parents?: readonly [SideInBox, SideInBox], made?: Split): void => {
    boxes += parts.length;
    const sides = [sideInBox(before, box, space, parents?.[0], made), sideInBox(after, box, space, parents?.[1], made)] as const;
    const wanting = new Map<string, { split: Split; parts: Part[] }>();
    for (const part of parts) {
      const split = splitFor(sides, part, box, changes);
      if (!split) continue;
      const key = splitKey(split);
      const group = wanting.get(key);
      if (group) group.parts.push(part);
      else wanting.set(key, { split, parts: [part] });
    }
    for (const { split, parts: splitting } of wanting.values())
      for (const child of splitBox(box, split)) if (isPossible(child, space)) visit(child, splitting, sides, split);
  };
  const root = wholeBox(space);
  if (isPossible(root, space)) visit(root, PARTS);
  return { space, changes, boxes };
}

/** The split a part needs in the box, or none when the part is the same on both sides or decided (a change is recorded). */
function splitFor(sides: readonly [SideInBox, SideInBox], part: Part, box: Box, changes: ChangedClass[]): Split | undefined {
  const signatures = sides.map((side) => partSignature(side, part)) as [SignatureLine[], SignatureLine[]];
  const difference = differingSplit(...signatures);
  if (difference === 'same') return undefined;
  const [then, now] = sides.map((side) => partOf(side, part)) as [ReturnType<typeof partOf>, ReturnType<typeof partOf>];
  if (then.decided && now.decided) {
    if (then.value !== now.value) changes.push({ part, from: then.value, to: now.value, box });
    return undefined;
  }
  // Deciding first what differs between the sides lets the rest of the box be proven the same.
  return difference ?? (!then.decided ? then.split : (now as Extract<typeof now, { decided: false }>).split);
}
