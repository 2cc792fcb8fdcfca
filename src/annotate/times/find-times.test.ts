import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTimes } from './find-times.js';

const PUBLISHED = '2025-04-26';
const one = (text: string, published: string | null = PUBLISHED) => findTimes(text, published)[0];

describe('findTimes', () => {
  it('should resolve absolute dates with their grain', () => {
    expect(one('It opened on April 26, 2025.')).toMatchObject({
      value: '2025-04-26',
      grain: 'day',
      resolution: 'resolved',
    });
    expect(one('It opened on 2025-04-26.')).toMatchObject({ value: '2025-04-26', grain: 'day' });
    expect(one('It opened in March 2014.')).toMatchObject({
      value: '2014-03',
      grain: 'month',
      resolution: 'resolved',
    });
    expect(one('It opened in 2022.')).toMatchObject({ text: '2022', value: '2022', grain: 'year' });
  });

  it('should imply a missing year from the publication date', () => {
    expect(one('It opened on 26 April.')).toMatchObject({ value: '2025-04-26', resolution: 'implied' });
  });

  it('should keep a later month in the publication year when the text says it is ahead', () => {
    const at = (text: string) => findTimes(text, '2013-09-27')[0]?.value;
    expect(at('The vote is scheduled for December 15 of this year.')).toBe('2013-12-15');
    expect(at('Elections will be held on December 15, officials said.')).toBe('2013-12-15');
    // Without either, a month well after publication is the year before.
    expect(at('The plant opened on December 15, officials said.')).toBe('2012-12-15');
  });

  it('should not read a decade as a date or a clock time', () => {
    expect(
      findTimes('It was taken over by the state in the mid - 1980s after the owner went bankrupt.', null),
    ).toEqual([]);
    expect(findTimes('By the mid-1980s, the dairy was faltering.', '2013-08-24')).toEqual([]);
  });

  it('should resolve relative dates against the publication date', () => {
    expect(one('The dam broke last August.')).toMatchObject({
      text: 'last August',
      value: '2024-08',
      grain: 'month',
      resolution: 'relative',
    });
    expect(one('The dam broke earlier this week.')).toMatchObject({
      text: 'earlier this week',
      grain: 'week',
      resolution: 'relative',
    });
    expect(one('The dam broke on Friday.')).toMatchObject({
      value: '2025-04-25',
      grain: 'day',
      resolution: 'relative',
    });
    expect(one('The dam broke yesterday.')).toMatchObject({ value: '2025-04-25', resolution: 'relative' });
    expect(one('The dam broke last year.')).toMatchObject({
      value: '2024',
      grain: 'year',
      resolution: 'relative',
    });
    expect(one('The dam broke two weeks ago.')).toMatchObject({
      value: '2025-04-12',
      resolution: 'relative',
    });
  });

  it('should resolve a bare day name to the one just past, unless the sentence looks ahead', () => {
    // 2025-04-23 is a Wednesday: the closest Friday would be two days ahead.
    const wednesday = '2025-04-23';
    expect(one('The minister resigned on Friday.', wednesday)).toMatchObject({ value: '2025-04-18' });
    expect(one('Talks ended Monday night.', wednesday)).toMatchObject({ value: '2025-04-21' });
    expect(one('Voting closed on Wednesday.', wednesday)).toMatchObject({ value: '2025-04-23' });
    expect(one('The council will vote on Friday.', wednesday)).toMatchObject({ value: '2025-04-25' });
    expect(one('The hearing is scheduled for Monday.', wednesday)).toMatchObject({ value: '2025-04-28' });
    // A future cue in an earlier sentence does not count.
    expect(findTimes('He will speak. It ended on Friday.', wednesday)[0]).toMatchObject({
      value: '2025-04-18',
    });
    // A modifier is read as it says.
    expect(one('The minister resigned last Friday.', wednesday)).toMatchObject({ value: '2025-04-18' });
    expect(one('The council meets next Friday.', wednesday)).toMatchObject({ value: '2025-05-02' });
  });

  it('should leave relative dates unresolved without a publication date', () => {
    expect(one('The dam broke last August.', null)).toMatchObject({ value: null, resolution: 'unresolved' });
    expect(one('It opened on 26 April.', null)).toMatchObject({ value: null, resolution: 'unresolved' });
  });

  it('should read durations as ISO 8601 periods', () => {
    expect(one('The siege lasted eight months.')).toMatchObject({
      text: 'eight months',
      value: 'P8M',
      grain: 'duration',
    });
    expect(one('They talked for three years.')).toMatchObject({ value: 'P3Y', grain: 'duration' });
  });

  it('should keep spans equal to their slice for random text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'last',
            'May',
            'on',
            'Friday',
            '2021',
            'in',
            'three',
            'weeks',
            'ago',
            ',',
            'March 3',
            'yesterday',
          ),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          const text = parts.join(' ');
          for (const t of findTimes(text, PUBLISHED)) expect(text.slice(t.start, t.end)).toBe(t.text);
        },
      ),
      { numRuns: 50 },
    );
  });
});
