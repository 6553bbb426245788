/**
 * What the triage CLI accepts before it parses anything, and how it prints what a
 * person sent: hostile or broken input gets a clear exit-2 message, never a crash,
 * a flood or a terminal escape sequence.
 */

/** 64 MiB: room for well over 100,000 answers objects (about 300 bytes each). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Answers nest three levels (array, object, list); anything far deeper is not answers. */
export const MAX_DEPTH = 32;

/**
 * 2,000,000 values (every number, string, true, false, null, list and object): room
 * for 100,000 answers objects (about 15 values each) or 10,000 FHIR Bundles (about
 * 150). Counted before parsing, so that 60 MB of numbers is refused in a fraction of a
 * second instead of minutes and gigabytes.
 */
export const MAX_VALUES = 2_000_000;

/**
 * 100,000 items in one list: the answers objects or responses of one file, or the
 * items of one response. Checking each costs about 10 µs, so that a list of two
 * million numbers is refused at once instead of checked for 20 seconds.
 */
export const MAX_LIST_ITEMS = 100_000;

/** Problem lines printed before "and N more". */
export const MAX_PROBLEM_LINES = 50;

/**
 * What a terminal or a reader must never be given raw: control characters (C0, DEL,
 * C1: ESC moves the cursor or recolours), format characters (bidirectional marks and
 * overrides such as U+061C and U+202E reorder what is read; zero-width ones such as
 * U+200B and U+FEFF hide), the line and paragraph separators U+2028 and U+2029 (a
 * line break to some readers, not to others), lone surrogates, and every other
 * character Unicode says to show as nothing (Hangul fillers, variation selectors,
 * tags).
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

const escaped = (c: string) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/**
 * Makes text safe for a terminal and for whoever reads it: every character above is
 * shown as its \u escape (as JSON writes one: valid inside a JSON string too), so input
 * can neither move the cursor, recolour the screen, reorder what is read nor hide.
 */
export const printable = (line: string): string => line.replace(UNPRINTABLE, escaped);

/** Every character but printable ASCII and the line feed: a quick test before the slower Unicode one. */
const NOT_PLAIN = /[^\n\x20-\x7e]/;

/**
 * JSON.stringify's output made printable the same way, its own line breaks kept (a
 * line break inside a string is already `\n` there). Plain ASCII, as output nearly
 * always is, is returned as it is without the slower Unicode scan.
 */
export const printableJson = (json: string): string => (NOT_PLAIN.test(json) ? json.split('\n').map(printable).join('\n') : json);
