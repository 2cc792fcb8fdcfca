import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuantities } from './find-quantities.js';
import { QUALIFIERS } from '../lexicon/qualifiers.js';
import { CURRENCY_CODES, CURRENCY_SYMBOLS } from '../lexicon/units.js';

const one = (text: string) => findQuantities(text)[0];

describe('findQuantities', () => {
  it('relies on no currency symbol or code starting with a lower-case letter (its pre-check skips those tokens)', () => {
    for (const unit of [...Object.keys(CURRENCY_SYMBOLS), ...CURRENCY_CODES])
      expect(unit).not.toMatch(/^[a-z]/);
  });

  it('should read a qualified count and the noun phrase it counts', () => {
    expect(one('Officials said around 4,500 Freedonian troops crossed.')).toMatchObject({
      text: 'around 4,500',
      value: 4500,
      qualifier: 'about',
      counted: { text: 'Freedonian troops' },
    });
  });

  it('should extend the counted phrase over a participle clause', () => {
    const q = one('More than 3,200 local fishermen have been injured or displaced, the agency said.');
    expect(q).toMatchObject({ value: 3200, qualifier: 'more-than' });
    expect(q?.counted?.text).toBe('local fishermen have been injured or displaced');
  });

  it('should read number words, fractions and vague plurals', () => {
    expect(one('seventy-six thousand ballots')?.value).toBe(76000);
    expect(one('a dozen boats')?.value).toBe(12);
    expect(one('two-thirds of members')).toMatchObject({ value: 2 / 3, counted: { text: 'members' } });
    expect(one('half a million homes')?.value).toBe(500000);
    expect(one('hundreds of farms')).toMatchObject({
      value: 200,
      qualifier: 'at-least',
      counted: { text: 'farms' },
    });
  });

  it('should read money and percentages with their unit', () => {
    expect(one('a loan of $3bn')).toMatchObject({ value: 3e9, unit: 'USD' });
    expect(one('worth 1.2 million euros')).toMatchObject({ value: 1.2e6, unit: 'EUR' });
    expect(one('up by about 12% this year')).toMatchObject({
      value: 12,
      unit: 'percent',
      qualifier: 'about',
    });
  });

  it('should read ranges', () => {
    expect(one('between 10 and 20 boats')).toMatchObject({ value: 10, upper: 20, qualifier: 'range' });
    expect(one('10-20 km')).toMatchObject({ value: 10, upper: 20, qualifier: 'range', unit: 'km' });
    expect(one('10 to 20 boats')).toMatchObject({ value: 10, upper: 20, qualifier: 'range' });
  });

  it('should map every qualifier in the table to its class', () => {
    for (const [phrase, qualifier] of Object.entries(QUALIFIERS)) {
      if (phrase === 'or so') continue;
      expect(one(`They counted ${phrase} 300 sheep.`)?.qualifier, phrase).toBe(qualifier);
    }
  });

  it('should find a group noun before the number', () => {
    expect(one('They met a force of 5,000.')?.counted?.text).toBe('force');
  });

  it('should not take dates, clock times, ordinals, phone numbers or legal articles', () => {
    const text =
      'On April 26, 2025 at 12:30 pm, the 3rd round under Article 5 began; call 555-0142-1177 in 2022.';
    expect(findQuantities(text)).toEqual([]);
  });

  it('should not take durations, which belong to times', () => {
    expect(findQuantities('The siege lasted eight months.')).toEqual([]);
  });

  it('should keep spans equal to their slice for random text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'about',
            '1,200',
            'people',
            'two',
            'thousand',
            '-',
            '30%',
            '$',
            '5',
            'of',
            'between',
            'and',
            ' ',
            ',',
            'killed',
          ),
          {
            maxLength: 30,
          },
        ),
        fc.string({ maxLength: 40 }),
        (parts, noise) => {
          const text = parts.join(' ') + noise;
          for (const q of findQuantities(text)) {
            expect(text.slice(q.start, q.end)).toBe(q.text);
            if (q.counted) expect(text.slice(q.counted.start, q.counted.end)).toBe(q.counted.text);
            expect(Number.isFinite(q.value)).toBe(true);
          }
        },
      ),
    );
  });
});
