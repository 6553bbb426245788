/**
 * One pass over a JSON text before it is parsed, for what JSON.parse cannot tell
 * the CLI: how deep it nests, how many values it holds and how long its lists are
 * (refused before a parse and a check that could take minutes and gigabytes), a name given twice in one object
 * (JSON.parse silently keeps the last; other readers keep the first), and a number
 * that reads as a whole number without being written as one (`1e-400` and `-0.0`
 * read as 0, `3e1` as 30). Invalid JSON is left to JSON.parse: this scan never
 * throws, and what it finds is only reported once the text has parsed.
 */
import { join } from '../fhir/answers-from-response.ts';

/** Where something is in the input, as the CLI names fields: `[3].age`, `entry[0].resource.item[2]`. */
type Step = { key: string } | { index: number };

interface Frame {
  array: boolean;
  /** Array: the index of the next item. Object: the names seen so far. */
  index: number;
  names: Set<string> | undefined;
  /** The name of the member whose value comes next (objects). */
  name: string;
  /** Object: the next string is a name. */
  expectName: boolean;
}

export interface ScanLimits {
  maxDepth: number;
  maxValues: number;
  maxListItems: number;
}

export interface ScanFinding {
  /** Where, as the CLI names fields. */
  path: string;
  kind: 'repeatedName' | 'notWholeNumber';
  /** The number as written (notWholeNumber) or the name (repeatedName). */
  text: string;
}

export type ScanResult = { tooDeep: true } | { tooManyValues: true } | { tooLong: string } | { findings: ScanFinding[]; count: number };

/** A whole number written plainly: an optional minus, no leading zero, no fraction or exponent; never `-0`. */
const PLAIN_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/** Whether JSON.parse reads `text` as a whole number (or -0) although it is not written as one. */
function readsAsHiddenInteger(text: string): boolean {
  if (PLAIN_INTEGER.test(text)) return false;
  const value = Number(text);
  return Number.isInteger(value);
}

const pathOf = (frames: readonly Frame[], last?: Step) => {
  let where = '';
  const steps: Step[] = frames.map((frame) => (frame.array ? { index: frame.index } : { key: frame.name }));
  if (last) steps.push(last);
  for (const step of steps) where = join(where, 'index' in step ? `[${step.index}]` : step.key);
  return where;
};

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/**
 * Scans `text`, stopping at the first limit passed; otherwise lists every name given
 * twice and every number that hides a whole number (only the first `keep` of them,
 * with the count of all).
 */
export function scanJson(text: string, limits: ScanLimits, keep = 50): ScanResult {
  const frames: Frame[] = [];
  const findings: ScanFinding[] = [];
  let count = 0;
  let values = 0;
  const found = (kind: ScanFinding['kind'], found: string, last?: Step) => {
    count += 1;
    if (findings.length < keep) findings.push({ path: pathOf(frames, last), kind, text: found });
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 58 /* : */) continue;
    const frame = frames.at(-1);
    if (c === 44 /* , */) {
      if (frame?.array) {
        frame.index += 1;
        if (frame.index >= limits.maxListItems) return { tooLong: pathOf(frames.slice(0, -1)) };
      } else if (frame) frame.expectName = true;
      continue;
    }
    if (c === 93 /* ] */ || c === 125 /* } */) {
      frames.pop();
      continue;
    }
    if (c === 34 /* " */) {
      const start = i;
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 1;
        else if (d === 34) break;
      }
      if (frame && !frame.array && frame.expectName) {
        const raw = text.slice(start, i + 1);
        let name = raw.slice(1, -1);
        if (raw.includes('\\'))
          try {
            name = JSON.parse(raw) as string;
          } catch {
            // Not a valid string: JSON.parse of the whole text says so.
          }
        frame.expectName = false;
        frame.name = name;
        if (frame.names!.has(name)) found('repeatedName', name);
        else frame.names!.add(name);
        continue;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (frames.length >= limits.maxDepth) return { tooDeep: true };
      const array = c === 91;
      frames.push({ array, index: 0, names: array ? undefined : new Set(), name: '', expectName: !array });
    } else if (isNumberChar(c)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i += 1;
      const number = text.slice(start, i + 1);
      if (readsAsHiddenInteger(number)) found('notWholeNumber', number);
    } else {
      // true, false, null (or anything else, left to JSON.parse): one value.
      while (i + 1 < text.length && /[a-z]/.test(text[i + 1]!)) i += 1;
    }
    values += 1;
    if (values > limits.maxValues) return { tooManyValues: true };
  }
  return { findings, count };
}
