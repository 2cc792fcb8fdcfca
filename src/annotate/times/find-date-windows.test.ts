import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { NEEDS_DIGIT, NEEDS_MONTH, NEEDS_UNIT, NEEDS_WEEKDAY, findDateWindows } from './find-date-windows.js';

const TEXT = [
  'Officials met on Tuesday to discuss the plan.',
  'The talks stalled, and nobody would say why.',
  'Fighting resumed last August, two years after the truce of March 5, 2023.',
  'He had said so a couple of weeks ago, and again earlier this month.',
  'The committee will decide within a few days whether the vote goes ahead.',
  'Residents described a quiet scene that lasted until the end of the month.',
  'Several hours later the statement was withdrawn.',
].join(' ');
const REF = new Date(Date.UTC(2025, 3, 26, 12));

describe('findDateWindows', () => {
  it('should hold every date chrono finds in the whole text', () => {
    const whole = chrono.parse(TEXT, REF).map((r) => [r.index, r.text]);
    const windowed = findDateWindows(TEXT).flatMap((w) =>
      chrono.parse(TEXT.slice(w.start, w.end), REF).map((r) => [w.start + r.index, r.text]),
    );
    expect(whole.length).toBeGreaterThan(5);
    expect(windowed).toEqual(whole);
  });

  it('should leave out text without any date word', () => {
    const text = `${'The council argued about the budget for hours. '.replace('hours', 'ages').repeat(5)}Then it voted on Friday.`;
    const windows = findDateWindows(text);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.start).toBeGreaterThan(150);
  });

  it('should say which parsers a window needs', () => {
    expect(findDateWindows('It was 2019.')[0]!.needs).toBe(NEEDS_DIGIT);
    expect(findDateWindows('It was in May.')[0]!.needs).toBe(NEEDS_MONTH);
    expect(findDateWindows('It was on Monday.')[0]!.needs).toBe(NEEDS_WEEKDAY);
    expect(findDateWindows('It was a few weeks ago.')[0]!.needs).toBe(NEEDS_UNIT);
    expect(findDateWindows('They voted for them.')).toEqual([]);
  });
});
