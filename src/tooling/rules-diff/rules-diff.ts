import { urgencyRank, type Urgency } from '@/triage/catalogue.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import type { AnswerSpace, Box } from './answer-space.ts';
import { exampleAnswers } from './answers-in-box.ts';
import { commonGround, describeBox } from './describe-box.ts';
import { exploreDiff, type ChangedClass } from './explore-diff.ts';
import type { RuleSide } from './rule-sides.ts';

/**
 * The rule diff as people read it: the changed answer classes grouped by what changes
 * (urgency, first specialist, a specialist named, a reading item, a "call now if" line,
 * each from one value to another), the most serious first.
 */
export type Field = 'urgency' | 'specialist' | 'alsoConsider' | 'content' | 'safetyNet';
export type Seriousness = 'emergency-no-longer' | 'lower-urgency' | 'safety-net-line-lost' | 'higher-urgency' | 'other';

export interface ChangeGroup {
  field: Field;
  /** The specialist, reading item or line, for the fields that list several. */
  item?: string;
  from: string;
  to: string;
  seriousness: Seriousness;
  /** How many answer classes (disjoint boxes of the answer space) the group covers. */
  count: number;
  /** What every class of the group has in common. */
  description: string;
  /** The first classes, each in words (all of them are counted). */
  classes: string[];
  /** Answers that show the change, valid under the answers schema. */
  example: Answers;
  boxes: Box[];
}

export interface RulesDiff {
  before: RuleSide;
  after: RuleSide;
  space: AnswerSpace;
  groups: ChangeGroup[];
  /** Whether some answer gets a lower urgency after than before. */
  lowersUrgency: boolean;
  /** Boxes of the answer space examined. */
  boxes: number;
  milliseconds: number;
}

const PRESENCE: Record<'alsoConsider' | 'content' | 'safetyNet', [string, string]> = {
  alsoConsider: ['not named', 'named'],
  content: ['not offered', 'offered'],
  safetyNet: ['not shown', 'shown'],
};

const ORDER: Seriousness[] = ['emergency-no-longer', 'lower-urgency', 'safety-net-line-lost', 'higher-urgency', 'other'];
const FIELD_ORDER: Field[] = ['urgency', 'safetyNet', 'specialist', 'alsoConsider', 'content'];
const SHOWN_CLASSES = 8;

function seriousness(change: ChangedClass): Seriousness {
  if (change.part.kind === 'urgency') {
    const [from, to] = [change.from as Urgency, change.to as Urgency];
    if (from === 'emergency') return 'emergency-no-longer';
    return urgencyRank(to) < urgencyRank(from) ? 'lower-urgency' : 'higher-urgency';
  }
  return change.part.kind === 'safetyNet' && change.from === true ? 'safety-net-line-lost' : 'other';
}

const words = (change: ChangedClass, value: ChangedClass['from']): string =>
  typeof value === 'boolean' ? PRESENCE[change.part.kind as keyof typeof PRESENCE][value ? 1 : 0] : value;

const ticks = (b: Box) => Object.values(b.findings).filter(Boolean).length + Object.values(b.locations).filter(Boolean).length;
/** The simplest class to show: the fewest ticked findings. */
const simplest = (boxes: Box[]): Box => boxes.slice(0, 5000).reduce((best, box) => (ticks(box) < ticks(best) ? box : best));

export function diffRuleSides(before: RuleSide, after: RuleSide): RulesDiff {
  const started = performance.now();
  const explored = exploreDiff(before.ruleSet, after.ruleSet);
  const byKey = new Map<string, ChangedClass[]>();
  for (const change of explored.changes) {
    const key = JSON.stringify([change.part, change.from, change.to]);
    const group = byKey.get(key);
    if (group) group.push(change);
    else byKey.set(key, [change]);
  }
  const groups = [...byKey.values()].map((changes): ChangeGroup => {
    const first = changes[0]!;
    const boxes = changes.map((c) => c.box);
    return {
      field: first.part.kind,
      ...('item' in first.part && { item: first.part.item }),
      from: words(first, first.from),
      to: words(first, first.to),
      seriousness: seriousness(first),
      count: boxes.length,
      description: describeBox(explored.space, commonGround(explored.space, boxes)),
      classes: boxes.slice(0, SHOWN_CLASSES).map((box) => describeBox(explored.space, box)),
      example: exampleAnswers(simplest(boxes), explored.space),
      boxes,
    };
  });
  const rank = (u: string) => (['emergency', 'urgent', 'soon', 'routine'].includes(u) ? urgencyRank(u as Urgency) : 0);
  groups.sort(
    (a, b) =>
      ORDER.indexOf(a.seriousness) - ORDER.indexOf(b.seriousness) ||
      FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) ||
      rank(b.from) - rank(a.from) ||
      rank(a.to) - rank(b.to) ||
      (a.item ?? '').localeCompare(b.item ?? '') ||
      a.from.localeCompare(b.from) ||
      a.to.localeCompare(b.to),
  );
  return {
    before,
    after,
    space: explored.space,
    groups,
    lowersUrgency: groups.some((g) => g.seriousness === 'emergency-no-longer' || g.seriousness === 'lower-urgency'),
    boxes: explored.boxes,
    milliseconds: performance.now() - started,
  };
}
