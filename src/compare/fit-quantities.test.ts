import { describe, expect, it } from 'vitest';
import type { Quantity } from '../model/annotations.js';
import { quantitiesFit } from './fit-quantities.js';

const q = (
  value: number,
  qualifier: Quantity['qualifier'] = 'exact',
  upper: number | null = null,
  unit: string | null = null,
) => ({
  value,
  upper,
  qualifier,
  unit,
});

describe('quantitiesFit', () => {
  it('should let "more than 76,000" fit 77,000 but not 60,000', () => {
    expect(quantitiesFit(q(76000, 'more-than'), q(77000))).toBe(true);
    expect(quantitiesFit(q(76000, 'more-than'), q(60000))).toBe(false);
  });
  it('should let "around 70,000" fit 71,000 but not 90,000', () => {
    expect(quantitiesFit(q(70000, 'about'), q(71000))).toBe(true);
    expect(quantitiesFit(q(70000, 'about'), q(90000, 'about'))).toBe(false);
  });
  it('should treat different exact counts as incompatible', () => {
    expect(quantitiesFit(q(12), q(15))).toBe(false);
    expect(quantitiesFit(q(12), q(12))).toBe(true);
  });
  it('should respect ranges and upper bounds', () => {
    expect(quantitiesFit(q(10, 'range', 20), q(15))).toBe(true);
    expect(quantitiesFit(q(10, 'range', 20), q(25))).toBe(false);
    expect(quantitiesFit(q(100, 'at-most'), q(120))).toBe(false);
  });
  it('should never match different units', () => {
    expect(quantitiesFit(q(5, 'exact', null, 'percent'), q(5))).toBe(false);
  });
});
