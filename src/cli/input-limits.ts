/**
 * What the triage CLI accepts before it parses anything, and how it prints what a
 * person sent: hostile or broken input gets a clear exit-2 message, never a crash,
 * a flood or a terminal escape sequence.
 */

/** 64 MiB: room for well over 100,000 answers objects (about 300 bytes each). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Answers nest three levels (array, object, list); anything far deeper is not answers. */
export const MAX_DEPTH = 32;

/** Problem lines printed before "and N more". */
export const MAX_PROBLEM_LINES = 50;

/** The deepest nesting of arrays and objects in a JSON text, without parsing it (strings are skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) deepest = Math.max(deepest, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) depth -= 1;
  }
  return deepest;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes a line safe for a terminal: control characters (ESC and the rest of C0 and
 * C1) and bidirectional overrides are shown as \u escapes, so input can neither
 * move the cursor, recolour the screen nor reorder what is read.
 */
export const printable = (line: string): string => line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
