// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { printable, printableJson } from './input-limits.ts';

describe('printing what a person sent', () => {
  it('escapes control, format, separator and invisible characters, and leaves ordinary text (Arabic, Cyrillic, emoji) as it is', () => {
    const hidden = ['\u0000', '\u001b', '\u007f', '\u0085', '\u00ad', '\u061c', '\u115f', '\u180e', '\u200b', '\u200d', '\u200f'];
    const more = ['\u2028', '\u2029', '\u202e', '\u2066', '\u3164', '\ufe0f', '\ufeff', '\ud800', '\u{e0041}'];
    for (const c of [...hidden, ...more]) expect(printable(`a${c}b`), escape(c)).toMatch(/^a(\\u[0-9a-f]{4})+b$/);
    expect(printable('ألم في الورك — боль 😀')).toBe('ألم في الورك — боль 😀');
  });

  it('keeps the line breaks of JSON output and escapes the rest so that it still parses to the same text', () => {
    const json = JSON.stringify({ note: 'a\u2028b\u200bc\u202ed', plain: 'x' }, null, 2);
    const printed = printableJson(json);
    expect(printed).not.toMatch(/[\u2028\u200b\u202e]/);
    expect(printed.split('\n')).toHaveLength(json.split('\n').length);
    expect(JSON.parse(printed)).toEqual(JSON.parse(json));
    const plain = JSON.stringify({ a: [1, 'b'] }, null, 2);
    expect(printableJson(plain)).toBe(plain);
  });
});
