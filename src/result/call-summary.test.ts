// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { formatTime } from './call-summary.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('formatTime (issue 21)', () => {
  const moment = new Date('2026-12-07T00:27:00Z');

  it('writes local time as YYYY-MM-DD HH:mm with its UTC offset, on a 24-hour clock, in every language', () => {
    process.env.TZ = 'Europe/Berlin';
    for (const language of ['en', 'ru', 'es']) expect(formatTime(moment, language)).toBe('2026-12-07 01:27 UTC+01:00');
    process.env.TZ = 'America/New_York';
    expect(formatTime(moment, 'en')).toBe('2026-12-06 19:27 UTC-05:00');
    process.env.TZ = 'Asia/Kolkata';
    expect(formatTime(new Date('2026-07-01T12:00:00Z'), 'es')).toBe('2026-07-01 17:30 UTC+05:30');
  });

  it('keeps the date and time in order inside right-to-left text', () => {
    process.env.TZ = 'UTC';
    expect(formatTime(moment, 'ar')).toBe('\u20662026-12-07 00:27 UTC+00:00\u2069');
  });
});
