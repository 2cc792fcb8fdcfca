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

  it('should read digit groups and decimals written with a space after the separator as one number', () => {
    expect(one('the crowd of 22, 000 sang')).toMatchObject({ text: '22, 000', value: 22000 });
    expect(one('more than 1, 300, 000 voters')).toMatchObject({ value: 1300000, qualifier: 'more-than' });
    expect(one('shares fell 5. 4 per cent')).toMatchObject({ value: 5.4, unit: 'percent' });
    expect(one('a loan of $3. 5bn')).toMatchObject({ value: 3.5e9, unit: 'USD' });
    // The tail of a decimal whose head is glued to a word is no amount of its own.
    expect(findQuantities('worth XY472. 72bn in all')).toEqual([]);
  });

  it('should not take clock times or mixed fractions written with a space after the separator', () => {
    expect(findQuantities('It began at around 08: 30 and was resolved at 09: 40.')).toEqual([]);
    expect(findQuantities('He served 41 / 2 months in prison.')).toEqual([]);
    expect(findQuantities('He served 41 / 2 terms; he served 4 terms.').map((q) => q.value)).toEqual([4]);
  });

  it('should keep numbers apart where a spaced separator does not join one number', () => {
    // A date and a count; a list; a group of other than three digits; a sentence end.
    expect(findQuantities('On June 5, 300 people marched.').map((q) => q.value)).toEqual([300]);
    expect(findQuantities('rooms 4, 12, 300 and 7').map((q) => q.value)).toContain(300);
    expect(findQuantities('rooms 4, 12, 300 and 7').map((q) => q.value)).not.toContain(12300);
    expect(findQuantities('scores of 3, 40 and 12 points').map((q) => q.value)).not.toContain(3040);
    expect(findQuantities('They won 5. 4 people were hurt.').map((q) => q.value)).toEqual([5, 4]);
    expect(findQuantities('It cost 1,250 dollars.').map((q) => q.value)).toEqual([1250]);
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
