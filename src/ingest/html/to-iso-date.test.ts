import { describe, expect, it } from 'vitest';
import { toIsoDate } from './to-iso-date.js';

describe('toIsoDate', () => {
  it('should keep a calendar date and a timestamp with its offset', () => {
    expect(toIsoDate('2024-03-05')).toBe('2024-03-05');
    expect(toIsoDate('2024-03-05T09:30:00+0100')).toBe('2024-03-05T09:30:00+01:00');
    expect(toIsoDate('2024-03-05 09:30')).toBe('2024-03-05T09:30:00');
    expect(toIsoDate('2024-03-05T09:30:00.123Z')).toBe('2024-03-05T09:30:00.123Z');
  });

  it('should read epoch seconds and free-form English dates as UTC timestamps', () => {
    expect(toIsoDate('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoDate('Tue, 19 Nov 2019 10:48:00 GMT')).toBe('2019-11-19T10:48:00.000Z');
  });

  it('should reject impossible or missing dates', () => {
    expect(toIsoDate('2024-02-30')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate('0001-01-01T00:00:00Z')).toBeNull();
  });
});
