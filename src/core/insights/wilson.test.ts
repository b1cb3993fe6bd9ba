import { describe, expect, it } from 'vitest';
import { percent, wilson } from './wilson.ts';

describe('wilson', () => {
  it('matches the textbook interval for 8 of 11', () => {
    const r = wilson(8, 11);
    expect(r.rate).toBeCloseTo(0.7273, 4);
    expect(r.low).toBeCloseTo(0.4344, 3);
    expect(r.high).toBeCloseTo(0.9025, 3);
    expect(r.isSmallSample).toBe(false);
  });

  it('keeps 0 of 5 above zero on the high side and marks it small', () => {
    const r = wilson(0, 5);
    expect(r.rate).toBe(0);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(0.4345, 3);
    expect(r.isSmallSample).toBe(true);
  });

  it('keeps 5 of 5 below one on the low side', () => {
    const r = wilson(5, 5);
    expect(r.rate).toBe(1);
    expect(r.low).toBeCloseTo(0.5655, 3);
    expect(r.high).toBeCloseTo(1, 6);
  });

  it('is symmetric around one half for 50 of 100', () => {
    const r = wilson(50, 100);
    expect(r.low).toBeCloseTo(0.4038, 3);
    expect(r.high).toBeCloseTo(0.5962, 3);
  });

  it('has no rate when there is nothing to count', () => {
    expect(wilson(0, 0)).toMatchObject({ rate: null, n: 0, isSmallSample: true });
  });

  it('widens with a larger z', () => {
    const narrow = wilson(3, 20, 1.0);
    const wide = wilson(3, 20, 2.576);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('formats percentages for text', () => {
    expect(percent(0.125)).toBe('13%');
    expect(percent(null)).toBe('–');
  });
});
