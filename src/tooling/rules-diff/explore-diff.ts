import type { RuleSet } from '@/triage/rules/rule-schema.ts';
import { answerSpace, wholeBox, type AnswerSpace, type Box } from './answer-space.ts';
import { isPossible } from './answers-in-box.ts';
import { splitBox, type Split } from './evaluate-in-box.ts';
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
  const visit = (box: Box, part: Part, parents?: readonly [SideInBox, SideInBox]): void => {
    boxes += 1;
    const sides = [sideInBox(before, box, space, parents?.[0]), sideInBox(after, box, space, parents?.[1])] as const;
    const signatures = sides.map((side) => partSignature(side, part)) as [SignatureLine[], SignatureLine[]];
    const difference = differingSplit(...signatures);
    if (difference === 'same') return;
    const [then, now] = sides.map((side) => partOf(side, part)) as [ReturnType<typeof partOf>, ReturnType<typeof partOf>];
    if (then.decided && now.decided) {
      if (then.value !== now.value) changes.push({ part, from: then.value, to: now.value, box });
      return;
    }
    // Deciding first what differs between the sides lets the rest of the box be proven the same.
    const split = difference ?? (!then.decided ? then.split : (now as Extract<typeof now, { decided: false }>).split);
    for (const child of splitBox(box, split)) if (isPossible(child, space)) visit(child, part, sides);
  };
  const root = wholeBox(space);
  if (isPossible(root, space)) for (const part of PARTS) visit(root, part);
  return { space, changes, boxes };
}
