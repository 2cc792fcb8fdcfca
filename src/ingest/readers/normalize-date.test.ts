import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeDate } from './normalize-date.js';

const CASES: [string, string | null][] = [
  ['2025-04-01', '2025-04-01'],
  ['2025-02-30', null],
  ['2025-04-01T10:00:00+02:00', '2025-04-01T08:00:00.000Z'],
  ['2025-04-01T10:00:00', '2025-04-01T10:00:00.000Z'],
  ['Tue, 01 Apr 2025 10:30:00 +0100', '2025-04-01T09:30:00.000Z'],
  ['Tue, 01 Apr 2025 10:30:00 GMT', '2025-04-01T10:30:00.000Z'],
  ['Tue, 01 Apr 2025 10:30:00', '2025-04-01T10:30:00.000Z'],
  ['April 1, 2025', '2025-04-01'],
  ['1', null],
  ['May', null],
  ['someday soon', null],
  ['', null],
];

describe('normalizeDate', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('should normalise ISO, RFC 822 and free-form dates and reject non-dates', () => {
    expect(CASES.map(([raw]) => normalizeDate(raw))).toEqual(CASES.map(([, expected]) => expected));
  });

  it('should give the same value whatever the machine time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      expect(CASES.map(([raw]) => normalizeDate(raw))).toEqual(CASES.map(([, expected]) => expected));
    }
  });

  it('should return null or an ISO string for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => {
        const value = normalizeDate(raw);
        return value === null || /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/.test(value);
      }),
      { numRuns: 500 },
    );
  });
});
