import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates.ts';
import { dayNumber, median } from './stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 2, 4])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('dayNumber', () => {
  it('agrees with daysBetween on any pair of dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (a, gap) => {
          const from = addDays('1970-01-01', a);
          const to = addDays(from, gap);
          expect(dayNumber(from)).toBe(a);
          expect(dayNumber(to) - dayNumber(from)).toBe(daysBetween(from, to));
        },
      ),
    );
  });
});
